"""Opening a store: create the file, migrate it, load reference data, remember device settings."""

from __future__ import annotations

from pathlib import Path

from desktop.store import dbkey, driver, encryption, reference
from desktop.store.db import Database
from desktop.store.schema import migrate, refuse_unusable_file


def open_store(path: Path, *, key: bytes | None = None, load_reference: bool = True) -> Database:
    """Open (creating if needed) and migrate the store; reload reference CSVs if they changed.

    ``key`` opens an encrypted store, or makes a new one encrypted; a plain store opens plain
    whatever the key (``onestop encrypt`` converts it). :func:`desktop.store.dbkey.key_for`
    chooses it.
    """
    if driver.is_plain_sqlite(path):
        key = None
    # A newer program's, damaged or foreign file, or one the key does not open, is refused untouched.
    refuse_unusable_file(path, key)
    db = Database(path, key=key)
    try:
        migrate(db)
        if load_reference:
            reference.ensure_reference(db)
    except BaseException:
        db.close()
        raise
    return db


def open_user_store(path: Path) -> tuple[Database, dbkey.KeyChoice]:
    """:func:`open_store` with the key :func:`dbkey.key_for` chooses (the GUI and the CLI):
    a new store is encrypted when a keyring (or ``ONESTOP_DB_KEY``) holds or takes its key.

    Returns the store and the key choice, whose ``note`` says why a new store is plain.
    """
    encryption.clear_leftovers(path)  # a killed `onestop encrypt` may have left a plaintext copy
    choice = dbkey.key_for(path)
    return open_store(path, key=choice.key), choice


def get_meta(db: Database, key: str, default: str = "") -> str:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return default if value is None else str(value)


def set_meta(db: Database, key: str, value: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
            (key, value, value),
        )
