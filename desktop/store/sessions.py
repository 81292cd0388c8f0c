"""Clinic sessions (현장지원단 days): creating, listing, opening."""

from __future__ import annotations

import json
from datetime import date

from desktop.core import roles
from desktop.core.errors import Problem, RejectedInput, reject
from desktop.core.hangul import nfc
from desktop.core.ids import refuse_rrn
from desktop.core.records import Actor, Changes, ClinicSession, SessionId
from desktop.core.uuid7 import uuid7
from desktop.store import audit, driver
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

_COLUMNS = "id, name, day, place, region_code, agencies, consultants, created_at"


def parse_day(text: str, field: str = "date") -> date:
    """ISO date (2026-05-03) or the dotted form people type (2026.5.3)."""
    cleaned = text.strip().replace(".", "-").replace("/", "-").rstrip("-")
    try:
        y, m, d = (int(p) for p in cleaned.split("-"))
        return date(y, m, d)
    except ValueError:
        raise reject(
            field,
            f"날짜 형식이 올바르지 않습니다: '{text}' (예: 2026-05-03)",
            f"Invalid date: '{text}' (e.g. 2026-05-03)",
        ) from None


def add_session(
    db: Database,
    *,
    name: str,
    day: date,
    place: str,
    actor: Actor,
    region_code: str = "",
    agencies: tuple[str, ...] = (),
    consultants: tuple[str, ...] = (),
    now: Now = system_now,
) -> tuple[SessionId, Changes]:
    roles.require(actor, "session.add")
    for field_name, value in (("name", name), ("place", place)):
        refuse_rrn(value, field_name)
    problems = []
    if not nfc(name).strip():
        problems.append(Problem("name", "현장지원단 이름을 입력하세요.", "Enter the session name."))
    if not nfc(place).strip():
        problems.append(Problem("place", "장소를 입력하세요.", "Enter the place."))
    if problems:
        raise RejectedInput(problems)
    session_id = SessionId(uuid7())
    with db.transaction():
        db.execute(
            f"INSERT INTO sessions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            (
                session_id,
                nfc(name).strip(),
                day.isoformat(),
                nfc(place).strip(),
                region_code,
                json.dumps(list(agencies), ensure_ascii=False),
                json.dumps(list(consultants), ensure_ascii=False),
                iso(now()),
            ),
        )
        audit.record(db, actor, "session.add", session_id, now=now)
    return session_id, Changes(sessions=frozenset({session_id}))


def _row_to_session(row: driver.Row) -> ClinicSession:
    return ClinicSession(
        id=SessionId(row["id"]),
        name=row["name"],
        date=date.fromisoformat(row["day"]),
        place=row["place"],
        region_code=row["region_code"],
        agencies=tuple(json.loads(row["agencies"])),
        consultants=tuple(json.loads(row["consultants"])),
        created_at=row["created_at"],
    )


def get_session(db: Database, session_id: str) -> ClinicSession:
    row = db.one(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
    if row is None:
        raise reject(
            "session", f"현장지원단을 찾을 수 없습니다: {session_id}", f"No such session: {session_id}"
        )
    return _row_to_session(row)


def list_sessions(db: Database, limit: int = 100, on: date | None = None) -> list[ClinicSession]:
    """Most recent first; ``on`` restricts to one day (today's sessions)."""
    if on is not None:
        rows = db.all(
            f"SELECT {_COLUMNS} FROM sessions WHERE deleted = 0 AND day = ? ORDER BY created_at",
            (on.isoformat(),),
        )
    else:
        rows = db.all(
            f"SELECT {_COLUMNS} FROM sessions WHERE deleted = 0 ORDER BY day DESC, id DESC LIMIT ?", (limit,)
        )
    return [_row_to_session(r) for r in rows]
