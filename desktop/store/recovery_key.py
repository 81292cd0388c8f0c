"""The recovery-key file: the store key written out for safekeeping, and a key read back from it.

Without the OS keyring that holds it (a reinstalled OS, a reset profile, a new laptop with the
copied store or its backups) an encrypted store cannot be read; the recovery-key file is the
user's copy. It is plain text — Korean with English below — so it can be printed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.errors import RejectedInput, reject
from desktop.store import driver
from desktop.store.dbkey import KEY_ENV, KEYRING_NAME, KEYRING_SCOPE, hex_key, key_from_env
from desktop.store.os_keyring import KeyringStore
from desktop.store.schema import connect_for_reading

BEGIN = "-----BEGIN ONESTOP DATABASE KEY-----"
END = "-----END ONESTOP DATABASE KEY-----"
SUGGESTED_FILE_NAME = "onestop-recovery-key.txt"
# A recovery file is a page of text; anything much larger is not one (and is not read whole).
MAX_FILE_BYTES = 64 * 1024
AUDIT_SAVED = "store.key_saved"
AUDIT_RECOVERED = "store.key_recovered"
_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Recovered:
    """A key that opens the store; ``kept``: now in the OS keyring (else this session only);
    ``env_differs``: ``ONESTOP_DB_KEY`` holds another key, which wins over the keyring."""

    key: bytes
    kept: bool
    env_differs: bool


def fingerprint(key: bytes) -> str:
    """A short, one-way tag of ``key`` (what the settings remember: which key was saved, not the key)."""
    return hashlib.sha256(b"onestop recovery-key fingerprint\x00" + key).hexdigest()[:16]


def grouped(key: bytes) -> str:
    """The key as 16 groups of 4 hex digits on two lines, easy to read aloud and type."""
    groups = [key.hex()[i : i + 4] for i in range(0, 2 * driver.KEY_BYTES, 4)]
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])


def recovery_text(key: bytes, store: Path, when: datetime) -> str:
    """The content of a recovery-key file for ``key``, which opens ``store``."""
    stamp = when.strftime("%Y-%m-%d %H:%M")
    command = f"{KEY_ENV}={key.hex()} onestop db-key --save"
    return f"""원스톱 현장지원 데스크 — 데이터베이스 복구 키
OneStop Field Desk — database recovery key

이 파일은 원스톱 데스크 데이터베이스를 여는 암호화 키입니다. 키는 이 컴퓨터의 OS 키 저장소에만
있으므로 운영체제를 다시 설치하거나, 사용자 프로필이 초기화되거나, 데이터베이스나 백업을 새
노트북으로 옮기면 이 키 없이는 어떤 사례도 읽을 수 없습니다. USB 메모리나 인쇄본으로 이 컴퓨터와
다른 곳에 보관하세요.

주의: 이 파일과 데이터베이스 파일(또는 그 백업)을 함께 가진 사람은 모든 사례를 읽을 수 있습니다.
노트북과 같은 가방에 넣지 마세요.

{BEGIN}
{grouped(key)}
{END}

데이터베이스: {store}
저장한 날: {stamp}

쓰는 법
- 프로그램: 시작할 때 키가 없다는 창이 뜨면 "복구 키 입력…"을 누르고 위의 16진수 64자리를
  입력하거나(띄어쓰기 상관없음) 이 파일을 여세요. 키는 이 컴퓨터의 키 저장소에 다시 저장됩니다.
- 명령줄: {command}

----------------------------------------------------------------------------------------------

This file is the encryption key that opens the OneStop Field Desk database. The key is kept only
in this computer's OS keyring: after reinstalling the OS, a profile reset, or moving the database
or its backups to a new laptop, no case can be read without it. Keep it somewhere other than this
computer: a USB stick, or printed.

Warning: anyone who has this file and the database file (or one of its backups) can read every
case. Do not keep it in the laptop bag.

Key: the 64 hex digits between the BEGIN and END lines above.
Database: {store}
Saved: {stamp}

How to use it
- In the program: when it starts and says this computer has no key, click "복구 키 입력…"
  (Enter recovery key) and type the 64 hex digits (spaces do not matter) or open this file.
  The key is saved in this computer's keyring again.
- Command line: {command}
"""


def parse_key(text: str) -> bytes:
    """The key in ``text``: 64 hex digits (spaces and dashes allowed), or a recovery-key file's content.

    Raises:
        RejectedInput: field ``recovery_key``: no 64-hex-digit key found.
    """
    if BEGIN in text:
        text = text.split(BEGIN, 1)[1].split(END, 1)[0]
    digits = _SEPARATORS.sub("", text)
    key = hex_key(digits)
    if key is None:
        raise reject(
            "recovery_key",
            f"복구 키는 16진수(0–9, a–f) 64자리입니다. 입력한 것은 {len(digits)}자입니다. "
            "아무것도 저장하지 않았습니다.",
            f"A recovery key is 64 hex digits (0–9, a–f); this is {len(digits)} characters. "
            "Nothing was saved.",
        )
    return key


def read_key_file(path: Path) -> bytes:
    """The key in the recovery-key file at ``path``.

    Raises:
        RejectedInput: field ``recovery_key``: unreadable, too large, or no key in it.
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise reject(
            "recovery_key",
            f"복구 키 파일을 읽을 수 없습니다: {exc.strerror}",
            f"Cannot read the recovery-key file: {exc.strerror}",
            source=str(path),
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise reject(
            "recovery_key",
            "복구 키 파일이 아닙니다 (너무 큽니다).",
            "This is not a recovery-key file (it is too large).",
            source=str(path),
        )
    return parse_key(data.decode("utf-8", errors="replace"))


def check_key(store: Path, key: bytes) -> None:
    """Refuse ``key`` unless it opens the encrypted ``store`` (read only: nothing is written).

    Raises:
        RejectedInput: field ``recovery_key``: the key does not open the store.
    """
    try:
        connect_for_reading(store, key).close()
    except driver.DatabaseError as exc:
        raise reject(
            "recovery_key",
            "이 키로는 데이터베이스를 열 수 없습니다: 다른 데이터베이스의 키이거나 잘못 입력했습니다. "
            "아무것도 저장하지 않았습니다.",
            "This key does not open the database: it belongs to another database, or it was mistyped. "
            "Nothing was saved.",
            source=str(store),
        ) from exc


def recover(store: Path, key: bytes) -> Recovered:
    """Check ``key`` against ``store``, then keep it in the OS keyring when there is a usable one.

    Raises:
        RejectedInput: field ``recovery_key``: the key does not open the store (nothing saved).
    """
    check_key(store, key)
    kept = KeyringStore(KEYRING_SCOPE).keep(KEYRING_NAME, key)
    try:
        env = key_from_env()
    except RejectedInput:  # a malformed ONESTOP_DB_KEY is a different key too
        env = b""
    return Recovered(key, kept, env is not None and env != key)
