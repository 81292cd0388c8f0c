"""Secrets in the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service).

Shared by the store (its encryption key) and sync (team and device keys), which is why it lives
in the lower layer.
"""

from __future__ import annotations

import base64

SERVICE = "onestop-field-desk"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def keyring_usable() -> bool:
    """True if the OS keyring has a real backend (not the fail/null/plaintext ones)."""
    try:
        import keyring

        backend = keyring.get_keyring()
        priority = float(getattr(backend, "priority", 0))
        name = type(backend).__module__ + "." + type(backend).__name__
    except Exception:  # noqa: BLE001 - a broken keyring setup simply means "no keyring"
        return False
    return priority >= 1 and not any(bad in name for bad in ("fail", "null", "chainer.ChainerBackend"))


class KeyringStore:
    """Secrets under ``<scope>/<name>`` in the OS keyring, base64 text."""

    kind = "keyring"

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def put(self, name: str, secret: bytes) -> None:
        import keyring

        keyring.set_password(SERVICE, f"{self.scope}/{name}", b64(secret))

    def keep(self, name: str, secret: bytes) -> bool:
        """:meth:`put` when the OS keyring is usable; False when it is not or refuses (locked,
        access denied): a keyring that refuses is no keyring."""
        if not keyring_usable():
            return False
        try:
            self.put(name, secret)
        except Exception:  # noqa: BLE001 - any backend error means the secret was not kept
            return False
        return True

    def get(self, name: str) -> bytes | None:
        import keyring

        try:
            value = keyring.get_password(SERVICE, f"{self.scope}/{name}")
        except Exception:  # noqa: BLE001 - a locked or missing keyring reads as "no key"
            return None
        return None if value is None else unb64(value)

    def delete(self, name: str) -> None:
        """Remove the secret (nothing happens when there is none)."""
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, f"{self.scope}/{name}")
        except PasswordDeleteError:
            pass
