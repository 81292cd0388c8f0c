"""Fixtures for the PostgreSQL hub password tests (import them into a test module): an in-memory OS
keyring or none, and no password from libpq's own places (``PGPASSWORD``, a password file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from tests.store.memory_keyring import MemoryKeyring


@pytest.fixture
def no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ``PGPASSWORD`` and an empty password file; returns the file's path (tests may write it)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def hub_keyring(no_libpq_password: Path) -> Iterator[MemoryKeyring]:
    """A usable, empty OS keyring for this test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_hub_keyring(no_libpq_password: Path) -> Iterator[None]:
    """No usable OS keyring (as on CI and some Linux desktops)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
