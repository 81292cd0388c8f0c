"""What a hub is: a place that keeps every device's bundles, keyed (device, seq).

A hub is dumb storage: no locks, no server logic. Bundles are immutable and self-checking
(named by their SHA-256, signed, hash-chained), so any number of laptops may read and write
at once. A PostgreSQL hub stores the same bytes in a table keyed (team, device, seq):
``list_bundles`` maps to ``SELECT seq, sha256 ... WHERE seq > after`` and ``write_bundle`` to
an ``INSERT ... ON CONFLICT DO NOTHING``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from desktop.sync.hubs.pg_url import display_url, is_postgres_url


@dataclass(frozen=True, slots=True)
class BundleRef:
    """One bundle on a hub; ``location`` names it in reports (a path, a table row)."""

    device: str
    seq: int
    sha256: str
    location: str


@dataclass(frozen=True, slots=True)
class HubNote:
    """Something on the hub that was skipped (unfinished or unknown files), with the reason."""

    location: str
    ko: str
    en: str
    code: str = "unexpected"


@dataclass(slots=True)
class Listing:
    """Bundles found, things skipped, and bundles a reader found damaged and set aside
    (anyone holding a good copy writes it again)."""

    refs: list[BundleRef]
    notes: list[HubNote]
    quarantined: list[BundleRef] = field(default_factory=list)


class HubWriteError(Exception):
    """A write to the hub failed or did not read back identically (disk full, stick pulled)."""


@runtime_checkable
class Hub(Protocol):
    """Storage for a team's bundles (folder, USB stick, PostgreSQL)."""

    @property
    def location(self) -> str:
        """Where the hub is, for messages (a path or a URL without password)."""
        ...

    def read_identity(self) -> bytes | None:
        """The hub identity document (team id, name, key check), or None for a new hub."""
        ...

    def create_identity(self, data: bytes) -> bool:
        """Write the identity document unless one exists; True if written."""
        ...

    def list_devices(self) -> list[str]:
        """Ids of the devices that have bundles (or a device document) on the hub."""
        ...

    def list_bundles(self, device: str, after: int = 0) -> Listing:
        """Bundles of ``device`` with seq > ``after`` (several per seq if a copy is damaged)."""
        ...

    def read_bundle(self, ref: BundleRef) -> bytes: ...

    def quarantine(self, ref: BundleRef) -> None:
        """Set aside a bundle whose content does not match its checksum (never delete it)."""
        ...

    def write_bundle(self, device: str, seq: int, sha256: str, data: bytes) -> BundleRef:
        """Store a bundle durably and verify it reads back; idempotent (a damaged copy is
        replaced). Raises HubWriteError."""
        ...

    def read_device_info(self, device: str) -> bytes | None: ...

    def write_device_info(self, device: str, data: bytes) -> None: ...

    def list_invites(self) -> list[bytes]: ...

    def write_invite(self, invite_id: str, data: bytes) -> None: ...


def shown_hub(location: str) -> str:
    """The hub as it may be shown or remembered in the settings: a URL loses its password.

    The password then comes from ``PGPASSWORD`` or ``~/.pgpass`` (libpq), never from a settings file.
    """
    text = location.strip()
    if not is_postgres_url(text):
        return text
    return display_url(text)


def open_hub(location: Hub | str | Path) -> Hub:
    """A hub object for a folder path or a ``postgresql://`` URL (hubs/postgres.py)."""
    if isinstance(location, Hub):
        return location
    text = str(location)
    if is_postgres_url(text):
        from desktop.sync.hubs.postgres import PostgresHub

        return PostgresHub(text)
    from desktop.sync.hubs.folder import FolderHub

    return FolderHub(Path(text))
