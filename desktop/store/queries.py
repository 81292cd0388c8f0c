"""Case listing for a million rows: filters, keyset pages, index-only offsets, counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.store import driver, search
from desktop.store.db import Database

# Sort key -> index-ordered columns. Every tuple is the prefix of one index in the
# schema, so ORDER BY walks that index; SQLite appends the rowid, our tie-breaker.
SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "received_at": ("received_at",),
    "number": ("number",),
    "firm_name": ("firm_name",),
    "field_code": ("field_code", "received_at"),
    "agency_id": ("agency_id", "received_at"),
    "status": ("status", "received_at"),
    "deadline_at": ("deadline_at",),
}
# "days open" is the reverse of the receipt date.
REPLY_EVENT = "kind = 'status' AND payload LIKE '%\"action\": \"reply\"%'"
"""A case event that records an agency's reply: word for word the condition of the partial index
``case_events_reply`` (migration 4), so that SQLite uses it instead of scanning every event."""
SORT_ALIASES = {"days_open": ("received_at", True)}

LIST_COLUMNS = (
    "rowid, id, number, firm_id, firm_name, session_id, field_code, kind, status, is_open, agency_id, "
    "assignee, received_at, deadline_at, onsite, result_code, closed_at"
)


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows. Empty values mean "any"."""

    statuses: tuple[str, ...] = ()
    field_code: str = ""
    agency_id: str = ""
    session_id: str = ""
    firm_id: str = ""
    open_only: bool = False
    overdue: bool = False
    search: str = ""
    received_from: date | None = None
    received_to: date | None = None
    include_deleted: bool = False


@dataclass(frozen=True, slots=True)
class Sort:
    key: str = "received_at"
    descending: bool = True

    def columns(self) -> tuple[tuple[str, ...], bool]:
        if self.key in SORT_ALIASES:
            base, flip = SORT_ALIASES[self.key]
            return SORT_COLUMNS[base], self.descending != flip
        if self.key not in SORT_COLUMNS:
            raise ValueError(f"cannot sort cases by {self.key!r}")
        return SORT_COLUMNS[self.key], self.descending


@dataclass(frozen=True, slots=True)
class CaseListRow:
    """One row of the case list (no long texts: pages stay small)."""

    rowid: int
    id: str
    number: str
    firm_id: str
    firm_name: str
    session_id: str | None
    field_code: str
    kind: str
    status: str
    is_open: bool
    agency_id: str
    assignee: str
    received_at: datetime
    deadline_at: datetime | None
    onsite: bool
    result_code: str
    closed_at: datetime | None
    sort_values: tuple[Any, ...] = field(default=(), compare=False)

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open and self.deadline_at is not None and self.deadline_at < now

    def days_open(self, today: date) -> int:
        end = self.closed_at.date() if self.closed_at else today
        return (end - self.received_at.date()).days


def _where(filt: CaseFilter, now: datetime) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if not filt.include_deleted:
        clauses.append("deleted = 0")
    if filt.statuses:
        names = [f":s{i}" for i in range(len(filt.statuses))]
        clauses.append(f"status IN ({', '.join(names)})")
        params.update({f"s{i}": s for i, s in enumerate(filt.statuses)})
    for column in ("field_code", "agency_id", "session_id", "firm_id"):
        value = getattr(filt, column)
        if value:
            clauses.append(f"{column} = :{column}")
            params[column] = value
    if filt.open_only or filt.overdue:
        clauses.append("is_open = 1")
    if filt.overdue:
        clauses.append("deadline_at > '' AND deadline_at < :now")
        params["now"] = now.isoformat(timespec="seconds")
    if filt.received_from:
        clauses.append("received_at >= :rfrom")
        params["rfrom"] = filt.received_from.isoformat()
    if filt.received_to:
        clauses.append("received_at < :rto")
        params["rto"] = date.fromordinal(filt.received_to.toordinal() + 1).isoformat()
    if filt.search.strip():
        expression = search.match_expression(filt.search)
        if expression is None:
            clauses.append("0")
        else:
            clauses.append(
                f"(rowid IN ({search.case_rowids_sql()}) OR firm_id IN "
                f"(SELECT id FROM firms WHERE rowid IN ({search.firm_rowids_sql()})))"
            )
            params["q"] = expression
    return (" AND ".join(clauses) or "1"), params


def _row(row: driver.Row, columns: tuple[str, ...]) -> CaseListRow:
    return CaseListRow(
        rowid=row["rowid"],
        id=row["id"],
        number=row["number"],
        firm_id=row["firm_id"],
        firm_name=row["firm_name"],
        session_id=row["session_id"],
        field_code=row["field_code"],
        kind=row["kind"],
        status=row["status"],
        is_open=bool(row["is_open"]),
        agency_id=row["agency_id"],
        assignee=row["assignee"],
        received_at=datetime.fromisoformat(row["received_at"]),
        deadline_at=datetime.fromisoformat(row["deadline_at"]) if row["deadline_at"] else None,
        onsite=bool(row["onsite"]),
        result_code=row["result_code"],
        closed_at=datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None,
        sort_values=tuple(row[c] for c in columns) + (row["rowid"],),
    )


def _order(columns: tuple[str, ...], descending: bool, filt: CaseFilter) -> str:
    direction = " DESC" if descending else ""
    # Overdue cases are few but scattered through every sort index: walking that index
    # would read most of the table. "+column" stops SQLite from sorting by walking an
    # index, so it picks the (agency, is_open, deadline) range and sorts the few hits.
    prefix = "+" if filt.overdue else ""
    return ", ".join(f"{prefix}{c}{direction}" for c in (*columns, "rowid"))


def page_after(
    db: Database,
    filt: CaseFilter,
    sort: Sort,
    after: tuple[Any, ...] | None,
    limit: int,
    now: datetime | None = None,
) -> list[CaseListRow]:
    """The next ``limit`` rows after the row whose ``sort_values`` is ``after`` (keyset paging)."""
    columns, descending = sort.columns()
    where, params = _where(filt, now or datetime.now())
    if after is not None:
        keys = (*columns, "rowid")
        names = [f":k{i}" for i in range(len(keys))]
        where += f" AND ({', '.join(keys)}) {'<' if descending else '>'} ({', '.join(names)})"
        params.update({f"k{i}": v for i, v in enumerate(after)})
    params["limit"] = limit
    order = _order(columns, descending, filt)
    if filt.overdue:
        # Pick the page's rowids from the covering overdue index first, then read 200 rows,
        # instead of reading (and sorting) the full rows of every overdue case.
        sql = (
            f"SELECT {LIST_COLUMNS} FROM cases WHERE rowid IN (SELECT rowid FROM cases WHERE {where} "
            f"ORDER BY {order} LIMIT :limit) ORDER BY {_order(columns, descending, CaseFilter())}"
        )
    else:
        sql = f"SELECT {LIST_COLUMNS} FROM cases WHERE {where} ORDER BY {order} LIMIT :limit"
    return [_row(r, columns) for r in db.all(sql, params)]


def page_at(
    db: Database, filt: CaseFilter, sort: Sort, offset: int, limit: int, now: datetime | None = None
) -> list[CaseListRow]:
    """Rows ``offset`` … ``offset + limit`` for a jump (scroll bar dragged far away).

    The offset is walked in the sort index only (rowids, no table rows); the page's own
    rows are then read by rowid. Jumps past the middle walk from the other end.
    """
    columns, descending = sort.columns()
    where, params = _where(filt, now or datetime.now())
    params.update({"limit": limit, "offset": max(offset, 0)})
    order = _order(columns, descending, filt)
    inner = f"SELECT rowid FROM cases WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    rows = db.all(
        f"SELECT {LIST_COLUMNS} FROM cases WHERE rowid IN ({inner}) ORDER BY {order}",
        params,
    )
    return [_row(r, columns) for r in rows]


def page_from_end(
    db: Database, filt: CaseFilter, sort: Sort, count_from_end: int, limit: int, now: datetime | None = None
) -> list[CaseListRow]:
    """Rows counted from the end of the list (jump to the last row without walking it all)."""
    columns, descending = sort.columns()
    reverse = Sort(sort.key, not sort.descending)
    rows = page_at(db, filt, reverse, count_from_end, limit, now)
    del columns, descending
    return list(reversed(rows))


def count_cases(db: Database, filt: CaseFilter, now: datetime | None = None) -> int:
    where, params = _where(filt, now or datetime.now())
    return int(db.scalar(f"SELECT count(*) FROM cases WHERE {where}", params) or 0)


def search_cases(db: Database, query: str, limit: int = 100) -> list[CaseListRow]:
    """Cases whose text or number contains ``query`` (any length, incl. 1–2 syllables), newest first."""
    expression = search.match_expression(query)
    if expression is None:
        return []
    rows = db.all(
        f"SELECT {LIST_COLUMNS} FROM cases WHERE rowid IN ({search.case_rowids_sql()} "
        "ORDER BY rowid DESC LIMIT :n) AND deleted = 0 ORDER BY rowid DESC",
        {"q": expression, "n": limit},
    )
    return [_row(r, ("received_at",)) for r in rows]


def counts_by(db: Database, column: str, filt: CaseFilter | None = None) -> dict[str, int]:
    """Case counts grouped by one of field_code, agency_id, status, kind, month."""
    expressions = {
        "field_code": "field_code",
        "agency_id": "agency_id",
        "status": "status",
        "kind": "kind",
        "month": "substr(received_at, 1, 7)",
        "result_code": "result_code",
        "onsite": "onsite",
    }
    if column not in expressions:
        raise ValueError(f"cannot group cases by {column!r}")
    where, params = _where(filt or CaseFilter(), datetime.now())
    rows = db.all(
        f"SELECT {expressions[column]} AS k, count(*) AS n FROM cases WHERE {where} GROUP BY k ORDER BY k",
        params,
    )
    return {r["k"]: r["n"] for r in rows}
