"""The five printed reports, rendered from demo data and checked with poppler: fonts, text, layout, pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from report_helpers import (
    ACTOR,
    NOW,
    PdfFacts,
    add_case,
    add_firm,
    brn_with_leading_zero,
    busiest_firm,
    busiest_session,
    busiest_waiting_agency,
    first_page_png,
    pdf_facts,
    replied_case,
)

from desktop.core.errors import RejectedInput
from desktop.core.ids import format_brn
from desktop.store import audit, cases, firms, queries
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from reports.pdf.agency_request import render_agency_request
from reports.pdf.case_record import render_case_record
from reports.pdf.firm_history import render_firm_history
from reports.pdf.layout import MARGIN, BuildResult
from reports.pdf.register import render_register
from reports.pdf.session_report import render_session_report

Render = Callable[[Database, Path], BuildResult]


def _case(db: Database, out: Path) -> BuildResult:
    return render_case_record(db, replied_case(db).id, out, ACTOR, now=NOW)


def _session(db: Database, out: Path) -> BuildResult:
    return render_session_report(db, busiest_session(db), out, ACTOR, now=NOW)


def _agency(db: Database, out: Path) -> BuildResult:
    return render_agency_request(db, busiest_waiting_agency(db), out, ACTOR, now=NOW)


def _firm(db: Database, out: Path) -> BuildResult:
    return render_firm_history(db, busiest_firm(db), out, ACTOR, now=NOW)


def _register(db: Database, out: Path) -> BuildResult:
    return render_register(db, out, ACTOR, date_from=date(2025, 1, 1), date_to=NOW.date(), now=NOW)


REPORTS: dict[str, tuple[Render, str]] = {
    "case": (_case, "애로사항 사례 기록지"),
    "session": (_session, "현장지원 결과 보고"),
    "agency": (_agency, "애로사항 처리 회신 요청서"),
    "firm": (_firm, "기업 지원 이력"),
    "register": (_register, "애로사항 처리대장"),
}


def assert_inside_margins(facts: PdfFacts) -> None:
    """No word runs past the printable area (a cut or overflowing text would)."""
    right = facts.page_width - MARGIN + 0.5
    bottom = facts.page_height - MARGIN + 0.5
    outside = [
        w
        for w in facts.words
        if w.x_max > right or w.x_min < MARGIN - 0.5 or w.y_max > bottom or w.y_min < MARGIN - 0.5
    ]
    assert not outside, f"words outside the frame: {outside[:5]}"


@pytest.mark.parametrize("kind", list(REPORTS))
def test_every_report_embeds_nanum_gothic_and_gives_its_hangul_back(
    kind: str, demo_db: Database, tmp_path: Path
) -> None:
    render, title = REPORTS[kind]
    out = tmp_path / f"{kind}.pdf"
    result = render(demo_db, out)
    facts = pdf_facts(out)
    assert facts.pages == result.pages >= 1
    assert facts.fonts and all(f["emb"] == "yes" for f in facts.fonts), facts.fonts
    assert all("NanumGothic" in f["name"] for f in facts.fonts)
    text = re.sub(r"\s+", " ", facts.text)
    for expected in (title, "담당", "팀장", "센터장", "원스톱 현장지원단", "개인정보 마스킹 출력"):
        assert expected in text, expected
    compact = text.replace(" ", "")
    assert all(f"{n}/{facts.pages}" in compact for n in range(1, facts.pages + 1))  # "n / N" footers
    assert_inside_margins(facts)
    png = first_page_png(out, tmp_path / kind)
    assert png.stat().st_size > 5_000


def test_register_grows_with_the_data_and_repeats_its_header_on_every_page(
    small_demo_db: Database, big_demo_db: Database, tmp_path: Path
) -> None:
    small = render_register(
        small_demo_db, tmp_path / "small.pdf", ACTOR, date_from=date(2020, 1, 1), date_to=NOW.date(), now=NOW
    )
    big = render_register(
        big_demo_db, tmp_path / "big.pdf", ACTOR, date_from=date(2020, 1, 1), date_to=NOW.date(), now=NOW
    )
    assert small.extra["cases"] == 50 and big.extra["cases"] == 1000
    assert big.pages > small.pages * 5
    facts = pdf_facts(tmp_path / "big.pdf")
    pages_with_header = {w.page for w in facts.words if w.text == "접수번호"}
    assert pages_with_header == set(range(1, facts.pages + 1))
    numbers = re.findall(r"\d{4}-\S+-\d{4}", facts.text)
    assert len(set(numbers)) == 1000  # every case once: nothing lost at page breaks
    assert_inside_margins(facts)


def test_case_record_masks_personal_data_unless_unmasked_with_a_reason(
    demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy)
    case_id = add_case(
        demo_copy,
        firm_id,
        "수출 바우처 신청 자격 문의",
        received=datetime(2026, 11, 2, 10, 0),
        agency="JNEPA",
    )
    render_case_record(demo_copy, case_id, tmp_path / "masked.pdf", ACTOR, now=NOW)
    masked = pdf_facts(tmp_path / "masked.pdf").text
    full_brn = format_brn(brn_with_leading_zero())
    assert full_brn not in masked and "012-34-*****" in masked
    assert "홍*동" in masked and "010-****-5678" in masked and "홍길동" not in masked
    with pytest.raises(RejectedInput) as info:
        render_case_record(demo_copy, case_id, tmp_path / "x.pdf", ACTOR, unmask=True, now=NOW)
    assert info.value.problems[0].field == "reason"
    assert not (tmp_path / "x.pdf").exists()
    render_case_record(
        demo_copy, case_id, tmp_path / "full.pdf", ACTOR, unmask=True, reason="기업 요청 사본", now=NOW
    )
    full = pdf_facts(tmp_path / "full.pdf").text
    assert full_brn in full and "홍길동" in full and "개인정보 포함" in full
    entry = audit.entries(demo_copy, action_prefix="report.unmask")[0]
    assert entry.reason == "기업 요청 사본" and entry.target == f"case:{case_id}"


def test_case_record_tells_the_whole_history_of_the_deadline(demo_copy: Database, tmp_path: Path) -> None:
    firm_id = add_firm(demo_copy)
    received = datetime(2026, 10, 5, 10, 0)
    case_id = add_case(demo_copy, firm_id, "원산지증명서 발급 절차 문의", received=received, agency="JNEPA")
    first_due = cases.get_case(demo_copy, case_id).deadline_at
    assert first_due is not None
    steps: list[tuple[str, dict[str, Any]]] = [
        ("start", {}),
        ("extend", {"extension_days": 5, "reason": "관계기관 협의 필요"}),
        ("request_supplement", {"reason": "원산지 소명서 보완"}),
        ("receive_supplement", {}),
        ("reply", {"text": "인증수출자 지정 절차를 안내드립니다."}),
        ("close", {"result_code": "resolved"}),
    ]
    for day, (action, extra) in enumerate(steps, 1):
        moment = received + timedelta(days=day)
        cases.act(demo_copy, case_id, action, ACTOR, now=lambda m=moment: m, **extra)  # type: ignore[misc]
    final_due = cases.case_clock(demo_copy, case_id).due_at(work_calendar(demo_copy))
    assert final_due is not None and final_due > first_due
    render_case_record(demo_copy, case_id, tmp_path / "case.pdf", ACTOR, now=NOW)
    text = re.sub(r"\s+", " ", pdf_facts(tmp_path / "case.pdf").text)
    for expected in (
        "기간 연장",
        "관계기관 협의 필요",
        "보완 요구",
        "원산지 소명서 보완",
        "보완 접수",
        "인증수출자 지정 절차를 안내드립니다.",
        "제3자 제공 동의",
        "전남중소기업일자리경제진흥원",
        "해결",
        "최초 기한",
        first_due.strftime("%Y-%m-%d %H:%M"),
        "최종 기한",
        final_due.strftime("%Y-%m-%d %H:%M"),
        "기한 내",
    ):
        assert expected in text, expected


def test_agency_request_lists_only_cases_the_firm_consented_to_share(
    demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy)
    shared = add_case(
        demo_copy, firm_id, "동의한 애로사항", received=datetime(2026, 11, 20, 10, 0), agency="KOTRA"
    )
    withheld = add_case(
        demo_copy, firm_id, "동의 철회된 애로사항", received=datetime(2026, 11, 20, 11, 0), agency="KOTRA"
    )
    demo_copy.execute("UPDATE consents SET revoked_at = '2026-11-21T09:00:00' WHERE case_id = ?", (withheld,))
    result = render_agency_request(demo_copy, "대한무역투자진흥공사", tmp_path / "kotra.pdf", ACTOR, now=NOW)
    text = pdf_facts(tmp_path / "kotra.pdf").text
    assert cases.get_case(demo_copy, shared).number in text and "동의한 애로사항" in text
    assert cases.get_case(demo_copy, withheld).number not in text and "동의 철회된" not in text
    assert result.extra == {"cases": 1, "excluded": 1, "agency": "KOTRA"}
    assert "처리 결과(회신)" in text and "012-34-*****" in text


def test_session_report_counts_firms_fields_and_the_on_site_rate(demo_db: Database, tmp_path: Path) -> None:
    from desktop.store import dashboard_queries
    from reports.data import labels
    from reports.gather import session_report
    from reports.masking import Masker

    session_id = busiest_session(demo_db)
    report = session_report(demo_db, session_id, Masker(), NOW)
    figures = dashboard_queries.dashboard_figures(demo_db, queries.CaseFilter(session_id=session_id), NOW)
    assert report.total == figures.total == sum(g.total for g in figures.by_field)
    assert report.total == sum(f.cases for f in report.firms) and figures.firms == len(report.firms)
    assert report.referred == len(report.referred_cases) == sum(g.total for g in figures.by_agency if g.key)
    render_session_report(demo_db, session_id, tmp_path / "s.pdf", ACTOR, now=NOW)
    text = re.sub(r"\s+", " ", pdf_facts(tmp_path / "s.pdf").text)
    assert f"{100 * report.onsite / report.total:.1f}%" in text
    assert f"{len(report.firms)}개" in text and f"{report.total}건" in text
    names = labels(demo_db, NOW.date())
    for group in figures.by_field:  # in the table and again on the chart's axis
        assert text.count(names.field(group.key)) >= 2, group.key


def test_firm_history_follows_the_firm_across_sessions(demo_db: Database, tmp_path: Path) -> None:
    firm = firms.get_firm(demo_db, busiest_firm(demo_db))
    result = render_firm_history(demo_db, format_brn(firm.brn), tmp_path / "f.pdf", ACTOR, now=NOW)
    text = pdf_facts(tmp_path / "f.pdf").text
    assert firm.name in text and format_brn(firm.brn) not in text
    assert result.extra["cases"] >= 2


def test_a_huge_difficulty_text_flows_over_pages_without_overflow(
    demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy, name="(주)아주아주긴이름을가진주식회사남도정밀기계제작소")
    text = "수출 바우처 신청과 관련하여 " * 900 + "W" * 400 + " 끝."
    case_id = add_case(demo_copy, firm_id, text, received=datetime(2026, 11, 25, 10, 0), agency="JNEPA")
    record = render_case_record(demo_copy, case_id, tmp_path / "long.pdf", ACTOR, now=NOW)
    register = render_register(
        demo_copy,
        tmp_path / "reg.pdf",
        ACTOR,
        date_from=date(2026, 11, 25),
        date_to=date(2026, 11, 26),
        now=NOW,
    )
    for path, result in ((tmp_path / "long.pdf", record), (tmp_path / "reg.pdf", register)):
        facts = pdf_facts(path)
        assert facts.pages == result.pages > 1
        assert_inside_margins(facts)
        assert "끝." in facts.text


def test_unknown_ids_are_refused_and_no_file_appears(demo_db: Database, tmp_path: Path) -> None:
    calls: list[Render] = [
        lambda db, p: render_case_record(db, "없는-사례", p, ACTOR),
        lambda db, p: render_session_report(db, "nope", p, ACTOR),
        lambda db, p: render_agency_request(db, "없는기관", p, ACTOR),
        lambda db, p: render_firm_history(db, "999-99-99999", p, ACTOR),
        lambda db, p: render_register(db, p, ACTOR, date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)),
    ]
    for call in calls:
        with pytest.raises(RejectedInput):
            call(demo_db, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
