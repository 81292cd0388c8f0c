"""The store's encryption key: where it is kept and which key (if any) a store file is opened with.

One random 256-bit key per user account, kept in the OS keyring (``onestop-field-desk`` /
``store/db-key``). Every store and backup of that user on this computer is encrypted with it, so a
moved store or a restored backup opens without asking. Scripts and machines without a keyring may
give it in ``ONESTOP_DB_KEY`` (64 hex digits) instead — it wins over the keyring; see SECURITY.md
for what that exposes.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import reject
from desktop.store import driver
from desktop.store.os_keyring import KeyringStore, keyring_usable

KEY_ENV = "ONESTOP_DB_KEY"
KEYRING_SCOPE = "store"
KEYRING_NAME = "db-key"
_NO_KEYRING = (
    "이 컴퓨터에는 쓸 수 있는 OS 키 저장소가 없어 데이터베이스를 암호화하지 않았습니다. 디스크 "
    "암호화(BitLocker, FileVault)를 쓰세요.",
    "The database is not encrypted: this computer has no usable OS keyring. Use disk encryption "
    "(BitLocker, FileVault).",
)
_NO_LIBRARY = (
    "암호화 라이브러리(sqlcipher3)가 없어 데이터베이스를 암호화하지 않았습니다.",
    "The database is not encrypted: the encryption library (sqlcipher3) is not installed.",
)


@dataclass(frozen=True, slots=True)
class KeyChoice:
    """The key to open a store with (None: plain) and, for a new plain store, why it is plain."""

    key: bytes | None
    new_store: bool = False
    plain_note_ko: str = ""
    plain_note_en: str = ""

    def note(self, lang: str) -> str:
        return self.plain_note_en if lang == "en" else self.plain_note_ko


def new_key() -> bytes:
    return secrets.token_bytes(driver.KEY_BYTES)


def hex_key(digits: str) -> bytes | None:
    """``digits`` as a store key; None unless they are exactly 64 hex digits."""
    try:
        key = bytes.fromhex(digits)
    except ValueError:
        return None
    return key if len(key) == driver.KEY_BYTES else None


def key_from_env() -> bytes | None:
    """``ONESTOP_DB_KEY`` as 32 bytes, None when unset.

    Raises:
        RejectedInput: field ``ONESTOP_DB_KEY``: not 64 hex digits.
    """
    text = os.environ.get(KEY_ENV, "").strip()
    if not text:
        return None
    key = hex_key(text)
    if key is None:
        raise reject(
            KEY_ENV,
            f"{KEY_ENV}는 16진수 64자리(256비트 키)여야 합니다.",
            f"{KEY_ENV} must be 64 hex digits (a 256-bit key).",
        )
    return key


def saved_key() -> bytes | None:
    """The user's store key from ``ONESTOP_DB_KEY`` or the keyring; None if neither has one."""
    env = key_from_env()
    if env is not None:
        return env
    return KeyringStore(KEYRING_SCOPE).get(KEYRING_NAME) if keyring_usable() else None


def key_for_new_store() -> KeyChoice:
    """Encrypt by default: the saved key, or a new one put in the keyring; plain only without either."""
    key = saved_key()
    if key is not None:
        return KeyChoice(key, new_store=True)
    if not driver.ENCRYPTION_AVAILABLE:
        return KeyChoice(None, True, *_NO_LIBRARY)
    if not keyring_usable():
        return KeyChoice(None, True, *_NO_KEYRING)
    key = new_key()
    if not KeyringStore(KEYRING_SCOPE).keep(KEYRING_NAME, key):
        return KeyChoice(None, True, *_NO_KEYRING)
    return KeyChoice(key, new_store=True)


def plain_reason() -> tuple[str, str]:
    """Why an open store is plain (Korean, English): no library, no keyring, or made before."""
    if not driver.ENCRYPTION_AVAILABLE:
        return _NO_LIBRARY
    if not keyring_usable():
        return _NO_KEYRING
    return (
        "이 데이터베이스는 암호화하지 않은 채 만들어졌습니다. 'onestop encrypt'로 암호화할 수 있습니다.",
        "This database was created unencrypted. 'onestop encrypt' encrypts it.",
    )


def key_for(path: Path) -> KeyChoice:
    """Which key opens ``path``: none for a plain store; the saved key for an encrypted (or
    foreign) file — None when there is none, and opening then refuses it with a clear message;
    for a missing or empty file, :func:`key_for_new_store`."""
    plain = driver.is_plain_sqlite(path)
    if plain is None:
        return key_for_new_store()
    return KeyChoice(None if plain else saved_key())


def key_for_encrypting() -> bytes:
    """The key ``onestop encrypt`` uses: the saved one, else a new one put in the keyring.

    Raises:
        RejectedInput: field ``encryption``: no sqlcipher3, or nowhere to keep a key.
    """
    if not driver.ENCRYPTION_AVAILABLE:
        raise reject(
            "encryption",
            "암호화 라이브러리(sqlcipher3)가 설치되어 있지 않습니다. 아무것도 바꾸지 않았습니다.",
            "The encryption library (sqlcipher3) is not installed. Nothing was changed.",
        )
    choice = key_for_new_store()
    if choice.key is None:
        raise reject(
            "encryption",
            f"키를 보관할 OS 키 저장소가 없습니다. {KEY_ENV}에 키(16진수 64자리)를 주세요. "
            "아무것도 바꾸지 않았습니다.",
            f"There is no OS keyring to keep the key in. Give a key (64 hex digits) in {KEY_ENV}. "
            "Nothing was changed.",
        )
    return choice.key


def save_env_key_in_keyring() -> bytes:
    """Put the key given in ``ONESTOP_DB_KEY`` into the OS keyring (a new laptop, a restored backup).

    Raises:
        RejectedInput: field ``ONESTOP_DB_KEY``: unset or malformed; or ``encryption``: no keyring.
    """
    key = key_from_env()
    if key is None:
        raise reject(KEY_ENV, f"{KEY_ENV}에 저장할 키를 주세요.", f"Give the key to save in {KEY_ENV}.")
    if not keyring_usable():
        raise reject(
            "encryption",
            "이 컴퓨터에는 쓸 수 있는 OS 키 저장소가 없습니다.",
            "This computer has no usable OS keyring.",
        )
    KeyringStore(KEYRING_SCOPE).put(KEYRING_NAME, key)
    return key
