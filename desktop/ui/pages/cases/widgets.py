"""The case list's filter bar: status, field, agency, session, overdue and free text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.store import sessions
from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import debounce_timer

OPEN = "__open__"


class CaseFilterBar(QWidget):
    """Widgets that build a :class:`CaseFilter`; ``filter_edited`` fires (debounced for text) on change."""

    filter_edited = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        labels = ctx.labels()
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("번호·내용·기업명 검색"))
        self.search.setAccessibleName(self.tr("사례 검색"))
        self.status = QComboBox()
        self.status.setObjectName("caseStatusFilter")
        self.status.addItem(self.tr("모든 상태"), "")
        self.status.addItem(self.tr("처리 중인 사례"), OPEN)
        for status in labels.statuses():
            self.status.addItem(labels.status(status.code), status.code)
        self.field = QComboBox()
        self.field.setObjectName("caseFieldFilter")
        self.field.addItem(self.tr("모든 분야"), "")
        for f in labels.fields():
            self.field.addItem(labels.field_with_code(f.code), f.code)
        self.agency = QComboBox()
        self.agency.setObjectName("caseAgencyFilter")
        self.agency.addItem(self.tr("모든 기관"), "")
        for a in labels.agencies():
            self.agency.addItem(labels.agency(a.id), a.id)
        self.session = QComboBox()
        self.session.setObjectName("caseSessionFilter")
        self.session.addItem(self.tr("모든 현장지원단"), "")
        for s in sessions.list_sessions(ctx.db, limit=100):
            self.session.addItem(f"{s.date.isoformat()} {s.name}", s.id)
        self.session.setMaximumWidth(260)
        self.overdue = QCheckBox(self.tr("기한 경과만"))
        self.overdue.setObjectName("caseOverdueFilter")
        self.mask_names = QCheckBox(self.tr("기업명 가리기"))
        self.mask_names.setObjectName("caseMaskNames")
        self.mask_names.setChecked(ctx.settings.mask_names_in_list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        for widget in (self.status, self.field, self.agency, self.session):
            # Long agency and session names must not widen the window: the popup shows them whole.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)
            widget.view().setMinimumWidth(320)
            layout.addWidget(widget, 1)
        layout.addWidget(self.overdue)
        layout.addWidget(self.mask_names)
        self._timer = debounce_timer(self, 300, self._emit)
        self.search.textChanged.connect(lambda _: self._timer.start())
        for combo in (self.status, self.field, self.agency, self.session):
            combo.currentIndexChanged.connect(lambda _: self._emit())
        self.overdue.toggled.connect(lambda _: self._emit())

    def current_filter(self) -> CaseFilter:
        status = self.status.currentData() or ""
        return CaseFilter(
            statuses=(status,) if status and status != OPEN else (),
            open_only=status == OPEN,
            field_code=self.field.currentData() or "",
            agency_id=self.agency.currentData() or "",
            session_id=self.session.currentData() or "",
            overdue=self.overdue.isChecked(),
            search=self.search.text().strip(),
        )

    def apply_now(self) -> None:
        """Emit the filter at once (Enter in the search box, tests)."""
        self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.filter_edited.emit(self.current_filter())
