"""The pure dashboard maths: medians from histograms, day buckets, satisfaction 0–100, keywords."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import dashboard as dash


def test_median_of_odd_and_even_counts() -> None:
    assert dash.median([]) is None
    assert dash.median([3.0]) == 3.0
    assert dash.median([7.0, 1.5, 3.0]) == 3.0
    assert dash.median([7.0, 1.5]) == 4.25


@given(st.lists(st.integers(min_value=0, max_value=60).map(lambda n: n / 2), min_size=0, max_size=80))
def test_the_histogram_median_equals_the_median_of_the_values(values: list[float]) -> None:
    assert dash.median_from_counts(Counter(values)) == dash.median(values)


def test_histogram_median_ignores_empty_counts() -> None:
    assert dash.median_from_counts({1.0: 0, 2.0: 3, 9.0: -1}) == 2.0
    assert dash.median_from_counts({}) is None


def test_days_fall_into_the_overdue_buckets() -> None:
    buckets = dash.bucket_counts(
        [(0, 5), (1, 2), (7, 1), (8, 4), (30, 1), (31, 1), (60, 2), (61, 3), (400, 1)]
    )
    assert [b.count for b in buckets] == [3, 4, 1, 3, 4]
    assert [b.label_ko for b in buckets] == ["1–7일", "8–14일", "15–30일", "31–60일", "60일 초과"]
    assert buckets[-1].high is None and buckets[-1].label("en") == "over 60 days"


def test_satisfaction_is_reported_on_0_to_100_with_the_5_point_answers() -> None:
    figure = dash.satisfaction_figure({100: 1, 75: 1, 25: 1})
    assert figure.responses == 3
    assert figure.mean_score == 66.7
    assert figure.by_points == (0, 1, 0, 1, 1)
    assert dash.satisfaction_figure({}).mean_score is None
    # Scores stored by older laptops between the points count to the nearest point.
    assert dash.score_points(60) == 3 and dash.score_points(62) == 3 and dash.score_points(63) == 4


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2024년 법인세 납부기한 연장이 가능한지 문의드립니다.", {"법인세", "납부기한", "연장"}),
        ("세무조사를 받았는데 조사 연기가 가능한지", {"세무조사", "조사", "연기"}),
        ("FTA 원산지증명서와 R&D 과제에서는", {"FTA", "원산지증명서", "R&D", "과제"}),
        ("운전자금 3000만 원이 필요합니다", {"운전자금"}),
    ],
)
def test_keywords_drop_particles_verbs_numbers_and_stopwords(text: str, words: set[str]) -> None:
    assert dash.keywords_of(text) == words


def test_top_keywords_count_cases_once_and_need_two_cases() -> None:
    texts = [
        ("법인세 법인세 납부기한 연장 요청", "resolved"),
        ("법인세 납부기한 연장 가능 여부", "policy_proposal"),
        ("부가세 신고", "unresolvable"),
    ]
    words = dash.top_keywords(texts)
    assert [(w.word, w.cases, w.policy_proposals, w.unresolvable) for w in words] == [
        ("납부기한", 2, 1, 0),
        ("법인세", 2, 1, 0),
        ("연장", 2, 1, 0),
    ]
    assert dash.top_keywords(texts, limit=1)[0].word == "납부기한"
    assert len(dash.top_keywords(texts, min_cases=1)) == 5


def test_rate_and_to_dict_round_trip_the_headline_numbers() -> None:
    assert dash.rate(1, 4) == 0.25 and dash.rate(1, 0) is None
    figures = dash.DashboardFigures(
        generated_at=__import__("datetime").datetime(2026, 3, 20, 12, 0),
        date_from=None,
        date_to=None,
        total=4,
        firms=2,
        onsite=1,
        open=2,
        overdue=1,
        by_field=(dash.GroupFigure("F01", 4, 1, 2, 1),),
        by_agency=(),
        by_status=(),
        by_month=(),
        reply_days=(dash.ReplyFigure("NTS", 1, 3.0),),
        reply_median_days=3.0,
        overdue_buckets=dash.bucket_counts([(9, 1)]),
        keywords=(),
        satisfaction=dash.satisfaction_figure({75: 2}),
    )
    data = figures.to_dict()
    assert data["onsite_rate"] == 0.25 and data["by_field"][0]["onsite_rate"] == 0.25
    assert data["overdue_buckets"][1]["count"] == 1
    assert data["satisfaction"] == {"responses": 2, "mean_score": 75.0, "by_points": [0, 0, 0, 2, 0]}
    assert data["clusters"] is None and figures.closed == 2
