"""Reference tables (fields, agencies, regions, routing rules, holidays) loaded from CSV files.

The CSVs under ``resources/reference/`` are the source of truth a manager may replace;
the store reloads them when their content changes and keeps them as dated rows.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from desktop.core import reference_csv, routing
from desktop.core.records import Agency, AgencyId, Changes, Field, FieldCode, Region, RegionCode, RoutingRule
from desktop.core.reference_csv import ReferenceData
from desktop.resources import reference_dir
from desktop.store.clock import iso, system_now
from desktop.store.db import Database

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"
HOLIDAY_YEARS = range(2020, 2036)
FILES = ("fields.csv", "agencies.csv", "regions.csv", "routing_rules.csv", "holidays_override.csv")
_CACHE_KEY = "reference"

find_field = routing.find_field
find_agency = routing.find_agency
find_region = routing.find_region


def _fingerprint(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}


def _start(day: date | None) -> str:
    return day.isoformat() if day else OPEN_START


def _end(day: date | None) -> str:
    return day.isoformat() if day else OPEN_END


def _day(text: str, open_value: str) -> date | None:
    return None if text == open_value else date.fromisoformat(text)


def load_reference_files(db: Database, folder: Path | None = None) -> Changes:
    """Replace all reference tables with the CSVs in ``folder``: all files or nothing.

    Raises RejectedInput (naming file, row and column of every problem) before touching
    the database if any file is invalid.
    """
    # The holidays package takes a tenth of a second to import; only reloads need it.
    from desktop.core import holidays_kr

    folder = folder or reference_dir()
    data = reference_csv.load_reference(folder)
    holidays = holidays_kr.public_holidays(HOLIDAY_YEARS, data.holiday_overrides)
    override_days = {o.date for o in data.holiday_overrides}
    with db.transaction():
        for table in ("fields", "agencies", "regions", "routing_rules", "holidays", "reference_files"):
            db.execute(f"DELETE FROM {table}")
        db.executemany(
            "INSERT INTO fields (code, name_ko, name_en, keywords, sort_order) VALUES (?,?,?,?,?)",
            [(f.code, f.name_ko, f.name_en, ";".join(f.keywords), f.sort_order) for f in data.fields],
        )
        db.executemany(
            "INSERT INTO agencies (id, name_ko, name_en, short_name, phone, kind, region_code, valid_from, "
            "valid_to, former_names, successor_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.id,
                    a.name_ko,
                    a.name_en,
                    a.short_name,
                    a.phone,
                    a.kind,
                    a.region_code,
                    _start(a.valid_from),
                    _end(a.valid_to),
                    ";".join(a.former_names),
                    a.successor_id,
                )
                for a in data.agencies
            ],
        )
        db.executemany(
            "INSERT INTO regions (code, name_ko, name_en, short_name, valid_from, valid_to, successor_code) "
            "VALUES (?,?,?,?,?,?,?)",
            [
                (
                    r.code,
                    r.name_ko,
                    r.name_en,
                    r.short_name,
                    _start(r.valid_from),
                    _end(r.valid_to),
                    r.successor_code,
                )
                for r in data.regions
            ],
        )
        db.executemany(
            "INSERT INTO routing_rules (field_code, region_code, firm_size, agency_id, priority, valid_from, "
            "valid_to, note) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    r.field_code,
                    r.region_code,
                    r.firm_size,
                    r.agency_id,
                    r.priority,
                    _start(r.valid_from),
                    _end(r.valid_to),
                    r.note,
                )
                for r in data.routing_rules
            ],
        )
        db.executemany(
            "INSERT INTO holidays (day, name, source) VALUES (?,?,?)",
            [
                (d.isoformat(), name, "override" if d in override_days else "holidays.KR")
                for d, name in sorted(holidays.items())
            ],
        )
        stamp = iso(system_now())
        db.executemany(
            "INSERT INTO reference_files (name, sha256, loaded_at) VALUES (?,?,?)",
            [(name, digest, stamp) for name, digest in _fingerprint(folder).items()],
        )
    db.forget_cached()
    return Changes(reference=True)


def ensure_reference(db: Database, folder: Path | None = None) -> bool:
    """Load the reference CSVs if the tables are empty or the files changed since; True if loaded."""
    folder = folder or reference_dir()
    stored = {r["name"]: r["sha256"] for r in db.all("SELECT name, sha256 FROM reference_files")}
    if stored == _fingerprint(folder):
        return False
    load_reference_files(db, folder)
    return True


def reference_data(db: Database) -> ReferenceData:
    """The reference tables as records (cached on the connection until reloaded)."""
    cached = db.cache.get(_CACHE_KEY)
    if isinstance(cached, ReferenceData):
        return cached
    fields = tuple(
        Field(
            FieldCode(r["code"]),
            r["name_ko"],
            r["name_en"],
            tuple(k for k in r["keywords"].split(";") if k),
            r["sort_order"],
        )
        for r in db.all("SELECT * FROM fields ORDER BY sort_order, code")
    )
    agencies = tuple(
        Agency(
            AgencyId(r["id"]),
            r["name_ko"],
            r["name_en"],
            r["short_name"],
            r["phone"],
            r["kind"],
            r["region_code"],
            _day(r["valid_from"], OPEN_START),
            _day(r["valid_to"], OPEN_END),
            tuple(n for n in r["former_names"].split(";") if n),
            r["successor_id"],
        )
        for r in db.all("SELECT * FROM agencies ORDER BY id, valid_from")
    )
    regions = tuple(
        Region(
            RegionCode(r["code"]),
            r["name_ko"],
            r["name_en"],
            r["short_name"],
            _day(r["valid_from"], OPEN_START),
            _day(r["valid_to"], OPEN_END),
            r["successor_code"],
        )
        for r in db.all("SELECT * FROM regions ORDER BY code, valid_from")
    )
    rules = tuple(
        RoutingRule(
            r["field_code"],
            r["region_code"],
            r["firm_size"],
            r["agency_id"],
            r["priority"],
            _day(r["valid_from"], OPEN_START),
            _day(r["valid_to"], OPEN_END),
            r["note"],
        )
        for r in db.all("SELECT * FROM routing_rules ORDER BY id")
    )
    data = ReferenceData(
        fields=fields, agencies=agencies, regions=regions, routing_rules=rules, holiday_overrides=()
    )
    db.cache[_CACHE_KEY] = data
    return data


def holidays(db: Database) -> dict[date, str]:
    return {date.fromisoformat(r["day"]): r["name"] for r in db.all("SELECT day, name FROM holidays")}
