"""기한 경과: every overdue case, ageing by agency, and bulk reminders for a coordinator."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.models.ageing_table_model import AgeingTableModel
from desktop.ui.pages.base import Page
from desktop.ui.widgets.case_queue import CaseQueue
from desktop.ui.widgets.common import title_label


class OverduePage(Page):
    """Overdue open cases, most overdue first; click an agency in the ageing table to narrow the list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("overduePage")
        self.queue = CaseQueue(ctx, "overdueList", CaseFilter(overdue=True), self)
        self.agency_label = QLabel()
        self.all_button = QPushButton(self.tr("모든 기관"))
        self.all_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("기한 경과")))
        top.addWidget(self.agency_label)
        top.addStretch(1)
        top.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.queue, 1)
        self.queue.ageing.activated.connect(self._agency_picked)
        self.queue.ageing.clicked.connect(self._agency_picked)
        self.all_button.clicked.connect(lambda: self.narrow(""))
        for signal in (ctx.events.case_added, ctx.events.case_changed, ctx.events.cases_changed):
            signal.connect(self.data_changed)
        self.queue.refresh_ageing()

    def _agency_picked(self, index: QModelIndex) -> None:
        agency_id = index.data(AgeingTableModel.AgencyIdRole)
        if agency_id is not None:
            self.narrow(str(agency_id) or "")

    def narrow(self, agency_id: str) -> None:
        """Show only one agency's overdue cases ('' = all agencies)."""
        filt = replace(CaseFilter(overdue=True), agency_id=agency_id)
        self.queue.set_filter(filt)
        self.agency_label.setText(self._ctx.labels().agency_full(agency_id) if agency_id else "")
        self.all_button.setEnabled(bool(agency_id))

    def refresh(self) -> None:
        self.queue.refresh()

    def save_state(self) -> None:
        self.queue.save_state()
