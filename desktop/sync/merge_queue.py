"""The merge queue: firms registered twice (same BRN, two laptops), suggested for merging.

Merging itself is ``desktop.store.merge.merge_firms``; its writes (cases moving, the other
firm marked deleted, merge events) are captured as ordinary ops, so a merge syncs like any edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.records import Firm
from desktop.store import firms, merge
from desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class MergeCandidate:
    """Live firms sharing one BRN, oldest first (the suggested one to keep)."""

    brn: str
    firms: tuple[Firm, ...]

    @property
    def suggested_keep(self) -> Firm:
        return self.firms[0]


def merge_candidates(db: Database, limit: int = 100) -> list[MergeCandidate]:
    """Groups of duplicate firms, most duplicated first (the same on every synced laptop)."""
    return [
        MergeCandidate(brn, tuple(sorted(firms.firms_by_brn(db, brn), key=lambda f: (f.created_at, f.id))))
        for brn, _ in merge.duplicate_groups(db, limit)
    ]
