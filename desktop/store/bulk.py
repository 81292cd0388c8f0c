"""Bulk loading of generated data (demo, benchmarks): batched inserts in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from desktop.core.deadlines import DeadlineClock
from desktop.core.demo import DemoCase, DemoData
from desktop.core.records import Firm
from desktop.core.uuid7 import uuid7
from desktop.store import oplog, search
from desktop.store.cases import CASE_COLUMNS, _clock_json
from desktop.store.clock import iso
from desktop.store.db import Database

T = TypeVar("T")
BATCH = 20_000
# The stored clock JSON does not hold the receipt time; one epoch makes clocks cacheable.
_EPOCH = datetime(2000, 1, 1)
Progress = Callable[[int, int], None]


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_firms(db: Database, firms: Iterable[Firm]) -> int:
    count = 0
    for batch in _batches(firms, BATCH):
        first = int(db.scalar("SELECT coalesce(max(rowid), 0) FROM firms")) + 1
        db.executemany(
            "INSERT INTO firms (rowid, id, brn, name, region_code, size, ksic, corp_no, representative, "
            "phone, email, address, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    first + i,
                    f.id,
                    f.brn,
                    f.name,
                    f.region_code,
                    f.size,
                    f.ksic,
                    f.corp_no,
                    f.representative,
                    f.phone,
                    f.email,
                    f.address,
                    f.created_at,
                    f.created_at,
                )
                for i, f in enumerate(batch)
            ],
        )
        db.executemany(
            "INSERT INTO firm_search (rowid, grams) VALUES (?, ?)",
            [(first + i, search.firm_grams(f.name, f.brn)) for i, f in enumerate(batch)],
        )
        count += len(batch)
    return count


def load_demo(db: Database, data: DemoData, total_cases: int, progress: Progress | None = None) -> int:
    """Write demo data in one transaction: all of it or, if interrupted, none of it."""
    written = 0
    empty = not db.scalar("SELECT 1 FROM cases LIMIT 1")
    new_store = empty and not db.scalar("SELECT 1 FROM firms LIMIT 1")
    with (
        _rollback_journal(db, new_store),
        db.transaction(),
        oplog.bulk_capture(db),
        _bulk_mode(db, empty=empty),
    ):
        insert_firms(db, data.firms)
        db.executemany(
            "INSERT INTO sessions (id, name, day, place, region_code, agencies, consultants, created_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    s.id,
                    s.name,
                    s.date.isoformat(),
                    s.place,
                    s.region_code,
                    json.dumps(list(s.agencies)),
                    json.dumps(list(s.consultants), ensure_ascii=False),
                    s.created_at,
                )
                for s in data.sessions
            ],
        )
        db.execute("CREATE TEMP TABLE IF NOT EXISTS demo_grams (rowid INTEGER PRIMARY KEY, grams TEXT)")
        db.execute("DELETE FROM temp.demo_grams")
        first_rowid = int(db.scalar("SELECT coalesce(max(rowid), 0) FROM cases")) + 1
        sources = {t: int(db.scalar(f"SELECT coalesce(max(rowid), 0) FROM {t}")) + 1 for t in _CHILD_TABLES}
        for batch in _batches(data.cases, BATCH):
            _insert_cases(db, batch)
            written += len(batch)
            if progress:
                progress(written, total_cases)
        if total_cases > written:
            pool_rows = {t: (lo, int(db.scalar(f"SELECT max(rowid) FROM {t}"))) for t, lo in sources.items()}
            written += _clone_pool(db, first_rowid, written, pool_rows, total_cases - written, progress)
        db.execute("DROP TABLE temp.demo_grams")
        _raise_number_counters(db)
    return written


def _clone_pool(
    db: Database,
    first: int,
    pool: int,
    pool_rows: dict[str, tuple[int, int]],
    wanted: int,
    progress: Progress | None,
) -> int:
    """Add ``wanted`` cases as copies of the ``pool`` just generated, in SQL.

    Python generates about 10,000 realistic cases a second; a million would take minutes.
    Each copy is the same difficulty raised on the same day by *another* firm (what
    clinics see all the time), so dates, deadlines, statuses and timelines stay
    consistent; ids, numbers, firms and rowids are derived deterministically from the
    copy number ``k`` and the original row. ``pool_rows`` holds the rowid range of the
    pool's events and consents: each copy reads only those, not the copies made before it
    (which made the load quadratic).
    """
    last = first + pool - 1
    nfirms = int(db.scalar("SELECT count(*) FROM firms"))
    firm_base = int(db.scalar("SELECT min(rowid) FROM firms"))
    db.create_function("number_grams", 1, lambda number: search.case_grams("", number), deterministic=True)
    # Numbers continue per (year, prefix) above the pool's highest one.
    db.execute(
        "CREATE TEMP TABLE demo_prefix_max AS SELECT substr(number, 1, length(rtrim(number, "
        "'0123456789'))) AS head, max(CAST(substr(number, length(rtrim(number, '0123456789')) + 1) "
        "AS INTEGER)) AS top FROM cases WHERE rowid BETWEEN :a AND :b GROUP BY head",
        {"a": first, "b": last},
    )
    db.execute("CREATE UNIQUE INDEX temp.demo_prefix_head ON demo_prefix_max (head)")
    copies = -(-wanted // pool)
    added = 0
    for k in range(1, copies + 1):
        n = min(pool, wanted - added)
        params = {"k": k, "a": first, "b": first + n - 1, "shift": k * pool, "nf": nfirms, "fb": firm_base}
        new_id = "substr(c.id, 1, 24) || printf('%012x', :k * 4294967296 + c.rowid)"
        db.execute(
            f"CREATE TEMP TABLE demo_map AS SELECT c.rowid AS old_rowid, c.rowid + :shift AS new_rowid, "
            f"c.id AS old_id, {new_id} AS new_id, f.id AS firm_id, f.name AS firm_name, "
            "p.head || printf('%04d', CAST(substr(c.number, length(p.head) + 1) AS INTEGER) + :k * p.top) "
            "AS number FROM cases c JOIN temp.demo_prefix_max p "
            "ON p.head = substr(c.number, 1, length(rtrim(c.number, '0123456789'))) "
            "JOIN firms f ON f.rowid = :fb + (((SELECT rowid FROM firms WHERE id = c.firm_id) - :fb "
            "+ :k * 7919) % :nf) WHERE c.rowid BETWEEN :a AND :b",
            params,
        )
        db.execute("CREATE UNIQUE INDEX temp.demo_map_old ON demo_map (old_id)")
        db.execute(
            f"INSERT INTO cases (rowid, {CASE_COLUMNS}) SELECT m.new_rowid, m.new_id, m.number, m.firm_id, "
            "session_id, field_code, kind, text, status, is_open, agency_id, assignee, received_at, "
            "deadline_at, clock, onsite, result_code, result_reason, satisfaction, closed_at, m.firm_name, "
            "created_at, updated_at FROM cases c JOIN temp.demo_map m ON m.old_rowid = c.rowid "
            "ORDER BY m.new_rowid"
        )
        db.execute(
            "INSERT INTO case_search (rowid, grams) SELECT m.new_rowid, "
            "g.grams || ' ' || number_grams(m.number) FROM temp.demo_map m "
            "JOIN temp.demo_grams g ON g.rowid = m.old_rowid"
        )
        db.execute(
            "INSERT INTO case_events (id, case_id, at, actor, kind, payload) SELECT substr(e.id, 1, 24) || "
            "printf('%012x', :k * 4294967296 + e.rowid), m.new_id, e.at, e.actor, e.kind, e.payload "
            "FROM case_events e JOIN temp.demo_map m ON m.old_id = e.case_id "
            "WHERE e.rowid BETWEEN :lo AND :hi",
            {"k": k, "lo": pool_rows["case_events"][0], "hi": pool_rows["case_events"][1]},
        )
        db.execute(
            "INSERT INTO consents (id, case_id, firm_id, agency_id, given_at, given_by) SELECT "
            "substr(s.id, 1, 24) || printf('%012x', :k * 4294967296 + s.rowid), m.new_id, m.firm_id, "
            "s.agency_id, s.given_at, s.given_by FROM consents s "
            "JOIN temp.demo_map m ON m.old_id = s.case_id WHERE s.rowid BETWEEN :lo AND :hi",
            {"k": k, "lo": pool_rows["consents"][0], "hi": pool_rows["consents"][1]},
        )
        db.execute("DROP TABLE temp.demo_map")
        added += n
        if progress:
            progress(pool + added, pool + wanted)
    db.execute("DROP TABLE temp.demo_prefix_max")
    return added


@lru_cache(maxsize=50_000)
def _text_grams(text: str) -> str:
    """Generated texts repeat a lot: tokenise each distinct one once."""
    return search.case_grams(text, "")


@lru_cache(maxsize=64)
def _period_clock_json(clock: DeadlineClock) -> str:
    return _clock_json(clock)


@lru_cache(maxsize=50_000)
def _payload_json(items: tuple[tuple[str, Any], ...]) -> str:
    return json.dumps(dict(items), ensure_ascii=False)


_CHILD_TABLES = ("case_events", "consents")
_BULK_TABLES = ("cases", *_CHILD_TABLES)
_FTS_TABLES = ("case_search", "firm_search")


@contextmanager
def _rollback_journal(db: Database, new_store: bool) -> Iterator[None]:
    """Into a new store, load through a rollback journal instead of the WAL; WAL again after.

    In WAL mode every page of a multi-gigabyte load is written twice (to the WAL, then by
    the checkpoint to the file). A rollback journal saves only pages that existed before the
    transaction, which in a new store are the few reference-data pages, so the load writes
    each page once and is still all-or-nothing, even if the process is killed. Only a new
    store: switching needs the only connection, and real data keeps the WAL throughout.
    """
    if not new_store or db.in_transaction:
        yield
        return
    timeout = int(db.scalar("PRAGMA busy_timeout"))
    db.execute("PRAGMA busy_timeout = 0")
    try:
        switched = str(db.scalar("PRAGMA main.journal_mode = DELETE")).lower() == "delete"
    except db.conn.OperationalError:  # another connection has the store open: keep the WAL
        switched = False
    finally:
        db.execute(f"PRAGMA busy_timeout = {timeout}")
    try:
        yield
    finally:
        if switched:
            db.execute("PRAGMA main.journal_mode = WAL")
            # With a temp table in the connection, the first checkpoint of all schemas after
            # the switch fails with SQLITE_LOCKED; one of the (empty) main WAL settles it.
            db.all("PRAGMA main.wal_checkpoint")


@contextmanager
def _bulk_mode(db: Database, *, empty: bool) -> Iterator[None]:
    """A larger page cache and, into empty tables, indexes built once at the end.

    Building an index from sorted data is several times faster than keeping eleven
    indexes up to date row by row; DDL is transactional, so a failed load still leaves
    every index in place. The full-text indexes stop merging their segments while
    loading (about 40% less work); normal merging resumes with the next edits.
    """
    previous = db.scalar("PRAGMA cache_size")
    db.execute("PRAGMA cache_size = -524288")
    # CREATE INDEX sorts in a second thread when the second core is free.
    db.execute("PRAGMA threads = 2")
    for table in _FTS_TABLES:
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('crisismerge', 64)")
    indexes: list[tuple[str, str]] = []
    if empty:
        names = ", ".join(f"'{t}'" for t in _BULK_TABLES)
        indexes = [
            (r["name"], r["sql"])
            for r in db.all(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({names}) "
                "AND sql IS NOT NULL"
            )
        ]
        for name, _ in indexes:
            db.execute(f"DROP INDEX {name}")
    try:
        yield
        for _, sql in indexes:
            db.execute(sql)
        for table in _FTS_TABLES:
            db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 4)")
            db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('crisismerge', 16)")
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous)}")
        db.execute("PRAGMA threads = 0")


def _insert_cases(db: Database, batch: list[DemoCase]) -> None:
    first = int(db.scalar("SELECT coalesce(max(rowid), 0) FROM cases")) + 1
    rows: list[tuple[Any, ...]] = []
    for d in batch:
        c = d.case
        rows.append(
            (
                first + len(rows),
                c.id,
                c.number,
                c.firm_id,
                c.session_id,
                c.field_code,
                c.kind,
                c.text,
                c.status,
                int(c.status not in ("closed", "transferred")),
                c.agency_id,
                c.assignee,
                iso(c.received_at),
                iso(c.deadline_at) if c.deadline_at else "",
                _period_clock_json(replace(d.clock, received_at=_EPOCH)),
                int(c.onsite),
                c.result_code,
                c.result_reason,
                c.satisfaction,
                iso(c.closed_at) if c.closed_at else None,
                c.firm_name,
                c.created_at,
                c.created_at,
            )
        )
    db.executemany(f"INSERT INTO cases (rowid, {CASE_COLUMNS}) VALUES ({', '.join('?' * 23)})", rows)
    db.executemany(
        "INSERT INTO temp.demo_grams (rowid, grams) VALUES (?, ?)",
        [(first + i, _text_grams(d.case.text)) for i, d in enumerate(batch)],
    )
    db.executemany(
        "INSERT INTO case_search (rowid, grams) VALUES (?, ?)",
        [
            (first + i, f"{_text_grams(d.case.text)} {search.case_grams('', d.case.number)}")
            for i, d in enumerate(batch)
        ],
    )
    db.executemany(
        "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
        # Sorted by primary key: appends to the id index instead of scattering writes over it.
        sorted(
            (e.id, e.case_id, iso(e.at), e.actor, e.kind, _payload_json(tuple(e.payload.items())))
            for d in batch
            for e in d.events
        ),
    )
    db.executemany(
        "INSERT INTO consents (id, case_id, firm_id, agency_id, given_at, given_by) VALUES (?,?,?,?,?,?)",
        [
            (uuid7(), d.case.id, d.case.firm_id, d.consent_agency, iso(d.case.received_at), "demo")
            for d in batch
            if d.consent_agency
        ],
    )


def _raise_number_counters(db: Database) -> None:
    """Keep per-prefix number counters above the demo numbers so new cases never reuse one."""
    rows = db.all(
        "SELECT substr(number, 1, 4) AS y, substr(number, 6, length(rtrim(number, '0123456789')) - 6) AS p, "
        "max(CAST(substr(number, length(rtrim(number, '0123456789')) + 1) AS INTEGER)) AS n "
        "FROM cases GROUP BY y, p"
    )
    db.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
        "value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        [(f"case_seq:{r['y']}:{r['p']}", str(r["n"])) for r in rows],
    )
