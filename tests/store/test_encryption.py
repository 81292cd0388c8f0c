"""Encryption at rest: new stores encrypted with the keyring's key, no plaintext on disk, a wrong or
missing key refused untouched, plain stores converted keeping every row, search on an encrypted store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import backups, cases, dbkey, driver, encryption, firms, queries
from desktop.store.db import Database
from desktop.store.opening import open_store, open_user_store

ACTOR = Actor(name="김상담", agency_id="JNEPA", role="consultant", device="laptop-1")
FIRM_NAME = "광양철강상사"
CASE_TEXT = "수출 바우처 정산 서류 문의"


def _fill(db: Database, n: int = 3) -> list[str]:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name=FIRM_NAME), ACTOR)
    return [
        cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F06", text=f"{CASE_TEXT} {i}"), ACTOR)[0]
        for i in range(n)
    ]


def _bytes_on_disk(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _encrypted_store(path: Path, key: bytes) -> list[str]:
    db = open_store(path, key=key)
    try:
        return _fill(db)
    finally:
        db.close()


def test_a_new_store_is_encrypted_with_a_key_kept_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "onestop.db"
    db, choice = open_user_store(path)
    _fill(db)
    db.close()
    assert choice.key is not None and dbkey.saved_key() == choice.key
    assert len(memory_keyring.passwords) == 1
    assert driver.is_plain_sqlite(path) is False


def test_the_encrypted_file_and_its_log_hold_no_plaintext(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    key = dbkey.new_key()
    db = open_store(path, key=key)
    _fill(db)  # still open: the write-ahead log holds the newest pages
    on_disk = _bytes_on_disk(path)
    db.close()
    plaintext = (driver.SQLITE_MAGIC, FIRM_NAME.encode(), CASE_TEXT.encode(), b"1248100998", b"CREATE TABLE")
    for needle in plaintext:
        assert needle not in on_disk
        assert needle not in _bytes_on_disk(path)


def test_without_a_keyring_a_new_store_is_plain_and_says_why(tmp_path: Path, no_keyring: None) -> None:
    choice = dbkey.key_for(tmp_path / "new.db")
    assert choice.key is None and choice.new_store
    assert "키 저장소" in choice.note("ko") and "keyring" in choice.note("en")


def test_an_existing_plain_store_stays_plain_even_with_a_key(tmp_path: Path, db_path: Path) -> None:
    assert dbkey.key_for(db_path).key is None
    db = open_store(db_path, key=dbkey.new_key())
    db.close()
    assert driver.is_plain_sqlite(db_path) is True


def test_opening_without_the_key_is_refused_clearly_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    _encrypted_store(path, dbkey.new_key())
    before, files = _digest(path), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RejectedInput) as refused:
        open_store(path)
    assert "ONESTOP_DB_KEY" in refused.value.text("en") and "암호화" in refused.value.text("ko")
    assert "was not changed" in refused.value.text("en")
    assert _digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == files


def test_opening_with_a_wrong_key_is_refused_clearly_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    _encrypted_store(path, dbkey.new_key())
    before, files = _digest(path), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RejectedInput) as refused:
        open_store(path, key=dbkey.new_key())
    assert "another key" in refused.value.text("en") and "다른 키" in refused.value.text("ko")
    assert _digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == files


def test_a_malformed_key_in_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(dbkey.KEY_ENV, "not-hex")
    with pytest.raises(RejectedInput, match="64"):
        dbkey.saved_key()


def test_two_syllable_and_longer_search_work_on_an_encrypted_store(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    key = dbkey.new_key()
    ids = _encrypted_store(path, key)
    db = open_store(path, key=key)
    try:
        assert {f.name for f in firms.find_firms(db, "광양")} == {FIRM_NAME}
        assert {r.id for r in queries.search_cases(db, "바우처")} == set(ids)
        assert {r.id for r in queries.search_cases(db, "수출")} == set(ids)
    finally:
        db.close()


def _table_counts(db: Database) -> dict[str, int]:
    names = [
        r[0]
        for r in db.all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: db.scalar(f'SELECT count(*) FROM "{n}"') for n in names}


def test_encrypting_a_plain_store_keeps_every_row_and_leaves_no_plain_copy(db: Database) -> None:
    ids = _fill(db, 5)
    expected = _table_counts(db)
    made = backups.daily_backup(db)
    assert made is not None and driver.is_plain_sqlite(made.path)
    path = db.path
    db.close()
    key = dbkey.new_key()
    done = encryption.encrypt_store(path, key)
    assert done.encrypted and done.rows == sum(expected.values()) and done.backups == (made.path,)
    assert driver.is_plain_sqlite(path) is False and driver.is_plain_sqlite(made.path) is False
    leftovers = [p.name for p in path.parent.iterdir() if ".part" in p.name or "before-encrypt" in p.name]
    assert leftovers == []
    assert FIRM_NAME.encode() not in _bytes_on_disk(path)
    again = open_store(path, key=key)
    try:
        assert _table_counts(again) == expected
        assert {r.id for r in queries.search_cases(again, "바우처")} == set(ids)
        assert again.integrity_problems() == []
    finally:
        again.close()
    assert backups.check_backup(made.path, key).cases == len(ids)


def test_decrypting_gives_back_a_plain_store_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "onestop.db"
    key = dbkey.new_key()
    ids = _encrypted_store(path, key)
    encryption.decrypt_store(path, key)
    assert driver.is_plain_sqlite(path) is True
    db = open_store(path)
    try:
        assert {r[0] for r in db.all("SELECT id FROM cases")} == set(ids)
    finally:
        db.close()


def test_converting_twice_or_while_open_is_refused_and_changes_nothing(db: Database) -> None:
    _fill(db)
    before = _digest(db.path)
    with pytest.raises(RejectedInput) as plain:
        encryption.decrypt_store(db.path, dbkey.new_key())
    assert "not encrypted" in plain.value.text("en")
    with pytest.raises(RejectedInput) as in_use:
        encryption.encrypt_store(db.path, dbkey.new_key())  # ``db`` is still open
    assert "open in another program" in in_use.value.text("en")
    assert _digest(db.path) == before
    assert driver.is_plain_sqlite(db.path) is True
    db.close()
    key = dbkey.new_key()
    encryption.encrypt_store(db.path, key)
    with pytest.raises(RejectedInput) as twice:
        encryption.encrypt_store(db.path, key)
    assert "already encrypted" in twice.value.text("en")


def test_a_backup_of_an_encrypted_store_is_encrypted_and_restores(tmp_path: Path) -> None:
    live = tmp_path / "onestop.db"
    key = dbkey.new_key()
    ids = _encrypted_store(live, key)
    db = open_store(live, key=key)
    out = tmp_path / "copy.db"
    db.backup(out)
    daily = backups.daily_backup(db)
    db.close()
    assert daily is not None and daily.ok
    for copy in (out, daily.path):
        assert driver.is_plain_sqlite(copy) is False
        assert FIRM_NAME.encode() not in copy.read_bytes()
        with pytest.raises(RejectedInput) as no_key:
            backups.check_backup(copy)
        assert "whose key is not on this computer" in no_key.value.text("en")
    assert backups.check_backup(out, key).cases == len(ids)
    other = tmp_path / "other" / "onestop.db"
    result = backups.restore_backup(out, other, ACTOR, key=key)
    assert result.restored.cases == len(ids)
    restored = open_store(other, key=key)
    try:
        assert {r[0] for r in restored.all("SELECT id FROM cases")} == set(ids)
    finally:
        restored.close()
    assert driver.is_plain_sqlite(other) is False


def test_a_key_given_in_the_environment_can_be_kept_in_the_keyring_of_a_new_laptop(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "onestop.db"
    key = dbkey.new_key()
    ids = _encrypted_store(path, key)
    monkeypatch.setenv(dbkey.KEY_ENV, key.hex())
    assert dbkey.save_env_key_in_keyring() == key
    monkeypatch.delenv(dbkey.KEY_ENV)
    db, choice = open_user_store(path)
    try:
        assert choice.key == key and {r[0] for r in db.all("SELECT id FROM cases")} == set(ids)
    finally:
        db.close()


def test_opening_clears_what_a_killed_conversion_left_including_the_plain_copy(
    db: Database, no_keyring: None
) -> None:
    _fill(db)
    path = db.path
    db.close()
    plain_copy = path.with_name(path.name + encryption.BEFORE_CONVERT_SUFFIX)
    half = path.with_name(f".{path.name}.convert-{'0' * 32}.part")
    backup_copy = backups.backup_dir(path) / ("onestop-2026-03-02.db" + encryption.BEFORE_CONVERT_SUFFIX)
    backup_copy.parent.mkdir()
    for leftover in (plain_copy, half, backup_copy, Path(f"{half}-wal")):
        leftover.write_bytes(path.read_bytes()[:4096])
    opened, _ = open_user_store(path)
    opened.close()
    assert not plain_copy.exists() and not half.exists() and not backup_copy.exists()
    assert not Path(f"{half}-wal").exists() and path.exists()
