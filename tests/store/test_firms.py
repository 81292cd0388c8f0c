"""Registering and finding firms: BRN checks, duplicates allowed, search by BRN, name, 초성."""

from __future__ import annotations

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import firms
from desktop.store.db import Database


def _add(db: Database, actor: Actor, brn: str, name: str, **extra: str) -> str:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn=brn, name=name, **extra), actor)
    return firm_id


def test_a_firm_is_stored_with_normalised_brn_and_phone(db: Database, actor: Actor) -> None:
    firm_id = _add(db, actor, "124-81-00998", "(주)광양철강", phone="010 1234 5678", representative="홍길동")
    firm = firms.get_firm(db, firm_id)
    assert firm.brn == "1248100998"
    assert firm.phone == "010-1234-5678"
    assert firm.representative == "홍길동"


def test_a_wrong_check_digit_is_refused_and_nothing_is_stored(db: Database, actor: Actor) -> None:
    with pytest.raises(RejectedInput) as info:
        _add(db, actor, "124-81-00999", "광양철강")
    assert info.value.problems[0].field == "brn"
    assert firms.count_firms(db) == 0


def test_every_problem_of_a_firm_is_reported_at_once(db: Database, actor: Actor) -> None:
    with pytest.raises(RejectedInput) as info:
        _add(db, actor, "000-00-00000", "", phone="12")
    assert {p.field for p in info.value.problems} >= {"brn", "name", "phone"}


def test_a_resident_number_in_any_text_field_is_refused(db: Database, actor: Actor) -> None:
    with pytest.raises(RejectedInput) as info:
        _add(db, actor, "1248100998", "광양철강", address="대표 800101-1234567 자택")
    assert info.value.problems[0].field == "address"


def test_the_same_brn_twice_makes_two_firms_for_the_merge_queue(db: Database, actor: Actor) -> None:
    _add(db, actor, "1248100998", "광양철강")
    _add(db, actor, "124-81-00998", "광양철강 주식회사")
    assert len(firms.firms_by_brn(db, "1248100998")) == 2


@pytest.mark.parametrize(
    "query",
    ["광양", "광", "철강", "양철", "광양철강", "ㄱㅇㅊㄱ", "ㄱㅇ", "1248100998", "124-81-00998", "81009"],
)
def test_firm_is_found_by_any_substring_chosung_or_brn(db: Database, actor: Actor, query: str) -> None:
    target = _add(db, actor, "1248100998", "(주)광양철강")
    _add(db, actor, "2208162517", "순천식품")
    found = [f.id for f in firms.find_firms(db, query)]
    assert target in found


def test_search_does_not_return_firms_that_do_not_contain_the_query(db: Database, actor: Actor) -> None:
    _add(db, actor, "1248100998", "(주)광양철강")
    other = _add(db, actor, "2208162517", "순천식품")
    assert other not in [f.id for f in firms.find_firms(db, "광양")]
    assert firms.find_firms(db, "없는회사") == []


def test_exact_name_ranks_before_partial_matches(db: Database, actor: Actor) -> None:
    for i in range(5):
        _add(db, actor, "1248100998", f"광양철강{i}호")
    exact = _add(db, actor, "2208162517", "광양철강")
    assert firms.find_firms(db, "광양철강")[0].id == exact


def test_renaming_a_firm_updates_search_and_its_cases(db: Database, actor: Actor) -> None:
    firm_id = _add(db, actor, "1248100998", "광양철강")
    firms.update_firm(db, firm_id, {"name": "여수화학"}, actor)
    assert firm_id in [f.id for f in firms.find_firms(db, "여수")]
    assert firm_id not in [f.id for f in firms.find_firms(db, "광양")]
