"""Korean public holidays: the `holidays` package's KR calendar merged with the editable override table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays

from desktop.core.reference_csv import HolidayOverride


def public_holidays(years: Iterable[int], overrides: Iterable[HolidayOverride] = ()) -> dict[date, str]:
    """Named public holidays of the given years, in date order.

    ``holidays.KR`` already knows 대체공휴일, election days and most 임시공휴일; the override
    table covers days declared after the installed package was released (``is_holiday`` 1
    adds or renames a day, 0 removes one). Overrides outside ``years`` are ignored.

    Only named holidays are listed: ordinary Saturdays and Sundays are not (the deadline
    calendar excludes weekends itself). A named holiday that falls on a weekend keeps its
    entry, e.g. 2025-10-05 추석 전날 (a Sunday).

    Args:
        years: the calendar years wanted.
        overrides: rows of holidays_override.csv.

    Returns:
        A dict from date to Korean holiday name.
    """
    wanted = sorted(set(years))
    if not wanted:
        return {}
    # country_holidays("KR") is holidays.KR; the attribute form is generated at run time and
    # invisible to mypy.
    calendar = holidays.country_holidays("KR", years=wanted, language="ko")
    merged: dict[date, str] = {day: str(name) for day, name in calendar.items()}
    for override in overrides:
        if override.date.year not in wanted:
            continue
        if override.is_holiday:
            merged[override.date] = override.name
        else:
            merged.pop(override.date, None)
    return dict(sorted(merged.items()))
