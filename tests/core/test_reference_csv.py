"""Tests for loading and checking the reference CSVs."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop.core.errors import Problem, RejectedInput
from desktop.core.records import FIRM_SIZES
from desktop.core.reference_csv import (
    AGENCIES_CSV,
    FIELDS_CSV,
    HOLIDAYS_CSV,
    REGIONS_CSV,
    ROUTING_RULES_CSV,
    HolidayOverride,
    load_agencies,
    load_fields,
    load_holiday_overrides,
    load_reference,
    load_regions,
    load_routing_rules,
)

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"


@pytest.fixture
def ref_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE, folder)
    return folder


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(excinfo: pytest.ExceptionInfo[RejectedInput]) -> set[tuple[str | None, int | None, str]]:
    return {(p.source, p.row, p.field) for p in excinfo.value.problems}


def _line_of(path: Path, startswith: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(startswith))


def test_shipped_reference_files_load_without_problems() -> None:
    ref = load_reference(REFERENCE)
    assert [f.code for f in ref.fields] == [f"F{n:02d}" for n in range(1, 14)] + ["F99"]
    assert {r.code for r in ref.regions} >= {"11", "26", "29", "42", "45", "46", "48", "49", "51", "52"}
    assert len(ref.agencies) >= 40
    assert len(ref.routing_rules) >= 60


def test_shipped_fields_have_15_to_30_distinct_keywords() -> None:
    for field in load_fields(REFERENCE / FIELDS_CSV):
        if field.code != "F99":
            assert 15 <= len(set(field.keywords)) <= 30, field.code


def test_shipped_rules_use_only_known_sizes_and_open_defaults_for_every_field() -> None:
    ref = load_reference(REFERENCE)
    assert {r.firm_size for r in ref.routing_rules} <= {*FIRM_SIZES, "*"}
    defaults = {r.field_code for r in ref.routing_rules if r.region_code == "*" and r.firm_size == "*"}
    assert defaults == {f.code for f in ref.fields}


def test_renamed_ministry_rows_are_dated_and_linked() -> None:
    agencies = {a.id: a for a in load_agencies(REFERENCE / AGENCIES_CSV)}
    assert agencies["KIPO"].valid_to == date(2025, 9, 30)
    assert agencies["KIPO"].successor_id == "MOIP"
    assert agencies["MOIP"].valid_from == date(2025, 10, 1)
    assert "특허청" in agencies["MOIP"].former_names
    for old in ("JEONNAM-PROV", "GWANGJU-CITY"):
        assert agencies[old].valid_to == date(2026, 6, 30)
        assert agencies[old].successor_id == "JNGJ-CITY"


def test_region_successors_follow_the_official_renames_and_the_merger() -> None:
    regions = {r.code: r for r in load_regions(REFERENCE / REGIONS_CSV)}
    assert (regions["42"].valid_to, regions["42"].successor_code) == (date(2023, 6, 10), "51")
    assert (regions["45"].valid_to, regions["45"].successor_code) == (date(2024, 1, 17), "52")
    assert regions["29"].successor_code == regions["46"].successor_code == "49"
    assert regions["49"].valid_from == date(2026, 7, 1)


def test_missing_column_is_reported_on_the_header_row(ref_copy: Path) -> None:
    path = ref_copy / FIELDS_CSV
    _rewrite(path, "code,name_ko,name_en,keywords,sort_order", "code,name_ko,keywords,sort_order")
    with pytest.raises(RejectedInput) as excinfo:
        load_fields(path)
    assert ("fields.csv", 1, "name_en") in _problems(excinfo)


def test_every_problem_of_a_broken_file_is_reported_with_file_row_and_column(ref_copy: Path) -> None:
    path = ref_copy / ROUTING_RULES_CSV
    kipo = _line_of(path, "F12,*,*,KIPO")
    f99 = _line_of(path, "F99,*,*,DESK")
    f01 = _line_of(path, "F01,*,*,NTS")
    _rewrite(path, "F12,*,*,KIPO,10,,2025-09-30", "F12,*,*,KIPO,10,2025-10-01,2025-09-30")
    _rewrite(path, "F99,*,*,DESK,10,,", "F99,*,*,NOSUCH,ten,2025-13-01,")
    _rewrite(path, "F01,*,*,NTS,10", "F01,*,대기업,NTS,10")
    ref = load_reference(REFERENCE)
    with pytest.raises(RejectedInput) as excinfo:
        load_routing_rules(
            path,
            field_codes={f.code for f in ref.fields},
            agency_ids={a.id for a in ref.agencies},
            region_codes={r.code for r in ref.regions},
        )
    assert _problems(excinfo) == {
        ("routing_rules.csv", kipo, "valid_from"),
        ("routing_rules.csv", f99, "agency_id"),
        ("routing_rules.csv", f99, "priority"),
        ("routing_rules.csv", f99, "valid_from"),
        ("routing_rules.csv", f01, "firm_size"),
    }


def test_unknown_agency_in_a_rule_is_caught_when_loading_the_folder(ref_copy: Path) -> None:
    path = ref_copy / ROUTING_RULES_CSV
    row = _line_of(path, "F05,*,*,TIPA")
    _rewrite(path, "F05,*,*,TIPA", "F05,*,*,TIPA-OLD")
    with pytest.raises(RejectedInput) as excinfo:
        load_reference(ref_copy)
    assert _problems(excinfo) == {("routing_rules.csv", row, "agency_id")}
    assert "TIPA-OLD" in excinfo.value.text("ko")


def test_problems_of_several_files_are_reported_together(ref_copy: Path) -> None:
    _rewrite(ref_copy / REGIONS_CSV, "11,서울특별시,Seoul,서울,,,", "11,서울특별시,Seoul,서울,2020-02-30,,")
    _rewrite(
        ref_copy / AGENCIES_CSV, "NTS,국세청,National Tax Service,국세청,126,", "NTS,국세청,,국세청,12#6,"
    )
    (ref_copy / HOLIDAYS_CSV).write_text("date,name,is_holiday\n2026/05/01,노동절,yes\n", encoding="utf-8")
    with pytest.raises(RejectedInput) as excinfo:
        load_reference(ref_copy)
    found = _problems(excinfo)
    assert ("regions.csv", 2, "valid_from") in found
    assert {("agencies.csv", 3, "name_en"), ("agencies.csv", 3, "phone")} <= found
    assert {("holidays_override.csv", 2, "date"), ("holidays_override.csv", 2, "is_holiday")} <= found


def test_agency_id_reused_in_an_overlapping_period_is_rejected(ref_copy: Path) -> None:
    path = ref_copy / AGENCIES_CSV
    with path.open("a", encoding="utf-8") as out:
        out.write("MOIP,지식재산처 2,Ministry of IP,,,national,,2026-01-01,,,\n")
    last = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(RejectedInput) as excinfo:
        load_agencies(path)
    assert _problems(excinfo) == {("agencies.csv", last, "id")}


def test_agency_id_reused_in_a_later_period_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / AGENCIES_CSV
    path.write_text(
        "id,name_ko,name_en,short_name,phone,kind,region_code,valid_from,valid_to,former_names,successor_id\n"
        "X,옛 기관,Old,,,,,,2024-12-31,,\n"
        "X,새 기관,New,,02-123-4567,,,2025-01-01,,옛 기관,\n",
        encoding="utf-8",
    )
    assert [a.name_ko for a in load_agencies(path)] == ["옛 기관", "새 기관"]


def test_successor_pointing_nowhere_is_rejected(ref_copy: Path) -> None:
    path = ref_copy / REGIONS_CSV
    _rewrite(path, "42,강원도,Gangwon-do,강원,,2023-06-10,51", "42,강원도,Gangwon-do,강원,,2023-06-10,99")
    with pytest.raises(RejectedInput) as excinfo:
        load_regions(path)
    assert _problems(excinfo) == {("regions.csv", _line_of(path, "42,"), "successor_code")}


def test_byte_order_mark_and_blank_trailing_rows_are_tolerated(ref_copy: Path) -> None:
    path = ref_copy / FIELDS_CSV
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + (text + ",,,,\n,,,,\n").encode("utf-8"))
    assert len(load_fields(path)) == 14
    assert len(load_reference(ref_copy).fields) == 14


def test_non_utf8_file_is_rejected_with_a_hint(ref_copy: Path) -> None:
    path = ref_copy / FIELDS_CSV
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp949"))
    with pytest.raises(RejectedInput) as excinfo:
        load_fields(path)
    assert excinfo.value.problems == (
        Problem(
            "file",
            "UTF-8 파일이 아닙니다. Excel에서 'CSV UTF-8(쉼표로 분리)' 형식으로 저장하세요",
            "not UTF-8; save as 'CSV UTF-8 (comma delimited)'",
            "fields.csv",
            None,
        ),
    )


def test_decomposed_hangul_is_normalised_to_nfc(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / FIELDS_CSV
    text = "code,name_ko,name_en,keywords,sort_order\nF01,세무,Tax,법인세;부가세,1\n"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    (field,) = load_fields(path)
    assert field.name_ko == "세무"
    assert field.keywords == ("법인세", "부가세")


def test_holiday_overrides_parse_add_and_remove_rows(tmp_path: Path) -> None:
    path = tmp_path / HOLIDAYS_CSV
    path.write_text("date,name,is_holiday\n2027-10-11,임시공휴일,1\n2026-05-01,,0\n", encoding="utf-8")
    assert load_holiday_overrides(path) == (
        HolidayOverride(date(2027, 10, 11), "임시공휴일", True),
        HolidayOverride(date(2026, 5, 1), "", False),
    )


def test_shipped_holiday_override_file_is_empty_because_holidays_kr_has_all_declared_days() -> None:
    assert load_holiday_overrides(REFERENCE / HOLIDAYS_CSV) == ()


def test_demo_recipe_uses_only_agencies_and_regions_of_the_reference_files() -> None:
    import json

    recipe = json.loads((REFERENCE.parent / "demo" / "recipe.json").read_text(encoding="utf-8"))
    ref = load_reference(REFERENCE)
    assert {c["agency_id"] for c in recipe["consultants"]} <= {a.id for a in ref.agencies}
    assert {p["region"] for p in recipe["places"]} <= {r.code for r in ref.regions}
    assert set(recipe["difficulty_templates"]) == {f.code for f in ref.fields}
