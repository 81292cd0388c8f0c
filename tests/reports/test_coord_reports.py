"""Coordinator reports: dashboard figures in PDF and Excel, the follow-up register, programs on a case."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from report_helpers import pdf_facts

from desktop.core.records import Actor
from desktop.store import dashboard_queries, followups, queries, sessions
from desktop.store import programs as store_programs
from desktop.store.db import Database
from reports import dashboard_tables, data
from reports.excel.dashboard_sheet import write_dashboard_workbook
from reports.pdf.case_record import render_case_record
from reports.pdf.dashboard_section import render_dashboard
from reports.pdf.followup_register import render_followup_register

NOW = datetime(2026, 11, 26, 17, 0)
ACTOR = Actor("박코디", role="coordinator")


def test_the_period_pdf_prints_the_dashboard_figures(demo_db: Database, tmp_path: Path) -> None:
    figures = dashboard_queries.dashboard_figures(demo_db, queries.CaseFilter(), NOW)
    result = render_dashboard(demo_db, tmp_path / "dash.pdf", ACTOR, now=NOW)
    facts = pdf_facts(result.path)
    assert all(f["emb"] == "yes" for f in facts.fonts)
    flat = " ".join(facts.text.split())
    assert f"{figures.total:,}건" in flat
    assert f"{100 * (figures.onsite_rate or 0):.1f}%" in flat
    for title in ("분야별 애로사항", "기관별 처리 현황", "기한 초과 경과일", "만족도", "반복 애로 키워드"):
        assert title in flat


def test_the_period_pdf_of_one_session_counts_that_session_only(demo_db: Database, tmp_path: Path) -> None:
    session = sessions.list_sessions(demo_db, limit=1)[0]
    chosen = queries.CaseFilter(session_id=session.id)
    figures = dashboard_queries.dashboard_figures(demo_db, chosen, NOW)
    assert 0 < figures.total < queries.count_cases(demo_db, queries.CaseFilter())
    result = render_dashboard(demo_db, tmp_path / "dash.pdf", ACTOR, session_id=session.id, now=NOW)
    flat = " ".join(pdf_facts(result.path).text.split())
    assert session.name in flat and f"{session.date:%Y-%m-%d}" in flat
    assert f"{figures.total:,}건" in flat and result.extra["cases"] == figures.total


def test_the_tables_and_the_workbook_carry_the_same_numbers(demo_db: Database, tmp_path: Path) -> None:
    figures = dashboard_queries.dashboard_figures(demo_db, queries.CaseFilter(), NOW)
    names = data.labels(demo_db, NOW.date())
    tables = {t.key: t for t in dashboard_tables.tables(figures, names)}
    assert sum(row[1] for row in tables["by_field"].rows) == figures.total
    assert [row[1] for row in tables["overdue"].rows] == [b.count for b in figures.overdue_buckets]
    out = write_dashboard_workbook(demo_db, figures, tmp_path / "dash.xlsx")
    values = [
        c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c is not None
    ]
    assert "분야별 애로사항" in values and f"{figures.total:,}" in values
    rows = dashboard_tables.sheet_rows(list(tables.values()))
    assert rows[0] == ["전체 현황"] and rows[1] == ["항목", "값"]


def test_the_follow_up_register_lists_due_and_flagged_calls(demo_copy: Database, tmp_path: Path) -> None:
    closed = queries.page_after(demo_copy, queries.CaseFilter(statuses=("closed",)), queries.Sort(), None, 3)
    for row in closed:
        demo_copy.execute("UPDATE cases SET satisfaction = NULL WHERE id = ?", (row.id,))
    followups.record_call(demo_copy, closed[0].id, ACTOR, points=1)
    lines = followups.register(demo_copy, today=NOW.date())
    result = render_followup_register(demo_copy, tmp_path / "f.pdf", ACTOR, now=NOW)
    assert result.extra["cases"] == len(lines) > 0
    flat = " ".join(pdf_facts(result.path).text.split())
    assert "사후관리(만족도 조사) 대장" in flat and closed[0].number in flat and "불만족 조치 필요" in flat


def test_an_attached_program_appears_on_the_case_record(demo_copy: Database, tmp_path: Path) -> None:
    case = queries.page_after(demo_copy, queries.CaseFilter(field_code="F13"), queries.Sort(), None, 1)[0]
    store_programs.attach(demo_copy, case.id, "JNTP-STANDUP-2026", ACTOR, note="컨설팅 신청서 전달")
    result = render_case_record(demo_copy, case.id, tmp_path / "case.pdf", ACTOR, now=NOW)
    flat = " ".join(pdf_facts(result.path).text.split())
    assert "8. 연계 지원사업" in flat and "위기진단기업 긴급처방" in flat and "컨설팅 신청서 전달" in flat
    assert "지원사업 연계" in flat  # the timeline line of the attachment
