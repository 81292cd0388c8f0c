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
from desktop.store import search
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
    with db.transaction(), _bulk_mode(db, empty=not db.scalar("SELECT 1 FROM cases LIMIT 1")):
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
        for batch in _batches(data.cases, BATCH):
            _insert_cases(db, batch)
            written += len(batch)
            if progress:
                progress(written, total_cases)
        _raise_number_counters(db)
    return written


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


_BULK_TABLES = ("cases", "case_events", "consents")


@contextmanager
def _bulk_mode(db: Database, *, empty: bool) -> Iterator[None]:
    """A larger page cache and, into empty tables, indexes built once at the end.

    Building an index from sorted data is several times faster than keeping eleven
    indexes up to date row by row; DDL is transactional, so a failed load still leaves
    every index in place.
    """
    previous = db.scalar("PRAGMA cache_size")
    db.execute("PRAGMA cache_size = -524288")
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
