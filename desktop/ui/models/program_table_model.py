"""The support-program catalog: name, agency, field, track, eligibility limits, application period."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from desktop.core import clusters as cl
from desktop.core import programs as core_programs
from desktop.core.programs import Program
from desktop.ui.labels import Labels
from desktop.ui.models.rows_model import RowsTableModel


class ProgramTableModel(RowsTableModel[Program]):
    """One row per program; the state column says whether applications are open on ``today``.

    State: the programs (replaced by ``set_rows``) and the day the application state is for.
    """

    COL_NAME = 0
    COL_AGENCY = 1
    COL_FIELD = 2
    COL_TRACK = 3
    COL_REGIONS = 4
    COL_SIZES = 5
    COL_YEARS = 6
    COL_PERIOD = 7
    COL_STATE = 8

    ProgramIdRole = RowsTableModel.RowRole + 1

    def __init__(self, labels: Labels, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(labels, parent)
        self.today = today or date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("지원사업"),
            self.tr("운영 기관"),
            self.tr("분야"),
            self.tr("위기 지원 유형"),
            self.tr("대상 지역"),
            self.tr("대상 규모"),
            self.tr("업력"),
            self.tr("접수 기간"),
            self.tr("접수"),
        ]

    def window_name(self, state: str) -> str:
        names = {
            core_programs.OPEN: self.tr("접수 중"),
            core_programs.UPCOMING: self.tr("접수 예정"),
            core_programs.CLOSED: self.tr("마감"),
            core_programs.ALWAYS: self.tr("상시"),
        }
        return names.get(state, state)

    def years_text(self, program: Program) -> str:
        low, high = program.min_years, program.max_years
        if low is None and high is None:
            return self.tr("제한 없음")
        if high is None:
            return self.tr("{n}년 이상").format(n=low)
        if low is None or low == 0:
            return self.tr("{n}년 이내").format(n=high)
        return self.tr("{low}~{high}년").format(low=low, high=high)

    def cell(self, row: Program, column: int, role: int) -> Any:
        labels = self._labels
        if role == self.ProgramIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return row.name
            if column == self.COL_AGENCY:
                return labels.agency(row.agency_id)
            if column == self.COL_FIELD:
                return labels.field(row.field_code)
            if column == self.COL_TRACK:
                track = cl.track(row.track) if row.track else None
                return track.name(labels.lang) if track else ""
            if column == self.COL_REGIONS:
                return (
                    self.tr("전국")
                    if core_programs.ANY in row.regions
                    else ", ".join(labels.region(r) for r in row.regions)
                )
            if column == self.COL_SIZES:
                return (
                    self.tr("전체")
                    if core_programs.ANY in row.sizes
                    else ", ".join(labels.size(s) for s in row.sizes)
                )
            if column == self.COL_YEARS:
                return self.years_text(row)
            if column == self.COL_PERIOD:
                if row.apply_from is None and row.apply_to is None:
                    return self.tr("상시")
                start = row.apply_from.isoformat() if row.apply_from else ""
                end = row.apply_to.isoformat() if row.apply_to else ""
                return f"{start} ~ {end}"
            if column == self.COL_STATE:
                return self.window_name(row.window(self.today))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATE:
            state = row.window(self.today)
            return QColor(
                "#146c43"
                if state == core_programs.OPEN
                else "#6c757d"
                if state == core_programs.CLOSED
                else "#0a58ca"
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME:
            return "\n".join(x for x in (row.summary, row.contact) if x) or None
        return None
