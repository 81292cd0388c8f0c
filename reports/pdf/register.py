"""처리대장 (register): every case received in a period with status, owner, deadline and days open."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store.db import Database
from reports import data, gather
from reports.pdf import layout
from reports.pdf.tables import Column, data_table, figure_boxes

TITLE = "애로사항 처리대장"
COLUMNS: tuple[Column, ...] = (
    Column("연번", 0.5, "right"),
    Column("접수번호", 1.45, "center"),
    Column("접수일", 1.05, "center"),
    Column("기업명", 1.5),
    Column("분야", 1.15),
    Column("애로사항", 3.4),
    Column("담당 기관", 1.3),
    Column("담당자", 0.75, "center"),
    Column("상태", 0.75, "center"),
    Column("처리기한", 1.5, "center"),
    Column("경과일", 0.65, "right"),
    Column("비고", 0.85, "center"),
)


def story(register: gather.Register, meta: layout.ReportMeta, styles: layout.Styles) -> list[Flowable]:
    width = layout.frame_width(meta)
    lines = register.lines
    closed = register.total - register.open
    out: list[Flowable] = layout.title_block(meta, styles)
    out.append(
        figure_boxes(
            [
                ("접수", f"{register.total:,}건"),
                ("처리 중", f"{register.open:,}건"),
                ("기한 초과", f"{register.overdue:,}건"),
                ("종결·이송", f"{closed:,}건"),
                ("현장해결", f"{register.onsite:,}건"),
            ],
            styles,
            width,
        )
    )
    out.append(Spacer(1, 8))
    out.append(
        data_table(
            COLUMNS,
            [
                (
                    str(i),
                    c.number,
                    data.fmt_d(c.received),
                    c.firm,
                    c.field,
                    c.text,
                    c.agency,
                    c.assignee,
                    c.status,
                    data.fmt_dt(c.due) if c.due else "-",
                    f"{c.days_open}일",
                    "기한초과" if c.overdue else ("현장해결" if c.result == "현장해결" else ""),
                )
                for i, c in enumerate(lines, 1)
            ],
            styles,
            width,
            highlight=[i for i, c in enumerate(lines) if c.overdue],
        )
    )
    out.append(Spacer(1, 4))
    out.append(
        layout.para(
            "※ 붉은 행(비고: 기한초과)은 처리기한이 지난 미종결 사례입니다. "
            "경과일은 접수일부터 종결일(미종결은 작성일)까지의 달력 일수입니다.",
            styles.note,
        )
    )
    return out


def render_register(
    db: Database,
    out: Path,
    actor: Actor,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    office: str | None = None,
    now: datetime | None = None,
    agency_id: str = "",
    field_code: str = "",
    statuses: tuple[str, ...] = (),
    approval: bool = True,
) -> layout.BuildResult:
    """Write the 처리대장 of the cases received from ``date_from`` to ``date_to`` (default: this year).

    The register names firms but no personal data (no numbers, people or phones), so it has no
    unmasked variant. ``actor`` is kept for symmetry with the other reports.

    Raises:
        RejectedInput: the period ends before it starts.
    """
    del actor
    moment = now or datetime.now().replace(microsecond=0)
    default_from, default_to = data.default_period(moment.date())
    start, end = date_from or default_from, date_to or default_to
    register = gather.register(
        db, start, end, moment, agency_id=agency_id, field_code=field_code, statuses=statuses
    )
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.period_text(start, end),
        landscape=True,
        approval=approval,
    )
    styles = layout.make_styles()
    result = layout.build_pdf(out, meta, story(register, meta, styles), styles)
    result.extra.update(cases=register.total, overdue=register.overdue)
    return result
