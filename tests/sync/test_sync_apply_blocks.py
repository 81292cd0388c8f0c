"""Applying a bundle in blocks (new rows, then field ops, set-based) equals applying it op by op."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from laptops import Laptop
from sync_helpers import snapshot

from desktop.store import cases, firms, merge, oplog, queries
from desktop.store.oplog import ROW, Op
from desktop.store.oplog_apply import all_or_nothing, apply_ops

Team = Callable[[int], tuple[list[Laptop], Path]]
EMPTY_FIRM = {c: "" for c in oplog.SYNC_TABLES["firms"].columns} | {"deleted": 0}


def _apply_at_once(laptop: Laptop, ops: list[Op]) -> None:
    with laptop.db.transaction():
        apply_ops(laptop.db, ops)


def _apply_one_by_one(laptop: Laptop, ops: list[Op]) -> None:
    with laptop.db.transaction():
        for op in ops:
            apply_ops(laptop.db, [op])


def _new_cases(laptop: Laptop, count: int) -> list[str]:
    db, actor = laptop.db, laptop.actor
    first, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강"), actor)
    second, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강(주)"), actor)
    return [
        cases.add_case(
            db,
            cases.NewCase(firm_id=first if i % 2 else second, field="F01", text=f"납부기한 문의 {i}"),
            actor,
        )[0]
        for i in range(count)
    ]


def _busy_day(laptop: Laptop, known: list[str]) -> None:
    """Edits of known and new cases interleaved with new cases and notes; a firm renamed, two merged."""
    db, actor = laptop.db, laptop.actor
    first, second = (
        str(r[0]) for r in db.all("SELECT id FROM firms WHERE brn = '1248100998' ORDER BY rowid")
    )
    made = list(known)
    for i, case_id in enumerate(known):
        made.append(
            cases.add_case(db, cases.NewCase(firm_id=first, field="F02", text=f"새 문의 {i}"), actor)[0]
        )
        cases.set_fields(db, case_id, {"text": f"수출 서류 보완 {i}", "assignee": f"담당 {i}"}, actor)
        cases.set_fields(db, made[-1 - i // 2], {"text": f"인증 서류 보완 {i}"}, actor)
        cases.add_note(db, made[i // 3], f"메모 {i}", actor)
        if i == len(known) // 2:
            firms.update_firm(db, first, {"name": "광양철강 주식회사"}, actor)
    merge.merge_firms(db, first, second, actor)
    cases.set_fields(db, made[-1], {"text": "합병 뒤 고친 사례"}, actor)


def _state(laptop: Laptop) -> dict[str, object]:
    """The snapshot without the roster (each test laptop knows only itself: no exchange here)."""
    return {k: v for k, v in snapshot(laptop.db).items() if k != "team_devices"}


def _found(laptop: Laptop, query: str) -> list[str]:
    return [row.id for row in queries.search_cases(laptop.db, query, limit=1000)]


def test_a_busy_bundle_applied_at_once_equals_its_ops_applied_one_by_one(make_team: Team) -> None:
    (a, b, c), _ = make_team(3)
    known = _new_cases(a, 120)
    for laptop in (b, c):
        _apply_at_once(laptop, oplog.pending_ops(a.db, 100_000).ops)
    oplog.mark_bundled(a.db, oplog.pending_ops(a.db, 100_000))
    _busy_day(a, known)
    ops = oplog.pending_ops(a.db, 100_000).ops
    assert len(ops) > 1000 and {op.col == ROW for op in ops} == {True, False}  # the bulk path
    _apply_at_once(b, ops)
    _apply_one_by_one(c, ops)
    assert _state(b) == _state(c)
    for laptop in (b, c):  # the search index follows the edits: old texts are no longer found
        for query in ("문의", "보완", "주식회사"):
            assert _found(laptop, query) == _found(a, query)
        assert [f.name for f in firms.find_firms(laptop.db, "주식회사")] == ["광양철강 주식회사"]
        assert {r[0] for r in laptop.db.all("SELECT DISTINCT firm_name FROM cases WHERE deleted = 0")} == {
            "광양철강 주식회사"
        }


def _firm_op(
    stamp: int, device: str, row_id: str, col: str, value: object, replaces: tuple[str, ...] = ()
) -> Op:
    return Op(f"{1_700_000_000_000 + stamp:013d}{0:08x}{device}", "firms", row_id, col, value, replaces)


def _odd_bundle() -> list[Op]:
    """An edit that arrives before its row, and a row created twice (a copied database file)."""
    one = {**EMPTY_FIRM, "brn": "1248100998", "name": "광양철강"}
    return [
        _firm_op(1, "aaaa", "firm-2", "phone", "061-1"),  # its row comes later: an orphan either way
        _firm_op(2, "aaaa", "firm-1", ROW, one),
        _firm_op(3, "aaaa", "firm-1", "phone", "061-2"),
        _firm_op(4, "aaaa", "firm-2", ROW, {**EMPTY_FIRM, "brn": "2208162517", "name": "순천식품"}),
        _firm_op(5, "bbbb", "firm-1", ROW, {**one, "name": "광양제철"}),
        _firm_op(6, "aaaa", "firm-1", "email", "a@example.kr"),
        _firm_op(7, "aaaa", "firm-2", "name", "순천식품 본점"),
    ]


@pytest.mark.parametrize("repeat", [1, 2])
def test_edits_before_their_row_and_rows_created_twice_apply_as_one_by_one(
    make_team: Team, repeat: int
) -> None:
    (b, c), _ = make_team(2)
    ops = _odd_bundle() * repeat  # applying twice changes nothing
    _apply_at_once(b, ops)
    _apply_one_by_one(c, ops)
    assert _state(b) == _state(c)
    assert firms.get_firm(b.db, "firm-2").name == "순천식품 본점"


def test_a_bundle_that_fails_leaves_the_transaction_as_it_was(make_team: Team) -> None:
    (b,), _ = make_team(1)
    good = _odd_bundle()[1:3]
    bad = [_firm_op(9, "cccc", "firm-9", ROW, {**EMPTY_FIRM, "brn": None, "name": "깨진 행"})]
    with b.db.transaction():
        with all_or_nothing(b.db):
            apply_ops(b.db, good)
        with pytest.raises(Exception, match="NOT NULL"), all_or_nothing(b.db):
            apply_ops(b.db, bad)
    assert [r[0] for r in b.db.all("SELECT id FROM firms WHERE id LIKE 'firm-%'")] == ["firm-1"]
    assert b.db.scalar("SELECT count(*) FROM sync_ops WHERE row_id = 'firm-9'") == 0
