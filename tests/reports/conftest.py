"""Fixtures for report tests: demo stores built once per run (copied when a test writes), PDF inspection."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_helpers import SEED, TODAY

from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store


def _demo_store(template: Path, folder: Path, cases: int, firms: int) -> Path:
    path = folder / f"demo-{cases}.db"
    shutil.copyfile(template, path)
    db = open_store(path)
    load_demo_data(db, firms=firms, cases=cases, seed=SEED, today=TODAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="session")
def demo_path(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 400 demo cases (seed 7), built once."""
    return _demo_store(template_db, tmp_path_factory.mktemp("demo"), 400, 60)


@pytest.fixture(scope="session")
def demo_db(demo_path: Path) -> Iterator[Database]:
    """The shared demo store; tests that write use :func:`demo_copy` instead."""
    db = open_store(demo_path)
    yield db
    db.close()


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_path, path)
    db = open_store(path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def big_demo_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A store with 1,000 demo cases for "more data, more pages" checks."""
    db = open_store(_demo_store(template_db, tmp_path_factory.mktemp("big"), 1000, 150))
    yield db
    db.close()


@pytest.fixture(scope="session")
def small_demo_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_store(_demo_store(template_db, tmp_path_factory.mktemp("small"), 50, 20))
    yield db
    db.close()
