"""An OS keyring backend in memory, and fixtures with it or with no keyring at all (as on CI): the
encrypted-store path without touching the developer's keyring. Import the fixtures into a conftest
or test module."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict (priority 1: counts as usable)."""

    priority = 1  # type: ignore[assignment]
    # Not a candidate when keyring picks its default backend (it considers every subclass).
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


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
    monkeypatch.delenv("ONESTOP_DB_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
