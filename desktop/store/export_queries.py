"""Rows of the Excel export: each case with its firm, session, consents and last reply, read in keyset pages.

One query per page returns everything a row of the export shows (the report pages use
:func:`desktop.store.report_queries.case_details` instead, which needs a list page first):
at 100,000 cases the export is bound by the spreadsheet writer, not by reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from desktop.store import queries
from desktop.store.db import Database

PAGE = 1000
READER_CACHE_MIB = 8
"""Page cache of the export's reading connection: rows are read once, in order, so a big cache
(the default is 64 MiB) would only grow the process."""


class ExportRow(NamedTuple):
    """One case as the export reads it (dates parsed; consents in the order they were given)."""

    rowid: int
    id: str
    number: str
    received_at: datetime
    firm_id: str
    firm_name: str
    session_id: str | None
    field_code: str
    kind: str
    text: str
    status: str
    is_open: bool
    agency_id: str
    assignee: str
    deadline_at: datetime | None
    onsite: bool
    result_code: str
    result_reason: str
    satisfaction: int | None
    closed_at: datetime | None
    created_by: str
    firm_brn: str
    firm_representative: str
    firm_phone: str
    firm_email: str
    firm_region: str
    firm_size: str
    firm_ksic: str
    session_name: str
    session_day: date | None
    session_place: str
    consent_agencies: tuple[str, ...]
    reply_at: datetime | None
    reply_text: str

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open and self.deadline_at is not None and self.deadline_at < now

    def days_open(self, today: date) -> int:
        end = self.closed_at.date() if self.closed_at else today
        return (end - self.received_at.date()).days


_SELECT = (
    "SELECT c.rid, c.id, c.number, c.received_at, c.firm_id, c.firm_name, c.session_id, c.field_code, "
    "c.kind, c.text, c.status, c.is_open, c.agency_id, c.assignee, c.deadline_at, c.onsite, "
    "c.result_code, c.result_reason, c.satisfaction, c.closed_at, c.created_by, "
    "f.brn, f.representative, f.phone, f.email, f.region_code, f.size, f.ksic, "
    "s.name, s.day, s.place, "
    # Consents in the order they were stored (sorting them per case costs a temp B-tree each).
    "(SELECT group_concat(agency_id, char(31)) FROM consents WHERE case_id = c.id AND revoked_at IS NULL), "
    # The last reply: its time and payload (the action is checked again after json.loads).
    "(SELECT e.at || char(31) || e.payload FROM case_events e WHERE e.case_id = c.id "
    f" AND {queries.REPLY_EVENT} ORDER BY e.at DESC LIMIT 1) "
)


def _row(r: tuple[Any, ...]) -> ExportRow:
    v = list(r)
    v[3] = datetime.fromisoformat(v[3])
    v[11] = bool(v[11])
    v[14] = datetime.fromisoformat(v[14]) if v[14] else None
    v[15] = bool(v[15])
    v[19] = datetime.fromisoformat(v[19]) if v[19] else None
    for i in (26, 27, 28, 30):
        v[i] = v[i] or ""
    v[29] = date.fromisoformat(v[29]) if v[29] else None
    v[31] = tuple(v[31].split("\x1f")) if v[31] else ()
    reply = v.pop()
    reply_at: datetime | None = None
    reply_text = ""
    if reply:
        at, payload = reply.split("\x1f", 1)
        data = json.loads(payload)
        if data.get("action") == "reply":
            reply_at, reply_text = datetime.fromisoformat(at), str(data.get("text", ""))
    v += (reply_at, reply_text)
    return ExportRow._make(v)


def _page(
    db: Database, filt: queries.CaseFilter, now: datetime, after: tuple[str, int] | None, limit: int
) -> list[tuple[Any, ...]]:
    where, params = queries._where(filt, now)  # the case list's filter: the export has what the list shows
    if after is not None:
        where += " AND (received_at, rowid) > (:after_at, :after_rowid)"
        params.update(after_at=after[0], after_rowid=after[1])
    params["limit"] = limit
    sql = (
        f"{_SELECT}FROM (SELECT rowid AS rid, * FROM cases WHERE {where} "
        "ORDER BY received_at, rowid LIMIT :limit) c "
        "JOIN firms f ON f.id = c.firm_id LEFT JOIN sessions s ON s.id = c.session_id "
        "ORDER BY c.received_at, c.rid"
    )
    cursor = db.conn.cursor()
    cursor.row_factory = None  # plain tuples: 100,000 rows of 33 columns
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


def export_pages(
    db: Database, filt: queries.CaseFilter, now: datetime, page_size: int = PAGE
) -> Iterator[list[ExportRow]]:
    """Every case of ``filt`` in keyset pages of ``page_size`` (flat memory), oldest first."""
    after: tuple[str, int] | None = None
    while True:
        raw = _page(db, filt, now, after, page_size)
        if not raw:
            return
        yield [_row(r) for r in raw]
        if len(raw) < page_size:
            return
        after = (raw[-1][3], raw[-1][0])  # the stored received_at text and the rowid


def open_reader(db: Database) -> Database:
    """A connection of its own for reading the export, with a small page cache (close it after)."""
    return open_reader_at(db.path, readonly=db.readonly, key=db.key)


def open_reader_at(path: Path, *, readonly: bool, key: bytes | None) -> Database:
    """:func:`open_reader` for a store known by its file (the export's helper process)."""
    reader = Database(path, readonly=readonly, key=key)
    reader.execute(f"PRAGMA cache_size = -{READER_CACHE_MIB * 1024}")
    return reader


@contextmanager
def snapshot(db: Database) -> Iterator[None]:
    """Every read inside sees the store as it was at the first one (one deferred read transaction).

    The export's rows, counts and figures then agree even while a sync writes: in WAL mode a
    reader neither blocks writers nor sees their commits until it ends.
    """
    db.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        db.execute("ROLLBACK")
