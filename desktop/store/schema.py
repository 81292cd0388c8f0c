"""Schema versioning: applies forward-only migrations and refuses databases from the future."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.core.errors import reject
from desktop.store import driver
from desktop.store.db import Database
from desktop.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


def _newer(version: int, source: str) -> Exception:
    return reject(
        "schema_version",
        f"이 데이터베이스(스키마 {version})는 이 프로그램(스키마 {SCHEMA_VERSION})보다 새 버전에서 "
        "만들어졌습니다. 프로그램을 업데이트하세요. 파일은 변경하지 않았습니다.",
        f"This database (schema {version}) was written by a newer program (schema "
        f"{SCHEMA_VERSION}). Update the program; the file was not changed.",
        source=source,
    )


def connect_for_reading(path: Path, key: bytes | None = None) -> driver.Connection:
    """A connection that only reads ``path`` (read-only; the main file is never written).

    A store killed mid-write may leave a write-ahead log that SQLite must recover before anyone
    can read, which a read-only connection cannot do ("attempt to write a readonly database").
    Then a normal connection with ``query_only`` reads it: recovery rebuilds the log's index
    and closing it copies committed transactions into the file, which changes no data.
    """
    try:
        conn = driver.connect(f"{path.resolve().as_uri()}?mode=ro", key=key, uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except driver.OperationalError as exc:
        if "readonly" not in str(exc):
            raise
    conn = driver.connect(path, key=key)
    conn.execute("PRAGMA query_only = ON")
    return conn


def refuse_unusable_file(path: Path, key: bytes | None = None) -> None:
    """Before anything writes to an existing file: refuse, untouched, a file that is not an SQLite
    database, is encrypted and ``key`` does not open it, is damaged beyond opening, or comes from a
    newer program.

    (Opening for writing switches the file to WAL, which rewrites its header: a newer
    program's database or backup in rollback-journal mode would be changed before the version
    check could refuse it.)

    Raises:
        RejectedInput: field ``database`` or ``schema_version``; nothing was written.
    """
    try:
        plain = driver.is_plain_sqlite(path)
    except OSError as exc:
        raise reject(
            "database",
            f"데이터베이스 파일을 읽을 수 없습니다: {exc.strerror}",
            f"Cannot read the database file: {exc.strerror}",
            source=str(path),
        ) from exc
    if plain is None:
        return  # missing or empty: a new store is made there
    if not plain and key is None:
        raise reject(
            "database",
            "원스톱 데스크 데이터베이스(SQLite)가 아니거나, 이 컴퓨터에 키가 없는 "
            "암호화된 데이터베이스입니다. --db 경로를 확인하고, 암호화된 것이면 만든 사용자 "
            "계정에서 열거나 ONESTOP_DB_KEY에 키를 주세요. 'onestop restore 백업파일'로 복원할 "
            "수도 있습니다. 파일은 변경하지 않았습니다.",
            "Not a OneStop database (SQLite) file, or an encrypted one whose key is not on this computer. "
            "Check the --db path; if it is encrypted, open it under the user account that made it or give "
            "its key in ONESTOP_DB_KEY; or restore a backup with 'onestop restore BACKUP'. The file was "
            "not changed.",
            source=str(path),
        )
    try:
        conn = connect_for_reading(path, None if plain else key)
        try:
            exists = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()[0]
            version = (
                int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])
                if exists
                else 0
            )
        finally:
            conn.close()
    except driver.DatabaseError as exc:
        if not plain:
            raise reject(
                "database",
                "이 컴퓨터의 키로 데이터베이스를 열 수 없습니다: 다른 키로 암호화되었거나, "
                "손상되었거나, 원스톱 데스크 데이터베이스가 아닙니다. 만든 사용자 계정에서 열거나 "
                "ONESTOP_DB_KEY에 맞는 키를 주세요. 파일은 변경하지 않았습니다.",
                "This computer's key does not open the database: it is encrypted with another key, damaged, "
                "or not a OneStop database. Open it under the user account that made it, or give its key in "
                "ONESTOP_DB_KEY. The file was not changed.",
                source=str(path),
            ) from exc
        raise reject(
            "database",
            f"데이터베이스 파일이 손상되어 열 수 없습니다 ({exc}). 'onestop restore 백업파일'로 백업에서 "
            "복원하세요. 파일은 변경하지 않았습니다.",
            f"The database file is damaged and cannot be opened ({exc}). Restore a backup with "
            "'onestop restore BACKUP'; the file was not changed.",
            source=str(path),
        ) from exc
    if version > SCHEMA_VERSION:
        raise _newer(version, str(path))


def current_version(db: Database) -> int:
    exists = db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if not exists:
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_version") or 0)


def migrate(db: Database) -> list[int]:
    """Bring the file to :data:`SCHEMA_VERSION`; returns the versions applied.

    Each migration runs in its own transaction together with its version row, so a
    crash leaves the file at the previous version, never half-way.
    """
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise _newer(version, str(db.path))
    applied = []
    for index in range(version, SCHEMA_VERSION):
        target = index + 1
        with db.transaction():
            if target == 1:
                db.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                    "applied_at TEXT NOT NULL, app_version TEXT NOT NULL)"
                )
            # executescript would COMMIT our transaction; run statement by statement.
            for statement in _statements(MIGRATIONS[index].SQL):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version (version, applied_at, app_version) VALUES (?, ?, ?)",
                (target, datetime.now().isoformat(timespec="seconds"), __version__),
            )
        applied.append(target)
    return applied


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (complete_statement aware)."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if driver.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
