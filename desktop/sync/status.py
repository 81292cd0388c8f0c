"""Sync state for the GUI: how many edits have not reached a hub, and each case's sync state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.store import oplog, sync_meta
from desktop.store.db import Database

SYNCED = "synced"
PENDING = "pending"
CONFLICT = "conflict"


def unsynced_count(db: Database) -> int:
    """Local ops no hub has yet (not bundled, or bundled but not written to any hub)."""
    return oplog.unbundled_count(db) + sync_meta.not_uploaded_ops(db, oplog.device_id(db))


@dataclass(frozen=True, slots=True)
class CaseSyncState:
    """``state``: conflict (a field of the case is in the inbox), pending (edits not sent yet) or synced."""

    case_id: str
    state: str
    conflicts: tuple[str, ...] = ()


def case_sync_states(db: Database, case_ids: Sequence[str]) -> dict[str, str]:
    """State of many cases at once (for a list view column): case id -> synced/pending/conflict."""
    ids = list(dict.fromkeys(case_ids))
    out = {case_id: SYNCED for case_id in ids}
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        for case_id in oplog.unbundled_rows(db, "cases", chunk) | oplog.unsent_case_children(db, chunk):
            out[case_id] = PENDING
        if sync_meta.not_uploaded_ops(db, oplog.device_id(db)):
            for case_id in oplog.cases_in_unsent_bundles(db, chunk):
                out[case_id] = PENDING
        for case_id in oplog.conflict_rows_of(db, "cases", chunk):
            out[case_id] = CONFLICT
    return out


def case_sync_state(db: Database, case_id: str) -> CaseSyncState:
    state = case_sync_states(db, [case_id])[case_id]
    conflicts = tuple(
        c.conflict_id for c in oplog.conflict_fields(db) if c.tbl == "cases" and c.row_id == case_id
    )
    return CaseSyncState(case_id, state, conflicts)
