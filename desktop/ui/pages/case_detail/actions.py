"""Workflow actions on one case: the small dialog that asks what an action needs, then ``cases.act``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import workflow
from desktop.core.errors import RejectedInput
from desktop.core.records import Case
from desktop.store import cases
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import ErrorLabel

# What each action asks for beyond a click (the store and the state machine check the rest).
NEEDS: dict[str, tuple[str, ...]] = {
    "assign": ("agency", "consent", "reason"),
    "transfer": ("agency", "consent", "reason"),
    "reply": ("text",),
    "close": ("result", "reason"),
    "reopen": ("reason",),
    "hold": ("reason",),
    "extend": ("days", "reason"),
    "withdraw": ("reason",),
    "request_supplement": ("reason",),
    "resolve_onsite": ("text",),
}


class ActionDialog(QDialog):
    """Asks for what one workflow action needs (agency + consent, reply text, result, reason, days)."""

    def __init__(self, ctx: AppContext, case: Case, action_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case = case
        self.action_code = action_code
        labels = ctx.labels()
        self.setWindowTitle(
            self.tr("{action} — {number}").format(action=labels.action(action_code), number=case.number)
        )
        self.setObjectName(f"action_{action_code}")
        needs = NEEDS.get(action_code, ())
        form = QFormLayout()
        self.agency = QComboBox()
        self.agency.setObjectName("actionAgency")
        self.consent = QCheckBox(self.tr("기업이 이 기관에 정보 제공(제3자 제공)을 동의함"))
        self.consent.setObjectName("actionConsent")
        self.text = QPlainTextEdit()
        self.text.setObjectName("actionText")
        self.text.setTabChangesFocus(True)
        self.result_box = QComboBox()
        self.result_box.setObjectName("actionResult")
        self.reason = QLineEdit()
        self.reason.setObjectName("actionReason")
        self.days = QSpinBox()
        self.days.setObjectName("actionDays")
        self.days.setRange(1, 60)
        self.days.setValue(7)
        self.days.setSuffix(self.tr("일"))
        if "agency" in needs:
            for a in labels.agencies():
                self.agency.addItem(labels.agency_full(a.id), a.id)
            self.agency.setCurrentIndex(max(self.agency.findData(case.agency_id), 0))
            form.addRow(self.tr("기관"), self.agency)
            form.addRow("", self.consent)
            self.agency.currentIndexChanged.connect(lambda _: self._sync_consent())
            self._sync_consent()
        if "text" in needs:
            self.text.setPlaceholderText(
                self.tr("회신 내용") if action_code == "reply" else self.tr("현장 답변")
            )
            form.addRow(self.tr("내용"), self.text)
        if "result" in needs:
            for code in workflow.CLOSE_RESULTS.get(case.status, ()):
                self.result_box.addItem(labels.result(code), code)
            form.addRow(self.tr("처리 결과"), self.result_box)
        if "days" in needs:
            form.addRow(self.tr("연장 기간"), self.days)
        if "reason" in needs:
            form.addRow(self.tr("사유"), self.reason)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def _sync_consent(self) -> None:
        agency_id = str(self.agency.currentData() or "")
        given = bool(agency_id) and cases.has_consent(self._ctx.db, self.case.id, agency_id)
        self.consent.setChecked(given)
        self.consent.setEnabled(not given)

    def run(self) -> bool:
        """Do the action with what was entered; False (and an inline message) when refused."""
        ctx = self._ctx
        actor = ctx.actor()
        needs = NEEDS.get(self.action_code, ())
        agency = str(self.agency.currentData() or "") if "agency" in needs else ""
        try:
            if agency and self.consent.isChecked() and self.consent.isEnabled():
                cases.record_consent(ctx.db, self.case.id, agency, actor)
            text = self.text.toPlainText().strip()
            if self.action_code == "resolve_onsite" and text:
                cases.add_note(ctx.db, self.case.id, text, actor)
                text = ""
            cases.act(
                ctx.db,
                self.case.id,
                self.action_code,
                actor,
                result_code=str(self.result_box.currentData() or "") if "result" in needs else "",
                reason=self.reason.text().strip(),
                agency=agency,
                text=text,
                extension_days=self.days.value() if "days" in needs else 0,
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(ctx.lang))
            return False
        ctx.events.case_changed.emit(self.case.id)
        return True

    def accept(self) -> None:
        if self.run():
            super().accept()


def run_simple_action(ctx: AppContext, case: Case, action_code: str) -> RejectedInput | None:
    """Actions that need nothing more than a click (classify, start, resume, follow up, …)."""
    try:
        cases.act(ctx.db, case.id, action_code, ctx.actor())
    except RejectedInput as exc:
        return exc
    ctx.events.case_changed.emit(case.id)
    return None
