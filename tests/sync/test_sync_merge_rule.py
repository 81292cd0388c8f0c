"""The merge rule between laptops: no lost edits, conflicts identical everywhere, resolution, erasure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from laptops import Laptop, exchange
from sync_helpers import Model, snapshot

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases, firms, merge, oplog
from desktop.store.oplog_apply import apply_ops
from desktop.sync import conflicts
from desktop.sync.merge_queue import merge_candidates

Team = Callable[[int], tuple[list[Laptop], Path]]


def _firm(laptop: Laptop, name: str = "광양철강", brn: str = "1248100998", **extra: str) -> str:
    firm_id, _ = firms.add_firm(laptop.db, firms.NewFirm(brn=brn, name=name, **extra), laptop.actor)
    return firm_id


def _case(laptop: Laptop, firm_id: str, text: str = "법인세 납부기한 연장 문의") -> str:
    case_id, _ = cases.add_case(
        laptop.db, cases.NewCase(firm_id=firm_id, field="F01", text=text), laptop.actor
    )
    return case_id


def _shared_case(make_team: Team) -> tuple[Laptop, Laptop, Path, str, str]:
    (a, b), hub = make_team(2)
    firm_id = _firm(a)
    case_id = _case(a, firm_id)
    exchange([a, b], [hub])
    return a, b, hub, firm_id, case_id


def test_a_case_made_on_one_laptop_arrives_whole_on_the_other(make_team: Team) -> None:
    a, b, hub, firm_id, case_id = _shared_case(make_team)
    assert cases.get_case(b.db, case_id) == cases.get_case(a.db, case_id)
    assert cases.timeline(b.db, case_id) == cases.timeline(a.db, case_id)
    assert [f.id for f in firms.find_firms(b.db, "광양")] == [firm_id]
    assert [f.id for f in firms.find_firms(b.db, "ㄱㅇㅊㄱ")] == [firm_id]
    assert snapshot(a.db) == snapshot(b.db)


def test_edits_to_different_fields_merge_without_conflict(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    cases.set_fields(a.db, case_id, {"text": "법인세 납부기한 연장 신청 방법"}, a.actor)
    cases.set_fields(b.db, case_id, {"assignee": "박세무"}, b.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        case = cases.get_case(laptop.db, case_id)
        assert (case.text, case.assignee) == ("법인세 납부기한 연장 신청 방법", "박세무")
        assert conflicts.list_conflicts(laptop.db) == []
    assert snapshot(a.db) == snapshot(b.db)


def test_the_same_field_changed_on_two_laptops_is_a_conflict_identical_everywhere(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    cases.set_fields(a.db, case_id, {"text": "A가 고친 내용"}, a.actor)
    cases.set_fields(b.db, case_id, {"text": "B가 고친 내용"}, b.actor)
    exchange([a, b], [hub])
    inbox_a, inbox_b = conflicts.list_conflicts(a.db), conflicts.list_conflicts(b.db)
    assert inbox_a == inbox_b and len(inbox_a) == 1
    conflict = inbox_a[0]
    assert (conflict.table, conflict.row_id, conflict.column) == ("cases", case_id, "text")
    assert {v.value for v in conflict.values} == {"A가 고친 내용", "B가 고친 내용"}
    assert {v.device_name for v in conflict.values} == {a.name, b.name}
    shown = conflict.values[0]
    assert shown.shown and shown.stamp == max(v.stamp for v in conflict.values)
    assert cases.get_case(a.db, case_id).text == shown.value == cases.get_case(b.db, case_id).text
    assert snapshot(a.db) == snapshot(b.db)


def test_a_conflict_names_who_changed_a_case_field_and_only_the_device_of_a_firm_field(
    make_team: Team,
) -> None:
    a, b, hub, firm_id, case_id = _shared_case(make_team)
    cases.set_fields(a.db, case_id, {"text": "첫 수정"}, a.actor)
    cases.set_fields(a.db, case_id, {"text": "A가 고친 내용"}, a.actor)
    cases.set_fields(b.db, case_id, {"text": "B가 고친 내용"}, b.actor)
    for laptop, address in ((a, "전남 순천시 산단로 12"), (b, "전남 광양시 제철로 5")):
        firms.update_firm(laptop.db, firm_id, {"address": address}, laptop.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        by_column = {c.column: c for c in conflicts.list_conflicts(laptop.db)}
        who = {v.value: v.who for v in by_column["text"].values}
        assert who["A가 고친 내용"] == f"{a.actor.name} ({a.name})"
        assert who["B가 고친 내용"] == f"{b.actor.name} ({b.name})"
        assert {v.who for v in by_column["address"].values} == {a.name, b.name}  # firm ops name no one


def test_the_same_value_typed_on_two_laptops_is_no_conflict(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    for laptop in (a, b):
        cases.set_fields(laptop.db, case_id, {"assignee": "박세무"}, laptop.actor)
    exchange([a, b], [hub])
    assert conflicts.list_conflicts(a.db) == conflicts.list_conflicts(b.db) == []


def test_keeping_one_value_resolves_the_conflict_on_every_laptop(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    cases.set_fields(a.db, case_id, {"text": "A가 고친 내용"}, a.actor)
    cases.set_fields(b.db, case_id, {"text": "B가 고친 내용"}, b.actor)
    exchange([a, b], [hub])
    losing = conflicts.list_conflicts(a.db)[0].values[1].value
    conflicts.resolve_conflict(b.db, conflicts.list_conflicts(b.db)[0].id, keep=losing, actor=b.actor)
    assert conflicts.list_conflicts(b.db) == []
    exchange([a, b], [hub])
    for laptop in (a, b):
        assert conflicts.list_conflicts(laptop.db) == []
        assert cases.get_case(laptop.db, case_id).text == losing
        assert cases.timeline(laptop.db, case_id)[-1].payload.get("conflict")
    assert snapshot(a.db) == snapshot(b.db)


def test_a_new_value_resolves_a_conflict_through_the_normal_validated_edit(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    cases.set_fields(a.db, case_id, {"field_code": "F02"}, a.actor)
    cases.set_fields(b.db, case_id, {"field_code": "F03"}, b.actor)
    exchange([a, b], [hub])
    conflict_id = conflicts.list_conflicts(a.db)[0].id
    with pytest.raises(RejectedInput):
        conflicts.resolve_conflict(a.db, conflict_id, value="없는분야", actor=a.actor)
    with pytest.raises(RejectedInput):
        conflicts.resolve_conflict(a.db, conflict_id, keep="F09", actor=a.actor)
    with pytest.raises(RejectedInput):
        conflicts.resolve_conflict(a.db, conflict_id, actor=a.actor)
    conflicts.resolve_conflict(a.db, conflict_id, value="세무", actor=a.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        assert cases.get_case(laptop.db, case_id).field_code == "F01"
        assert conflicts.list_conflicts(laptop.db) == []


def test_times_never_conflict_the_latest_wins(make_team: Team) -> None:
    (a, b), hub = make_team(2)
    firm_id = _firm(a)
    exchange([a, b], [hub])
    firms.update_firm(a.db, firm_id, {"phone": "010-1111-2222"}, a.actor)
    firms.update_firm(b.db, firm_id, {"address": "전남 순천시 해룡면"}, b.actor)
    exchange([a, b], [hub])
    assert conflicts.list_conflicts(a.db) == []
    assert firms.get_firm(a.db, firm_id) == firms.get_firm(b.db, firm_id)
    assert snapshot(a.db) == snapshot(b.db)


def test_keeping_a_status_brings_the_workflow_state_written_with_it(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    cases.act(a.db, case_id, "resolve_onsite", a.actor, result_code="onsite")
    cases.act(b.db, case_id, "classify", b.actor)
    exchange([a, b], [hub])
    status = next(c for c in conflicts.list_conflicts(a.db) if c.column == "status")
    conflicts.resolve_conflict(a.db, status.id, keep="onsite_resolved", actor=a.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        case = cases.get_case(laptop.db, case_id)
        assert case.status == "onsite_resolved"
        assert laptop.db.scalar("SELECT is_open FROM cases WHERE id = ?", (case_id,)) == int(
            a.db.scalar("SELECT is_open FROM cases WHERE id = ?", (case_id,))
        )
    assert snapshot(a.db) == snapshot(b.db)


def test_a_delete_and_a_concurrent_edit_both_survive_and_undo_restores_the_edit(make_team: Team) -> None:
    a, b, hub, _, case_id = _shared_case(make_team)
    oplog.set_deleted(a.db, "cases", case_id, True, a.actor)
    cases.set_fields(b.db, case_id, {"assignee": "김담당"}, b.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        assert laptop.db.scalar("SELECT deleted FROM cases WHERE id = ?", (case_id,)) == 1
    oplog.set_deleted(b.db, "cases", case_id, False, b.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        assert laptop.db.scalar("SELECT deleted FROM cases WHERE id = ?", (case_id,)) == 0
        assert cases.get_case(laptop.db, case_id).assignee == "김담당"


def test_erasure_blanks_personal_data_on_every_laptop_including_concurrent_edits(make_team: Team) -> None:
    (a, b, c), hub = make_team(3)
    firm_id = _firm(a, representative="홍길동", phone="010-1234-5678", address="순천시")
    exchange([a, b, c], [hub])
    firms.update_firm(c.db, firm_id, {"phone": "010-9999-8888"}, c.actor)  # not seen by the eraser
    with pytest.raises(RejectedInput):
        oplog.erase_personal_data(b.db, firm_id, Actor("상담원", role="consultant"), "본인 요청")
    oplog.erase_personal_data(b.db, firm_id, b.actor, "본인 요청 (개인정보 삭제)")
    exchange([a, b, c], [hub])
    model = Model()
    for laptop in (a, b, c):
        model.harvest(laptop.name, laptop.db)
    for laptop in (a, b, c):
        firm = firms.get_firm(laptop.db, firm_id)
        assert firm.name == "광양철강"
        assert firm.representative == ""
        old = laptop.db.all(
            "SELECT value FROM sync_ops WHERE row_id = ? AND col IN ('representative', 'phone', "
            "'address') AND value != ''",
            (firm_id,),
        )
        assert [r[0] for r in old] in ([], ["010-9999-8888"])
        for value in ("홍길동", "010-1234-5678"):
            assert laptop.db.scalar("SELECT count(*) FROM sync_current WHERE value = ?", (value,)) == 0
    assert snapshot(a.db) == snapshot(b.db) == snapshot(c.db)


def test_duplicate_firms_go_to_the_merge_queue_and_a_merge_syncs(make_team: Team) -> None:
    (a, b), hub = make_team(2)
    firm_a = _firm(a, "(주)광양철강")
    firm_b = _firm(b, "광양철강", phone="010-2222-3333")
    case_b = _case(b, firm_b)
    exchange([a, b], [hub])
    for laptop in (a, b):
        queue = merge_candidates(laptop.db)
        assert [[f.id for f in c.firms] for c in queue] == [
            sorted([firm_a, firm_b], key=lambda i: (firms.get_firm(a.db, i).created_at, i))
        ]
    merge.merge_firms(a.db, firm_a, firm_b, a.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        assert merge_candidates(laptop.db) == []
        case = cases.get_case(laptop.db, case_b)
        assert (case.firm_id, case.firm_name) == (firm_a, "(주)광양철강")
        assert firms.get_firm(laptop.db, firm_a).phone == "010-2222-3333"
    assert snapshot(a.db) == snapshot(b.db)


def test_a_firm_renamed_elsewhere_is_found_by_its_new_name_and_its_cases_follow(make_team: Team) -> None:
    a, b, hub, firm_id, case_id = _shared_case(make_team)
    firms.update_firm(a.db, firm_id, {"name": "율촌화학"}, a.actor)
    exchange([a, b], [hub])
    assert [f.id for f in firms.find_firms(b.db, "율촌")] == [firm_id]
    assert firms.find_firms(b.db, "광양") == []
    assert cases.get_case(b.db, case_id).firm_name == "율촌화학"


def test_the_same_row_created_twice_converges_in_either_order(make_team: Team) -> None:
    """A store file copied to a second laptop: both send row ops for the same rows."""
    (a, b), _ = make_team(2)
    row = {c: "" for c in oplog.SYNC_TABLES["firms"].columns} | {"brn": "1248100998", "deleted": 0}
    first = oplog.Op(
        "1700000000000" + "00000001" + "aaaaaaaaaaaaaaaa",
        "firms",
        "firm-1",
        oplog.ROW,
        row | {"name": "광양철강", "phone": "010-1"},
    )
    second = oplog.Op(
        "1700000000000" + "00000002" + "bbbbbbbbbbbbbbbb",
        "firms",
        "firm-1",
        oplog.ROW,
        row | {"name": "광양철강", "phone": "010-2"},
    )
    for laptop, order in ((a, [first, second, first]), (b, [second, first, second])):
        with laptop.db.transaction():
            apply_ops(laptop.db, order)
    for part in ("firms", "conflicts"):
        assert snapshot(a.db)[part] == snapshot(b.db)[part]
    inbox = conflicts.list_conflicts(a.db)
    assert [(c.row_id, c.column) for c in inbox] == [("firm-1", "phone")]
    assert firms.get_firm(a.db, "firm-1").phone == "010-2"
