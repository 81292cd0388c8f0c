"""Shared fixtures: a migrated store with reference data, copied per test (fast)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.records import Actor  # noqa: E402
from desktop.store.db import Database  # noqa: E402
from desktop.store.opening import open_store  # noqa: E402


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated store with the shipped reference data, built once per run."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_store(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "onestop.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_store(db_path)
    yield database
    database.close()


@pytest.fixture
def actor() -> Actor:
    return Actor(name="김상담", agency_id="JNEPA", role="consultant", device="laptop-1")
