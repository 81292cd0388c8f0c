"""Firms: registering, editing, finding by BRN, name substring or 초성."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop.core import ids, roles
from desktop.core.errors import Problem, RejectedInput, collect, reject
from desktop.core.hangul import nfc
from desktop.core.records import FIRM_SIZES, Actor, Changes, Firm, FirmId
from desktop.core.uuid7 import uuid7
from desktop.store import audit, driver, search
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

FIRM_COLUMNS = (
    "id, brn, name, region_code, size, ksic, corp_no, representative, phone, email, address, created_at"
)
EDITABLE = (
    "brn",
    "name",
    "region_code",
    "size",
    "ksic",
    "corp_no",
    "representative",
    "phone",
    "email",
    "address",
)


@dataclass(frozen=True, slots=True)
class NewFirm:
    """What a consultant types to register a firm; validated by :func:`validate_firm`."""

    brn: str
    name: str
    region_code: str = ""
    size: str = ""
    ksic: str = ""
    corp_no: str = ""
    representative: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


def validate_firm(new: NewFirm) -> NewFirm:
    """Normalise and check every field; all problems are reported together."""
    problems: list[Problem] = []
    values: dict[str, str] = {}

    def check(name: str, fn: Callable[[], str]) -> None:
        values[name] = collect(problems, fn) or ""

    check("brn", lambda: ids.validate_brn(new.brn, field="brn"))
    name = nfc(new.name).strip()
    if not name:
        problems.append(Problem("name", "기업명을 입력하세요.", "Enter the firm name."))
    values["name"] = name
    check(
        "corp_no", lambda: ids.validate_corp_no(new.corp_no, field="corp_no") if new.corp_no.strip() else ""
    )
    check("phone", lambda: ids.normalize_phone(new.phone, field="phone") if new.phone.strip() else "")
    if new.size and new.size not in FIRM_SIZES:
        problems.append(
            Problem(
                "size",
                f"기업 규모는 {', '.join(FIRM_SIZES)} 중 하나입니다.",
                f"Firm size must be one of {', '.join(FIRM_SIZES)}.",
            )
        )
    ksic = new.ksic.strip().upper()
    if ksic and not (ksic[:1].isalpha() and (len(ksic) == 1 or ksic[1:].isdigit())) and not ksic.isdigit():
        problems.append(
            Problem(
                "ksic",
                "KSIC 코드는 대분류 문자(A–U) 또는 숫자 코드입니다.",
                "A KSIC code is a section letter (A–U) or a numeric code.",
            )
        )
    for field_name in ("name", "representative", "address", "email"):
        try:
            ids.refuse_rrn(getattr(new, field_name), field_name)
        except RejectedInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise RejectedInput(problems)
    return replace(
        new,
        brn=values["brn"],
        name=values["name"],
        corp_no=values["corp_no"],
        phone=values["phone"],
        ksic=ksic,
        representative=nfc(new.representative).strip(),
        email=new.email.strip(),
        address=nfc(new.address).strip(),
    )


def add_firm(db: Database, new: NewFirm, actor: Actor, now: Now = system_now) -> tuple[FirmId, Changes]:
    """Register a firm. The same BRN may exist already (another laptop): not an error."""
    roles.require(actor, "firm.add")
    firm = validate_firm(new)
    firm_id = FirmId(uuid7())
    stamp = iso(now())
    with db.transaction():
        cur = db.execute(
            "INSERT INTO firms (id, brn, name, region_code, size, ksic, corp_no, representative, phone, "
            "email, address, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                firm_id,
                firm.brn,
                firm.name,
                firm.region_code,
                firm.size,
                firm.ksic,
                firm.corp_no,
                firm.representative,
                firm.phone,
                firm.email,
                firm.address,
                stamp,
                stamp,
            ),
        )
        search.index_firm(db, int(cur.lastrowid or 0), search.firm_grams(firm.name, firm.brn))
        audit.record(db, actor, "firm.add", firm_id, now=now)
    return firm_id, Changes(firms=frozenset({firm_id}))


def update_firm(
    db: Database, firm_id: str, changes: dict[str, str], actor: Actor, now: Now = system_now
) -> Changes:
    """Edit firm fields; the firm name shown on its cases follows."""
    roles.require(actor, "firm.edit")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise reject(
            "firm",
            f"수정할 수 없는 항목: {', '.join(sorted(unknown))}",
            f"Not editable: {', '.join(sorted(unknown))}",
        )
    with db.transaction():
        current = get_firm(db, firm_id)
        merged = validate_firm(NewFirm(**{k: getattr(current, k) for k in EDITABLE} | changes))
        rowid = db.scalar("SELECT rowid FROM firms WHERE id = ?", (firm_id,))
        sets = {k: getattr(merged, k) for k in EDITABLE}
        db.execute(
            f"UPDATE firms SET {', '.join(f'{k} = :{k}' for k in sets)}, updated_at = :now WHERE id = :id",
            sets | {"now": iso(now()), "id": firm_id},
        )
        search.index_firm(
            db,
            int(rowid),
            search.firm_grams(merged.name, merged.brn),
            search.firm_grams(current.name, current.brn),
        )
        if merged.name != current.name:
            db.execute("UPDATE cases SET firm_name = ? WHERE firm_id = ?", (merged.name, firm_id))
        audit.record(db, actor, "firm.update", firm_id, detail=",".join(sorted(changes)), now=now)
    return Changes(firms=frozenset({firm_id}))


def row_to_firm(row: driver.Row) -> Firm:
    return Firm(
        id=FirmId(row["id"]),
        brn=row["brn"],
        name=row["name"],
        region_code=row["region_code"],
        size=row["size"],
        ksic=row["ksic"],
        corp_no=row["corp_no"],
        representative=row["representative"],
        phone=row["phone"],
        email=row["email"],
        address=row["address"],
        created_at=row["created_at"],
    )


def get_firm(db: Database, firm_id: str) -> Firm:
    row = db.one(f"SELECT {FIRM_COLUMNS} FROM firms WHERE id = ?", (firm_id,))
    if row is None:
        raise reject("firm", f"기업을 찾을 수 없습니다: {firm_id}", f"No such firm: {firm_id}")
    return row_to_firm(row)


def firms_by_brn(db: Database, brn: str) -> list[Firm]:
    rows = db.all(f"SELECT {FIRM_COLUMNS} FROM firms WHERE brn = ? AND deleted = 0 ORDER BY rowid", (brn,))
    return [row_to_firm(r) for r in rows]


def find_firms(db: Database, query: str, limit: int = 50) -> list[Firm]:
    """Firms whose BRN, name (any substring, even one syllable) or 초성 matches.

    Best matches first: exact BRN, exact name, name prefix, then the rest by age.
    """
    normalised = search.normalise_query(query)
    if not normalised:
        return []
    expression = search.match_expression(normalised)
    if expression is None:
        return []
    # Fetch a few more than asked so ranking can lift exact hits above older partial ones.
    rows = db.all(
        f"SELECT {FIRM_COLUMNS} FROM firms WHERE rowid IN ({search.firm_rowids_sql()} "
        "ORDER BY rowid LIMIT :n) AND deleted = 0",
        {"q": expression, "n": max(limit * 4, 200)},
    )
    # Exact BRN and name-prefix hits may be younger than the first partial hits: add them.
    rows += db.all(
        f"SELECT {FIRM_COLUMNS} FROM firms WHERE deleted = 0 AND (brn = :q OR "
        "(name >= :q AND name < :q || char(1114111))) LIMIT :n",
        {"q": normalised, "n": limit},
    )
    firms = list({r["id"]: row_to_firm(r) for r in rows}.values())

    def rank(firm: Firm) -> tuple[int, str]:
        if firm.brn == normalised:
            return (0, firm.created_at)
        if firm.name == normalised:
            return (1, firm.created_at)
        if firm.name.startswith(normalised):
            return (2, firm.created_at)
        return (3, firm.created_at)

    return sorted(firms, key=rank)[:limit]


def count_firms(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM firms WHERE deleted = 0") or 0)
