"""The dashboard figures in the session report PDF and the export's 요약 sheet, against a hand count.

Four cases of one session plus one case outside it (which the session's figures must not
count) — every expected number below is worked out by hand from this docstring:

    s1 A F01 on site   03-10 10:00, closed on site; satisfaction 5 points (100)
    s2 B F01 → NTS     03-10 11:00, reply 03-12 11:00 (2.0 days), closed; 3 points (50)
    s3 A F03 → KOSMES  03-10 13:00, reply 03-15 13:00 (5.0 days), replied (open)
    s4 B F03 → KOSMES  03-10 14:00, no reply, due 03-18 18:00 (7 working days):
                       11.75 days late at NOW, bucket 8–14 days
    o1 A F01 → NTS     03-02 09:00 (no session), reply 03-12 09:00 (10.0 days), closed; 1 point (0)

Session: 4 cases, 2 firms, 1 on site (25.0%), 2 open, 1 overdue, 3 referred; reply median
NTS 2.0, KOSMES 5.0, overall 3.5; satisfaction 2 answers, mean 75.0; 법인세 twice in F01,
정책자금 twice in F03. With o1 (March): 5 cases, NTS median 6.0, overall 5.0, mean 50.0.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from report_helpers import ACTOR, add_case, add_firm, pdf_facts, sheet_tables

from desktop.store import cases, dashboard_queries, followups, queries, sessions
from desktop.store.db import Database
from reports.excel.export import ExportOptions, export_cases
from reports.pdf.session_report import render_session_report

NOW = datetime(2026, 3, 30, 12, 0)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def _act(db: Database, case_id: str, action: str, moment: datetime, **more: str) -> None:
    cases.act(db, case_id, action, ACTOR, now=lambda: moment, **more)


@pytest.fixture
def session(db: Database) -> str:
    """The dataset of the module docstring; returns the session id."""
    a = add_firm(db, "(주)광양철강")
    b = add_firm(db, "하남정밀", brn="1248100998")
    sid, _ = sessions.add_session(
        db, name="광양 현장지원단", day=date(2026, 3, 10), place="광양시청", actor=ACTOR, agencies=("NTS",)
    )
    march = [datetime(2026, 3, 10, hour, 0) for hour in (10, 11, 13, 14)]
    s1 = add_case(
        db, a, "법인세 납부기한 연장", received=march[0], field="F01", session_id=sid, onsite="안내"
    )
    s2 = add_case(db, b, "법인세 중간예납 분납", received=march[1], field="F01", session_id=sid, agency="NTS")
    s3 = add_case(
        db, a, "정책자금 상환유예 신청", received=march[2], field="F03", session_id=sid, agency="KOSMES"
    )
    s4 = add_case(
        db, b, "정책자금 한도 상향", received=march[3], field="F03", session_id=sid, agency="KOSMES"
    )
    o1 = add_case(
        db, a, "법인세 세무조사 유예", received=datetime(2026, 3, 2, 9, 0), field="F01", agency="NTS"
    )
    assert cases.get_case(db, s4).deadline_at == datetime(2026, 3, 18, 18, 0)
    _act(db, s1, "close", datetime(2026, 3, 10, 10, 30), result_code="onsite")
    for case_id, replied in (
        (s2, datetime(2026, 3, 12, 11, 0)),
        (s3, datetime(2026, 3, 15, 13, 0)),
        (o1, datetime(2026, 3, 12, 9, 0)),
    ):
        _act(db, case_id, "reply", replied, text="회신합니다")
    for case_id in (s2, o1):
        _act(db, case_id, "close", datetime(2026, 3, 16, 9, 0), result_code="resolved")
    for case_id, points in ((s1, 5), (s2, 3), (o1, 1)):
        followups.record_call(db, case_id, ACTOR, points=points, now=lambda: datetime(2026, 3, 20, 10, 0))
    return sid


def _flat(path: Path) -> str:
    return re.sub(r"\s+", " ", pdf_facts(path).text)


def test_the_session_report_prints_the_dashboard_figures_of_its_cases_only(
    db: Database, session: str, tmp_path: Path
) -> None:
    result = render_session_report(db, session, tmp_path / "s.pdf", ACTOR, now=NOW)
    text = _flat(result.path)
    # Headline boxes: cases, firms, on-site rate, open, overdue, satisfaction, referred.
    assert "애로사항 참여 기업 현장해결률 처리 중 기한 초과 만족도 기관 이관" in text
    assert "4건 2개 25.0% 2건 1건 75.0점 3건" in text
    assert "세무 2 1 0 0 50.0%" in text and "정책자금 2 0 2 1 0.0%" in text
    assert "합계 4 1 2 1 25.0%" in text
    # Per agency: cases, open, overdue, replied, median days to reply (o1's 10 days left out).
    assert "국세청 1 0 0 1 2.0" in text
    assert "중소벤처기업진흥공단 2 2 1 1 5.0" in text
    assert "8–14일 1" in text
    assert "5점 (100점 환산) 1 50.0%" in text and "3점 (50점 환산) 1 50.0%" in text
    assert "응답 2건, 평균 75.0점" in text
    assert "세무 법인세 2" in text and "정책자금 정책자금 2" in text


def test_the_session_report_shows_each_figure_once(db: Database, session: str, tmp_path: Path) -> None:
    text = _flat(render_session_report(db, session, tmp_path / "s.pdf", ACTOR, now=NOW).path)
    headings = re.findall(r"\b(\d+)\. (\S+ \S+)", text)
    titles = [title for _, title in headings]
    assert [int(n) for n, _ in headings] == list(range(1, len(headings) + 1))
    assert len(titles) == len(set(titles))
    assert [t.split()[0] for t in titles[:3]] == ["개요", "분야별", "기관별"]
    assert "기관별 이관 현황" not in text and "월별 접수" not in text and "전체 현황" not in text
    assert text.count("현장해결률") == 3  # the headline box, the field table's column, the closing note


def test_the_export_summary_adds_the_dashboard_figures_with_the_same_filter(
    db: Database, session: str, tmp_path: Path
) -> None:
    out = export_cases(db, tmp_path / "s.xlsx", ACTOR, ExportOptions(session_id=session), now=NOW).path
    tables = sheet_tables(out)
    totals = {row[0]: row[1] for row in tables["전체 현황"][1:]}
    assert totals["애로사항 건수"] == 4 and totals["현장해결 건수"] == 1 and totals["기한 초과"] == 1
    assert totals["회신 소요일 중앙값 (일)"] == 3.5
    assert totals["만족도 (100점 환산 평균)"] == 75.0 and totals["만족도 응답 건수"] == 2
    assert tables["기관별"][0][-2:] == ("회신 건수", "회신 중앙값(일)")
    agencies = {row[0]: row[1:] for row in tables["기관별"][1:]}
    assert agencies["중소벤처기업진흥공단"] == (2, 2, 1, 0.5, 1, 5.0)
    assert agencies["국세청"] == (1, 0, 0, None, 1, 2.0)
    assert ("8–14일", 1) in tables["기한 초과 경과일"]
    satisfaction = tables["만족도 (5점 척도 → 100점)"]
    assert satisfaction[1:4] == [
        ("5점 (100점 환산)", 1, 0.5),
        ("4점 (75점 환산)", 0, 0),
        ("3점 (50점 환산)", 1, 0.5),
    ]
    keywords = tables["분야별 반복 애로 키워드 (제도개선 건의 후보)"]
    assert ("세무", "법인세", 2, 0, 0) in keywords and ("정책자금", "정책자금", 2, 0, 0) in keywords


def test_the_summary_counts_and_the_dashboard_figures_agree_under_each_filter(
    db: Database, session: str, tmp_path: Path
) -> None:
    for n, options in enumerate(
        (
            ExportOptions(date_from=MARCH[0], date_to=MARCH[1]),
            ExportOptions(date_from=MARCH[0], date_to=MARCH[1], agency_id="NTS"),
            ExportOptions(field_code="F03", statuses=("assigned", "replied")),
        )
    ):
        out = export_cases(db, tmp_path / f"{n}.xlsx", ACTOR, options, now=NOW).path
        figures = dashboard_queries.dashboard_figures(db, options.case_filter(), NOW)
        tables = sheet_tables(out)
        totals = {row[0]: row[1] for row in tables["전체 현황"][1:]}
        assert (totals["애로사항 건수"], totals["현장해결 건수"], totals["처리 중 (미종결)"]) == (
            figures.total,
            figures.onsite,
            figures.open,
        )
        assert sorted(row[1] for row in tables["분야별"][1:]) == sorted(g.total for g in figures.by_field)
        assert totals["회신 소요일 중앙값 (일)"] == figures.reply_median_days
    march = dashboard_queries.dashboard_figures(db, queries.CaseFilter(received_from=MARCH[0]), NOW)
    assert march.total == 5 and march.reply_median_days == 5.0 and march.satisfaction.mean_score == 50.0
    assert [(r.agency_id, r.median_days) for r in march.reply_days] == [("KOSMES", 5.0), ("NTS", 6.0)]
