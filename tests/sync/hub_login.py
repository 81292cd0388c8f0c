"""Fixtures for the PostgreSQL hub password tests (import them into a test module): the OS keyring
fixtures of tests/store/memory_keyring.py with no password from libpq's own places
(``PGPASSWORD``, a password file) either."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.memory_keyring import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 - fixtures


@pytest.fixture
def no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ``PGPASSWORD`` and an empty password file; returns the file's path (tests may write it)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def hub_keyring(memory_keyring: MemoryKeyring, no_libpq_password: Path) -> MemoryKeyring:  # noqa: F811
    """A usable, empty OS keyring for this test, and no password from libpq."""
    return memory_keyring


@pytest.fixture
def no_hub_keyring(no_keyring: None, no_libpq_password: Path) -> None:  # noqa: F811
    """No usable OS keyring (as on CI and some Linux desktops), and no password from libpq."""
