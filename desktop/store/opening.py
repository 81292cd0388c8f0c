"""Opening a store: create the file, migrate it, load reference data, remember device settings."""

from __future__ import annotations

from pathlib import Path

from desktop.store import reference
from desktop.store.db import Database
from desktop.store.schema import migrate, refuse_unusable_file


def open_store(path: Path, *, load_reference: bool = True) -> Database:
    """Open (creating if needed) and migrate the store; reload reference CSVs if they changed."""
    refuse_unusable_file(path)  # a newer program's, damaged or foreign file is refused untouched
    db = Database(path)
    try:
        migrate(db)
        if load_reference:
            reference.ensure_reference(db)
    except BaseException:
        db.close()
        raise
    return db


def get_meta(db: Database, key: str, default: str = "") -> str:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return default if value is None else str(value)


def set_meta(db: Database, key: str, value: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
            (key, value, value),
        )
