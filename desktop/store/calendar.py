"""The work calendar (working hours, weekends, public holidays) built from the holidays table."""

from __future__ import annotations

from desktop.core.deadlines import WorkCalendar
from desktop.store import reference
from desktop.store.db import Database

_CACHE_KEY = "work_calendar"


def work_calendar(db: Database) -> WorkCalendar:
    cached = db.cache.get(_CACHE_KEY)
    if isinstance(cached, WorkCalendar):
        return cached
    calendar = WorkCalendar(frozenset(reference.holidays(db)))
    db.cache[_CACHE_KEY] = calendar
    return calendar
