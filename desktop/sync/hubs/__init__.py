"""Sync hubs: a shared folder or USB stick (folder.py); a PostgreSQL server (postgres.py)."""

from __future__ import annotations

from desktop.sync.hubs.base import BundleRef, Hub, HubNote, HubWriteError, Listing, open_hub, shown_hub

__all__ = ["BundleRef", "Hub", "HubNote", "HubWriteError", "Listing", "open_hub", "shown_hub"]
