"""Support programs in the store: the catalog (CSV, spreadsheet), firm profiles, matches, attachments.

The catalog is local reference data like clusters. A program attached to a case is a
``program`` case event (``{"action": "attach" | "detach", "program": id, ...}``) so it syncs
with the case and shows in its timeline; :func:`attached` folds those events.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.core import coord_tables, routing
from desktop.core.errors import reject
from desktop.core.hangul import nfc
from desktop.core.programs import ANY, FirmProfile, Program, ProgramMatch, match_programs
from desktop.core.records import Actor, Changes, Firm
from desktop.core.uuid7 import uuid7
from desktop.resources import reference_dir
from desktop.store import audit, cases, cluster_firms, driver, firms, reference
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database
from desktop.store.opening import get_meta

EVENT_KIND = "program"
CSV_SOURCE = coord_tables.PROGRAMS_CSV
_META_KEY = "coord_ref:programs"
_READY_KEY = "coord_programs_ready"


@dataclass(frozen=True, slots=True)
class CatalogImport:
    """What a catalog import did: programs added, updated, and deactivated (not in the file)."""

    added: int
    updated: int
    deactivated: int


@dataclass(frozen=True, slots=True)
class AttachedProgram:
    """A program attached to a case (from its ``program`` events)."""

    program_id: str
    name: str
    agency_id: str
    at: datetime
    by: str
    note: str


# --- catalog --------------------------------------------------------------------------------------


def _join(values: Sequence[str]) -> str:
    return ";".join(values)


def _parts(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split(";") if p)


def _write(db: Database, items: Sequence[Program], source: str, stamp: str) -> tuple[int, int]:
    added = updated = 0
    for p in items:
        exists = db.scalar("SELECT 1 FROM programs WHERE id = ?", (p.id,))
        added += not exists
        updated += bool(exists)
        db.execute(
            "INSERT OR REPLACE INTO programs (id, name, agency_id, field_code, track, regions, sizes, ksic, "
            "min_years, max_years, apply_from, apply_to, contact, summary, keywords, source, active, "
            "updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
            (
                p.id,
                p.name,
                p.agency_id,
                p.field_code,
                p.track,
                _join(p.regions),
                _join(p.sizes),
                _join(p.ksic),
                p.min_years,
                p.max_years,
                p.apply_from.isoformat() if p.apply_from else "",
                p.apply_to.isoformat() if p.apply_to else "",
                p.contact,
                p.summary,
                _join(p.keywords),
                source,
                stamp,
            ),
        )
    return added, updated


def ensure_programs(db: Database, folder: Path | None = None, now: Now = system_now) -> bool:
    """Load programs.csv when it changed since last loaded; programs it no longer lists are deactivated.

    Programs imported from a spreadsheet are not touched. A read-only store is left alone.

    Raises:
        RejectedInput: the CSV is invalid (nothing is changed).
    """
    if db.readonly:
        return False
    path = (folder or reference_dir()) / CSV_SOURCE
    digest = coord_tables.fingerprint([path])
    if get_meta(db, _META_KEY) == digest:
        return False
    items = coord_tables.load_programs(path, reference.reference_data(db), now().date())
    with db.transaction():
        _write(db, items, CSV_SOURCE, iso(now()))
        ids = [p.id for p in items]
        db.execute(
            f"UPDATE programs SET active = 0 WHERE source = ? AND id NOT IN ({', '.join('?' * len(ids))})",
            [CSV_SOURCE, *ids],
        )
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (_META_KEY, digest),
        )
    return True


def _ready(db: Database) -> None:
    if not db.cache.get(_READY_KEY):
        ensure_programs(db)
        db.cache[_READY_KEY] = True


def import_catalog(
    db: Database,
    items: Sequence[Program],
    source: str,
    actor: Actor,
    *,
    replace: bool = True,
    now: Now = system_now,
) -> CatalogImport:
    """Store checked programs in one transaction (same id = updated).

    With ``replace`` (the default: the spreadsheet is the catalog), active programs the
    file does not list are deactivated — never deleted, attachments keep their names.
    """
    _ready(db)
    with db.transaction():
        added, updated = _write(db, items, source, iso(now()))
        deactivated = 0
        if replace:
            ids = [p.id for p in items]
            marks = ", ".join("?" * len(ids))
            cur = db.execute(f"UPDATE programs SET active = 0 WHERE active = 1 AND id NOT IN ({marks})", ids)
            deactivated = cur.rowcount
        audit.record(
            db,
            actor,
            "programs.import",
            source,
            detail=f"added={added} updated={updated} deactivated={deactivated}",
            now=now,
        )
    return CatalogImport(added, updated, deactivated)


def _program(row: driver.Row) -> Program:
    return Program(
        id=row["id"],
        name=row["name"],
        agency_id=row["agency_id"],
        field_code=row["field_code"],
        track=row["track"],
        regions=_parts(row["regions"]) or (ANY,),
        sizes=_parts(row["sizes"]) or (ANY,),
        ksic=_parts(row["ksic"]) or (ANY,),
        min_years=row["min_years"],
        max_years=row["max_years"],
        apply_from=date.fromisoformat(row["apply_from"]) if row["apply_from"] else None,
        apply_to=date.fromisoformat(row["apply_to"]) if row["apply_to"] else None,
        contact=row["contact"],
        summary=row["summary"],
        keywords=_parts(row["keywords"]),
        active=bool(row["active"]),
    )


def list_programs(db: Database, *, active_only: bool = True) -> list[Program]:
    """The catalog, by field then name."""
    _ready(db)
    where = "WHERE active = 1" if active_only else ""
    return [_program(r) for r in db.all(f"SELECT * FROM programs {where} ORDER BY field_code, name")]


def get_program(db: Database, program_id: str) -> Program:
    """A program by id (active or not) or by exact name among the active ones.

    Raises:
        RejectedInput: field ``program`` when unknown.
    """
    _ready(db)
    row = db.one("SELECT * FROM programs WHERE id = ?", (program_id,)) or db.one(
        "SELECT * FROM programs WHERE name = ? AND active = 1", (nfc(program_id).strip(),)
    )
    if row is None:
        raise reject(
            "program", f"지원사업을 찾을 수 없습니다: '{program_id}'", f"No such program: '{program_id}'"
        )
    return _program(row)


# --- firm profiles --------------------------------------------------------------------------------


def founded_on(db: Database, firm_id: str) -> date | None:
    value = db.scalar("SELECT founded_on FROM firm_profiles WHERE firm_id = ?", (firm_id,))
    return date.fromisoformat(value) if value else None


def set_founded_on(
    db: Database, firm_id: str, day: date | None, actor: Actor, now: Now = system_now
) -> Changes:
    """Record when a firm was founded (years in business), or forget it (None).

    Raises:
        RejectedInput: a founding day in the future or before 1900.
    """
    firm = firms.get_firm(db, firm_id)
    if day is not None and not date(1900, 1, 1) <= day <= now().date():
        raise reject("founded_on", "설립일이 범위를 벗어났습니다.", "The founding date is out of range.")
    with db.transaction():
        db.execute(
            "INSERT INTO firm_profiles (firm_id, founded_on, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (firm_id) DO UPDATE SET founded_on = excluded.founded_on, "
            "updated_at = excluded.updated_at",
            (firm.id, day.isoformat() if day else "", iso(now())),
        )
        audit.record(db, actor, "firm.founded_on", firm.id, detail=day.isoformat() if day else "", now=now)
    return Changes(firms=frozenset({firm.id}))


def firm_profile(db: Database, firm: Firm, on: date | None = None) -> FirmProfile:
    """What eligibility knows of a firm: card, founding day, its cluster's latest crisis level."""
    _, rating = cluster_firms.firm_level(db, firm, on)
    return FirmProfile(
        region_code=firm.region_code,
        size=firm.size,
        ksic=firm.ksic,
        founded_on=founded_on(db, firm.id),
        cluster_level=rating.level.code if rating is not None else "",
    )


# --- matching and attachments ---------------------------------------------------------------------


def matches_for_case(
    db: Database,
    case_id: str,
    *,
    on: date | None = None,
    include_ineligible: bool = False,
    include_unrelated: bool = False,
) -> tuple[ProgramMatch, ...]:
    """Programs for a case's firm and difficulty, best first (offline: catalog in the store)."""
    case = cases.get_case(db, case_id)
    firm = firms.get_firm(db, case.firm_id)
    day = on or date.today()
    ref = reference.reference_data(db)
    return match_programs(
        list_programs(db),
        firm_profile(db, firm, day),
        case.field_code,
        case.text,
        day,
        resolve=lambda code, when: routing.current_region_code(code, when, ref),
        include_ineligible=include_ineligible,
        include_unrelated=include_unrelated,
    )


def _event(db: Database, case_id: str, actor: Actor, payload: dict[str, object], now: Now) -> None:
    db.execute(
        "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
        (uuid7(), case_id, iso(now()), actor.name, EVENT_KIND, json.dumps(payload, ensure_ascii=False)),
    )


def attached(db: Database, case_id: str) -> list[AttachedProgram]:
    """Programs attached to a case and not detached since, in attachment order."""
    case = cases.get_case(db, case_id)
    current: dict[str, AttachedProgram] = {}
    for r in db.all(
        "SELECT at, actor, payload FROM case_events WHERE case_id = ? AND kind = ? ORDER BY at, rowid",
        (case.id, EVENT_KIND),
    ):
        payload = json.loads(r["payload"])
        program_id = str(payload.get("program", ""))
        if payload.get("action") == "attach":
            current[program_id] = AttachedProgram(
                program_id,
                str(payload.get("name", "")),
                str(payload.get("agency", "")),
                datetime.fromisoformat(r["at"]),
                r["actor"],
                str(payload.get("note", "")),
            )
        elif payload.get("action") == "detach":
            current.pop(program_id, None)
    return list(current.values())


def attach(
    db: Database, case_id: str, program_id: str, actor: Actor, *, note: str = "", now: Now = system_now
) -> Changes:
    """Attach a catalog program to a case (recorded as a synced case event).

    Raises:
        RejectedInput: unknown case or program, or the program is already attached.
    """
    with db.transaction():
        case = cases.get_case(db, case_id)
        program = get_program(db, program_id)
        if any(a.program_id == program.id for a in attached(db, case.id)):
            raise reject(
                "program",
                f"이미 연결된 지원사업입니다: {program.name}",
                f"The program is already attached: {program.name}",
            )
        payload: dict[str, object] = {
            "action": "attach",
            "program": program.id,
            "name": program.name,
            "agency": program.agency_id,
        }
        if note.strip():
            payload["note"] = nfc(note).strip()
        _event(db, case.id, actor, payload, now)
    return Changes(cases=frozenset({case.id}))


def detach(
    db: Database, case_id: str, program_id: str, actor: Actor, *, reason: str = "", now: Now = system_now
) -> Changes:
    """Take an attached program off a case (the attachment stays in the timeline).

    Raises:
        RejectedInput: the program is not attached to the case.
    """
    with db.transaction():
        case = cases.get_case(db, case_id)
        current = [a for a in attached(db, case.id) if a.program_id == program_id]
        if not current:
            raise reject(
                "program", f"연결되지 않은 지원사업입니다: {program_id}", f"Not attached: {program_id}"
            )
        payload: dict[str, object] = {"action": "detach", "program": program_id, "name": current[0].name}
        if reason.strip():
            payload["reason"] = nfc(reason).strip()
        _event(db, case.id, actor, payload, now)
    return Changes(cases=frozenset({case.id}))
