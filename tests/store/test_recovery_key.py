"""The recovery-key file and a key read back: what it says, what parses, what opens the store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring

from desktop.core.errors import RejectedInput
from desktop.store import dbkey, recovery_key
from desktop.store.opening import open_store
from desktop.store.os_keyring import KeyringStore


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "onestop.db"
    key = dbkey.new_key()
    open_store(path, key=key).close()
    return path, key


def test_the_recovery_file_names_the_store_and_date_and_gives_the_key_back(tmp_path: Path) -> None:
    key = dbkey.new_key()
    store = tmp_path / "onestop.db"
    text = recovery_key.recovery_text(key, store, datetime(2026, 12, 7, 9, 30))
    assert recovery_key.parse_key(text) == key
    assert recovery_key.grouped(key) in text
    assert str(store) in text and "2026-12-07 09:30" in text
    assert "모든 사례를 읽을 수 있습니다" in text and "can read every" in text
    assert f"ONESTOP_DB_KEY={key.hex()} onestop db-key --save" in text
    assert text.index("이 파일은") < text.index("This file is")  # Korean first, English below


def test_a_key_is_read_in_groups_with_spaces_dashes_line_breaks_or_capitals() -> None:
    key = bytes(range(32))
    grouped = recovery_key.grouped(key)
    assert len(grouped.split()) == 16 and all(len(g) == 4 for g in grouped.split())
    for typed in (grouped, grouped.upper(), grouped.replace(" ", "-"), f"  {key.hex()}\n"):
        assert recovery_key.parse_key(typed) == key


@pytest.mark.parametrize("typed", ["", "abcd", "0" * 63, "0" * 65, "g" * 64, "0x" + "0" * 62])
def test_anything_but_64_hex_digits_is_refused_with_a_korean_message(typed: str) -> None:
    with pytest.raises(RejectedInput, match="16진수") as caught:
        recovery_key.parse_key(typed)
    assert "64 hex digits" in caught.value.text("en")


def test_a_recovery_file_is_read_and_a_huge_file_is_not(tmp_path: Path) -> None:
    key = dbkey.new_key()
    good = tmp_path / "key.txt"
    good.write_text(
        recovery_key.recovery_text(key, tmp_path / "x.db", datetime(2026, 1, 1)), encoding="utf-8"
    )
    assert recovery_key.read_key_file(good) == key
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"0" * (recovery_key.MAX_FILE_BYTES + 1))
    with pytest.raises(RejectedInput, match="너무 큽니다"):
        recovery_key.read_key_file(huge)
    with pytest.raises(RejectedInput, match="읽을 수 없습니다"):
        recovery_key.read_key_file(tmp_path / "missing.txt")


def test_the_right_key_is_kept_in_the_keyring(
    encrypted: tuple[Path, bytes], memory_keyring: MemoryKeyring
) -> None:
    path, key = encrypted
    done = recovery_key.recover(path, key)
    assert done == recovery_key.Recovered(key, kept=True, env_differs=False)
    assert KeyringStore(dbkey.KEYRING_SCOPE).get(dbkey.KEYRING_NAME) == key
    assert dbkey.key_for(path).key == key


def test_a_wrong_key_is_refused_and_nothing_is_kept(
    encrypted: tuple[Path, bytes], memory_keyring: MemoryKeyring
) -> None:
    path, _key = encrypted
    before = path.read_bytes()
    with pytest.raises(RejectedInput, match="열 수 없습니다") as caught:
        recovery_key.recover(path, dbkey.new_key())
    assert "does not open" in caught.value.text("en")
    assert memory_keyring.passwords == {}
    assert path.read_bytes() == before


def test_without_a_keyring_the_key_serves_this_session_only(
    encrypted: tuple[Path, bytes], no_keyring: None
) -> None:
    path, key = encrypted
    assert recovery_key.recover(path, key) == recovery_key.Recovered(key, kept=False, env_differs=False)
    assert dbkey.saved_key() is None


def test_another_key_in_the_environment_is_pointed_out(
    encrypted: tuple[Path, bytes], memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key = encrypted
    monkeypatch.setenv(dbkey.KEY_ENV, dbkey.new_key().hex())
    assert recovery_key.recover(path, key).env_differs


def test_the_fingerprint_tells_keys_apart_without_containing_them() -> None:
    one, two = dbkey.new_key(), dbkey.new_key()
    assert recovery_key.fingerprint(one) == recovery_key.fingerprint(one) != recovery_key.fingerprint(two)
    assert recovery_key.fingerprint(one) not in one.hex()


def test_a_plain_store_with_a_keyring_here_was_made_before_encryption(memory_keyring: MemoryKeyring) -> None:
    ko, en = dbkey.plain_reason()
    assert "onestop encrypt" in ko and "onestop encrypt" in en


def test_a_plain_store_without_a_keyring_says_so(no_keyring: None) -> None:
    ko, en = dbkey.plain_reason()
    assert "키 저장소" in ko and "keyring" in en
