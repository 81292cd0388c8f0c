"""Schema versioning: applies forward-only migrations and refuses databases from the future."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.core.errors import reject
from desktop.store.db import Database
from desktop.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _newer(version: int, source: str) -> Exception:
    return reject(
        "schema_version",
        f"이 데이터베이스(스키마 {version})는 이 프로그램(스키마 {SCHEMA_VERSION})보다 새 버전에서 "
        "만들어졌습니다. 프로그램을 업데이트하세요. 파일은 변경하지 않았습니다.",
        f"This database (schema {version}) was written by a newer program (schema "
        f"{SCHEMA_VERSION}). Update the program; the file was not changed.",
        source=source,
    )


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that only reads ``path`` (read-only; the main file is never written).

    A store killed mid-write may leave a write-ahead log that SQLite must recover before anyone
    can read, which a read-only connection cannot do ("attempt to write a readonly database").
    Then a normal connection with ``query_only`` reads it: recovery rebuilds the log's index
    and closing it copies committed transactions into the file, which changes no data.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" not in str(exc):
            raise
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA query_only = ON")
    return conn


def refuse_unusable_file(path: Path) -> None:
    """Before anything writes to an existing file: refuse, untouched, a file that is not an SQLite
    database, is damaged beyond opening, or comes from a newer program.

    (Opening for writing switches the file to WAL, which rewrites its header: a newer
    program's database or backup in rollback-journal mode would be changed before the version
    check could refuse it.)

    Raises:
        RejectedInput: field ``database`` or ``schema_version``; nothing was written.
    """
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise reject(
            "database",
            f"데이터베이스 파일을 읽을 수 없습니다: {exc.strerror}",
            f"Cannot read the database file: {exc.strerror}",
            source=str(path),
        ) from exc
    if not magic:
        return  # empty: a new store is made in it
    if magic != _SQLITE_MAGIC:
        raise reject(
            "database",
            "원스톱 데스크 데이터베이스(SQLite)가 아닙니다. --db 경로를 확인하거나 'onestop restore "
            "백업파일'로 복원하세요. 파일은 변경하지 않았습니다.",
            "Not a OneStop database (SQLite) file. Check the --db path, or restore a backup with "
            "'onestop restore BACKUP'; the file was not changed.",
            source=str(path),
        )
    try:
        conn = connect_for_reading(path)
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
    except sqlite3.DatabaseError as exc:
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
    """Split a migration script into statements (sqlite3.complete_statement aware)."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
