"""기관별 회신 요청서: the cases sent to one agency with the firm's consent, and a reply column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.core.records import Actor
from desktop.store.db import Database
from reports import data, gather
from reports.masking import report_masker
from reports.pdf import layout
from reports.pdf.tables import Column, Item, data_table, key_value_table

TITLE = "애로사항 처리 회신 요청서"


def story(request: gather.AgencyRequest, meta: layout.ReportMeta, styles: layout.Styles) -> list[Flowable]:
    width = layout.frame_width(meta)
    agency = request.agency
    lines = request.lines
    overdue = sum(line.overdue for line in lines)
    earliest = min((line.due for line in lines if line.due), default=None)
    out: list[Flowable] = layout.title_block(meta, styles)
    out.extend(
        key_value_table(
            [
                Item("수신", agency.name_ko + (f" (☎ {agency.phone})" if agency.phone else "")),
                Item("발신", meta.office),
                Item("제목", "원스톱 현장지원단 접수 기업 애로사항 처리 결과 회신 요청", wide=True),
                Item(
                    "대상",
                    f"{len(lines)}건 (기한 초과 {overdue}건)"
                    + (f", 가장 이른 회신 기한 {data.fmt_dt(earliest)}" if earliest else ""),
                    wide=True,
                ),
            ],
            styles,
            width,
            label_width=18 * mm,
        )
    )
    out.append(Spacer(1, 6))
    for sentence in (
        "1. 귀 기관의 협조에 감사드립니다.",
        "2. 원스톱 현장지원단에 접수된 기업 애로사항 중 귀 기관 소관 사항을 아래와 같이 이관하오니, "
        "처리 결과를 각 건의 회신 기한까지 아래 '처리 결과(회신)' 란에 기재하여 회신하여 주시기 바랍니다.",
        "3. 아래 자료는 해당 기업이 귀 기관에 대한 개인정보 제3자 제공에 동의한 건에 한하여 제공하며, "
        "애로사항 처리 외의 목적으로 이용할 수 없습니다.",
    ):
        out.append(layout.para(sentence, styles.body))
    out.append(Spacer(1, 6))
    out.append(
        data_table(
            [
                Column("번호", 0.5, "center"),
                Column("접수번호", 1.45, "center"),
                Column("기업명", 1.5),
                Column("사업자등록번호", 1.45, "center"),
                Column("대표자·연락처", 1.55),
                Column("분야", 1.1),
                Column("애로사항", 3.1),
                Column("접수일", 1.1, "center"),
                Column("회신 기한", 1.5, "center"),
                Column("처리 결과(회신)", 3.1),
            ],
            [
                (
                    str(i),
                    line.number,
                    line.firm,
                    line.brn,
                    line.contact,
                    line.field,
                    line.text,
                    data.fmt_d(line.received),
                    (data.fmt_dt(line.due) if line.due else line.status)
                    + (" (초과)" if line.overdue else ""),
                    "",
                )
                for i, line in enumerate(lines, 1)
            ],
            styles,
            width,
            highlight=[i for i, line in enumerate(lines) if line.overdue],
            min_row_height=15 * mm,
            zebra=False,
            highlight_columns=(8, 8),
        )
    )
    out.append(Spacer(1, 4))
    out.append(
        layout.para(
            "※ 붉은 칸(초과)은 회신 기한이 지난 건입니다. "
            "회신 기한은 민원처리법에 따른 처리기간(근무일 기준)입니다.",
            styles.note,
        )
    )
    return out


def render_agency_request(
    db: Database,
    agency: str,
    out: Path,
    actor: Actor,
    *,
    unmask: bool = False,
    reason: str = "",
    office: str | None = None,
    now: datetime | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    session_id: str = "",
    include_answered: bool = False,
    approval: bool = True,
) -> layout.BuildResult:
    """Write the 회신 요청서 for one agency (id or name); ``extra['excluded']`` counts cases left out
    because the firm did not consent to sharing them with this agency.

    Raises:
        RejectedInput: unknown agency, or unmasking without a reason.
    """
    moment = now or datetime.now().replace(microsecond=0)
    found = data.find_agency(db, agency, moment.date())
    masker = report_masker(db, actor, out, f"agency:{found.id}", unmask=unmask, reason=reason)
    request = gather.agency_request(
        db,
        found.id,
        masker,
        moment,
        date_from=date_from,
        date_to=date_to,
        session_id=session_id,
        include_answered=include_answered,
    )
    meta = layout.ReportMeta(
        title=TITLE,
        office=data.office_name(db, office),
        issued_at=moment,
        period=request.period,
        subtitle=f"수신: {found.name_ko}",
        masked=masker.masked,
        landscape=True,
        approval=approval,
    )
    styles = layout.make_styles()
    result = layout.build_pdf(out, meta, story(request, meta, styles), styles)
    result.extra.update(cases=len(request.lines), excluded=request.excluded_without_consent, agency=found.id)
    return result
