"""The 요약 sheet of the export: counts by field, agency, status and month, rates, ageing, charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from desktop.store import queries, report_queries
from desktop.store.db import Database
from reports import data

TITLE = "애로사항 처리 현황 요약"
SECTION_FONT = Font(bold=True, size=11, color="1F2933")
TITLE_FONT = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DFE7F1")
HEAD_FONT = Font(bold=True)
PERCENT = "0.0%"


@dataclass(frozen=True, slots=True)
class Block:
    """Where a table landed on the sheet (1-based rows), for chart references."""

    header_row: int
    first_row: int
    last_row: int


class _Sheet:
    """Appends rows to a write-only sheet and remembers the row number."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 0

    def cell(
        self,
        value: Any,
        *,
        font: Font | None = None,
        fill: PatternFill | None = None,
        number_format: str | None = None,
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def append(self, values: Sequence[Any]) -> int:
        self.ws.append(list(values))
        self.row += 1
        return self.row

    def blank(self) -> None:
        self.append([])

    def table(
        self,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        formats: Sequence[str | None] = (),
    ) -> Block:
        self.append([self.cell(title, font=SECTION_FONT)])
        header_row = self.append([self.cell(h, font=HEAD_FONT, fill=HEAD_FILL) for h in header])
        first = self.row + 1
        for values in rows:
            self.append(
                [
                    self.cell(v, number_format=formats[i])
                    if i < len(formats) and formats[i] and v is not None
                    else v
                    for i, v in enumerate(values)
                ]
            )
        self.blank()
        return Block(header_row, first, max(first, self.row - 1) if rows else first - 1)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _bar_chart(
    ws: Any, title: str, block: Block, series_cols: Sequence[int], y_title: str, horizontal: bool = False
) -> BarChart:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.style = 10
    chart.height = 9
    chart.width = 17
    last = max(block.last_row, block.first_row)
    for col in series_cols:
        values = Reference(ws, min_col=col, min_row=block.header_row, max_row=last)
        chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=block.first_row, max_row=last))
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first category at the top, as in the table
    return chart


def write_summary(
    db: Database,
    wb: Workbook,
    filt: queries.CaseFilter,
    names: data.Labels,
    now: datetime,
    *,
    office: str,
    conditions: str,
    masked: bool,
) -> None:
    """Add the 요약 sheet (first sheet) with counts, rates, ageing and two bar charts."""
    ws = wb.create_sheet("요약")
    for letter, width in zip("ABCDEF", (26, 11, 11, 11, 11, 11), strict=True):
        ws.column_dimensions[letter].width = width
    s = _Sheet(ws)
    totals = report_queries.totals(db, filt, now)
    s.append([s.cell(TITLE, font=TITLE_FONT)])
    s.append(["발행", office])
    s.append(["작성일시", s.cell(now, number_format="yyyy-mm-dd hh:mm")])
    s.append(["조건", conditions])
    s.append(["개인정보", "마스킹" if masked else "마스킹 해제 (사유 기록됨, 취급 주의)"])
    s.blank()
    s.table(
        "전체 현황",
        ["항목", "값"],
        [
            ("애로사항 건수", totals.total),
            ("참여 기업 수", int(totals.key)),
            ("현장해결 건수", totals.onsite),
            ("현장해결률", s.cell(_rate(totals.onsite, totals.total), number_format=PERCENT)),
            ("처리 중 (미종결)", totals.open),
            ("기한 초과", totals.overdue),
            ("기한 초과율 (미종결 중)", s.cell(_rate(totals.overdue, totals.open), number_format=PERCENT)),
        ],
    )
    fields = report_queries.group_counts(db, "field_code", filt, now)
    order = {code: i for i, code in enumerate(names.fields)}
    fields.sort(key=lambda g: order.get(g.key, 999))
    by_field = s.table(
        "분야별",
        ["분야", "건수", "현장해결", "처리 중", "기한 초과", "현장해결률"],
        [
            (names.field(g.key), g.total, g.onsite, g.open, g.overdue, _rate(g.onsite, g.total))
            for g in fields
        ],
        formats=(None, None, None, None, None, PERCENT),
    )
    agencies = sorted(report_queries.group_counts(db, "agency_id", filt, now), key=lambda g: -g.total)
    by_agency = s.table(
        "기관별",
        ["기관", "건수", "처리 중", "기한 초과", "기한 초과율"],
        [
            (
                names.agency_full(g.key) if g.key else "(미배정·현장해결)",
                g.total,
                g.open,
                g.overdue,
                _rate(g.overdue, g.open),
            )
            for g in agencies
        ],
        formats=(None, None, None, None, PERCENT),
    )
    statuses = report_queries.group_counts(db, "status", filt, now)
    s.table("상태별", ["상태", "건수"], [(data.status_name(g.key), g.total) for g in statuses])
    months = report_queries.group_counts(db, "month", filt, now)
    by_month = s.table(
        "월별",
        ["월", "건수", "현장해결", "현장해결률"],
        [(g.key, g.total, g.onsite, _rate(g.onsite, g.total)) for g in months],
        formats=(None, None, None, PERCENT),
    )
    s.table("미종결 사례 경과 기간", ["경과 기간", "건수"], report_queries.ageing(db, filt, now.date()))
    # Charts stacked beside the tables, one every 20 rows (a 9 cm chart spans about 17 rows).
    charts = []
    if fields:
        charts.append(_bar_chart(ws, "분야별 애로사항", by_field, (2, 3), "건수", horizontal=True))
    if months:
        charts.append(_bar_chart(ws, "월별 접수 건수", by_month, (2, 3), "건수"))
    if agencies:
        charts.append(_bar_chart(ws, "기관별 처리 중·기한 초과", by_agency, (3, 4), "건수", horizontal=True))
    for i, chart in enumerate(charts):
        ws.add_chart(chart, f"H{2 + 20 * i}")
