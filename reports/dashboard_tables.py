"""The dashboard figures as printable tables, one format-neutral list for the PDF and every Excel writer.

Reports print exactly what the GUI dashboard shows: they take the one
:class:`~desktop.core.dashboard.DashboardFigures` from
:func:`desktop.store.dashboard_queries.dashboard_figures` and turn it into
:class:`FigureTable` values here. ``reports.pdf.dashboard_section`` lays them out with
reportlab; any spreadsheet writer can print :func:`sheet_rows` (openpyxl ``ws.append(row)``,
xlsxwriter ``ws.write_row(n, 0, row)``), using each table's column kinds for number formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from desktop.core import clusters as cl
from desktop.core.dashboard import (
    BucketFigure,
    DashboardFigures,
    FieldKeywords,
    SatisfactionFigure,
    rate,
)
from reports import data

Kind = Literal["text", "int", "pct", "days", "score"]
"""How a column prints: text, whole number, rate 0..1 (as %), days (0.0), score (0.0 of 100)."""


@dataclass(frozen=True, slots=True)
class FigureTable:
    """One table of figures: a title, column headers and kinds, and rows of values (None = '-')."""

    key: str
    title: str
    header: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str = ""

    def text_rows(self) -> list[tuple[str, ...]]:
        """The rows as display text (percent with one decimal, days with one decimal)."""
        return [tuple(format_value(v, k) for v, k in zip(row, self.kinds, strict=True)) for row in self.rows]


def format_value(value: Any, kind: Kind) -> str:
    if value is None:
        return "-"
    if kind == "pct":
        return f"{100 * float(value):.1f}%"
    if kind in ("days", "score"):
        return f"{float(value):.1f}"
    if kind == "int":
        return f"{int(value):,}"
    return str(value)


def _track_name(level_code: str) -> str:
    track = cl.track_for_level(level_code)
    return track.name_ko if track is not None else "-"


def _status(code: str) -> str:
    return data.status_name(code)


def headline(figures: DashboardFigures) -> list[tuple[str, str]]:
    """The headline boxes: cases, firms, on-site rate, open, overdue, satisfaction."""
    sat = figures.satisfaction
    return [
        ("애로사항", f"{figures.total:,}건"),
        ("참여 기업", f"{figures.firms:,}개"),
        ("현장해결률", format_value(figures.onsite_rate, "pct")),
        ("처리 중", f"{figures.open:,}건"),
        ("기한 초과", f"{figures.overdue:,}건"),
        ("만족도", f"{sat.mean_score:.1f}점" if sat.mean_score is not None else "-"),
    ]


def tables(figures: DashboardFigures, names: data.Labels) -> list[FigureTable]:
    """Every dashboard table, in the order the dashboard shows them."""
    out: list[FigureTable] = []
    out.append(
        FigureTable(
            "totals",
            "전체 현황",
            ("항목", "값"),
            ("text", "text"),
            (
                ("애로사항 건수", f"{figures.total:,}"),
                ("참여 기업 수", f"{figures.firms:,}"),
                ("현장해결 건수", f"{figures.onsite:,}"),
                ("현장해결률", format_value(figures.onsite_rate, "pct")),
                ("처리 중 (미종결)", f"{figures.open:,}"),
                ("기한 초과", f"{figures.overdue:,}"),
                ("회신 소요일 중앙값", format_value(figures.reply_median_days, "days") + "일"),
            ),
        )
    )
    out.append(
        FigureTable(
            "by_field",
            "분야별 애로사항",
            ("분야", "건수", "현장해결", "처리 중", "기한 초과", "현장해결률"),
            ("text", "int", "int", "int", "int", "pct"),
            tuple(
                (names.field(g.key), g.total, g.onsite, g.open, g.overdue, g.onsite_rate)
                for g in figures.by_field
            ),
        )
    )
    replies = {r.agency_id: r for r in figures.reply_days}
    out.append(
        FigureTable(
            "by_agency",
            "기관별 처리 현황",
            ("기관", "건수", "처리 중", "기한 초과", "회신 건수", "회신 중앙값(일)"),
            ("text", "int", "int", "int", "int", "days"),
            tuple(
                (
                    names.agency_full(g.key) if g.key else "(미배정·현장해결)",
                    g.total,
                    g.open,
                    g.overdue,
                    replies[g.key].replied if g.key in replies else 0,
                    replies[g.key].median_days if g.key in replies else None,
                )
                for g in figures.by_agency
            ),
            note="회신 중앙값: 접수일시부터 기관의 첫 회신까지 걸린 달력 일수의 중앙값.",
        )
    )
    out.append(
        FigureTable(
            "by_status",
            "상태별",
            ("상태", "건수"),
            ("text", "int"),
            tuple((_status(g.key), g.total) for g in figures.by_status),
        )
    )
    out.append(
        FigureTable(
            "by_month",
            "월별 접수",
            ("월", "건수", "현장해결", "현장해결률"),
            ("text", "int", "int", "pct"),
            tuple((g.key, g.total, g.onsite, g.onsite_rate) for g in figures.by_month),
        )
    )
    out.append(overdue_table(figures.overdue_buckets))
    out.append(satisfaction_table(figures.satisfaction))
    out.append(keywords_table(figures.keywords, names))
    if figures.clusters is not None:
        counts = dict(figures.clusters.counts)
        out.append(
            FigureTable(
                "clusters",
                f"밀집지역 위기 단계 ({cl.period_text(figures.clusters.period)})",
                ("단계", "밀집지역 수", "지원 유형"),
                ("text", "int", "text"),
                tuple(
                    (
                        level.name_ko,
                        counts.get(level.code, 0),
                        _track_name(level.code),
                    )
                    for level in reversed(cl.LEVELS)
                ),
            )
        )
    return out


def overdue_table(buckets: Sequence[BucketFigure]) -> FigureTable:
    return FigureTable(
        "overdue",
        "기한 초과 경과일",
        ("초과 일수", "건수"),
        ("text", "int"),
        tuple((b.label_ko, b.count) for b in buckets),
        note="처리기한이 지난 미종결 사례를 기한 후 지난 일수로 나눔 (1일 = 24시간 미만 초과).",
    )


def satisfaction_table(sat: SatisfactionFigure) -> FigureTable:
    return FigureTable(
        "satisfaction",
        "만족도 (5점 척도 → 100점)",
        ("응답", "건수", "비율"),
        ("text", "int", "pct"),
        tuple(
            (f"{points}점 ({(points - 1) * 25}점 환산)", n, rate(n, sat.responses))
            for points, n in zip(range(5, 0, -1), reversed(sat.by_points), strict=True)
        ),
        note=f"응답 {sat.responses:,}건, 평균 {format_value(sat.mean_score, 'score')}점.",
    )


def keywords_table(groups: Sequence[FieldKeywords], names: data.Labels) -> FigureTable:
    rows = tuple(
        (names.field(group.field_code), word.word, word.cases, word.policy_proposals, word.unresolvable)
        for group in groups
        for word in group.keywords
    )
    return FigureTable(
        "keywords",
        "분야별 반복 애로 키워드 (제도개선 건의 후보)",
        ("분야", "키워드", "사례 수", "제도개선 건의", "해결불가"),
        ("text", "text", "int", "int", "int"),
        rows,
        note="분야마다 최근 사례의 애로사항 내용에서 2건 이상 되풀이된 낱말. "
        "해결불가·제도개선 건의로 끝난 사례가 많은 키워드가 건의 후보입니다.",
    )


def sheet_rows(items: Sequence[FigureTable]) -> list[list[Any]]:
    """All tables stacked for a worksheet: title row, header row, data rows, note, blank row.

    Rates stay 0..1 numbers and days stay numbers (apply number formats by ``kinds``); the
    text columns are text.
    """
    rows: list[list[Any]] = []
    for table in items:
        rows.append([table.title])
        rows.append(list(table.header))
        rows.extend(list(row) for row in table.rows)
        if table.note:
            rows.append([f"※ {table.note}"])
        rows.append([])
    return rows
