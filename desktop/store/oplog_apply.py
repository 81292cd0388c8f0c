"""Applying a bundle of remote ops: in blocks, with the capture triggers dropped, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from desktop.store.db import Database
from desktop.store.oplog import ERASE, ROW, SYNC_TABLES, Op, capture_paused, observe
from desktop.store.oplog_merge import Applied, OpApplier

_BATCH = 5000
# Below this many ops an apply keeps the insert triggers (their cost only shows in bulk).
_FAST_INSERTS_FROM = 1000


@contextmanager
def _capture_triggers_dropped(db: Database, enabled: bool) -> Iterator[None]:
    """Drop the capture triggers for the rest of the transaction and put them back.

    SQLite's trigger machinery costs tens of microseconds per written row even when the
    WHEN clause is false; the transaction makes the drop invisible to other connections.
    """
    if not enabled:
        yield
        return
    triggers = [
        (str(r[0]), str(r[1]))
        for r in db.all(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'"
        )
    ]
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        for _, sql in triggers:
            db.execute(sql)


class _Block:
    """Ops of a bundle that can be applied together: rows new here and field ops.

    Inserting the block's new rows (table by table, in foreign-key order) before its field
    ops gives what applying them in order gives, because none of its field ops precedes the
    row op of its row: a block ends before such a row op and before a row op of a row that
    exists already (that one merges into the row, one op at a time).
    """

    def __init__(self) -> None:
        self.ops: list[Op] = []
        self.rows: dict[str, list[Op]] = {}
        self.fields: list[Op] = []
        self.edited: set[tuple[str, str]] = set()

    def _clear(self) -> None:
        self.ops, self.rows, self.fields, self.edited = [], {}, [], set()

    def flush(self, applier: OpApplier) -> None:
        if not self.ops:
            return
        if applier.touches_erasures(self.ops):  # rare: rows with erased personal data, one op at a time
            for one in self.ops:
                applier.apply(one)
        else:
            for table in SYNC_TABLES:
                if table in self.rows:
                    applier.rows(self.rows[table])
            if self.fields:
                applier.fields(self.fields)
        self._clear()


def _present(db: Database, ops: list[Op]) -> set[tuple[str, str]]:
    """The (table, id) of rows of these row ops that exist here already."""
    wanted: dict[str, list[str]] = {}
    for op in ops:
        if op.col == ROW and op.tbl in SYNC_TABLES:
            wanted.setdefault(op.tbl, []).append(op.row_id)
    found: set[tuple[str, str]] = set()
    for table, ids in wanted.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found |= {
                (table, str(r[0]))
                for r in db.all(f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            }
    return found


def apply_ops(db: Database, ops: Iterable[Op]) -> Applied:
    """Apply remote ops in order inside the caller's transaction (causal order: a bundle's
    dependencies are applied first). Ops already here are skipped, so applying twice is harmless.

    Ops go in blocks (see ``_Block``) of up to ``_BATCH``, so that a bundle of interleaved
    edits and new rows costs a few statements per block, not per op.
    """
    ops = list(ops)
    applier = OpApplier(db)
    top = max((op.stamp for op in ops), default="")
    with capture_paused(db), _capture_triggers_dropped(db, len(ops) >= _FAST_INSERTS_FROM):
        present = _present(db, ops)
        block = _Block()
        for op in ops:
            _, table, row_id, col, value, _ = op
            if col == ROW and table in SYNC_TABLES and isinstance(value, dict):
                key = (table, row_id)
                if key in present:  # a row created twice (a copied database file): merged alone
                    block.flush(applier)
                    applier.apply(op)
                    continue
                if key in block.edited:
                    block.flush(applier)
                present.add(key)
                block.rows.setdefault(table, []).append(op)
            elif col in (ROW, ERASE):  # erasures, and rows of tables this version lacks
                block.flush(applier)
                applier.apply(op)
                continue
            else:
                block.fields.append(op)
                block.edited.add((table, row_id))
            block.ops.append(op)
            if len(block.ops) >= _BATCH:
                block.flush(applier)
        block.flush(applier)
    if top:
        observe(db, top)
    return applier.result


@contextmanager
def all_or_nothing(db: Database) -> Iterator[None]:
    """A savepoint in the caller's transaction: an error undoes what ran inside, and only that
    (one bundle that cannot apply leaves the others of a larger transaction in place)."""
    if not db.in_transaction:
        raise RuntimeError("all_or_nothing needs a transaction")
    db.execute("SAVEPOINT apply_ops")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK TO apply_ops")
        db.execute("RELEASE apply_ops")
        raise
    db.execute("RELEASE apply_ops")
