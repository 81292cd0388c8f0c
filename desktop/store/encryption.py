"""Converting a store between plain and encrypted (``onestop encrypt`` / ``onestop decrypt``).

SQLCipher's ``sqlcipher_export`` writes a converted copy into a private temp file beside the
store; the copy is checked (``integrity_check`` and the row count of every table) before it
replaces the store with the restore code's one rename (:func:`backups.swap_in`). The old file is
kept under ``.before-encrypt`` only until the new store has opened with its key, then deleted.
A kill at any moment leaves the old store or the converted one at the live path, never a mix;
what else it may leave (the temp copy, the ``.before-encrypt`` file — plaintext, when encrypting)
is deleted by :func:`clear_leftovers` the next time the store is opened or converted.
The daily backups beside the store are converted the same way: plaintext copies of a store
that was just encrypted would defeat the point.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import reject
from desktop.store import backups, driver

BEFORE_CONVERT_SUFFIX = ".before-encrypt"
_LEFTOVER = re.compile(r"^(\..+\.convert-[0-9a-f]{32}\.part|.+\.before-encrypt)(-wal|-shm|-journal)?$")


@dataclass(frozen=True, slots=True)
class Conversion:
    """A finished conversion: the store, whether it is now encrypted, what was checked."""

    live: Path
    encrypted: bool
    tables: int
    rows: int
    backups: tuple[Path, ...]


def encrypt_store(live: Path, key: bytes) -> Conversion:
    """Encrypt the plain store at ``live`` (and its daily backups) with ``key``.

    Raises:
        RejectedInput: field ``database``: no store, already encrypted, open in another
            program, or the converted copy did not check out (nothing changed).
    """
    return _convert_with_backups(live, None, key)


def decrypt_store(live: Path, key: bytes) -> Conversion:
    """Turn the encrypted store at ``live`` (and its daily backups) back into plain SQLite files.

    Raises:
        RejectedInput: field ``database``: no store, not encrypted, ``key`` does not open it,
            open in another program, or the converted copy did not check out (nothing changed).
    """
    return _convert_with_backups(live, key, None)


def clear_leftovers(live: Path) -> list[Path]:
    """Delete what a conversion killed half-way left beside the store and its daily backups.

    Both kinds can always go: the swap is one rename, so the file at the live path is whole,
    either the original or the verified conversion, and ``.before-encrypt`` is the original or a
    link to it. A conversion running in another process at that moment fails its own check and
    changes nothing.
    """
    removed = []
    for folder in (live.parent, backups.backup_dir(live)):
        try:
            found = {m.group(1) for m in map(_LEFTOVER.match, os.listdir(folder)) if m}
        except FileNotFoundError:
            continue
        for name in sorted(found):
            backups.remove_with_sidecars(folder / name)
            removed.append(folder / name)
    return removed


def _convert_with_backups(live: Path, from_key: bytes | None, to_key: bytes | None) -> Conversion:
    encrypting = to_key is not None
    clear_leftovers(live)
    state = driver.is_plain_sqlite(live)
    if state is None:
        raise _refused(live, "데이터베이스가 없습니다", "there is no database")
    if state != encrypting:
        raise _refused(
            live,
            "이미 암호화되어 있습니다" if encrypting else "암호화되어 있지 않습니다",
            "it is already encrypted" if encrypting else "it is not encrypted",
        )
    try:
        tables, rows = convert_file(live, from_key, to_key)
    except driver.DatabaseError as exc:
        raise _refused(
            live,
            f"키가 맞지 않거나 손상되었습니다 ({exc})",
            f"the key does not open it, or it is damaged ({exc})",
        ) from exc
    done = []
    for path in backups.list_backups(backups.backup_dir(live)):
        if driver.is_plain_sqlite(path) == encrypting:
            try:
                convert_file(path, from_key, to_key)
            except driver.DatabaseError:
                continue  # a damaged or foreign copy stays as it is; the live store counts
            done.append(path)
    return Conversion(live, encrypting, tables, rows, tuple(done))


def convert_file(path: Path, from_key: bytes | None, to_key: bytes | None) -> tuple[int, int]:
    """Rewrite one database file with another key (None: plain); (tables, rows) checked.

    Raises:
        RejectedInput: the converted copy does not match, or ``path`` is open elsewhere.
        driver.DatabaseError: ``from_key`` does not open ``path``, or it is damaged.
    """
    tmp = path.with_name(f".{path.name}.convert-{uuid.uuid4().hex}.part")
    try:
        conn = driver.connect(path, key=from_key, isolation_level=None)
        try:
            counts = _row_counts(conn)
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute(f"ATTACH DATABASE ? AS converted {driver.attach_key_clause(to_key)}", (str(tmp),))
            conn.execute("SELECT sqlcipher_export('converted')")
            conn.execute(f"PRAGMA converted.user_version = {user_version}")
            conn.execute("DETACH DATABASE converted")
        finally:
            conn.close()
        _verify(tmp, to_key, counts, path)
        before = backups.swap_in(tmp, path, BEFORE_CONVERT_SUFFIX, from_key)
        check = driver.connect(path, key=to_key)  # the key opens what is now at the live path
        check.close()
        if before is not None:
            backups.remove_with_sidecars(before)
    finally:
        backups.remove_with_sidecars(tmp)
    return len(counts), sum(counts.values())


def _row_counts(conn: driver.Connection) -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def _verify(tmp: Path, key: bytes | None, expected: dict[str, int], live: Path) -> None:
    conn = driver.connect(tmp, key=key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)") if str(r[0]) != "ok"]
        got = _row_counts(conn)
    finally:
        conn.close()
    if problems or got != expected:
        differing = sorted(n for n in expected.keys() | got.keys() if expected.get(n) != got.get(n))
        detail = "; ".join(problems[:3] + differing[:5])
        raise _refused(
            live, f"변환한 사본이 원본과 다릅니다 ({detail})", f"the converted copy differs ({detail})"
        )


def _refused(path: Path, ko: str, en: str) -> Exception:
    return reject(
        "database",
        f"데이터베이스를 변환할 수 없습니다: {ko}. 아무것도 바꾸지 않았습니다.",
        f"The database cannot be converted: {en}. Nothing was changed.",
        source=str(path),
    )
