"""Schema versioning: applies forward-only migrations and refuses databases from the future."""

from __future__ import annotations

from datetime import datetime

from desktop import __version__
from desktop.core.errors import reject
from desktop.store.db import Database
from desktop.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


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
        raise reject(
            "schema_version",
            f"이 데이터베이스(스키마 {version})는 이 프로그램(스키마 {SCHEMA_VERSION})보다 새 버전에서 "
            "만들어졌습니다. 프로그램을 업데이트하세요. 파일은 변경하지 않았습니다.",
            f"This database (schema {version}) was written by a newer program (schema "
            f"{SCHEMA_VERSION}). Update the program; the file was not changed.",
            source=str(db.path),
        )
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
    import sqlite3

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
