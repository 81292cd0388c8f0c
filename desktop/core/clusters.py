"""SME clusters (중소기업 밀집지역): half-year indicators, threshold rules -> 양호/주의/심각, support tracks.

A cluster is an industry (KSIC sections/divisions) in a place (시·도 code and 시·군·구). Each
half-year it gets indicators — sales change %, growth % of firms that suspended or closed
(휴·폐업), employment change % — and a crisis level from editable threshold rules:

* A rule is ``indicator op value`` (``sales_change_pct <= -10``), belongs to a level and to a
  group inside that level. A group holds when **all** its rules hold; a level applies when
  **any** of its groups holds (so one group can say "sales down 10% *and* closures up 15%").
* Bounds are inclusive: exactly -5.0 with ``<= -5`` holds.
* The most severe level that applies wins; with none, the level is 양호 (good).
* A rule on a missing indicator does not hold. A cluster without any indicator in the
  half-year is not rated (:data:`UNRATED`).

주의 (caution) suggests the stand-up track, 심각 (severe) the pinpoint track
(전남TP 위기대응지원센터, DOMAIN §1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.core.errors import reject


@dataclass(frozen=True, slots=True)
class Level:
    """A crisis level; ``rank`` orders them (higher = worse)."""

    code: str
    name_ko: str
    name_en: str
    rank: int
    colour: str


GOOD = Level("good", "양호", "Good", 0, "#198754")
CAUTION = Level("caution", "주의", "Caution", 1, "#cc8a00")
SEVERE = Level("severe", "심각", "Severe", 2, "#b02a37")
UNRATED = Level("unrated", "미평가", "Not rated", -1, "#6c757d")
LEVELS: tuple[Level, ...] = (GOOD, CAUTION, SEVERE)

INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("sales_change_pct", "매출액 증감률(%)", "Sales change (%)"),
    ("closures_growth_pct", "휴·폐업 업체 수 증가율(%)", "Growth of suspended/closed firms (%)"),
    ("employment_change_pct", "고용 증감률(%)", "Employment change (%)"),
)
INDICATOR_CODES: tuple[str, ...] = tuple(code for code, _, _ in INDICATORS)
OPERATORS: tuple[str, ...] = ("<=", ">=")

# KSIC 11th revision: division (2 digits) ranges of each section letter.
_KSIC_SECTIONS: tuple[tuple[str, int, int], ...] = (
    ("A", 1, 3),
    ("B", 5, 8),
    ("C", 10, 34),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 42),
    ("G", 45, 47),
    ("H", 49, 52),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 70, 73),
    ("N", 74, 76),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 87),
    ("R", 90, 91),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)
_PERIOD = re.compile(
    r"^(?P<y>\d{4}|\d{2})\s*(?:년|[-./])?\s*(?:(?P<h>[12])\s*(?:H|반기)?|H(?P<h2>[12])|(?P<ko>상반기|하반기))$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SupportService:
    """One kind of help inside a support track, with the field (분야) it belongs to."""

    name_ko: str
    name_en: str
    field_code: str


@dataclass(frozen=True, slots=True)
class SupportTrack:
    """The support a level calls for (stand-up for 주의, pinpoint for 심각)."""

    code: str
    name_ko: str
    name_en: str
    level: str
    services: tuple[SupportService, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ko


STANDUP = SupportTrack(
    "standup",
    "Stand-up 맞춤 지원 (위기진단기업 긴급처방)",
    "Stand-up tailored support (emergency prescription)",
    CAUTION.code,
    (
        SupportService("기업경영 컨설팅", "Management consulting", "F13"),
        SupportService("생산기술 지원", "Production technology", "F05"),
        SupportService("마케팅·디자인 개발", "Marketing and design", "F09"),
    ),
)
PINPOINT = SupportTrack(
    "pinpoint",
    "핀셋 지원",
    "Pinpoint support",
    SEVERE.code,
    (
        SupportService("제품 고급화", "Product upgrade", "F05"),
        SupportService("특허 출원", "Patent filing", "F12"),
        SupportService("해외 마케팅", "Overseas marketing", "F06"),
    ),
)
TRACKS: tuple[SupportTrack, ...] = (STANDUP, PINPOINT)


KIND_NAMES_EN: Mapping[str, str] = {
    "산업단지": "Industrial complex",
    "소공인 집적지": "Small manufacturer cluster",
    "지식산업센터": "Knowledge industry center",
    "지역특화발전특구": "Regional specialization zone",
    "벤처기업육성촉진지구": "Venture promotion district",
}
"""English names of the cluster kinds in the shipped reference data (other kinds stay as written)."""


@dataclass(frozen=True, slots=True)
class Cluster:
    """A cluster: industry (KSIC prefixes: section letters or division digits) × place."""

    id: str
    name_ko: str
    name_en: str
    kind: str
    region_code: str
    city: str
    ksic: tuple[str, ...]
    sort_order: int = 0

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_ko

    def kind_name(self, lang: str) -> str:
        return KIND_NAMES_EN.get(self.kind, self.kind) if lang == "en" else self.kind


@dataclass(frozen=True, slots=True)
class Indicators:
    """One cluster's indicators for one half-year (``2025-H1``); any of the three may be missing."""

    cluster_id: str
    period: str
    sales_change_pct: float | None = None
    closures_growth_pct: float | None = None
    employment_change_pct: float | None = None
    firms: int | None = None
    note: str = ""

    def value(self, indicator: str) -> float | None:
        if indicator not in INDICATOR_CODES:
            raise ValueError(f"unknown indicator {indicator!r}")
        value: float | None = getattr(self, indicator)
        return value

    @property
    def empty(self) -> bool:
        return all(self.value(code) is None for code in INDICATOR_CODES)


@dataclass(frozen=True, slots=True)
class ThresholdRule:
    """``indicator op value`` for ``level``; rules sharing ``group`` must hold together."""

    level: str
    group: str
    indicator: str
    op: str
    value: float
    note: str = ""

    def holds(self, indicators: Indicators) -> bool:
        actual = indicators.value(self.indicator)
        if actual is None:
            return False
        return actual <= self.value if self.op == "<=" else actual >= self.value

    def text(self, lang: str = "ko") -> str:
        return f"{indicator_name(self.indicator, lang)} {self.op} {self.value:g}"


@dataclass(frozen=True, slots=True)
class Rating:
    """The level of one cluster in one half-year and the rule groups that put it there."""

    cluster_id: str
    period: str
    level: Level
    groups: tuple[tuple[ThresholdRule, ...], ...] = ()

    @property
    def track(self) -> SupportTrack | None:
        return track_for_level(self.level.code)

    def reasons(self, lang: str = "ko") -> tuple[str, ...]:
        """Each rule group that held, as text ("매출액 증감률(%) <= -10 그리고 ...")."""
        joiner = " and " if lang == "en" else " 그리고 "
        return tuple(joiner.join(r.text(lang) for r in group) for group in self.groups)


def level(code_or_name: str) -> Level:
    """A level by code (good/caution/severe/unrated), Korean or English name.

    Raises:
        RejectedInput: field ``level`` for anything else.
    """
    key = "".join(unicodedata.normalize("NFC", code_or_name).casefold().split())
    for item in (*LEVELS, UNRATED):
        if key in (item.code, item.name_ko, item.name_en.casefold()):
            return item
    raise reject(
        "level",
        f"알 수 없는 단계입니다: '{code_or_name}' (양호, 주의, 심각)",
        f"Unknown level '{code_or_name}' (good, caution, severe)",
    )


def indicator_name(code: str, lang: str = "ko") -> str:
    for item, ko, en in INDICATORS:
        if item == code:
            return en if lang == "en" else ko
    return code


def track_for_level(level_code: str) -> SupportTrack | None:
    """The support track a level calls for: stand-up for 주의, pinpoint for 심각, none otherwise."""
    return next((t for t in TRACKS if t.level == level_code), None)


def track(code_or_name: str) -> SupportTrack | None:
    """A track by code or name ('standup', 'Stand-up 맞춤 지원', '핀셋', 'pinpoint'); '' or '없음' give None.

    Raises:
        RejectedInput: field ``track`` for anything else.
    """
    key = "".join(unicodedata.normalize("NFC", code_or_name).casefold().split()).replace("-", "")
    if key in ("", "없음", "none", "해당없음"):
        return None
    if key.startswith(("standup", "스탠드업", "긴급처방", "위기진단")):
        return STANDUP
    if key.startswith(("pinpoint", "핀셋")):
        return PINPOINT
    raise reject(
        "track",
        f"알 수 없는 지원 유형입니다: '{code_or_name}' (Stand-up, 핀셋, 없음)",
        f"Unknown support track '{code_or_name}' (standup, pinpoint, none)",
    )


def rate_cluster(indicators: Indicators, rules: Sequence[ThresholdRule]) -> Rating:
    """The crisis level of one cluster-half-year (see the module docstring for the rules)."""
    if indicators.empty:
        return Rating(indicators.cluster_id, indicators.period, UNRATED, ())
    for candidate in sorted(LEVELS, key=lambda lv: -lv.rank):
        if candidate is GOOD:
            break
        groups: dict[str, list[ThresholdRule]] = {}
        for rule in rules:
            if rule.level == candidate.code:
                groups.setdefault(rule.group, []).append(rule)
        held = [
            tuple(members)
            for _, members in sorted(groups.items())
            if members and all(r.holds(indicators) for r in members)
        ]
        if held:
            return Rating(indicators.cluster_id, indicators.period, candidate, tuple(held))
    return Rating(indicators.cluster_id, indicators.period, GOOD, ())


def check_rules(rules: Sequence[ThresholdRule]) -> list[tuple[int, str, str, str]]:
    """Problems of a rule set as (index, column, Korean, English); empty when it can be used.

    Checks indicator, operator and level codes, and that each level has at least one rule.
    """
    problems: list[tuple[int, str, str, str]] = []
    for i, rule in enumerate(rules):
        if rule.indicator not in INDICATOR_CODES:
            problems.append(
                (
                    i,
                    "indicator",
                    f"알 수 없는 지표: '{rule.indicator}'",
                    f"unknown indicator '{rule.indicator}'",
                )
            )
        if rule.op not in OPERATORS:
            problems.append(
                (i, "op", f"비교는 <= 또는 >= 입니다: '{rule.op}'", f"op must be <= or >=: '{rule.op}'")
            )
        if rule.level not in (CAUTION.code, SEVERE.code):
            problems.append(
                (
                    i,
                    "level",
                    f"기준은 주의·심각 단계에만 둡니다: '{rule.level}'",
                    "rules are for caution/severe",
                )
            )
        if not rule.group.strip():
            problems.append((i, "group", "묶음(group) 이름이 비어 있습니다", "the group is empty"))
    for needed in (CAUTION, SEVERE):
        if not any(r.level == needed.code for r in rules):
            problems.append(
                (
                    -1,
                    "level",
                    f"'{needed.name_ko}' 단계의 기준이 없습니다",
                    f"no rule for level '{needed.code}'",
                )
            )
    return problems


def period_of(day: date) -> str:
    """The half-year a day falls in: ``2025-H1`` (January–June) or ``2025-H2``."""
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def parse_period(text: str, field: str = "period") -> str:
    """Read a half-year written as ``2025-H1``, ``2025 상반기``, ``2025년 하반기``, ``2025-2``, ``25H1``.

    Raises:
        RejectedInput: anything else (field ``field``).
    """
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    match = _PERIOD.match(cleaned)
    if match is None:
        raise reject(
            field,
            f"반기를 읽을 수 없습니다: '{text}' (예: 2025-H1, 2025 상반기, 2025년 하반기)",
            f"Not a half-year: '{text}' (e.g. 2025-H1, 2025 first half)",
        )
    year = int(match["y"])
    year = year + 2000 if year < 100 else year
    half = match["h"] or match["h2"] or ("1" if match["ko"] == "상반기" else "2")
    if not 2000 <= year <= 2099:
        raise reject(field, f"연도가 범위를 벗어났습니다: {year}", f"Year out of range: {year}")
    return f"{year}-H{half}"


def period_text(period: str, lang: str = "ko") -> str:
    """``2025-H1`` -> ``2025년 상반기`` / ``2025 H1``."""
    year, _, half = period.partition("-H")
    if lang == "en":
        return f"{year} H{half}"
    return f"{year}년 {'상' if half == '1' else '하'}반기"


def previous_period(period: str) -> str:
    """The half-year before ``2025-H1`` (``2024-H2``)."""
    year, _, half = period.partition("-H")
    return f"{year}-H1" if half == "2" else f"{int(year) - 1}-H2"


def ksic_section(code: str) -> str:
    """The KSIC section letter of a code ('C', '24112' -> 'C', '62010' -> 'J'); '' when unknown."""
    code = code.strip().upper()
    if not code:
        return ""
    if code[0].isalpha():
        return code[0]
    if len(code) < 2 or not code[:2].isdigit():
        return ""
    division = int(code[:2])
    return next((letter for letter, low, high in _KSIC_SECTIONS if low <= division <= high), "")


def ksic_matches(firm_ksic: str, prefixes: Iterable[str]) -> bool | None:
    """Does a firm's KSIC code fall under any prefix (section letter or leading digits)?

    Returns:
        True/False, or None when the firm's code is unknown. No prefixes (or ``*``) match all.
    """
    wanted = [p.strip().upper() for p in prefixes if p.strip()]
    if not wanted or "*" in wanted:
        return True
    code = firm_ksic.strip().upper()
    if not code:
        return None
    section = ksic_section(code)
    for prefix in wanted:
        if prefix.isalpha():
            if section == prefix:
                return True
        elif code.isdigit() and code.startswith(prefix):
            return True
    return False


def cluster_for_firm(
    region_code: str,
    address: str,
    ksic: str,
    clusters: Sequence[Cluster],
    resolve: Callable[[str], str] | None = None,
) -> Cluster | None:
    """The cluster a firm most likely belongs to: same 시·도, the cluster's 시·군·구 named in the
    address, KSIC under the cluster's industries.

    Among several, the one with the longest matching KSIC prefix wins, then the first in
    reference order. ``resolve`` maps region codes to the code valid today (전남 46 and
    전남광주 49 are then the same place). None without region or KSIC.
    """
    if not region_code or not ksic:
        return None

    def same(code: str) -> str:
        return resolve(code) if resolve is not None else code

    region = same(region_code)
    where = "".join(unicodedata.normalize("NFC", address).split())
    best: tuple[int, int, Cluster] | None = None
    for index, cluster in enumerate(clusters):
        if same(cluster.region_code) != region:
            continue
        if cluster.city and "".join(cluster.city.split()) not in where:
            continue
        if not ksic_matches(ksic, cluster.ksic):
            continue
        specific = max(
            (1 if p.isalpha() else len(p) for p in cluster.ksic if ksic_matches(ksic, (p,))), default=0
        )
        if best is None or (specific, -index) > (best[0], best[1]):
            best = (specific, -index, cluster)
    return best[2] if best else None


def level_counts(ratings: Iterable[Rating]) -> dict[str, int]:
    """Clusters per level code, every level present (0 when none)."""
    counts = {lv.code: 0 for lv in (*LEVELS, UNRATED)}
    for rating in ratings:
        counts[rating.level.code] = counts.get(rating.level.code, 0) + 1
    return counts


def trend(previous: Level | None, current: Level) -> int:
    """+1 when the level got worse than the previous half-year, -1 better, 0 same or unknown."""
    if previous is None or previous is UNRATED or current is UNRATED:
        return 0
    return (current.rank > previous.rank) - (current.rank < previous.rank)


def rules_from_mapping(rows: Iterable[Mapping[str, object]]) -> tuple[ThresholdRule, ...]:
    """Rules from plain rows (the store's or a dialog's), without checking them."""
    return tuple(
        ThresholdRule(
            str(r["level"]),
            str(r["group"]),
            str(r["indicator"]),
            str(r["op"]),
            float(str(r["value"])),
            str(r.get("note", "") or ""),
        )
        for r in rows
    )
