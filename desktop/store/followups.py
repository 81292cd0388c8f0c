"""Satisfaction call-backs (사후관리 만족도 조사) after a case is closed, and the follow-up register.

A call-back is due :data:`CALLBACK_DAYS` calendar days after the case was closed (moved to the
next working day), or on the day a coordinator scheduled. It is recorded as a ``followup``
case event, which syncs with the case:

* ``{"action": "schedule", "due": "2026-12-03"}`` — call back on that day;
* ``{"action": "no_answer"}`` — tried, nobody answered (tried again the next working day);
* ``{"action": "done", "points": 4, "score": 75}`` — the 1–5 answer; the case's
  ``satisfaction`` becomes the 0–100 score;
* ``{"action": "flag"}`` / ``{"action": "reopened"}`` — a low answer (:data:`LOW_POINTS` or
  less) either flags the case for the coordinator or reopens it;
* ``{"action": "flag_cleared"}`` — the coordinator dealt with a flag.

Cases closed as withdrawn, transferred or closed administratively get no call-back. A case
waiting in 사후관리 (follow_up status) is due from the day it got there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.core import workflow
from desktop.core.deadlines import WorkCalendar
from desktop.core.errors import reject
from desktop.core.hangul import nfc
from desktop.core.records import Actor, Changes
from desktop.core.uuid7 import uuid7
from desktop.store import audit, cases, driver
from desktop.store.calendar import work_calendar
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

EVENT_KIND = "followup"
CALLBACK_DAYS = 7
LOW_POINTS = 2
ELIGIBLE_RESULTS = ("onsite", "resolved", "partial", "unresolvable", "policy_proposal")
ON_LOW = ("flag", "reopen")
# Register states, in the order the register sorts them.
OVERDUE, DUE, SCHEDULED, FLAGGED, DONE, REOPENED = (
    "overdue",
    "due",
    "scheduled",
    "flagged",
    "done",
    "reopened",
)
STATE_NAMES: dict[str, tuple[str, str]] = {
    OVERDUE: ("지연", "Late"),
    DUE: ("오늘 연락", "Call today"),
    SCHEDULED: ("예정", "Scheduled"),
    FLAGGED: ("불만족 조치 필요", "Low score: act"),
    DONE: ("완료", "Done"),
    REOPENED: ("재개됨", "Reopened"),
}
_IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One case in the follow-up register.

    Attributes:
        state: overdue / due / scheduled / flagged / done / reopened (see :data:`STATE_NAMES`).
        due: the call-back day (None once done or reopened).
        attempts: calls without an answer.
        points: the 1–5 answer, when given.
        score: the 0–100 satisfaction stored on the case (also when recorded before this register).
    """

    case_id: str
    number: str
    firm_name: str
    field_code: str
    agency_id: str
    status: str
    result_code: str
    closed_at: datetime | None
    state: str
    due: date | None
    attempts: int = 0
    points: int | None = None
    score: int | None = None
    note: str = ""
    last_call: datetime | None = None
    history: tuple[dict[str, object], ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class CallResult:
    """What recording a call did."""

    score: int | None
    low: bool
    reopened: bool
    flagged: bool
    changes: Changes


def first_due(closed: date, cal: WorkCalendar, days: int = CALLBACK_DAYS) -> date:
    """The call-back day for a case closed on ``closed``: ``days`` later, on a working day."""
    day = closed + timedelta(days=days)
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def _next_working_day(day: date, cal: WorkCalendar) -> date:
    day += timedelta(days=1)
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def _event(db: Database, case_id: str, actor: Actor, payload: dict[str, object], now: Now) -> None:
    db.execute(
        "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
        (uuid7(), case_id, iso(now()), actor.name, EVENT_KIND, json.dumps(payload, ensure_ascii=False)),
    )


def schedule(
    db: Database, case_id: str, due: date, actor: Actor, *, note: str = "", now: Now = system_now
) -> Changes:
    """Schedule (or move) the satisfaction call-back of a case.

    Raises:
        RejectedInput: unknown case, or a day in the past.
    """
    if due < now().date():
        raise reject("due", "지난 날짜로 예약할 수 없습니다.", "Cannot schedule a call-back in the past.")
    with db.transaction():
        case = cases.get_case(db, case_id)
        payload: dict[str, object] = {"action": "schedule", "due": due.isoformat()}
        if note.strip():
            payload["note"] = nfc(note).strip()
        _event(db, case.id, actor, payload, now)
    return Changes(cases=frozenset({case.id}))


def record_call(
    db: Database,
    case_id: str,
    actor: Actor,
    *,
    points: int | None,
    note: str = "",
    on_low: str = "flag",
    now: Now = system_now,
) -> CallResult:
    """Record a satisfaction call: the 1–5 answer, or ``points=None`` when nobody answered.

    A low answer (:data:`LOW_POINTS` or less) flags the case, or with ``on_low="reopen"``
    reopens it (reason: the answer and the note) when its status allows; otherwise it is
    flagged.

    Raises:
        RejectedInput: unknown case, points not 1–5, or ``on_low`` not flag/reopen.
    """
    if on_low not in ON_LOW:
        raise reject("on_low", "낮은 점수 처리는 flag 또는 reopen입니다.", "on_low is flag or reopen.")
    score = workflow.satisfaction_score(points) if points is not None else None
    text = nfc(note).strip()
    with db.transaction():
        case = cases.get_case(db, case_id)
        if points is None:
            _event(db, case.id, actor, {"action": "no_answer", **({"note": text} if text else {})}, now)
            return CallResult(None, False, False, False, Changes(cases=frozenset({case.id})))
        payload: dict[str, object] = {"action": "done", "points": points, "score": score}
        if text:
            payload["note"] = text
        _event(db, case.id, actor, payload, now)
        db.execute(
            "UPDATE cases SET satisfaction = ?, updated_at = ? WHERE id = ?", (score, iso(now()), case.id)
        )
        low = points <= LOW_POINTS
        reopened = flagged = False
        if low:
            can_reopen = "reopen" in workflow.TRANSITIONS[workflow.status(case.status).code]
            if on_low == "reopen" and can_reopen:
                reason = f"만족도 {points}점 (사후관리)" + (f": {text}" if text else "")
                cases.act(db, case.id, "reopen", actor, reason=reason, now=now)
                _event(db, case.id, actor, {"action": "reopened", "points": points}, now)
                reopened = True
            else:
                _event(db, case.id, actor, {"action": "flag", "points": points}, now)
                flagged = True
        audit.record(db, actor, "followup.call", case.id, detail=f"points={points}", now=now)
    return CallResult(score, low, reopened, flagged, Changes(cases=frozenset({case.id})))


def clear_flag(db: Database, case_id: str, actor: Actor, *, note: str = "", now: Now = system_now) -> Changes:
    """Mark a low-score flag as dealt with (what was done goes in the note).

    Raises:
        RejectedInput: the case has no open flag.
    """
    with db.transaction():
        case = cases.get_case(db, case_id)
        calls = _fold(_events(db, [case.id]).get(case.id, []))
        if not calls.flagged:
            raise reject("flag", "조치할 불만족 표시가 없습니다.", "The case has no low-score flag.")
        _event(
            db,
            case.id,
            actor,
            {"action": "flag_cleared", **({"note": nfc(note).strip()} if note.strip() else {})},
            now,
        )
    return Changes(cases=frozenset({case.id}))


def _events(db: Database, ids: Sequence[str]) -> dict[str, list[tuple[datetime, dict[str, object]]]]:
    out: dict[str, list[tuple[datetime, dict[str, object]]]] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = list(ids[start : start + _IN_CHUNK])
        for r in db.all(
            f"SELECT case_id, at, payload FROM case_events WHERE kind = 'followup' AND case_id IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY case_id, at, rowid",
            chunk,
        ):
            out.setdefault(r["case_id"], []).append(
                (datetime.fromisoformat(r["at"]), json.loads(r["payload"]))
            )
    return out


@dataclass(slots=True)
class _Calls:
    """The call-back events of one case, folded."""

    attempts: int = 0
    flagged: bool = False
    done: bool = False
    reopened: bool = False
    scheduled: date | None = None
    no_answer_on: date | None = None
    points: int | None = None
    note: str = ""
    last_call: datetime | None = None
    history: list[dict[str, object]] = field(default_factory=list)


def _fold(events: list[tuple[datetime, dict[str, object]]]) -> _Calls:
    calls = _Calls()
    for at, payload in events:
        action = payload.get("action")
        calls.history.append({"at": at.isoformat(timespec="minutes"), **payload})
        if action == "schedule":
            calls.scheduled = date.fromisoformat(str(payload["due"]))
            calls.done = False
        elif action == "no_answer":
            calls.attempts += 1
            calls.no_answer_on = at.date()
            calls.last_call = at
        elif action == "done":
            calls.done = True
            calls.points = int(str(payload["points"])) if payload.get("points") is not None else None
            calls.note = str(payload.get("note", ""))
            calls.last_call = at
        elif action == "flag":
            calls.flagged = True
        elif action == "flag_cleared":
            calls.flagged = False
        elif action == "reopened":
            calls.reopened = True
            calls.flagged = False
    return calls


_COLUMNS = (
    "id, number, firm_name, field_code, agency_id, status, result_code, closed_at, updated_at, satisfaction"
)


def _line(row: driver.Row, calls: _Calls, cal: WorkCalendar, day: date) -> FollowUp:
    closed = datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None
    base = (closed or datetime.fromisoformat(row["updated_at"])).date()
    due: date | None = calls.scheduled or first_due(base, cal)
    if calls.no_answer_on is not None and due is not None and calls.no_answer_on >= due:
        due = _next_working_day(calls.no_answer_on, cal)
    score = row["satisfaction"]
    if calls.reopened:
        state, due = REOPENED, None
    elif calls.flagged:
        state, due = FLAGGED, None
    elif calls.done or (score is not None and calls.scheduled is None):
        state, due = DONE, None
    elif due is not None and due < day:
        state = OVERDUE
    elif due == day:
        state = DUE
    else:
        state = SCHEDULED
    return FollowUp(
        case_id=row["id"],
        number=row["number"],
        firm_name=row["firm_name"],
        field_code=row["field_code"],
        agency_id=row["agency_id"],
        status=row["status"],
        result_code=row["result_code"],
        closed_at=closed,
        state=state,
        due=due,
        attempts=calls.attempts,
        points=calls.points,
        score=score,
        note=calls.note,
        last_call=calls.last_call,
        history=tuple(calls.history),
    )


def register(
    db: Database,
    *,
    closed_from: date | None = None,
    closed_to: date | None = None,
    today: date | None = None,
    states: Sequence[str] = (),
) -> list[FollowUp]:
    """The follow-up register: cases closed in the period (default: the last 60 days) with an
    eligible result, cases waiting in 사후관리, and every case with call-back events in the period.

    Sorted: late first, then due today, scheduled, flagged, done, reopened; by due day.
    """
    day = today or date.today()
    start = closed_from or day - timedelta(days=60)
    end = closed_to or day
    cal = work_calendar(db)
    results = ", ".join(f"'{r}'" for r in ELIGIBLE_RESULTS)
    rows = db.all(
        f"SELECT {_COLUMNS} FROM cases WHERE deleted = 0 AND ("
        f"(closed_at >= :start AND closed_at < :end AND status = 'closed' AND result_code IN ({results})) "
        "OR status = 'follow_up' "
        "OR id IN (SELECT case_id FROM case_events WHERE kind = 'followup' AND at >= :start AND at < :end)"
        ") ORDER BY closed_at, number",
        {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()},
    )
    events = _events(db, [r["id"] for r in rows])
    out = [_line(r, _fold(events.get(r["id"], [])), cal, day) for r in rows]
    if states:
        out = [f for f in out if f.state in states]
    order = {s: i for i, s in enumerate(STATE_NAMES)}
    out.sort(key=lambda f: (order[f.state], f.due or date.max, f.number))
    return out


def for_case(db: Database, case_id: str, today: date | None = None) -> FollowUp | None:
    """The call-back line of one case (None when the case gets no call-back)."""
    case = cases.get_case(db, case_id)
    row = db.one(f"SELECT {_COLUMNS} FROM cases WHERE id = ?", (case.id,))
    assert row is not None
    calls = _fold(_events(db, [case.id]).get(case.id, []))
    eligible = (row["status"] == "closed" and row["result_code"] in ELIGIBLE_RESULTS) or row[
        "status"
    ] == "follow_up"
    if not eligible and not calls.history:
        return None
    return _line(row, calls, work_calendar(db), today or date.today())


def state_name(state: str, lang: str = "ko") -> str:
    ko, en = STATE_NAMES.get(state, (state, state))
    return en if lang == "en" else ko


def counts(items: Sequence[FollowUp]) -> dict[str, int]:
    """Register lines per state (every state present)."""
    out = {s: 0 for s in STATE_NAMES}
    for item in items:
        out[item.state] += 1
    return out
