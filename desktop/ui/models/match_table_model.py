"""Support programs matched to one case: eligibility verdict, application state, why it fits, attached."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop.core import programs as core_programs
from desktop.core.programs import ProgramMatch
from desktop.ui.labels import Labels
from desktop.ui.models.rows_model import RowsTableModel

VERDICT_COLOURS = {
    core_programs.ELIGIBLE: "#146c43",
    core_programs.TO_CHECK: "#997404",
    core_programs.INELIGIBLE: "#6c757d",
}


class MatchTableModel(RowsTableModel[ProgramMatch]):
    """One row per matched program, best first; the tooltip lists every eligibility criterion.

    State: the matches (replaced by :meth:`set_matches`) and the ids of the programs attached
    to the case.
    """

    COL_NAME = 0
    COL_AGENCY = 1
    COL_VERDICT = 2
    COL_WINDOW = 3
    COL_WHY = 4
    COL_ATTACHED = 5

    ProgramIdRole = RowsTableModel.RowRole + 1

    def __init__(self, labels: Labels, parent: QObject | None = None) -> None:
        super().__init__(labels, parent)
        self.attached: frozenset[str] = frozenset()

    def set_matches(self, matches: tuple[ProgramMatch, ...], attached: frozenset[str]) -> None:
        self.attached = attached
        self.set_rows(matches)

    def headers(self) -> list[str]:
        return [
            self.tr("지원사업"),
            self.tr("운영 기관"),
            self.tr("판정"),
            self.tr("접수"),
            self.tr("맞는 이유"),
            self.tr("연결"),
        ]

    def verdict(self, state: str) -> str:
        names = {
            core_programs.ELIGIBLE: self.tr("지원 가능"),
            core_programs.TO_CHECK: self.tr("확인 필요"),
            core_programs.INELIGIBLE: self.tr("대상 아님"),
        }
        return names.get(state, state)

    def window(self, state: str) -> str:
        names = {
            core_programs.OPEN: self.tr("접수 중"),
            core_programs.UPCOMING: self.tr("접수 예정"),
            core_programs.CLOSED: self.tr("마감"),
            core_programs.ALWAYS: self.tr("상시"),
        }
        return names.get(state, state)

    def cell(self, row: ProgramMatch, column: int, role: int) -> Any:
        lang = self._labels.lang
        if role == self.ProgramIdRole:
            return row.program.id
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.COL_NAME: row.program.name,
                self.COL_AGENCY: self._labels.agency(row.program.agency_id),
                self.COL_VERDICT: self.verdict(row.eligibility),
                self.COL_WINDOW: self.window(row.window),
                self.COL_WHY: "; ".join(row.reasons(lang)),
                self.COL_ATTACHED: "✓" if row.program.id in self.attached else "",
            }
            return values.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_VERDICT:
            return QColor(VERDICT_COLOURS.get(row.eligibility, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ATTACHED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.program.summary, row.program.contact] if column == self.COL_NAME else []
            marks = {core_programs.MET: "✓", core_programs.UNMET: "✗"}
            lines += [f"{marks.get(c.state, '?')} {c.text(lang)}" for c in row.criteria]
            return "\n".join(x for x in lines if x)
        return None
