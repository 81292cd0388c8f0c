"""The SQLite library under the store: SQLCipher (``sqlcipher3``) for plain and encrypted files alike.

Every store connection goes through :func:`connect`, and every ``except`` names this module's
exception classes, because ``sqlcipher3`` has its own exception hierarchy (a
``sqlcipher3.dbapi2.OperationalError`` is not a ``sqlite3.OperationalError``). One library for
every connection of the process also matters for correctness: two SQLite copies in one process
do not see each other's POSIX locks, and closing a file in one silently drops the other's locks.

Without ``sqlcipher3`` (a platform with no wheel) the stdlib ``sqlite3`` runs plain stores and
:data:`ENCRYPTION_AVAILABLE` is False.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.core.errors import RejectedInput, reject

if TYPE_CHECKING:  # the stdlib stubs describe sqlcipher3's DB-API module exactly
    import sqlite3 as sqlite

    ENCRYPTION_AVAILABLE: bool
else:
    try:
        from sqlcipher3 import dbapi2 as sqlite

        ENCRYPTION_AVAILABLE = True
    except ImportError:  # pragma: no cover - every supported platform has a wheel
        import sqlite3 as sqlite

        ENCRYPTION_AVAILABLE = False

Connection = sqlite.Connection
Cursor = sqlite.Cursor
Row = sqlite.Row
Error = sqlite.Error
DatabaseError = sqlite.DatabaseError
OperationalError = sqlite.OperationalError
IntegrityError = sqlite.IntegrityError
complete_statement = sqlite.complete_statement
sqlite_version = sqlite.sqlite_version

KEY_BYTES = 32
SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_FULL = 13
_logging_silenced = False


def connect(
    target: str | Path,
    *,
    key: bytes | None = None,
    uri: bool = False,
    timeout: float = 5.0,
    isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = "DEFERRED",
    check_same_thread: bool = True,
) -> sqlite.Connection:
    """Open ``target``; with ``key`` (32 raw bytes) as an SQLCipher store.

    The key must be the very first statement: SQLCipher reads it before touching page 1. A raw
    key (``x'…'``) skips SQLCipher's PBKDF2 step, so opening costs no key derivation — the key is
    random, not a password.
    """
    _silence_cipher_log()
    conn = sqlite.connect(
        str(target),
        uri=uri,
        timeout=timeout,
        isolation_level=isolation_level,
        check_same_thread=check_same_thread,
    )
    if key is not None:
        try:
            conn.execute(key_pragma(key))
            # SQLCipher only notices a wrong key when it first reads page 1: read it now, so a
            # wrong key fails here ("file is not a database") before anything could write.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
    return conn


def key_pragma(key: bytes, schema: str = "") -> str:
    """``PRAGMA [schema.]key = "x'<hex>'"`` for a raw 256-bit key (hex only: nothing to escape)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    prefix = f"{schema}." if schema else ""
    return f"PRAGMA {prefix}key = \"x'{key.hex()}'\""


def attach_key_clause(key: bytes | None) -> str:
    """The ``KEY …`` part of ``ATTACH DATABASE ? AS name KEY …`` (empty key = a plain file)."""
    return f"KEY \"x'{key.hex()}'\"" if key is not None else "KEY ''"


def is_plain_sqlite(path: Path) -> bool | None:
    """True: an unencrypted SQLite file; False: something else (encrypted or foreign);
    None: missing or empty (a new store is made there)."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    if not magic:
        return None
    return magic == SQLITE_MAGIC


def is_disk_full(exc: BaseException) -> bool:
    """SQLITE_FULL (the disk, or the database's page limit) or an OS 'no space left'."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) == _SQLITE_FULL:
            return True
        return "database or disk is full" in str(exc)
    return False


def disk_full(exc: BaseException) -> RejectedInput:
    """The translated refusal for :func:`is_disk_full` errors."""
    where = getattr(exc, "filename", None)
    return reject(
        "disk",
        "디스크(또는 데이터베이스)가 가득 찼습니다. 공간을 비운 뒤 다시 하세요. 아무것도 바꾸지 않았습니다.",
        "The disk (or the database) is full. Free some space and try again. Nothing was changed.",
        source=str(where) if where else None,
    )


def _silence_cipher_log() -> None:
    """SQLCipher prints every failed page decryption to stderr; a wrong key is reported by us."""
    global _logging_silenced
    if _logging_silenced or not ENCRYPTION_AVAILABLE:
        return
    probe = sqlite.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
    finally:
        probe.close()
    _logging_silenced = True
