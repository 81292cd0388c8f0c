"""Screenshots of the coordinator views in Korean and English (docs/screenshots/dashboard_*, clusters_*).

Run alone with ``pytest tests/ui -k screenshot``; also part of the suite.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shots import save_screenshot

from desktop.core.records import Actor
from desktop.store import clusters as store_clusters
from desktop.store import followups, queries
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store
from desktop.store.queries import CaseFilter, Sort
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.clusters.page import ClustersPage
from desktop.ui.pages.dashboard.page import DashboardPage

MIN_SIZE = (1000, 700)
SIZE = (1280, 860)


@pytest.fixture(scope="module")
def coord_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo cases, demo cluster indicators for four half-years, a few satisfaction calls."""
    path = tmp_path_factory.mktemp("coordshots") / "shots.db"
    shutil.copyfile(template_db, path)
    db = open_store(path)
    load_demo_data(db, firms=150, cases=1500, seed=3)
    coordinator = Actor("박코디", role="coordinator")
    store_clusters.load_demo_indicators(db, coordinator)
    closed = queries.page_after(db, CaseFilter(statuses=("closed",)), Sort(), None, 6)
    for row, points in zip(closed, (5, 4, 2, 1), strict=False):
        db.execute("UPDATE cases SET satisfaction = NULL WHERE id = ?", (row.id,))
        followups.record_call(db, row.id, coordinator, points=points, note="만족도 전화 조사")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def coord_db(coord_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "onestop.db"
    shutil.copyfile(coord_template, path)
    db = open_store(path)
    yield db
    db.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshot_dashboard_and_clusters(
    lang: str,
    coord_db: Database,
    make_ctx: object,
    qtbot: QtBot,
    translations: Translations,
    screenshot_dir: Path,
) -> None:
    translations.install(lang)
    ctx: AppContext = make_ctx(coord_db, language=lang)  # type: ignore[operator]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)

    dashboard = window.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=20_000)
    assert dashboard.figures is not None and dashboard.figures.total == 1500
    save_screenshot(window, screenshot_dir, "dashboard", lang, MIN_SIZE, ctx)

    clusters = window.show_page("clusters")
    assert isinstance(clusters, ClustersPage)
    severe = next(r for r in clusters.model.rows if r.rating.level.code == "severe")
    clusters.select_cluster(severe.cluster.id)
    assert clusters.detail.cluster_id == severe.cluster.id
    save_screenshot(window, screenshot_dir, "clusters", lang, MIN_SIZE, ctx)
    ctx.workers.wait_all(10_000)
