"""Hybrid logical clock stamps: (wall ms, counter, device), as sortable text.

The clock itself advances inside SQLite (the capture triggers tick ``sync_state``), so that
every op gets its stamp in the same transaction as the change. Here: reading stamps and the
rule that refuses laptops whose clock is too far ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.store.oplog import MAX_AHEAD_MS, make_stamp, stamp_counter, stamp_device, stamp_ms

__all__ = ["MAX_AHEAD_MS", "Stamp", "ahead_by_ms", "make_stamp", "parse"]


@dataclass(frozen=True, slots=True, order=True)
class Stamp:
    ms: int
    counter: int
    device: str

    def text(self) -> str:
        return make_stamp(self.ms, self.counter, self.device)

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.ms / 1000)


def parse(text: str) -> Stamp:
    return Stamp(stamp_ms(text), stamp_counter(text), stamp_device(text))


def ahead_by_ms(stamp: str, local_now_ms: int) -> int:
    """How far ``stamp`` is ahead of this laptop's clock (0 if not ahead)."""
    return max(0, stamp_ms(stamp) - local_now_ms) if stamp else 0


def too_far_ahead(stamp: str, local_now_ms: int) -> bool:
    return ahead_by_ms(stamp, local_now_ms) > MAX_AHEAD_MS
