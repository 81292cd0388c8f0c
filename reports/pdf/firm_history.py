"""기업 지원 이력: one firm across sessions — identity, sessions attended, each difficulty and outcome."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store.db import Database
from reports import data, gather
from reports.masking import report_masker
from reports.pdf import layout
from reports.pdf.tables import Column, Item, data_table, figure_boxes, key_value_table

TITLE = "기업 지원 이력"


def story(history: gather.FirmHistory, meta: layout.ReportMeta, styles: layout.Styles) -> list[Flowable]:
    width = layout.frame_width(meta)
    firm = history.firm
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
                Item("최초·최근 상담", f"{data.fmt_d(history.first)} / {data.fmt_d(history.last)}"),
                Item("주소", firm.address or "-", wide=True),
            ],
            styles,
            width,
            per_row=3,
        )
    )
    out.append(Spacer(1, 6))
    out.append(
        figure_boxes(
            [
                ("현장지원단 참여", f"{len(history.visits)}회"),
                ("애로사항", f"{history.total}건"),
                ("현장해결", f"{history.onsite}건"),
                ("처리 중", f"{history.open}건"),
                ("기한 초과", f"{history.overdue}건"),
            ],
            styles,
            width,
        )
    )

    out.append(layout.section("2. 현장지원단 참여 이력", styles))
    out.append(
        data_table(
            [
                Column("일자", 1, "center"),
                Column("현장지원단", 3.2),
                Column("장소", 2.2),
                Column("애로사항", 0.8, "right"),
            ],
            [(data.fmt_d(v.day), v.name, v.place, f"{v.cases}건") for v in history.visits],
            styles,
            width,
        )
    )

    out.append(layout.section("3. 애로사항 처리 이력", styles))
    lines = history.lines
    out.append(
        data_table(
            [
                Column("접수일", 1.0, "center"),
                Column("현장지원단·창구", 2.4),
                Column("접수번호", 1.3, "center"),
                Column("분야", 1.2),
                Column("애로사항", 3.6),
                Column("담당 기관", 1.5),
                Column("상태", 0.7, "center"),
                Column("결과", 0.8, "center"),
            ],
            [
                (
                    data.fmt_d(c.received),
                    c.session,
                    c.number,
                    c.field,
                    c.text,
                    c.agency,
                    c.status,
                    c.result or "-",
                )
                for c in lines
            ],
            styles,
            width,
            highlight=[i for i, c in enumerate(lines) if c.overdue],
        )
    )
    out.append(Spacer(1, 4))
    out.append(
        layout.para(
            "※ 같은 사업자등록번호로 등록된 기업(다른 노트북에서 등록된 중복 포함)의 사례를 "
            "모두 보여 줍니다. 붉은 행은 처리기한이 지난 사례입니다.",
            styles.note,
        )
    )
    return out


def render_firm_history(
    db: Database,
    firm: str,
    out: Path,
    actor: Actor,
    *,
    unmask: bool = False,
    reason: str = "",
    office: str | None = None,
    now: datetime | None = None,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the 기업 지원 이력 of one firm (id or BRN) to ``out``.

    Raises:
        RejectedInput: unknown firm, or unmasking without a reason.
    """
    moment = now or datetime.now().replace(microsecond=0)
    found = data.find_firm(db, firm)
    masker = report_masker(db, actor, out, f"firm:{found.id}", unmask=unmask, reason=reason)
    history = gather.firm_history(db, found.id, masker, moment)
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=data.period_text(history.first, history.last) if history.first else "-",
        subtitle=f"{found.name} ({masker.brn(found.brn)})",
        masked=masker.masked,
        landscape=True,
        approval=approval,
    )
    styles = layout.make_styles()
    result = layout.build_pdf(out, meta, story(history, meta, styles), styles)
    result.extra.update(cases=history.total)
    return result
