"""Resolving sync conflicts in the store: keeping one value, labelling rows, noting it on the timeline."""

from __future__ import annotations

import json
from typing import Any

from desktop.store.db import Database
from desktop.store.oplog import SYNC_TABLES, capture_paused, record_field, same_tick_columns
from desktop.store.oplog_derived import set_column


def keep_value(db: Database, table: str, row_id: str, col: str, stamp: str, value: Any) -> None:
    """Resolve a field by keeping one of its current values (inside the caller's transaction).

    Records a field op that replaces every current op even if the shown value does not change;
    derived workflow columns the kept op wrote in the same change follow it.
    """
    spec = SYNC_TABLES[table]
    rowid = db.scalar(f"SELECT rowid FROM {table} WHERE id = ?", (row_id,))
    if rowid is None:
        return
    writes = {col: value}
    writes |= {c: v for c, v in same_tick_columns(db, table, row_id, stamp).items() if c in spec.lww}
    current = db.one(f"SELECT {', '.join(writes)} FROM {table} WHERE rowid = ?", (rowid,))
    assert current is not None
    for c, v in writes.items():
        if c != col and current[c] == v:
            continue
        record_field(db, table, row_id, c, v)
        with capture_paused(db):
            set_column(db, table, row_id, int(rowid), c, v)


def row_label(db: Database, table: str, row_id: str) -> str:
    """A short human label of a synced row (case number and firm, firm name and BRN, ...)."""
    if table == "cases":
        row = db.one("SELECT number, firm_name FROM cases WHERE id = ?", (row_id,))
        return f"{row['number']} {row['firm_name']}" if row else row_id
    if table == "firms":
        row = db.one("SELECT name, brn FROM firms WHERE id = ?", (row_id,))
        return f"{row['name']} ({row['brn']})" if row else row_id
    if table == "sessions":
        row = db.one("SELECT name, day FROM sessions WHERE id = ?", (row_id,))
        return f"{row['name']} {row['day']}" if row else row_id
    return f"{table} {row_id}"


def add_case_event(
    db: Database, case_id: str, actor: str, kind: str, payload: dict[str, Any], at: str
) -> None:
    """Append a timeline event (captured and synced like every event)."""
    from desktop.core.uuid7 import uuid7

    db.execute(
        "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
        (uuid7(), case_id, at, actor, kind, json.dumps(payload, ensure_ascii=False)),
    )
