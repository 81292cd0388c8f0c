"""기업: find firms (BRN, name substring, 초성) and open a firm card with its cases across sessions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import firms
from desktop.ui.context import AppContext
from desktop.ui.models.firm_table_model import FirmTableModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.firms.widgets import FirmCard
from desktop.ui.widgets.common import debounce_timer


class FirmsPage(Page):
    """Firm search on the left (all firms by name when empty), the firm card on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("firmsPage")
        self.search = QLineEdit()
        self.search.setObjectName("firmSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("사업자등록번호, 기업명 일부 또는 초성 (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("기업 검색"))
        self.model = FirmTableModel(ctx.db, ctx.labels(), self)
        self.table = QTableView()
        self.table.setObjectName("firmList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (FirmTableModel.COL_BRN, 105),
            (FirmTableModel.COL_NAME, 150),
            (FirmTableModel.COL_REGION, 50),
            (FirmTableModel.COL_SIZE, 60),
            (FirmTableModel.COL_KSIC, 70),
            (FirmTableModel.COL_REPRESENTATIVE, 60),
        ):
            self.table.setColumnWidth(column, width)
        for column in (FirmTableModel.COL_KSIC, FirmTableModel.COL_PHONE):
            self.table.setColumnHidden(column, True)
        ctx.ui_state.restore_header("firmList", header)
        header.sectionResized.connect(lambda *_: ctx.ui_state.save_header("firmList", header))
        self.count_label = QLabel()
        self.card = FirmCard(ctx, self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 6)
        ctx.ui_state.restore_splitter("firms", self.splitter)
        self.splitter.splitterMoved.connect(lambda *_: ctx.ui_state.save_splitter("firms", self.splitter))
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._timer = debounce_timer(self, 200, self.run_search)
        self.search.textChanged.connect(self._search_edited)
        self.search.returnPressed.connect(self._open_first)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._row_changed)
        ctx.events.firm_added.connect(self.data_changed)
        ctx.events.firm_changed.connect(self.data_changed)
        ctx.events.firms_merged.connect(self.data_changed)
        ctx.events.cases_changed.connect(self.data_changed)
        self._show_count()

    def _search_edited(self, _text: str) -> None:
        self._timer.start()

    def run_search(self) -> None:
        self._timer.stop()
        self.model.set_query(self.search.text())
        self._show_count()

    def _show_count(self) -> None:
        if self.model.query:
            text = self.tr("찾은 기업 {n}개").format(n=self.model.rowCount())
        else:
            text = self.tr("전체 기업 {n}개").format(n=f"{self.model.total:,}")
        self.count_label.setText(text)

    def _open_first(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    def _row_changed(self, current: QModelIndex, *_: object) -> None:
        firm = self.model.firm_at(current.row()) if current.isValid() else None
        if firm is not None and (self.card.firm is None or self.card.firm.id != firm.id):
            self.card.show_firm(firm)

    def show_firm(self, firm_id: str) -> None:
        """Open one firm's card (from a case, or from another page)."""
        try:
            firm = firms.get_firm(self._ctx.db, firm_id)
        except RejectedInput:
            return
        row = self.model.row_of(firm_id)
        if row >= 0:
            self.table.selectRow(row)
        self.card.show_firm(firm)

    def refresh(self) -> None:
        current = self.card.firm.id if self.card.firm else ""
        self.model.refresh()
        self._show_count()
        if current:
            self.show_firm(current)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save_state(self) -> None:
        self._ctx.ui_state.save_header("firmList", self.table.horizontalHeader())
        self.card.cases_view.save_state()
