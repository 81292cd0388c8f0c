"""The firm card's cluster section: cluster, level and track for all; link and unlink for coordinators."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.core import clusters as cl
from desktop.store import cluster_firms, firms
from desktop.store import clusters as store_clusters
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.pages.clusters.widgets import ClusterDetail
from desktop.ui.pages.firms.widgets import FirmCard

STEEL_CLUSTER = "JN-GY-STEEL"


def _firm(ctx: AppContext, brn: str, name: str, ksic: str, address: str) -> str:
    new = firms.NewFirm(brn=brn, name=name, region_code="46", size="소기업", ksic=ksic, address=address)
    return firms.add_firm(ctx.db, new, ctx.actor())[0]


@pytest.fixture
def coordinator(db: Database, make_ctx: object) -> AppContext:
    """A coordinator's context; the 광양 steel cluster is 심각 in 2026 H1 (sales -25%, closures +40%)."""
    ctx: AppContext = make_ctx(db, role="coordinator")  # type: ignore[operator]
    crisis = cl.Indicators(STEEL_CLUSTER, "2026-H1", -25.0, 40.0, -8.0, 120)
    rated = datetime(2026, 9, 1, 9, 0)
    store_clusters.import_indicators(db, [crisis], "test", ctx.actor(), now=lambda: rated)
    return ctx


@pytest.fixture
def steel(coordinator: AppContext) -> str:
    """A steel maker in 광양: matched to the 광양 steel cluster by region, city and KSIC."""
    return _firm(coordinator, "1248100998", "(주)광양철강", "24112", "전남 광양시 산단로 1")


@pytest.fixture
def food(coordinator: AppContext) -> str:
    """A food maker in 광양: no cluster matches it automatically."""
    return _firm(coordinator, "2208162517", "광양식품", "10711", "전남 광양시 중앙로 9")


def _card(ctx: AppContext, qtbot: QtBot, firm_id: str) -> FirmCard:
    card = FirmCard(ctx)
    qtbot.addWidget(card)
    card.resize(760, 720)
    card.show_firm(firms.get_firm(ctx.db, firm_id))
    card.show()
    return card


def test_the_card_shows_the_cluster_its_level_and_the_suggested_track(
    coordinator: AppContext, steel: str, qtbot: QtBot
) -> None:
    card = _card(coordinator, qtbot, steel)
    box = card.cluster_box
    cluster = store_clusters.get_cluster(coordinator.db, STEEL_CLUSTER)
    assert cluster.name_ko in box.cluster_label.text() and "지역·업종 자동 매칭" in box.cluster_label.text()
    assert box.level.text() == "위기 단계: 심각 (2026년 상반기)"
    assert cl.PINPOINT.name_ko in box.track.text()  # 심각 → pinpoint support
    assert all(s.name_ko in box.track.text() for s in cl.PINPOINT.services)


def test_a_consultant_sees_the_cluster_but_cannot_change_the_link(
    coordinator: AppContext, steel: str, make_ctx: object, qtbot: QtBot
) -> None:
    consultant: AppContext = make_ctx(coordinator.db, role="consultant")  # type: ignore[operator]
    card = _card(consultant, qtbot, steel)
    box = card.cluster_box
    assert box.isEnabled() and "광양" in box.cluster_label.text()
    assert box.controls.isHidden() and not box.view_only.isHidden()
    assert not box.link("-")  # the store refuses it too, not only the hidden buttons
    assert "총괄" in box.error.text()
    assert cluster_firms.cluster_of_firm(coordinator.db, firms.get_firm(coordinator.db, steel))[1] is False


def test_a_coordinator_links_and_unlinks_a_firm(coordinator: AppContext, food: str, qtbot: QtBot) -> None:
    card = _card(coordinator, qtbot, food)
    box = card.cluster_box
    db = coordinator.db
    assert "소속 밀집지역 없음" in box.cluster_label.text() and not box.unlink_button.isEnabled()
    box.choice.setCurrentIndex(box.choice.findData(STEEL_CLUSTER))
    with qtbot.waitSignal(coordinator.events.firm_changed) as changed:
        qtbot.mouseClick(box.link_button, Qt.MouseButton.LeftButton)
    assert changed.args == [food]
    cluster, manual = cluster_firms.cluster_of_firm(db, firms.get_firm(db, food))
    assert cluster is not None and cluster.id == STEEL_CLUSTER and manual
    assert "직접 연결" in box.cluster_label.text() and box.unlink_button.isEnabled()
    assert box.choice.currentData() == STEEL_CLUSTER
    qtbot.mouseClick(box.unlink_button, Qt.MouseButton.LeftButton)
    assert cluster_firms.cluster_of_firm(db, firms.get_firm(db, food)) == (None, False)
    assert "소속 밀집지역 없음" in box.cluster_label.text()


def test_the_cluster_view_counts_and_lists_its_firms(
    coordinator: AppContext, steel: str, food: str, qtbot: QtBot
) -> None:
    cluster_firms.link_firm(coordinator.db, food, STEEL_CLUSTER, coordinator.actor())
    detail = ClusterDetail(coordinator)
    qtbot.addWidget(detail)
    detail.show_cluster(STEEL_CLUSTER, [])
    assert "소속 기업 2곳 (직접 연결 1곳)" in detail.firms_label.text()
    names = [detail.firms.item(row, 0).text() for row in range(detail.firms.rowCount())]
    assert names == ["광양식품", "(주)광양철강"]  # manual links first


def test_the_cluster_section_renders_hangul_uncut(
    coordinator: AppContext, steel: str, qtbot: QtBot, tmp_path: Path
) -> None:
    card = _card(coordinator, qtbot, steel)
    box = card.cluster_box
    for label in (box.cluster_label, box.level, box.track):
        assert label.width() >= label.minimumSizeHint().width()
        assert label.height() >= label.heightForWidth(label.width()) - 1
    shot = tmp_path / "firm_card_cluster.png"
    assert card.grab().save(str(shot)) and shot.stat().st_size > 0


def test_in_english_the_card_names_the_cluster_kind_in_english(
    db: Database, make_ctx: object, qtbot: QtBot
) -> None:
    english: AppContext = make_ctx(db, role="coordinator", language="en")  # type: ignore[operator]
    steel_maker = _firm(english, "1248100998", "(주)광양철강", "24112", "전남 광양시 산단로 1")
    card = _card(english, qtbot, steel_maker)
    cluster = store_clusters.get_cluster(db, STEEL_CLUSTER)
    label = card.cluster_box.cluster_label.text()
    assert cluster.kind_name("en") != cluster.kind and cluster.kind_name("en") in label
    assert cluster.kind not in label
