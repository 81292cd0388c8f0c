"""현장지원 결과 보고: one session — firms, difficulties by field and agency, on-site rate, referrals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store import sessions
from desktop.store.db import Database
from reports import data, gather
from reports.masking import unmasking
from reports.pdf import layout
from reports.pdf.tables import Column, Item, data_table, figure_boxes, key_value_table

TITLE = "현장지원 결과 보고"
BAR_TOTAL = colors.HexColor("#3b6ea8")
BAR_ONSITE = colors.HexColor("#8cc084")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def field_chart(lines: Sequence[gather.FieldLine], styles: layout.Styles, width: float) -> Drawing:
    """Horizontal bars per field: all difficulties and those resolved on site."""
    rows = list(reversed(lines)) or [gather.FieldLine("-", 0, 0, 0)]
    bar_area = 15.0 * len(rows)
    height = bar_area + 46
    drawing = Drawing(width, height)
    # The renderer's starting font; the default (Helvetica) would be named, never embedded.
    drawing.initialFontName = styles.fonts.regular
    chart = HorizontalBarChart()
    chart.x, chart.y = 92, 26
    chart.width, chart.height = width - 92 - 24, bar_area
    # In a horizontal chart the last series is drawn on top within each group.
    chart.data = [[line.onsite for line in rows], [line.total for line in rows]]
    chart.categoryAxis.categoryNames = [line.name for line in rows]
    chart.categoryAxis.labels.fontName = styles.fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    top = max((line.total for line in rows), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(top, 1) * 1.15
    chart.valueAxis.labels.fontName = styles.fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0f}" if float(v).is_integer() else ""
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde3ea")
    chart.bars[0].fillColor = BAR_ONSITE
    chart.bars[1].fillColor = BAR_TOTAL
    chart.bars.strokeColor = None
    chart.barLabels.fontName = styles.fonts.regular
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barLabelFormat = lambda v: f"{v:.0f}" if v else ""
    chart.groupSpacing = 3
    chart.barSpacing = 0.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 170, height - 8
    legend.fontName = styles.fonts.regular
    legend.fontSize = 7.5
    legend.columnMaximum = 1
    legend.alignment = "right"
    legend.deltax = 70
    legend.colorNamePairs = [(BAR_TOTAL, "애로사항"), (BAR_ONSITE, "현장해결")]
    drawing.add(legend)
    drawing.add(String(0, height - 12, "분야별 애로사항 (건)", fontName=styles.fonts.bold, fontSize=8.5))
    return drawing


def story(report: gather.SessionReport, meta: layout.ReportMeta, styles: layout.Styles) -> list[Flowable]:
    width = layout.frame_width(meta)
    s = report.session
    out: list[Flowable] = layout.title_block(meta, styles)
    out.append(layout.section("1. 개요", styles))
    out.extend(
        key_value_table(
            [
                Item("일시", data.fmt_d(s.date)),
                Item("장소", s.place),
                Item(
                    "참여 기관",
                    (", ".join(report.agencies) or "-")
                    + (
                        " (등록된 참여 기관이 없어 이관 기관으로 표시)"
                        if report.agencies_inferred and report.agencies
                        else ""
                    ),
                    wide=True,
                ),
                Item("상담 인력", ", ".join(s.consultants) or "-", wide=True),
            ],
            styles,
            width,
        )
    )
    out.append(Spacer(1, 6))
    out.append(
        figure_boxes(
            [
                ("참여 기업", f"{len(report.firms)}개"),
                ("애로사항", f"{report.total}건"),
                ("현장해결", f"{report.onsite}건"),
                ("기관 이관", f"{report.referred}건"),
                ("현장해결률", _pct(report.onsite, report.total)),
            ],
            styles,
            width,
        )
    )

    out.append(layout.section("2. 분야별 애로사항", styles))
    out.append(
        data_table(
            [
                Column("분야", 2.2),
                Column("애로사항", 1, "right"),
                Column("현장해결", 1, "right"),
                Column("기관 이관", 1, "right"),
                Column("현장해결률", 1, "right"),
            ],
            [
                (f.name, str(f.total), str(f.onsite), str(f.referred), _pct(f.onsite, f.total))
                for f in report.by_field
            ]
            + (
                [
                    (
                        "합계",
                        str(report.total),
                        str(report.onsite),
                        str(report.referred),
                        _pct(report.onsite, report.total),
                    )
                ]
                if report.by_field
                else []
            ),
            styles,
            width,
            total_row=bool(report.by_field),
        )
    )
    out.append(Spacer(1, 6))
    out.append(field_chart(report.by_field, styles, width))

    out.append(layout.section("3. 기관별 이관 현황", styles))
    out.append(
        data_table(
            [
                Column("기관", 3),
                Column("이관", 1, "right"),
                Column("회신·종결", 1, "right"),
                Column("처리 중", 1, "right"),
                Column("기한 초과", 1, "right"),
            ],
            [(a.name, str(a.total), str(a.answered), str(a.open), str(a.overdue)) for a in report.by_agency],
            styles,
            width,
        )
    )

    out.append(layout.section("4. 참여 기업", styles))
    out.append(
        data_table(
            [
                Column("기업명", 2.6),
                Column("사업자등록번호", 1.6, "center"),
                Column("지역", 1, "center"),
                Column("규모", 1, "center"),
                Column("애로사항", 0.9, "right"),
                Column("현장해결", 0.9, "right"),
            ],
            [(f.name, f.brn, f.region, f.size, str(f.cases), str(f.onsite)) for f in report.firms],
            styles,
            width,
        )
    )

    out.append(layout.section("5. 이관 사례 목록", styles))
    referred = report.referred_cases
    out.append(
        data_table(
            [
                Column("접수번호", 1.55, "center"),
                Column("기업명", 1.6),
                Column("분야", 1.3),
                Column("애로사항", 3.2),
                Column("담당 기관", 1.4),
                Column("상태", 0.75, "center"),
                Column("처리기한", 1.85, "center"),
            ],
            [
                (c.number, c.firm, c.field, c.text, c.agency, c.status, data.fmt_dt(c.due) if c.due else "-")
                for c in referred
            ],
            styles,
            width,
            highlight=[i for i, c in enumerate(referred) if c.overdue],
        )
    )
    out.append(Spacer(1, 4))
    out.append(
        layout.para(
            "※ 붉은 행은 처리기한이 지난 사례입니다. 현장해결률 = 현장해결 건수 ÷ 전체 애로사항 건수.",
            styles.note,
        )
    )
    return out


def render_session_report(
    db: Database,
    session_id: str,
    out: Path,
    actor: Actor,
    *,
    unmask: bool = False,
    reason: str = "",
    office: str | None = None,
    now: datetime | None = None,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the 현장지원 결과 보고 of one session to ``out``.

    Raises:
        RejectedInput: unknown session, or unmasking without a reason.
    """
    moment = now or datetime.now().replace(microsecond=0)
    session = sessions.get_session(db, session_id)
    masker = unmasking(
        db,
        actor,
        unmask=unmask,
        reason=reason,
        action="report.unmask",
        target=f"session:{session.id}",
        detail=str(out),
    )
    report = gather.session_report(db, session.id, masker, moment)
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.fmt_d(session.date),
        subtitle=f"{session.name} · {session.place}",
        masked=masker.masked,
        approval=approval,
    )
    styles = layout.make_styles()
    result = layout.build_pdf(out, meta, story(report, meta, styles), styles)
    result.extra.update(cases=report.total, firms=len(report.firms))
    return result
