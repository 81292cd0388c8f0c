"""사례 기록지: one case for the file — firm, difficulty, routing, consents, timeline, deadlines, result."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store import cases
from desktop.store.db import Database
from reports import data, gather
from reports.masking import report_masker
from reports.pdf import layout
from reports.pdf.tables import Column, Item, data_table, key_value_table

TITLE = "애로사항 사례 기록지"


def story(record: gather.CaseRecord, meta: layout.ReportMeta, styles: layout.Styles) -> list[Flowable]:
    """The flowables of a case record."""
    width = layout.frame_width(meta)
    case, firm = record.case, record.firm
    out: list[Flowable] = layout.title_block(meta, styles)

    out.append(layout.section("1. 기업 정보", styles))
    out.extend(
        key_value_table(
            [
                Item("기업명", firm.name),
                Item("사업자등록번호", firm.brn),
                Item("대표자", firm.representative or "-"),
                Item("연락처", firm.phone or "-"),
                Item("지역", firm.region),
                Item("기업 규모", firm.size),
                Item("업종(KSIC)", firm.ksic),
                Item("법인등록번호", firm.corp_no),
                Item("주소", firm.address or "-", wide=True),
            ],
            styles,
            width,
        )
    )

    out.append(layout.section("2. 애로사항", styles))
    session = record.session
    out.extend(
        key_value_table(
            [
                Item("접수번호", case.number),
                Item("접수일시", data.fmt_dt(case.received_at)),
                Item(
                    "현장지원단",
                    f"{session.name} ({data.fmt_d(session.date)}, {session.place})"
                    if session
                    else "상시 창구",
                    wide=True,
                ),
                Item("분야", record.field_name),
                Item("민원 유형", record.kind_name),
                Item("애로사항 내용", case.text, wide=True),
            ],
            styles,
            width,
        )
    )

    out.append(layout.section("3. 처리 경로", styles))
    out.extend(
        key_value_table(
            [
                Item(
                    "처리 구분", "현장해결" if case.onsite else ("기관 배정" if case.agency_id else "미배정")
                ),
                Item("담당 기관", record.agency_name),
                Item("담당자", case.assignee or "-"),
                Item("상태", record.status_name),
                Item("경과일수", f"{record.days_open}일"),
                Item("기한 초과", "예" if record.overdue else "아니오"),
            ],
            styles,
            width,
        )
    )

    out.append(layout.section("4. 제3자 제공 동의", styles))
    out.append(
        data_table(
            [
                Column("제공 받는 기관", 3),
                Column("동의 일시", 1.6, "center"),
                Column("확인자", 1.2, "center"),
            ],
            [(c.agency, data.fmt_dt(c.given_at), c.given_by) for c in record.consents],
            styles,
            width,
        )
    )

    deadline = record.deadline
    out.append(layout.section("5. 처리 기한", styles))
    items = [
        Item("처리 기간", deadline.period),
        Item("최초 기한", data.fmt_dt(deadline.first_due)),
        Item(
            "최종 기한" if record.case.closed_at else "현재 기한",
            data.fmt_dt(deadline.current_due) if deadline.current_due else "정지 중",
        ),
        Item("기한 상태", deadline.state),
        Item("기간 연장", deadline.extension or "없음", wide=True),
        Item("처리 정지(보완)", "\n".join(deadline.pauses) or "없음", wide=True),
    ]
    if deadline.notices:
        items.append(Item("중간 통지 기한", ", ".join(data.fmt_d(d) for d in deadline.notices), wide=True))
    out.extend(key_value_table(items, styles, width))
    if deadline.changes:
        out.append(Spacer(1, 2))
        out.append(
            data_table(
                [Column("일시", 1.3, "center"), Column("변경", 1), Column("내용", 4)],
                [(data.fmt_dt(c.at), c.what, c.detail) for c in deadline.changes],
                styles,
                width,
            )
        )

    out.append(layout.section("6. 처리 이력", styles))
    out.append(
        data_table(
            [
                Column("일시", 1.25, "center"),
                Column("처리자", 1, "center"),
                Column("구분", 1.1, "center"),
                Column("내용", 4.6),
            ],
            [(data.fmt_dt(e.at), e.actor, e.what, e.detail) for e in record.timeline],
            styles,
            width,
        )
    )

    out.append(layout.section("7. 처리 결과", styles))
    out.extend(
        key_value_table(
            [
                Item("결과", record.result_name or "미종결"),
                Item("종결일시", data.fmt_dt(case.closed_at) if case.closed_at else "-"),
                Item(
                    "만족도", f"{case.satisfaction}점 (100점 만점)" if case.satisfaction is not None else "-"
                ),
                Item("결과 사유", case.result_reason or "-"),
            ],
            styles,
            width,
        )
    )
    if record.programs:
        out.append(layout.section("8. 연계 지원사업", styles))
        out.append(
            data_table(
                [
                    Column("지원사업", 3),
                    Column("운영 기관", 2),
                    Column("연계 일시", 1.3, "center"),
                    Column("연계자", 0.9, "center"),
                    Column("메모", 1.8),
                ],
                [
                    (p.name, p.agency, data.fmt_dt(p.attached_at), p.attached_by, p.note)
                    for p in record.programs
                ],
                styles,
                width,
            )
        )
    return out


def render_case_record(
    db: Database,
    case_id: str,
    out: Path,
    actor: Actor,
    *,
    unmask: bool = False,
    reason: str = "",
    office: str | None = None,
    now: datetime | None = None,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the 사례 기록지 of one case (id or human number) to ``out``.

    Raises:
        RejectedInput: unknown case, or unmasking without a reason.
    """
    moment = now or datetime.now().replace(microsecond=0)
    case = cases.get_case(db, case_id)  # an unknown case is refused before anything is audited
    masker = report_masker(db, actor, out, f"case:{case.id}", unmask=unmask, reason=reason)
    record = gather.case_record(db, case.id, masker, moment)
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.fmt_d(record.case.received_at),
        subtitle=f"접수번호 {record.case.number} · {record.firm.name}",
        masked=masker.masked,
        approval=approval,
    )
    styles = layout.make_styles()
    return layout.build_pdf(out, meta, story(record, meta, styles), styles)
