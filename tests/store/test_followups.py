"""Satisfaction call-backs: due days, the register states, a low score flags or reopens the case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases, firms, followups
from desktop.store.calendar import work_calendar
from desktop.store.db import Database

RECEIVED = datetime(2026, 3, 3, 10, 0)
CLOSED = datetime(2026, 3, 6, 15, 0)  # a Friday: the call-back is due Friday 03-13


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


@pytest.fixture
def firm_id(db: Database, actor: Actor) -> str:
    return firms.add_firm(db, firms.NewFirm(brn="1248100998", name="(주)광양철강", region_code="46"), actor)[
        0
    ]


def closed_case(db: Database, actor: Actor, firm_id: str, result: str = "resolved") -> str:
    new = cases.NewCase(
        firm_id=firm_id,
        field="F01",
        text="법인세 납부기한 연장 문의",
        received_at=RECEIVED,
        agency="NTS",
        consent_agencies=("NTS",),
    )
    case_id = cases.add_case(db, new, actor, now=at(RECEIVED))[0]
    cases.act(db, case_id, "reply", actor, text="연장 승인", now=at(datetime(2026, 3, 5, 10, 0)))
    reason = "요건 미충족" if result in ("unresolvable", "admin_closed") else ""
    cases.act(db, case_id, "close", actor, result_code=result, reason=reason, now=at(CLOSED))
    return case_id


def state(db: Database, case_id: str, today: date) -> followups.FollowUp:
    line = followups.for_case(db, case_id, today)
    assert line is not None
    return line


def test_the_call_back_is_due_a_week_after_closing_on_a_working_day(db: Database) -> None:
    cal = work_calendar(db)
    assert followups.first_due(date(2026, 3, 6), cal) == date(2026, 3, 13)
    assert followups.first_due(date(2026, 3, 7), cal) == date(2026, 3, 16)  # Saturday + 7 = Saturday → Monday
    assert followups.first_due(date(2026, 9, 17), cal) == date(2026, 9, 28)  # 추석 (9/24–26) then Sunday


def test_register_states_follow_the_calendar(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    assert state(db, case_id, date(2026, 3, 10)).state == followups.SCHEDULED
    assert state(db, case_id, date(2026, 3, 13)).state == followups.DUE
    late = state(db, case_id, date(2026, 3, 16))
    assert (late.state, late.due) == (followups.OVERDUE, date(2026, 3, 13))
    register = followups.register(db, closed_from=date(2026, 3, 1), today=date(2026, 3, 16))
    assert [f.case_id for f in register] == [case_id]


def test_no_answer_moves_the_call_to_the_next_working_day(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    followups.record_call(db, case_id, actor, points=None, now=at(datetime(2026, 3, 13, 11, 0)))
    line = state(db, case_id, date(2026, 3, 13))
    assert (line.state, line.due, line.attempts) == (followups.SCHEDULED, date(2026, 3, 16), 1)


def test_an_answer_sets_the_case_satisfaction_on_0_to_100(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    result = followups.record_call(
        db, case_id, actor, points=4, note="친절했음", now=at(datetime(2026, 3, 13, 11))
    )
    assert (result.score, result.low, result.flagged, result.reopened) == (75, False, False, False)
    assert cases.get_case(db, case_id).satisfaction == 75
    line = state(db, case_id, date(2026, 3, 20))
    assert (line.state, line.points, line.score, line.note, line.due) == (
        followups.DONE,
        4,
        75,
        "친절했음",
        None,
    )
    assert [e.kind for e in cases.timeline(db, case_id)][-1] == "followup"


def test_a_low_score_flags_the_case_until_the_flag_is_cleared(
    db: Database, actor: Actor, firm_id: str
) -> None:
    case_id = closed_case(db, actor, firm_id)
    result = followups.record_call(db, case_id, actor, points=2, now=at(datetime(2026, 3, 13, 11)))
    assert (result.low, result.flagged, result.reopened) == (True, True, False)
    assert cases.get_case(db, case_id).status == "closed"
    assert state(db, case_id, date(2026, 3, 20)).state == followups.FLAGGED
    followups.clear_flag(db, case_id, actor, note="담당 기관 재안내")
    assert state(db, case_id, date(2026, 3, 20)).state == followups.DONE
    with pytest.raises(RejectedInput):
        followups.clear_flag(db, case_id, actor)


def test_a_low_score_can_reopen_the_case(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    result = followups.record_call(
        db, case_id, actor, points=1, note="답변이 틀렸음", on_low="reopen", now=at(datetime(2026, 3, 13, 11))
    )
    assert (result.reopened, result.flagged, result.score) == (True, False, 0)
    case = cases.get_case(db, case_id)
    assert (case.status, case.result_code) == ("in_progress", "")
    last_status = [e for e in cases.timeline(db, case_id) if e.kind == "status"][-1]
    assert last_status.payload["reason"] == "만족도 1점 (사후관리): 답변이 틀렸음"
    assert state(db, case_id, date(2026, 3, 20)).state == followups.REOPENED


def test_a_case_that_cannot_be_reopened_is_flagged_instead(db: Database, actor: Actor, firm_id: str) -> None:
    new = cases.NewCase(
        firm_id=firm_id, field="F01", text="부가세 신고 문의", onsite_answer="홈택스 신고 방법 안내"
    )
    case_id = cases.add_case(db, new, actor)[0]
    assert cases.get_case(db, case_id).status == "onsite_resolved"
    result = followups.record_call(db, case_id, actor, points=1, on_low="reopen")
    assert (result.reopened, result.flagged) == (False, True)


def test_withdrawn_and_administratively_closed_cases_get_no_call_back(
    db: Database, actor: Actor, firm_id: str
) -> None:
    case_id = closed_case(db, actor, firm_id, result="admin_closed")
    assert followups.for_case(db, case_id, date(2026, 3, 20)) is None
    assert followups.register(db, closed_from=date(2026, 3, 1), today=date(2026, 3, 20)) == []


def test_scheduling_moves_the_due_day_but_not_into_the_past(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    followups.schedule(db, case_id, date(2026, 3, 18), actor, now=at(datetime(2026, 3, 12, 9)))
    line = state(db, case_id, date(2026, 3, 16))
    assert (line.state, line.due) == (followups.SCHEDULED, date(2026, 3, 18))
    with pytest.raises(RejectedInput):
        followups.schedule(db, case_id, date(2026, 3, 1), actor, now=at(datetime(2026, 3, 12, 9)))


def test_points_outside_1_to_5_are_refused(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = closed_case(db, actor, firm_id)
    with pytest.raises(RejectedInput):
        followups.record_call(db, case_id, actor, points=6)
    with pytest.raises(RejectedInput):
        followups.record_call(db, case_id, actor, points=3, on_low="ignore")
    assert cases.get_case(db, case_id).satisfaction is None
