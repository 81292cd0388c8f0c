"""Sync hubs: a shared folder or a PostgreSQL server."""
