"""Program matching: eligibility criteria and their edge cases, application windows, relevance order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.core import programs as pg
from desktop.core.programs import FirmProfile, Program
from desktop.core.reference_csv import load_reference
from desktop.core.routing import current_region_code

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"
DAY = date(2026, 5, 15)
FIRM = FirmProfile(region_code="46", size="소기업", ksic="24112", founded_on=date(2019, 3, 15))


def program(**changes: object) -> Program:
    return replace(Program(id="P1", name="테스트 사업", agency_id="JNEPA", field_code="F03"), **changes)  # type: ignore[arg-type]


def states(p: Program, firm: FirmProfile = FIRM, on: date = DAY) -> dict[str, str]:
    _, criteria = pg.eligibility(p, firm, on)
    return {c.code: c.state for c in criteria}


@pytest.mark.parametrize(
    ("founded", "on", "years"),
    [
        (date(2019, 3, 15), date(2026, 3, 14), 6),
        (date(2019, 3, 15), date(2026, 3, 15), 7),
        (date(2020, 2, 29), date(2021, 2, 28), 0),
        (date(2020, 2, 29), date(2021, 3, 1), 1),
        (date(2026, 1, 1), date(2026, 1, 1), 0),
    ],
)
def test_years_in_business_count_like_an_age(founded: date, on: date, years: int) -> None:
    assert pg.years_in_business(founded, on) == years


@pytest.mark.parametrize(
    ("min_years", "max_years", "on", "state"),
    [
        (None, 6, date(2026, 3, 14), pg.MET),  # 6 years old: "under 7" programs take it
        (None, 6, date(2026, 3, 15), pg.UNMET),  # turns 7 that day
        (7, None, date(2026, 3, 14), pg.UNMET),
        (7, None, date(2026, 3, 15), pg.MET),  # both ends inclusive
        (3, 7, date(2026, 3, 15), pg.MET),
        (None, None, date(2026, 3, 15), pg.MET),
    ],
)
def test_years_in_business_bounds_are_inclusive(
    min_years: int | None, max_years: int | None, on: date, state: str
) -> None:
    p = program(min_years=min_years, max_years=max_years)
    assert states(p, on=on)["years"] == state


def test_an_unknown_founding_day_asks_to_check_instead_of_refusing() -> None:
    p = program(max_years=6)
    firm = FirmProfile(region_code="46", size="소기업", ksic="24112")
    assert pg.eligibility(p, firm, DAY)[0] == pg.TO_CHECK
    assert pg.eligibility(program(), firm, DAY)[0] == pg.ELIGIBLE  # no limit: nothing to check


def test_region_size_and_industry_criteria() -> None:
    assert states(program(regions=("46",)))["region"] == pg.MET
    assert states(program(regions=("29",)))["region"] == pg.UNMET
    assert states(program(regions=("46",)), FirmProfile(size="소기업"))["region"] == pg.UNKNOWN
    assert states(program(sizes=("중소", "소기업")))["size"] == pg.MET
    assert states(program(sizes=("소상공인",)))["size"] == pg.UNMET
    assert states(program(ksic=("C",)))["industry"] == pg.MET
    assert states(program(ksic=("25",)))["industry"] == pg.UNMET
    assert states(program(ksic=("24",)), FirmProfile(region_code="46"))["industry"] == pg.UNKNOWN
    assert set(states(program()).values()) == {pg.MET}


def test_a_program_for_an_old_region_code_matches_after_the_merger() -> None:
    ref = load_reference(REFERENCE)

    def resolve(code: str, on: date) -> str:
        return current_region_code(code, on, ref)

    p = program(regions=("46",))
    after, before = date(2026, 7, 1), date(2026, 6, 30)
    merged_firm = FirmProfile(region_code="49", size="소기업", ksic="24112")
    assert pg.eligibility(p, merged_firm, after, resolve)[0] == pg.ELIGIBLE
    old_firm = FirmProfile(region_code="46", size="소기업", ksic="24112")
    assert pg.eligibility(program(regions=("49",)), old_firm, after, resolve)[0] == pg.ELIGIBLE
    assert pg.eligibility(program(regions=("29",)), old_firm, before, resolve)[0] == pg.INELIGIBLE
    # 광주(29) and 전남(46) are one region from the merger on.
    assert pg.eligibility(program(regions=("29",)), old_firm, after, resolve)[0] == pg.ELIGIBLE


@pytest.mark.parametrize(
    ("on", "window", "eligibility"),
    [
        (date(2026, 2, 28), pg.UPCOMING, pg.ELIGIBLE),
        (date(2026, 3, 1), pg.OPEN, pg.ELIGIBLE),  # first day included
        (date(2026, 3, 31), pg.OPEN, pg.ELIGIBLE),  # last day included
        (date(2026, 4, 1), pg.CLOSED, pg.INELIGIBLE),
    ],
)
def test_application_windows(on: date, window: str, eligibility: str) -> None:
    p = program(apply_from=date(2026, 3, 1), apply_to=date(2026, 3, 31))
    assert p.window(on) == window
    assert pg.eligibility(p, FIRM, on)[0] == eligibility
    assert program().window(on) == pg.ALWAYS


def test_matches_are_ordered_eligible_first_then_by_relevance() -> None:
    catalog = [
        program(id="SAME-FIELD", name="가 사업", field_code="F03"),
        program(id="KEYWORDS", name="나 사업", field_code="F03", keywords=("운전자금", "상환유예")),
        program(id="OTHER-FIELD", name="다 사업", field_code="F12"),
        program(id="CHECK", name="라 사업", field_code="F03", keywords=("운전자금",), max_years=6),
        program(id="WRONG-REGION", name="마 사업", field_code="F03", regions=("29",)),
        program(id="INACTIVE", name="바 사업", field_code="F03", active=False),
        program(id="TRACK", name="사 사업", field_code="F12", track="pinpoint"),
    ]
    firm = FirmProfile(region_code="46", size="소기업", ksic="24112", cluster_level="severe")
    found = pg.match_programs(catalog, firm, "F03", "운전자금 상환유예를 받고 싶습니다", DAY)
    assert [m.program.id for m in found] == ["KEYWORDS", "SAME-FIELD", "TRACK", "CHECK"]
    assert found[0].score == 5 and found[2].score == 2
    assert found[3].eligibility == pg.TO_CHECK
    everything = pg.match_programs(
        catalog, firm, "F03", "운전자금", DAY, include_ineligible=True, include_unrelated=True
    )
    assert {m.program.id for m in everything} == {p.id for p in catalog} - {"INACTIVE"}
    assert everything[-1].program.id == "WRONG-REGION"


def test_the_track_bonus_needs_the_cluster_level_that_calls_for_it() -> None:
    p = program(field_code="F12", track="standup")
    caution = FirmProfile(region_code="46", cluster_level="caution")
    severe = FirmProfile(region_code="46", cluster_level="severe")
    assert pg.relevance(p, "F03", "", caution.cluster_level)[0] == 2
    assert pg.relevance(p, "F03", "", severe.cluster_level)[0] == 0
