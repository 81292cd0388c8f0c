"""The one SQLite gateway: connection, pragmas, transactions, backup, integrity check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from desktop.store import driver

APP_DIR_NAME = "onestop"
DB_FILE_NAME = "onestop.db"

Params = Sequence[Any] | dict[str, Any]


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` if given, else ``ONESTOP_DB``, else the per-user data dir (platformdirs)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("ONESTOP_DB")
    if env:
        return Path(env)
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DB_FILE_NAME


class Database:
    """A connection to one store file.

    State: the connection in autocommit mode (we issue BEGIN ourselves), the file path, the
    store key (None: a plain file) and the nesting depth of :meth:`transaction`. One
    ``Database`` per thread: a worker opens its own with :meth:`reopen`.
    """

    def __init__(self, path: Path, *, readonly: bool = False, key: bytes | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.key = key
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self.conn = driver.connect(uri, key=key, uri=True, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = driver.Row
        self._depth = 0
        # Derived read-mostly data (reference tables, work calendar) keyed by name;
        # whoever rewrites those tables calls :meth:`forget_cached`.
        self.cache: dict[str, Any] = {}
        self._configure()

    def _configure(self) -> None:
        pragmas = [
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 10000",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA cache_size = -65536",
        ]
        if not self.readonly:
            # WAL lets the GUI read while a worker writes; NORMAL is durable in WAL mode
            # except for the last transactions on power loss, never corrupting.
            pragmas += ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"]
        for pragma in pragmas:
            self.conn.execute(pragma)

    def reopen(self) -> Database:
        """A new connection to the same file, for another thread."""
        return Database(self.path, readonly=self.readonly, key=self.key)

    def create_function(self, name: str, nargs: int, fn: Any, *, deterministic: bool = False) -> None:
        """Register a Python function for SQL on this connection (bulk paths use it)."""
        self.conn.create_function(name, nargs, fn, deterministic=deterministic)

    def forget_cached(self) -> None:
        self.cache.clear()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[driver.Connection]:
        """BEGIN IMMEDIATE … COMMIT; any exception rolls everything back. Nests."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, params: Params = ()) -> driver.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> driver.Cursor:
        return self.conn.executemany(sql, rows)

    def all(self, sql: str, params: Params = ()) -> list[driver.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> driver.Row | None:
        row: driver.Row | None = self.conn.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def backup(self, out: Path) -> None:
        """Online backup (consistent even while others write) to a temp file, then rename.

        The copy has the store's key: a backup of an encrypted store is encrypted too (SQLCipher's
        backup API copies pages between databases with the same key only).
        """
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.unlink(missing_ok=True)
        target = driver.connect(tmp, key=self.key)
        try:
            self.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)

    def integrity_problems(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty = healthy)."""
        problems = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check") if str(r[0]) != "ok"]
        for row in self.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {row[0]} rowid {row[1]} -> {row[2]}")
        return problems
