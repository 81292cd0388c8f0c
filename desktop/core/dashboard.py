"""Dashboard figures: the frozen record the GUI, the PDF and the Excel summary all show, and its pure maths.

The store (``desktop.store.dashboard_queries``) runs the grouped SQL and hands the raw
counts to the functions here: medians from (value, count) histograms, day buckets, the
0–100 satisfaction figure and the recurring keywords of difficulty texts. Nothing here
reads the database, so each figure can be checked by hand on a small dataset.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

# Days past the deadline of overdue open cases: (Korean label, English label, first day, last day).
OVERDUE_BUCKETS: tuple[tuple[str, str, int, int | None], ...] = (
    ("1–7일", "1–7 days", 1, 7),
    ("8–14일", "8–14 days", 8, 14),
    ("15–30일", "15–30 days", 15, 30),
    ("31–60일", "31–60 days", 31, 60),
    ("60일 초과", "over 60 days", 61, None),
)
KEYWORDS_PER_FIELD = 8
KEYWORD_SAMPLE = 3000
"""Texts read per field for keywords: the most recent ones (enough to be stable, fast at 1M cases)."""
MIN_KEYWORD_CASES = 2
"""A word must recur: one case is not a pattern."""

_WORD = re.compile(r"[0-9A-Za-z가-힣&]+")
# Particles and endings stripped from the end of a word when at least two syllables remain
# ("세무조사를" -> "세무조사", "연장이" -> "연장"). Longest first.
_PARTICLES = tuple(
    sorted(
        (
            "에서는",
            "으로는",
            "에서도",
            "이라도",
            "으로서",
            "이라",
            "이며",
            "이고",
            "로서",
            "에서",
            "으로",
            "에게",
            "까지",
            "부터",
            "이나",
            "에는",
            "에도",
            "와의",
            "과의",
            "처럼",
            "보다",
            "이랑",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "와",
            "과",
            "도",
            "만",
            "로",
            "라",
        ),
        key=len,
        reverse=True,
    )
)
# Words ending like this are verbs or adjectives ("가능한지", "어렵습니다"), not topics.
_VERB_ENDINGS = (
    "니다",
    "는지",
    "한지",
    "할지",
    "인지",
    "은지",
    "하여",
    "해야",
    "려고",
    "하는",
    "되는",
    "있는",
    "없는",
    "까요",
    "나요",
    "어요",
    "아요",
    "해요",
    "세요",
    "싶은",
    "싶고",
    "하고",
    "했는데",
    "는데",
    "인데",
    "려는데",
    "하면",
    "받을",
    "받고",
    "받아",
    "되어",
    "되고",
    "됐는데",
    "겠습니다",
    "어서",
    "아서",
    "해서",
    "으나",
    "지만",
)
STOPWORDS: frozenset[str] = frozenset(
    {
        "문의",
        "문의드립니다",
        "요청",
        "방법",
        "여부",
        "가능",
        "관련",
        "대한",
        "대해",
        "경우",
        "위한",
        "위해",
        "필요",
        "현재",
        "당사",
        "저희",
        "어떻게",
        "무엇",
        "해당",
        "관한",
        "내용",
        "사항",
        "확인",
        "안내",
        "상담",
        "애로",
        "애로사항",
        "기업",
        "회사",
        "업체",
        "올해",
        "작년",
        "내년",
        "이번",
        "지난",
        "통해",
        "싶습니다",
        "궁금합니다",
        "알려",
        "주세요",
        "언제",
        "어디서",
        "얼마나",
        "너무",
        "계속",
        "다시",
        "함께",
        "모두",
        "그리고",
        "하지만",
        "중인데",
        "진행",
        "알고",
        "원이",
        "원을",
        "원의",
        "원은",
        "원으로",
        "만원",
        "신청",
        "지원",
        "대상",
        "받고",
        "THE",
        "AND",
    }
)


@dataclass(frozen=True, slots=True)
class GroupFigure:
    """Cases of one group (a field, agency, status or month): all, resolved on site, open, overdue."""

    key: str
    total: int
    onsite: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def onsite_rate(self) -> float | None:
        return rate(self.onsite, self.total)


@dataclass(frozen=True, slots=True)
class ReplyFigure:
    """How fast one agency replies: replied cases and the median calendar days from receipt to reply."""

    agency_id: str
    replied: int
    median_days: float | None


@dataclass(frozen=True, slots=True)
class BucketFigure:
    """One day bucket (e.g. overdue by 8–14 days) and its count."""

    label_ko: str
    label_en: str
    low: int
    high: int | None
    count: int

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_ko


@dataclass(frozen=True, slots=True)
class KeywordFigure:
    """A recurring word of one field's difficulties and how those cases ended.

    Attributes:
        word: the word as written (particles removed).
        cases: cases whose text contains it (each case counts once).
        policy_proposals: of those, cases closed as 제도개선 건의.
        unresolvable: of those, cases closed as 해결불가 — candidates for a proposal.
    """

    word: str
    cases: int
    policy_proposals: int = 0
    unresolvable: int = 0


@dataclass(frozen=True, slots=True)
class FieldKeywords:
    """The top keywords of one field; ``sample`` = texts read (the most recent ones)."""

    field_code: str
    sample: int
    keywords: tuple[KeywordFigure, ...]


@dataclass(frozen=True, slots=True)
class SatisfactionFigure:
    """Satisfaction answers: count, mean on 0–100, and answers per point 1..5 (index 0 = 1 point)."""

    responses: int
    mean_score: float | None
    by_points: tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class ClusterLevelsFigure:
    """Crisis levels of the clusters in the latest rated half-year: (level code, clusters) pairs."""

    period: str
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    """Every figure of the dashboard for one selection of cases, computed once.

    The GUI draws it, ``onestop dashboard --json`` prints :meth:`to_dict`, and the session /
    period PDF and the Excel summary print the same object (see ``reports.dashboard_tables``).

    Attributes:
        generated_at: when the figures were computed (``now`` of overdue and ageing).
        date_from: first day of receipt in the selection (None = from the beginning).
        date_to: last day of receipt in the selection (None = up to now).
        total: cases in the selection.
        firms: distinct firms with cases in the selection.
        onsite: cases resolved on site.
        open: cases still open.
        overdue: open cases past their deadline.
        by_field: per field code, in field order.
        by_agency: per agency id ('' = not routed), most cases first.
        by_status: per status code, in workflow order.
        by_month: per ``YYYY-MM`` of receipt, oldest first.
        reply_days: per agency with replies, fastest median first.
        reply_median_days: the median over every replied case.
        overdue_buckets: overdue open cases per :data:`OVERDUE_BUCKETS` bucket.
        keywords: recurring words per field (fields with at least one keyword).
        satisfaction: the satisfaction answers of the selection.
        clusters: crisis levels of the latest rated half-year, or None when none is rated.
    """

    generated_at: datetime
    date_from: date | None
    date_to: date | None
    total: int
    firms: int
    onsite: int
    open: int
    overdue: int
    by_field: tuple[GroupFigure, ...]
    by_agency: tuple[GroupFigure, ...]
    by_status: tuple[GroupFigure, ...]
    by_month: tuple[GroupFigure, ...]
    reply_days: tuple[ReplyFigure, ...]
    reply_median_days: float | None
    overdue_buckets: tuple[BucketFigure, ...]
    keywords: tuple[FieldKeywords, ...]
    satisfaction: SatisfactionFigure
    clusters: ClusterLevelsFigure | None = None

    @property
    def onsite_rate(self) -> float | None:
        """Cases resolved on site / all cases (0..1), None without cases."""
        return rate(self.onsite, self.total)

    @property
    def closed(self) -> int:
        return self.total - self.open

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO text, rates 0..1 rounded to 4 places)."""

        def groups(items: Sequence[GroupFigure]) -> list[dict[str, Any]]:
            return [
                {
                    "key": g.key,
                    "total": g.total,
                    "onsite": g.onsite,
                    "open": g.open,
                    "overdue": g.overdue,
                    "onsite_rate": _round(g.onsite_rate),
                }
                for g in items
            ]

        return {
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "total": self.total,
            "firms": self.firms,
            "onsite": self.onsite,
            "onsite_rate": _round(self.onsite_rate),
            "open": self.open,
            "overdue": self.overdue,
            "by_field": groups(self.by_field),
            "by_agency": groups(self.by_agency),
            "by_status": groups(self.by_status),
            "by_month": groups(self.by_month),
            "reply_days": [
                {"agency": r.agency_id, "replied": r.replied, "median_days": r.median_days}
                for r in self.reply_days
            ],
            "reply_median_days": self.reply_median_days,
            "overdue_buckets": [
                {"label": b.label_ko, "label_en": b.label_en, "low": b.low, "high": b.high, "count": b.count}
                for b in self.overdue_buckets
            ],
            "keywords": [
                {
                    "field": k.field_code,
                    "sample": k.sample,
                    "keywords": [
                        {
                            "word": w.word,
                            "cases": w.cases,
                            "policy_proposals": w.policy_proposals,
                            "unresolvable": w.unresolvable,
                        }
                        for w in k.keywords
                    ],
                }
                for k in self.keywords
            ],
            "satisfaction": {
                "responses": self.satisfaction.responses,
                "mean_score": self.satisfaction.mean_score,
                "by_points": list(self.satisfaction.by_points),
            },
            "clusters": None
            if self.clusters is None
            else {"period": self.clusters.period, "levels": dict(self.clusters.counts)},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def rate(part: int, whole: int) -> float | None:
    """``part / whole`` (0..1), or None when there is nothing to divide by."""
    return part / whole if whole else None


def median(values: Iterable[float]) -> float | None:
    """The median (mean of the two middle values for an even count); None when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def median_from_counts(counts: Mapping[float, int]) -> float | None:
    """The median of a histogram ``{value: how many times}`` without expanding it.

    Same result as :func:`median` over the expanded values; zero and negative counts are ignored.
    """
    items = sorted((value, n) for value, n in counts.items() if n > 0)
    total = sum(n for _, n in items)
    if not total:
        return None
    # 0-based positions of the middle value(s) in the expanded, sorted list.
    low_pos, high_pos = (total - 1) // 2, total // 2
    low = high = None
    seen = 0
    for value, n in items:
        if low is None and low_pos < seen + n:
            low = value
        if high_pos < seen + n:
            high = value
            break
        seen += n
    assert low is not None and high is not None
    return (low + high) / 2 if low != high else float(low)


def bucket_counts(
    values: Iterable[tuple[int, int]], buckets: Sequence[tuple[str, str, int, int | None]] = OVERDUE_BUCKETS
) -> tuple[BucketFigure, ...]:
    """Count ``(value, how many)`` pairs into day buckets; values below the first bucket are dropped."""
    counts = [0] * len(buckets)
    for value, n in values:
        for i, (_ko, _en, low, high) in enumerate(buckets):
            if value >= low and (high is None or value <= high):
                counts[i] += n
                break
    return tuple(
        BucketFigure(ko, en, low, high, count)
        for (ko, en, low, high), count in zip(buckets, counts, strict=True)
    )


def score_points(score: int) -> int:
    """The 5-point answer a stored 0–100 score stands for (``(points - 1) * 25``, nearest point)."""
    return min(max(int(score / 25 + 0.5) + 1, 1), 5)


def satisfaction_figure(scores: Mapping[int, int]) -> SatisfactionFigure:
    """Summarise stored satisfaction scores ``{score 0–100: cases}``.

    The mean is taken over the stored 0–100 scores (a 4-point answer is 75), rounded to 0.1.
    """
    responses = sum(n for n in scores.values() if n > 0)
    by_points = [0, 0, 0, 0, 0]
    total = 0
    for score, n in scores.items():
        if n <= 0:
            continue
        by_points[score_points(score) - 1] += n
        total += score * n
    mean = round(total / responses, 1) if responses else None
    return SatisfactionFigure(
        responses, mean, (by_points[0], by_points[1], by_points[2], by_points[3], by_points[4])
    )


_PARTICLE_END = re.compile(f"^(.{{2,}}?)(?:{'|'.join(_PARTICLES)})$")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=200_000)
def _topic(raw: str) -> str:
    """The topic word of one written word ('' when it is not one); words recur, so cached."""
    if _DIGIT.search(raw):
        return ""  # years, amounts ("3000만")
    word = raw.upper()  # Latin words in capitals (FTA, R&D); Hangul has no case
    if len(word) < 2 or word in STOPWORDS or word.endswith(_VERB_ENDINGS):
        return ""
    stripped = _PARTICLE_END.match(word)
    if stripped:
        word = stripped.group(1)
    return word if len(word) >= 2 and word not in STOPWORDS else ""


def keywords_of(text: str) -> set[str]:
    """The topic words of one difficulty text: particles removed, verbs, numbers and stopwords dropped."""
    found = {_topic(raw) for raw in _WORD.findall(unicodedata.normalize("NFC", text))}
    found.discard("")
    return found


def top_keywords(
    texts: Iterable[tuple[str, str]],
    *,
    limit: int = KEYWORDS_PER_FIELD,
    min_cases: int = MIN_KEYWORD_CASES,
) -> tuple[KeywordFigure, ...]:
    """The words that recur across difficulty texts, most cases first (ties: alphabetical).

    Args:
        texts: ``(text, result code)`` of each case.
        limit: at most this many words.
        min_cases: a word must appear in at least this many cases.
    """
    cases: Counter[str] = Counter()
    proposals: Counter[str] = Counter()
    unresolvable: Counter[str] = Counter()
    for text, result in texts:
        words = keywords_of(text)
        cases.update(words)
        if result == "policy_proposal":
            proposals.update(words)
        elif result == "unresolvable":
            unresolvable.update(words)
    ranked = sorted((w for w, n in cases.items() if n >= min_cases), key=lambda w: (-cases[w], w))
    return tuple(KeywordFigure(w, cases[w], proposals[w], unresolvable[w]) for w in ranked[:limit])
