"""The sync op log: which columns sync, the hybrid logical clock, capture control, local ops for bundles.

Ops are captured by SQLite triggers (schema version 3, ``m0003_sync``), so store write paths
need no changes. A *row op* (``col = '*'``) records an INSERT and stands for one op per column,
all with one stamp; a *field op* records one changed column and the stamps it replaces. A
stamp is ``'%013d%08x' % (wall_ms, counter) + device`` so text order is clock order.
Applying remote ops lives in :mod:`desktop.store.oplog_apply`.
"""

from __future__ import annotations

import heapq
import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

from desktop.core import roles
from desktop.core.errors import reject
from desktop.core.records import Actor, Changes
from desktop.store import audit
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database
from desktop.store.migrations import m0003_sync

ROW = "*"
ERASE = "_erase"
DAY_MS = 86_400_000
# Refuse stamps further ahead of this laptop's clock than this (DESIGN.md §3).
MAX_AHEAD_MS = DAY_MS
# Personal data a coordinator may erase from a firm on request (개인정보 삭제 요구).
PERSONAL_COLUMNS = ("representative", "phone", "email", "address")
ERASE_ROLES = frozenset({"coordinator", "manager"})
DELETABLE = ("firms", "sessions", "cases")


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one table syncs.

    Attributes:
        name: the table.
        columns: synced columns (``id`` is the key and never changes).
        lww: columns that never conflict: the highest stamp wins (derived workflow state, times).
    """

    name: str
    columns: tuple[str, ...]
    lww: frozenset[str] = frozenset()


# FK order: a table's rows may refer only to rows of tables before it.
SYNC_TABLES: dict[str, TableSpec] = {
    "team_devices": TableSpec("team_devices", m0003_sync._TABLES["team_devices"]),
    "firms": TableSpec("firms", m0003_sync._TABLES["firms"], frozenset({"updated_at"})),
    "sessions": TableSpec("sessions", m0003_sync._TABLES["sessions"]),
    "cases": TableSpec(
        "cases",
        m0003_sync._TABLES["cases"],
        frozenset({"is_open", "deadline_at", "clock", "closed_at", "updated_at"}),
    ),
    "case_events": TableSpec("case_events", m0003_sync._TABLES["case_events"]),
    "consents": TableSpec("consents", m0003_sync._TABLES["consents"]),
}
# Columns of synced tables that are local or derived (never in ops).
LOCAL_COLUMNS: dict[str, frozenset[str]] = {"cases": frozenset({"firm_name"})}

TICK_SQL = m0003_sync._TICK
STAMP_SQL = "SELECT printf('%013d%08x', hlc_ms, hlc_counter) || device FROM sync_state"


class Op(NamedTuple):
    """One op as it travels in bundles.

    ``value`` is the new value of ``col``; for a row op (``col == ROW``) a dict of column
    values; for an erasure (``col == ERASE``) a dict with the erased ``cols``.
    """

    stamp: str
    tbl: str
    row_id: str
    col: str
    value: Any
    replaces: tuple[str, ...] = ()


def make_stamp(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}{counter:08x}{device}"


def stamp_ms(stamp: str) -> int:
    return int(stamp[:13])


def stamp_counter(stamp: str) -> int:
    return int(stamp[13:21], 16)


def stamp_device(stamp: str) -> str:
    return stamp[21:]


def trigger_sql(table: str, columns: Sequence[str]) -> str:
    """SQL that (re)creates the capture triggers of ``table``, for a migration adding columns."""
    drops = "".join(
        f"DROP TRIGGER IF EXISTS sync_{kind}_{table}_{event};\n"
        for kind, event in (("capture", "insert"), ("capture", "update"), ("guard", "delete"))
    )
    return drops + m0003_sync._triggers(table, tuple(columns))


# --- identity and clock ---------------------------------------------------------------------------


def device_id(db: Database) -> str:
    return str(db.scalar("SELECT device FROM sync_state"))


def set_device_id(db: Database, device: str) -> None:
    """Give this laptop a new device id (on team create/join: a copied file must not share one)."""
    with db.transaction():
        db.execute("UPDATE sync_state SET device = ?", (device,))


def now_ms(db: Database) -> int:
    """This laptop's wall clock in ms (plus the test skew), as the capture triggers see it."""
    skew = int(db.scalar("SELECT skew_ms FROM sync_state") or 0)
    return time.time_ns() // 1_000_000 + skew


def set_skew(db: Database, skew_ms: int) -> None:
    """Shift this laptop's clock (tests simulate laptops with wrong clocks)."""
    with db.transaction():
        db.execute("UPDATE sync_state SET skew_ms = ?", (skew_ms,))


def tick(db: Database) -> str:
    """Advance the clock for one local change and return its stamp (call inside a transaction)."""
    db.execute(TICK_SQL)
    return str(db.scalar(STAMP_SQL))


def observe(db: Database, stamp: str) -> None:
    """Hybrid logical clock receive: later local stamps sort after ``stamp``."""
    ms, counter = stamp_ms(stamp), stamp_counter(stamp)
    db.execute(
        "UPDATE sync_state SET hlc_ms = ?, hlc_counter = ? WHERE hlc_ms < ? OR (hlc_ms = ? AND "
        "hlc_counter < ?)",
        (ms, counter, ms, ms, counter),
    )


# --- capture control ------------------------------------------------------------------------------


@contextmanager
def capture_paused(db: Database) -> Iterator[None]:
    """Apply writes without recording ops (remote ops, derived columns). Needs a transaction."""
    if not db.in_transaction:
        raise RuntimeError("capture_paused needs a transaction")
    before = int(db.scalar("SELECT capture FROM sync_state"))
    db.execute("UPDATE sync_state SET capture = 0")
    try:
        yield
    finally:
        db.execute("UPDATE sync_state SET capture = ?", (before,))


@contextmanager
def bulk_capture(db: Database) -> Iterator[None]:
    """For bulk loads inside a transaction: no per-row triggers; the rows added get row ops as
    ranges of reserved stamps afterwards, which costs nothing per row (see ``sync_ranges``)."""
    if not db.in_transaction:
        raise RuntimeError("bulk_capture needs a transaction")
    marks = {t: int(db.scalar(f"SELECT coalesce(max(rowid), 0) FROM {t}")) for t in SYNC_TABLES}
    with capture_paused(db):
        yield
    for table, mark in marks.items():
        hi = int(db.scalar(f"SELECT coalesce(max(rowid), 0) FROM {table}"))
        if hi > mark:
            reserve_range(db, table, mark + 1, hi)


def reserve_range(db: Database, table: str, lo: int, hi: int) -> None:
    """Give rows ``lo..hi`` of ``table`` row ops with consecutive stamps from the clock."""
    db.execute(TICK_SQL)
    db.execute(
        "INSERT INTO sync_ranges (tbl, lo, hi, ms, counter, device, sent_to) "
        "SELECT ?, ?, ?, hlc_ms, hlc_counter, device, ? FROM sync_state",
        (table, lo, hi, lo - 1),
    )
    db.execute("UPDATE sync_state SET hlc_counter = hlc_counter + ?", (hi - lo,))


def row_op_stamps(db: Database, table: str, row_id: str, rowid: int | None = None) -> list[str]:
    """Stamps of the row op(s) that created a row (normally one)."""
    stamps = [
        str(r[0])
        for r in db.all(
            "SELECT stamp FROM sync_ops WHERE tbl = ? AND row_id = ? AND col = '*'", (table, row_id)
        )
    ]
    if rowid is None:
        rowid = db.scalar(f"SELECT rowid FROM {table} WHERE id = ?", (row_id,))
    if rowid is not None:
        for r in db.all(
            "SELECT ms, counter, lo, device FROM sync_ranges WHERE tbl = ? AND ? BETWEEN lo AND hi",
            (table, rowid),
        ):
            stamps.append(
                make_stamp(int(r["ms"]), int(r["counter"]) + int(rowid) - int(r["lo"]), r["device"])
            )
    return stamps


# --- local ops for bundles --------------------------------------------------------------------------


@dataclass(slots=True)
class PendingOps:
    """Local ops not yet in a bundle, oldest first, and where the next batch starts."""

    ops: list[Op] = field(default_factory=list)
    last_seq: int = 0
    range_marks: dict[int, int] = field(default_factory=dict)


_CHUNK = 5000


def _row_values(db: Database, table: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    cols = SYNC_TABLES[table].columns
    out: dict[str, dict[str, Any]] = {}
    cur = db.conn.cursor()
    cur.row_factory = None
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row_id, *values in cur.execute(
            f"SELECT id, {', '.join(cols)} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ):
            out[row_id] = dict(zip(cols, values, strict=True))
    return out


# A pending item: (stamp, range id or 0 for the log, seq or rowid, the op or None if its row is gone).
_Item = tuple[str, int, int, Op | None]


def _logged(db: Database, after: int) -> Iterator[_Item]:
    """Local ops from the log after ``after``, in order, with row ops filled from their rows."""
    cur = db.conn.cursor()
    cur.row_factory = None  # plain tuples: a hundred thousand ops make sqlite3.Row's cost show
    while True:
        rows = cur.execute(
            "SELECT seq, stamp, tbl, row_id, col, value, replaces FROM sync_ops "
            "WHERE seq > ? AND local = 1 ORDER BY seq LIMIT ?",
            (after, _CHUNK),
        ).fetchall()
        if not rows:
            return
        wanted: dict[str, list[str]] = {}
        for _, _, tbl, row_id, col, _, _ in rows:
            if col == ROW and tbl in SYNC_TABLES:
                wanted.setdefault(tbl, []).append(row_id)
        values = {t: _row_values(db, t, ids) for t, ids in wanted.items()}
        for seq, stamp, tbl, row_id, col, value, replaces in rows:
            op: Op | None
            if col == ROW:
                row = values.get(tbl, {}).get(row_id)
                op = None if row is None else Op(stamp, tbl, row_id, ROW, row)
            elif col == ERASE:
                op = Op(stamp, tbl, row_id, ERASE, json.loads(value))
            else:
                op = Op(stamp, tbl, row_id, col, value, tuple(replaces.split()) if replaces else ())
            yield stamp, 0, seq, op
        after = rows[-1][0]


def _ranged(db: Database, rng: Any) -> Iterator[_Item]:
    """Row ops of one bulk range that are not in a bundle yet, in rowid (= stamp) order."""
    table, lo, hi, counter = rng["tbl"], int(rng["lo"]), int(rng["hi"]), int(rng["counter"])
    prefix, device = f"{int(rng['ms']):013d}", rng["device"]
    cols = SYNC_TABLES[table].columns
    cur = db.conn.cursor()
    cur.row_factory = None
    pos = int(rng["sent_to"])
    while pos < hi:
        rows = cur.execute(
            f"SELECT rowid, id, {', '.join(cols)} FROM {table} WHERE rowid > ? AND rowid <= ? "
            "ORDER BY rowid LIMIT ?",
            (pos, hi, _CHUNK),
        ).fetchall()
        if not rows:
            return
        for r in rows:
            stamp = f"{prefix}{counter + r[0] - lo:08x}{device}"
            yield (
                stamp,
                int(rng["id"]),
                int(r[0]),
                Op(stamp, table, r[1], ROW, dict(zip(cols, r[2:], strict=True))),
            )
        pos = int(rows[-1][0])


def pending_ops(db: Database, limit: int) -> PendingOps:
    """Up to ``limit`` local ops not yet bundled, in stamp order (= capture order).

    Row ops carry the row as it is now: edits made since are in later field ops of the
    same laptop, so a receiver ends in the same state.
    """
    bundled = int(db.scalar("SELECT bundled_seq FROM sync_state"))
    ranges = [
        r
        for r in db.all(
            "SELECT id, tbl, lo, hi, ms, counter, device, sent_to FROM sync_ranges "
            "WHERE sent_to < hi ORDER BY id"
        )
        if r["tbl"] in SYNC_TABLES
    ]
    streams = [_logged(db, bundled), *(_ranged(db, rng) for rng in ranges)]
    pending = PendingOps()
    taken = 0
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=itemgetter(0))
    for _, range_id, pos, op in merged:
        if range_id:
            pending.range_marks[range_id] = pos
        else:
            pending.last_seq = pos
        if op is not None:
            pending.ops.append(op)
        taken += 1
        if taken >= limit:
            break
    else:
        for rng in ranges:  # every stream ran dry: nothing of these ranges is left to send
            pending.range_marks[int(rng["id"])] = int(rng["hi"])
    return pending


def mark_bundled(db: Database, pending: PendingOps) -> None:
    """Record that ``pending`` went into a bundle (inside the bundle's transaction)."""
    if pending.last_seq:
        db.execute("UPDATE sync_state SET bundled_seq = max(bundled_seq, ?)", (pending.last_seq,))
    for range_id, rowid in pending.range_marks.items():
        db.execute("UPDATE sync_ranges SET sent_to = max(sent_to, ?) WHERE id = ?", (rowid, range_id))


def skip_remote_ops(db: Database) -> None:
    """Nothing local is waiting: let the next scan for local ops start after every op so far."""
    db.execute(
        "UPDATE sync_state SET bundled_seq = (SELECT coalesce(max(seq), 0) FROM sync_ops) "
        "WHERE NOT EXISTS (SELECT 1 FROM sync_ops WHERE seq > bundled_seq AND local = 1)"
    )


def unbundled_count(db: Database) -> int:
    """Local ops not yet in a bundle (row ops of bulk ranges included)."""
    logged = int(
        db.scalar(
            "SELECT count(*) FROM sync_ops WHERE seq > (SELECT bundled_seq FROM sync_state) AND local = 1"
        )
    )
    ranged = int(db.scalar("SELECT coalesce(sum(hi - sent_to), 0) FROM sync_ranges") or 0)
    return logged + ranged


def unbundled_rows(db: Database, table: str, row_ids: Sequence[str]) -> set[str]:
    """Which of these rows have local ops not yet in a bundle."""
    if not row_ids:
        return set()
    out: set[str] = set()
    for start in range(0, len(row_ids), 500):
        chunk = list(row_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        out |= {
            str(r[0])
            for r in db.all(
                f"SELECT DISTINCT row_id FROM sync_ops WHERE tbl = ? AND row_id IN ({marks}) AND local = 1 "
                "AND seq > (SELECT bundled_seq FROM sync_state)",
                [table, *chunk],
            )
        }
        out |= {
            str(r[0])
            for r in db.all(
                f"SELECT t.id FROM {table} t JOIN sync_ranges r ON r.tbl = ? AND t.rowid > r.sent_to "
                f"AND t.rowid <= r.hi WHERE t.id IN ({marks})",
                [table, *chunk],
            )
        }
    return out


# --- explicit ops: resolution, deletion, erasure ------------------------------------------------------


def record_field(db: Database, table: str, row_id: str, col: str, value: Any) -> str:
    """Record a local field op that replaces every current op of the field; returns its stamp.

    Used when the value itself may not change (keeping one side of a conflict), where the
    triggers would record nothing. The caller updates the row with capture paused.
    """
    rid = db.scalar(f"SELECT rowid FROM {table} WHERE id = ?", (row_id,))
    if rid is None:
        raise reject(table, f"행을 찾을 수 없습니다: {row_id}", f"No such row: {row_id}")
    stamp = tick(db)
    db.execute(
        "INSERT INTO sync_record (tbl, row_id, rid, col, value) VALUES (?, ?, ?, ?, ?)",
        (table, row_id, rid, col, value),
    )
    return stamp


def set_deleted(
    db: Database, table: str, row_id: str, deleted: bool, actor: Actor, now: Now = system_now
) -> Changes:
    """Delete (or undo the deletion of) a firm, session or case: the ``deleted`` field, synced."""
    if table not in DELETABLE:
        raise reject("table", f"삭제할 수 없는 종류입니다: {table}", f"Rows of {table} cannot be deleted.")
    with db.transaction():
        if db.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)) is None:
            raise reject(table, f"찾을 수 없습니다: {row_id}", f"Not found: {row_id}")
        stamp = iso(now())
        extra = ", updated_at = :now" if "updated_at" in SYNC_TABLES[table].columns else ""
        db.execute(
            f"UPDATE {table} SET deleted = :d{extra} WHERE id = :id",
            {"d": int(deleted), "now": stamp, "id": row_id},
        )
        audit.record(db, actor, f"{table}.{'delete' if deleted else 'undelete'}", row_id, now=now)
    if table == "firms":
        return Changes(firms=frozenset({row_id}))
    if table == "sessions":
        return Changes(sessions=frozenset({row_id}))
    return Changes(cases=frozenset({row_id}))


def erase_personal_data(
    db: Database,
    firm_id: str,
    actor: Actor,
    reason: str,
    columns: Sequence[str] = PERSONAL_COLUMNS,
    now: Now = system_now,
) -> Changes:
    """Erase a firm's personal data on request: blank the columns here and on every laptop.

    A coordinator op: the blanking edits plus an erasure op that makes every laptop blank the
    older values of these columns in its op log too (concurrent edits included).
    """
    roles.require(actor, "firm.erase")
    if actor.role not in ERASE_ROLES:
        raise reject(
            "role",
            "개인정보 삭제는 코디네이터(관리자)만 할 수 있습니다.",
            "Only a coordinator or manager may erase personal data.",
        )
    if not reason.strip():
        raise reject("reason", "삭제 사유를 입력하세요.", "Give the reason for the erasure.")
    unknown = set(columns) - set(PERSONAL_COLUMNS)
    if unknown or not columns:
        raise reject(
            "columns",
            f"삭제할 수 없는 항목: {', '.join(sorted(unknown))}",
            f"Not erasable: {', '.join(sorted(unknown))}",
        )
    from desktop.store.oplog_merge import purge_erased

    with db.transaction():
        if db.scalar("SELECT 1 FROM firms WHERE id = ?", (firm_id,)) is None:
            raise reject("firm", f"기업을 찾을 수 없습니다: {firm_id}", f"No such firm: {firm_id}")
        sets = ", ".join(f"{c} = ''" for c in columns)
        db.execute(f"UPDATE firms SET {sets}, updated_at = ? WHERE id = ?", (iso(now()), firm_id))
        stamp = tick(db)
        payload = {"cols": list(columns), "actor": actor.name, "role": actor.role}
        db.execute(
            "INSERT INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local) "
            "VALUES (?, 'firms', ?, ?, ?, '', 1)",
            (stamp, firm_id, ERASE, json.dumps(payload, ensure_ascii=False)),
        )
        purge_erased(db, "firms", firm_id, stamp, tuple(columns))
        audit.record(db, actor, "firm.erase", firm_id, reason=reason, detail=",".join(columns), now=now)
    return Changes(firms=frozenset({firm_id}))


# --- current values and conflicts ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldState:
    """A field's current ops (highest stamp first); two or more distinct values = a conflict."""

    tbl: str
    row_id: str
    col: str
    entries: tuple[tuple[str, Any], ...]
    conflict_id: str = ""


def field_state(db: Database, table: str, row_id: str, col: str) -> FieldState:
    rows = db.all(
        "SELECT stamp, value FROM sync_current WHERE tbl = ? AND row_id = ? AND col = ? ORDER BY stamp DESC",
        (table, row_id, col),
    )
    if not rows:
        stamps = row_op_stamps(db, table, row_id)
        value = db.scalar(f"SELECT {col} FROM {table} WHERE id = ?", (row_id,))
        rows_t = tuple((s, value) for s in sorted(stamps, reverse=True))
    else:
        rows_t = tuple((str(r["stamp"]), r["value"]) for r in rows)
    cid = db.scalar(
        "SELECT id FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = ?", (table, row_id, col)
    )
    return FieldState(table, row_id, col, rows_t, str(cid or ""))


def conflict_fields(db: Database, limit: int = 1000) -> list[FieldState]:
    """The conflicts inbox, in a fixed order (the same on every laptop)."""
    rows = db.all(
        "SELECT id, tbl, row_id, col FROM sync_conflicts ORDER BY tbl, row_id, col LIMIT ?", (limit,)
    )
    return [field_state(db, r["tbl"], r["row_id"], r["col"]) for r in rows]


def conflict_by_id(db: Database, conflict_id: str) -> FieldState | None:
    row = db.one("SELECT tbl, row_id, col FROM sync_conflicts WHERE id = ?", (conflict_id,))
    return None if row is None else field_state(db, row["tbl"], row["row_id"], row["col"])


def conflict_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM sync_conflicts"))


def conflict_rows_of(db: Database, table: str, row_ids: Sequence[str]) -> set[str]:
    if not row_ids:
        return set()
    marks = ", ".join("?" * len(row_ids))
    return {
        str(r[0])
        for r in db.all(
            f"SELECT DISTINCT row_id FROM sync_conflicts WHERE tbl = ? AND row_id IN ({marks})",
            [table, *row_ids],
        )
    }


def same_tick_columns(db: Database, table: str, row_id: str, stamp: str) -> dict[str, Any]:
    """Columns an op of one local change wrote together (one row update = one stamp)."""
    rows = db.all(
        "SELECT col, value FROM sync_ops WHERE tbl = ? AND row_id = ? AND stamp = ? AND col NOT IN "
        "('*', '_erase')",
        (table, row_id, stamp),
    )
    return {r["col"]: r["value"] for r in rows}


def unsent_case_children(db: Database, case_ids: Sequence[str]) -> set[str]:
    """Cases whose events or consents have local ops not yet in a bundle."""
    if not case_ids:
        return set()
    marks = ", ".join("?" * len(case_ids))
    out: set[str] = set()
    for table in ("case_events", "consents"):
        out |= {
            str(r[0])
            for r in db.all(
                f"SELECT DISTINCT t.case_id FROM {table} t JOIN sync_ops o ON o.tbl = '{table}' "
                "AND o.row_id = t.id AND o.local = 1 AND o.seq > (SELECT bundled_seq FROM sync_state) "
                f"WHERE t.case_id IN ({marks})",
                list(case_ids),
            )
        }
    return out


def cases_in_unsent_bundles(db: Database, case_ids: Sequence[str]) -> set[str]:
    """Cases with local ops in bundles of this laptop that no hub has yet."""
    low = db.scalar(
        "SELECT coalesce((SELECT op_seq_hi FROM sync_bundles b WHERE b.device = s.device AND b.seq < "
        "(SELECT min(seq) FROM sync_bundles WHERE device = s.device AND uploaded = 0) ORDER BY seq DESC "
        "LIMIT 1), 0) FROM sync_state s"
    )
    marks = ", ".join("?" * len(case_ids))
    return {
        str(r[0])
        for r in db.all(
            f"SELECT DISTINCT row_id FROM sync_ops WHERE tbl = 'cases' AND row_id IN ({marks}) AND local = 1 "
            "AND seq > ? AND seq <= (SELECT bundled_seq FROM sync_state)",
            [*case_ids, int(low or 0)],
        )
    }
