"""GUI fixtures: the bundled font, an app context over a test store, demo stores, the main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from shots import screenshot_folder
from sync_team import cheap_keys, sync_team  # noqa: F401 - fixtures for the sync page tests

from PySide6.QtWidgets import QApplication

from desktop.app import build_context
from desktop.core.settings import Settings, save_settings, settings_path
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations, register_fonts
from desktop.ui.main_window import MainWindow

DEMO_SEED = 1


@pytest.fixture(scope="session", autouse=True)
def _gui_setup(qapp: QApplication) -> None:
    """Register the bundled NanumGothic so Hangul renders offscreen; one style everywhere."""
    qapp.setStyle("Fusion")
    register_fonts(qapp)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    tr = Translations(qapp)
    tr.install("ko")
    yield tr
    tr.install("ko")


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    path = tmp_path / "config"
    path.mkdir()
    return path


def user_settings(**changes: object) -> Settings:
    base = Settings(
        user_name="김상담",
        agency_id="JNEPA",
        role="coordinator",
        device_name="laptop-1",
        number_prefix="순천",
    )
    return base.with_changes(**changes) if changes else base


@pytest.fixture
def make_ctx(config_dir: Path, translations: Translations) -> Iterator[object]:
    """Build an AppContext over an open Database (the caller owns the Database)."""
    made: list[AppContext] = []

    def make(db: Database, **settings: object) -> AppContext:
        chosen = user_settings(**settings)
        save_settings(chosen, settings_path(config_dir))
        ctx = build_context(db, chosen, config_dir, translations)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.workers.wait_all(10_000)


@pytest.fixture
def ctx(db: Database, make_ctx: object) -> AppContext:
    return make_ctx(db)  # type: ignore[operator, no-any-return]


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with realistic demo data (60 firms, 300 cases), built once per run."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(template_db, path)
    db = open_store(path)
    load_demo_data(db, firms=60, cases=300, seed=DEMO_SEED)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "onestop.db"
    shutil.copyfile(demo_template, path)
    database = open_store(path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def big_db_path(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 20,000 cases (read-only use: tests must not write to it)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    shutil.copyfile(template_db, path)
    db = open_store(path)
    load_demo_data(db, firms=2000, cases=20_000, seed=7)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def window(demo_db: Database, make_ctx: object, qtbot: object) -> Iterator[MainWindow]:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    win = MainWindow(ctx)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1280, 800)
    yield win
    win.save_state()
    ctx.workers.wait_all(10_000)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/screenshots under ``make screenshots``, else a temp folder (see tests/ui/shots.py)."""
    return screenshot_folder(tmp_path_factory)
