"""Roles: consultant (own agency's cases), coordinator (everything), manager (reads and masked exports)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import roles
from desktop.core.errors import RejectedInput
from desktop.core.records import Actor

KIM = Actor(name="김상담", agency_id="JNEPA", role="consultant")
NO_AGENCY = Actor(name="이상담", agency_id="", role="consultant")
CHOI = Actor(name="최총괄", agency_id="JNEPA", role="coordinator")
PARK = Actor(name="박관리", agency_id="JNEPA", role="manager")
WRITES = (
    "case.add",
    "case.route",
    "case.edit",
    "case.note",
    "case.assign",
    "firm.add",
    "firm.edit",
    "firm.merge",
    "session.add",
    "import",
)


@pytest.mark.parametrize(
    ("agency", "created_by", "allowed"),
    [
        ("JNEPA", "", True),  # routed to my agency
        ("", "누군가", True),  # not routed yet: intake serves every agency
        ("NTS", "김상담", True),  # I logged it and routed it on
        ("NTS", "다른사람", False),  # another agency's case
        ("NTS", "", False),
    ],
)
def test_a_consultant_edits_own_unrouted_or_self_logged_cases_only(
    agency: str, created_by: str, allowed: bool
) -> None:
    for permission in ("case.edit", "case.note", "case.assign", "case.route"):
        assert roles.can(KIM, permission, agency, created_by=created_by) is allowed, permission
    assert roles.can(KIM, "case.view", agency, created_by=created_by)


def test_a_consultant_without_an_agency_owns_only_unrouted_and_self_logged_cases() -> None:
    assert roles.can(NO_AGENCY, "case.edit", "")
    assert roles.can(NO_AGENCY, "case.edit", "NTS", created_by="이상담")
    assert not roles.can(NO_AGENCY, "case.edit", "NTS", created_by="김상담")
    assert not roles.can(NO_AGENCY, "case.edit", "NTS")


def test_a_consultant_logs_firms_and_cases_but_never_unmasks_erases_or_reads_the_audit_log() -> None:
    for permission in ("case.add", "firm.add", "firm.edit", "firm.merge", "session.add", "import", "export"):
        assert roles.can(KIM, permission)
    for permission in ("unmask", "firm.erase", "audit.view", "case.delete"):
        assert not roles.can(KIM, permission)


def test_a_coordinator_may_do_everything_on_every_agencys_case() -> None:
    for permission in roles.PERMISSIONS:
        assert roles.can(CHOI, permission, "NTS", created_by="다른사람"), permission


def test_a_manager_reads_and_exports_masked_and_changes_nothing() -> None:
    assert {p for p in roles.PERMISSIONS if roles.can(PARK, p, "JNEPA")} == {"case.view", "report", "export"}
    with pytest.raises(RejectedInput) as refused:
        roles.require(PARK, "unmask")
    assert "manager may not unmask personal data" in refused.value.text("en")
    assert "관리자 역할로는 할 수 없습니다" in refused.value.text("ko")


def test_the_refusal_names_the_case_agency_in_korean_and_english() -> None:
    with pytest.raises(RejectedInput) as refused:
        roles.require(KIM, "case.edit", "NTS", created_by="다른사람")
    (problem,) = refused.value.problems
    assert problem.field == "role"
    assert "NTS" in problem.en and "read-only" in problem.en
    assert "NTS" in problem.ko and "읽기만" in problem.ko


def test_an_unknown_role_may_do_nothing_and_is_told_to_choose_one() -> None:
    nobody = Actor(name="손님", role="guest")
    assert not any(roles.can(nobody, p) for p in roles.PERMISSIONS)
    with pytest.raises(RejectedInput) as refused:
        roles.require(nobody, "case.view")
    assert "Unknown role 'guest'" in refused.value.text("en")


def test_an_unknown_permission_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        roles.can(CHOI, "case.teleport")


@pytest.mark.parametrize(
    ("action", "permission"),
    [
        ("assign", "case.route"),
        ("배정", "case.route"),
        ("transfer", "case.route"),
        ("이송", "case.route"),
        ("reply", "case.edit"),
        ("close", "case.edit"),
        ("reopen", "case.edit"),
        ("no-such-action", "case.edit"),
    ],
)
def test_routing_actions_need_the_route_permission_the_others_the_edit_one(
    action: str, permission: str
) -> None:
    assert roles.permission_for_action(action) == permission


agencies = st.sampled_from(["", "JNEPA", "NTS", "KOTRA", "SBC", "jnepa"])
names = st.sampled_from(["", "김상담", "이상담", "최총괄"])


@given(agency=agencies, created_by=names, permission=st.sampled_from(sorted(roles.PERMISSIONS)))
def test_the_rules_hold_for_any_case(agency: str, created_by: str, permission: str) -> None:
    assert roles.can(CHOI, permission, agency, created_by=created_by)
    assert roles.can(PARK, permission, agency, created_by=created_by) is (
        permission in ("case.view", "report", "export")
    )
    expected = permission in roles.PERMISSIONS and KIM.role in roles.PERMISSIONS[permission].roles
    if expected and roles.PERMISSIONS[permission].own_cases_only:
        expected = agency in ("", "JNEPA") or created_by == "김상담"
    assert roles.can(KIM, permission, agency, created_by=created_by) is expected
    if not expected:
        with pytest.raises(RejectedInput):
            roles.require(KIM, permission, agency, created_by=created_by)
    assert all(not roles.can(PARK, w, agency) for w in WRITES)
