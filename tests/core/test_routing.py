"""Tests for routing suggestions and the field/region/agency lookups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import (
    FIRM_SIZES,
    Agency,
    AgencyId,
    Field,
    FieldCode,
    Region,
    RegionCode,
    RoutingRule,
)
from desktop.core.reference_csv import ReferenceData, load_reference
from desktop.core.routing import (
    agency_display_name,
    current_region_code,
    find_agency,
    find_field,
    find_region,
    suggest_agency,
)

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"
BEFORE_MERGER = date(2024, 10, 15)
AFTER_MERGER = date(2026, 8, 1)


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(REFERENCE)


def _route(ref: ReferenceData, field: str, region: str, size: str = "중소", on: date = BEFORE_MERGER) -> str:
    suggestion = suggest_agency(field, region, size, on, ref)
    assert suggestion is not None
    return suggestion.agency.id


@pytest.mark.parametrize(
    ("field", "agency"),
    [
        ("F02", "JEONNAM-PROV"),  # 도 지원사업 → 전라남도
        ("F01", "NTS"),  # 법인세/세무 → 국세청(세무서)
        ("F05", "JNTP"),  # R&D → 전남테크노파크
        ("F03", "KOSMES-JN"),  # 정책자금 → 중진공
        ("F08", "COMWEL"),  # 퇴직연금 → 근로복지공단
        ("F06", "JNEPA"),  # 수출·FTA → 전남경제진흥원
        ("F07", "JNEPA"),  # 일자리 → 전남경제진흥원
    ],
)
def test_jeonnam_2024_table_routes_each_field_to_its_agency(
    ref: ReferenceData, field: str, agency: str
) -> None:
    assert _route(ref, field, "46") == agency


def test_jeonnam_government_programs_offer_the_regional_sme_office_as_first_alternative(
    ref: ReferenceData,
) -> None:
    suggestion = suggest_agency("F02", "46", "중소", BEFORE_MERGER, ref)
    assert suggestion is not None
    assert suggestion.alternatives[0].id == "GJNSMBA"
    assert len({a.id for a in suggestion.alternatives}) == len(suggestion.alternatives)
    assert suggestion.agency not in suggestion.alternatives


def test_small_business_policy_loans_go_to_semas_and_others_to_kosmes(ref: ReferenceData) -> None:
    assert _route(ref, "F03", "11", "소상공인") == "SEMAS"
    assert _route(ref, "F03", "11", "소공인") == "SEMAS"
    assert _route(ref, "F03", "11", "중소") == "KOSMES"
    assert _route(ref, "F03", "46", "소상공인") == "SEMAS"


def test_rule_naming_region_and_size_beats_rules_naming_one(ref: ReferenceData) -> None:
    assert _route(ref, "F04", "46", "소상공인") == "JNSINBO"
    assert _route(ref, "F04", "11", "소상공인") == "KOREG"


@pytest.mark.parametrize("on", [date(2026, 1, 1), date(2026, 12, 1)])
def test_every_field_in_every_region_and_size_finds_an_agency_valid_that_day(
    ref: ReferenceData, on: date
) -> None:
    for field in ref.fields:
        for region in ref.regions:
            for size in ("", *FIRM_SIZES):
                suggestion = suggest_agency(field.code, region.code, size, on, ref)
                assert suggestion is not None, (field.code, region.code, size)
                assert suggestion.agency.valid_on(on)
                assert all(a.valid_on(on) for a in suggestion.alternatives)


def test_jeonnam_firm_after_the_merger_routes_programs_to_the_merged_government(ref: ReferenceData) -> None:
    suggestion = suggest_agency("F02", "46", "중소", AFTER_MERGER, ref)
    assert suggestion is not None
    assert suggestion.agency.id == "JNGJ-CITY"
    assert agency_display_name(suggestion.agency.id, AFTER_MERGER, ref) == "전남광주통합특별시"
    assert "전남광주통합특별시" in suggestion.reason_ko
    assert "전라남도" in suggestion.reason_ko  # the reason says the old region now counts as the new one


def test_gwangju_firm_after_the_merger_routes_programs_to_the_merged_government(ref: ReferenceData) -> None:
    assert _route(ref, "F02", "29", on=AFTER_MERGER) == "JNGJ-CITY"
    assert _route(ref, "F02", "29", on=date(2026, 6, 30)) == "GWANGJU-CITY"


def test_old_province_id_is_shown_with_the_name_valid_on_the_day(ref: ReferenceData) -> None:
    assert agency_display_name("JEONNAM-PROV", date(2026, 6, 30), ref) == "전라남도"
    assert agency_display_name("JEONNAM-PROV", AFTER_MERGER, ref) == "전남광주통합특별시"
    assert agency_display_name("KIPO", date(2025, 9, 30), ref) == "특허청"
    assert agency_display_name("KIPO", date(2025, 10, 1), ref) == "지식재산처"


def test_former_names_find_the_agency_valid_on_the_day(ref: ReferenceData) -> None:
    assert find_agency("특허청", date(2026, 1, 1), ref).id == "MOIP"
    assert find_agency("특허청", date(2025, 1, 1), ref).id == "KIPO"
    assert find_agency("전라남도", AFTER_MERGER, ref).id == "JNGJ-CITY"
    assert find_agency("전라남도", BEFORE_MERGER, ref).id == "JEONNAM-PROV"
    assert find_agency("중소기업진흥공단", BEFORE_MERGER, ref).id == "KOSMES"
    assert find_agency("전남중소기업진흥원", BEFORE_MERGER, ref).id == "JNEPA"


def test_agencies_are_found_by_id_name_short_name_and_english_name(ref: ReferenceData) -> None:
    assert find_agency("kosmes", BEFORE_MERGER, ref).id == "KOSMES"
    assert find_agency("중진공", BEFORE_MERGER, ref).id == "KOSMES"
    assert find_agency("광주전남 지방중소벤처기업청", BEFORE_MERGER, ref).id == "GJNSMBA"
    assert find_agency("Korea Customs Service", BEFORE_MERGER, ref).id == "KCS"
    assert find_agency("KIPO", date(2026, 1, 1), ref).id == "MOIP"


def test_unknown_agency_is_rejected_on_the_agency_field(ref: ReferenceData) -> None:
    with pytest.raises(RejectedInput) as excinfo:
        find_agency("없는기관", BEFORE_MERGER, ref)
    assert excinfo.value.problems[0].field == "agency"
    with pytest.raises(RejectedInput):
        agency_display_name("NOSUCH", BEFORE_MERGER, ref)


@pytest.mark.parametrize(
    "query", ["F06", "f06", "수출·FTA·통관", "수출FTA통관", "수출·FTA", "수출", "통관", "FTA"]
)
def test_field_is_found_by_code_name_undotted_name_prefix_or_part(ref: ReferenceData, query: str) -> None:
    assert find_field(query, ref).code == "F06"


def test_ambiguous_field_prefix_is_rejected_listing_the_candidates(ref: ReferenceData) -> None:
    with pytest.raises(RejectedInput) as excinfo:
        find_field("지", ref)
    problem = excinfo.value.problems[0]
    assert problem.field == "field"
    assert "F02 지원사업" in problem.ko and "F12 지식재산" in problem.ko


def test_unknown_field_is_rejected_listing_every_choice(ref: ReferenceData) -> None:
    with pytest.raises(RejectedInput) as excinfo:
        find_field("우주항공", ref)
    assert "F01 세무" in excinfo.value.problems[0].ko and "F99 기타" in excinfo.value.problems[0].ko


def test_regions_are_found_by_code_full_name_and_short_name(ref: ReferenceData) -> None:
    assert find_region("46", BEFORE_MERGER, ref).name_ko == "전라남도"
    assert find_region("전라남도", BEFORE_MERGER, ref).code == "46"
    assert find_region("경남", BEFORE_MERGER, ref).code == "48"
    assert find_region("강원", date(2020, 1, 1), ref).code == "42"
    assert find_region("강원도", date(2025, 1, 1), ref).code == "51"
    assert find_region("전남", AFTER_MERGER, ref).code == "49"


def test_merged_region_is_not_valid_before_it_exists(ref: ReferenceData) -> None:
    with pytest.raises(RejectedInput) as excinfo:
        find_region("전남광주", BEFORE_MERGER, ref)
    assert excinfo.value.problems[0].field == "region"


def test_region_codes_follow_successor_chains(ref: ReferenceData) -> None:
    assert current_region_code("42", date(2023, 6, 10), ref) == "42"
    assert current_region_code("42", date(2023, 6, 11), ref) == "51"
    assert current_region_code("29", AFTER_MERGER, ref) == "49"
    assert current_region_code("*", AFTER_MERGER, ref) == "*"


def test_unknown_inputs_are_rejected_naming_the_input(ref: ReferenceData) -> None:
    for args, field in ((("F77", "46", "중소"), "field"), (("F01", "99", "중소"), "region")):
        with pytest.raises(RejectedInput) as excinfo:
            suggest_agency(*args, BEFORE_MERGER, ref)
        assert excinfo.value.problems[0].field == field
    with pytest.raises(RejectedInput) as excinfo:
        suggest_agency("F01", "46", "대기업", BEFORE_MERGER, ref)
    assert excinfo.value.problems[0].field == "firm_size"


# A small hand-made table for the ranking rules, independent of the shipped CSVs.
def _tiny(rules: list[RoutingRule], agencies: list[Agency] | None = None) -> ReferenceData:
    fields = (Field(FieldCode("F01"), "세무", "Tax"),)
    regions = (
        Region(RegionCode("42"), "강원도", "Gangwon-do", "강원", None, date(2023, 6, 10), "51"),
        Region(RegionCode("51"), "강원특별자치도", "Gangwon State", "강원", date(2023, 6, 11)),
        Region(RegionCode("11"), "서울특별시", "Seoul", "서울"),
    )
    default = [Agency(AgencyId(x), f"기관{x}", f"Agency {x}") for x in ("A", "B", "C")]
    return ReferenceData(fields, tuple(agencies or default), regions, tuple(rules), ())


def test_specificity_beats_priority() -> None:
    ref = _tiny([RoutingRule("F01", "*", "*", "A", 99), RoutingRule("F01", "11", "*", "B", 1)])
    suggestion = suggest_agency("F01", "11", "중소", date(2026, 1, 1), ref)
    assert suggestion is not None
    assert suggestion.agency.id == "B"
    assert [a.id for a in suggestion.alternatives] == ["A"]


def test_region_only_and_size_only_rules_are_equally_specific_so_priority_decides() -> None:
    ref = _tiny([RoutingRule("F01", "11", "*", "A", 5), RoutingRule("F01", "*", "소기업", "B", 6)])
    assert _route(ref, "F01", "11", "소기업", date(2026, 1, 1)) == "B"


def test_equal_rules_keep_file_order() -> None:
    ref = _tiny([RoutingRule("F01", "*", "*", "C", 5), RoutingRule("F01", "*", "*", "A", 5)])
    assert _route(ref, "F01", "11", "중소", date(2026, 1, 1)) == "C"


def test_rule_written_for_an_old_region_code_matches_firms_of_the_successor() -> None:
    ref = _tiny([RoutingRule("F01", "*", "*", "A", 1), RoutingRule("F01", "42", "*", "B", 1)])
    assert _route(ref, "F01", "51", "중소", date(2025, 1, 1)) == "B"
    assert _route(ref, "F01", "42", "중소", date(2025, 1, 1)) == "B"
    assert _route(ref, "F01", "11", "중소", date(2025, 1, 1)) == "A"


def test_rule_pointing_to_an_ended_agency_suggests_its_successor() -> None:
    old = Agency(AgencyId("A"), "옛기관", "Old", valid_to=date(2025, 9, 30), successor_id="B")
    new = Agency(AgencyId("B"), "새기관", "New", valid_from=date(2025, 10, 1), former_names=("옛기관",))
    ref = _tiny([RoutingRule("F01", "*", "*", "A", 1)], [old, new])
    suggestion = suggest_agency("F01", "11", "", date(2025, 10, 1), ref)
    assert suggestion is not None
    assert (suggestion.agency.id, suggestion.rule.agency_id) == ("B", "A")
    assert "새기관" in suggestion.reason_ko and "옛기관" in suggestion.reason_ko


def test_rules_outside_their_dates_and_agencies_not_yet_valid_are_skipped() -> None:
    future = Agency(AgencyId("C"), "미래기관", "Future", valid_from=date(2030, 1, 1))
    rules = [
        RoutingRule("F01", "*", "*", "A", 1, valid_to=date(2024, 12, 31)),
        RoutingRule("F01", "*", "*", "C", 9),
    ]
    ref = _tiny(rules, [Agency(AgencyId("A"), "가", "A"), future])
    assert suggest_agency("F01", "11", "", date(2025, 1, 1), ref) is None
    assert _route(ref, "F01", "11", "", date(2024, 1, 1)) == "A"


def test_successor_cycles_typed_into_the_csv_do_not_hang() -> None:
    a = Agency(AgencyId("A"), "가", "A", valid_to=date(2020, 1, 1), successor_id="B")
    b = Agency(AgencyId("B"), "나", "B", valid_to=date(2020, 1, 1), successor_id="A")
    ref = _tiny([RoutingRule("F01", "*", "*", "A", 1)], [a, b])
    assert suggest_agency("F01", "11", "", date(2025, 1, 1), ref) is None
    looped = replace(
        ref, regions=(Region(RegionCode("11"), "서울", "Seoul", "", None, date(2020, 1, 1), "11"),)
    )
    assert current_region_code("11", date(2025, 1, 1), looped) == "11"


def test_firm_without_region_or_size_matches_only_catch_all_rules(ref: ReferenceData) -> None:
    assert _route(ref, "F02", "", "", BEFORE_MERGER) == "MSS"
