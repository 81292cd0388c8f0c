"""The case state machine: statuses, actions, result codes and the allowed transitions (DOMAIN §3).

Transitions (status --action--> new status). ``*`` marks actions that need a reason.

=====================  ==================================================================
from                   action -> to
=====================  ==================================================================
received / classified  classify -> classified, resolve_onsite -> onsite_resolved,
                       assign -> assigned, transfer -> transferred
assigned               assign -> assigned (re-route), start -> in_progress,
                       extend* -> assigned, hold* -> on_hold, reply -> replied,
                       transfer -> transferred
in_progress            assign -> assigned (re-route), request_supplement -> awaiting_supplement,
                       extend* -> in_progress, hold* -> on_hold, reply -> replied,
                       transfer -> transferred
awaiting_supplement    receive_supplement -> in_progress, extend* -> awaiting_supplement
on_hold                resume -> in_progress
replied                follow_up -> follow_up, reopen* -> in_progress
onsite_resolved        follow_up -> follow_up
follow_up              reopen* -> in_progress
every open status      withdraw -> closed, close -> closed
transferred            close -> closed, reopen* -> in_progress
closed                 reopen* -> in_progress
=====================  ==================================================================

Result codes: ``resolve_onsite`` sets ``onsite``, ``transfer`` sets ``transferred``,
``withdraw`` sets ``withdrawn`` (passing that same code is allowed, another is refused);
``close`` needs a result code chosen from :data:`CLOSE_RESULTS` for the current status
(before a reply only 행정종결 is possible); ``unresolvable`` and ``admin_closed`` need a
reason; ``reopen`` clears the result; other actions take no result code.

Open statuses are all but ``closed`` and ``transferred`` (a transferred case has left us).
``request_supplement`` stops the deadline clock and ``receive_supplement`` restarts it. The
machine knows only the current status, so "one extension only" is enforced by
:meth:`desktop.core.deadlines.DeadlineClock.extend`, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from desktop.core.errors import reject


@dataclass(frozen=True, slots=True)
class Status:
    """A case status; ``code`` is stored, the names are shown."""

    code: str
    name_ko: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Action:
    """Something a consultant does to a case."""

    code: str
    name_ko: str
    name_en: str


@dataclass(frozen=True, slots=True)
class ResultCode:
    """How a case ended (결과 코드)."""

    code: str
    name_ko: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Transition:
    """The outcome of :func:`apply`.

    Attributes:
        status: the new status code.
        result_code: the result code this step sets, or None when it sets none.
        pauses_clock: the deadline clock must be paused (보완 요구).
        resumes_clock: the deadline clock must be resumed (보완 접수).
        clears_result: the stored result code must be cleared (재개).
    """

    status: str
    result_code: str | None = None
    pauses_clock: bool = False
    resumes_clock: bool = False
    clears_result: bool = False


STATUSES: tuple[Status, ...] = (
    Status("received", "접수", "Received"),
    Status("classified", "분류", "Classified"),
    Status("onsite_resolved", "현장해결", "Resolved on site"),
    Status("assigned", "배정", "Assigned"),
    Status("transferred", "이송", "Transferred"),
    Status("in_progress", "처리중", "In progress"),
    Status("awaiting_supplement", "보완요구", "Awaiting supplement"),
    Status("on_hold", "보류", "On hold"),
    Status("replied", "회신", "Replied"),
    Status("follow_up", "사후관리", "Follow-up"),
    Status("closed", "종결", "Closed"),
)

# 'resume' (보류 해제) and 'reopen' (재개) are both "재개" in speech; distinct Korean names keep
# the lookup by Korean name unambiguous.
ACTIONS: tuple[Action, ...] = (
    Action("classify", "분류", "Classify"),
    Action("resolve_onsite", "현장해결", "Resolve on site"),
    Action("assign", "배정", "Assign"),
    Action("transfer", "이송", "Transfer"),
    Action("start", "처리 시작", "Start"),
    Action("request_supplement", "보완 요구", "Request supplement"),
    Action("receive_supplement", "보완 접수", "Receive supplement"),
    Action("extend", "기간 연장", "Extend"),
    Action("hold", "보류", "Hold"),
    Action("resume", "보류 해제", "Resume"),
    Action("reply", "회신", "Reply"),
    Action("follow_up", "사후관리", "Follow up"),
    Action("close", "종결", "Close"),
    Action("reopen", "재개", "Reopen"),
    Action("withdraw", "취하", "Withdraw"),
)

RESULT_CODES: tuple[ResultCode, ...] = (
    ResultCode("onsite", "현장해결", "Resolved on site"),
    ResultCode("resolved", "해결", "Resolved"),
    ResultCode("partial", "일부해결", "Partly resolved"),
    ResultCode("unresolvable", "해결불가", "Unresolvable"),
    ResultCode("policy_proposal", "제도개선 건의", "Policy proposal"),
    ResultCode("transferred", "이송완료", "Transferred"),
    ResultCode("withdrawn", "취하", "Withdrawn"),
    ResultCode("admin_closed", "행정종결", "Closed administratively"),
)

_OPEN_EXITS = (("withdraw", "closed"), ("close", "closed"))
_INTAKE = (
    ("classify", "classified"),
    ("resolve_onsite", "onsite_resolved"),
    ("assign", "assigned"),
    ("transfer", "transferred"),
)

TRANSITIONS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "received": MappingProxyType(dict(_INTAKE + _OPEN_EXITS)),
        "classified": MappingProxyType(dict(_INTAKE + _OPEN_EXITS)),
        "assigned": MappingProxyType(
            {
                "assign": "assigned",
                "start": "in_progress",
                "extend": "assigned",
                "hold": "on_hold",
                "reply": "replied",
                "transfer": "transferred",
                **dict(_OPEN_EXITS),
            }
        ),
        "in_progress": MappingProxyType(
            {
                "assign": "assigned",
                "request_supplement": "awaiting_supplement",
                "extend": "in_progress",
                "hold": "on_hold",
                "reply": "replied",
                "transfer": "transferred",
                **dict(_OPEN_EXITS),
            }
        ),
        "awaiting_supplement": MappingProxyType(
            {"receive_supplement": "in_progress", "extend": "awaiting_supplement", **dict(_OPEN_EXITS)}
        ),
        "on_hold": MappingProxyType({"resume": "in_progress", **dict(_OPEN_EXITS)}),
        "replied": MappingProxyType({"follow_up": "follow_up", "reopen": "in_progress", **dict(_OPEN_EXITS)}),
        "onsite_resolved": MappingProxyType({"follow_up": "follow_up", **dict(_OPEN_EXITS)}),
        "follow_up": MappingProxyType({"reopen": "in_progress", **dict(_OPEN_EXITS)}),
        "transferred": MappingProxyType({"close": "closed", "reopen": "in_progress"}),
        "closed": MappingProxyType({"reopen": "in_progress"}),
    }
)
"""status code -> {action code -> new status code}; any pair not listed is refused."""

_BEFORE_REPLY = ("admin_closed",)
_AFTER_REPLY = ("resolved", "partial", "unresolvable", "policy_proposal", "admin_closed")
CLOSE_RESULTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "received": _BEFORE_REPLY,
        "classified": _BEFORE_REPLY,
        "assigned": _BEFORE_REPLY,
        "in_progress": _BEFORE_REPLY,
        "awaiting_supplement": _BEFORE_REPLY,
        "on_hold": _BEFORE_REPLY,
        "replied": _AFTER_REPLY,
        # A follow-up may come after an on-site answer as well as after a reply.
        "follow_up": ("onsite", *_AFTER_REPLY),
        "onsite_resolved": ("onsite",),
        "transferred": ("transferred",),
    }
)
"""status code -> result codes a ``close`` from that status accepts."""

_IMPLIED_RESULTS: Mapping[str, str] = MappingProxyType(
    {"resolve_onsite": "onsite", "transfer": "transferred", "withdraw": "withdrawn"}
)
_REASON_ACTIONS: tuple[str, ...] = ("reopen", "extend", "hold")
_REASON_RESULTS: tuple[str, ...] = ("unresolvable", "admin_closed")


def _key(text: str) -> str:
    return "".join(text.casefold().split())


_Named = TypeVar("_Named", Status, Action, ResultCode)


def _lookup(items: tuple[_Named, ...], text: str, field: str, what: tuple[str, str]) -> _Named:
    key = _key(text)
    for item in items:
        if key in (_key(item.code), _key(item.name_ko), _key(item.name_en)):
            return item
    raise reject(
        field,
        f"알 수 없는 {what[0]}입니다. 가능한 값: {', '.join(i.name_ko for i in items)}",
        f"Unknown {what[1]}. Allowed: {', '.join(i.code for i in items)}",
    )


def status(code_or_name: str) -> Status:
    """Find a status by code, Korean or English name; raises RejectedInput (field ``status``)."""
    return _lookup(STATUSES, code_or_name, "status", ("상태", "status"))


def action(code_or_name: str) -> Action:
    """Find an action by code, Korean or English name; raises RejectedInput (field ``action``)."""
    return _lookup(ACTIONS, code_or_name, "action", ("작업", "action"))


def result_code(code_or_name: str) -> ResultCode:
    """Find a result code by code, Korean or English name; raises RejectedInput (field ``result_code``)."""
    return _find_result(code_or_name)


def _find_result(code_or_name: str) -> ResultCode:
    # apply() has a parameter called result_code, which hides the public function there.
    return _lookup(RESULT_CODES, code_or_name, "result_code", ("결과 코드", "result code"))


def is_open(status_code: str) -> bool:
    """True unless the case is closed or has been transferred away."""
    return status(status_code).code not in ("closed", "transferred")


def allowed_actions(status_code: str) -> tuple[Action, ...]:
    """Actions allowed in a status, in :data:`ACTIONS` order."""
    allowed = TRANSITIONS[status(status_code).code]
    return tuple(a for a in ACTIONS if a.code in allowed)


def _object_particle(word: str) -> str:
    # 을 after a final consonant (받침), 를 after a vowel; non-Hangul words take 을/를.
    last = word[-1]
    if not "가" <= last <= "힣":
        return "을(를)"
    return "을" if (ord(last) - ord("가")) % 28 else "를"


def _names(codes: tuple[str, ...], table: tuple[ResultCode, ...]) -> str:
    return ", ".join(r.name_ko for r in table if r.code in codes)


def apply(
    status_code: str, action_code: str, *, result_code: str | None = None, reason: str = ""
) -> Transition:
    """Apply an action to a case in a status and return the transition.

    Args:
        status_code: the current status (code or name).
        action_code: the action (code or name).
        result_code: the result code, required by ``close`` (code or name).
        reason: why; required by reopen, extend, hold and by the results 해결불가 and 행정종결.

    Returns:
        The new status and what the caller must do to the result code and the deadline clock.

    Raises:
        RejectedInput: the action is not allowed in the status (field ``action``), a result
            code is missing, not allowed or not expected (field ``result_code``), or a required
            reason is missing (field ``reason``).
    """
    current, act = status(status_code), action(action_code)
    target = TRANSITIONS[current.code].get(act.code)
    if target is None:
        allowed = allowed_actions(current.code)
        raise reject(
            "action",
            f"'{current.name_ko}' 상태에서는 '{act.name_ko}'{_object_particle(act.name_ko)} 할 수 없습니다. "
            f"가능한 작업: {', '.join(a.name_ko for a in allowed)}",
            f"Cannot '{act.code}' a case in status '{current.name_en}'. "
            f"Allowed: {', '.join(a.code for a in allowed)}",
        )
    given = None if result_code is None or not result_code.strip() else _find_result(result_code)
    result = _result_for(current, act, given.code if given else None)
    if act.code in _REASON_ACTIONS or result in _REASON_RESULTS:
        if not reason.strip():
            what = act.name_ko if act.code in _REASON_ACTIONS else _names((result or "",), RESULT_CODES)
            raise reject(
                "reason",
                f"'{what}'에는 사유가 필요합니다.",
                f"'{act.code if act.code in _REASON_ACTIONS else result}' needs a reason.",
            )
    return Transition(
        status=target,
        result_code=result,
        pauses_clock=act.code == "request_supplement",
        resumes_clock=act.code == "receive_supplement",
        clears_result=act.code == "reopen",
    )


def _result_for(current: Status, act: Action, given: str | None) -> str | None:
    """The result code an allowed action sets, checking the one the caller gave."""
    if act.code == "close":
        allowed = CLOSE_RESULTS[current.code]
        if given is None or given not in allowed:
            ko = (
                "종결에는 결과 코드가 필요합니다."
                if given is None
                else "이 상태에서 쓸 수 없는 결과 코드입니다."
            )
            en = "Closing needs a result code." if given is None else "That result code is not allowed here."
            raise reject(
                "result_code",
                f"{ko} 가능한 값: {_names(allowed, RESULT_CODES)}",
                f"{en} Allowed: {', '.join(allowed)}",
            )
        return given
    implied = _IMPLIED_RESULTS.get(act.code)
    if given is not None and given != implied:
        name = _names((given,), RESULT_CODES)
        raise reject(
            "result_code",
            f"'{act.name_ko}' 작업에는 결과 코드 '{name}'{_object_particle(name)} 지정할 수 없습니다.",
            f"Action '{act.code}' does not take result code '{given}'.",
        )
    return implied


def satisfaction_score(points: int) -> int:
    """Turn a 5-point satisfaction answer into 0-100: ``(points - 1) * 25``.

    Raises:
        RejectedInput: field ``satisfaction`` unless ``points`` is a whole number 1-5.
    """
    if isinstance(points, bool) or not isinstance(points, int) or not 1 <= points <= 5:
        raise reject(
            "satisfaction",
            "만족도는 1~5점 중 하나여야 합니다.",
            "Satisfaction is a whole number from 1 to 5.",
        )
    return (points - 1) * 25
