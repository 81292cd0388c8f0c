"""Case detail: edit the case, move it through the workflow, read its timeline, add notes.

Nothing typed is lost: every edit is kept as a draft (debounced, and on close) until it is
saved, and a new window offers the draft back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import deadlines, workflow
from desktop.core.errors import RejectedInput
from desktop.core.records import Case
from desktop.store import cases
from desktop.store.calendar import work_calendar
from desktop.ui.context import AppContext
from desktop.ui.models.timeline_table_model import TimelineTableModel
from desktop.ui.pages.case_detail.actions import NEEDS, ActionDialog, run_simple_action
from desktop.ui.pages.case_detail.coord_tabs import FollowupTab, ProgramsTab
from desktop.ui.widgets.common import ErrorLabel, MessageBar, debounce_timer, title_label

STATE_COLOURS = {"overdue": "#b02a37", "due_soon": "#997404", "paused": "#6c757d", "on_time": "#146c43"}


def draft_key(case_id: str) -> str:
    return f"case:{case_id}"


class CaseDetailDialog(QDialog):
    """One case. Fields are saved with ``cases.set_fields``, actions run ``cases.act``, notes
    ``cases.add_note`` — the functions ``onestop case set/route/reply/...`` call.

    State: the case as last read from the store (``case``), the action buttons allowed in
    its status, and the draft of unsaved edits (``draft_values``).
    """

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case: Case = cases.get_case(ctx.db, case_id)
        self.setObjectName("caseDetail")
        self.setWindowTitle(self.tr("사례 {number}").format(number=self.case.number))
        self._loading = False
        self.action_buttons: dict[str, QPushButton] = {}
        self._build()
        self._draft_timer = debounce_timer(self, 400, self.save_draft)
        self.load()
        self._offer_draft()
        ctx.events.case_changed.connect(self._case_changed)
        self.resize(1000, 680)
        # Not the firm link (the first focusable widget): an Enter just after opening would leave the case.
        self.note.setFocus()

    # --- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        labels = self._ctx.labels()
        self.draft_bar = MessageBar(self)
        self.title = title_label("")
        self.status_label = QLabel()
        self.status_label.setObjectName("caseStatus")
        self.firm_button = QPushButton()
        self.firm_button.setObjectName("caseFirmButton")
        self.firm_button.setFlat(True)
        self.firm_button.setStyleSheet("text-align: left; color: #0a58ca; text-decoration: underline;")
        self.firm_button.clicked.connect(lambda: self._ctx.events.firm_open_requested.emit(self.case.firm_id))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.firm_button)

        self.text = QPlainTextEdit()
        self.text.setObjectName("caseText")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(200)
        self.field = QComboBox()
        self.field.setObjectName("caseField")
        for f in labels.fields():
            self.field.addItem(labels.field_with_code(f.code), f.code)
        self.kind = QComboBox()
        self.kind.setObjectName("caseKind")
        for k in deadlines.CASE_KINDS:
            self.kind.addItem(labels.kind_with_period(k.code), k.code)
        self.assignee = QLineEdit()
        self.assignee.setObjectName("caseAssignee")
        self.agency_label = QLabel()
        self.agency_label.setObjectName("caseAgency")
        self.received_label = QLabel()
        self.result_label = QLabel()
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("caseDeadline")
        self.clock_history = QLabel()
        self.clock_history.setObjectName("caseClockHistory")
        self.clock_history.setWordWrap(True)
        self.consents_label = QLabel()
        self.consents_label.setObjectName("caseConsents")
        self.consents_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("수정 저장 (Ctrl+S)"))
        self.save_button.setObjectName("caseSave")
        self.revert_button = QPushButton(self.tr("되돌리기"))
        self.error = ErrorLabel()
        self.error.setObjectName("caseError")
        form = QFormLayout()
        form.addRow(self.tr("내용"), self.text)
        form.addRow(self.tr("분야"), self.field)
        form.addRow(self.tr("민원 유형"), self.kind)
        form.addRow(self.tr("담당자"), self.assignee)
        form.addRow(self.tr("기관"), self.agency_label)
        form.addRow(self.tr("접수"), self.received_label)
        form.addRow(self.tr("처리 결과"), self.result_label)
        form.addRow(self.tr("처리기한"), self.deadline_label)
        form.addRow(self.tr("정지·연장"), self.clock_history)
        form.addRow(self.tr("제3자 제공 동의"), self.consents_label)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        self.actions_box = QGroupBox(self.tr("처리 단계"))
        self.actions_layout = QGridLayout(self.actions_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addLayout(save_row)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.actions_box)
        left_layout.addStretch(1)

        self.timeline_model = TimelineTableModel(labels, self)
        self.timeline = QTableView()
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(TimelineTableModel.COL_AT, 125)
        self.timeline.setColumnWidth(TimelineTableModel.COL_ACTOR, 80)
        self.timeline.setColumnWidth(TimelineTableModel.COL_KIND, 75)
        self._ctx.ui_state.restore_header("caseTimeline", self.timeline.horizontalHeader())
        self.note = QLineEdit()
        self.note.setObjectName("caseNote")
        self.note.setPlaceholderText(self.tr("메모를 쓰고 Enter"))
        self.note_button = QPushButton(self.tr("메모 추가"))
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.timeline, 1)
        right_layout.addLayout(note_row)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("caseSideTabs")
        self.side_tabs.addTab(right, self.tr("처리 이력"))
        self.programs_tab = ProgramsTab(self._ctx, self.case)
        self.side_tabs.addTab(self.programs_tab, self.tr("지원사업"))
        self.followup_tab = FollowupTab(self._ctx, self.case)
        self.side_tabs.addTab(self.followup_tab, self.tr("사후관리"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_bar)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.text.textChanged.connect(self._edited)
        self.field.currentIndexChanged.connect(lambda _: self._edited())
        self.kind.currentIndexChanged.connect(lambda _: self._edited())
        self.assignee.textChanged.connect(lambda _: self._edited())
        self.note.textChanged.connect(lambda _: self._edited())
        self.note.returnPressed.connect(self.add_note)
        self.note_button.clicked.connect(self.add_note)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.draft_bar.accepted.connect(self._restore_draft)
        self.draft_bar.rejected.connect(self._discard_draft)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.activated.connect(self.save)

    # --- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read the case, its deadline clock, consents and timeline from the store."""
        ctx = self._ctx
        labels = ctx.labels()
        self.case = case = cases.get_case(ctx.db, self.case.id)
        self._loading = True
        try:
            self.title.setText(case.number)
            self.status_label.setText(f"[{labels.status(case.status)}]")
            self.firm_button.setText(case.firm_name)
            self.text.setPlainText(case.text)
            self.field.setCurrentIndex(self.field.findData(case.field_code))
            self.kind.setCurrentIndex(self.kind.findData(case.kind))
            self.assignee.setText(case.assignee)
        finally:
            self._loading = False
        self.agency_label.setText(
            labels.agency_full(case.agency_id) if case.agency_id else self.tr("(미배정)")
        )
        self.received_label.setText(case.received_at.strftime("%Y-%m-%d %H:%M"))
        result = labels.result(case.result_code)
        self.result_label.setText(
            f"{result} — {case.result_reason}" if case.result_reason else (result or "—")
        )
        self._show_clock()
        consents = cases.consents(ctx.db, case.id)
        self.consents_label.setText(
            "\n".join(
                self.tr("{agency} — {at}, {by}").format(
                    agency=labels.agency_full(c.agency_id),
                    at=c.given_at.strftime("%Y-%m-%d %H:%M"),
                    by=c.given_by,
                )
                for c in consents
            )
            or self.tr("없음")
        )
        self.timeline_model.set_events(cases.timeline(ctx.db, case.id))
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()
        self._build_actions()
        self.programs_tab.load(case)
        self.followup_tab.load(case)

    def _show_clock(self) -> None:
        case = self.case
        clock = cases.case_clock(self._ctx.db, case.id)
        cal = work_calendar(self._ctx.db)
        if not workflow.is_open(case.status):
            self.deadline_label.setText(self.tr("종결됨"))
            self.deadline_label.setStyleSheet("")
        else:
            state = clock.state(self._ctx.now(), cal)
            names = {
                "overdue": self.tr("기한 경과"),
                "due_soon": self.tr("기한 임박"),
                "paused": self.tr("정지 중 (보완 요구)"),
                "on_time": self.tr("기한 내"),
            }
            due = case.deadline_at.strftime("%Y-%m-%d %H:%M") if case.deadline_at else "—"
            # "처리기간": the 7일 is the legal period, not how late the case is.
            self.deadline_label.setText(
                self.tr("{due}  ({state}, 처리기간 {period})").format(
                    due=due, state=names[state], period=clock.period.text(self._ctx.lang)
                )
            )
            self.deadline_label.setStyleSheet(f"color: {STATE_COLOURS[state]}; font-weight: bold;")
        lines = []
        for pause in clock.pauses:
            end = pause.end.strftime("%Y-%m-%d %H:%M") if pause.end else self.tr("진행 중")
            lines.append(
                self.tr("정지 {start} ~ {end} ({reason})").format(
                    start=pause.start.strftime("%Y-%m-%d %H:%M"), end=end, reason=pause.reason or "—"
                )
            )
        if clock.extension is not None:
            ext = clock.extension
            lines.append(
                self.tr("연장 {period} ({at}, 사유: {reason})").format(
                    period=ext.period.text(self._ctx.lang), at=ext.at.strftime("%Y-%m-%d"), reason=ext.reason
                )
            )
        self.clock_history.setText("\n".join(lines) or self.tr("없음"))

    def _build_actions(self) -> None:
        """One button per action the state machine allows in the current status."""
        for button in self.action_buttons.values():
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        labels = self._ctx.labels()
        for n, action in enumerate(workflow.allowed_actions(self.case.status)):
            button = QPushButton(labels.action(action.code))
            button.setObjectName(f"action_{action.code}")
            button.clicked.connect(lambda _=False, code=action.code: self.run_action(code))
            self.actions_layout.addWidget(button, n // 4, n % 4)
            self.action_buttons[action.code] = button

    # --- editing ---------------------------------------------------------------------------------

    def edited_fields(self) -> dict[str, str]:
        """The fields whose widget differs from the stored case."""
        case = self.case
        values = {
            "text": self.text.toPlainText(),
            "field_code": str(self.field.currentData() or ""),
            "kind": str(self.kind.currentData() or ""),
            "assignee": self.assignee.text(),
        }
        stored = {
            "text": case.text,
            "field_code": case.field_code,
            "kind": case.kind,
            "assignee": case.assignee,
        }
        return {k: v for k, v in values.items() if v.strip() != stored[k].strip()}

    def save(self) -> bool:
        changes = self.edited_fields()
        if changes:
            try:
                cases.set_fields(self._ctx.db, self.case.id, changes, self._ctx.actor())
            except RejectedInput as exc:
                self.error.show_text(exc.message(self._ctx.lang))
                return False
        self.error.show_text("")
        self.load()
        self.save_draft()
        if changes:
            self._ctx.events.case_changed.emit(self.case.id)
        return True

    def revert(self) -> None:
        self.note.clear()
        self.load()
        self._ctx.drafts.drop(draft_key(self.case.id))

    def add_note(self) -> None:
        text = self.note.text().strip()
        if not text:
            return
        try:
            cases.add_note(self._ctx.db, self.case.id, text, self._ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.note.clear()
        self.save_draft()
        self._ctx.events.case_changed.emit(self.case.id)

    def run_action(self, code: str) -> None:
        if self.edited_fields() and not self.save():
            return
        if code in NEEDS:
            dialog = ActionDialog(self._ctx, self.case, code, self)
            dialog.exec()
        else:
            problem = run_simple_action(self._ctx, self.case, code)
            if problem is not None:
                self.error.show_text(problem.message(self._ctx.lang))

    def _case_changed(self, case_id: str) -> None:
        if case_id == self.case.id:
            edits = self.edited_fields()
            note = self.note.text()
            self.load()
            self._apply(edits)
            self.note.setText(note)

    def _apply(self, values: dict[str, Any]) -> None:
        if "text" in values:
            self.text.setPlainText(str(values["text"]))
        if "field_code" in values:
            self.field.setCurrentIndex(self.field.findData(values["field_code"]))
        if "kind" in values:
            self.kind.setCurrentIndex(self.kind.findData(values["kind"]))
        if "assignee" in values:
            self.assignee.setText(str(values["assignee"]))
        if "note" in values:
            self.note.setText(str(values["note"]))

    # --- drafts ----------------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._loading:
            self._draft_timer.start()

    def draft_values(self) -> dict[str, Any]:
        values: dict[str, Any] = dict(self.edited_fields())
        if self.note.text().strip():
            values["note"] = self.note.text()
        return values

    def save_draft(self) -> None:
        """Keep unsaved edits (debounced, and on close); an offered older draft stays until decided."""
        self._draft_timer.stop()
        if self.draft_bar.isVisibleTo(self):
            return
        values = self.draft_values()
        if values:
            self._ctx.drafts.put(draft_key(self.case.id), values)
        else:
            self._ctx.drafts.drop(draft_key(self.case.id))

    def _offer_draft(self) -> None:
        draft = self._ctx.drafts.get(draft_key(self.case.id))
        if not draft:
            return
        saved_at = str(draft.get("saved_at", ""))[:16].replace("T", " ")
        self.draft_bar.ask(
            self.tr("저장하지 않은 수정 내용이 있습니다 ({at}). 복원할까요?").format(at=saved_at),
            self.tr("복원"),
            self.tr("버리기"),
        )

    def _discard_draft(self) -> None:
        self._ctx.drafts.drop(draft_key(self.case.id))
        self.save_draft()  # what was typed meanwhile

    def _restore_draft(self) -> None:
        draft = self._ctx.drafts.get(draft_key(self.case.id)) or {}
        self._apply({k: v for k, v in draft.items() if k != "saved_at"})
        self.text.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        self._ctx.ui_state.save_header("caseTimeline", self.timeline.horizontalHeader())
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save_draft()
        super().done(result)
