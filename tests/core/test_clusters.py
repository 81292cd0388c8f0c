"""Cluster crisis levels: threshold rules (groups, bounds, missing data), tracks, periods, firm match."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core import clusters as cl
from desktop.core.coord_tables import load_clusters, load_thresholds
from desktop.core.errors import RejectedInput
from desktop.core.reference_csv import load_reference
from desktop.core.routing import current_region_code

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"
RULES = (
    cl.ThresholdRule("severe", "S1", "sales_change_pct", "<=", -20),
    cl.ThresholdRule("severe", "S2", "sales_change_pct", "<=", -10),
    cl.ThresholdRule("severe", "S2", "closures_growth_pct", ">=", 15),
    cl.ThresholdRule("caution", "C1", "sales_change_pct", "<=", -5),
    cl.ThresholdRule("caution", "C2", "closures_growth_pct", ">=", 10),
    cl.ThresholdRule("caution", "C3", "employment_change_pct", "<=", -5),
)


def rate(sales: float | None = None, closures: float | None = None, jobs: float | None = None) -> cl.Rating:
    return cl.rate_cluster(cl.Indicators("X", "2025-H1", sales, closures, jobs), RULES)


@pytest.mark.parametrize(
    ("sales", "closures", "jobs", "level"),
    [
        (-5.0, None, None, "caution"),  # the bound itself holds
        (-4.9, None, None, "good"),
        (-4.9, 9.9, -4.9, "good"),
        (3.0, 10.0, None, "caution"),
        (None, None, -5.0, "caution"),
        (-20.0, None, None, "severe"),
        (-19.9, None, None, "caution"),  # one group of severe fails, caution's sales rule holds
        (-10.0, 15.0, None, "severe"),  # both rules of group S2
        (-10.0, 14.9, None, "caution"),  # S2 needs both; sales still <= -5
        (-9.9, 15.0, None, "caution"),  # S2 needs both; closures >= 10
        (2.0, 1.0, 1.0, "good"),
    ],
)
def test_threshold_rules_give_the_level(
    sales: float | None, closures: float | None, jobs: float | None, level: str
) -> None:
    assert rate(sales, closures, jobs).level.code == level


def test_the_most_severe_level_wins_and_names_the_groups_that_held() -> None:
    rating = rate(-25.0, 40.0)
    assert rating.level is cl.SEVERE
    assert rating.reasons("en") == (
        "Sales change (%) <= -20",
        "Sales change (%) <= -10 and Growth of suspended/closed firms (%) >= 15",
    )
    assert rating.track is cl.PINPOINT


def test_a_missing_indicator_never_triggers_a_rule() -> None:
    rating = rate(None, 12.0, None)
    assert rating.level is cl.CAUTION
    assert rating.reasons() == ("휴·폐업 업체 수 증가율(%) >= 10",)
    assert rate(None, None, None).level is cl.UNRATED
    assert rate(None, None, None).track is None


def test_support_tracks_follow_the_level() -> None:
    assert cl.track_for_level("caution") is cl.STANDUP
    assert cl.track_for_level("severe") is cl.PINPOINT
    assert cl.track_for_level("good") is None
    assert [s.field_code for s in cl.STANDUP.services] == ["F13", "F05", "F09"]
    assert [s.name_ko for s in cl.PINPOINT.services] == ["제품 고급화", "특허 출원", "해외 마케팅"]
    assert cl.track("Stand-up 맞춤 지원") is cl.STANDUP
    assert cl.track("핀셋") is cl.PINPOINT
    assert cl.track("") is None
    with pytest.raises(RejectedInput):
        cl.track("긴급")


def test_levels_are_found_by_korean_or_english_name() -> None:
    assert cl.level("심각") is cl.SEVERE
    assert cl.level("Caution") is cl.CAUTION
    with pytest.raises(RejectedInput) as info:
        cl.level("위험")
    assert info.value.problems[0].field == "level"


def test_rule_sets_without_a_level_or_with_bad_codes_are_refused() -> None:
    only_caution = [r for r in RULES if r.level == "caution"]
    problems = cl.check_rules(only_caution)
    assert [(i, column) for i, column, _, _ in problems] == [(-1, "level")]
    bad = [*RULES, cl.ThresholdRule("caution", "C9", "profit", "<", 1)]
    assert {column for _, column, _, _ in cl.check_rules(bad)} == {"indicator", "op"}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2025-H1", "2025-H1"),
        ("2025 상반기", "2025-H1"),
        ("2025년 하반기", "2025-H2"),
        ("2025-2", "2025-H2"),
        ("25H1", "2025-H1"),
        ("2024.1", "2024-H1"),
    ],
)
def test_half_years_are_read_in_the_usual_spellings(text: str, period: str) -> None:
    assert cl.parse_period(text) == period


@pytest.mark.parametrize("text", ["2025-H3", "2025", "상반기", "1999-H1"])
def test_other_half_year_spellings_are_refused(text: str) -> None:
    with pytest.raises(RejectedInput):
        cl.parse_period(text)


def test_period_helpers() -> None:
    assert cl.period_of(date(2026, 6, 30)) == "2026-H1"
    assert cl.period_of(date(2026, 7, 1)) == "2026-H2"
    assert cl.previous_period("2026-H1") == "2025-H2"
    assert cl.previous_period("2026-H2") == "2026-H1"
    assert cl.period_text("2026-H2") == "2026년 하반기"
    assert cl.period_text("2026-H2", "en") == "2026 H2"


def test_ksic_sections_and_prefixes() -> None:
    assert cl.ksic_section("24112") == "C"
    assert cl.ksic_section("62010") == "J"
    assert cl.ksic_section("01110") == "A"
    assert cl.ksic_section("") == ""
    assert cl.ksic_matches("24112", ("24", "25")) is True
    assert cl.ksic_matches("24112", ("C",)) is True
    assert cl.ksic_matches("62010", ("C",)) is False
    assert cl.ksic_matches("", ("C",)) is None
    assert cl.ksic_matches("", ()) is True


def test_a_firm_belongs_to_the_most_specific_cluster_of_its_place() -> None:
    clusters = [
        cl.Cluster("GY-METAL", "광양 금속", "", "산업단지", "46", "광양시", ("C",)),
        cl.Cluster("GY-STEEL", "광양 철강", "", "산업단지", "46", "광양시", ("24", "25")),
        cl.Cluster("SC-STEEL", "순천 철강", "", "산업단지", "46", "순천시", ("24",)),
    ]
    assert cl.cluster_for_firm("46", "전남 광양시 산단로 1", "24112", clusters).id == "GY-STEEL"  # type: ignore[union-attr]
    assert cl.cluster_for_firm("46", "광양시 산단로 1", "20111", clusters).id == "GY-METAL"  # type: ignore[union-attr]
    assert cl.cluster_for_firm("46", "여수시 산단로 1", "24112", clusters) is None
    assert cl.cluster_for_firm("", "광양시", "24112", clusters) is None


def test_a_firm_of_the_merged_region_still_finds_its_cluster() -> None:
    ref = load_reference(REFERENCE)
    clusters = load_clusters(REFERENCE / "clusters.csv", {r.code for r in ref.regions})
    on = date(2026, 8, 1)

    def resolve(code: str) -> str:
        return current_region_code(code, on, ref)

    found = cl.cluster_for_firm("49", "전남광주통합특별시 광양시 중앙로 3", "24112", clusters, resolve)
    assert found is not None and found.id == "JN-GY-STEEL"
    assert cl.cluster_for_firm("49", "광양시 중앙로 3", "24112", clusters) is None  # without the resolver


def test_the_shipped_reference_files_load() -> None:
    ref = load_reference(REFERENCE)
    clusters = load_clusters(REFERENCE / "clusters.csv", {r.code for r in ref.regions})
    assert len(clusters) >= 25 and len({c.id for c in clusters}) == len(clusters)
    rules = load_thresholds(REFERENCE / "cluster_thresholds.csv")
    assert cl.check_rules(rules) == []
    assert {r.level for r in rules} == {"caution", "severe"}


def test_level_counts_and_trend() -> None:
    ratings = [rate(-25), rate(-6), rate(1), rate(None)]
    assert cl.level_counts(ratings) == {"good": 1, "caution": 1, "severe": 1, "unrated": 1}
    assert cl.trend(cl.GOOD, cl.SEVERE) == 1
    assert cl.trend(cl.SEVERE, cl.CAUTION) == -1
    assert cl.trend(None, cl.SEVERE) == 0
    assert cl.trend(cl.UNRATED, cl.SEVERE) == 0


def test_every_shipped_cluster_kind_has_an_english_name() -> None:
    ref = load_reference(REFERENCE)
    clusters = load_clusters(REFERENCE / "clusters.csv", {r.code for r in ref.regions})
    for cluster in clusters:
        assert cluster.kind_name("ko") == cluster.kind
        english = cluster.kind_name("en")
        assert english and not any("가" <= ch <= "힣" for ch in english), cluster.kind


def test_a_kind_typed_by_a_manager_stays_as_written_in_english() -> None:
    cluster = cl.Cluster("X", "새 집적지", "", "농공단지", "46", "보성군", ("10",))
    assert cluster.kind_name("en") == "농공단지"
