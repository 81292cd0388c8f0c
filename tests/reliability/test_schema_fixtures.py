"""Databases of every released schema version (tests/fixtures/schema-vN.db) upgrade with every row intact;
a database from a newer program, a damaged one or a foreign file is refused with a message and left untouched.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from crash_scenarios import assert_store_invariants

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import backups, cases, firms, queries
from desktop.store.opening import open_store
from desktop.store.schema import SCHEMA_VERSION, current_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402

VERSIONS = sorted(
    int(m.group(1)) for p in FIXTURES.glob("schema-v*.db") if (m := re.search(r"v(\d+)", p.name))
)
# Reference tables are reloaded from the shipped CSVs when they differ (by design); the rest is user data.
RELOADED = {"fields", "regions", "agencies", "routing_rules", "holidays", "reference_files"}
# Tables the program may add rows to on opening (new version rows, settings).
GROWS = {"schema_version", "meta"}
ACTOR = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="fixture")


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    fts_shadow = re.compile(r"_(data|idx|docsize|config|content)$")
    return [
        n for n in names if not n.startswith("sqlite_") and not fts_shadow.search(n) and n not in RELOADED
    ]


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out = {}
        for table in _user_tables(conn):
            columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
            out[table] = (columns, [tuple(r) for r in conn.execute(f"SELECT * FROM {table}")])
        return out
    finally:
        conn.close()


def _project(rows: tuple[list[str], list[tuple[Any, ...]]], columns: list[str]) -> list[tuple[Any, ...]]:
    index = [rows[0].index(c) for c in columns]
    return sorted((tuple(r[i] for i in index) for r in rows[1]), key=repr)


def test_there_is_a_fixture_for_every_released_schema_version() -> None:
    assert VERSIONS == list(make_fixtures.RELEASED)
    for version in VERSIONS:
        assert make_fixtures.fixture_path(version).stat().st_size < 300 * 1024


@pytest.mark.parametrize("version", VERSIONS)
def test_a_database_of_every_released_version_upgrades_and_keeps_every_row(
    version: int, tmp_path: Path
) -> None:
    path = tmp_path / f"v{version}.db"
    shutil.copyfile(make_fixtures.fixture_path(version), path)
    before = _snapshot(path)
    db = open_store(path)
    try:
        assert current_version(db) == SCHEMA_VERSION
        assert db.integrity_problems() == []
        assert_store_invariants(db)  # every old row has its sync op (a range) and its search entry
    finally:
        db.close()
    after = _snapshot(path)
    kept = 0
    for table, rows in before.items():
        columns = rows[0]
        assert set(columns) <= set(after[table][0]), f"{table}: a column disappeared"
        old, new = _project(rows, columns), _project(after[table], columns)
        if table in GROWS:
            assert set(old) <= set(new), f"{table}: rows lost or changed"
        else:
            assert old == new, f"{table}: rows lost or changed by the upgrade"
        kept += len(old)
    assert kept >= 20


@pytest.mark.parametrize("version", VERSIONS)
def test_the_upgraded_data_is_found_listed_and_shown_by_the_program(version: int, tmp_path: Path) -> None:
    path = tmp_path / f"v{version}.db"
    shutil.copyfile(make_fixtures.fixture_path(version), path)
    db = open_store(path)
    try:
        gwangyang = make_fixtures.FIRMS[0][0]
        for query in ("광양", "ㄱㅇㅊㄱ", "1248100998", "철강"):
            assert gwangyang in {f.id for f in firms.find_firms(db, query)}, query
        assert [f.name for f in firms.firms_by_brn(db, "0123456782")] == ["순천식품"]  # the leading zero kept
        long_case = cases.get_case(db, make_fixtures.CASES[3][0])
        assert long_case.text == "x" * 5000 and long_case.firm_name == "여수기계 😀 Ltd."
        paused = cases.get_case(db, "2025-순천-0002")
        assert paused.status == "awaiting_supplement" and paused.deadline_at is None
        assert cases.case_clock(db, paused.id).pauses[0].reason == "서류 보완"
        assert [e.kind for e in cases.timeline(db, make_fixtures.CASES[0][0])] == [
            "created",
            "consent",
            "status",
        ]
        assert [c.agency_id for c in cases.consents(db, make_fixtures.CASES[1][0])] == []  # the revoked one
        assert queries.count_cases(db, queries.CaseFilter()) == 4  # the deleted one is not listed
        # The upgraded store keeps working: a new case gets the next number of the old sequence.
        new_id, _ = cases.add_case(
            db,
            cases.NewCase(
                firm_id=gwangyang,
                field="F01",
                text="업그레이드 후 첫 사례",
                number_prefix="순천",
                received_at=cases.get_case(db, make_fixtures.CASES[0][0]).received_at,
            ),
            ACTOR,
        )
        assert cases.get_case(db, new_id).number == "2025-순천-0006"
    finally:
        db.close()


@pytest.mark.parametrize("version", [v for v in VERSIONS if v < 3])
def test_data_from_before_sync_reaches_another_laptop_after_the_upgrade(
    version: int, tmp_path: Path, template_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.sync import keys, team
    from desktop.sync.engine import sync_with_hub

    monkeypatch.setenv("ONESTOP_PASSPHRASE", "시험용 암호")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
    monkeypatch.setattr(keys, "INVITE_SCRYPT_N", 2**8)
    old, new, hub = tmp_path / "old.db", tmp_path / "new.db", tmp_path / "hub"
    shutil.copyfile(make_fixtures.fixture_path(version), old)
    shutil.copyfile(template_db, new)
    a, b = open_store(old), open_store(new)
    try:
        code = team.create_team(a, hub, name="업그레이드 팀", device_name="옛노트북").join_code
        team.join_team(b, hub, device_name="새노트북", code=code)
        sync_with_hub(a, hub)
        sync_with_hub(b, hub)
        query = "SELECT id, number, text, status, agency_id, deleted FROM cases ORDER BY id"
        assert b.all(query) and [tuple(r) for r in b.all(query)] == [tuple(r) for r in a.all(query)]
        firm_query = "SELECT id, brn, name, representative, phone, deleted FROM firms ORDER BY id"
        assert [tuple(r) for r in b.all(firm_query)] == [tuple(r) for r in a.all(firm_query)]
        assert len(b.all("SELECT id FROM case_events")) == len(make_fixtures.EVENTS)
    finally:
        a.close()
        b.close()


def _normalised_schema(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        )
        return [f"{t} {n} " + " ".join(re.sub(r"--[^\n]*", "", s).split()) for t, n, s in rows]
    finally:
        conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_released_migration_is_never_edited(version: int, tmp_path: Path) -> None:
    """Forward-only: building version N again from today's migrations gives the released schema."""
    rebuilt = make_fixtures.build(version, tmp_path / "rebuilt.db")
    assert _normalised_schema(rebuilt) == _normalised_schema(make_fixtures.fixture_path(version))


# --- refusing what must not be opened ---------------------------------------------------------------


def _files(path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in path.parent.iterdir()
        if p.name.startswith(path.name) and p.stat().st_size
    }


@pytest.fixture
def newer_db(tmp_path: Path) -> Path:
    """A database a future program wrote: one more schema version and a table we do not know,
    in rollback-journal mode (as backups are), which opening for writing would have rewritten."""
    path = tmp_path / "future.db"
    shutil.copyfile(make_fixtures.fixture_path(VERSIONS[-1]), path)
    db = open_store(path)
    with db.transaction():
        db.execute("CREATE TABLE future_things (id TEXT PRIMARY KEY, payload BLOB)")
        db.execute(
            "INSERT INTO schema_version VALUES (?, '2099-01-01T00:00:00', '9.0.0')", (SCHEMA_VERSION + 1,)
        )
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    return path


def test_a_database_from_a_newer_program_is_refused_and_left_byte_for_byte(newer_db: Path) -> None:
    before = _files(newer_db)
    with pytest.raises(RejectedInput) as refused:
        open_store(newer_db)
    assert "newer program" in refused.value.text("en") and "Update the program" in refused.value.text("en")
    assert "새 버전" in refused.value.text("ko")
    assert _files(newer_db) == before


def test_the_command_line_refuses_a_newer_database_with_exit_1_and_no_traceback(
    newer_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import cli

    before = _files(newer_db)
    assert cli.main(["--db", str(newer_db), "--lang", "en", "check"]) == 1
    err = capsys.readouterr().err
    assert "newer program" in err and "Traceback" not in err
    assert _files(newer_db) == before


def test_a_backup_from_a_newer_program_is_not_restored(newer_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    shutil.copyfile(make_fixtures.fixture_path(VERSIONS[-1]), live)
    before = _files(live)
    with pytest.raises(RejectedInput) as refused:
        backups.restore_backup(newer_db, live, ACTOR)
    assert "newer program" in refused.value.text("en")
    assert _files(live) == before


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"PK\x03\x04 an xlsx, not a database", id="spreadsheet"),
        pytest.param("이름,사업자번호\n".encode("cp949"), id="csv-cp949"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 84, id="torn-header"),
    ],
)
def test_a_file_that_is_not_a_whole_database_is_refused_untouched(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    path.write_bytes(content)
    with pytest.raises(RejectedInput) as refused:
        open_store(path)
    assert refused.value.problems[0].field == "database"
    assert path.read_bytes() == content


def test_a_truncated_database_is_refused_with_a_hint_to_restore(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    shutil.copyfile(make_fixtures.fixture_path(VERSIONS[-1]), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(RejectedInput) as refused:
        open_store(path)
    assert "onestop restore" in refused.value.text("en")
    assert len(path.read_bytes()) == len(data) // 3
