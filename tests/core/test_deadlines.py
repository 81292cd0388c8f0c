"""Tests of the 민원처리법 deadline clock (DOMAIN §4), with the real 2026 holidays."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.deadlines import (
    CASE_KINDS,
    DeadlineClock,
    Pause,
    Period,
    WorkCalendar,
    case_kind,
    compute_deadline,
)
from desktop.core.errors import RejectedInput

# Public holidays of 2026 (관공서의 공휴일에 관한 규정), passed explicitly so the tests do not
# depend on the holidays package: 신정, 설날 2/16-18, 삼일절 + substitute 3/2, 노동절 5/1,
# 어린이날, 부처님오신날 5/24 + substitute 5/25, local election 6/3, 현충일, 제헌절 7/17,
# 광복절 + substitute 8/17, 추석 9/24-26, 개천절 + substitute 10/5, 한글날, 성탄절.
HOLIDAYS_2026 = frozenset(
    date.fromisoformat(d)
    for d in (
        "2026-01-01 2026-02-16 2026-02-17 2026-02-18 2026-03-01 2026-03-02 2026-05-01 2026-05-05 "
        "2026-05-24 2026-05-25 2026-06-03 2026-06-06 2026-07-17 2026-08-15 2026-08-17 2026-09-24 "
        "2026-09-25 2026-09-26 2026-10-03 2026-10-05 2026-10-09 2026-12-25"
    ).split()
)
CAL = WorkCalendar(HOLIDAYS_2026)
LAW = Period(14, "days")
THREE_HOURS = Period(3, "hours")
MON = datetime(2026, 3, 9, 10, 0)  # an ordinary Monday


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- case kinds and periods -----------------------------------------------------------------


def test_case_kinds_carry_the_default_periods_of_the_law() -> None:
    assert [(k.code, k.period) for k in CASE_KINDS] == [
        ("law", Period(14, "days")),
        ("procedure", Period(7, "days")),
        ("proposal", Period(14, "days")),
        ("grievance", Period(7, "days")),
        ("other", Period(3, "hours")),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("law", "law"),
        ("법령 질의", "law"),
        ("법령질의", "law"),
        ("제도·절차 질의", "procedure"),
        ("제도절차질의", "procedure"),
        ("절차질의", "procedure"),
        ("건의", "proposal"),
        ("고충", "grievance"),
        ("기타", "other"),
        ("Legal inquiry", "law"),
        (" OTHER ", "other"),
    ],
)
def test_case_kind_is_found_by_code_or_korean_name(text: str, code: str) -> None:
    assert case_kind(text).code == code


def test_unknown_case_kind_is_refused_on_field_kind() -> None:
    with pytest.raises(RejectedInput) as info:
        case_kind("민원")
    assert info.value.problems[0].field == "kind"


@pytest.mark.parametrize(("amount", "unit"), [(0, "days"), (-3, "hours"), (2, "weeks")])
def test_period_must_be_positive_days_or_hours(amount: int, unit: str) -> None:
    with pytest.raises(RejectedInput):
        Period(amount, unit)  # type: ignore[arg-type]


def test_calendar_with_inconsistent_hours_is_refused() -> None:
    with pytest.raises(RejectedInput):
        WorkCalendar(frozenset(), day_start=time(18), day_end=time(9))


# --- calendar -------------------------------------------------------------------------------


def test_weekends_and_holidays_are_not_working_days() -> None:
    assert CAL.is_working_day(date(2026, 3, 9))
    assert not CAL.is_working_day(date(2026, 3, 7))  # Saturday
    assert not CAL.is_working_day(date(2026, 3, 8))  # Sunday
    assert not CAL.is_working_day(date(2026, 6, 3))  # local election day
    assert not CAL.is_working_day(date(2026, 7, 17))  # 제헌절


def test_working_hours_between_skips_lunch_nights_and_weekends() -> None:
    assert CAL.working_hours_between(dt("2026-03-09 10:00"), dt("2026-03-09 14:00")) == 3
    assert CAL.working_hours_between(dt("2026-03-06 17:00"), dt("2026-03-09 10:00")) == 2
    assert CAL.working_hours_between(dt("2026-03-09 12:10"), dt("2026-03-09 12:50")) == 0
    assert CAL.working_hours_between(dt("2026-03-09 14:00"), dt("2026-03-09 10:00")) == -3


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-03-09 10:00", "2026-03-09 10:00"),
        ("2026-03-09 12:30", "2026-03-09 13:00"),
        ("2026-03-09 18:00", "2026-03-10 09:00"),
        ("2026-03-09 07:00", "2026-03-09 09:00"),
        ("2026-03-07 11:00", "2026-03-09 09:00"),
        ("2026-02-13 18:30", "2026-02-19 09:00"),
    ],
)
def test_next_working_moment(moment: str, expected: str) -> None:
    assert CAL.next_working_moment(dt(moment)) == dt(expected)


def test_negative_working_hours_and_zero_days_are_refused() -> None:
    with pytest.raises(RejectedInput):
        CAL.add_working_hours(MON, -1)
    with pytest.raises(RejectedInput):
        CAL.add_counted_days(MON.date(), 0)


# --- hours periods --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-03-09 10:00", "2026-03-09 14:00"),  # across lunch
        ("2026-03-09 17:00", "2026-03-10 11:00"),  # across the evening
        ("2026-03-09 19:00", "2026-03-10 12:00"),  # after hours; ends at lunch, not after it
        ("2026-03-09 12:30", "2026-03-09 16:00"),  # received during lunch
        ("2026-03-06 16:30", "2026-03-09 10:30"),  # Friday afternoon, across the weekend
        ("2026-03-07 11:00", "2026-03-09 12:00"),  # received on a Saturday
        ("2026-02-13 17:00", "2026-02-19 11:00"),  # before 설날 16-18
        ("2026-07-16 16:00", "2026-07-20 10:00"),  # before 제헌절 (Fri) and the weekend
    ],
)
def test_three_working_hours_period(received: str, due: str) -> None:
    assert compute_deadline(dt(received), THREE_HOURS, CAL) == dt(due)


def test_period_of_five_days_or_less_counts_eight_working_hours_a_day() -> None:
    assert compute_deadline(MON, Period(5, "days"), CAL) == dt("2026-03-16 10:00")
    assert compute_deadline(dt("2026-04-30 15:00"), Period(1, "days"), CAL) == dt("2026-05-04 15:00")


# --- days periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "period", "due"),
    [
        ("2026-03-09 10:00", LAW, "2026-03-26 18:00"),  # first day counted, weekends skipped
        ("2026-03-09 20:00", Period(7, "days"), "2026-03-17 18:00"),  # after hours: day still counts
        ("2026-03-07 10:00", Period(7, "days"), "2026-03-17 18:00"),  # Saturday: Monday is day 1
        ("2026-02-12 10:00", Period(7, "days"), "2026-02-25 18:00"),  # across 설날
        ("2026-02-27 10:00", Period(6, "days"), "2026-03-09 18:00"),  # substitute holiday 3/2
        ("2026-06-01 10:00", Period(7, "days"), "2026-06-10 18:00"),  # local election day
        ("2026-09-21 10:00", LAW, "2026-10-14 18:00"),  # 추석, 10/5 and 한글날
        ("2026-04-27 09:00", Period(7, "days"), "2026-05-07 18:00"),  # 노동절 and 어린이날
    ],
)
def test_days_period_excludes_weekends_and_holidays(received: str, period: Period, due: str) -> None:
    assert compute_deadline(dt(received), period, CAL) == dt(due)


def test_days_period_on_a_calendar_with_other_office_hours_falls_due_at_its_closing_time() -> None:
    cal = WorkCalendar(HOLIDAYS_2026, day_start=time(8, 30), day_end=time(17, 30))
    assert compute_deadline(MON, LAW, cal) == dt("2026-03-26 17:30")


# --- pauses ---------------------------------------------------------------------------------


def test_pause_stops_the_clock_and_resume_adds_the_paused_working_time() -> None:
    clock = DeadlineClock(MON, LAW)
    paused = clock.pause(dt("2026-03-10 10:00"), "보완 요구")
    assert paused.is_paused
    assert paused.due_at(CAL) is None
    resumed = paused.resume(dt("2026-03-12 10:00"))  # 16 working hours stopped
    assert resumed.due_at(CAL) == dt("2026-03-30 18:00")
    assert clock.due_at(CAL) == dt("2026-03-26 18:00")  # the original is unchanged


def test_pause_adds_only_the_working_time_it_covers() -> None:
    clock = DeadlineClock(MON, THREE_HOURS).pause(dt("2026-03-09 11:00"), "보완")
    clock = clock.resume(dt("2026-03-09 19:00"))  # 11-12 and 13-18: 6 working hours
    assert clock.due_at(CAL) == dt("2026-03-10 11:00")  # 1 h ran before the pause, 2 h on Tuesday


def test_pause_over_a_weekend_adds_nothing() -> None:
    clock = DeadlineClock(dt("2026-03-06 10:00"), LAW).pause(dt("2026-03-06 18:30"), "보완")
    assert clock.resume(dt("2026-03-09 08:00")).due_at(CAL) == compute_deadline(
        dt("2026-03-06 10:00"), LAW, CAL
    )


def test_pause_after_the_case_is_overdue_does_not_move_the_deadline() -> None:
    clock = DeadlineClock(MON, THREE_HOURS).pause(dt("2026-03-09 15:00"), "보완")
    clock = clock.resume(dt("2026-03-11 15:00"))
    assert clock.due_at(CAL) == dt("2026-03-09 14:00")


def test_pausing_twice_is_refused() -> None:
    paused = DeadlineClock(MON, LAW).pause(dt("2026-03-10 10:00"), "보완")
    with pytest.raises(RejectedInput) as info:
        paused.pause(dt("2026-03-11 10:00"), "보완")
    assert info.value.problems[0].field == "pause"


def test_resuming_a_running_clock_is_refused() -> None:
    with pytest.raises(RejectedInput) as info:
        DeadlineClock(MON, LAW).resume(dt("2026-03-11 10:00"))
    assert info.value.problems[0].field == "resume"


def test_pause_before_receipt_or_resume_before_pause_is_refused() -> None:
    with pytest.raises(RejectedInput):
        DeadlineClock(MON, LAW).pause(dt("2026-03-08 10:00"), "보완")
    with pytest.raises(RejectedInput):
        DeadlineClock(MON, LAW).pause(dt("2026-03-10 10:00"), "보완").resume(dt("2026-03-10 09:00"))


def test_clock_with_pauses_out_of_order_is_refused() -> None:
    with pytest.raises(RejectedInput):
        DeadlineClock(MON, LAW, pauses=(Pause(dt("2026-03-10 10:00")), Pause(dt("2026-03-11 10:00"))))


# --- extension ------------------------------------------------------------------------------


def test_days_extension_counts_working_days_after_the_original_due_day() -> None:
    clock = DeadlineClock(MON, LAW).extend(LAW, "관계기관 협의", dt("2026-03-20 10:00"))
    assert clock.due_at(CAL) == dt("2026-04-15 18:00")
    assert clock.extension is not None and clock.extension.reason == "관계기관 협의"


def test_hours_extension_counts_working_hours_after_the_original_deadline() -> None:
    clock = DeadlineClock(MON, THREE_HOURS).extend(Period(8, "hours"), "현장 확인", MON)
    assert clock.due_at(CAL) == dt("2026-03-10 14:00")


def test_second_extension_is_refused() -> None:
    clock = DeadlineClock(MON, LAW).extend(Period(7, "days"), "협의", dt("2026-03-20 10:00"))
    with pytest.raises(RejectedInput) as info:
        clock.extend(Period(7, "days"), "또 협의", dt("2026-03-25 10:00"))
    assert info.value.problems[0].field == "extension"


@pytest.mark.parametrize("reason", ["", "   "])
def test_extension_without_reason_is_refused(reason: str) -> None:
    with pytest.raises(RejectedInput) as info:
        DeadlineClock(MON, LAW).extend(Period(7, "days"), reason, dt("2026-03-20 10:00"))
    assert info.value.problems[0].field == "extension"


def test_extension_while_paused_applies_after_resume() -> None:
    clock = DeadlineClock(MON, LAW).pause(dt("2026-03-10 10:00"), "보완")
    clock = clock.extend(Period(7, "days"), "협의", dt("2026-03-11 10:00"))
    assert clock.due_at(CAL) is None
    # 3/26 + 7 working days = 4/6 18:00, plus 16 paused working hours = 4/8 18:00.
    assert clock.resume(dt("2026-03-12 10:00")).due_at(CAL) == dt("2026-04-08 18:00")


# --- state ----------------------------------------------------------------------------------


def test_state_moves_from_on_time_to_due_soon_to_overdue() -> None:
    clock = DeadlineClock(MON, LAW)  # due 2026-03-26 18:00
    assert clock.state(MON, CAL) == "on_time"
    assert clock.state(dt("2026-03-25 17:59"), CAL) == "on_time"
    assert clock.state(dt("2026-03-25 18:00"), CAL) == "due_soon"  # exactly 8 h left
    assert clock.state(dt("2026-03-26 18:00"), CAL) == "due_soon"
    assert clock.state(dt("2026-03-26 18:01"), CAL) == "overdue"
    paused = clock.pause(dt("2026-03-26 17:00"), "보완")
    assert paused.state(dt("2026-03-30 10:00"), CAL) == "paused"
    resumed = paused.resume(dt("2026-03-30 10:00"))  # 10 working hours stopped
    assert resumed.due_at(CAL) == dt("2026-03-30 11:00")
    assert resumed.state(dt("2026-03-30 10:00"), CAL) == "due_soon"


def test_working_hours_left_is_negative_when_overdue_and_frozen_while_paused() -> None:
    clock = DeadlineClock(MON, THREE_HOURS)  # due 14:00
    assert clock.working_hours_left(MON, CAL) == 3
    assert clock.working_hours_left(dt("2026-03-10 10:00"), CAL) == -5
    paused = clock.pause(dt("2026-03-09 11:00"), "보완")
    assert paused.working_hours_left(dt("2026-03-20 10:00"), CAL) == 2


def test_progress_notice_is_due_every_thirty_days() -> None:
    clock = DeadlineClock(dt("2026-01-05 10:00"), LAW)
    assert clock.progress_notices_due(dt("2026-02-03 10:00")) == []
    assert clock.progress_notices_due(dt("2026-03-10 10:00")) == [date(2026, 2, 4), date(2026, 3, 6)]


# --- properties -----------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31, 23, 59))
periods = st.one_of(
    st.builds(Period, st.integers(1, 30), st.just("days")),
    st.builds(Period, st.integers(1, 60), st.just("hours")),
)


def in_working_hours(moment: datetime) -> bool:
    t = moment.time()
    return CAL.is_working_day(moment.date()) and (
        CAL.day_start < t <= CAL.lunch_start or CAL.lunch_end < t <= CAL.day_end
    )


@given(moments, periods)
def test_deadline_is_after_receipt_on_a_working_day_within_working_hours(
    received: datetime, period: Period
) -> None:
    due = compute_deadline(received, period, CAL)
    assert due >= received
    assert in_working_hours(due)


@given(moments, moments, periods)
def test_later_receipt_never_gives_an_earlier_deadline(a: datetime, b: datetime, period: Period) -> None:
    early, late = sorted((a, b))
    assert compute_deadline(early, period, CAL) <= compute_deadline(late, period, CAL)


@given(
    moments,
    periods,
    st.timedeltas(timedelta(0), timedelta(days=40)),
    st.timedeltas(timedelta(0), timedelta(days=60)),
)
def test_pause_never_makes_the_deadline_earlier(
    received: datetime, period: Period, after: timedelta, length: timedelta
) -> None:
    clock = DeadlineClock(received, period)
    paused = clock.pause(received + after, "보완").resume(received + after + length)
    base = clock.due_at(CAL)
    due = paused.due_at(CAL)
    assert base is not None and due is not None and due >= base
    assert in_working_hours(due)


@given(moments, periods, periods)
def test_extension_never_makes_the_deadline_earlier(received: datetime, period: Period, ext: Period) -> None:
    clock = DeadlineClock(received, period)
    base = clock.due_at(CAL)
    due = clock.extend(ext, "사유", received).due_at(CAL)
    assert base is not None and due is not None and due > base
    assert in_working_hours(due)


@given(moments, st.floats(min_value=0, max_value=400, allow_nan=False))
def test_adding_working_hours_and_measuring_them_back_agree(moment: datetime, hours: float) -> None:
    start = CAL.next_working_moment(moment)
    end = CAL.add_working_hours(start, hours)
    assert CAL.working_hours_between(start, end) == pytest.approx(hours, abs=1e-6)
