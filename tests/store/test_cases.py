"""Logging cases and running them through the workflow with deadlines, consents and a timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database

RECEIVED = datetime(2026, 3, 3, 10, 0)  # a Tuesday, the day after the 3·1절 substitute holiday


def fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


@pytest.fixture
def firm_id(db: Database, actor: Actor) -> str:
    firm_id, _ = firms.add_firm(
        db, firms.NewFirm(brn="1248100998", name="(주)광양철강", region_code="46"), actor
    )
    return firm_id


def _add(db: Database, actor: Actor, firm_id: str, **extra: object) -> str:
    values: dict[str, object] = {
        "firm_id": firm_id,
        "field": "F01",
        "text": "법인세 납부기한 연장 문의",
        "received_at": RECEIVED,
        "number_prefix": "순천",
    } | extra
    case_id, _ = cases.add_case(db, cases.NewCase(**values), actor, now=fixed(RECEIVED))  # type: ignore[arg-type]
    return case_id


def test_a_new_case_is_numbered_and_gets_its_legal_deadline(db: Database, actor: Actor, firm_id: str) -> None:
    case = cases.get_case(db, _add(db, actor, firm_id, kind="procedure"))
    assert case.number == "2026-순천-0001"
    assert case.status == "received"
    # 7 days counted in days, first day included, weekends excluded: Tue 3/3 … Wed 3/11 18:00.
    assert case.deadline_at == datetime(2026, 3, 11, 18, 0)
    second = cases.get_case(db, _add(db, actor, firm_id))
    assert second.number == "2026-순천-0002"


def test_field_and_kind_accept_korean_names(db: Database, actor: Actor, firm_id: str) -> None:
    case = cases.get_case(db, _add(db, actor, firm_id, field="수출·FTA·통관", kind="법령 질의"))
    assert case.field_code == "F06"
    assert case.kind == "law"


def test_invalid_case_input_names_every_bad_field_and_stores_nothing(
    db: Database, actor: Actor, firm_id: str
) -> None:
    with pytest.raises(RejectedInput) as info:
        _add(db, actor, firm_id, field="우주항공", kind="잡담", text="  ")
    assert {p.field for p in info.value.problems} == {"field", "kind", "text"}
    assert db.scalar("SELECT count(*) FROM cases") == 0


def test_routing_without_the_firms_consent_is_refused(db: Database, actor: Actor, firm_id: str) -> None:
    with pytest.raises(RejectedInput) as info:
        _add(db, actor, firm_id, agency="NTS")
    assert info.value.problems[0].field == "consent"
    assert db.scalar("SELECT count(*) FROM cases") == 0


def test_routing_with_consent_assigns_and_records_both(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id, agency="NTS", consent_agencies=("NTS",))
    case = cases.get_case(db, case_id)
    assert (case.status, case.agency_id) == ("assigned", "NTS")
    assert [c.agency_id for c in cases.consents(db, case_id)] == ["NTS"]
    kinds = [e.kind for e in cases.timeline(db, case_id)]
    assert kinds == ["created", "consent", "status"]


def test_on_site_resolution_closes_the_deadline(db: Database, actor: Actor, firm_id: str) -> None:
    case = cases.get_case(db, _add(db, actor, firm_id, onsite_answer="관할 세무서 신청 방법 안내"))
    assert case.status == "onsite_resolved"
    assert case.onsite
    assert case.result_code == "onsite"


def test_full_lifecycle_with_supplement_pause_and_extension(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id, agency="NTS", consent_agencies=("NTS",), kind="law")
    original = cases.get_case(db, case_id).deadline_at
    assert original is not None
    cases.act(db, case_id, "start", actor, now=fixed(RECEIVED + timedelta(hours=1)))
    cases.act(
        db,
        case_id,
        "request_supplement",
        actor,
        reason="재무제표 요청",
        now=fixed(RECEIVED + timedelta(days=1)),
    )
    paused = cases.get_case(db, case_id)
    assert paused.status == "awaiting_supplement"
    assert paused.deadline_at is None
    cases.act(db, case_id, "receive_supplement", actor, now=fixed(RECEIVED + timedelta(days=7)))
    resumed = cases.get_case(db, case_id).deadline_at
    assert resumed is not None and resumed > original
    cases.act(
        db,
        case_id,
        "extend",
        actor,
        reason="관계기관 협의",
        extension_days=5,
        now=fixed(RECEIVED + timedelta(days=8)),
    )
    extended = cases.get_case(db, case_id).deadline_at
    assert extended is not None and extended > resumed
    with pytest.raises(RejectedInput):
        cases.act(
            db,
            case_id,
            "extend",
            actor,
            reason="또",
            extension_days=5,
            now=fixed(RECEIVED + timedelta(days=9)),
        )
    cases.act(db, case_id, "reply", actor, text="가능합니다", now=fixed(RECEIVED + timedelta(days=10)))
    cases.act(db, case_id, "close", actor, result_code="resolved", now=fixed(RECEIVED + timedelta(days=11)))
    closed = cases.get_case(db, case_id)
    assert closed.status == "closed" and closed.result_code == "resolved" and closed.closed_at is not None
    cases.act(db, case_id, "reopen", actor, reason="추가 문의", now=fixed(RECEIVED + timedelta(days=12)))
    assert cases.get_case(db, case_id).status == "in_progress"
    actions = [e.payload.get("action") for e in cases.timeline(db, case_id) if e.kind == "status"]
    assert actions == [
        "assign",
        "start",
        "request_supplement",
        "receive_supplement",
        "extend",
        "reply",
        "close",
        "reopen",
    ]


def test_a_refused_transition_changes_nothing(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id)
    before = cases.timeline(db, case_id)
    with pytest.raises(RejectedInput) as info:
        cases.act(db, case_id, "reply", actor, text="답변")
    assert "접수" in info.value.text("ko")
    assert cases.get_case(db, case_id).status == "received"
    assert cases.timeline(db, case_id) == before


def test_editing_fields_records_old_and_new_values(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id)
    cases.set_fields(db, case_id, {"text": "부가세 환급 지연 문의", "field_code": "세무"}, actor)
    case = cases.get_case(db, case_id)
    assert case.text == "부가세 환급 지연 문의"
    edits = [e.payload for e in cases.timeline(db, case_id) if e.kind == "edit"]
    assert edits == [{"field": "text", "old": "법인세 납부기한 연장 문의", "new": "부가세 환급 지연 문의"}]


def test_changing_the_kind_recomputes_the_deadline(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id, kind="procedure")
    cases.set_fields(db, case_id, {"kind": "law"}, actor)
    assert cases.get_case(db, case_id).deadline_at == datetime(2026, 3, 20, 18, 0)


def test_a_case_is_found_by_its_number(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id)
    assert cases.get_case(db, "2026-순천-0001").id == case_id


def test_notes_are_appended_to_the_timeline(db: Database, actor: Actor, firm_id: str) -> None:
    case_id = _add(db, actor, firm_id)
    cases.add_note(db, case_id, "대표와 통화함", actor)
    assert cases.timeline(db, case_id)[-1].payload == {"text": "대표와 통화함"}
