"""Who may do what: the consultant, coordinator and manager roles, enforced by the store (not only the UI).

Rules (DOMAIN.md §6, issue #9):

* **consultant** — logs firms and cases (intake at a clinic serves every agency); routes,
  edits, advances, annotates and assigns a case only when it is *theirs*: routed to their own
  agency, not routed yet, or logged by them. Other agencies' cases are read-only — routing
  included, or re-routing a case to one's own agency would be a way to take any case over.
  Personal data stays masked in exports and reports.
* **coordinator** — everything: any case, assignment, erasure of personal data, unmasking,
  the audit log, linking a firm to a cluster by hand (others see the link only).
* **manager** — reads, reports and exports, always masked; changes nothing.

The role comes from the device's settings (``Actor.role``); nothing here authenticates a
person (see SECURITY.md). Pure Python: no SQL, no Qt — the store passes the case's agency and
who logged it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core import workflow
from desktop.core.errors import RejectedInput, reject
from desktop.core.records import ROLES, Actor

CONSULTANT, COORDINATOR, MANAGER = "consultant", "coordinator", "manager"


@dataclass(frozen=True, slots=True)
class Permission:
    """One permission: its roles, whether consultants get it only on their own cases, its names."""

    code: str
    roles: frozenset[str]
    own_cases_only: bool
    ko: str
    en: str


def _p(code: str, roles: tuple[str, ...], ko: str, en: str, *, own: bool = False) -> Permission:
    return Permission(code, frozenset(roles), own, ko, en)


_WRITERS = (CONSULTANT, COORDINATOR)
_EVERYONE = (CONSULTANT, COORDINATOR, MANAGER)
PERMISSIONS: dict[str, Permission] = {
    p.code: p
    for p in (
        _p("case.view", _EVERYONE, "사례 보기", "view cases"),
        _p("case.add", _WRITERS, "애로사항 접수", "log a case"),
        _p(
            "case.route",
            _WRITERS,
            "기관 배정·이송과 제3자 제공 동의 기록",
            "route a case or record consent",
            own=True,
        ),
        _p("case.edit", _WRITERS, "사례 수정·처리", "edit or advance a case", own=True),
        _p("case.note", _WRITERS, "사례 메모", "add a note to a case", own=True),
        _p("case.assign", _WRITERS, "담당자 지정", "assign a case to a person", own=True),
        _p("case.delete", (COORDINATOR,), "사례 삭제", "delete a case"),
        _p("firm.add", _WRITERS, "기업 등록", "register a firm"),
        _p("firm.edit", _WRITERS, "기업 정보 수정", "edit a firm"),
        _p("firm.merge", _WRITERS, "중복 기업 병합", "merge duplicate firms"),
        _p("firm.erase", (COORDINATOR,), "개인정보 삭제", "erase personal data"),
        _p("session.add", _WRITERS, "현장지원단 등록", "add a clinic session"),
        _p("cluster.link", (COORDINATOR,), "기업의 밀집지역 연결 변경", "link a firm to a cluster"),
        _p("report", _EVERYONE, "보고서 출력", "print reports"),
        _p("export", _EVERYONE, "엑셀 내보내기", "export to Excel"),
        _p("import", _WRITERS, "엑셀 가져오기", "import a spreadsheet"),
        _p("unmask", (COORDINATOR,), "개인정보 마스킹 해제", "unmask personal data"),
        _p("audit.view", (COORDINATOR,), "감사 기록 보기", "view the audit log"),
        # Decrypting removes the at-rest protection of every firm on the laptop, like an erasure
        # it is for the coordinator; encrypting only adds protection, so anyone may.
        _p("store.decrypt", (COORDINATOR,), "데이터베이스 암호화 해제", "decrypt the database"),
    )
}
ROLE_NAMES = {
    CONSULTANT: ("상담원", "consultant"),
    COORDINATOR: ("총괄", "coordinator"),
    MANAGER: ("관리자", "manager"),
}


def _permission(code: str) -> Permission:
    try:
        return PERMISSIONS[code]
    except KeyError:
        raise ValueError(f"unknown permission {code!r}") from None


def owns_case(actor: Actor, case_agency_id: str, created_by: str | None = None) -> bool:
    """A consultant's own case: routed to their agency, not routed yet, or logged by them."""
    if not case_agency_id:
        return True
    if actor.agency_id and case_agency_id == actor.agency_id:
        return True
    return bool(created_by) and created_by == actor.name


def can(
    actor: Actor, permission: str, case_agency_id: str | None = None, *, created_by: str | None = None
) -> bool:
    """True when ``actor`` may do ``permission`` (on a case of ``case_agency_id``, logged by ``created_by``).

    For case-scoped permissions ``case_agency_id=None`` asks about the role alone ("may a
    consultant edit cases at all?", for menus); the store always passes the case's agency.

    Raises:
        ValueError: ``permission`` is not one of :data:`PERMISSIONS` (a programming error).
    """
    rule = _permission(permission)
    if actor.role not in rule.roles:
        return False
    if actor.role == CONSULTANT and rule.own_cases_only and case_agency_id is not None:
        return owns_case(actor, case_agency_id, created_by)
    return True


def require(
    actor: Actor, permission: str, case_agency_id: str | None = None, *, created_by: str | None = None
) -> None:
    """Refuse (RejectedInput, field ``role``) unless :func:`can` allows it; says why in Korean and English."""
    if can(actor, permission, case_agency_id, created_by=created_by):
        return
    rule = _permission(permission)
    if actor.role not in ROLES:
        raise reject(
            "role",
            f"알 수 없는 역할입니다: '{actor.role}'. 설정에서 역할(상담원·총괄·관리자)을 고르세요.",
            f"Unknown role '{actor.role}'. Choose consultant, coordinator or manager in the settings.",
        )
    role_ko, role_en = ROLE_NAMES[actor.role]
    allowed_ko = "·".join(ROLE_NAMES[r][0] for r in ROLES if r in rule.roles)
    allowed_en = ", ".join(ROLE_NAMES[r][1] for r in ROLES if r in rule.roles)
    if actor.role in rule.roles:  # a consultant on another agency's case
        raise reject(
            "role",
            f"다른 기관({case_agency_id})의 사례는 읽기만 할 수 있습니다: {rule.ko}은(는) 그 기관 상담원이나 "
            "총괄만 할 수 있습니다.",
            f"This case belongs to another agency ({case_agency_id}) and is read-only for you: only its own "
            f"consultants or a coordinator may {rule.en}.",
        )
    raise reject(
        "role",
        f"{role_ko} 역할로는 할 수 없습니다: {rule.ko} ({allowed_ko}만 가능).",
        f"A {role_en} may not {rule.en} (only: {allowed_en}).",
    )


def permission_for_action(action: str) -> str:
    """The permission a workflow action (code or name) needs: routing (assign, transfer) or editing."""
    try:
        code = workflow.action(action).code
    except RejectedInput:
        code = action  # refused by the workflow itself right after this check
    return "case.route" if code in ("assign", "transfer") else "case.edit"
