"""Merging duplicate firms: cases and consents move, the other firm is marked deleted, all audited."""

from __future__ import annotations

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import audit, cases, firms, merge
from desktop.store.db import Database
from desktop.store.firm_pages import page_firms


def _firm(db: Database, actor: Actor, name: str, brn: str = "1248100998", **extra: str) -> str:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn=brn, name=name, **extra), actor)
    return firm_id


def _case(db: Database, actor: Actor, firm_id: str, agency: str = "") -> str:
    new = cases.NewCase(
        firm_id=firm_id,
        field="F01",
        text="법인세 납부기한 연장 문의",
        agency=agency,
        consent_agencies=(agency,) if agency else (),
    )
    case_id, _ = cases.add_case(db, new, actor)
    return case_id


def test_merge_moves_cases_and_consents_and_marks_the_other_firm_deleted(db: Database, actor: Actor) -> None:
    keep = _firm(db, actor, "(주)광양철강", region_code="46")
    other = _firm(db, actor, "광양철강", phone="010-1234-5678")
    kept_case = _case(db, actor, keep)
    moved_case = _case(db, actor, other, agency="NTS")
    assert merge.duplicate_groups(db) == [("1248100998", 2)]

    changes = merge.merge_firms(db, keep, other, actor)

    assert changes.firms == {keep, other}
    assert changes.cases == {moved_case}
    moved = cases.get_case(db, moved_case)
    assert moved.firm_id == keep and moved.firm_name == "(주)광양철강"
    assert cases.get_case(db, kept_case).firm_id == keep
    assert [c.firm_id for c in cases.consents(db, moved_case)] == [keep]
    assert [f.id for f in firms.firms_by_brn(db, "1248100998")] == [keep]
    assert [f.id for f in firms.find_firms(db, "광양")] == [keep]
    assert firms.get_firm(db, keep).phone == "010-1234-5678"  # blank filled from the other firm
    assert cases.timeline(db, moved_case)[-1].kind == "merge"
    assert audit.entries(db, action_prefix="firm.merge")[0].target == keep
    assert merge.duplicate_groups(db) == []
    assert db.integrity_problems() == []


def test_merge_refuses_different_brns_itself_and_deleted_firms(db: Database, actor: Actor) -> None:
    a = _firm(db, actor, "가나상사")
    b = _firm(db, actor, "다라상사", brn="2208162517")
    with pytest.raises(RejectedInput) as info:
        merge.merge_firms(db, a, b, actor)
    assert info.value.problems[0].field == "firm"
    with pytest.raises(RejectedInput):
        merge.merge_firms(db, a, a, actor)
    c = _firm(db, actor, "가나상사 지점")
    merge.merge_firms(db, a, c, actor)
    with pytest.raises(RejectedInput):
        merge.merge_firms(db, a, c, actor)
    assert firms.get_firm(db, b).name == "다라상사"


def test_firm_pages_walk_all_live_firms_by_name(db: Database, actor: Actor) -> None:
    names = ["다온", "가람", "나래", "라온", "마루"]
    ids = [
        _firm(db, actor, n, brn=brn)
        for n, brn in zip(
            names, ["1248100998", "2208162517", "1248100998", "2208162517", "1248100998"], strict=True
        )
    ]
    merge.merge_firms(db, ids[0], ids[2], actor)  # 나래 is merged away
    seen: list[str] = []
    after = None
    while True:
        page = page_firms(db, after, 2)
        if not page:
            break
        seen += [f.name for f, _ in page]
        after = page[-1][1]
    assert seen == ["가람", "다온", "라온", "마루"]
