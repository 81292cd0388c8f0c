"""Cases (애로사항): logging, workflow actions, edits, notes, consents, the timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from desktop.core import deadlines, roles, workflow
from desktop.core.errors import Problem, RejectedInput, collect, reject
from desktop.core.hangul import nfc
from desktop.core.ids import refuse_rrn
from desktop.core.records import Actor, Case, CaseEvent, CaseId, Changes, Consent, EventId, FirmId
from desktop.core.uuid7 import uuid7
from desktop.store import access, audit, calendar, driver, firms, reference, search
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

MAX_TEXT = 20_000
CASE_COLUMNS = (
    "id, number, firm_id, session_id, field_code, kind, text, status, is_open, agency_id, assignee, "
    "received_at, deadline_at, clock, onsite, result_code, result_reason, satisfaction, closed_at, "
    "firm_name, created_at, updated_at"
)
EDITABLE = ("text", "field_code", "kind", "assignee")
# Once answered (on site or by the agency) the legal reply clock has stopped.
CLOCK_STOPPED = frozenset({"onsite_resolved", "replied", "follow_up"})


@dataclass(frozen=True, slots=True)
class NewCase:
    """A difficulty as typed at intake. ``field`` and ``agency`` accept codes or Korean names."""

    firm_id: str
    field: str
    text: str
    kind: str = "procedure"
    session_id: str | None = None
    agency: str = ""
    route_reason: str = ""
    onsite_answer: str = ""
    consent_agencies: tuple[str, ...] = ()
    number_prefix: str = ""
    received_at: datetime | None = None


def _clean_text(text: str, field: str = "text") -> str:
    text = nfc(text).strip()
    if not text:
        raise reject(field, "애로사항 내용을 입력하세요.", "Enter the difficulty text.")
    if len(text) > MAX_TEXT:
        raise reject(
            field,
            f"내용이 너무 깁니다 ({len(text):,}자, 최대 {MAX_TEXT:,}자).",
            f"Text too long ({len(text):,} characters, at most {MAX_TEXT:,}).",
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        text = "".join(c for c in text if ord(c) >= 32 or c in "\n\t")
    refuse_rrn(text, field)
    return text


def next_number(db: Database, year: int, prefix: str) -> str:
    """Human case number ``2026-순천-0042``: a per-laptop label, never a key."""
    key = f"case_seq:{year}:{prefix}"
    current = int(db.scalar("SELECT value FROM meta WHERE key = ?", (key,)) or 0) + 1
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
        (key, str(current), str(current)),
    )
    return f"{year}-{prefix}-{current:04d}"


def _clock_json(clock: deadlines.DeadlineClock) -> str:
    return json.dumps(
        {
            "period": [clock.period.amount, clock.period.unit],
            "pauses": [[iso(p.start), iso(p.end) if p.end else None, p.reason] for p in clock.pauses],
            "extension": None
            if clock.extension is None
            else [
                clock.extension.period.amount,
                clock.extension.period.unit,
                clock.extension.reason,
                iso(clock.extension.at),
            ],
        },
        ensure_ascii=False,
    )


def clock_of(row: driver.Row | Case, clock_text: str | None = None) -> deadlines.DeadlineClock:
    """Rebuild the deadline clock stored with a case."""
    received = row["received_at"] if isinstance(row, driver.Row) else iso(row.received_at)
    data = json.loads(clock_text if clock_text is not None else row["clock"])  # type: ignore[index]
    period = deadlines.Period(int(data["period"][0]), data["period"][1])
    pauses = tuple(
        deadlines.Pause(datetime.fromisoformat(s), datetime.fromisoformat(e) if e else None, r)
        for s, e, r in data.get("pauses", [])
    )
    ext = data.get("extension")
    extension = (
        None
        if not ext
        else deadlines.Extension(
            deadlines.Period(int(ext[0]), ext[1]), ext[2], datetime.fromisoformat(ext[3])
        )
    )
    return deadlines.DeadlineClock(datetime.fromisoformat(received), period, pauses, extension)


def add_case(db: Database, new: NewCase, actor: Actor, now: Now = system_now) -> tuple[CaseId, Changes]:
    """Log a difficulty: number it, start its deadline clock, route or resolve it on site."""
    roles.require(actor, "case.add")
    for field_name, value in (("onsite", new.onsite_answer), ("reason", new.route_reason)):
        refuse_rrn(value, field_name)
    problems: list[Problem] = []
    ref = reference.reference_data(db)
    received = new.received_at or now()
    text = collect(problems, lambda: _clean_text(new.text))
    field = collect(problems, lambda: reference.find_field(new.field, ref))
    kind = collect(problems, lambda: deadlines.case_kind(new.kind))
    agency = (
        collect(problems, lambda: reference.find_agency(new.agency, received.date(), ref))
        if new.agency
        else None
    )
    agency_id = agency.id if agency else ""
    if new.onsite_answer and agency_id:
        problems.append(
            Problem(
                "agency",
                "현장해결한 애로사항은 기관으로 배정하지 않습니다.",
                "A case resolved on site is not routed to an agency.",
            )
        )
    if problems:
        raise RejectedInput(problems)
    assert text is not None and field is not None and kind is not None
    consents = {reference.find_agency(a, received.date(), ref).id for a in new.consent_agencies}
    if agency_id and agency_id not in consents:
        raise reject(
            "consent",
            "기관에 배정하려면 그 기관에 대한 기업의 제3자 제공 동의가 필요합니다.",
            "Routing to an agency needs the firm's consent to share with that agency.",
        )
    case_id = CaseId(uuid7())
    cal = calendar.work_calendar(db)
    clock = deadlines.DeadlineClock(received, kind.period, (), None)
    with db.transaction():
        firm = firms.get_firm(db, new.firm_id)
        prefix = new.number_prefix or _default_prefix(db)
        number = next_number(db, received.year, prefix)
        onsite = bool(new.onsite_answer)
        stamp = iso(now())
        cur = db.execute(
            f"INSERT INTO cases ({CASE_COLUMNS}) VALUES "
            "(?,?,?,?,?,?,?,?,1,?,'',?,?,?,?,'','',NULL,NULL,?,?,?)",
            (
                case_id,
                number,
                firm.id,
                new.session_id,
                field.code,
                kind.code,
                text,
                "received",
                "",
                iso(received),
                iso(clock.due_at(cal) or received),
                _clock_json(clock),
                int(onsite),
                firm.name,
                stamp,
                stamp,
            ),
        )
        search.index_case(db, int(cur.lastrowid or 0), search.case_grams(text, number))
        _event(db, case_id, actor, "created", {"field": field.code, "kind": kind.code, "number": number}, now)
        for consent_agency in sorted(consents):
            _add_consent(db, case_id, firm.id, consent_agency, actor, now)
        if onsite:
            _event(db, case_id, actor, "note", {"text": nfc(new.onsite_answer).strip()}, now)
            _transition(db, case_id, "resolve_onsite", actor, now, result_code="onsite")
        elif agency_id:
            _transition(db, case_id, "assign", actor, now, agency_id=agency_id, reason=new.route_reason)
        audit.record(db, actor, "case.add", case_id, now=now)
    return case_id, Changes(cases=frozenset({case_id}), firms=frozenset({firm.id}))


def _default_prefix(db: Database) -> str:
    return str(db.scalar("SELECT value FROM meta WHERE key = 'number_prefix'") or "현장")


def _event(db: Database, case_id: str, actor: Actor, kind: str, payload: dict[str, object], now: Now) -> None:
    db.execute(
        "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
        (uuid7(), case_id, iso(now()), actor.name, kind, json.dumps(payload, ensure_ascii=False)),
    )


def _add_consent(db: Database, case_id: str, firm_id: str, agency_id: str, actor: Actor, now: Now) -> None:
    exists = db.scalar(
        "SELECT 1 FROM consents WHERE case_id = ? AND agency_id = ? AND revoked_at IS NULL",
        (case_id, agency_id),
    )
    if exists:
        return
    db.execute(
        "INSERT INTO consents (id, case_id, firm_id, agency_id, given_at, given_by) VALUES (?,?,?,?,?,?)",
        (uuid7(), case_id, firm_id, agency_id, iso(now()), actor.name),
    )
    _event(db, case_id, actor, "consent", {"agency": agency_id}, now)


def record_consent(db: Database, case_id: str, agency: str, actor: Actor, now: Now = system_now) -> Changes:
    """Record the firm's consent to give this case to ``agency`` (제3자 제공 동의)."""
    access.require_case(db, actor, case_id, "case.route")
    with db.transaction():
        case = get_case(db, case_id)
        agency_id = reference.find_agency(agency, now().date(), reference.reference_data(db)).id
        _add_consent(db, case_id, case.firm_id, agency_id, actor, now)
    return Changes(cases=frozenset({case_id}))


def has_consent(db: Database, case_id: str, agency_id: str) -> bool:
    return bool(
        db.scalar(
            "SELECT 1 FROM consents WHERE case_id = ? AND agency_id = ? AND revoked_at IS NULL",
            (case_id, agency_id),
        )
    )


def act(
    db: Database,
    case_id: str,
    action: str,
    actor: Actor,
    *,
    result_code: str = "",
    reason: str = "",
    agency: str = "",
    text: str = "",
    extension_days: int = 0,
    now: Now = system_now,
) -> Changes:
    """Run one workflow action (route, reply, close, reopen, …) on a case."""
    access.require_case(db, actor, case_id, roles.permission_for_action(action))
    for field_name, value in (("reason", reason), ("text", text)):
        refuse_rrn(value, field_name)
    with db.transaction():
        agency_id = ""
        if agency:
            agency_id = reference.find_agency(agency, now().date(), reference.reference_data(db)).id
        _transition(
            db,
            case_id,
            action,
            actor,
            now,
            result_code=result_code,
            reason=reason,
            agency_id=agency_id,
            text=text,
            extension_days=extension_days,
        )
    return Changes(cases=frozenset({case_id}))


def _transition(
    db: Database,
    case_id: str,
    action: str,
    actor: Actor,
    now: Now,
    *,
    result_code: str = "",
    reason: str = "",
    agency_id: str = "",
    text: str = "",
    extension_days: int = 0,
) -> None:
    row = _row(db, case_id)
    action_code = workflow.action(action).code
    if action_code in ("assign", "transfer"):
        if not agency_id:
            raise reject("agency", "배정/이송할 기관을 지정하세요.", "Name the agency to route to.")
        if not has_consent(db, case_id, agency_id):
            raise reject(
                "consent",
                "기관에 배정하려면 그 기관에 대한 기업의 제3자 제공 동의가 필요합니다.",
                "Routing to an agency needs the firm's consent to share with that agency.",
            )
    if action_code == "reply" and not nfc(text).strip():
        raise reject("text", "회신 내용을 입력하세요.", "Enter the reply text.")
    transition = workflow.apply(row["status"], action_code, result_code=result_code or None, reason=reason)
    moment = now()
    clock = clock_of(row)
    if transition.pauses_clock:
        clock = clock.pause(moment, reason or "보완 요구")
    if transition.resumes_clock:
        clock = clock.resume(moment)
    if action_code == "extend":
        if extension_days <= 0:
            raise reject("extension", "연장 기간(일)을 지정하세요.", "Give the extension in days.")
        clock = clock.extend(deadlines.Period(extension_days, "days"), reason, moment)
    is_open = workflow.is_open(transition.status)
    if action_code == "reopen":
        # A reopened case gets a fresh clock of its kind from the moment it is reopened.
        clock = deadlines.DeadlineClock(moment, deadlines.case_kind(row["kind"]).period, (), None)
    running = is_open and transition.status not in CLOCK_STOPPED
    due = clock.due_at(calendar.work_calendar(db)) if running else None
    updates: dict[str, object] = {
        "status": transition.status,
        "is_open": int(is_open),
        "clock": _clock_json(clock),
        "deadline_at": iso(due) if due else "",
        "updated_at": iso(moment),
        "closed_at": None if is_open else iso(moment),
    }
    if transition.result_code is not None:
        updates["result_code"] = transition.result_code
        updates["result_reason"] = reason
    if action_code == "reopen":
        updates["result_code"] = ""
        updates["result_reason"] = ""
    if action_code == "resolve_onsite":
        updates["onsite"] = 1
    if agency_id:
        updates["agency_id"] = agency_id
    db.execute(
        f"UPDATE cases SET {', '.join(f'{k} = :{k}' for k in updates)} WHERE id = :id",
        updates | {"id": case_id},
    )
    payload: dict[str, object] = {"action": action_code, "from": row["status"], "to": transition.status}
    for key, value in (
        ("result", transition.result_code),
        ("reason", reason),
        ("agency", agency_id),
        ("text", nfc(text).strip()),
        ("days", extension_days),
    ):
        if value:
            payload[key] = value
    _event(db, case_id, actor, "status", payload, now)


def set_fields(
    db: Database, case_id: str, changes: dict[str, str], actor: Actor, now: Now = system_now
) -> Changes:
    """Edit case fields; each change is a timeline event (old → new)."""
    access.require_case(db, actor, case_id, "case.assign" if set(changes) == {"assignee"} else "case.edit")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise reject(
            "case",
            f"수정할 수 없는 항목: {', '.join(sorted(unknown))}",
            f"Not editable: {', '.join(sorted(unknown))}",
        )
    with db.transaction():
        row = _row(db, case_id)
        ref = reference.reference_data(db)
        values: dict[str, object] = {}
        for key, value in changes.items():
            if key == "text":
                values[key] = _clean_text(value)
            elif key == "field_code":
                values[key] = reference.find_field(value, ref).code
            elif key == "kind":
                values[key] = deadlines.case_kind(value).code
            else:
                values[key] = nfc(value).strip()
        values = {k: v for k, v in values.items() if v != row[k]}
        if not values:
            return Changes()
        if "kind" in values and row["is_open"] and row["status"] not in CLOCK_STOPPED:
            clock = clock_of(row)
            clock = deadlines.DeadlineClock(
                clock.received_at,
                deadlines.case_kind(str(values["kind"])).period,
                clock.pauses,
                clock.extension,
            )
            due = clock.due_at(calendar.work_calendar(db))
            values["clock"] = _clock_json(clock)
            values["deadline_at"] = iso(due) if due else ""
        values["updated_at"] = iso(now())
        db.execute(
            f"UPDATE cases SET {', '.join(f'{k} = :{k}' for k in values)} WHERE id = :id",
            values | {"id": case_id},
        )
        if "text" in values:
            rowid = int(db.scalar("SELECT rowid FROM cases WHERE id = ?", (case_id,)))
            search.index_case(
                db,
                rowid,
                search.case_grams(str(values["text"]), row["number"]),
                search.case_grams(row["text"], row["number"]),
            )
        for key in EDITABLE:
            if key in values:
                _event(db, case_id, actor, "edit", {"field": key, "old": row[key], "new": values[key]}, now)
    return Changes(cases=frozenset({case_id}))


def assign_to(db: Database, case_id: str, person: str, actor: Actor, now: Now = system_now) -> Changes:
    """Give a case to a person at its agency; a case waiting as "assigned" then starts."""
    access.require_case(db, actor, case_id, "case.assign")
    with db.transaction():
        changes = set_fields(db, case_id, {"assignee": person}, actor, now)
        if get_case(db, case_id).status == "assigned":
            changes |= act(db, case_id, "start", actor, now=now)
    return changes | Changes(cases=frozenset({case_id}))


def add_note(db: Database, case_id: str, text: str, actor: Actor, now: Now = system_now) -> Changes:
    access.require_case(db, actor, case_id, "case.note")
    with db.transaction():
        _row(db, case_id)
        _event(db, case_id, actor, "note", {"text": _clean_text(text, "note")}, now)
    return Changes(cases=frozenset({case_id}))


def _row(db: Database, case_id: str) -> driver.Row:
    row = db.one(f"SELECT {CASE_COLUMNS} FROM cases WHERE id = ? OR number = ?", (case_id, case_id))
    if row is None:
        raise reject("case", f"사례를 찾을 수 없습니다: {case_id}", f"No such case: {case_id}")
    return row


def row_to_case(row: driver.Row) -> Case:
    return Case(
        id=CaseId(row["id"]),
        number=row["number"],
        firm_id=FirmId(row["firm_id"]),
        field_code=row["field_code"],
        kind=row["kind"],
        text=row["text"],
        status=row["status"],
        received_at=datetime.fromisoformat(row["received_at"]),
        session_id=row["session_id"],
        agency_id=row["agency_id"],
        deadline_at=datetime.fromisoformat(row["deadline_at"]) if row["deadline_at"] else None,
        result_code=row["result_code"],
        result_reason=row["result_reason"],
        assignee=row["assignee"],
        onsite=bool(row["onsite"]),
        satisfaction=row["satisfaction"],
        closed_at=datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        firm_name=row["firm_name"],
    )


def get_case(db: Database, case_id: str) -> Case:
    """A case by id or by its human number."""
    return row_to_case(_row(db, case_id))


def case_clock(db: Database, case_id: str) -> deadlines.DeadlineClock:
    return clock_of(_row(db, case_id))


def timeline(db: Database, case_id: str) -> list[CaseEvent]:
    rows = db.all(
        "SELECT id, case_id, at, actor, kind, payload FROM case_events WHERE case_id = ? ORDER BY at, rowid",
        (get_case(db, case_id).id,),
    )
    return [
        CaseEvent(
            EventId(r["id"]),
            CaseId(r["case_id"]),
            datetime.fromisoformat(r["at"]),
            r["actor"],
            r["kind"],
            json.loads(r["payload"]),
        )
        for r in rows
    ]


def consents(db: Database, case_id: str) -> list[Consent]:
    rows = db.all(
        "SELECT id, case_id, firm_id, agency_id, given_at, given_by, scope FROM consents "
        "WHERE case_id = ? AND revoked_at IS NULL ORDER BY given_at",
        (case_id,),
    )
    return [
        Consent(
            r["id"],
            CaseId(r["case_id"]),
            FirmId(r["firm_id"]),
            r["agency_id"],
            datetime.fromisoformat(r["given_at"]),
            r["given_by"],
            r["scope"],
        )
        for r in rows
    ]


def days_open(case: Case, today: date) -> int:
    end = case.closed_at.date() if case.closed_at else today
    return (end - case.received_at.date()).days
