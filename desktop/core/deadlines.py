"""The 민원처리법 deadline clock: case kinds, processing periods, the working calendar, pauses, one extension.

Counting rules (민원 처리에 관한 법률 시행령 §19, defaults that a manager may change):

* periods of 5 days or less are counted in working hours (1 day = 8 working hours) from
  the receipt moment; periods given in hours count working hours only;
* periods of 6 days or more are counted in days, the first day included, Saturdays,
  Sundays and public holidays excluded; the case is due at the end of business of the last
  counted day.

All datetimes are naive Asia/Seoul wall-clock times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from desktop.core.errors import reject

HOURS_PER_DAY = 8
"""Working hours in one day of a period (시행령: 1일은 8시간의 근무시간)."""
DAYS_COUNTED_FROM = 6
"""Periods of this many days or more are counted in days, shorter ones in working hours."""
DUE_SOON_HOURS = 8.0
"""A clock with this many working hours left or fewer is ``due_soon``."""
PROGRESS_NOTICE_DAYS = 30
"""A progress notice (중간 통지) is due every this many calendar days while a case is open."""

PeriodUnit = Literal["days", "hours"]
ClockState = Literal["paused", "overdue", "due_soon", "on_time"]


@dataclass(frozen=True, slots=True)
class Period:
    """A processing period, e.g. ``Period(14, "days")`` or ``Period(3, "hours")``."""

    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        bad_amount = isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1
        if bad_amount or self.unit not in ("days", "hours"):
            ko = "처리기간은 1 이상의 정수 일(days) 또는 시간(hours)이어야 합니다."
            raise reject("period", ko, "A period is a whole number ≥ 1 of days or hours.")

    @property
    def counted_in_days(self) -> bool:
        """True when the period is counted in calendar working days rather than working hours."""
        return self.unit == "days" and self.amount >= DAYS_COUNTED_FROM

    @property
    def working_hours(self) -> int:
        """The period in working hours (used when it is not counted in days)."""
        return self.amount * HOURS_PER_DAY if self.unit == "days" else self.amount

    def text(self, lang: str = "ko") -> str:
        """Return the period for display: ``14일`` / ``14 days``, ``3근무시간`` / ``3 working hours``."""
        if lang == "en":
            return f"{self.amount} {'days' if self.unit == 'days' else 'working hours'}"
        return f"{self.amount}{'일' if self.unit == 'days' else '근무시간'}"


@dataclass(frozen=True, slots=True)
class CaseKind:
    """A kind of civil petition with its default processing period; ``code`` is stored."""

    code: str
    name_ko: str
    name_en: str
    period: Period


CASE_KINDS: tuple[CaseKind, ...] = (
    CaseKind("law", "법령 질의", "Legal inquiry", Period(14, "days")),
    CaseKind("procedure", "제도·절차 질의", "Procedure inquiry", Period(7, "days")),
    CaseKind("proposal", "건의", "Proposal", Period(14, "days")),
    CaseKind("grievance", "고충", "Grievance", Period(7, "days")),
    CaseKind("other", "기타", "Other", Period(3, "hours")),
)
# Short names people actually type, on top of codes and names (compared without spaces/dots).
_KIND_ALIASES: tuple[tuple[str, str], ...] = (
    ("법령", "law"),
    ("절차질의", "procedure"),
    ("제도질의", "procedure"),
    ("제도절차", "procedure"),
)


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def case_kind(code_or_name: str) -> CaseKind:
    """Find a case kind by code (``law``), Korean name (``법령 질의``, ``법령질의``) or English name.

    Raises:
        RejectedInput: field ``kind`` when nothing matches.
    """
    key = _key(code_or_name)
    for kind in CASE_KINDS:
        if key in (_key(kind.code), _key(kind.name_ko), _key(kind.name_en)):
            return kind
    for alias, code in _KIND_ALIASES:
        if key == _key(alias):
            return next(k for k in CASE_KINDS if k.code == code)
    names = ", ".join(k.name_ko for k in CASE_KINDS)
    raise reject(
        "kind",
        f"알 수 없는 민원 종류입니다. 가능한 값: {names}",
        f"Unknown case kind. Allowed: {', '.join(k.code for k in CASE_KINDS)}",
    )


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Working days (Mon-Fri minus holidays) and working hours (day minus lunch).

    Attributes:
        holidays: public holidays (weekends are always off); build them with
            :func:`desktop.core.holidays_kr.public_holidays`.
        day_start, day_end: the office day; ``day_end`` is when a days-period falls due.
        lunch_start, lunch_end: the lunch break, not working time (equal times: no break).
    """

    holidays: frozenset[date]
    day_start: time = time(9)
    day_end: time = time(18)
    lunch_start: time = time(12)
    lunch_end: time = time(13)

    def __post_init__(self) -> None:
        ordered = self.day_start <= self.lunch_start <= self.lunch_end <= self.day_end
        if not ordered or (self.day_start, self.day_end) == (self.lunch_start, self.lunch_end):
            ko = "근무시간 설정이 올바르지 않습니다 (시작 ≤ 점심 시작 ≤ 점심 끝 ≤ 종료, 근무시간 > 0)."
            raise reject("calendar", ko, "Working hours need start ≤ lunch ≤ end and some work time.")

    def is_working_day(self, d: date) -> bool:
        """True on Monday to Friday unless ``d`` is a holiday."""
        return d.weekday() < 5 and d not in self.holidays

    def _intervals(self, d: date) -> tuple[tuple[datetime, datetime], ...]:
        if not self.is_working_day(d):
            return ()
        morning = (datetime.combine(d, self.day_start), datetime.combine(d, self.lunch_start))
        afternoon = (datetime.combine(d, self.lunch_end), datetime.combine(d, self.day_end))
        return tuple(span for span in (morning, afternoon) if span[0] < span[1])

    def working_hours_between(self, a: datetime, b: datetime) -> float:
        """Working hours from ``a`` to ``b``; negative when ``b`` is before ``a``."""
        if b < a:
            return -self.working_hours_between(b, a)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            for start, end in self._intervals(day):
                lo, hi = max(start, a), min(end, b)
                if lo < hi:
                    total += hi - lo
            day += timedelta(days=1)
        return total / timedelta(hours=1)

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The moment ``hours`` working hours after ``start``.

        Counting starts at the next working moment; a result that lands exactly on the end of
        a working span stays there (12:00, 18:00) rather than jumping past the break. Zero
        hours returns ``start`` unchanged.

        Raises:
            RejectedInput: field ``hours`` when negative or not finite.
        """
        if not math.isfinite(hours) or hours < 0:
            raise reject("hours", "근무시간은 0 이상이어야 합니다.", "Working hours must be zero or more.")
        if hours == 0:
            return start
        remaining = timedelta(hours=hours)
        day = start.date()
        while True:
            for span_start, span_end in self._intervals(day):
                lo = max(span_start, start)
                if lo < span_end:
                    if remaining <= span_end - lo:
                        return lo + remaining
                    remaining -= span_end - lo
            day += timedelta(days=1)

    def next_working_moment(self, dt: datetime) -> datetime:
        """``dt`` itself when it is working time, else the start of the next working span."""
        day = dt.date()
        while True:
            for start, end in self._intervals(day):
                if dt < end:
                    return max(start, dt)
            day += timedelta(days=1)

    def add_counted_days(self, start: date, days: int) -> date:
        """The last day of a period of ``days`` working days, the first day included.

        A receipt on a non-working day starts the count on the next working day. A receipt
        on a working day after ``day_end`` still counts that day as the first day: the law
        says "첫날을 산입" without a cut-off hour, so the receipt date decides.

        Raises:
            RejectedInput: field ``days`` when ``days`` < 1.
        """
        if days < 1:
            raise reject("days", "일수는 1 이상이어야 합니다.", "The number of days must be at least 1.")
        counted = 0
        day = start
        while True:
            if self.is_working_day(day):
                counted += 1
                if counted == days:
                    return day
            day += timedelta(days=1)


def compute_deadline(received_at: datetime, period: Period, calendar: WorkCalendar) -> datetime:
    """The moment a case received at ``received_at`` falls due, before pauses and extensions."""
    if period.counted_in_days:
        last = calendar.add_counted_days(received_at.date(), period.amount)
        return datetime.combine(last, calendar.day_end)
    return calendar.add_working_hours(received_at, period.working_hours)


@dataclass(frozen=True, slots=True)
class Pause:
    """A stop of the clock (보완 요구) from ``start`` until ``end`` (None: still stopped)."""

    start: datetime
    end: datetime | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Extension:
    """The one extension of the processing period, with its recorded reason."""

    period: Period
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DeadlineClock:
    """The deadline of one case: receipt, period, pauses and at most one extension.

    The deadline is computed as: the period from receipt; then the extension after that
    due moment (days: working days after the due day, same time of day; hours: working
    hours); then, for each closed pause that started before the deadline so far, the
    working time inside the pause. A pause that starts after the case is already overdue
    does not move the deadline: stopping the clock late must not make an overdue case look
    on time.
    """

    received_at: datetime
    period: Period
    pauses: tuple[Pause, ...] = ()
    extension: Extension | None = None

    def __post_init__(self) -> None:
        previous_end = self.received_at
        for i, p in enumerate(self.pauses):
            open_early = p.end is None and i < len(self.pauses) - 1
            if p.start < previous_end or open_early or (p.end is not None and p.end < p.start):
                raise reject(
                    "pauses",
                    "정지 기간은 접수 이후 시간순이어야 하며 열린 정지는 마지막 하나뿐이어야 합니다.",
                    "Pauses must follow receipt in time order, with only the last one open.",
                )
            previous_end = p.end or p.start

    @property
    def is_paused(self) -> bool:
        """True while the last pause has no end."""
        return bool(self.pauses) and self.pauses[-1].end is None

    def pause(self, at: datetime, reason: str = "") -> DeadlineClock:
        """Stop the clock at ``at`` (보완 요구); returns a new clock.

        Raises:
            RejectedInput: field ``pause`` when already paused or ``at`` is before receipt or
                before the end of the previous pause.
        """
        if self.is_paused:
            raise reject("pause", "처리기간이 이미 정지되어 있습니다.", "The clock is already paused.")
        earliest = self.pauses[-1].end if self.pauses else self.received_at
        if earliest is not None and at < earliest:
            raise reject(
                "pause",
                "정지 시각은 접수 시각과 직전 정지 종료 시각 이후여야 합니다.",
                "A pause cannot start before receipt or before the previous pause ended.",
            )
        return replace(self, pauses=(*self.pauses, Pause(at, None, reason.strip())))

    def resume(self, at: datetime) -> DeadlineClock:
        """Restart the clock at ``at`` (보완 접수); returns a new clock.

        Raises:
            RejectedInput: field ``resume`` when not paused or ``at`` is before the pause.
        """
        if not self.is_paused:
            raise reject("resume", "정지되지 않은 처리기간입니다.", "The clock is not paused.")
        last = self.pauses[-1]
        if at < last.start:
            raise reject("resume", "재개 시각이 정지 시각보다 앞섭니다.", "Resume time is before the pause.")
        return replace(self, pauses=(*self.pauses[:-1], replace(last, end=at)))

    def extend(self, period: Period, reason: str, at: datetime) -> DeadlineClock:
        """Extend the period once, with a reason; returns a new clock.

        Raises:
            RejectedInput: field ``extension`` when already extended, without a reason, or
                ``at`` is before receipt.
        """
        if self.extension is not None:
            raise reject(
                "extension",
                "처리기간은 한 번만 연장할 수 있습니다. 이미 연장된 민원입니다.",
                "The period can be extended only once; this case was already extended.",
            )
        if not reason.strip():
            raise reject("extension", "연장 사유를 입력하세요.", "Give the reason for the extension.")
        if at < self.received_at:
            raise reject(
                "extension", "연장 시각이 접수 시각보다 앞섭니다.", "Extension time is before receipt."
            )
        return replace(self, extension=Extension(period, reason.strip(), at))

    def _due(self, calendar: WorkCalendar) -> datetime:
        """The deadline counting closed pauses only (an open pause is ignored)."""
        due = compute_deadline(self.received_at, self.period, calendar)
        if self.extension is not None:
            ext = self.extension.period
            if ext.unit == "days":
                last = calendar.add_counted_days(due.date() + timedelta(days=1), ext.amount)
                due = datetime.combine(last, due.time())
            else:
                due = calendar.add_working_hours(due, ext.amount)
        for p in self.pauses:
            if p.end is None or p.start >= due:
                continue
            stopped = calendar.working_hours_between(p.start, p.end)
            if stopped > 0:
                due = calendar.add_working_hours(due, stopped)
        return due

    def due_at(self, calendar: WorkCalendar) -> datetime | None:
        """The deadline, or None while paused (the clock is stopped)."""
        return None if self.is_paused else self._due(calendar)

    def working_hours_left(self, now: datetime, calendar: WorkCalendar) -> float:
        """Working hours until the deadline, negative when overdue; frozen at the pause start while paused."""
        due = self._due(calendar)
        if self.is_paused:
            return calendar.working_hours_between(self.pauses[-1].start, due)
        return calendar.working_hours_between(now, due)

    def state(self, now: datetime, calendar: WorkCalendar) -> ClockState:
        """``paused``, ``overdue`` (past the deadline), ``due_soon`` (≤ 8 working hours left), ``on_time``."""
        if self.is_paused:
            return "paused"
        due = self._due(calendar)
        if now > due:
            return "overdue"
        if calendar.working_hours_between(now, due) <= DUE_SOON_HOURS:
            return "due_soon"
        return "on_time"

    def progress_notices_due(self, now: datetime) -> list[date]:
        """Days a progress notice was due, every 30 calendar days after receipt, up to ``now``.

        The clock does not know when a case closes: pass the closing time as ``now`` for a
        closed case.
        """
        start = self.received_at.date()
        elapsed = (now.date() - start).days
        return [
            start + timedelta(days=PROGRESS_NOTICE_DAYS * k)
            for k in range(1, elapsed // PROGRESS_NOTICE_DAYS + 1)
        ]
