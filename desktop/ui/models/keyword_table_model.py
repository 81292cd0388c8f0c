"""Recurring difficulty keywords per field (dashboard), with how many of those cases became proposals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.dashboard import FieldKeywords, KeywordFigure
from desktop.ui.models.rows_model import RIGHT, RowsTableModel

KeywordRow = tuple[str, KeywordFigure]


class KeywordTableModel(RowsTableModel[KeywordRow]):
    """One row per (field, keyword), fields in dashboard order, most frequent word first.

    State: the rows (field code, keyword figure), replaced by :meth:`set_keywords`.
    """

    COL_FIELD = 0
    COL_WORD = 1
    COL_CASES = 2
    COL_PROPOSALS = 3
    COL_UNRESOLVABLE = 4

    def headers(self) -> list[str]:
        return [
            self.tr("분야"),
            self.tr("키워드"),
            self.tr("사례 수"),
            self.tr("제도개선 건의"),
            self.tr("해결불가"),
        ]

    def set_keywords(self, groups: tuple[FieldKeywords, ...]) -> None:
        self.set_rows([(g.field_code, word) for g in groups for word in g.keywords])

    def cell(self, row: KeywordRow, column: int, role: int) -> Any:
        field_code, word = row
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                self._labels.field(field_code),
                word.word,
                word.cases,
                word.policy_proposals,
                word.unresolvable,
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.COL_CASES:
            return RIGHT
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.COL_WORD
            and word.policy_proposals + word.unresolvable
        ):
            return self.tr("해결불가·제도개선 건의로 끝난 사례가 있는 반복 애로: 제도개선 건의 후보")
        return None
