"""Clusters in the store: reference, indicator import (all or none), level history, thresholds, firms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from desktop.core import clusters as cl
from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import audit, cluster_firms, firms
from desktop.store import clusters as store_clusters
from desktop.store.db import Database
from reports.excel import coord_import

NOW = datetime(2026, 11, 26, 10, 0)


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def workbook(path: Path, rows: list[tuple[object, ...]]) -> Path:
    return coord_import.write_template(path, "indicators", rows)


def indicators(
    cluster: str, period: str, sales: float | None, closures: float | None = None
) -> cl.Indicators:
    return cl.Indicators(cluster, period, sales, closures)


def test_the_reference_clusters_and_default_rules_load_once(db: Database) -> None:
    found = store_clusters.list_clusters(db)
    assert len(found) >= 25
    assert store_clusters.get_cluster(db, "광양국가산단 철강").id == "JN-GY-STEEL"
    assert len(store_clusters.thresholds(db)) == 7
    with pytest.raises(RejectedInput):
        store_clusters.get_cluster(db, "없는 산단")


def test_an_indicator_workbook_is_imported_and_rated(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "지표.xlsx",
        [
            ("JN-GY-STEEL", "광양국가산단 철강", "2026 상반기", "△12.5%", 16, -2, 120, ""),
            ("JN-YS-PETRO", "", "2026-H1", 2.0, 3.0, 1.0, None, ""),
            ("JN-SC-HAERYONG", "", "2026-H1", -6, None, None, None, "휴폐업 자료 미제출"),
        ],
    )
    preview, result = coord_import.import_indicators(db, path, actor)
    assert result is not None and (result.added, result.replaced, result.periods) == (3, 0, ("2026-H1",))
    assert preview.tables[0].header_row == 1
    levels = {r.cluster_id: r.level.code for r in result.ratings}
    assert levels == {"JN-GY-STEEL": "severe", "JN-YS-PETRO": "good", "JN-SC-HAERYONG": "caution"}
    assert store_clusters.level_counts(db) == ("2026-H1", {"good": 1, "caution": 1, "severe": 1})
    assert audit.entries(db, action_prefix="clusters.import")[0].target == "지표.xlsx"


def test_a_workbook_with_any_bad_row_stores_nothing_and_lists_every_row(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ("JN-GY-STEEL", "", "2026-H1", -3, 4, 0, 1, ""),
            ("JN-GY-STEEL", "", "2026-H3", "x", 4, 0, 1, ""),
            ("NOPE", "", "2026-H1", -3, 4, 0, 1, ""),
        ],
    )
    with pytest.raises(RejectedInput) as info:
        coord_import.import_indicators(db, path, actor)
    where = [(p.source, p.row, p.field) for p in info.value.problems]
    assert where == [
        ("bad.xlsx:지표", 3, "반기"),
        ("bad.xlsx:지표", 3, "매출액 증감률(%)"),
        ("bad.xlsx:지표", 4, "밀집지역코드"),
    ]
    assert db.scalar("SELECT count(*) FROM cluster_indicators") == 0
    assert db.scalar("SELECT count(*) FROM cluster_levels") == 0


def test_a_workbook_without_a_header_is_refused(db: Database, actor: Actor, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["아무", "표"])
    ws.append([1, 2])
    wb.save(tmp_path / "none.xlsx")
    with pytest.raises(RejectedInput) as info:
        coord_import.import_indicators(db, tmp_path / "none.xlsx", actor)
    assert info.value.problems[0].field == "file"


def test_the_level_history_keeps_each_half_year(db: Database, actor: Actor) -> None:
    store_clusters.import_indicators(
        db,
        [
            indicators("JN-GY-STEEL", "2025-H1", 1.0),
            indicators("JN-GY-STEEL", "2025-H2", -6.0),
            indicators("JN-GY-STEEL", "2026-H1", -22.0),
        ],
        "test",
        actor,
    )
    history = store_clusters.history(db, "JN-GY-STEEL")
    assert [(h.period, h.rating.level.code) for h in history] == [
        ("2025-H1", "good"),
        ("2025-H2", "caution"),
        ("2026-H1", "severe"),
    ]
    row = next(r for r in store_clusters.overview(db) if r.cluster.id == "JN-GY-STEEL")
    assert (row.rating.level, row.previous, row.trend) == (cl.SEVERE, cl.CAUTION, 1)
    assert row.rating.reasons() == ("매출액 증감률(%) <= -20",)
    others = [r for r in store_clusters.overview(db) if r.cluster.id != "JN-GY-STEEL"]
    assert {r.rating.level for r in others} == {cl.UNRATED}


def test_a_corrected_sheet_replaces_the_half_year(db: Database, actor: Actor) -> None:
    store_clusters.import_indicators(db, [indicators("JN-GY-STEEL", "2026-H1", -22.0)], "v1", actor)
    result = store_clusters.import_indicators(db, [indicators("JN-GY-STEEL", "2026-H1", -2.0)], "v2", actor)
    assert (result.added, result.replaced) == (0, 1)
    assert store_clusters.ratings(db, "2026-H1")["JN-GY-STEEL"].level is cl.GOOD
    changes = audit.entries(db, action_prefix="clusters.rate")
    assert '"JN-GY-STEEL": ["severe", "good"]' in changes[0].detail


def test_new_thresholds_re_rate_only_the_latest_half_year(db: Database, actor: Actor) -> None:
    store_clusters.import_indicators(
        db,
        [indicators("JN-GY-STEEL", "2025-H2", -7.0), indicators("JN-GY-STEEL", "2026-H1", -7.0)],
        "t",
        actor,
    )
    stricter = [
        cl.ThresholdRule("severe", "S1", "sales_change_pct", "<=", -6.0),
        cl.ThresholdRule("caution", "C1", "sales_change_pct", "<=", -3.0),
    ]
    rated = store_clusters.save_thresholds(db, stricter, actor)
    assert {r.period for r in rated} == {"2026-H1"}
    assert store_clusters.ratings(db, "2026-H1")["JN-GY-STEEL"].level is cl.SEVERE
    assert store_clusters.ratings(db, "2025-H2")["JN-GY-STEEL"].level is cl.CAUTION  # history kept
    store_clusters.save_thresholds(db, stricter, actor, rerate=["2025-H2"])
    assert store_clusters.ratings(db, "2025-H2")["JN-GY-STEEL"].level is cl.SEVERE
    store_clusters.reset_thresholds(db, actor)
    assert len(store_clusters.thresholds(db)) == 7
    assert store_clusters.ratings(db, "2026-H1")["JN-GY-STEEL"].level is cl.CAUTION


def test_thresholds_without_a_severe_rule_are_refused_and_nothing_changes(db: Database, actor: Actor) -> None:
    before = store_clusters.thresholds(db)
    with pytest.raises(RejectedInput):
        store_clusters.save_thresholds(
            db, [cl.ThresholdRule("caution", "C1", "sales_change_pct", "<=", -3)], actor
        )
    assert store_clusters.thresholds(db) == before


def test_firms_are_matched_automatically_and_can_be_linked_by_hand(db: Database, actor: Actor) -> None:
    steel, _ = firms.add_firm(
        db,
        firms.NewFirm(
            brn="1248100998", name="(주)광양철강", region_code="46", ksic="24112", address="광양시 산단로 1"
        ),
        actor,
    )
    food, _ = firms.add_firm(
        db,
        firms.NewFirm(
            brn="2208162517", name="광양식품", region_code="46", ksic="10711", address="광양시 중앙로 9"
        ),
        actor,
    )
    assert [f.firm.id for f in cluster_firms.firms_of_cluster(db, "JN-GY-STEEL")] == [steel]
    cluster, manual = cluster_firms.cluster_of_firm(db, firms.get_firm(db, food))
    assert (cluster, manual) == (None, False)
    coordinator = replace(actor, role="coordinator")
    cluster_firms.link_firm(db, food, "JN-GY-STEEL", coordinator)
    linked = cluster_firms.firms_of_cluster(db, "JN-GY-STEEL")
    assert [(f.firm.id, f.manual) for f in linked] == [(food, True), (steel, False)]
    cluster_firms.link_firm(db, steel, "-", coordinator)  # explicitly in no cluster
    assert [f.firm.id for f in cluster_firms.firms_of_cluster(db, "JN-GY-STEEL")] == [food]
    cluster_firms.link_firm(db, steel, "auto", coordinator)
    assert cluster_firms.cluster_of_firm(db, firms.get_firm(db, steel))[0].id == "JN-GY-STEEL"  # type: ignore[union-attr]


def test_only_a_coordinator_may_link_a_firm_to_a_cluster(db: Database, actor: Actor) -> None:
    new = firms.NewFirm(brn="1248100998", name="(주)광양철강", region_code="46")
    firm, _ = firms.add_firm(db, new, actor)
    for role in ("consultant", "manager"):
        with pytest.raises(RejectedInput) as refused:
            cluster_firms.link_firm(db, firm, "JN-GY-STEEL", replace(actor, role=role))
        assert refused.value.problems[0].field == "role"
    assert cluster_firms.cluster_of_firm(db, firms.get_firm(db, firm)) == (None, False)
    assert audit.entries(db, action_prefix="clusters.link") == []


def test_demo_indicators_cover_the_last_four_half_years(db: Database, actor: Actor) -> None:
    result = store_clusters.load_demo_indicators(db, actor, now=at(NOW))
    assert result.periods == ("2024-H2", "2025-H1", "2025-H2", "2026-H1")
    assert result.added == 4 * len(store_clusters.list_clusters(db))
    assert store_clusters.latest_period(db) == "2026-H1"
