"""Import storage (schema v2): one transaction for all rows, firms by BRN, fingerprints against re-imports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.ids import brn_check_digit
from desktop.core.records import Actor
from desktop.store import audit, cases, firms, imports, queries
from desktop.store.db import Database
from desktop.store.schema import migrate

RECEIVED = datetime(2024, 5, 3, 9, 0)


def _brn(first9: str) -> str:
    return first9 + str(brn_check_digit(first9))


def row(n: int, brn: str, text: str, field: str = "F01") -> imports.ImportedRow:
    return imports.ImportedRow(
        fingerprint=f"fp-{n}",
        sheet="시트1",
        row_number=n + 1,
        firm=firms.NewFirm(brn=brn, name=f"기업{brn[-3:]}"),
        case=cases.NewCase(firm_id="", field=field, text=text, received_at=RECEIVED),
    )


def _counts(db: Database) -> tuple[int, int, int]:
    return (queries.count_cases(db, queries.CaseFilter()), firms.count_firms(db), imports.batch_count(db))


def test_migration_adds_the_import_tables(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    migrate(db)
    tables = {r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"import_batches", "import_rows"} <= tables
    columns = {r[1] for r in db.all("PRAGMA table_info(import_rows)")}
    assert columns == {"fingerprint", "batch_id", "case_id", "sheet", "row_number"}


def test_rows_become_cases_and_firms_once_per_brn(db: Database, actor: Actor) -> None:
    a, b = _brn("012345678"), _brn("124810099")
    rows = [row(1, a, "법인세 문의"), row(2, a, "부가세 환급 문의"), row(3, b, "수출 바우처 문의", "F06")]
    outcome = imports.apply_import(db, rows, actor, file_name="log.xlsx", file_sha256="abc")
    assert len(outcome.case_ids) == 3 and outcome.firms_created == 2 and outcome.skipped_existing == 0
    assert len(firms.firms_by_brn(db, a)) == 1
    assert imports.known_fingerprints(db, ["fp-1", "fp-2", "fp-9"]) == {"fp-1", "fp-2"}
    assert cases.get_case(db, outcome.case_ids[2]).received_at == RECEIVED
    assert audit.entries(db, action_prefix="import.")[0].detail.startswith("log.xlsx: 3 added")


def test_rows_already_imported_are_skipped_and_counted(db: Database, actor: Actor) -> None:
    a = _brn("012345678")
    imports.apply_import(db, [row(1, a, "법인세 문의")], actor, file_name="f", file_sha256="x")
    again = imports.apply_import(
        db, [row(1, a, "법인세 문의"), row(2, a, "새 문의")], actor, file_name="f", file_sha256="x"
    )
    assert len(again.case_ids) == 1 and again.skipped_existing == 1 and again.firms_created == 0


def test_one_refused_row_rolls_back_every_row_firm_and_the_batch(db: Database, actor: Actor) -> None:
    before = _counts(db)
    rows = [row(1, _brn("012345678"), "법인세 문의"), row(2, _brn("124810099"), "분야가 틀린 행", "없는분야")]
    with pytest.raises(RejectedInput) as info:
        imports.apply_import(db, rows, actor, file_name="f.xlsx", file_sha256="x", source="f.xlsx")
    assert _counts(db) == before
    assert imports.known_fingerprints(db, ["fp-1"]) == set()
    problem = info.value.problems[0]
    assert (problem.source, problem.row, problem.field) == ("f.xlsx:시트1", 3, "field")
