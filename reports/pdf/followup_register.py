"""사후관리 대장 (follow-up register): satisfaction call-backs due, done and flagged, per case."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store import followups
from desktop.store.db import Database
from reports import data
from reports.pdf import layout
from reports.pdf.tables import Column, data_table, figure_boxes

TITLE = "사후관리(만족도 조사) 대장"


def story(
    lines: list[followups.FollowUp], names: data.Labels, meta: layout.ReportMeta, styles: layout.Styles
) -> list[Flowable]:
    width = layout.frame_width(meta)
    counts = followups.counts(lines)
    scores = [f.score for f in lines if f.score is not None]
    out: list[Flowable] = layout.title_block(meta, styles)
    out.append(
        figure_boxes(
            [
                ("대상", f"{len(lines):,}건"),
                ("지연", f"{counts[followups.OVERDUE]:,}건"),
                ("오늘 연락", f"{counts[followups.DUE]:,}건"),
                ("예정", f"{counts[followups.SCHEDULED]:,}건"),
                ("불만족 조치", f"{counts[followups.FLAGGED]:,}건"),
                ("완료", f"{counts[followups.DONE] + counts[followups.REOPENED]:,}건"),
                ("평균 만족도", f"{sum(scores) / len(scores):.1f}점" if scores else "-"),
            ],
            styles,
            width,
        )
    )
    out.append(Spacer(1, 8))
    out.append(
        data_table(
            [
                Column("연번", 0.5, "right"),
                Column("접수번호", 1.45, "center"),
                Column("기업명", 1.6),
                Column("분야", 1.1),
                Column("담당 기관", 1.4),
                Column("결과", 0.9, "center"),
                Column("종결일", 1.0, "center"),
                Column("연락 예정일", 1.0, "center"),
                Column("상태", 1.5, "center"),
                Column("시도", 0.5, "right"),
                Column("만족도", 0.75, "right"),
                Column("메모", 1.8),
            ],
            [
                (
                    str(i),
                    f.number,
                    f.firm_name,
                    names.field(f.field_code),
                    names.agency(f.agency_id),
                    data.result_name(f.result_code) if f.result_code else data.status_name(f.status),
                    data.fmt_d(f.closed_at),
                    data.fmt_d(f.due),
                    followups.state_name(f.state),
                    str(f.attempts) if f.attempts else "",
                    f"{f.score}점" if f.score is not None else "-",
                    f.note,
                )
                for i, f in enumerate(lines, 1)
            ],
            styles,
            width,
            highlight=[i for i, f in enumerate(lines) if f.state in (followups.OVERDUE, followups.FLAGGED)],
        )
    )
    out.append(Spacer(1, 4))
    out.append(
        layout.para(
            f"※ 종결 {followups.CALLBACK_DAYS}일 뒤(휴일이면 다음 근무일)에 만족도를 묻습니다. "
            f"{followups.LOW_POINTS}점 이하는 '불만족 조치'로 표시되거나 사례가 재개됩니다. "
            "붉은 행은 연락이 늦었거나 불만족 조치가 필요한 사례입니다. "
            "만족도는 5점 척도를 100점으로 환산한 값입니다.",
            styles.note,
        )
    )
    return out


def render_followup_register(
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
    """Write the follow-up register of cases closed ``date_from``..``date_to`` (default: last 60 days).

    Names firms but no personal data, like the 처리대장.
    """
    del actor
    moment = now or datetime.now().replace(microsecond=0)
    lines = followups.register(db, closed_from=date_from, closed_to=date_to, today=moment.date())
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.period_text(date_from, date_to) if (date_from or date_to) else "최근 60일 종결",
        landscape=True,
        approval=approval,
    )
    styles = layout.make_styles()
    result = layout.build_pdf(out, meta, story(lines, data.labels(db, moment.date()), meta, styles), styles)
    result.extra.update(cases=len(lines))
    return result
