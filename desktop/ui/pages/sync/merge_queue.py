"""The duplicate-firms panel: firms two laptops registered with the same BRN, merged from the firm card."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.merge_queue import MergeCandidate
from desktop.ui.context import AppContext
from desktop.ui.models.merge_queue_table_model import MergeQueueTableModel
from desktop.ui.pages.sync.widgets import inbox_table


class MergeQueuePanel(QWidget):
    """The merge queue; "merge" opens the suggested firm's card, whose merge action does the work
    (it shows the duplicates, asks, moves the cases and keeps the history).

    State: the table model (the queue as last loaded by the page).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("mergeQueuePanel")
        self.model = MergeQueueTableModel(ctx.labels(), self)
        self.table = inbox_table(self.model, "mergeQueueTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.summary = QLabel()
        self.summary.setObjectName("mergeQueueSummary")
        self.summary.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("기업 카드에서 병합…"))
        self.merge_button.setObjectName("mergeQueueOpen")
        self.merge_button.clicked.connect(self.open_selected)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.set_candidates([])

    def set_candidates(self, candidates: Sequence[MergeCandidate]) -> None:
        self.model.set_rows(candidates)
        text = self.tr(
            "같은 사업자등록번호로 두 번 이상 등록된 기업 {n}곳. "
            "병합하면 사례가 한 기업으로 옮겨지고 기록은 남습니다."
        )
        self.summary.setText(
            text.format(n=len(candidates)) if candidates else self.tr("중복 등록된 기업이 없습니다.")
        )
        self.merge_button.setEnabled(bool(candidates))
        if candidates:
            self.table.selectRow(0)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(rows[0])

    def _open(self, index: QModelIndex) -> None:
        candidate = self.model.row_at(index.row())
        if candidate is not None:
            self._ctx.events.firm_open_requested.emit(candidate.suggested_keep.id)
