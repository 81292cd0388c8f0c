"""Agencies' support programs (지원사업) and the offline eligibility match of a firm and a difficulty.

Eligibility is checked criterion by criterion, each giving *met*, *unmet* or *unknown*
(the firm's card lacks the fact):

* **region** — the firm's 시·도 is one of the program's (``*`` = nationwide). Both sides are
  translated to the code valid on the day (전남 46 → 전남광주 49 from 2026-07-01), so a
  program written for an old code keeps matching.
* **size** — the firm's size is one of the program's (``*`` = any).
* **industry** — the firm's KSIC code falls under one of the program's prefixes (section
  letter ``C`` or leading digits ``24``; ``*`` = any).
* **years in business** — full years from the founding day to the day (a firm founded on
  2019-03-15 is 6 on 2026-03-14 and 7 on 2026-03-15); ``min_years <= years <= max_years``,
  both ends inclusive, either end open.
* **application period** — open on the day (``apply_from <= day <= apply_to``, inclusive);
  a period not begun yet is *upcoming* (still listed), one already over is *closed*.

A program is **eligible** when every criterion is met, **to check** when none is unmet but
some are unknown, **ineligible** otherwise. Relevance to the difficulty: same field,
keywords found in the text, and the support track of the firm's cluster level.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.core.clusters import ksic_matches, track_for_level

ANY = "*"
ELIGIBLE = "eligible"
TO_CHECK = "check"
INELIGIBLE = "ineligible"
MET, UNMET, UNKNOWN = "met", "unmet", "unknown"
OPEN, UPCOMING, CLOSED, ALWAYS = "open", "upcoming", "closed", "always"


@dataclass(frozen=True, slots=True)
class Program:
    """One support program of an agency, as kept in the catalog.

    Attributes:
        regions: 시·도 codes, or ``("*",)`` for nationwide.
        sizes: firm sizes (중견, 중소, 소기업, 소상공인, 소공인), or ``("*",)``.
        ksic: KSIC prefixes (section letters or leading digits), or ``("*",)``.
        min_years / max_years: years in business, inclusive; None = open.
        apply_from / apply_to: application period, inclusive; None = open.
        track: ``standup``, ``pinpoint`` or '' (a crisis support track it serves).
    """

    id: str
    name: str
    agency_id: str
    field_code: str
    track: str = ""
    regions: tuple[str, ...] = (ANY,)
    sizes: tuple[str, ...] = (ANY,)
    ksic: tuple[str, ...] = (ANY,)
    min_years: int | None = None
    max_years: int | None = None
    apply_from: date | None = None
    apply_to: date | None = None
    contact: str = ""
    summary: str = ""
    keywords: tuple[str, ...] = ()
    active: bool = True

    def window(self, on: date) -> str:
        """Application period state on a day: open, upcoming, closed or always (no period)."""
        if self.apply_from is None and self.apply_to is None:
            return ALWAYS
        if self.apply_from is not None and on < self.apply_from:
            return UPCOMING
        if self.apply_to is not None and on > self.apply_to:
            return CLOSED
        return OPEN


@dataclass(frozen=True, slots=True)
class FirmProfile:
    """What eligibility needs to know of a firm ('' / None = not on its card)."""

    region_code: str = ""
    size: str = ""
    ksic: str = ""
    founded_on: date | None = None
    cluster_level: str = ""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One eligibility check: its code, met/unmet/unknown and why, in Korean and English."""

    code: str
    state: str
    ko: str
    en: str

    def text(self, lang: str = "ko") -> str:
        return self.en if lang == "en" else self.ko


@dataclass(frozen=True, slots=True)
class ProgramMatch:
    """A program weighed for a firm and a difficulty."""

    program: Program
    eligibility: str
    criteria: tuple[Criterion, ...]
    window: str
    score: float
    reasons_ko: tuple[str, ...]
    reasons_en: tuple[str, ...]

    @property
    def relevant(self) -> bool:
        return self.score > 0

    def reasons(self, lang: str = "ko") -> tuple[str, ...]:
        return self.reasons_en if lang == "en" else self.reasons_ko


RegionResolver = Callable[[str, date], str]
"""(region code, day) -> the code valid on that day (e.g. ``routing.current_region_code``)."""


def years_in_business(founded_on: date, on: date) -> int:
    """Full years from the founding day to ``on`` (like an age: the anniversary counts)."""
    years = on.year - founded_on.year
    if (on.month, on.day) < (founded_on.month, founded_on.day):
        years -= 1
    return max(years, 0)


def _same(region: str, on: date, resolve: RegionResolver | None) -> str:
    return resolve(region, on) if resolve is not None and region and region != ANY else region


def check_region(program: Program, firm: FirmProfile, on: date, resolve: RegionResolver | None) -> Criterion:
    if ANY in program.regions or not program.regions:
        return Criterion("region", MET, "전국 대상", "nationwide")
    if not firm.region_code:
        return Criterion("region", UNKNOWN, "기업 소재지(시·도)가 없습니다", "the firm's region is unknown")
    wanted = {_same(r, on, resolve) for r in program.regions}
    if _same(firm.region_code, on, resolve) in wanted:
        return Criterion("region", MET, "소재지 요건 충족", "region matches")
    return Criterion("region", UNMET, "대상 지역이 아닙니다", "not in the program's regions")


def check_size(program: Program, firm: FirmProfile) -> Criterion:
    if ANY in program.sizes or not program.sizes:
        return Criterion("size", MET, "규모 제한 없음", "any size")
    if not firm.size:
        return Criterion("size", UNKNOWN, "기업 규모가 없습니다", "the firm's size is unknown")
    if firm.size in program.sizes:
        return Criterion("size", MET, f"{firm.size} 대상", f"size {firm.size} qualifies")
    return Criterion(
        "size", UNMET, f"대상 규모({', '.join(program.sizes)})가 아닙니다", "size does not qualify"
    )


def check_industry(program: Program, firm: FirmProfile) -> Criterion:
    result = ksic_matches(firm.ksic, program.ksic)
    if ANY in program.ksic or not program.ksic:
        return Criterion("industry", MET, "업종 제한 없음", "any industry")
    if result is None:
        return Criterion("industry", UNKNOWN, "업종(KSIC)이 없습니다", "the firm's KSIC code is unknown")
    if result:
        return Criterion("industry", MET, "대상 업종", "industry qualifies")
    return Criterion(
        "industry", UNMET, f"대상 업종({', '.join(program.ksic)})이 아닙니다", "industry does not qualify"
    )


def check_years(program: Program, firm: FirmProfile, on: date) -> Criterion:
    if program.min_years is None and program.max_years is None:
        return Criterion("years", MET, "업력 제한 없음", "no limit on years in business")
    if firm.founded_on is None:
        return Criterion("years", UNKNOWN, "설립일을 모릅니다 (업력 확인 필요)", "founding date unknown")
    years = years_in_business(firm.founded_on, on)
    low = program.min_years if program.min_years is not None else 0
    high = program.max_years
    if years >= low and (high is None or years <= high):
        return Criterion("years", MET, f"업력 {years}년 충족", f"{years} years in business qualifies")
    bound_ko = f"{low}년 이상" if high is None else f"{low}~{high}년"
    return Criterion(
        "years", UNMET, f"업력 {years}년 (요건: {bound_ko})", f"{years} years in business (needs {bound_ko})"
    )


def check_window(program: Program, on: date) -> Criterion:
    state = program.window(on)
    if state == CLOSED:
        return Criterion(
            "window", UNMET, f"접수 마감 ({program.apply_to})", f"applications closed {program.apply_to}"
        )
    if state == UPCOMING:
        return Criterion(
            "window",
            MET,
            f"접수 예정 ({program.apply_from}~)",
            f"applications open from {program.apply_from}",
        )
    if state == OPEN and program.apply_to is not None:
        return Criterion("window", MET, f"접수 중 (~{program.apply_to})", f"open until {program.apply_to}")
    return Criterion("window", MET, "상시 접수", "open all year")


def eligibility(
    program: Program, firm: FirmProfile, on: date, resolve: RegionResolver | None = None
) -> tuple[str, tuple[Criterion, ...]]:
    """Eligible / to check / ineligible, with each criterion (see the module docstring)."""
    criteria = (
        check_region(program, firm, on, resolve),
        check_size(program, firm),
        check_industry(program, firm),
        check_years(program, firm, on),
        check_window(program, on),
    )
    states = {c.state for c in criteria}
    if UNMET in states:
        return INELIGIBLE, criteria
    if UNKNOWN in states:
        return TO_CHECK, criteria
    return ELIGIBLE, criteria


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def relevance(
    program: Program, field_code: str, text: str, cluster_level: str = ""
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """How well a program fits a difficulty: (score, reasons ko, reasons en); 0 = unrelated.

    Same field +3, each keyword of the program found in the text +1 (at most 3), the support
    track called for by the firm's cluster level +2.
    """
    score = 0.0
    ko: list[str] = []
    en: list[str] = []
    if field_code and program.field_code == field_code:
        score += 3
        ko.append("같은 분야")
        en.append("same field")
    compact = _compact(text)
    hits = [k for k in program.keywords if k and _compact(k) in compact]
    if hits:
        score += min(len(hits), 3)
        ko.append(f"키워드: {', '.join(hits[:3])}")
        en.append(f"keywords: {', '.join(hits[:3])}")
    if program.track and cluster_level:
        wanted = track_for_level(cluster_level)
        if wanted is not None and wanted.code == program.track:
            score += 2
            ko.append(f"밀집지역 위기 단계에 맞는 {wanted.name_ko}")
            en.append(f"{wanted.name_en} for the cluster's crisis level")
    return score, tuple(ko), tuple(en)


def match_programs(
    programs: Sequence[Program],
    firm: FirmProfile,
    field_code: str,
    text: str,
    on: date,
    *,
    resolve: RegionResolver | None = None,
    include_ineligible: bool = False,
    include_unrelated: bool = False,
) -> tuple[ProgramMatch, ...]:
    """Programs for a firm's difficulty, best first.

    Order: eligible before to-check before ineligible, then relevance score, then open
    applications before upcoming/always, then name. Inactive programs are never listed;
    ineligible ones (including closed applications) only with ``include_ineligible``, and
    programs with no relation to the difficulty only with ``include_unrelated``.
    """
    ranked: list[tuple[tuple[int, float, int, str], ProgramMatch]] = []
    order = {ELIGIBLE: 0, TO_CHECK: 1, INELIGIBLE: 2}
    windows = {OPEN: 0, UPCOMING: 1, ALWAYS: 1, CLOSED: 2}
    for program in programs:
        if not program.active:
            continue
        state, criteria = eligibility(program, firm, on, resolve)
        if state == INELIGIBLE and not include_ineligible:
            continue
        score, ko, en = relevance(program, field_code, text, firm.cluster_level)
        if score <= 0 and not include_unrelated:
            continue
        window = program.window(on)
        match = ProgramMatch(program, state, criteria, window, score, ko, en)
        ranked.append(((order[state], -score, windows[window], program.name), match))
    ranked.sort(key=lambda item: item[0])
    return tuple(match for _, match in ranked)
