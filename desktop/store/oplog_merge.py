"""The merge rule for remote ops: applying rows, field edits and erasures, and marking conflicts.

The merge rule (DESIGN.md §3): a field's current ops are those no other op replaces; the
shown value is the current op with the highest stamp; a field with two or more distinct
current values is a conflict. Applying the same ops in any causal order, any number of
times, gives the same rows and the same conflicts. :mod:`desktop.store.oplog_apply` feeds
a bundle's ops to :class:`OpApplier` in blocks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from desktop.core.records import Changes
from desktop.store import search
from desktop.store.db import Database
from desktop.store.oplog import ERASE, ROW, SYNC_TABLES, Op, TableSpec, capture_paused, row_op_stamps
from desktop.store.oplog_derived import case_grams, set_column


def conflict_id(table: str, row_id: str, col: str) -> str:
    """The id of a field in the conflicts inbox: the same on every laptop."""
    return hashlib.sha256(f"{table}/{row_id}/{col}".encode()).hexdigest()[:12]


def _key(value: Any) -> tuple[str, Any]:
    return (type(value).__name__, value)


@dataclass(slots=True)
class Applied:
    """What applying a batch of ops did."""

    ops: int = 0
    duplicates: int = 0
    orphans: int = 0
    firms: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)

    def changes(self) -> Changes:
        return Changes(
            firms=frozenset(self.firms), cases=frozenset(self.cases), sessions=frozenset(self.sessions)
        )


class OpApplier:
    """Applies ops one by one inside the caller's transaction, with capture paused."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.result = Applied()
        self.erasures = bool(db.scalar("SELECT 1 FROM sync_erasures LIMIT 1"))
        self._insert_sql: dict[tuple[str, tuple[str, ...]], str] = {}

    # -- bookkeeping --------------------------------------------------------------------------------
    def _store(self, op: Op, value: Any) -> bool:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            (op.stamp, op.tbl, op.row_id, op.col, value, " ".join(op.replaces)),
        )
        if cur.rowcount == 0:
            self.result.duplicates += 1
            return False
        self.result.ops += 1
        return True

    def _touched(self, table: str, row_id: str, values: dict[str, Any] | None = None) -> None:
        if table == "firms":
            self.result.firms.add(row_id)
        elif table == "cases":
            self.result.cases.add(row_id)
        elif table == "sessions":
            self.result.sessions.add(row_id)
        elif table in ("case_events", "consents"):
            case_id = (values or {}).get("case_id") or self.db.scalar(
                f"SELECT case_id FROM {table} WHERE id = ?", (row_id,)
            )
            if case_id:
                self.result.cases.add(str(case_id))

    def _erased_cols(self, table: str, row_id: str, stamp: str) -> set[str]:
        if not self.erasures:
            return set()
        cols: set[str] = set()
        for r in self.db.all(
            "SELECT cols FROM sync_erasures WHERE tbl = ? AND row_id = ? AND stamp > ?",
            (table, row_id, stamp),
        ):
            cols |= set(json.loads(r[0]))
        return cols

    def touches_erasures(self, ops: list[Op]) -> bool:
        """True if any op of the run is on a row that has had personal data erased."""
        if not self.erasures:
            return False
        pairs = sorted({(op.tbl, op.row_id) for op in ops})
        for start in range(0, len(pairs), 400):
            chunk = pairs[start : start + 400]
            values = ", ".join("(?, ?)" for _ in chunk)
            if self.db.scalar(
                f"WITH v(t, r) AS (VALUES {values}) SELECT 1 FROM v JOIN sync_erasures e "
                "ON e.tbl = v.t AND e.row_id = v.r LIMIT 1",
                [p for pair in chunk for p in pair],
            ):
                return True
        return False

    # -- ops ------------------------------------------------------------------------------------------
    def apply(self, op: Op) -> None:
        spec = SYNC_TABLES.get(op.tbl)
        if op.col == ROW:
            self._row(op, spec)
        elif op.col == ERASE:
            self._erase(op)
        else:
            self._field(op, spec)

    def _row(self, op: Op, spec: TableSpec | None) -> None:
        if spec is None or not isinstance(op.value, dict):
            self._store(op, None)
            return
        existing = self.db.one(f"SELECT rowid FROM {op.tbl} WHERE id = ?", (op.row_id,))
        if existing is not None and op.stamp in row_op_stamps(self.db, op.tbl, op.row_id, int(existing[0])):
            self.result.duplicates += 1
            return
        if not self._store(op, None):
            return
        values = {c: op.value[c] for c in spec.columns if c in op.value}
        for col in self._erased_cols(op.tbl, op.row_id, op.stamp) & set(values):
            values[col] = ""
        if existing is None:
            self._insert(op.tbl, op.row_id, values)
        else:
            # The same row created twice (a copied database file): every field gets both values.
            rowid = int(existing[0])
            for col, value in values.items():
                self._merge(spec, op.row_id, rowid, col, (op.stamp, value), (), seed_all=True)
        self._touched(op.tbl, op.row_id, values)

    def rows(self, ops: list[Op]) -> None:
        """Row ops of one table for rows new here (``oplog_apply._Block`` sees to it): inserted together;
        stamps that follow each other are kept as a range (like a bulk load), not one log row each."""
        spec = SYNC_TABLES[ops[0].tbl]
        if any(c not in ops[0].value for c in spec.columns):  # an older laptop's rows: defaults apply
            for op in ops:
                self._row(op, spec)
        else:
            self._insert_new(spec, ops)

    def _insert_new(self, spec: TableSpec, new: list[Op]) -> None:
        table, cols = spec.name, spec.columns
        first = int(self.db.scalar(f"SELECT coalesce(max(rowid), 0) FROM {table}")) + 1
        names = ["rowid", "id", *cols]
        marks = ["?"] * len(names)
        if table == "cases":
            names.append("firm_name")
            marks.append("coalesce((SELECT name FROM firms WHERE id = ?), '')")
        get = itemgetter(*cols)
        if table == "cases":
            rows = [(first + k, op.row_id, *get(op.value), op.value["firm_id"]) for k, op in enumerate(new)]
        else:
            rows = [(first + k, op.row_id, *get(op.value)) for k, op in enumerate(new)]
        self.db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(marks)})", rows)
        if table == "cases":
            self.db.executemany(
                "INSERT INTO case_search (rowid, grams) VALUES (?, ?)",
                [
                    (
                        first + k,
                        case_grams(str(op.value.get("text") or ""), str(op.value.get("number") or "")),
                    )
                    for k, op in enumerate(new)
                ],
            )
        elif table == "firms":
            self.db.executemany(
                "INSERT INTO firm_search (rowid, grams) VALUES (?, ?)",
                [
                    (
                        first + k,
                        search.firm_grams(str(op.value.get("name") or ""), str(op.value.get("brn") or "")),
                    )
                    for k, op in enumerate(new)
                ],
            )
        self._log_row_ops(table, new, first)
        self.result.ops += len(new)
        if table in ("firms", "cases", "sessions"):
            getattr(self.result, table).update(op.row_id for op in new)
        elif table in ("case_events", "consents"):
            self.result.cases.update(str(op.value["case_id"]) for op in new if op.value.get("case_id"))

    def _log_row_ops(self, table: str, new: list[Op], first: int) -> None:
        """Remember the row ops' stamps: runs of consecutive stamps as ranges, others one by one."""
        ranges: list[tuple[Any, ...]] = []
        singles: list[tuple[str, str, str]] = []
        start = 0
        while start < len(new):
            end = start + 1
            while end < len(new) and _consecutive(new[end - 1].stamp, new[end].stamp):
                end += 1
            stamp = new[start].stamp
            if end - start >= 8:
                lo, hi = first + start, first + end - 1
                ranges.append((table, lo, hi, int(stamp[:13]), int(stamp[13:21], 16), stamp[21:], hi))
            else:
                singles += [(op.stamp, table, op.row_id) for op in new[start:end]]
            start = end
        self.db.executemany(
            "INSERT INTO sync_ranges (tbl, lo, hi, ms, counter, device, sent_to) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ranges,
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local) "
            "VALUES (?, ?, ?, '*', NULL, '', 0)",
            singles,
        )

    def _insert(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        cols = tuple(values)
        key = (table, cols)
        sql = self._insert_sql.get(key)
        if sql is None:
            names = ["id", *cols]
            marks = ["?"] * len(names)
            if table == "cases":
                names.append("firm_name")
                marks.append("coalesce((SELECT name FROM firms WHERE id = ?), '')")
            sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(marks)})"
            self._insert_sql[key] = sql
        params: list[Any] = [row_id, *values.values()]
        if table == "cases":
            params.append(values.get("firm_id"))
        rowid = int(self.db.execute(sql, params).lastrowid or 0)
        if table == "firms":
            search.index_firm(
                self.db, rowid, search.firm_grams(str(values.get("name") or ""), str(values.get("brn") or ""))
            )
        elif table == "cases":
            search.index_case(
                self.db, rowid, case_grams(str(values.get("text") or ""), str(values.get("number") or ""))
            )

    def fields(self, ops: list[Op]) -> None:
        """A run of field ops at once (see oplog_fields); the same result as one by one."""
        from desktop.store.oplog_fields import FieldRun

        new, duplicates, orphans = FieldRun(self.db, ops).apply(self._touched)
        self.result.ops += new
        self.result.duplicates += duplicates
        self.result.orphans += orphans

    def _field(self, op: Op, spec: TableSpec | None) -> None:
        value = op.value
        if op.col in self._erased_cols(op.tbl, op.row_id, op.stamp):
            value = ""
        if not self._store(op, value) or spec is None or op.col not in spec.columns:
            return
        row = self.db.one(f"SELECT rowid FROM {op.tbl} WHERE id = ?", (op.row_id,))
        if row is None:
            self.result.orphans += 1
            return
        self._merge(spec, op.row_id, int(row[0]), op.col, (op.stamp, value), op.replaces)
        self._touched(op.tbl, op.row_id)

    def _merge(
        self,
        spec: TableSpec,
        row_id: str,
        rowid: int,
        col: str,
        new: tuple[str, Any],
        replaces: Iterable[str],
        *,
        seed_all: bool = False,
    ) -> None:
        """Add one op to a field's current set and show the winner."""
        db, table = self.db, spec.name
        base = db.scalar(f"SELECT {col} FROM {table} WHERE rowid = ?", (rowid,))
        before = {
            str(r[0]): r[1]
            for r in db.all(
                "SELECT stamp, value FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ?",
                (table, row_id, col),
            )
        }
        entries = dict(before)
        if not entries:
            # Never edited: the row op(s) hold the field with the value the row has now.
            entries = {s: base for s in row_op_stamps(db, table, row_id, rowid) if s != new[0]}
            if seed_all:
                self._seed_columns(spec, row_id, rowid, skip=col, new_stamp=new[0])
        for stamp in replaces:
            entries.pop(stamp, None)
        entries[new[0]] = new[1]
        if col in spec.lww:
            top = max(entries)
            entries = {top: entries[top]}
        removed = [s for s in before if s not in entries]
        added = [(s, v) for s, v in entries.items() if s not in before or before[s] != v]
        if removed:
            db.executemany(
                "DELETE FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ? AND stamp = ?",
                [(table, row_id, col, s) for s in removed],
            )
        if added:
            db.executemany(
                "INSERT OR REPLACE INTO sync_current (tbl, row_id, col, stamp, value) VALUES (?, ?, ?, ?, ?)",
                [(table, row_id, col, s, v) for s, v in added],
            )
        shown = entries[max(entries)]
        if _key(shown) != _key(base) and shown != base:
            self._set_column(table, row_id, rowid, col, shown)
        self._mark_conflict(spec, row_id, col, entries.values(), had_many=len(before) > 1)

    def _seed_columns(self, spec: TableSpec, row_id: str, rowid: int, skip: str, new_stamp: str) -> None:
        """Before a second row op merges into a row, write every column's row-op entries down."""
        stamps = [s for s in row_op_stamps(self.db, spec.name, row_id, rowid) if s != new_stamp]
        row = self.db.one(f"SELECT {', '.join(spec.columns)} FROM {spec.name} WHERE rowid = ?", (rowid,))
        if row is None or not stamps:
            return
        for col in spec.columns:
            if col == skip or self.db.scalar(
                "SELECT 1 FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ? LIMIT 1",
                (spec.name, row_id, col),
            ):
                continue
            self.db.executemany(
                "INSERT OR IGNORE INTO sync_current (tbl, row_id, col, stamp, value) VALUES (?, ?, ?, ?, ?)",
                [(spec.name, row_id, col, s, row[col]) for s in stamps],
            )

    def _mark_conflict(
        self, spec: TableSpec, row_id: str, col: str, values: Iterable[Any], had_many: bool
    ) -> None:
        distinct = {_key(v) for v in values}
        if len(distinct) > 1 and col not in spec.lww:
            self.db.execute(
                "INSERT OR IGNORE INTO sync_conflicts (id, tbl, row_id, col) VALUES (?, ?, ?, ?)",
                (conflict_id(spec.name, row_id, col), spec.name, row_id, col),
            )
        elif had_many:
            self.db.execute(
                "DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ?",
                (spec.name, row_id, col),
            )

    def _set_column(self, table: str, row_id: str, rowid: int, col: str, value: Any) -> None:
        set_column(self.db, table, row_id, rowid, col, value)

    def _erase(self, op: Op) -> None:
        payload = op.value if isinstance(op.value, dict) else {}
        cols = tuple(str(c) for c in payload.get("cols", ()))
        if not self._store(op, json.dumps(payload, ensure_ascii=False)):
            return
        purge_erased(self.db, op.tbl, op.row_id, op.stamp, cols)
        self.erasures = True
        self._touched(op.tbl, op.row_id)


def purge_erased(db: Database, table: str, row_id: str, stamp: str, cols: tuple[str, ...]) -> None:
    """Blank the values of ``cols`` older than ``stamp`` everywhere in the op log, then re-show."""
    spec = SYNC_TABLES.get(table)
    db.execute(
        "INSERT OR IGNORE INTO sync_erasures (tbl, row_id, stamp, cols) VALUES (?, ?, ?, ?)",
        (table, row_id, stamp, json.dumps(list(cols))),
    )
    if spec is None:
        return
    rowid = db.scalar(f"SELECT rowid FROM {table} WHERE id = ?", (row_id,))
    for col in cols:
        if col not in spec.columns:
            continue
        db.execute(
            "UPDATE sync_ops SET value = '' WHERE tbl = ? AND row_id = ? AND col = ? AND stamp < ?",
            (table, row_id, col, stamp),
        )
        db.execute(
            "UPDATE sync_current SET value = '' WHERE tbl = ? AND row_id = ? AND col = ? AND stamp < ?",
            (table, row_id, col, stamp),
        )
        if rowid is None:
            continue
        rows = db.all(
            "SELECT stamp, value FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ?",
            (table, row_id, col),
        )
        if rows:
            entries = {str(r[0]): r[1] for r in rows}
            shown = entries[max(entries)]
            if len({_key(v) for v in entries.values()}) < 2:
                db.execute(
                    "DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ?",
                    (table, row_id, col),
                )
        elif all(s < stamp for s in row_op_stamps(db, table, row_id, int(rowid))):
            shown = ""
        else:
            continue
        with capture_paused(db):
            set_column(db, table, row_id, int(rowid), col, shown)


def _consecutive(a: str, b: str) -> bool:
    """True if stamp ``b`` directly follows ``a`` (same ms and device, counter + 1)."""
    return a[:13] == b[:13] and a[21:] == b[21:] and int(b[13:21], 16) == int(a[13:21], 16) + 1
