"""Tests for the public-holiday calendar (holidays.KR merged with the override table)."""

from __future__ import annotations

from datetime import date

from desktop.core.holidays_kr import public_holidays
from desktop.core.reference_csv import HolidayOverride


def test_2026_march_first_substitute_holiday_is_present() -> None:
    assert "대체" in public_holidays([2026])[date(2026, 3, 2)]


def test_temporary_holidays_already_known_to_the_package_are_present() -> None:
    days = public_holidays([2024, 2025])
    assert date(2024, 10, 1) in days  # 국군의 날 임시공휴일
    assert date(2025, 1, 27) in days  # 설 연휴 임시공휴일


def test_override_adds_a_late_declared_holiday() -> None:
    override = HolidayOverride(date(2026, 10, 2), "임시공휴일", True)
    days = public_holidays([2026], [override])
    assert days[date(2026, 10, 2)] == "임시공휴일"
    assert date(2026, 10, 2) not in public_holidays([2026])


def test_override_removes_a_holiday() -> None:
    override = HolidayOverride(date(2026, 6, 3), "", False)
    assert date(2026, 6, 3) in public_holidays([2026])
    assert date(2026, 6, 3) not in public_holidays([2026], [override])


def test_override_renames_an_existing_holiday() -> None:
    days = public_holidays([2026], [HolidayOverride(date(2026, 5, 1), "근로자의 날", True)])
    assert days[date(2026, 5, 1)] == "근로자의 날"


def test_overrides_outside_the_requested_years_are_ignored() -> None:
    override = HolidayOverride(date(2027, 10, 11), "임시공휴일", True)
    assert date(2027, 10, 11) not in public_holidays([2026], [override])


def test_ordinary_weekends_are_not_listed() -> None:
    days = public_holidays([2026])
    assert date(2026, 3, 7) not in days  # Saturday
    assert date(2026, 3, 8) not in days  # Sunday


def test_result_is_in_date_order_and_covers_several_years() -> None:
    days = list(public_holidays(range(2024, 2027)))
    assert days == sorted(days)
    assert {d.year for d in days} == {2024, 2025, 2026}
    assert public_holidays([]) == {}
