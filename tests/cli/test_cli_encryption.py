"""``onestop encrypt``/``decrypt``, commands on an encrypted store, a missing or wrong key, a full disk."""

from __future__ import annotations

import errno
import hashlib
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import dbkey, driver
from desktop.store.db import Database
from desktop.store.opening import set_meta

FIRM_NAME = "순천정밀공업"


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESTOP_AUTO_BACKUP", "0")
    monkeypatch.setenv("ONESTOP_USER", "김상담")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv(dbkey.KEY_ENV, raising=False)


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), "--lang", lang, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _store_with_cases(capsys: pytest.CaptureFixture[str], db: Path, n: int = 3) -> None:
    assert run(capsys, db, "firm", "add", "--brn", "1248100998", "--name", FIRM_NAME)[0] == 0
    for i in range(n):
        text = f"수출 {i}"
        code, _, err = run(capsys, db, "case", "add", "--brn", "1248100998", "--field", "F06", "--text", text)
        assert code == 0, err


def _case_count(capsys: pytest.CaptureFixture[str], db: Path) -> int:
    code, out, err = run(capsys, db, "case", "list", "--json")
    assert code == 0, err
    return len(json.loads(out))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set_role(db: Path, role: str) -> None:
    """This laptop's role, as the settings page saves it (the store may be encrypted)."""
    store = Database(db, key=dbkey.key_for(db).key)
    try:
        set_meta(store, "user_role", role)
    finally:
        store.close()


def test_encrypt_converts_the_store_and_every_command_keeps_working(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "onestop.db"
    _store_with_cases(capsys, db)
    monkeypatch.setenv(dbkey.KEY_ENV, dbkey.new_key().hex())
    code, out, err = run(capsys, db, "encrypt", "--json")
    assert code == 0, err
    assert json.loads(out)["encrypted"] is True
    assert driver.is_plain_sqlite(db) is False and FIRM_NAME.encode() not in db.read_bytes()
    assert _case_count(capsys, db) == 3
    assert run(capsys, db, "firm", "find", "순천")[1].count(FIRM_NAME) == 1
    assert run(capsys, db, "check")[0] == 0
    backup = tmp_path / "backup.db"
    assert run(capsys, db, "backup", str(backup))[0] == 0
    assert driver.is_plain_sqlite(backup) is False
    code, _, err = run(capsys, db, "encrypt")
    assert code == 1 and "already encrypted" in err
    _set_role(db, "coordinator")
    code, out, err = run(capsys, db, "decrypt", "--json")
    assert code == 0, err
    assert driver.is_plain_sqlite(db) is True and _case_count(capsys, db) == 3


@pytest.mark.parametrize("role", ["consultant", "manager"])
def test_only_a_coordinator_may_decrypt_and_a_refusal_changes_nothing(
    role: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "onestop.db"
    _store_with_cases(capsys, db, 1)
    monkeypatch.setenv(dbkey.KEY_ENV, dbkey.new_key().hex())
    _set_role(db, role)
    assert run(capsys, db, "encrypt")[0] == 0  # adding protection is anyone's to do
    before = _digest(db)
    for lang, expected in (("ko", "총괄만 가능"), ("en", "may not decrypt the database (only: coordinator)")):
        code, out, err = run(capsys, db, "decrypt", lang=lang)
        assert code == 1 and out == "" and expected in err and "Traceback" not in err
    assert _digest(db) == before and driver.is_plain_sqlite(db) is False
    _set_role(db, "coordinator")
    assert run(capsys, db, "decrypt")[0] == 0
    assert driver.is_plain_sqlite(db) is True and _case_count(capsys, db) == 1


def test_encrypt_without_a_keyring_or_key_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "onestop.db"
    _store_with_cases(capsys, db, 1)
    before = _digest(db)
    code, _, err = run(capsys, db, "encrypt", lang="ko")
    assert code == 1 and "ONESTOP_DB_KEY" in err and "Traceback" not in err
    assert _digest(db) == before


@pytest.mark.parametrize("key", ["", "wrong"])
def test_an_encrypted_store_without_its_key_exits_1_with_a_clear_message(
    key: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "onestop.db"
    monkeypatch.setenv(dbkey.KEY_ENV, dbkey.new_key().hex())
    _store_with_cases(capsys, db, 1)
    if key:
        monkeypatch.setenv(dbkey.KEY_ENV, dbkey.new_key().hex())
    else:
        monkeypatch.delenv(dbkey.KEY_ENV)
    before = sorted((p.name, _digest(p)) for p in tmp_path.iterdir() if p.is_file())
    for lang, expected in (("en", "ONESTOP_DB_KEY"), ("ko", "키")):
        code, out, err = run(capsys, db, "case", "list", lang=lang)
        assert code == 1 and out == "" and expected in err and "Traceback" not in err
    assert ("another key" in run(capsys, db, "check")[2]) == bool(key)
    assert sorted((p.name, _digest(p)) for p in tmp_path.iterdir() if p.is_file()) == before


def test_a_new_store_without_a_keyring_is_plain_and_the_command_line_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "onestop.db"
    code, _, err = run(capsys, db, "case", "list")
    assert code == 0 and "not encrypted" in err
    assert driver.is_plain_sqlite(db) is True
    assert "not encrypted" not in run(capsys, db, "case", "list")[2]  # said once, when it was made


def test_a_full_database_gives_a_translated_message_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "onestop.db"
    _store_with_cases(capsys, db, 2)
    configure = Database._configure

    def no_room_to_grow(self: Database) -> None:
        configure(self)
        pages = self.scalar("PRAGMA page_count")
        self.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Database, "_configure", no_room_to_grow)
    long_text = "세무 " * 3000  # needs new pages
    for lang, expected in (("ko", "아무것도 바꾸지 않았습니다"), ("en", "is full. Free some space")):
        code, _, err = run(
            capsys, db, "case", "add", "--brn", "1248100998", "--field", "F01", "--text", long_text, lang=lang
        )
        assert code == 1 and expected in err and "Traceback" not in err
    monkeypatch.setattr(Database, "_configure", configure)
    assert _case_count(capsys, db) == 2


def test_no_space_left_on_the_disk_gives_a_translated_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "onestop.db"
    _store_with_cases(capsys, db, 1)
    out_file = tmp_path / "backup.db"

    def disk_full(self: Database, out: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(out))

    monkeypatch.setattr(Database, "backup", disk_full)
    code, _, err = run(capsys, db, "backup", str(out_file), lang="ko")
    assert code == 1 and "가득 찼습니다" in err and str(out_file) in err and "Traceback" not in err
    assert not out_file.exists()
