"""A table view for CaseTableModel: fixed row height (a million rows scroll), remembered columns."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.widgets.common import debounce_timer

DEFAULT_WIDTHS = {
    CaseTableModel.COL_NUMBER: 130,
    CaseTableModel.COL_DATE: 130,
    CaseTableModel.COL_FIRM: 210,
    CaseTableModel.COL_FIELD: 120,
    CaseTableModel.COL_AGENCY: 170,
    CaseTableModel.COL_STATUS: 90,
    CaseTableModel.COL_DEADLINE: 130,
    CaseTableModel.COL_DAYS: 60,
}


class CaseTableView(QTableView):
    """Case list: Enter or double-click opens the case; column widths and order are remembered.

    The header state is saved under ``state_name`` in the window state file whenever a
    column is resized or moved (debounced), and restored when the view is built.
    """

    def __init__(
        self,
        ctx: AppContext,
        model: CaseTableModel,
        state_name: str,
        parent: QWidget | None = None,
        *,
        multi_select: bool = False,
        hidden_columns: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.state_name = state_name
        self.setObjectName(state_name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi_select
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in DEFAULT_WIDTHS.items():
            self.setColumnWidth(column, width)
        for column in hidden_columns:
            self.setColumnHidden(column, True)
        header.setSortIndicator(
            model.column_for_sort_key(model.sort_order.key),
            Qt.SortOrder.DescendingOrder if model.sort_order.descending else Qt.SortOrder.AscendingOrder,
        )
        ctx.ui_state.restore_header(state_name, header)
        self.setSortingEnabled(True)
        self._save_timer = debounce_timer(self, 400, self.save_state)
        header.sectionResized.connect(lambda *_: self._save_timer.start())
        header.sectionMoved.connect(lambda *_: self._save_timer.start())
        header.sortIndicatorChanged.connect(lambda *_: self._save_timer.start())
        self.activated.connect(self._open)
        self.doubleClicked.connect(self._open)

    def case_model(self) -> CaseTableModel:
        model = self.model()
        assert isinstance(model, CaseTableModel)
        return model

    def save_state(self) -> None:
        self._ctx.ui_state.save_header(self.state_name, self.horizontalHeader())

    def selected_case_ids(self) -> list[str]:
        model = self.case_model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [cid for cid in (model.case_id(r) for r in rows) if cid]

    def current_case_id(self) -> str | None:
        index = self.currentIndex()
        return self.case_model().case_id(index.row()) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        case_id = self.case_model().case_id(index.row())
        if case_id:
            self._ctx.events.case_open_requested.emit(case_id)
