"""The duplicate-firms merge queue table: one row per BRN registered by more than one laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.ids import format_brn
from desktop.sync.merge_queue import MergeCandidate
from desktop.ui.models.rows_model import RIGHT, RowsTableModel


class MergeQueueTableModel(RowsTableModel[MergeCandidate]):
    """Candidates from :func:`desktop.sync.merge_queue.merge_candidates`, most duplicated first.

    State: the candidates, replaced by ``set_rows``; the oldest firm is the one suggested to keep.
    """

    COL_BRN = 0
    COL_KEEP = 1
    COL_OTHERS = 2
    COL_COUNT = 3

    KeepIdRole = RowsTableModel.RowRole + 1

    def headers(self) -> list[str]:
        return [
            self.tr("사업자등록번호"),
            self.tr("남길 기업 (먼저 등록)"),
            self.tr("중복 등록"),
            self.tr("건수"),
        ]

    def cell(self, row: MergeCandidate, column: int, role: int) -> Any:
        if role == self.KeepIdRole:
            return row.suggested_keep.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        keep = row.suggested_keep
        values = {
            self.COL_BRN: format_brn(row.brn),
            self.COL_KEEP: f"{keep.name} ({keep.created_at[:10]})",
            self.COL_OTHERS: " / ".join(f"{f.name} ({f.created_at[:10]})" for f in row.firms[1:]),
            self.COL_COUNT: str(len(row.firms)),
        }
        return values.get(column)
