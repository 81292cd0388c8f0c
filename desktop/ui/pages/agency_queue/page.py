"""기관 업무함: the open cases assigned to one agency, their ageing, and bulk actions."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.pages.base import Page
from desktop.ui.widgets.case_queue import CaseQueue
from desktop.ui.widgets.common import title_label

# Where the agency has to act; replied and follow-up cases are back with the coordinator.
AGENCY_PENDING = ("assigned", "in_progress", "awaiting_supplement", "on_hold")


class AgencyQueuePage(Page):
    """One agency's queue (my agency from the settings by default), oldest deadline first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("agencyQueuePage")
        labels = ctx.labels()
        self.agency = QComboBox()
        self.agency.setObjectName("queueAgency")
        for a in labels.agencies():
            self.agency.addItem(labels.agency_full(a.id), a.id)
        index = self.agency.findData(ctx.settings.agency_id)
        self.agency.setCurrentIndex(max(index, 0))
        self.queue = CaseQueue(
            ctx, "agencyQueue", self._filter(), self, hidden_columns=(CaseTableModel.COL_AGENCY,)
        )
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("기관 업무함")))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("기관")))
        top.addWidget(self.agency)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.queue, 1)
        self.agency.currentIndexChanged.connect(self._agency_changed)
        for signal in (ctx.events.case_added, ctx.events.case_changed, ctx.events.cases_changed):
            signal.connect(self.data_changed)
        self.queue.ageing_agency = self.agency_id
        self.queue.ageing_statuses = AGENCY_PENDING
        self.queue.refresh_ageing()

    @property
    def agency_id(self) -> str:
        return str(self.agency.currentData() or "")

    def _filter(self) -> CaseFilter:
        return CaseFilter(agency_id=self.agency_id or "-", statuses=AGENCY_PENDING)

    def _agency_changed(self, _index: int) -> None:
        self.queue.ageing_agency = self.agency_id
        self.queue.refresh(self._filter())

    def show_agency(self, agency_id: str) -> None:
        index = self.agency.findData(agency_id)
        if index >= 0:
            self.agency.setCurrentIndex(index)

    def refresh(self) -> None:
        self.queue.refresh()

    def save_state(self) -> None:
        self.queue.save_state()
