"""The dashboard figures as report sections (tables, headline boxes, the field chart) for any PDF.

``story(figures, names, styles, width)`` returns flowables a session or period report can
append; ``render_dashboard`` writes the standalone period report (``onestop dashboard --pdf``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.dashboard import DashboardFigures
from desktop.core.records import Actor
from desktop.store import dashboard_queries
from desktop.store.db import Database
from reports import dashboard_tables, data, gather
from reports.pdf import layout
from reports.pdf.session_report import field_chart
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


def story(
    figures: DashboardFigures,
    names: data.Labels,
    styles: layout.Styles,
    width: float,
    *,
    first_number: int = 1,
    skip: tuple[str, ...] = ("totals",),
) -> list[Flowable]:
    """Headline boxes, then one numbered section per dashboard table (``skip`` leaves some out)."""
    out: list[Flowable] = [figure_boxes(dashboard_tables.headline(figures), styles, width), Spacer(1, 4)]
    number = first_number
    for table in dashboard_tables.tables(figures, names):
        if table.key in skip:
            continue
        out.append(layout.section(f"{number}. {table.title}", styles))
        number += 1
        out.append(data_table(_columns(table), table.text_rows(), styles, width))
        if table.key == "by_field" and figures.by_field:
            lines = [
                gather.FieldLine(names.field(g.key), g.total, g.onsite, g.total - g.onsite)
                for g in figures.by_field
            ]
            out.append(Spacer(1, 4))
            out.append(field_chart(lines, styles, width))
        if table.note:
            out.append(Spacer(1, 2))
            out.append(layout.para(f"※ {table.note}", styles.note))
    return out


def render_dashboard(
    db: Database,
    out: Path,
    actor: Actor,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    office: str | None = None,
    now: datetime | None = None,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the period report of the dashboard figures (cases received ``date_from``..``date_to``).

    No personal data is printed (counts and names of agencies and fields only).
    """
    del actor
    moment = now or datetime.now().replace(microsecond=0)
    figures = dashboard_queries.dashboard_figures(
        db, dashboard_queries.period_filter(date_from, date_to), moment
    )
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.period_text(date_from, date_to) if (date_from or date_to) else "전체 기간",
        approval=approval,
    )
    styles = layout.make_styles()
    body = layout.title_block(meta, styles) + story(
        figures, data.labels(db, moment.date()), styles, layout.frame_width(meta)
    )
    result = layout.build_pdf(out, meta, body, styles)
    result.extra.update(cases=figures.total)
    return result
