"""Store test fixtures: an in-memory OS keyring (the encrypted path without touching the developer's
keyring) and no keyring at all (as on CI)."""

from __future__ import annotations

from memory_keyring import memory_keyring, no_keyring  # noqa: F401 - fixtures
