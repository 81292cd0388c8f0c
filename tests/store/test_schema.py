"""The store's schema: migrations from empty, version refusal, transactions, backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import RejectedInput
from desktop.store.db import Database, default_db_path
from desktop.store.opening import open_store
from desktop.store.schema import SCHEMA_VERSION, current_version, migrate


def test_migrating_an_empty_file_reaches_the_current_version(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.db")
    assert current_version(db) == 0
    assert migrate(db) == list(range(1, SCHEMA_VERSION + 1))
    assert current_version(db) == SCHEMA_VERSION
    assert migrate(db) == []
    tables = {r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in (
        "firms",
        "sessions",
        "cases",
        "case_events",
        "agencies",
        "fields",
        "routing_rules",
        "regions",
        "holidays",
        "consents",
        "audit_log",
        "schema_version",
    ):
        assert table in tables


def test_store_uses_wal_and_foreign_keys(db: Database) -> None:
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA foreign_keys") == 1


def test_a_database_from_a_newer_program_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    db = open_store(path, load_reference=False)
    with db.transaction():
        db.execute("INSERT INTO schema_version VALUES (?, '2099-01-01', '9.9')", (SCHEMA_VERSION + 1,))
    db.close()
    before = path.read_bytes()
    with pytest.raises(RejectedInput) as info:
        open_store(path)
    assert "newer program" in info.value.text("en")
    assert "새 버전" in info.value.text("ko")
    assert path.read_bytes() == before


def test_a_failing_transaction_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.execute("INSERT INTO meta (key, value) VALUES ('x', '1')")
            raise RuntimeError("boom")
    assert db.scalar("SELECT count(*) FROM meta WHERE key = 'x'") == 0


def test_nested_transactions_commit_once_with_the_outer_one(db: Database) -> None:
    with pytest.raises(RuntimeError):
        with db.transaction():
            with db.transaction():
                db.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
            raise RuntimeError("outer fails")
    assert db.scalar("SELECT count(*) FROM meta WHERE key = 'inner'") == 0


def test_default_path_follows_the_db_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ONESTOP_DB", str(tmp_path / "env.db"))
    assert default_db_path(None) == tmp_path / "env.db"
    assert default_db_path(tmp_path / "opt.db") == tmp_path / "opt.db"
    monkeypatch.delenv("ONESTOP_DB")
    assert default_db_path(None).name == "onestop.db"
    assert "onestop" in str(default_db_path(None).parent)


def test_backup_is_a_complete_consistent_copy(db: Database, tmp_path: Path) -> None:
    with db.transaction():
        db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
    target = tmp_path / "backups" / "copy.db"
    db.backup(target)
    copy = Database(target)
    assert copy.scalar("SELECT value FROM meta WHERE key = 'marker'") == "kept"
    assert copy.integrity_problems() == []
    assert not target.with_name("copy.db.part").exists()


def test_reference_tables_are_loaded_on_first_open(db: Database) -> None:
    assert db.scalar("SELECT count(*) FROM fields") == 14
    assert db.scalar("SELECT count(*) FROM regions") >= 17
    assert db.scalar("SELECT count(*) FROM agencies") > 10
    assert db.scalar("SELECT count(*) FROM holidays WHERE day = '2026-03-02'") == 1
