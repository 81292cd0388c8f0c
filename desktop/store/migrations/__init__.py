"""Forward-only schema migrations, one module per version, applied in order."""

from __future__ import annotations

from desktop.store.migrations import m0001_initial, m0002_imports, m0003_sync, m0004_coordination

# Ordered: index i holds the migration that brings the schema to version i + 1.
MIGRATIONS = (m0001_initial, m0002_imports, m0003_sync, m0004_coordination)
