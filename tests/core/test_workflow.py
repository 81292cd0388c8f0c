"""Tests of the case state machine (DOMAIN §3): the full status x action matrix and its rules."""

from __future__ import annotations

import itertools

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.workflow import (
    ACTIONS,
    CLOSE_RESULTS,
    RESULT_CODES,
    STATUSES,
    action,
    allowed_actions,
    apply,
    is_open,
    result_code,
    satisfaction_score,
    status,
)

OPEN_EXITS = {"withdraw": "closed", "close": "closed"}
INTAKE = {
    "classify": "classified",
    "resolve_onsite": "onsite_resolved",
    "assign": "assigned",
    "transfer": "transferred",
}
# The documented table, written out independently of the module's own table.
EXPECTED: dict[str, dict[str, str]] = {
    "received": {**INTAKE, **OPEN_EXITS},
    "classified": {**INTAKE, **OPEN_EXITS},
    "assigned": {
        "assign": "assigned",
        "start": "in_progress",
        "extend": "assigned",
        "hold": "on_hold",
        "reply": "replied",
        "transfer": "transferred",
        **OPEN_EXITS,
    },
    "in_progress": {
        "assign": "assigned",
        "request_supplement": "awaiting_supplement",
        "extend": "in_progress",
        "hold": "on_hold",
        "reply": "replied",
        "transfer": "transferred",
        **OPEN_EXITS,
    },
    "awaiting_supplement": {
        "receive_supplement": "in_progress",
        "extend": "awaiting_supplement",
        **OPEN_EXITS,
    },
    "on_hold": {"resume": "in_progress", **OPEN_EXITS},
    "replied": {"follow_up": "follow_up", "reopen": "in_progress", **OPEN_EXITS},
    "onsite_resolved": {"follow_up": "follow_up", **OPEN_EXITS},
    "follow_up": {"reopen": "in_progress", **OPEN_EXITS},
    "transferred": {"close": "closed", "reopen": "in_progress"},
    "closed": {"reopen": "in_progress"},
}
CLOSE_RESULT_FOR = {
    "received": "admin_closed",
    "classified": "admin_closed",
    "assigned": "admin_closed",
    "in_progress": "admin_closed",
    "awaiting_supplement": "admin_closed",
    "on_hold": "admin_closed",
    "replied": "resolved",
    "follow_up": "partial",
    "onsite_resolved": "onsite",
    "transferred": "transferred",
}
MATRIX = list(itertools.product([s.code for s in STATUSES], [a.code for a in ACTIONS]))


def test_every_status_is_in_the_documented_table() -> None:
    assert set(EXPECTED) == {s.code for s in STATUSES}


@pytest.mark.parametrize(("from_status", "act"), MATRIX)
def test_status_action_matrix(from_status: str, act: str) -> None:
    target = EXPECTED[from_status].get(act)
    result = CLOSE_RESULT_FOR.get(from_status) if act == "close" else None
    if target is None:
        with pytest.raises(RejectedInput) as info:
            apply(from_status, act, result_code=result, reason="사유")
        problem = info.value.problems[0]
        assert problem.field == "action"
        assert f"'{status(from_status).name_ko}' 상태에서는 '{action(act).name_ko}'" in problem.ko
        assert f"Cannot '{act}' a case in status '{status(from_status).name_en}'" in problem.en
    else:
        assert apply(from_status, act, result_code=result, reason="사유").status == target


def test_refusal_message_lists_the_allowed_actions_in_both_languages() -> None:
    with pytest.raises(RejectedInput) as info:
        apply("closed", "reply")
    problem = info.value.problems[0]
    assert problem.ko == "'종결' 상태에서는 '회신'을 할 수 없습니다. 가능한 작업: 재개"
    assert problem.en == "Cannot 'reply' a case in status 'Closed'. Allowed: reopen"


def test_korean_object_particle_follows_the_last_syllable() -> None:
    with pytest.raises(RejectedInput) as info:
        apply("on_hold", "hold", reason="사유")
    assert "'보류'를 할 수 없습니다" in info.value.problems[0].ko


@pytest.mark.parametrize("from_status", [s.code for s in STATUSES])
def test_allowed_actions_match_the_table(from_status: str) -> None:
    assert {a.code for a in allowed_actions(from_status)} == set(EXPECTED[from_status])


def test_every_status_can_be_reached_from_received() -> None:
    reached, frontier = {"received"}, ["received"]
    while frontier:
        for target in EXPECTED[frontier.pop()].values():
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == {s.code for s in STATUSES}


# --- result codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_status", "act", "expected"),
    [
        ("received", "resolve_onsite", "onsite"),
        ("classified", "transfer", "transferred"),
        ("in_progress", "withdraw", "withdrawn"),
    ],
)
def test_actions_that_end_a_case_set_their_result_code(from_status: str, act: str, expected: str) -> None:
    assert apply(from_status, act).result_code == expected
    assert apply(from_status, act, result_code=expected).result_code == expected


def test_action_with_its_own_result_refuses_another_result_code() -> None:
    with pytest.raises(RejectedInput) as info:
        apply("received", "resolve_onsite", result_code="resolved")
    assert info.value.problems[0].field == "result_code"


def test_ordinary_action_refuses_a_result_code() -> None:
    with pytest.raises(RejectedInput) as info:
        apply("in_progress", "reply", result_code="resolved")
    assert info.value.problems[0].field == "result_code"
    assert apply("in_progress", "reply").result_code is None


@pytest.mark.parametrize("from_status", sorted(CLOSE_RESULT_FOR))
def test_close_without_result_code_is_refused(from_status: str) -> None:
    with pytest.raises(RejectedInput) as info:
        apply(from_status, "close", reason="사유")
    assert info.value.problems[0].field == "result_code"


@pytest.mark.parametrize(
    ("from_status", "code"),
    [(s, r.code) for s in sorted(CLOSE_RESULTS) for r in RESULT_CODES],
)
def test_close_accepts_only_the_result_codes_of_its_status(from_status: str, code: str) -> None:
    if code in CLOSE_RESULTS[from_status]:
        transition = apply(from_status, "close", result_code=code, reason="사유")
        assert (transition.status, transition.result_code) == ("closed", code)
    else:
        with pytest.raises(RejectedInput) as info:
            apply(from_status, "close", result_code=code, reason="사유")
        assert info.value.problems[0].field == "result_code"


def test_before_a_reply_only_administrative_closing_is_possible() -> None:
    with pytest.raises(RejectedInput):
        apply("in_progress", "close", result_code="resolved")
    assert (
        apply("awaiting_supplement", "close", result_code="행정종결", reason="보완 미제출").status == "closed"
    )


def test_close_accepts_korean_result_names() -> None:
    assert apply("replied", "close", result_code="일부해결").result_code == "partial"
    assert apply("replied", "close", result_code="제도개선 건의").result_code == "policy_proposal"


@pytest.mark.parametrize("code", ["unresolvable", "admin_closed"])
@pytest.mark.parametrize("reason", ["", "  "])
def test_unresolvable_and_administrative_closing_need_a_reason(code: str, reason: str) -> None:
    with pytest.raises(RejectedInput) as info:
        apply("replied", "close", result_code=code, reason=reason)
    assert info.value.problems[0].field == "reason"
    assert apply("replied", "close", result_code=code, reason="관할 밖").result_code == code


def test_resolved_closing_needs_no_reason() -> None:
    assert apply("follow_up", "close", result_code="resolved").status == "closed"


# --- reasons and clock ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_status", "act"),
    [("closed", "reopen"), ("transferred", "reopen"), ("in_progress", "extend"), ("assigned", "hold")],
)
def test_reopen_extend_and_hold_need_a_reason(from_status: str, act: str) -> None:
    with pytest.raises(RejectedInput) as info:
        apply(from_status, act, reason=" ")
    assert info.value.problems[0].field == "reason"
    assert apply(from_status, act, reason="기업 재요청").status in ("in_progress", "on_hold")


def test_reopen_clears_the_result() -> None:
    transition = apply("closed", "reopen", reason="기업 재요청")
    assert transition.clears_result
    assert transition.result_code is None


def test_supplement_request_pauses_and_answer_resumes_the_clock() -> None:
    request = apply("in_progress", "request_supplement")
    assert (request.status, request.pauses_clock, request.resumes_clock) == (
        "awaiting_supplement",
        True,
        False,
    )
    answer = apply("awaiting_supplement", "receive_supplement")
    assert (answer.status, answer.pauses_clock, answer.resumes_clock) == ("in_progress", False, True)


def test_extension_leaves_the_status_unchanged() -> None:
    for from_status in ("assigned", "in_progress", "awaiting_supplement"):
        assert apply(from_status, "extend", reason="협의").status == from_status


# --- lookups, open statuses, satisfaction ---------------------------------------------------


def test_lookups_accept_codes_korean_and_english_names() -> None:
    assert status("처리중").code == "in_progress"
    assert status("Awaiting supplement").code == "awaiting_supplement"
    assert action("보완 요구").code == "request_supplement"
    assert action("보완요구").code == "request_supplement"
    assert action("재개").code == "reopen"
    assert action("보류 해제").code == "resume"
    assert result_code("해결불가").code == "unresolvable"
    assert apply("접수", "현장해결").status == "onsite_resolved"


@pytest.mark.parametrize(
    ("lookup", "field"), [(status, "status"), (action, "action"), (result_code, "result_code")]
)
def test_unknown_names_are_refused_on_their_field(lookup: object, field: str) -> None:
    with pytest.raises(RejectedInput) as info:
        lookup("없는값")  # type: ignore[operator]
    assert info.value.problems[0].field == field


def test_closed_and_transferred_cases_are_not_open() -> None:
    assert {s.code for s in STATUSES if not is_open(s.code)} == {"closed", "transferred"}


def test_withdraw_is_allowed_in_every_open_status() -> None:
    for s in STATUSES:
        assert (action("withdraw") in allowed_actions(s.code)) == is_open(s.code)


@pytest.mark.parametrize(("points", "score"), [(1, 0), (2, 25), (3, 50), (4, 75), (5, 100)])
def test_satisfaction_points_map_to_0_to_100(points: int, score: int) -> None:
    assert satisfaction_score(points) == score


@pytest.mark.parametrize("points", [0, 6, -1, True, 2.5, "5"])
def test_satisfaction_out_of_range_is_refused(points: object) -> None:
    with pytest.raises(RejectedInput) as info:
        satisfaction_score(points)  # type: ignore[arg-type]
    assert info.value.problems[0].field == "satisfaction"
