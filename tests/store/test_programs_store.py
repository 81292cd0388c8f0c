"""The program catalog in the store: CSV load, spreadsheet import (all or none), matches, attachments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.core import programs as core_programs
from desktop.core.clusters import Indicators
from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store import clusters as store_clusters
from desktop.store import programs as store_programs
from desktop.store.db import Database
from reports.excel import coord_import

DAY = date(2026, 11, 26)


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


@pytest.fixture
def case_id(db: Database, actor: Actor) -> str:
    firm_id, _ = firms.add_firm(
        db,
        firms.NewFirm(
            brn="1248100998",
            name="(주)광양철강",
            region_code="46",
            size="소기업",
            ksic="24112",
            address="광양시 산단로 1",
        ),
        actor,
    )
    new = cases.NewCase(
        firm_id=firm_id, field="F13", text="매출감소가 계속되어 경영위기 컨설팅을 받고 싶습니다"
    )
    return cases.add_case(db, new, actor)[0]


def test_the_shipped_catalog_loads_once(db: Database) -> None:
    listed = store_programs.list_programs(db)
    assert len(listed) >= 20
    assert store_programs.ensure_programs(db) is False
    assert store_programs.get_program(db, "KOSMES-EMERGENCY").field_code == "F03"


def test_matches_for_a_case_use_the_firm_card_and_the_cluster_level(
    db: Database, actor: Actor, case_id: str
) -> None:
    found = store_programs.matches_for_case(db, case_id, on=DAY)
    before = {m.program.id: m.score for m in found}
    ids = [m.program.id for m in found]
    assert ids[:2] == ["JNTP-STANDUP-2026", "JNTP-PINPOINT-2026-2"]
    assert all(m.eligibility != core_programs.INELIGIBLE for m in found)
    # The firm's cluster (광양 steel) turns severe: pinpoint programs get the track bonus.
    store_clusters.import_indicators(db, [Indicators("JN-GY-STEEL", "2026-H1", -25.0, 40.0)], "t", actor)
    boosted = {m.program.id: m.score for m in store_programs.matches_for_case(db, case_id, on=DAY)}
    assert boosted["JNTP-PINPOINT-2026-2"] == before["JNTP-PINPOINT-2026-2"] + 2
    assert boosted["JNTP-STANDUP-2026"] == before["JNTP-STANDUP-2026"]


def test_years_in_business_come_from_the_recorded_founding_day(
    db: Database, actor: Actor, case_id: str
) -> None:
    firm_id = cases.get_case(db, case_id).firm_id
    startup = "KOSMES-STARTUP-2026"  # under 7 years

    def verdict() -> str:
        found = store_programs.matches_for_case(
            db, case_id, on=DAY, include_ineligible=True, include_unrelated=True
        )
        return next(m.eligibility for m in found if m.program.id == startup)

    assert verdict() == core_programs.TO_CHECK
    store_programs.set_founded_on(db, firm_id, date(2020, 1, 1), actor)
    assert verdict() == core_programs.ELIGIBLE
    store_programs.set_founded_on(db, firm_id, date(2019, 11, 26), actor)  # 7 years that very day
    assert verdict() == core_programs.INELIGIBLE
    with pytest.raises(RejectedInput):
        store_programs.set_founded_on(db, firm_id, date(2099, 1, 1), actor)


def test_attaching_a_program_is_a_case_event_and_shows_on_the_case(
    db: Database, actor: Actor, case_id: str
) -> None:
    store_programs.attach(
        db, case_id, "JNTP-STANDUP-2026", actor, note="컨설팅 신청 안내", now=at(datetime(2026, 11, 2))
    )
    store_programs.attach(db, case_id, "NTS-RELIEF", actor)
    with pytest.raises(RejectedInput):
        store_programs.attach(db, case_id, "NTS-RELIEF", actor)
    store_programs.detach(db, case_id, "NTS-RELIEF", actor, reason="해당 없음")
    attached = store_programs.attached(db, case_id)
    assert [(a.program_id, a.note) for a in attached] == [("JNTP-STANDUP-2026", "컨설팅 신청 안내")]
    kinds = [e.kind for e in cases.timeline(db, case_id)]
    assert kinds.count("program") == 3
    with pytest.raises(RejectedInput):
        store_programs.detach(db, case_id, "NTS-RELIEF", actor)
    with pytest.raises(RejectedInput):
        store_programs.attach(db, case_id, "NO-SUCH", actor)


def test_a_catalog_workbook_replaces_the_catalog_but_keeps_attachments(
    db: Database, actor: Actor, case_id: str, tmp_path: Path
) -> None:
    store_programs.attach(db, case_id, "JNTP-STANDUP-2026", actor)
    path = coord_import.write_template(
        tmp_path / "사업.xlsx",
        "programs",
        [
            (
                "",
                "스마트 제조 혁신 바우처",
                "중기부",
                "R&D",
                "",
                "전국",
                "중소;소기업",
                "C",
                "",
                "",
                "2026-11-01",
                "2026-12-31",
                "1357",
                "",
                "스마트공장;자동화",
            ),
            (
                "JNTP-STANDUP-2026",
                "위기진단기업 긴급처방",
                "JNTP-CRISIS",
                "F13",
                "Stand-up",
                "전남",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ),
        ],
    )
    preview, result = coord_import.import_programs(db, path, actor)
    assert result is not None and (result.added, result.updated) == (1, 1)
    assert result.deactivated == len(store_programs.list_programs(db, active_only=False)) - 2
    assert {p.id for p in store_programs.list_programs(db)} == {p.id for p in preview.records}
    assert store_programs.attached(db, case_id)[0].program_id == "JNTP-STANDUP-2026"


def test_a_catalog_workbook_with_a_bad_row_changes_nothing(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    before = len(store_programs.list_programs(db))
    path = coord_import.write_template(
        tmp_path / "bad.xlsx",
        "programs",
        [
            ("", "좋은 사업", "KOTRA", "수출", "", "", "", "", "", "", "", "", "", "", ""),
            ("", "나쁜 사업", "없는 기관", "세무", "", "", "", "", "9", "3", "", "", "", "", ""),
        ],
    )
    with pytest.raises(RejectedInput) as info:
        coord_import.import_programs(db, path, actor)
    assert {(p.row, p.field) for p in info.value.problems} == {(3, "기관"), (3, "최소 업력")}
    assert len(store_programs.list_programs(db)) == before
