"""Store test fixtures: an in-memory OS keyring (the encrypted path without touching the developer's
keyring) and no keyring at all (as on CI)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """A usable, empty OS keyring for this test (and no ``ONESTOP_DB_KEY``)."""
    monkeypatch.delenv("ONESTOP_DB_KEY", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No usable OS keyring (as on CI) and no ``ONESTOP_DB_KEY``."""
    from keyring.backends import fail

    monkeypatch.delenv("ONESTOP_DB_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
