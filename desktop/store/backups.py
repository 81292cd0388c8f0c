"""Backups of the store: the automatic daily copy with rotation, checking a backup, and restoring one.

* :func:`daily_backup` — called once at start by the app and the CLI: copies the store with
  SQLite's online backup API into ``<data dir>/backups/onestop-YYYY-MM-DD.db`` and keeps the
  newest :data:`KEEP`. When today's copy exists it costs one ``stat``. A copy that fails
  SQLite's quick check is kept as ``onestop-YYYY-MM-DD.damaged.db`` and nothing is pruned
  (a store going bad must not rotate the good copies away).
* :func:`check_backup` — is this file a whole OneStop store this program can open?
* :func:`restore_backup` — checks the backup on a private copy (integrity, foreign keys,
  schema), brings the copy to the current schema, records the restore in its audit log,
  then swaps it in with one rename. The replaced store is kept as ``<name>.before-restore``.
  A kill at any moment leaves the old store or the restored one at the live path, never a mix.

Backups of an encrypted store are encrypted with the same key (SQLCipher's backup API only copies
between databases with one key); checking or restoring an encrypted backup needs that key, and a
restored store keeps the backup's encryption.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import reject
from desktop.core.records import Actor
from desktop.store import audit, driver
from desktop.store.clock import Now, system_now
from desktop.store.db import Database
from desktop.store.schema import SCHEMA_VERSION, connect_for_reading, migrate

BACKUP_DIR_NAME = "backups"
KEEP = 7
BEFORE_RESTORE_SUFFIX = ".before-restore"
_DAILY = re.compile(r"^onestop-(\d{4}-\d{2}-\d{2})\.db$")
_STALE_PART_SECONDS = 3600
_REQUIRED_TABLES = ("schema_version", "meta", "firms", "cases", "case_events", "audit_log")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A checked backup: where it is, its schema version and what it holds."""

    path: Path
    schema_version: int
    firms: int
    cases: int
    size: int


@dataclass(frozen=True, slots=True)
class DailyBackup:
    """What :func:`daily_backup` did: the new copy, whether it passed the check, what was pruned."""

    path: Path
    ok: bool
    pruned: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A finished restore: the backup's facts, the schema it was migrated from, the kept old store."""

    restored: BackupInfo
    from_version: int
    live: Path
    before_restore: Path | None


def backup_dir(db_path: Path) -> Path:
    """``backups`` beside the store file (the per-user data dir unless ``--db`` says otherwise)."""
    return db_path.parent / BACKUP_DIR_NAME


def daily_name(day: date) -> str:
    return f"onestop-{day.isoformat()}.db"


def auto_backup_enabled() -> bool:
    """False when ``ONESTOP_AUTO_BACKUP`` is 0/no/off/false (scripts, tests)."""
    return os.environ.get("ONESTOP_AUTO_BACKUP", "1").strip().lower() not in ("0", "no", "off", "false")


def daily_backup(
    db: Database, *, today: date | None = None, keep: int = KEEP, folder: Path | None = None
) -> DailyBackup | None:
    """Make today's backup unless it exists; keep the newest ``keep`` daily copies.

    Returns None when nothing was done (today's copy exists, the store is empty or read-only,
    or ``ONESTOP_AUTO_BACKUP=0``).
    """
    if db.readonly or keep < 1 or not auto_backup_enabled():
        return None
    folder = folder or backup_dir(db.path)
    target = folder / daily_name(today or date.today())
    damaged = target.with_name(target.name.removesuffix(".db") + ".damaged.db")
    if target.exists() or damaged.exists():
        return None
    if db.scalar("SELECT 1 FROM firms LIMIT 1") is None and db.scalar("SELECT 1 FROM cases LIMIT 1") is None:
        return None
    _private_dir(folder)
    db.backup(target)
    _private_file(target)
    if not _quick_check_ok(target, db.key):
        os.replace(target, damaged)
        return DailyBackup(damaged, ok=False)
    return DailyBackup(target, ok=True, pruned=tuple(prune(folder, keep)))


def try_daily_backup(db: Database) -> tuple[DailyBackup | None, str]:
    """:func:`daily_backup` that never stops the program: (result, '' or why it failed)."""
    try:
        return daily_backup(db), ""
    except (OSError, driver.Error) as exc:
        return None, f"{type(exc).__name__}: {exc}"


def list_backups(folder: Path) -> list[Path]:
    """Daily backups in ``folder``, newest first."""
    try:
        names = [entry.name for entry in os.scandir(folder) if _DAILY.match(entry.name)]
    except FileNotFoundError:
        return []
    return [folder / name for name in sorted(names, reverse=True)]


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete daily backups beyond the newest ``keep`` and temp files left by a killed backup."""
    removed = list_backups(folder)[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".part") and _older_than(entry.path, _STALE_PART_SECONDS):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(Path(entry.path))
    return removed


def check_backup(path: Path, key: bytes | None = None) -> BackupInfo:
    """Check that ``path`` is a whole OneStop store this program can open (read only); ``key``
    opens an encrypted backup.

    Raises:
        RejectedInput: field ``backup``: missing, not an SQLite file (or encrypted and ``key``
            does not open it), damaged (integrity or foreign keys), not a OneStop store, or from
            a newer program.
    """
    key = _refuse_non_store_file(path, key)
    try:
        conn = connect_for_reading(path, key)
    except driver.Error as exc:
        raise _bad(path, f"열 수 없습니다 ({exc})", f"cannot be opened ({exc})") from exc
    try:
        return _check_connection(conn, path)
    finally:
        conn.close()


def restore_backup(
    source: Path,
    live: Path,
    actor: Actor,
    *,
    key: bytes | None = None,
    reason: str = "",
    now: Now = system_now,
) -> RestoreResult:
    """Replace the store at ``live`` with the backup ``source``, after checking the backup.

    The live store must not be open in another program. Nothing at ``live`` changes unless
    the backup passed every check; the replaced store is kept as ``live.before-restore``.
    ``key`` (the user's store key) opens an encrypted backup and an encrypted live store.

    Raises:
        RejectedInput: the backup is refused (see :func:`check_backup`), it is the live
            store itself, or the live store is in use.
    """
    if live.exists() and source.exists() and source.resolve() == live.resolve():
        raise _bad(source, "지금 쓰는 데이터베이스 자체입니다", "is the live database itself")
    source_key = _refuse_non_store_file(source, key)
    live.parent.mkdir(parents=True, exist_ok=True)
    tmp = live.with_name(f".{live.name}.restore-{uuid.uuid4().hex}.part")
    try:
        info = _private_copy(source, tmp, source_key)
        from_version = info.schema_version
        copy = Database(tmp, key=source_key)
        try:
            migrate(copy)
            with copy.transaction():
                audit.record(
                    copy,
                    actor,
                    "store.restore",
                    str(live),
                    reason=reason.strip(),
                    detail=f"from {source} (schema {from_version}, {info.cases} cases)",
                    now=now,
                )
            copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        before = swap_in(tmp, live, BEFORE_RESTORE_SUFFIX, key)
    finally:
        remove_with_sidecars(tmp)
    return RestoreResult(info, from_version, live, before)


def swap_in(tmp: Path, live: Path, keep_suffix: str, key: bytes | None) -> Path | None:
    """Put the finished single file ``tmp`` at ``live`` with one rename; the replaced store is kept
    as ``live + keep_suffix`` (returned; None if there was none).

    Raises:
        RejectedInput: field ``database``: the live store is open in another program.
    """
    _private_file(tmp)
    _fsync(tmp)
    before = _retire_live(live, keep_suffix, key)
    os.replace(tmp, live)
    _fsync_dir(live.parent)
    return before


def remove_with_sidecars(path: Path) -> None:
    """Delete a database file and its journal, write-ahead log and shared-memory files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- helpers ---------------------------------------------------------------------------------------


def _bad(path: Path, ko: str, en: str) -> Exception:
    return reject(
        "backup",
        f"백업 파일을 쓸 수 없습니다: {ko}. 아무것도 바꾸지 않았습니다.",
        f"The backup cannot be used: it {en}. Nothing was changed.",
        source=str(path),
    )


def _refuse_non_store_file(path: Path, key: bytes | None) -> bytes | None:
    """Refuse a missing, unreadable or non-SQLite file; return the key that opens it (None: plain)."""
    try:
        plain = driver.is_plain_sqlite(path)
    except OSError as exc:
        raise _bad(path, f"읽을 수 없습니다 ({exc.strerror})", f"cannot be read ({exc.strerror})") from exc
    if plain is None and not path.exists():
        raise _bad(path, "파일이 없습니다", "does not exist")
    if plain:
        return None
    if key is None or plain is None:
        raise _bad(
            path,
            "SQLite 데이터베이스가 아니거나, 이 컴퓨터에 키가 없는 암호화된 백업입니다",
            "is not an SQLite database, or an encrypted backup whose key is not on this computer",
        )
    try:
        driver.connect(path, key=key).close()
    except driver.DatabaseError as exc:
        raise _bad(
            path,
            "SQLite 데이터베이스가 아니거나, 다른 키로 암호화되었습니다",
            "is not an SQLite database, or is encrypted with another key",
        ) from exc
    return key


def _check_connection(conn: driver.Connection, path: Path) -> BackupInfo:
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)") if str(r[0]) != "ok"]
        problems += [f"foreign key {r[0]} rowid {r[1]}" for r in conn.execute("PRAGMA foreign_key_check")]
        if problems:
            raise _bad(
                path,
                "손상되었습니다 (" + "; ".join(problems[:3]) + ")",
                "is damaged (" + "; ".join(problems[:3]) + ")",
            )
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in _REQUIRED_TABLES if t not in tables]
        if missing:
            raise _bad(
                path,
                f"원스톱 데스크 데이터베이스가 아닙니다 (없는 표: {', '.join(missing)})",
                f"is not a OneStop store (missing tables: {', '.join(missing)})",
            )
        version = int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise _bad(
                path,
                f"더 새 프로그램(스키마 {version})에서 만든 백업입니다. 프로그램을 업데이트하세요",
                f"was made by a newer program (schema {version}, this one reads {SCHEMA_VERSION}); "
                "update the program",
            )
        if version < 1:
            raise _bad(path, "스키마 버전이 없습니다", "has no schema version")
        firms = int(conn.execute("SELECT count(*) FROM firms").fetchone()[0])
        cases = int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    except driver.DatabaseError as exc:
        raise _bad(path, f"손상되었습니다 ({exc})", f"is damaged ({exc})") from exc
    return BackupInfo(path, version, firms, cases, path.stat().st_size)


def _private_copy(source: Path, tmp: Path, key: bytes | None) -> BackupInfo:
    """Copy ``source`` with the backup API into ``tmp`` (a single file, same key) and check the copy."""
    try:
        src = connect_for_reading(source, key)
        try:
            dst = driver.connect(tmp, key=key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except driver.DatabaseError as exc:
        raise _bad(source, f"손상되었습니다 ({exc})", f"is damaged ({exc})") from exc
    conn = driver.connect(tmp, key=key)
    try:
        return _check_connection(conn, source)
    finally:
        conn.close()


def _in_use(live: Path, key: bytes | None) -> bool:
    """True when another connection (this or another program) has the store open."""
    conn: driver.Connection | None = None
    try:
        # Inside the try: with a key, connecting already reads page 1 and may meet the lock.
        conn = driver.connect(live, key=key, timeout=0.5, isolation_level=None)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
        return False
    except driver.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        if conn is not None:
            conn.close()


def _retire_live(live: Path, keep_suffix: str, key: bytes | None) -> Path | None:
    """Make the live file whole (checkpoint), keep it as ``live + keep_suffix``; None if there was none."""
    if not live.exists():
        return None
    if driver.is_plain_sqlite(live):
        key = None
    try:
        if _in_use(live, key):
            raise reject(
                "database",
                "데이터베이스를 다른 프로그램이 쓰고 있습니다. 원스톱 데스크를 모두 닫고 다시 하세요. "
                "아무것도 바꾸지 않았습니다.",
                "The database is open in another program. Close every OneStop window and try again. "
                "Nothing was changed.",
                source=str(live),
            )
        conn = driver.connect(live, key=key, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except driver.DatabaseError:
        pass  # a damaged live store (the reason for many restores), or no key: keep it as it is
    before = live.with_name(live.name + keep_suffix)
    wal = Path(f"{live}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Not checkpointed (damaged store): its log must not be replayed into the restored file.
        os.replace(wal, Path(f"{before}-wal"))
    part = before.with_name(before.name + ".part")
    part.unlink(missing_ok=True)
    try:
        os.link(live, part)
    except OSError:
        import shutil

        shutil.copy2(live, part)
    os.replace(part, before)
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    return before


def _quick_check_ok(path: Path, key: bytes | None) -> bool:
    try:
        conn = connect_for_reading(path, key)
        try:
            return [str(r[0]) for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except driver.DatabaseError:
        return False


def _older_than(path: str, seconds: float) -> bool:
    try:
        return time.time() - os.stat(path).st_mtime > seconds
    except OSError:
        return False


def _private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            folder.chmod(0o700)


def _private_file(path: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
