"""Dashboard figures against hand-computed values on six cases, and against the report queries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from desktop.core.records import Actor
from desktop.store import cases, dashboard_queries, export_queries, firms, followups, queries, report_queries
from desktop.store import clusters as store_clusters
from desktop.store.db import Database
from desktop.store.demo import load_demo_data

NOW = datetime(2026, 3, 20, 12, 0)


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


@pytest.fixture
def six(db: Database, actor: Actor) -> dict[str, str]:
    """Six cases whose figures are worked out by hand in the tests below.

    c1 A F01 on site 01-05, closed; satisfaction 5 points
    c2 B F01 → NTS 01-12 10:00, reply 01-15 10:00 (3.0 days), closed resolved; 4 points
    c3 A F03 → KOSMES 02-02 09:00, reply 02-09 09:00 (7.0 days), closed unresolvable; 2 points
    c4 B F03 → KOSMES 02-16 09:00, reply 02-17 21:00 (1.5 days), still replied (open)
    c5 A F06 → KCS 03-03 10:00, due 03-11 18:00: overdue by 8.75 days at NOW (bucket 8–14)
    c6 B F06 → KCS 03-16 09:00, not yet due
    """
    a, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="(주)광양철강", region_code="46"), actor)
    b, _ = firms.add_firm(db, firms.NewFirm(brn="2208162517", name="하남정밀", region_code="29"), actor)

    def add(firm: str, field: str, text: str, received: datetime, agency: str = "", onsite: str = "") -> str:
        new = cases.NewCase(
            firm_id=firm,
            field=field,
            text=text,
            received_at=received,
            agency=agency,
            consent_agencies=(agency,) if agency else (),
            onsite_answer=onsite,
            number_prefix="광양",
        )
        return cases.add_case(db, new, actor, now=at(received))[0]

    ids = {
        "c1": add(
            a,
            "F01",
            "법인세 납부기한 연장 요청",
            datetime(2026, 1, 5, 9, 0),
            onsite="납부기한 연장 신청 방법 안내",
        ),
        "c2": add(b, "F01", "법인세 납부기한 연장 가능 여부", datetime(2026, 1, 12, 10, 0), "NTS"),
        "c3": add(a, "F03", "운전자금 정책자금 상환유예", datetime(2026, 2, 2, 9, 0), "KOSMES"),
        "c4": add(b, "F03", "정책자금 상환유예 한도", datetime(2026, 2, 16, 9, 0), "KOSMES"),
        "c5": add(a, "F06", "원산지증명서 발급", datetime(2026, 3, 3, 10, 0), "KCS"),
        "c6": add(b, "F06", "원산지증명서 절차", datetime(2026, 3, 16, 9, 0), "KCS"),
    }
    cases.act(db, ids["c1"], "close", actor, result_code="onsite", now=at(datetime(2026, 1, 5, 10, 0)))
    for key, replied in (
        ("c2", datetime(2026, 1, 15, 10, 0)),
        ("c3", datetime(2026, 2, 9, 9, 0)),
        ("c4", datetime(2026, 2, 17, 21, 0)),
    ):
        cases.act(db, ids[key], "reply", actor, text="회신합니다", now=at(replied))
    cases.act(db, ids["c2"], "close", actor, result_code="resolved", now=at(datetime(2026, 1, 20, 9, 0)))
    cases.act(
        db,
        ids["c3"],
        "close",
        actor,
        result_code="unresolvable",
        reason="요건 미충족",
        now=at(datetime(2026, 2, 10)),
    )
    for key, points in (("c1", 5), ("c2", 4), ("c3", 2)):
        followups.record_call(db, ids[key], actor, points=points, now=at(datetime(2026, 3, 1, 10, 0)))
    return ids


def test_the_six_case_figures_match_the_hand_count(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), NOW)
    assert (f.total, f.firms, f.onsite, f.open, f.overdue) == (6, 2, 1, 3, 1)
    assert f.onsite_rate == pytest.approx(1 / 6)
    assert [(g.key, g.total, g.onsite, g.open, g.overdue) for g in f.by_field] == [
        ("F01", 2, 1, 0, 0),
        ("F03", 2, 0, 1, 0),
        ("F06", 2, 0, 2, 1),
    ]
    assert [(g.key, g.total) for g in f.by_agency] == [("KCS", 2), ("KOSMES", 2), ("", 1), ("NTS", 1)]
    assert [(g.key, g.total) for g in f.by_status] == [("assigned", 2), ("replied", 1), ("closed", 3)]
    assert [(g.key, g.total) for g in f.by_month] == [("2026-01", 2), ("2026-02", 2), ("2026-03", 2)]


def test_median_days_to_reply_per_agency(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), NOW)
    assert [(r.agency_id, r.replied, r.median_days) for r in f.reply_days] == [
        ("NTS", 1, 3.0),
        ("KOSMES", 2, 4.25),  # (7.0 + 1.5) / 2
    ]
    assert f.reply_median_days == 3.0  # of 1.5, 3.0, 7.0


def test_overdue_ageing_buckets(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), NOW)
    assert [b.count for b in f.overdue_buckets] == [0, 1, 0, 0, 0]
    later = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), datetime(2026, 5, 20, 12, 0))
    # Two months on, c5 is 69.75 days late and c6 (due 03-24 18:00) 56.75 days.
    assert [b.count for b in later.overdue_buckets] == [0, 0, 0, 1, 1]


def test_satisfaction_is_the_mean_of_the_0_to_100_scores(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), NOW)
    assert f.satisfaction.responses == 3
    assert f.satisfaction.mean_score == 66.7  # (100 + 75 + 25) / 3
    assert f.satisfaction.by_points == (0, 1, 0, 1, 1)


def test_recurring_keywords_per_field_with_their_outcomes(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(db, queries.CaseFilter(), NOW)
    words = {k.field_code: [(w.word, w.cases, w.unresolvable) for w in k.keywords] for k in f.keywords}
    assert words == {
        "F01": [("납부기한", 2, 0), ("법인세", 2, 0), ("연장", 2, 0)],
        "F03": [("상환유예", 2, 1), ("정책자금", 2, 1)],
        "F06": [("원산지증명서", 2, 0)],
    }


def test_a_period_filter_counts_only_its_cases(db: Database, six: dict[str, str]) -> None:
    f = dashboard_queries.dashboard_figures(
        db, dashboard_queries.period_filter(date(2026, 2, 1), date(2026, 2, 28)), NOW
    )
    assert (f.total, f.onsite, f.open) == (2, 0, 1)
    assert [(r.agency_id, r.median_days) for r in f.reply_days] == [("KOSMES", 4.25)]
    assert f.date_from == date(2026, 2, 1)


def test_cluster_levels_appear_once_a_half_year_is_rated(db: Database, actor: Actor) -> None:
    assert dashboard_queries.dashboard_figures(db, now=NOW).clusters is None
    store_clusters.load_demo_indicators(db, actor, periods=["2025-H2"], now=at(NOW))
    figure = dashboard_queries.dashboard_figures(db, now=NOW).clusters
    assert figure is not None and figure.period == "2025-H2"
    assert sum(n for _, n in figure.counts) == len(store_clusters.list_clusters(db))


def test_the_one_pass_counts_equal_the_report_queries(db: Database) -> None:
    load_demo_data(db, firms=40, cases=400, seed=5, today=date(2026, 3, 20))
    filt = queries.CaseFilter(received_from=date(2025, 6, 1))
    cube = dashboard_queries.grouped_counts(db, filt, NOW)
    for column in ("field_code", "agency_id", "status", "month"):
        expected = report_queries.group_counts(db, column, filt, NOW)
        assert [(g.key, g.total, g.onsite, g.open, g.overdue) for g in cube.groups[column]] == [
            (g.key, g.total, g.onsite, g.open, g.overdue) for g in expected
        ]
    totals = report_queries.totals(db, filt, NOW)
    assert (cube.total.total, cube.total.open, cube.total.overdue) == (
        totals.total,
        totals.open,
        totals.overdue,
    )
    assert dashboard_queries.distinct_firms(db, filt, NOW) == int(totals.key)
    assert (
        dashboard_queries.satisfaction(db, filt, NOW)
        == dashboard_queries.dashboard_figures(db, filt, NOW).satisfaction
    )


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT case_id, min(at) FROM case_events WHERE {queries.REPLY_EVENT} GROUP BY case_id",
        # The export's last reply per case (desktop/store/export_queries.py), one lookup per case.
        export_queries._SELECT + "FROM (SELECT rowid AS rid, * FROM cases) c "
        "JOIN firms f ON f.id = c.firm_id LEFT JOIN sessions s ON s.id = c.session_id",
    ],
    ids=["dashboard", "export"],
)
def test_the_reply_index_serves_the_reply_queries(db: Database, query: str) -> None:
    plan = " ".join(str(r[3]) for r in db.all("EXPLAIN QUERY PLAN " + query))
    assert "case_events_reply" in plan


def test_cancelling_stops_the_computation(db: Database, six: dict[str, str]) -> None:
    class Stop(Exception):
        pass

    calls = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise Stop

    with pytest.raises(Stop):
        dashboard_queries.dashboard_figures(db, now=NOW, check=check)
