"""현장지원 결과 보고: one session — overview, the dashboard figures of its cases, firms, referrals."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.dashboard import DashboardFigures
from desktop.core.records import Actor
from desktop.store import dashboard_queries, queries, sessions
from desktop.store.db import Database
from reports import data, gather
from reports.masking import report_masker
from reports.pdf import dashboard_section, layout
from reports.pdf.tables import Column, Item, data_table, key_value_table

TITLE = "현장지원 결과 보고"
SKIPPED_FIGURES = ("totals", "by_month", "clusters")
"""Dashboard tables a session report leaves out: the totals are the headline boxes, a session
is one day (one month), and cluster levels are regional, not the session's."""


def story(
    report: gather.SessionReport,
    figures: DashboardFigures,
    names: data.Labels,
    meta: layout.ReportMeta,
    styles: layout.Styles,
) -> list[Flowable]:
    """Overview and headline figures, the dashboard sections of the session, firms, referred cases."""
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
    referred_box = ("기관 이관", f"{report.referred}건")
    out.append(dashboard_section.headline_boxes(figures, styles, width, [referred_box]))
    figure_sections = dashboard_section.sections(
        figures, names, styles, width, first_number=2, skip=SKIPPED_FIGURES
    )
    out.extend(figure_sections.flowables)
    number = figure_sections.next_number

    out.append(layout.section(f"{number}. 참여 기업", styles))
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

    out.append(layout.section(f"{number + 1}. 이관 사례 목록", styles))
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
    masker = report_masker(db, actor, out, f"session:{session.id}", unmask=unmask, reason=reason)
    report = gather.session_report(db, session.id, masker, moment)
    # The same figures as the dashboard, for this session's cases only.
    figures = dashboard_queries.dashboard_figures(db, queries.CaseFilter(session_id=session.id), moment)
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
    names = data.labels(db, session.date)
    result = layout.build_pdf(out, meta, story(report, figures, names, meta, styles), styles)
    result.extra.update(cases=report.total, firms=len(report.firms))
    return result
