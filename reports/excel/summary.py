"""The 요약 sheet of the export: counts by group, rates, ageing, the dashboard figures, native charts.

The counts are taken from the very rows the export writes (:class:`SummaryCounts`, fed one
row at a time), so the summary always agrees with the 사례 sheet and costs no extra pass over
the table; the satisfaction figure too. The figures that need more than the rows (days to
reply per agency, overdue ageing, recurring keywords) come from the dashboard's own queries
(:func:`query_figures`, with the export's case filter) and are printed with the dashboard's
table builders (``reports.dashboard_tables``). The sheet is added first (it is the first tab)
and filled in at the end: each constant-memory sheet streams to its own file, so sheets may be
written in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from desktop.core import dashboard as dash
from desktop.core import workflow
from desktop.store import dashboard_queries, queries, reference
from desktop.store.db import Database
from desktop.store.export_queries import ExportRow
from desktop.store.report_queries import AGEING_BUCKETS
from reports import dashboard_tables, data
from reports.excel.dashboard_sheet import TableFormats, write_tables

TITLE = "애로사항 처리 현황 요약"
SHEET = "요약"
PERCENT = "0.0%"
CHART_WIDTH_PX = 640
CHART_HEIGHT_PX = 340
COLUMN_WIDTHS = (26, 14, 11, 11, 11, 11, 13)


@dataclass(frozen=True, slots=True)
class Block:
    """Where a table landed on the sheet (0-based rows), for chart references."""

    header_row: int
    first_row: int
    last_row: int


@dataclass(frozen=True, slots=True)
class Styled:
    """A value with its own cell format (a rate among counts)."""

    value: Any
    fmt: Format


class _Sheet:
    """Writes rows top to bottom (constant-memory sheets cannot go back) and remembers the row."""

    def __init__(self, wb: Workbook, ws: Worksheet) -> None:
        self.ws = ws
        self.row = -1
        self.figure_formats = TableFormats.of(wb)
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.section = self.figure_formats.section
        self.head = self.figure_formats.head
        self.percent = wb.add_format({"num_format": PERCENT})
        self.days = self.figure_formats.kinds["days"]
        self.moment = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})

    def put(self, col: int, value: Any, fmt: Format | None = None) -> None:
        """One cell of the current row, written with the call its type needs (text stays text)."""
        if isinstance(value, Styled):
            value, fmt = value.value, value.fmt
        if value is None:
            return
        ws, row = self.ws, self.row
        if isinstance(value, str):
            ws.write_string(row, col, value, fmt)
        elif isinstance(value, datetime):
            ws.write_datetime(row, col, value, fmt)
        else:
            ws.write_number(row, col, value, fmt)

    def append(self, values: Sequence[Any], formats: Sequence[Format | None] = ()) -> int:
        self.row += 1
        for col, value in enumerate(values):
            self.put(col, value, formats[col] if col < len(formats) else None)
        return self.row

    def blank(self) -> None:
        self.row += 1

    def table(
        self,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        formats: Sequence[Format | None] = (),
    ) -> Block:
        self.append([title], [self.section])
        header_row = self.append(header, [self.head] * len(header))
        first = self.row + 1
        for values in rows:
            self.append(values, formats)
        self.blank()
        return Block(header_row, first, max(first, self.row - 1) if rows else first - 1)

    def figure_tables(self, tables: Sequence[dashboard_tables.FigureTable]) -> None:
        self.row = write_tables(self.ws, self.row + 1, tables, self.figure_formats) - 1


@dataclass(slots=True)
class Counts:
    """Cases of one group and how many of them are where."""

    total: int = 0
    onsite: int = 0
    open: int = 0
    overdue: int = 0


class SummaryCounts:
    """Totals, groups (field, agency, status, month), distinct firms, ageing and satisfaction
    scores of the rows added.

    Each row only bumps one counter keyed by everything the tables group by (a few thousand
    distinct keys however many rows); the groups are summed up once, at the end.

    State: the moment of the export (what "overdue" and "age" are measured against), the
    counter, the distinct firms and the ageing buckets of open cases.
    """

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.today = now.date()
        self._today = self.today.toordinal()
        self._keys: dict[tuple[str, str, str, int, bool, bool, bool], int] = {}
        self.firms: set[str] = set()
        self.ageing = [0] * len(AGEING_BUCKETS)
        self.scores: dict[int, int] = {}

    def add(self, r: ExportRow) -> None:
        is_open = r.is_open
        received = r.received_at
        overdue = is_open and r.deadline_at is not None and r.deadline_at < self.now
        key = (
            r.field_code,
            r.agency_id,
            r.status,
            received.year * 100 + received.month,
            r.onsite,
            is_open,
            overdue,
        )
        keys = self._keys
        keys[key] = keys.get(key, 0) + 1
        self.firms.add(r.firm_id)
        if r.satisfaction is not None:
            self.scores[r.satisfaction] = self.scores.get(r.satisfaction, 0) + 1
        if is_open:
            age = max(self._today - received.toordinal(), 0)
            for i, (_label, low, high) in enumerate(AGEING_BUCKETS):
                if age >= low and (high is None or age <= high):
                    self.ageing[i] += 1
                    break

    def groups(self, by: int) -> dict[str, Counts]:
        """Counts per value of one key part: 0 field, 1 agency, 2 status, 3 month (``2026-03``)."""
        out: dict[str, Counts] = {}
        for key, n in self._keys.items():
            value = key[by]
            name = f"{value // 100:04d}-{value % 100:02d}" if isinstance(value, int) else value
            c = out.get(name)
            if c is None:
                c = out[name] = Counts()
            c.total += n
            c.onsite += n * key[4]
            c.open += n * key[5]
            c.overdue += n * key[6]
        return out

    @property
    def satisfaction(self) -> dash.SatisfactionFigure:
        return dash.satisfaction_figure(self.scores)

    @property
    def totals(self) -> Counts:
        c = Counts()
        for key, n in self._keys.items():
            c.total += n
            c.onsite += n * key[4]
            c.open += n * key[5]
            c.overdue += n * key[6]
        return c


@dataclass(frozen=True, slots=True)
class QueriedFigures:
    """The summary's figures that take more than the exported rows (same filter, same moment)."""

    reply_days: tuple[dash.ReplyFigure, ...]
    reply_median_days: float | None
    overdue_buckets: tuple[dash.BucketFigure, ...]
    keywords: tuple[dash.FieldKeywords, ...]


def query_figures(
    db: Database, filt: queries.CaseFilter, now: datetime, check: dashboard_queries.Check | None = None
) -> QueriedFigures:
    """Days to reply, overdue ageing and keywords of the cases of ``filt``, as the dashboard has them."""
    replies, median = dashboard_queries.reply_days(db, filt, now)
    if check is not None:
        check()
    buckets = dashboard_queries.overdue_buckets(db, filt, now)
    fields = [str(f.code) for f in reference.reference_data(db).fields]
    words = dashboard_queries.keywords(db, filt, now, fields, check=check)
    return QueriedFigures(replies, median, buckets, words)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _bar_chart(
    wb: Workbook, title: str, block: Block, series_cols: Sequence[int], y_title: str, horizontal: bool = False
) -> Any:
    chart = wb.add_chart({"type": "bar" if horizontal else "column"})
    last = max(block.last_row, block.first_row)
    for col in series_cols:
        chart.add_series(
            {
                "name": [SHEET, block.header_row, col],
                "categories": [SHEET, block.first_row, 0, last, 0],
                "values": [SHEET, block.first_row, col, last, col],
            }
        )
    chart.set_title({"name": title})
    chart.set_style(10)
    chart.set_size({"width": CHART_WIDTH_PX, "height": CHART_HEIGHT_PX})
    if horizontal:
        # In a bar chart the categories run up the y axis: first category at the top, as in the table.
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"name": y_title})
    else:
        chart.set_y_axis({"name": y_title})
    return chart


def add_summary_sheet(wb: Workbook) -> Worksheet:
    """The 요약 sheet, added first so that it is the first tab; filled by :func:`write_summary`."""
    ws: Worksheet = wb.add_worksheet(SHEET)
    return ws


def write_summary(
    wb: Workbook,
    ws: Worksheet,
    counts: SummaryCounts,
    figures: QueriedFigures,
    names: data.Labels,
    *,
    office: str,
    conditions: str,
    masked: bool,
) -> None:
    """Fill the 요약 sheet with counts, rates, ageing, the dashboard figures and three bar charts.

    ``figures`` are :func:`query_figures` of the exported cases (the export's case filter).
    """
    now = counts.now
    for col, width in enumerate(COLUMN_WIDTHS):
        ws.set_column(col, col, width)
    s = _Sheet(wb, ws)
    pct, days = s.percent, s.days
    sat = counts.satisfaction
    totals = counts.totals
    s.append([TITLE], [s.title])
    s.append(["발행", office])
    s.append(["작성일시", now], [None, s.moment])
    s.append(["조건", conditions])
    s.append(["개인정보", "마스킹" if masked else "마스킹 해제 (사유 기록됨, 취급 주의)"])
    s.blank()
    s.table(
        "전체 현황",
        ["항목", "값"],
        [
            ("애로사항 건수", totals.total),
            ("참여 기업 수", len(counts.firms)),
            ("현장해결 건수", totals.onsite),
            ("현장해결률", Styled(_rate(totals.onsite, totals.total), pct)),
            ("처리 중 (미종결)", totals.open),
            ("기한 초과", totals.overdue),
            ("기한 초과율 (미종결 중)", Styled(_rate(totals.overdue, totals.open), pct)),
            ("회신 소요일 중앙값 (일)", Styled(figures.reply_median_days, days)),
            ("만족도 (100점 환산 평균)", Styled(sat.mean_score, days)),
            ("만족도 응답 건수", sat.responses),
        ],
    )
    order = {code: i for i, code in enumerate(names.fields)}
    fields = sorted(counts.groups(0).items(), key=lambda kv: (order.get(kv[0], 999), kv[0]))
    by_field = s.table(
        "분야별",
        ["분야", "건수", "현장해결", "처리 중", "기한 초과", "현장해결률"],
        [
            (names.field(key), g.total, g.onsite, g.open, g.overdue, _rate(g.onsite, g.total))
            for key, g in fields
        ],
        formats=(None, None, None, None, None, pct),
    )
    agencies = sorted(counts.groups(1).items(), key=lambda kv: (-kv[1].total, kv[0]))
    replies = {r.agency_id: r for r in figures.reply_days}
    by_agency = s.table(
        "기관별",
        ["기관", "건수", "처리 중", "기한 초과", "기한 초과율", "회신 건수", "회신 중앙값(일)"],
        [
            (
                names.agency_full(key) if key else "(미배정·현장해결)",
                g.total,
                g.open,
                g.overdue,
                _rate(g.overdue, g.open),
                replies[key].replied if key in replies else 0,
                replies[key].median_days if key in replies else None,
            )
            for key, g in agencies
        ],
        formats=(None, None, None, None, pct, None, days),
    )
    # In the order a case goes through them (접수 → … → 종결), as the dashboard lists them.
    status_order = {st.code: i for i, st in enumerate(workflow.STATUSES)}
    statuses = sorted(counts.groups(2).items(), key=lambda kv: (status_order.get(kv[0], 99), kv[0]))
    s.table("상태별", ["상태", "건수"], [(data.status_name(key), g.total) for key, g in statuses])
    months = sorted(counts.groups(3).items())
    by_month = s.table(
        "월별",
        ["월", "건수", "현장해결", "현장해결률"],
        [(key, g.total, g.onsite, _rate(g.onsite, g.total)) for key, g in months],
        formats=(None, None, None, pct),
    )
    ageing = [(label, n) for (label, _low, _high), n in zip(AGEING_BUCKETS, counts.ageing, strict=True)]
    s.table("미종결 사례 경과 기간", ["경과 기간", "건수"], ageing)
    # The dashboard tables the summary's own do not already hold.
    s.figure_tables(
        [
            dashboard_tables.overdue_table(figures.overdue_buckets),
            dashboard_tables.satisfaction_table(sat),
            dashboard_tables.keywords_table(figures.keywords, names),
        ]
    )
    # Charts stacked beside the tables, one every 20 rows.
    charts = []
    if fields:
        charts.append(_bar_chart(wb, "분야별 애로사항", by_field, (1, 2), "건수", horizontal=True))
    if months:
        charts.append(_bar_chart(wb, "월별 접수 건수", by_month, (1, 2), "건수"))
    if agencies:
        charts.append(_bar_chart(wb, "기관별 처리 중·기한 초과", by_agency, (2, 3), "건수", horizontal=True))
    for i, chart in enumerate(charts):
        ws.insert_chart(1 + 20 * i, 7, chart)
