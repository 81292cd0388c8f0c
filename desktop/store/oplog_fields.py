"""Applying many remote field ops at once: the merge rule of oplog_merge, with set-based reads and writes.

A run of field ops (the common case: a bundle of edits) is applied by reading everything it
needs in a few queries (existing ops, rows, current values, row-op stamps), working out the
new current values in memory in op order, and writing the differences with executemany.
The result is the same as applying the ops one by one.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from desktop.store.db import Database
from desktop.store.oplog import SYNC_TABLES, Op, make_stamp
from desktop.store.oplog_derived import DERIVED, set_columns

Key = tuple[str, str, str]
_CHUNK = 300


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _value_key(value: Any) -> tuple[str, Any]:
    return (type(value).__name__, value)


class FieldRun:
    """One run of field ops: load, merge in memory, write back."""

    def __init__(self, db: Database, ops: list[Op]) -> None:
        self.db = db
        self.ops = ops
        self.rowids: dict[tuple[str, str], int] = {}
        self.base: dict[Key, Any] = {}
        self.stored: dict[Key, dict[str, Any]] = defaultdict(dict)
        self.seeds: dict[tuple[str, str], list[str]] = defaultdict(list)

    # -- reading ------------------------------------------------------------------------------------
    def _log(self) -> tuple[list[Op], int]:
        """Add the run's ops to the op log; returns those that were not in it yet, in order,
        and how many were (a bundle delivered twice, an op twice in the run)."""
        first: dict[tuple[str, str, str, str], Op] = {}
        for op in self.ops:
            first.setdefault((op.tbl, op.row_id, op.col, op.stamp), op)
        unique = list(first.values())
        last = int(self.db.scalar("SELECT coalesce(max(seq), 0) FROM sync_ops"))
        logged = self.db.executemany(
            "INSERT OR IGNORE INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            [(op.stamp, op.tbl, op.row_id, op.col, op.value, " ".join(op.replaces)) for op in unique],
        ).rowcount
        if logged == len(unique):
            return unique, len(self.ops) - logged
        new: set[tuple[str, str, str, str]] = set()
        old = 0
        for chunk in _chunks(unique):
            values = ", ".join("(?, ?, ?, ?)" for _ in chunk)
            params = [p for op in chunk for p in (op.tbl, op.row_id, op.col, op.stamp)]
            for r in self.db.all(
                f"WITH v(t, r, c, s) AS (VALUES {values}) SELECT o.tbl, o.row_id, o.col, o.stamp, o.seq "
                "FROM v JOIN sync_ops o ON o.tbl = v.t AND o.row_id = v.r AND o.col = v.c AND o.stamp = v.s",
                params,
            ):
                if int(r[4]) > last:
                    new.add((r[0], r[1], r[2], r[3]))
                else:
                    old += 1
        if old + len(new) != len(unique):
            raise ValueError("ops that cannot be logged (a column without a name?)")
        fresh = [op for op in unique if (op.tbl, op.row_id, op.col, op.stamp) in new]
        return fresh, len(self.ops) - len(fresh)

    def _load(self, keys: list[Key]) -> None:
        by_table: dict[str, set[str]] = defaultdict(set)
        cols: dict[str, set[str]] = defaultdict(set)
        for table, row_id, col in keys:
            by_table[table].add(row_id)
            cols[table].add(col)
        for table, ids in by_table.items():
            names = sorted(cols[table])
            for chunk in _chunks(sorted(ids)):
                rows = self.db.all(
                    f"SELECT rowid, id, {', '.join(names)} FROM {table} WHERE id IN "
                    f"({', '.join('?' * len(chunk))})",
                    list(chunk),
                )
                for r in rows:
                    self.rowids[(table, r[1])] = int(r[0])
                    for i, name in enumerate(names):
                        self.base[(table, r[1], name)] = r[2 + i]
        for chunk in _chunks(keys):
            values = ", ".join("(?, ?, ?)" for _ in chunk)
            params = [p for key in chunk for p in key]
            for r in self.db.all(
                f"WITH v(t, r, c) AS (VALUES {values}) SELECT s.tbl, s.row_id, s.col, s.stamp, "
                "s.value FROM v JOIN sync_current s ON s.tbl = v.t AND s.row_id = v.r AND "
                "s.col = v.c",
                params,
            ):
                self.stored[(r[0], r[1], r[2])][str(r[3])] = r[4]
        unseeded = sorted(
            {(t, r) for t, r, c in keys if (t, r, c) not in self.stored and (t, r) in self.rowids}
        )
        self._load_seeds(unseeded)

    def _load_seeds(self, rows: list[tuple[str, str]]) -> None:
        """Row-op stamps of rows whose edited fields have no current entries yet."""
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, row_id in rows:
            by_table[table].append(row_id)
        for table, ids in by_table.items():
            for chunk in _chunks(ids):
                for r in self.db.all(
                    f"SELECT row_id, stamp FROM sync_ops WHERE tbl = ? AND col = '*' AND row_id IN "
                    f"({', '.join('?' * len(chunk))})",
                    [table, *chunk],
                ):
                    self.seeds[(table, str(r[0]))].append(str(r[1]))
            ranges = [
                tuple(r)
                for r in self.db.all(
                    "SELECT lo, hi, ms, counter, device FROM sync_ranges WHERE tbl = ? ORDER BY lo", (table,)
                )
            ]
            los = [int(r[0]) for r in ranges]  # ranges of one table never overlap
            for row_id in ids:
                rowid = self.rowids[(table, row_id)]
                at = bisect.bisect_right(los, rowid) - 1
                if at >= 0 and rowid <= int(ranges[at][1]):
                    lo, _, ms, counter, device = ranges[at]
                    self.seeds[(table, row_id)].append(
                        make_stamp(int(ms), int(counter) + rowid - int(lo), str(device))
                    )

    # -- merging ------------------------------------------------------------------------------------
    def apply(self, touched: Callable[[str, str], None]) -> tuple[int, int, int]:
        """Apply the run; returns (new ops, duplicates, orphans)."""
        fresh, duplicates = self._log()
        merged = [op for op in fresh if op.tbl in SYNC_TABLES and op.col in SYNC_TABLES[op.tbl].columns]
        keys = list(dict.fromkeys((op.tbl, op.row_id, op.col) for op in merged))
        self._load(keys)
        current: dict[Key, dict[str, Any]] = {}
        orphans = 0
        for op in merged:
            key = (op.tbl, op.row_id, op.col)
            if (op.tbl, op.row_id) not in self.rowids:
                orphans += 1
                continue
            entries = current.get(key)
            if entries is None:
                entries = dict(self.stored.get(key) or {})
                if not entries:
                    entries = {
                        s: self.base[key] for s in self.seeds.get((op.tbl, op.row_id), ()) if s != op.stamp
                    }
                current[key] = entries
            for stamp in op.replaces:
                entries.pop(stamp, None)
            entries[op.stamp] = op.value
            if op.col in SYNC_TABLES[op.tbl].lww:
                top = max(entries)
                current[key] = {top: entries[top]}
        self._write(current)
        for table, row_id in dict.fromkeys((op.tbl, op.row_id) for op in merged):
            if (table, row_id) in self.rowids:
                touched(table, row_id)
        return len(fresh), duplicates, orphans

    def _write(self, current: dict[Key, dict[str, Any]]) -> None:
        from desktop.store.oplog_merge import conflict_id

        deletes, inserts, plain, derived = [], [], defaultdict(list), defaultdict(list)
        conflicts_on, conflicts_off = [], []
        for key, entries in current.items():
            table, row_id, col = key
            before = self.stored.get(key) or {}
            deletes += [(table, row_id, col, s) for s in before if s not in entries]
            inserts += [
                (table, row_id, col, s, v)
                for s, v in entries.items()
                if s not in before or _value_key(before[s]) != _value_key(v)
            ]
            shown = entries[max(entries)]
            base = self.base[key]
            if _value_key(shown) != _value_key(base) and shown != base:
                if (table, col) in DERIVED:
                    derived[(table, col)].append((row_id, self.rowids[(table, row_id)], shown))
                else:
                    plain[(table, col)].append((shown, self.rowids[(table, row_id)]))
            if len({_value_key(v) for v in entries.values()}) > 1 and col not in SYNC_TABLES[table].lww:
                conflicts_on.append((conflict_id(table, row_id, col), table, row_id, col))
            elif len(before) > 1:
                conflicts_off.append(key)
        self.db.executemany(
            "DELETE FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ? AND stamp = ?", deletes
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO sync_current (tbl, row_id, col, stamp, value) VALUES (?, ?, ?, ?, ?)",
            inserts,
        )
        for (table, col), changed in derived.items():
            set_columns(self.db, table, col, changed)
        for (table, col), rows in plain.items():
            self.db.executemany(f"UPDATE {table} SET {col} = ? WHERE rowid = ?", rows)
        self.db.executemany(
            "INSERT OR IGNORE INTO sync_conflicts (id, tbl, row_id, col) VALUES (?, ?, ?, ?)", conflicts_on
        )
        self.db.executemany(
            "DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ?", conflicts_off
        )
