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
from desktop.store import driver, oplog, search
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
        _foreign_keys_unchecked(db),
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
    pool's events and consents.

    What every copy needs from an original is gathered once, in id order. Copy ``k`` then
    writes its cases and search rows in ascending id and rowid order, and the events and
    consents of all copies follow, original by original: each primary-key index is filled
    in forward sweeps instead of at random places. A copy reuses its original's text
    tokens; only the number's digits change, tokenised in SQL.
    """
    nfirms = int(db.scalar("SELECT count(*) FROM firms"))
    firm_base = int(db.scalar("SELECT min(rowid) FROM firms"))
    src = {"a": first, "b": first + pool - 1, "fb": firm_base}
    # Numbers continue per (year, prefix) above the pool's highest one.
    db.execute(
        "CREATE TEMP TABLE demo_prefix_max AS SELECT substr(number, 1, length(rtrim(number, "
        "'0123456789'))) AS head, max(CAST(substr(number, length(rtrim(number, '0123456789')) + 1) "
        "AS INTEGER)) AS top, '' AS grams FROM cases WHERE rowid BETWEEN :a AND :b GROUP BY head",
        src,
    )
    heads = [str(r[0]) for r in db.all("SELECT head FROM temp.demo_prefix_max")]
    # A head ends with '-', so its tokens and the digits' tokens are those of the whole number.
    db.executemany(
        "UPDATE temp.demo_prefix_max SET grams = ? WHERE head = ?",
        [(search.case_grams("", head), head) for head in heads],
    )
    db.execute(
        "CREATE TEMP TABLE demo_pool (n INTEGER PRIMARY KEY, old_rowid INTEGER, old_id TEXT, "
        "firm_n INTEGER, head TEXT, seq INTEGER, top INTEGER, grams TEXT)"
    )
    db.execute(
        "INSERT INTO temp.demo_pool (old_rowid, old_id, firm_n, head, seq, top, grams) "
        "SELECT c.rowid, c.id, f.rowid - :fb, p.head, CAST(substr(c.number, length(p.head) + 1) AS INTEGER), "
        "p.top, g.grams || ' ' || p.grams FROM cases c "
        "JOIN temp.demo_prefix_max p ON p.head = substr(c.number, 1, length(rtrim(c.number, '0123456789'))) "
        "JOIN firms f ON f.id = c.firm_id JOIN temp.demo_grams g ON g.rowid = c.rowid "
        "WHERE c.rowid BETWEEN :a AND :b ORDER BY c.id",
        src,
    )
    db.execute("CREATE UNIQUE INDEX temp.demo_pool_id ON demo_pool (old_id)")
    for table, columns in (
        ("case_events", "at, actor, kind, payload"),
        ("consents", "agency_id, given_at, given_by"),
    ):
        lo, hi = pool_rows[table]
        db.execute(
            f"CREATE TEMP TABLE demo_pool_{table} AS SELECT x.rowid AS old_rowid, x.id, m.n, {columns} "
            f"FROM {table} x JOIN temp.demo_pool m ON m.old_id = x.case_id WHERE x.rowid BETWEEN ? AND ? "
            "ORDER BY x.id",
            (lo, hi),
        )
    top_number = int(db.scalar("SELECT max(top) FROM temp.demo_prefix_max"))
    copies = -(-wanted // pool)
    digits = digits_tokens_sql("m.seq + :k * m.top", len(f"{top_number * (copies + 1):04d}"))
    new_id = "substr({t}, 1, 24) || printf('%012x', {k} * 4294967296 + {t_rowid})"
    case_id = new_id.format(t="m.old_id", t_rowid="m.old_rowid", k=":k")
    firm = "JOIN firms f ON f.rowid = :fb + ((m.firm_n + {k} * 7919) % :nf)"
    changed = {
        "id": case_id,
        "number": "m.head || printf('%04d', m.seq + :k * m.top)",
        "firm_id": "f.id",
        "firm_name": "f.name",
    }
    db.execute("CREATE TEMP TABLE demo_copies (k INTEGER PRIMARY KEY, last INTEGER)")
    case_values = ", ".join(changed.get(col, f"c.{col}") for col in CASE_COLUMNS.split(", "))
    added = 0
    for k in range(1, copies + 1):
        count = min(pool, wanted - added)
        params = {
            "k": k,
            "base": first - 1 + k * pool,
            "last": first + count - 1,
            "nf": nfirms,
            "fb": firm_base,
        }
        # The copies of the first ``count`` originals generated (a random sample of the pool).
        copied = "m.old_rowid <= :last"
        db.execute(
            f"INSERT INTO cases (rowid, {CASE_COLUMNS}) SELECT :base + m.n, {case_values} "
            f"FROM temp.demo_pool m {firm.format(k=':k')} JOIN cases c ON c.rowid = m.old_rowid "
            f"WHERE {copied} ORDER BY m.n",
            params,
        )
        db.execute(
            f"INSERT INTO case_search (rowid, grams) SELECT :base + m.n, m.grams || {digits} "
            f"FROM temp.demo_pool m WHERE {copied} ORDER BY m.n",
            params,
        )
        db.execute("INSERT INTO temp.demo_copies (k, last) VALUES (:k, :last)", params)
        added += count
        if progress:
            progress(pool + added, pool + wanted)
    # Events and consents of all copies at once, original by original: their ids then rise
    # in one sweep over the key index (copy by copy, it was one sweep per copy).
    case_id = new_id.format(t="m.old_id", t_rowid="m.old_rowid", k="k.k")
    copies_of = "JOIN temp.demo_copies k ON m.old_rowid <= k.last"
    db.execute(
        f"INSERT INTO case_events (id, case_id, at, actor, kind, payload) SELECT "
        f"{new_id.format(t='e.id', t_rowid='e.old_rowid', k='k.k')}, {case_id}, at, actor, kind, payload "
        f"FROM temp.demo_pool_case_events e JOIN temp.demo_pool m ON m.n = e.n {copies_of} "
        "ORDER BY e.rowid, k.k",
    )
    db.execute(
        "INSERT INTO consents (id, case_id, firm_id, agency_id, given_at, given_by) SELECT "
        f"{new_id.format(t='s.id', t_rowid='s.old_rowid', k='k.k')}, {case_id}, f.id, agency_id, given_at, "
        f"given_by FROM temp.demo_pool_consents s JOIN temp.demo_pool m ON m.n = s.n {copies_of} "
        f"{firm.format(k='k.k')} ORDER BY s.rowid, k.k",
        {"nf": nfirms, "fb": firm_base},
    )
    for table in (
        "demo_copies",
        "demo_pool_consents",
        "demo_pool_case_events",
        "demo_pool",
        "demo_prefix_max",
    ):
        db.execute(f"DROP TABLE temp.{table}")
    return added


def digits_tokens_sql(number: str, width: int) -> str:
    """SQL for the search tokens of a case number's digits (``printf('%04d', number)``).

    The same tokens as :func:`desktop.core.hangul.gram_tokens` (each 2-character gram, the
    last character alone) for numbers of up to ``width`` digits, without a Python call per row.
    """
    text = f"printf('%04d', {number})"
    grams = [f"substr({text}, {i}, 2)" for i in range(1, 5)]
    grams += [f"iif(length({text}) >= {i}, ' ' || substr({text}, {i}, 2), '')" for i in range(5, width + 1)]
    return "' ' || " + " || ' ' || ".join(grams[:4]) + "".join(f" || {g}" for g in grams[4:])


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
    except driver.OperationalError:  # another connection has the store open: keep the WAL
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
def _foreign_keys_unchecked(db: Database) -> Iterator[None]:
    """No per-row foreign-key lookups while loading rows that refer to rows made with them.

    Every event and consent would look its case up in a million-entry index; the demo's
    references hold by construction (tests run ``PRAGMA foreign_key_check`` on it). The
    pragma only takes effect outside a transaction, so it is switched around the load.
    """
    if db.in_transaction or not db.scalar("PRAGMA foreign_keys"):
        yield
        return
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")


@contextmanager
def _bulk_mode(db: Database, *, empty: bool) -> Iterator[None]:
    """Into empty tables, indexes built once at the end; else a larger page cache.

    Building an index from sorted data is several times faster than keeping eleven
    indexes up to date row by row; DDL is transactional, so a failed load still leaves
    every index in place. The full-text indexes stop merging their segments while
    loading (about 40% less work); normal merging resumes with the next edits.
    Only indexes kept up to date row by row gain from a big cache: measured, a million-case
    load into empty tables takes a fifth less CPU with the normal 64 MB one than with 512 MB.
    """
    previous = db.scalar("PRAGMA cache_size")
    if not empty:
        db.execute("PRAGMA cache_size = -524288")
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
            # Derived from the case id (a UUIDv7 of the same moment), so one seed gives one store.
            (
                f"{d.case.id[:-2]}ff",
                d.case.id,
                d.case.firm_id,
                d.consent_agency,
                iso(d.case.received_at),
                "demo",
            )
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
