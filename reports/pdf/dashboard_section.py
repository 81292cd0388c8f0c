"""The dashboard figures as report sections (tables, headline boxes, the field chart) for any PDF.

``story(figures, names, styles, width)`` returns the flowables of the period report;
``headline_boxes`` and ``sections`` let another report (the session report) place the same
figures among its own parts; ``render_dashboard`` writes the standalone period report
(``onestop dashboard --pdf``, the reports page's 애로사항 처리 현황).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.dashboard import DashboardFigures
from desktop.core.records import Actor
from desktop.store import dashboard_queries, sessions
from desktop.store.db import Database
from reports import dashboard_tables, data
from reports.pdf import layout
from reports.pdf.charts import field_chart
from reports.pdf.tables import Column, data_table, figure_boxes

TITLE = "애로사항 처리 현황"
_WIDTHS: dict[str, tuple[float, ...]] = {
    "totals": (2.5, 1.5),
    "by_field": (2.2, 1, 1, 1, 1, 1),
    "by_agency": (3.2, 1, 1, 1, 1, 1.2),
    "by_status": (2, 1),
    "by_month": (1.4, 1, 1, 1),
    "overdue": (2, 1),
    "satisfaction": (2.4, 1, 1),
    "keywords": (1.8, 1.8, 1, 1.1, 1),
    "clusters": (1, 1, 3.5),
}


def _columns(table: dashboard_tables.FigureTable) -> list[Column]:
    widths = _WIDTHS.get(table.key, tuple(1.0 for _ in table.header))
    return [
        Column(head, width, "left" if kind == "text" else "right")
        for head, kind, width in zip(table.header, table.kinds, widths, strict=True)
    ]


def headline_boxes(
    figures: DashboardFigures,
    styles: layout.Styles,
    width: float,
    extra: Sequence[tuple[str, str]] = (),
) -> Flowable:
    """The headline figures in a row of boxes; ``extra`` boxes (label, value) go at the end."""
    return figure_boxes([*dashboard_tables.headline(figures), *extra], styles, width)


@dataclass(frozen=True, slots=True)
class Sections:
    """Numbered sections of figures and the number the next section of the report takes."""

    flowables: list[Flowable]
    next_number: int


def _field_total(figures: DashboardFigures) -> tuple[str, ...]:
    """The 합계 row under the field table (its columns, in its formats)."""
    values = ("합계", figures.total, figures.onsite, figures.open, figures.overdue, figures.onsite_rate)
    kinds: tuple[dashboard_tables.Kind, ...] = ("text", "int", "int", "int", "int", "pct")
    return tuple(dashboard_tables.format_value(v, k) for v, k in zip(values, kinds, strict=True))


def sections(
    figures: DashboardFigures,
    names: data.Labels,
    styles: layout.Styles,
    width: float,
    *,
    first_number: int = 1,
    skip: tuple[str, ...] = ("totals",),
) -> Sections:
    """One numbered section per dashboard table (``skip`` leaves some out, by table key)."""
    out: list[Flowable] = []
    number = first_number
    for table in dashboard_tables.tables(figures, names):
        if table.key in skip:
            continue
        out.append(layout.section(f"{number}. {table.title}", styles))
        number += 1
        rows = table.text_rows()
        with_total = table.key == "by_field" and bool(rows)
        if with_total:
            rows.append(_field_total(figures))
        out.append(data_table(_columns(table), rows, styles, width, total_row=with_total))
        if table.key == "by_field" and figures.by_field:
            bars = [(names.field(g.key), g.total, g.onsite) for g in figures.by_field]
            out.append(Spacer(1, 4))
            out.append(field_chart(bars, styles, width))
        if table.note:
            out.append(Spacer(1, 2))
            out.append(layout.para(f"※ {table.note}", styles.note))
    return Sections(out, number)


def story(
    figures: DashboardFigures,
    names: data.Labels,
    styles: layout.Styles,
    width: float,
) -> list[Flowable]:
    """Headline boxes, then one numbered section per dashboard table (the period report)."""
    return [headline_boxes(figures, styles, width), Spacer(1, 4)] + sections(
        figures, names, styles, width
    ).flowables


def render_dashboard(
    db: Database,
    out: Path,
    actor: Actor,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    session_id: str = "",
    office: str | None = None,
    now: datetime | None = None,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the period report of the dashboard figures (cases received ``date_from``..``date_to``,
    of one clinic session when ``session_id`` is given).

    No personal data is printed (counts and names of agencies and fields only).
    """
    del actor
    moment = now or datetime.now().replace(microsecond=0)
    figures = dashboard_queries.dashboard_figures(
        db, dashboard_queries.period_filter(date_from, date_to, session_id=session_id), moment
    )
    period = data.period_text(date_from, date_to) if (date_from or date_to) else "전체 기간"
    subtitle = ""
    if session_id:
        session = sessions.get_session(db, session_id)
        period, subtitle = f"{session.date:%Y-%m-%d}", session.name
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=period,
        subtitle=subtitle,
        approval=approval,
    )
    styles = layout.make_styles()
    body = layout.title_block(meta, styles) + story(
        figures, data.labels(db, moment.date()), styles, layout.frame_width(meta)
    )
    result = layout.build_pdf(out, meta, body, styles)
    result.extra.update(cases=figures.total)
    return result
