"""The firm card: identity, masked contacts (unmasked with an audited reason), cluster, cases, duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import ids
from desktop.core.errors import RejectedInput
from desktop.core.records import Firm
from desktop.store import audit, firms, merge, queries
from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.pages.firms.cluster_box import FirmClusterBox
from desktop.ui.widgets.case_table_view import CaseTableView
from desktop.ui.widgets.common import ErrorLabel, title_label


class FirmCard(QWidget):
    """One firm. Contacts stay masked until a reason is given; each unmask is an audit entry.

    State: the firm shown, whether its contacts are unmasked, its duplicate candidates
    (same BRN, from ``firms.firms_by_brn``) and the model of its cases across sessions.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("firmCard")
        self.firm: Firm | None = None
        self.unmasked = False
        self.title = title_label(self.tr("기업을 고르세요"))
        self.title.setObjectName("firmTitle")
        self.identity = QLabel()
        self.identity.setObjectName("firmIdentity")
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.representative = QLabel()
        self.representative.setObjectName("firmRepresentative")
        self.phone = QLabel()
        self.phone.setObjectName("firmPhone")
        self.email = QLabel()
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("unmaskReason")
        self.reason.setPlaceholderText(self.tr("열람 사유 (예: 회신 결과 안내 전화)"))
        self.unmask_button = QPushButton(self.tr("연락처 보기"))
        self.unmask_button.setObjectName("unmaskButton")
        self.unmask_button.setEnabled(False)
        self.mask_button = QPushButton(self.tr("다시 가리기"))
        self.mask_button.setObjectName("maskButton")
        self.mask_button.hide()
        self.error = ErrorLabel()
        contacts = QGroupBox(self.tr("연락처 (개인정보 — 기본 가림)"))
        contact_form = QFormLayout(contacts)
        contact_form.addRow(self.tr("대표자"), self.representative)
        contact_form.addRow(self.tr("전화"), self.phone)
        contact_form.addRow(self.tr("이메일"), self.email)
        contact_form.addRow(self.tr("주소"), self.address)
        unmask_row = QHBoxLayout()
        unmask_row.addWidget(self.reason, 1)
        unmask_row.addWidget(self.unmask_button)
        unmask_row.addWidget(self.mask_button)
        contact_form.addRow(unmask_row)

        self.cluster_box = FirmClusterBox(ctx)
        self.cluster_box.link_changed.connect(ctx.events.firm_changed.emit)

        self.cases_model = CaseTableModel(ctx.db, ctx.labels(), self, filt=CaseFilter(firm_id="-"))
        self.cases_view = CaseTableView(
            ctx, self.cases_model, "firmCases", hidden_columns=(CaseTableModel.COL_FIRM,)
        )
        self.cases_title = QLabel(self.tr("이 기업의 사례"))
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("firmDuplicates")
        self.duplicates.setMaximumHeight(90)
        self.merge_button = QPushButton(self.tr("선택한 중복 기업을 이 기업으로 병합"))
        self.merge_button.setObjectName("mergeButton")
        self.duplicates_box = QGroupBox(self.tr("중복 후보 (같은 사업자등록번호)"))
        dup_layout = QVBoxLayout(self.duplicates_box)
        dup_layout.addWidget(self.duplicates)
        dup_layout.addWidget(self.merge_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.identity)
        layout.addWidget(contacts)
        layout.addWidget(self.cluster_box)
        layout.addWidget(self.error)
        layout.addWidget(self.duplicates_box)
        layout.addWidget(self.cases_title)
        layout.addWidget(self.cases_view, 1)

        self.reason.textChanged.connect(self._reason_changed)
        self.reason.returnPressed.connect(self.request_unmask)
        self.unmask_button.clicked.connect(self.request_unmask)
        self.mask_button.clicked.connect(self.mask_contacts)
        self.merge_button.clicked.connect(self.request_merge)
        self.show_firm(None)

    def _reason_changed(self, text: str) -> None:
        self.unmask_button.setEnabled(self.firm is not None and bool(text.strip()))

    def show_firm(self, firm: Firm | None) -> None:
        self.firm = firm
        self.unmasked = False
        self.reason.clear()
        self.error.show_text("")
        enabled = firm is not None
        for widget in (self.reason, self.duplicates_box, self.cases_view):
            widget.setEnabled(enabled)
        if firm is None:
            self.title.setText(self.tr("기업을 고르세요"))
            self.identity.clear()
            self._show_contacts()
            self.duplicates.clear()
            self.duplicates_box.hide()
            self.cluster_box.show_firm(None)
            self.cases_model.refresh(CaseFilter(firm_id="-"))
            return
        labels = self._ctx.labels()
        self.title.setText(firm.name)
        parts = [
            self.tr("사업자등록번호 {brn}").format(brn=ids.format_brn(firm.brn)),
            self.tr("법인등록번호 {no}").format(no=ids.mask_corp_no(firm.corp_no)) if firm.corp_no else "",
            labels.region(firm.region_code) if firm.region_code else "",
            labels.size(firm.size),
            f"KSIC {firm.ksic}" if firm.ksic else "",
            self.tr("등록 {day}").format(day=firm.created_at[:10]) if firm.created_at else "",
        ]
        self.identity.setText(" · ".join(p for p in parts if p))
        self._show_contacts()
        self.cluster_box.show_firm(firm)
        self._show_duplicates()
        self.cases_model.refresh(CaseFilter(firm_id=firm.id))
        self.cases_title.setText(
            self.tr("이 기업의 사례 ({n}건, 모든 현장지원단)").format(n=self.cases_model.count)
        )

    def _show_contacts(self) -> None:
        firm = self.firm
        if firm is None:
            for label in (self.representative, self.phone, self.email, self.address):
                label.clear()
            self.mask_button.hide()
            self.unmask_button.show()
            return
        if self.unmasked:
            values = (firm.representative, firm.phone, firm.email, firm.address)
        else:
            values = (
                ids.mask_person_name(firm.representative),
                ids.mask_phone(firm.phone),
                ids.mask_email(firm.email),
                ids.mask_address(firm.address),
            )
        for label, value in zip(
            (self.representative, self.phone, self.email, self.address), values, strict=True
        ):
            label.setText(value or "—")
        self.mask_button.setVisible(self.unmasked)
        self.unmask_button.setVisible(not self.unmasked)
        self.reason.setVisible(not self.unmasked)

    def request_unmask(self) -> None:
        self.unmask(self.reason.text())

    def unmask(self, reason: str) -> bool:
        """Show the contacts unmasked, recording who, when and why in the audit log."""
        if self.firm is None:
            return False
        if not reason.strip():
            self.error.show_text(self.tr("열람 사유를 입력하세요."))
            return False
        db = self._ctx.db
        with db.transaction():
            audit.record(db, self._ctx.actor(), "firm.unmask", self.firm.id, reason=reason.strip())
        self.unmasked = True
        self.error.show_text("")
        self._show_contacts()
        return True

    def mask_contacts(self) -> None:
        self.unmasked = False
        self.reason.clear()
        self._show_contacts()

    def _show_duplicates(self) -> None:
        self.duplicates.clear()
        firm = self.firm
        if firm is None:
            return
        others = [f for f in firms.firms_by_brn(self._ctx.db, firm.brn) if f.id != firm.id]
        labels = self._ctx.labels()
        for other in others:
            n = queries.count_cases(self._ctx.db, CaseFilter(firm_id=other.id))
            text = " · ".join(
                x
                for x in (
                    other.name,
                    labels.region(other.region_code),
                    other.created_at[:10],
                    self.tr("사례 {n}건").format(n=n),
                )
                if x
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.duplicates.addItem(item)
        if others:
            self.duplicates.setCurrentRow(0)
        self.duplicates_box.setVisible(bool(others))

    def request_merge(self) -> None:
        item = self.duplicates.currentItem()
        if item is None or self.firm is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("기업 병합"),
            self.tr(
                "'{other}'의 사례와 동의 기록을 '{keep}'(으)로 옮기고 '{other}'을(를) 삭제 표시합니다. 병합할까요?"  # noqa: E501
            ).format(other=item.text().split(" · ")[0], keep=self.firm.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge(str(item.data(Qt.ItemDataRole.UserRole)))

    def merge(self, other_id: str) -> bool:
        if self.firm is None:
            return False
        keep_id = self.firm.id
        try:
            merge.merge_firms(self._ctx.db, keep_id, other_id, self._ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return False
        self._ctx.events.firms_merged.emit(keep_id, other_id)
        self._ctx.events.cases_changed.emit()
        self.show_firm(firms.get_firm(self._ctx.db, keep_id))
        return True
