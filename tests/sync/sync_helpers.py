"""Helpers for sync tests: database snapshots, and a small reference model of the merge rule."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from desktop.store.db import Database
from desktop.store.oplog import ERASE, ROW, SYNC_TABLES
from desktop.sync.conflicts import list_conflicts


def snapshot(db: Database) -> dict[str, Any]:
    """Everything that must be identical on every laptop after a full exchange."""
    out: dict[str, Any] = {}
    for table, spec in SYNC_TABLES.items():
        extra = ", firm_name" if table == "cases" else ""
        out[table] = [
            tuple(r) for r in db.all(f"SELECT id, {', '.join(spec.columns)}{extra} FROM {table} ORDER BY id")
        ]
    out["conflicts"] = [c.as_dict() for c in list_conflicts(db)]
    return out


def shown(db: Database, table: str, row_id: str, col: str) -> Any:
    return db.scalar(f"SELECT {col} FROM {table} WHERE id = ?", (row_id,))


@dataclass
class ModelOp:
    stamp: str
    tbl: str
    row_id: str
    col: str
    value: Any
    replaces: tuple[str, ...]


@dataclass
class Model:
    """The merge rule computed from scratch from every op any laptop made (DESIGN.md §3)."""

    ops: dict[tuple[str, str, str, str], ModelOp] = field(default_factory=dict)
    watermarks: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def harvest(self, name: str, db: Database) -> list[ModelOp]:
        """Take the ops a laptop made since the last harvest (row ops with the row as it is now)."""
        rows = db.all(
            "SELECT seq, stamp, tbl, row_id, col, value, replaces FROM sync_ops WHERE local = 1 AND "
            "seq > ? ORDER BY seq",
            (self.watermarks[name],),
        )
        new = []
        for r in rows:
            self.watermarks[name] = r["seq"]
            value = r["value"]
            if r["col"] == ROW:
                spec = SYNC_TABLES[r["tbl"]]
                row = db.one(f"SELECT {', '.join(spec.columns)} FROM {r['tbl']} WHERE id = ?", (r["row_id"],))
                value = dict(row) if row is not None else {}
            elif r["col"] == ERASE:
                value = json.loads(value)
            op = ModelOp(
                r["stamp"],
                r["tbl"],
                r["row_id"],
                r["col"],
                value,
                tuple(r["replaces"].split()) if r["replaces"] else (),
            )
            self.ops[(op.tbl, op.row_id, op.col, op.stamp)] = op
            new.append(op)
        return new

    def fields(self) -> dict[tuple[str, str, str], dict[str, Any]]:
        """(table, row, column) -> {stamp: value} of every op on that field (row ops spread out)."""
        out: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(dict)
        erasures: list[ModelOp] = []
        for op in self.ops.values():
            if op.col == ROW:
                for col, value in op.value.items():
                    out[(op.tbl, op.row_id, col)][op.stamp] = value
            elif op.col == ERASE:
                erasures.append(op)
            else:
                out[(op.tbl, op.row_id, op.col)][op.stamp] = op.value
        for e in erasures:
            for col in e.value["cols"]:
                key = (e.tbl, e.row_id, col)
                out[key] = {s: ("" if s < e.stamp else v) for s, v in out[key].items()}
        return out

    def replaced(self) -> dict[tuple[str, str, str], set[str]]:
        out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for op in self.ops.values():
            if op.col not in (ROW, ERASE):
                out[(op.tbl, op.row_id, op.col)].update(op.replaces)
        return out

    def expected(self) -> tuple[dict[tuple[str, str, str], Any], set[tuple[str, str, str]]]:
        """(shown value of every field, fields in conflict) by the merge rule."""
        values: dict[tuple[str, str, str], Any] = {}
        conflicts: set[tuple[str, str, str]] = set()
        replaced = self.replaced()
        for key, ops in self.fields().items():
            spec = SYNC_TABLES[key[0]]
            if key[2] in spec.lww:
                values[key] = ops[max(ops)]
                continue
            current = {s: v for s, v in ops.items() if s not in replaced[key]}
            values[key] = current[max(current)]
            if len({(type(v).__name__, v) for v in current.values()}) > 1:
                conflicts.add(key)
        return values, conflicts

    def check(self, db: Database) -> None:
        """Assert that a laptop shows exactly what the merge rule says."""
        values, conflicts = self.expected()
        for (table, row_id, col), value in values.items():
            actual = shown(db, table, row_id, col)
            assert actual == value, (table, row_id, col, actual, value)
        actual_conflicts = {
            (r["tbl"], r["row_id"], r["col"]) for r in db.all("SELECT tbl, row_id, col FROM sync_conflicts")
        }
        assert actual_conflicts == conflicts
        replaced = self.replaced()
        for key in actual_conflicts:
            for stamp, _ in db.all(
                "SELECT stamp, value FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ?", key
            ):
                assert stamp not in replaced[key], f"a replaced op is current: {key} {stamp}"
