"""Sync between laptops: per-field ops, hybrid logical clock, bundles, hubs, conflicts (docs/SYNC.md).

The functions the GUI calls (all Qt-free, each taking a store ``Database``):
``sync_with_hub``, ``list_conflicts``, ``resolve_conflict``, ``unsynced_count``,
``case_sync_state`` / ``case_sync_states`` and ``merge_candidates``.
"""

from __future__ import annotations

from desktop.sync.conflicts import Conflict, ConflictValue, list_conflicts, resolve_conflict
from desktop.sync.engine import SyncReport, sync_with_hub
from desktop.sync.merge_queue import MergeCandidate, merge_candidates
from desktop.sync.status import CaseSyncState, case_sync_state, case_sync_states, unsynced_count

__all__ = [
    "CaseSyncState",
    "Conflict",
    "ConflictValue",
    "MergeCandidate",
    "SyncReport",
    "case_sync_state",
    "case_sync_states",
    "list_conflicts",
    "merge_candidates",
    "resolve_conflict",
    "sync_with_hub",
    "unsynced_count",
]
