"""Current time for the store, injectable so tests and demo data can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Now = Callable[[], datetime]


def system_now() -> datetime:
    """Local wall-clock time, to the second (what consultants see on the case)."""
    return datetime.now().replace(microsecond=0)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
