"""Daily automatic backups with rotation, checked restores, and the restore/backups commands."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import audit, backups, cases, firms
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.store.schema import SCHEMA_VERSION, current_version

RUNNER = Path(__file__).with_name("onestop_admin_cli.py")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ACTOR = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="laptop-1")


@pytest.fixture(autouse=True)
def _auto_backup_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESTOP_AUTO_BACKUP", "1")


def _add_cases(db: Database, n: int, text: str = "사례") -> list[str]:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강"), ACTOR)
    return [
        cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text=f"{text} {i}"), ACTOR)[0]
        for i in range(n)
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _case_ids(path: Path) -> set[str]:
    db = open_store(path)
    try:
        return {r[0] for r in db.all("SELECT id FROM cases")}
    finally:
        db.close()


# --- daily backup ---------------------------------------------------------------------------------


def test_the_daily_backup_is_made_once_a_day_beside_the_store_and_is_a_whole_store(db: Database) -> None:
    _add_cases(db, 3)
    made = backups.daily_backup(db, today=date(2026, 3, 2))
    assert made is not None and made.ok
    assert made.path == db.path.parent / "backups" / "onestop-2026-03-02.db"
    info = backups.check_backup(made.path)
    assert (info.cases, info.schema_version) == (3, SCHEMA_VERSION)
    assert backups.daily_backup(db, today=date(2026, 3, 2)) is None
    if os.name == "posix":
        assert made.path.parent.stat().st_mode & 0o777 == 0o700
        assert made.path.stat().st_mode & 0o777 == 0o600


def test_an_existing_daily_backup_costs_next_to_nothing(db: Database) -> None:
    _add_cases(db, 1)
    backups.daily_backup(db, today=date(2026, 3, 2))
    started = time.perf_counter()
    for _ in range(1000):
        assert backups.daily_backup(db, today=date(2026, 3, 2)) is None
    assert (time.perf_counter() - started) / 1000 < 0.001  # one stat, well under a millisecond


def test_rotation_keeps_the_newest_seven_and_clears_temp_files_of_killed_backups(db: Database) -> None:
    _add_cases(db, 1)
    folder = backups.backup_dir(db.path)
    folder.mkdir()
    stale = folder / "onestop-2026-02-01.db.part"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    fresh = folder / "onestop-2026-03-12.db.part"  # another program may be writing it right now
    fresh.write_bytes(b"half")
    start = date(2026, 3, 1)
    for day in range(10):
        backups.daily_backup(db, today=start + timedelta(days=day))
    kept = backups.list_backups(folder)
    assert [p.name for p in kept] == [f"onestop-{start + timedelta(days=d)}.db" for d in range(9, 2, -1)]
    assert not stale.exists() and fresh.exists()


def test_an_empty_store_or_a_switched_off_backup_makes_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert backups.daily_backup(db, today=date(2026, 3, 2)) is None
    _add_cases(db, 1)
    monkeypatch.setenv("ONESTOP_AUTO_BACKUP", "0")
    assert backups.daily_backup(db, today=date(2026, 3, 2)) is None
    assert not backups.backup_dir(db.path).exists()


def test_a_backup_that_fails_its_check_is_set_aside_and_nothing_is_pruned(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_cases(db, 1)
    for day in range(1, 8):
        backups.daily_backup(db, today=date(2026, 3, day))
    monkeypatch.setattr(backups, "_quick_check_ok", lambda path, key: False)
    made = backups.daily_backup(db, today=date(2026, 3, 8))
    assert made is not None and not made.ok and made.path.name == "onestop-2026-03-08.damaged.db"
    assert len(backups.list_backups(backups.backup_dir(db.path))) == 7
    assert backups.daily_backup(db, today=date(2026, 3, 8)) is None  # not retried on every start


def test_a_full_or_read_only_backup_folder_never_stops_the_program(db: Database) -> None:
    _add_cases(db, 1)
    folder = backups.backup_dir(db.path)
    folder.write_text("a file where the folder should be")  # mkdir fails like a read-only or full disk
    result, problem = backups.try_daily_backup(db)
    assert result is None and problem
    assert db.scalar("SELECT count(*) FROM cases") == 1


# --- restore --------------------------------------------------------------------------------------


def test_a_restore_brings_back_exactly_the_backup_and_keeps_the_replaced_store(
    db: Database, tmp_path: Path
) -> None:
    kept = _add_cases(db, 3, "백업 전")
    backup = tmp_path / "manual.db"
    db.backup(backup)
    later = _add_cases(db, 2, "백업 후")
    cases.set_fields(db, kept[0], {"text": "백업 후 수정"}, ACTOR)
    live = db.path
    db.close()
    result = backups.restore_backup(backup, live, ACTOR, reason="노트북 교체")
    assert (result.restored.cases, result.from_version) == (3, SCHEMA_VERSION)
    assert result.before_restore == live.with_name("onestop.db.before-restore")
    assert _case_ids(live) == set(kept)
    assert _case_ids(result.before_restore) == set(kept) | set(later)
    restored = open_store(live)
    try:
        assert cases.get_case(restored, kept[0]).text == "백업 전 0"
        assert restored.integrity_problems() == []
        entry = audit.entries(restored, action_prefix="store.restore")[0]
        assert (entry.actor, entry.reason) == ("최총괄", "노트북 교체") and str(backup) in entry.detail
        _add_cases(restored, 1, "복원 후")  # the restored store is a working store
    finally:
        restored.close()


def test_a_backup_taken_while_the_store_was_open_is_restored_with_its_write_ahead_log(
    db: Database, tmp_path: Path
) -> None:
    ids = _add_cases(db, 4)
    copy = tmp_path / "copied-while-open.db"
    shutil.copyfile(db.path, copy)
    shutil.copyfile(Path(f"{db.path}-wal"), Path(f"{copy}-wal"))  # a plain file copy of a live store
    live = tmp_path / "other" / "onestop.db"
    backups.restore_backup(copy, live, ACTOR)
    assert _case_ids(live) == set(ids)
    assert not Path(f"{live}-wal").exists() or Path(f"{live}-wal").stat().st_size == 0


def test_a_backup_of_an_older_schema_is_upgraded_as_it_is_restored(tmp_path: Path, db_path: Path) -> None:
    result = backups.restore_backup(FIXTURES / "schema-v1.db", db_path, ACTOR)
    assert result.from_version == 1
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    assert len(_case_ids(db_path)) == 5


@pytest.mark.parametrize("damage", ["flipped-bytes", "truncated", "not-sqlite", "missing", "not-onestop"])
def test_a_bad_backup_is_refused_and_the_live_store_is_not_touched(
    damage: str, db: Database, tmp_path: Path
) -> None:
    _add_cases(db, 30, "긴 내용 " * 40)
    backup = tmp_path / "bad.db"
    db.backup(backup)
    data = bytearray(backup.read_bytes())
    if damage == "flipped-bytes":
        for offset in range(len(data) // 2, len(data) // 2 + 4096, 7):
            data[offset] ^= 0x5A
        backup.write_bytes(bytes(data))
    elif damage == "truncated":
        backup.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "not-sqlite":
        backup.write_bytes(b"PK\x03\x04" + bytes(data[4:]))
    elif damage == "missing":
        backup.unlink()
    else:
        other = sqlite3.connect(backup.with_name("other.db"))
        other.execute("CREATE TABLE notes (x)")
        other.close()
        backup = backup.with_name("other.db")
    live = db.path
    db.close()
    before = _digest(live)
    with pytest.raises(RejectedInput) as refused:
        backups.restore_backup(backup, live, ACTOR)
    assert refused.value.problems[0].field == "backup"
    assert "Nothing was changed" in refused.value.text("en") and "바꾸지 않았습니다" in refused.value.text(
        "ko"
    )
    assert _digest(live) == before
    assert sorted(p.name for p in live.parent.iterdir() if p.name.startswith(".")) == []


def test_a_store_open_in_another_program_is_not_replaced(db: Database, tmp_path: Path) -> None:
    _add_cases(db, 2)
    backup = tmp_path / "b.db"
    db.backup(backup)
    _add_cases(db, 1, "그 뒤")
    with pytest.raises(RejectedInput) as refused:
        backups.restore_backup(backup, db.path, ACTOR)  # ``db`` is still open
    assert "open in another program" in refused.value.text("en")
    assert db.scalar("SELECT count(*) FROM cases") == 3


def test_the_store_itself_is_not_a_backup(db_path: Path) -> None:
    with pytest.raises(RejectedInput):
        backups.restore_backup(db_path, db_path, ACTOR)


def test_a_damaged_live_store_is_replaced_and_kept_aside(db: Database, tmp_path: Path) -> None:
    ids = _add_cases(db, 2)
    backup = tmp_path / "b.db"
    db.backup(backup)
    live = db.path
    db.close()
    live.write_bytes(b"\x00" * 8192)
    with pytest.raises(RejectedInput):
        open_store(live)
    result = backups.restore_backup(backup, live, ACTOR)
    assert _case_ids(live) == set(ids)
    assert result.before_restore is not None and result.before_restore.read_bytes() == b"\x00" * 8192


# --- the commands -----------------------------------------------------------------------------------


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), "--db", str(db), "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"ONESTOP_USER": "최총괄", "LANG": "C.UTF-8", "ONESTOP_AUTO_BACKUP": "0"},
    )


def test_onestop_backup_then_restore_round_trips_through_the_command_line(
    db: Database, tmp_path: Path
) -> None:
    ids = _add_cases(db, 3)
    backups.daily_backup(db, today=date(2026, 3, 2))
    live = db.path
    db.close()
    listed = _run(live, "backups", "--check", "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert entry["ok"] and entry["cases"] == 3 and entry["path"].endswith("onestop-2026-03-02.db")
    backup = tmp_path / "manual.db"
    assert _run(live, "backup", str(backup)).returncode == 0
    db2 = open_store(live)
    _add_cases(db2, 2, "나중")
    db2.close()
    restored = _run(live, "restore", str(backup), "--reason", "시험", "--json")
    assert restored.returncode == 0, restored.stderr
    data = json.loads(restored.stdout)
    assert data["cases"] == 3 and data["before_restore"].endswith(".before-restore")
    assert _case_ids(live) == set(ids)
    assert _run(live, "check").returncode == 0


def test_restore_works_from_the_command_line_when_the_live_store_no_longer_opens(
    db: Database, tmp_path: Path
) -> None:
    ids = _add_cases(db, 2)
    backup = tmp_path / "b.db"
    db.backup(backup)
    live = db.path
    db.close()
    live.write_bytes(b"garbage" * 1000)
    broken = _run(live, "check")
    assert broken.returncode == 1 and "onestop restore" in broken.stderr and "Traceback" not in broken.stderr
    done = _run(live, "restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert _case_ids(live) == set(ids)


def test_restore_of_a_bad_file_exits_1_with_the_reason(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "사례.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    done = _run(db_path, "restore", str(bad))
    assert done.returncode == 1 and "not an SQLite database" in done.stderr and "Traceback" not in done.stderr
    assert current_version(open_store(db_path)) == SCHEMA_VERSION
