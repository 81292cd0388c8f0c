"""Personal data: masked by default, unmasked only by a coordinator with a reason (audited), shared with an
agency only with consent and only what it needs, erased on request, never a 주민등록번호; the audit log.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from onestop_admin_cli import main as onestop

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import audit, cases, firms, sessions
from desktop.store.db import Database
from desktop.store.opening import set_meta

KIM = Actor(name="김상담", agency_id="JNEPA", role="consultant", device="laptop-1")
CHOI = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="laptop-1")
NOW = datetime(2026, 3, 2, 10, 0)
PHONE, PERSON, EMAIL, ADDRESS = "010-2345-6789", "홍길동", "gildong@gy-steel.kr", "전라남도 광양시 산단로 12"
RRN = "900101-1234567"


@pytest.fixture
def firm(db: Database) -> str:
    firm_id, _ = firms.add_firm(
        db,
        firms.NewFirm(
            brn="1248100998",
            name="광양철강",
            representative=PERSON,
            phone=PHONE,
            email=EMAIL,
            address=ADDRESS,
        ),
        KIM,
    )
    return firm_id


def run(db: Database, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = onestop(["--db", str(db.path), "--lang", "en", *args])
    return code, out.getvalue(), err.getvalue()


# --- masking by default -------------------------------------------------------------------------------


def test_lists_and_case_views_of_the_command_line_show_personal_data_masked(db: Database, firm: str) -> None:
    case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text="법인세 문의"), KIM)
    for args in (
        ("firm", "find", "광양", "--json"),
        ("case", "show", case_id, "--json"),
        ("case", "list", "--json"),
    ):
        code, out, err = run(db, *args)
        assert code == 0, err
        # The BRN is how a firm is looked up (``firm find`` shows it); in case views it is masked.
        shown_brn = ("1248100998", "124-81-00998") if args[0] == "case" else ()
        for secret in (PHONE, PERSON, EMAIL, ADDRESS, *shown_brn):
            assert secret not in out, (args, secret)
    code, out, _ = run(db, "case", "show", case_id, "--json")
    assert json.loads(out)["firm"]["phone"] == "010-****-6789"


# --- referral: consent per agency, only what that agency needs ----------------------------------------


def test_routing_needs_the_firms_consent_for_that_very_agency(db: Database, firm: str) -> None:
    with pytest.raises(RejectedInput) as refused:
        cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text="문의", agency="NTS"), KIM)
    assert refused.value.problems[0].field == "consent"
    case_id, _ = cases.add_case(
        db, cases.NewCase(firm_id=firm, field="F01", text="문의", consent_agencies=("KOTRA",)), KIM
    )
    with pytest.raises(RejectedInput):
        cases.act(db, case_id, "assign", KIM, agency="NTS")  # consent to KOTRA is not consent to NTS
    assert cases.get_case(db, case_id).agency_id == ""
    cases.record_consent(db, case_id, "NTS", KIM)
    cases.act(db, case_id, "assign", KIM, agency="NTS")
    assert [c.agency_id for c in cases.consents(db, case_id)] == ["KOTRA", "NTS"]


def test_the_agency_request_holds_only_that_agencys_consented_cases_and_only_what_it_needs(
    db: Database, firm: str
) -> None:
    from reports.gather import RequestLine, agency_request
    from reports.masking import Masker

    shared, _ = cases.add_case(
        db,
        cases.NewCase(
            firm_id=firm, field="F01", text="공유 동의한 사례", agency="NTS", consent_agencies=("NTS",)
        ),
        KIM,
    )
    other, _ = cases.add_case(
        db,
        cases.NewCase(
            firm_id=firm, field="F06", text="다른 기관 사례", agency="KOTRA", consent_agencies=("KOTRA",)
        ),
        KIM,
    )
    # A case that reached NTS without consent (e.g. routed on an old laptop): it must not be sent.
    sneaked, _ = cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text="동의 없는 사례"), KIM)
    with db.transaction():
        db.execute("UPDATE cases SET agency_id = 'NTS', status = 'assigned' WHERE id = ?", (sneaked,))
    package = agency_request(db, "NTS", Masker(False), NOW)
    assert [line.text for line in package.lines] == ["공유 동의한 사례"]
    assert package.excluded_without_consent == 1
    (line,) = package.lines
    assert line.brn == "124-81-*****" and PHONE not in line.contact and PERSON not in line.contact
    # What the agency gets: the case and a masked contact; no e-mail, address, notes or other agencies.
    assert set(RequestLine.__dataclass_fields__) == {
        "number",
        "firm",
        "brn",
        "contact",
        "field",
        "text",
        "received",
        "due",
        "status",
        "overdue",
    }
    assert other and shared


# --- erasure ---------------------------------------------------------------------------------------------


def test_erasure_from_the_command_line_leaves_no_trace_of_the_values_in_the_database_files(
    db: Database, firm: str
) -> None:
    firms.update_firm(db, firm, {"phone": "010-8765-4321"}, KIM)  # an older value in the op log too
    cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text="법인세 문의"), KIM)
    code, _, err = run(db, "erase", "124-81-00998", "--reason", "본인 요청")
    assert code == 1 and "coordinator" in err  # the CLI user is a consultant by default
    set_meta(db, "user_role", "coordinator")
    code, out, err = run(db, "erase", "124-81-00998", "--reason", "본인 요청", "--json")
    assert code == 0, err
    assert json.loads(out)["erased"] == [firm]
    shown = firms.get_firm(db, firm)
    assert (shown.representative, shown.phone, shown.email, shown.address) == ("", "", "", "")
    assert shown.name == "광양철강" and shown.brn == "1248100998"  # the firm itself stays
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in db.path.parent.glob(db.path.name + "*"))
    for secret in (PHONE, "010-8765-4321", PERSON, EMAIL, ADDRESS):
        assert secret.encode() not in raw, secret
    entry = audit.entries(db, action_prefix="firm.erase")[0]
    assert entry.reason == "본인 요청" and entry.role == "coordinator"


# --- never a 주민등록번호 --------------------------------------------------------------------------------


def _entry_points(db: Database, firm: str, case_id: str) -> dict[str, Callable[[str], Any]]:
    return {
        "case text": lambda t: cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text=t), KIM),
        "on-site answer": lambda t: cases.add_case(
            db, cases.NewCase(firm_id=firm, field="F01", text="문의", onsite_answer=t), KIM
        ),
        "edit": lambda t: cases.set_fields(db, case_id, {"text": t}, KIM),
        "note": lambda t: cases.add_note(db, case_id, t, KIM),
        "reply": lambda t: cases.act(db, case_id, "reply", KIM, text=t),
        "reason": lambda t: cases.act(db, case_id, "hold", KIM, reason=t),
        "representative": lambda t: firms.add_firm(
            db, firms.NewFirm(brn="6178112341", name="여수", representative=t), KIM
        ),
        "address": lambda t: firms.update_firm(db, firm, {"address": t}, KIM),
        "session": lambda t: sessions.add_session(db, name=t, day=NOW.date(), place="순천", actor=KIM),
        "audit reason": lambda t: audit.record(db, CHOI, "export.unmask", "x.xlsx", reason=t),
    }


def _everything(db: Database) -> str:
    rows = []
    for table in ("firms", "cases", "case_events", "sessions", "audit_log", "sync_ops"):
        rows += [repr(tuple(r)) for r in db.all(f"SELECT * FROM {table}")]
    return "\n".join(rows)


@pytest.mark.parametrize(
    "where",
    [
        "case text",
        "on-site answer",
        "edit",
        "note",
        "reply",
        "reason",
        "representative",
        "address",
        "session",
        "audit reason",
    ],
)
def test_a_resident_registration_number_is_refused_at_every_entry_and_nothing_is_stored(
    db: Database, firm: str, where: str
) -> None:
    case_id, _ = cases.add_case(
        db,
        cases.NewCase(firm_id=firm, field="F01", text="문의", agency="NTS", consent_agencies=("NTS",)),
        KIM,
    )
    cases.act(db, case_id, "start", KIM)
    before = _everything(db)
    with pytest.raises(RejectedInput) as refused:
        _entry_points(db, firm, case_id)[where](f"대표 홍길동 주민번호 {RRN} 확인")
    assert "esident registration" in refused.value.text("en")
    assert RRN not in refused.value.text("en") and RRN not in refused.value.text("ko")  # never echoed to logs
    assert _everything(db) == before


digits = st.integers(0, 9)


@st.composite
def rrns(draw: st.DrawFn) -> str:
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    gender = draw(st.sampled_from("12345678"))
    rest = "".join(str(draw(digits)) for _ in range(6))
    sep = draw(st.sampled_from(["-", " - ", " ", "", "－", "–"]))
    text = f"{year:02d}{month:02d}{day:02d}{sep}{gender}{rest}"
    if draw(st.booleans()):
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rrn=rrns(),
    before=st.text(st.sampled_from("가나다라 법인세문의\n"), max_size=30),
    after=st.text(max_size=10),
)
def test_any_spelling_of_a_resident_registration_number_in_a_case_is_refused(
    db: Database, firm: str, rrn: str, before: str, after: str
) -> None:
    count = db.scalar("SELECT count(*) FROM cases")
    text = f"{before} {rrn} {after if not after[:1].isdigit() else ''}"
    with pytest.raises(RejectedInput):
        cases.add_case(db, cases.NewCase(firm_id=firm, field="F01", text=text), KIM)
    assert db.scalar("SELECT count(*) FROM cases") == count


# --- the audit log for the coordinator -------------------------------------------------------------------


def test_the_audit_log_is_listed_and_exported_for_a_coordinator_only(
    db: Database, firm: str, tmp_path: Path
) -> None:
    with db.transaction():
        audit.record(db, CHOI, "export.unmask", "사례.xlsx", reason='=HYPERLINK("http://x","감사")')
    code, _, err = run(db, "audit")
    assert code == 1 and "coordinator" in err
    set_meta(db, "user_role", "coordinator")
    code, out, err = run(db, "audit", "--json", "--action", "export")
    assert code == 0, err
    (entry,) = json.loads(out)
    assert entry["actor"] == "최총괄" and entry["target"] == "사례.xlsx"
    target = tmp_path / "audit" / "감사기록.csv"
    code, out, err = run(db, "audit", "--all", "--out", str(target))
    assert code == 0, err
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file or folder left
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["action"] for r in rows} >= {"firm.add", "export.unmask", "audit.view"}
    unmask = next(r for r in rows if r["action"] == "export.unmask")
    assert unmask["reason"].startswith("'=")  # a spreadsheet shows it as text, never runs it
    assert audit.entries(db, action_prefix="audit.export")[0].target == str(target)
