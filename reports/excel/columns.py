"""Columns of the exported case sheets (header, width, cell kind) and the values of one case for them.

:class:`RowValues` turns an :class:`~desktop.store.export_queries.ExportRow` into the 38
values in :data:`CASE_COLUMNS` order in one function call: at 100,000 cases every
microsecond per row is a tenth of a second of export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from desktop.core.deadlines import DUE_SOON_HOURS, WorkCalendar
from desktop.store.export_queries import ExportRow
from reports import data
from reports.masking import Masker

Kind = Literal["text", "datetime", "date", "int"]


@dataclass(frozen=True, slots=True)
class ExcelColumn:
    """One column: header, width in characters, cell kind; ``free`` text was typed by a person
    (or came from an imported file) and may start with ``=``, ``+``, ``-`` or ``@``."""

    header: str
    width: float
    kind: Kind
    free: bool = False


CASE_COLUMNS: tuple[ExcelColumn, ...] = (
    ExcelColumn("사례ID", 38, "text"),
    ExcelColumn("접수번호", 16, "text"),
    ExcelColumn("접수일시", 17, "datetime"),
    ExcelColumn("접수월", 9, "text"),
    ExcelColumn("현장지원단", 32, "text", free=True),
    ExcelColumn("지원일자", 11, "date"),
    ExcelColumn("장소", 24, "text", free=True),
    ExcelColumn("기업ID", 38, "text"),
    ExcelColumn("기업명", 24, "text", free=True),
    ExcelColumn("사업자등록번호", 15, "text"),
    ExcelColumn("대표자", 10, "text", free=True),
    ExcelColumn("연락처", 15, "text", free=True),
    ExcelColumn("이메일", 22, "text", free=True),
    ExcelColumn("지역", 10, "text"),
    ExcelColumn("기업규모", 9, "text", free=True),
    ExcelColumn("업종(KSIC)", 10, "text", free=True),
    ExcelColumn("분야코드", 8, "text"),
    ExcelColumn("분야", 15, "text"),
    ExcelColumn("민원유형", 13, "text"),
    ExcelColumn("애로사항", 60, "text", free=True),
    ExcelColumn("처리구분", 10, "text"),
    ExcelColumn("담당기관ID", 14, "text"),
    ExcelColumn("담당기관", 26, "text"),
    ExcelColumn("담당자", 10, "text", free=True),
    ExcelColumn("제3자 제공 동의 기관", 26, "text"),
    ExcelColumn("상태", 10, "text"),
    ExcelColumn("진행여부", 8, "text"),
    ExcelColumn("처리기한", 17, "datetime"),
    ExcelColumn("기한상태", 9, "text"),
    ExcelColumn("경과일수", 9, "int"),
    ExcelColumn("초과일수", 9, "int"),
    ExcelColumn("회신일시", 17, "datetime"),
    ExcelColumn("회신내용", 40, "text", free=True),
    ExcelColumn("결과", 12, "text"),
    ExcelColumn("결과사유", 24, "text", free=True),
    ExcelColumn("만족도(100점)", 12, "int"),
    ExcelColumn("종결일시", 17, "datetime"),
    ExcelColumn("등록자", 10, "text", free=True),
)
AGENCY_ID_COLUMN = next(i for i, c in enumerate(CASE_COLUMNS) if c.header == "담당기관ID")
"""Where a row's agency id is (the per-agency sheets pick their rows by it)."""


def deadline_state(
    is_open: bool, status: str, deadline_at: datetime | None, now: datetime, calendar: WorkCalendar
) -> str:
    """정상 / 임박 (≤ 8 working hours left) / 초과 / 정지 (보완 대기) / 종결 / 이송."""
    if not is_open:
        return "이송" if status == "transferred" else "종결"
    if deadline_at is None:
        return "정지"
    if deadline_at < now:
        return "초과"
    # Working hours are only worth counting when the deadline is close.
    if (
        deadline_at - now <= timedelta(days=4)
        and calendar.working_hours_between(now, deadline_at) <= DUE_SOON_HOURS
    ):
        return "임박"
    return "정상"


_FIRM_CACHE = 50_000
"""Masked firm details are cached per firm (ten cases a firm on average); cleared past this many."""


class RowValues:
    """The values of one case for :data:`CASE_COLUMNS` (``None`` for an empty cell).

    State: the display names, the masker, the moment of the export, the working calendar, and
    caches of what repeats from row to row (each firm's masked numbers and contacts, month
    labels, consent lists).
    """

    def __init__(self, names: data.Labels, masker: Masker, now: datetime, calendar: WorkCalendar) -> None:
        self.names = names
        self.masker = masker
        self.now = now
        self.today = now.date()
        self.calendar = calendar
        self._firms: dict[str, tuple[str, str, str, str, str]] = {}
        self._months: dict[int, str] = {}
        self._consents: dict[tuple[str, ...], str] = {(): ""}

    def _firm(self, r: ExportRow) -> tuple[str, str, str, str, str]:
        if len(self._firms) >= _FIRM_CACHE:
            self._firms.clear()
        m = self.masker
        found = self._firms[r.firm_id] = (
            m.brn(r.firm_brn),
            m.person(r.firm_representative),
            m.phone(r.firm_phone),
            m.email(r.firm_email),
            self.names.region(r.firm_region),
        )
        return found

    def month(self, received: datetime) -> str:
        """``2026-03`` for a moment in March 2026."""
        key = received.year * 100 + received.month
        label = self._months.get(key)
        if label is None:
            label = self._months[key] = f"{received.year:04d}-{received.month:02d}"
        return label

    def _consent_names(self, agencies: tuple[str, ...]) -> str:
        label = self._consents.get(agencies)
        if label is None:
            if len(self._consents) >= _FIRM_CACHE:
                self._consents.clear()
            label = self._consents[agencies] = ", ".join([self.names.agency(a) for a in agencies])
        return label

    def __call__(self, r: ExportRow) -> list[Any]:
        names = self.names
        now = self.now
        firm = self._firms.get(r.firm_id) or self._firm(r)
        agency = r.agency_id
        status = r.status
        is_open = r.is_open
        deadline = r.deadline_at
        if r.onsite:
            route = "현장해결"
        elif status == "transferred":
            route = "이송"
        else:
            route = "기관배정" if agency else "미배정"
        closed = r.closed_at
        received = r.received_at
        if not is_open:
            state = "이송" if status == "transferred" else "종결"
            overdue_days = None
        elif deadline is None:
            state, overdue_days = "정지", None
        elif deadline < now:
            state, overdue_days = "초과", (self.today - deadline.date()).days
        else:
            state, overdue_days = deadline_state(True, status, deadline, now, self.calendar), None
        # One entry per column of CASE_COLUMNS, in that order.
        return [
            r.id,
            r.number,
            received,
            self.month(received),
            r.session_name or "상시 창구",
            r.session_day,
            r.session_place,
            r.firm_id,
            r.firm_name,
            firm[0],
            firm[1],
            firm[2],
            firm[3],
            firm[4],
            r.firm_size,
            r.firm_ksic,
            r.field_code,
            names.field(r.field_code),
            data.kind_name(r.kind),
            r.text,
            route,
            agency,
            names.agency_full(agency) if agency else "",
            r.assignee,
            self._consents.get(r.consent_agencies) or self._consent_names(r.consent_agencies),
            data.status_name(status),
            "진행" if is_open else "종결",
            deadline if is_open else None,
            state,
            ((closed.date() if closed else self.today) - received.date()).days,
            overdue_days,
            r.reply_at,
            r.reply_text,
            data.result_name(r.result_code),
            r.result_reason,
            r.satisfaction,
            closed,
            r.created_by,
        ]
