"""Columns of the exported case sheets: header, width, cell kind and how each value is read from a case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from desktop.core.deadlines import DUE_SOON_HOURS, WorkCalendar
from desktop.store.queries import CaseListRow
from desktop.store.report_queries import CaseDetail
from reports import data
from reports.masking import Masker

Kind = Literal["text", "datetime", "date", "int"]


@dataclass(frozen=True, slots=True)
class RowContext:
    """What every value getter may use besides the row itself."""

    names: data.Labels
    masker: Masker
    now: datetime
    calendar: WorkCalendar


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One case as the export sees it: the list row, its details, and the shared context."""

    row: CaseListRow
    detail: CaseDetail
    ctx: RowContext


@dataclass(frozen=True, slots=True)
class ExcelColumn:
    header: str
    width: float
    kind: Kind
    value: Callable[[CaseRow], Any]


def _route(c: CaseRow) -> str:
    if c.row.onsite:
        return "현장해결"
    if c.row.status == "transferred":
        return "이송"
    return "기관배정" if c.row.agency_id else "미배정"


def deadline_state(row: CaseListRow, now: datetime, calendar: WorkCalendar) -> str:
    """정상 / 임박 (≤ 8 working hours left) / 초과 / 정지 (보완 대기) / 종결 / 이송."""
    if not row.is_open:
        return "이송" if row.status == "transferred" else "종결"
    if row.deadline_at is None:
        return "정지"
    if row.deadline_at < now:
        return "초과"
    # Working hours are only worth counting when the deadline is close.
    if (
        row.deadline_at - now <= timedelta(days=4)
        and calendar.working_hours_between(now, row.deadline_at) <= DUE_SOON_HOURS
    ):
        return "임박"
    return "정상"


def _overdue_days(c: CaseRow) -> int | None:
    due = c.row.deadline_at
    if not c.row.is_overdue(c.ctx.now) or due is None:
        return None
    return (c.ctx.now.date() - due.date()).days


CASE_COLUMNS: tuple[ExcelColumn, ...] = (
    ExcelColumn("사례ID", 38, "text", lambda c: c.row.id),
    ExcelColumn("접수번호", 16, "text", lambda c: c.row.number),
    ExcelColumn("접수일시", 17, "datetime", lambda c: c.row.received_at),
    ExcelColumn("접수월", 9, "text", lambda c: c.row.received_at.strftime("%Y-%m")),
    ExcelColumn("현장지원단", 32, "text", lambda c: c.detail.session_name or "상시 창구"),
    ExcelColumn("지원일자", 11, "date", lambda c: c.detail.session_day),
    ExcelColumn("장소", 24, "text", lambda c: c.detail.session_place),
    ExcelColumn("기업ID", 38, "text", lambda c: c.row.firm_id),
    ExcelColumn("기업명", 24, "text", lambda c: c.row.firm_name),
    ExcelColumn("사업자등록번호", 15, "text", lambda c: c.ctx.masker.brn(c.detail.firm_brn)),
    ExcelColumn("대표자", 10, "text", lambda c: c.ctx.masker.person(c.detail.firm_representative)),
    ExcelColumn("연락처", 15, "text", lambda c: c.ctx.masker.phone(c.detail.firm_phone)),
    ExcelColumn("이메일", 22, "text", lambda c: c.ctx.masker.email(c.detail.firm_email)),
    ExcelColumn("지역", 10, "text", lambda c: c.ctx.names.region(c.detail.firm_region)),
    ExcelColumn("기업규모", 9, "text", lambda c: c.detail.firm_size),
    ExcelColumn("업종(KSIC)", 10, "text", lambda c: c.detail.firm_ksic),
    ExcelColumn("분야코드", 8, "text", lambda c: c.row.field_code),
    ExcelColumn("분야", 15, "text", lambda c: c.ctx.names.field(c.row.field_code)),
    ExcelColumn("민원유형", 13, "text", lambda c: data.kind_name(c.row.kind)),
    ExcelColumn("애로사항", 60, "text", lambda c: c.detail.text),
    ExcelColumn("처리구분", 10, "text", _route),
    ExcelColumn("담당기관ID", 14, "text", lambda c: c.row.agency_id),
    ExcelColumn(
        "담당기관", 26, "text", lambda c: c.ctx.names.agency_full(c.row.agency_id) if c.row.agency_id else ""
    ),
    ExcelColumn("담당자", 10, "text", lambda c: c.row.assignee),
    ExcelColumn(
        "제3자 제공 동의 기관",
        26,
        "text",
        lambda c: ", ".join(c.ctx.names.agency(a) for a in c.detail.consent_agencies),
    ),
    ExcelColumn("상태", 10, "text", lambda c: data.status_name(c.row.status)),
    ExcelColumn("진행여부", 8, "text", lambda c: "진행" if c.row.is_open else "종결"),
    ExcelColumn("처리기한", 17, "datetime", lambda c: c.row.deadline_at if c.row.is_open else None),
    ExcelColumn("기한상태", 9, "text", lambda c: deadline_state(c.row, c.ctx.now, c.ctx.calendar)),
    ExcelColumn("경과일수", 9, "int", lambda c: c.row.days_open(c.ctx.now.date())),
    ExcelColumn("초과일수", 9, "int", _overdue_days),
    ExcelColumn("회신일시", 17, "datetime", lambda c: c.detail.reply_at),
    ExcelColumn("회신내용", 40, "text", lambda c: c.detail.reply_text),
    ExcelColumn("결과", 12, "text", lambda c: data.result_name(c.row.result_code)),
    ExcelColumn("결과사유", 24, "text", lambda c: c.detail.result_reason),
    ExcelColumn("만족도(100점)", 12, "int", lambda c: c.detail.satisfaction),
    ExcelColumn("종결일시", 17, "datetime", lambda c: c.row.closed_at),
    ExcelColumn("등록자", 10, "text", lambda c: c.detail.created_by),
)
