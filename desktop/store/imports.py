"""Spreadsheet imports: all rows in one transaction, firms matched by BRN, fingerprints against re-imports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from desktop.core import roles
from desktop.core.errors import Problem, RejectedInput
from desktop.core.records import Actor, Changes
from desktop.core.uuid7 import uuid7
from desktop.store import audit, cases, firms
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One validated spreadsheet row ready to be stored.

    Attributes:
        fingerprint: sha256 of (BRN, date, normalised text); a row already stored is skipped.
        sheet, row_number: where the row came from (for messages and the import log).
        firm: the firm as the sheet gives it; used only when no firm has this BRN yet.
        case: the case; its ``firm_id`` is filled in here.
    """

    fingerprint: str
    sheet: str
    row_number: int
    firm: firms.NewFirm
    case: cases.NewCase


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    batch_id: str
    case_ids: tuple[str, ...]
    firms_created: int
    skipped_existing: int
    changes: Changes


def known_fingerprints(db: Database, fingerprints: Iterable[str]) -> set[str]:
    """Those of ``fingerprints`` that an earlier import stored."""
    wanted = list(dict.fromkeys(fingerprints))
    found: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            r[0] for r in db.all(f"SELECT fingerprint FROM import_rows WHERE fingerprint IN ({marks})", chunk)
        )
    return found


def apply_import(
    db: Database,
    rows: Sequence[ImportedRow],
    actor: Actor,
    *,
    file_name: str,
    file_sha256: str,
    session_id: str | None = None,
    source: str = "",
    skipped: int = 0,
    progress: Callable[[int, int], None] | None = None,
    now: Now = system_now,
) -> ImportOutcome:
    """Store all rows or none: one transaction; any failure rolls everything back.

    Rows whose fingerprint is already stored (checked again inside the transaction) are
    skipped and counted. New BRNs get a firm (created once per BRN).

    Raises:
        RejectedInput: a row the store refuses, named by ``source`` (file:sheet) and row number.
    """
    roles.require(actor, "import")
    batch_id = uuid7()
    case_ids: list[str] = []
    firm_ids: dict[str, str] = {}
    created = 0
    with db.transaction():
        db.execute(
            "INSERT INTO import_batches (id, file_name, file_sha256, session_id, imported_at, actor) "
            "VALUES (?,?,?,?,?,?)",
            (batch_id, file_name, file_sha256, session_id, iso(now()), actor.name),
        )
        existing = known_fingerprints(db, (r.fingerprint for r in rows))
        for done, row in enumerate(rows, 1):
            if row.fingerprint in existing:
                continue
            try:
                firm_id = firm_ids.get(row.firm.brn)
                if firm_id is None:
                    found = firms.firms_by_brn(db, row.firm.brn)
                    if found:
                        firm_id = found[0].id
                    else:
                        firm_id, _ = firms.add_firm(db, row.firm, actor, now=now)
                        created += 1
                    firm_ids[row.firm.brn] = firm_id
                case_id, _ = cases.add_case(db, replace(row.case, firm_id=firm_id), actor, now=now)
            except RejectedInput as exc:
                raise RejectedInput(
                    [
                        Problem(
                            p.field,
                            p.ko,
                            p.en,
                            p.source or f"{source}:{row.sheet}".lstrip(":"),
                            p.row if p.row is not None else row.row_number,
                        )
                        for p in exc.problems
                    ]
                ) from exc
            db.execute(
                "INSERT INTO import_rows (fingerprint, batch_id, case_id, sheet, row_number) "
                "VALUES (?,?,?,?,?)",
                (row.fingerprint, batch_id, case_id, row.sheet, row.row_number),
            )
            existing.add(row.fingerprint)
            case_ids.append(case_id)
            if progress is not None and done % 100 == 0:
                progress(done, len(rows))
        skipped_existing = len(rows) - len(case_ids)
        db.execute(
            "UPDATE import_batches SET rows_added = ?, rows_skipped = ? WHERE id = ?",
            (len(case_ids), skipped_existing + skipped, batch_id),
        )
        audit.record(
            db,
            actor,
            "import.excel",
            batch_id,
            detail=f"{file_name}: {len(case_ids)} added, {skipped_existing + skipped} skipped",
            now=now,
        )
    if progress is not None:
        progress(len(rows), len(rows))
    return ImportOutcome(
        batch_id,
        tuple(case_ids),
        created,
        skipped_existing,
        Changes(firms=frozenset(firm_ids.values()), cases=frozenset(case_ids)),
    )


def batch_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM import_batches") or 0)
