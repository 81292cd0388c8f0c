"""Roles are enforced by the store functions every front end calls, not only hidden in the UI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import audit, cases, firms, imports, merge, oplog, sessions
from desktop.store.db import Database

KIM = Actor(name="김상담", agency_id="JNEPA", role="consultant", device="laptop-1")  # logs the case
NTS_LEE = Actor(name="이세무", agency_id="NTS", role="consultant", device="laptop-2")
KOTRA_JO = Actor(name="조무역", agency_id="KOTRA", role="consultant", device="laptop-3")
CHOI = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="laptop-4")
PARK = Actor(name="박관리", agency_id="JNEPA", role="manager", device="laptop-5")
NOW = datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def routed(db: Database) -> tuple[str, str]:
    """A firm and a case that 김상담 (JNEPA) logged and routed to NTS with the firm's consent."""
    firm_id, _ = firms.add_firm(
        db,
        firms.NewFirm(brn="1248100998", name="광양철강", representative="홍길동", phone="010-1234-5678"),
        KIM,
    )
    case_id, _ = cases.add_case(
        db,
        cases.NewCase(
            firm_id=firm_id, field="F01", text="법인세 납부기한 연장", agency="NTS", consent_agencies=("NTS",)
        ),
        KIM,
    )
    return firm_id, case_id


def _edits(case_id: str) -> dict[str, Callable[[Database, Actor], Any]]:
    return {
        "set_fields": lambda db, a: cases.set_fields(db, case_id, {"text": f"{a.name}의 수정"}, a),
        "add_note": lambda db, a: cases.add_note(db, case_id, f"{a.name}의 메모", a),
        "assign_to": lambda db, a: cases.assign_to(db, case_id, "박세무", a),
        "act": lambda db, a: cases.act(db, case_id, "start", a),
        "record_consent": lambda db, a: cases.record_consent(db, case_id, "KOTRA", a),
        "reroute": lambda db, a: cases.act(db, case_id, "transfer", a, agency="KOTRA"),
    }


def _state(db: Database, case_id: str) -> tuple[Any, ...]:
    row = db.one("SELECT text, status, assignee, agency_id, updated_at FROM cases WHERE id = ?", (case_id,))
    assert row is not None
    events = db.scalar("SELECT count(*) FROM case_events WHERE case_id = ?", (case_id,))
    consents = db.scalar("SELECT count(*) FROM consents WHERE case_id = ?", (case_id,))
    return (*tuple(row), events, consents)


@pytest.mark.parametrize("edit", list(_edits("x")))
def test_a_consultant_of_another_agency_only_reads_the_case(
    db: Database, routed: tuple[str, str], edit: str
) -> None:
    _, case_id = routed
    before = _state(db, case_id)
    with pytest.raises(RejectedInput) as refused:
        _edits(case_id)[edit](db, KOTRA_JO)
    assert refused.value.problems[0].field == "role" and "NTS" in refused.value.text("en")
    assert _state(db, case_id) == before
    assert cases.get_case(db, case_id).text == "법인세 납부기한 연장"  # reading is allowed


@pytest.mark.parametrize("who", [NTS_LEE, KIM, CHOI], ids=["its-agency", "who-logged-it", "coordinator"])
def test_the_agency_the_case_was_routed_to_the_consultant_who_logged_it_and_a_coordinator_may_work_on_it(
    db: Database, routed: tuple[str, str], who: Actor
) -> None:
    _, case_id = routed
    edits = _edits(case_id)
    for name in ("set_fields", "add_note", "assign_to"):
        edits[name](db, who)
    cases.act(db, case_id, "reply", who, text="회신합니다")
    assert cases.get_case(db, case_id).status == "replied"


def test_a_manager_changes_nothing(db: Database, routed: tuple[str, str], tmp_path: Path) -> None:
    firm_id, case_id = routed
    before = _state(db, case_id)
    attempts: list[Callable[[], Any]] = [
        lambda: firms.add_firm(db, firms.NewFirm(brn="6178112341", name="여수기계"), PARK),
        lambda: firms.update_firm(db, firm_id, {"phone": "010-9999-9999"}, PARK),
        lambda: merge.merge_firms(db, firm_id, firm_id, PARK),
        lambda: cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="관리자 접수"), PARK),
        lambda: sessions.add_session(db, name="관리자 세션", day=NOW.date(), place="순천", actor=PARK),
        lambda: oplog.erase_personal_data(db, firm_id, PARK, "요청"),
        lambda: imports.apply_import(db, [], PARK, file_name="x.xlsx", file_sha256="0" * 64),
        *[lambda e=e: e(db, PARK) for e in _edits(case_id).values()],
    ]
    for attempt in attempts:
        with pytest.raises(RejectedInput) as refused:
            attempt()
        assert refused.value.problems[0].field == "role", refused.value.text("en")
    assert _state(db, case_id) == before
    assert db.scalar("SELECT count(*) FROM firms") == 1


def test_a_manager_exports_masked_but_may_not_unmask(
    db: Database, routed: tuple[str, str], tmp_path: Path
) -> None:
    from reports.excel.export import ExportOptions, export_cases

    result = export_cases(db, tmp_path / "masked.xlsx", PARK, now=NOW)
    assert result.rows == 1
    with pytest.raises(RejectedInput) as refused:
        export_cases(db, tmp_path / "full.xlsx", PARK, ExportOptions(unmask=True, reason="보고"), now=NOW)
    assert "unmask" in refused.value.text("en")
    assert not (tmp_path / "full.xlsx").exists()
    assert audit.entries(db, action_prefix="export.unmask") == []


def test_only_a_coordinator_unmasks_and_only_with_a_reason_and_it_is_audited(
    db: Database, routed: tuple[str, str], tmp_path: Path
) -> None:
    from reports.excel.export import ExportOptions, export_cases

    with pytest.raises(RejectedInput):
        export_cases(db, tmp_path / "a.xlsx", KIM, ExportOptions(unmask=True, reason="보고"), now=NOW)
    with pytest.raises(RejectedInput) as no_reason:
        export_cases(db, tmp_path / "b.xlsx", CHOI, ExportOptions(unmask=True), now=NOW)
    assert no_reason.value.problems[0].field == "reason"
    export_cases(db, tmp_path / "c.xlsx", CHOI, ExportOptions(unmask=True, reason="감사 자료 제출"), now=NOW)
    (entry,) = audit.entries(db, action_prefix="export.unmask")
    assert (entry.actor, entry.role, entry.reason) == ("최총괄", "coordinator", "감사 자료 제출")


def test_only_a_coordinator_erases_personal_data(db: Database, routed: tuple[str, str]) -> None:
    firm_id, _ = routed
    for who in (KIM, NTS_LEE, PARK):
        with pytest.raises(RejectedInput):
            oplog.erase_personal_data(db, firm_id, who, "본인 요청")
    assert firms.get_firm(db, firm_id).representative == "홍길동"
    oplog.erase_personal_data(db, firm_id, CHOI, "본인 요청")
    assert firms.get_firm(db, firm_id).representative == ""


def test_the_intake_flow_of_a_consultant_still_works_end_to_end(db: Database) -> None:
    """Register, log, route with consent, then (same person) follow the case to its close."""
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="6178112341", name="여수기계"), KIM)
    case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F06", text="FTA 원산지 문의"), KIM)
    cases.record_consent(db, case_id, "NTS", KIM)
    cases.act(db, case_id, "assign", KIM, agency="NTS")
    cases.assign_to(db, case_id, "이세무", NTS_LEE)
    cases.act(db, case_id, "reply", NTS_LEE, text="원산지 판정 기준 안내")
    cases.act(db, case_id, "close", KIM, result_code="resolved")
    assert cases.get_case(db, case_id).status == "closed"
