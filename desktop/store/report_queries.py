"""Read-only queries behind printed reports and Excel exports: grouped counts, ageing, page details."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.store import queries
from desktop.store.db import Database

# Ageing buckets of open cases, in days since receipt: (label, lowest day, highest day or None).
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–7일", 0, 7),
    ("8–14일", 8, 14),
    ("15–30일", 15, 30),
    ("31–60일", 31, 60),
    ("61–90일", 61, 90),
    ("90일 초과", 91, None),
)
_IN_CHUNK = 500
_GROUPS = {
    "field_code": "field_code",
    "agency_id": "agency_id",
    "status": "status",
    "kind": "kind",
    "month": "substr(received_at, 1, 7)",
    "session_id": "coalesce(session_id, '')",
}


@dataclass(frozen=True, slots=True)
class GroupCount:
    """Cases of one group (a field, agency, status or month) and how many of them are where."""

    key: str
    total: int
    onsite: int
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """What a report needs of a case beyond :class:`desktop.store.queries.CaseListRow`."""

    id: str
    text: str
    kind: str
    result_reason: str
    satisfaction: int | None
    created_by: str
    clock: str
    firm_brn: str
    firm_representative: str
    firm_phone: str
    firm_email: str
    firm_address: str
    firm_region: str
    firm_size: str
    firm_ksic: str
    session_name: str
    session_day: date | None
    session_place: str
    consent_agencies: tuple[str, ...]
    reply_at: datetime | None
    reply_text: str


def _where(filt: queries.CaseFilter, now: datetime) -> tuple[str, dict[str, Any]]:
    # The case list's own filter (same package): reports count exactly what the list shows.
    return queries._where(filt, now)


def group_counts(db: Database, column: str, filt: queries.CaseFilter, now: datetime) -> list[GroupCount]:
    """Cases grouped by ``column`` (field_code, agency_id, status, kind, month, session_id), by key."""
    if column not in _GROUPS:
        raise ValueError(f"cannot group cases by {column!r}")
    where, params = _where(filt, now)
    params["gnow"] = now.isoformat(timespec="seconds")
    rows = db.all(
        f"SELECT {_GROUPS[column]} AS k, count(*) AS n, sum(onsite) AS onsite, sum(is_open) AS open, "
        "sum(is_open = 1 AND deadline_at > '' AND deadline_at < :gnow) AS overdue "
        f"FROM cases WHERE {where} GROUP BY k ORDER BY k",
        params,
    )
    return [
        GroupCount(
            str(r["k"] or ""), int(r["n"]), int(r["onsite"] or 0), int(r["open"] or 0), int(r["overdue"] or 0)
        )
        for r in rows
    ]


def totals(db: Database, filt: queries.CaseFilter, now: datetime) -> GroupCount:
    """All cases of the filter in one :class:`GroupCount` (key ``""``), plus distinct firms in ``key``."""
    where, params = _where(filt, now)
    params["gnow"] = now.isoformat(timespec="seconds")
    row = db.one(
        "SELECT count(*) AS n, sum(onsite) AS onsite, sum(is_open) AS open, "
        "sum(is_open = 1 AND deadline_at > '' AND deadline_at < :gnow) AS overdue, "
        f"count(DISTINCT firm_id) AS firms FROM cases WHERE {where}",
        params,
    )
    assert row is not None
    return GroupCount(
        str(row["firms"] or 0),
        int(row["n"]),
        int(row["onsite"] or 0),
        int(row["open"] or 0),
        int(row["overdue"] or 0),
    )


def ageing(db: Database, filt: queries.CaseFilter, today: date) -> list[tuple[str, int]]:
    """Open cases per :data:`AGEING_BUCKETS` bucket of days since receipt."""
    where, params = _where(filt, datetime.combine(today, datetime.min.time()))
    params["today"] = today.isoformat()
    row = db.all(
        "SELECT CAST(julianday(:today) - julianday(substr(received_at, 1, 10)) AS INTEGER) AS age, "
        f"count(*) AS n FROM cases WHERE {where} AND is_open = 1 GROUP BY age",
        params,
    )
    counts = [0] * len(AGEING_BUCKETS)
    for r in row:
        age = max(int(r["age"]), 0)
        for i, (_label, low, high) in enumerate(AGEING_BUCKETS):
            if age >= low and (high is None or age <= high):
                counts[i] += int(r["n"])
                break
    return [(label, n) for (label, _low, _high), n in zip(AGEING_BUCKETS, counts, strict=True)]


def _chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK)]


def case_details(db: Database, ids: Sequence[str]) -> dict[str, CaseDetail]:
    """Details of a page of cases (a few hundred ids), in a handful of queries."""
    out: dict[str, CaseDetail] = {}
    for chunk in _chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        consents: dict[str, list[str]] = {}
        for r in db.all(
            f"SELECT case_id, agency_id FROM consents WHERE case_id IN ({marks}) "
            "AND revoked_at IS NULL ORDER BY given_at",
            chunk,
        ):
            consents.setdefault(r["case_id"], []).append(r["agency_id"])
        replies: dict[str, tuple[str, str]] = {}
        for r in db.all(
            f"SELECT case_id, at, payload FROM case_events WHERE case_id IN ({marks}) "
            f"AND {queries.REPLY_EVENT} ORDER BY case_id, at",
            chunk,
        ):
            payload = json.loads(r["payload"])
            if payload.get("action") == "reply":
                replies[r["case_id"]] = (r["at"], str(payload.get("text", "")))
        rows = db.all(
            "SELECT c.id, c.text, c.kind, c.result_reason, c.satisfaction, c.created_by, c.clock, "
            "f.brn, f.representative, f.phone, f.email, f.address, f.region_code, f.size, f.ksic, "
            "s.name AS session_name, s.day AS session_day, s.place AS session_place "
            "FROM cases c JOIN firms f ON f.id = c.firm_id LEFT JOIN sessions s ON s.id = c.session_id "
            f"WHERE c.id IN ({marks})",
            chunk,
        )
        for r in rows:
            reply = replies.get(r["id"])
            out[r["id"]] = CaseDetail(
                id=r["id"],
                text=r["text"],
                kind=r["kind"],
                result_reason=r["result_reason"],
                satisfaction=r["satisfaction"],
                created_by=r["created_by"],
                clock=r["clock"],
                firm_brn=r["brn"],
                firm_representative=r["representative"],
                firm_phone=r["phone"],
                firm_email=r["email"],
                firm_address=r["address"],
                firm_region=r["region_code"],
                firm_size=r["size"],
                firm_ksic=r["ksic"],
                session_name=r["session_name"] or "",
                session_day=date.fromisoformat(r["session_day"]) if r["session_day"] else None,
                session_place=r["session_place"] or "",
                consent_agencies=tuple(consents.get(r["id"], ())),
                reply_at=datetime.fromisoformat(reply[0]) if reply else None,
                reply_text=reply[1] if reply else "",
            )
    return out


def consented_case_ids(db: Database, agency_id: str, ids: Sequence[str]) -> set[str]:
    """Those of ``ids`` whose firm consented (not revoked) to sharing the case with ``agency_id``."""
    found: set[str] = set()
    for chunk in _chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        found.update(
            r[0]
            for r in db.all(
                f"SELECT DISTINCT case_id FROM consents WHERE agency_id = ? "
                f"AND revoked_at IS NULL AND case_id IN ({marks})",
                [agency_id, *chunk],
            )
        )
    return found


def firm_ids_by_brn(db: Database, brn: str) -> list[str]:
    """Ids of the (not deleted) firms registered with this BRN, oldest first."""
    return [r[0] for r in db.all("SELECT id FROM firms WHERE brn = ? AND deleted = 0 ORDER BY rowid", (brn,))]
