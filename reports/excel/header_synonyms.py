"""Header names consultants use in their clinic spreadsheets, per target column, and header-row detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Target column -> header names seen in clinic logs (compared without spaces and punctuation).
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "brn": (
        "사업자등록번호",
        "사업자번호",
        "사업자 번호",
        "사업자등록 번호",
        "사업자No",
        "사업자등록No",
        "BRN",
        "사업자",
    ),
    "firm_name": (
        "기업명",
        "업체명",
        "회사명",
        "상호",
        "상호명",
        "기업체명",
        "업체",
        "기업",
        "회사",
        "법인명",
        "기업(업체)명",
    ),
    "date": (
        "접수일",
        "접수일자",
        "접수 일자",
        "상담일",
        "상담일자",
        "일자",
        "날짜",
        "방문일",
        "방문일자",
        "참여일",
        "현장지원일",
        "지원일",
        "지원일자",
        "접수일시",
        "상담일시",
    ),
    "text": (
        "애로사항",
        "애로사항 내용",
        "애로내용",
        "애로 내용",
        "애로 및 건의사항",
        "애로·건의사항",
        "건의사항",
        "상담내용",
        "상담 내용",
        "내용",
        "요청사항",
        "문의내용",
        "문의사항",
        "애로사항(상세)",
    ),
    "field": (
        "분야",
        "애로분야",
        "애로 분야",
        "분류",
        "구분",
        "지원분야",
        "상담분야",
        "애로유형",
        "애로구분",
        "분야(구분)",
    ),
    "kind": ("민원유형", "민원 유형", "질의유형", "민원종류"),
    "agency": (
        "담당기관",
        "처리기관",
        "소관기관",
        "이관기관",
        "관련기관",
        "기관",
        "담당 기관",
        "연계기관",
        "소관 기관",
        "유관기관",
    ),
    "consent": (
        "동의",
        "동의여부",
        "제3자제공동의",
        "제3자 제공 동의",
        "정보제공동의",
        "개인정보제공동의",
        "개인정보 제공 동의",
        "제공동의",
    ),
    "result": ("처리결과", "결과", "조치결과", "처리 결과", "처리방법", "처리구분", "처리상태", "진행상황"),
    "answer": ("답변", "답변내용", "현장답변", "조치내용", "처리내용", "회신내용", "답변 내용"),
    "representative": ("대표자", "대표자명", "대표", "대표자 성명", "대표자성명", "성명"),
    "phone": ("연락처", "전화번호", "전화", "휴대폰", "휴대전화", "연락처(휴대폰)", "핸드폰", "휴대폰번호"),
    "no": ("연번", "번호", "순번", "No", "NO."),
    "note": ("비고", "메모"),
}
REQUIRED: tuple[str, ...] = ("brn", "text")
"""Columns every sheet must have; the date may come from ``--session`` instead."""
LABELS: Mapping[str, tuple[str, str]] = {
    "brn": ("사업자등록번호", "business registration number"),
    "firm_name": ("기업명", "firm name"),
    "date": ("접수일", "date"),
    "text": ("애로사항", "difficulty"),
    "field": ("분야", "field"),
    "kind": ("민원 유형", "kind"),
    "agency": ("담당 기관", "agency"),
    "consent": ("제3자 제공 동의", "consent"),
    "result": ("처리결과", "result"),
    "answer": ("답변", "answer"),
    "representative": ("대표자", "representative"),
    "phone": ("연락처", "phone"),
    "no": ("연번", "row number"),
    "note": ("비고", "note"),
}
# Weight of each target when scoring a candidate header row.
_WEIGHTS: Mapping[str, int] = {"brn": 3, "text": 3, "date": 2, "firm_name": 2}
_IGNORE = re.compile(r"[\s()\[\]{}.,·ㆍ/\\:;*_\-~'\"“”‘’#]+")
HEADER_SCAN_ROWS = 15


def normalise(text: str) -> str:
    """Comparison key of a header: NFC, case-folded, without spaces and punctuation."""
    return _IGNORE.sub("", unicodedata.normalize("NFC", text)).casefold()


_EXACT: Mapping[str, str] = {normalise(s): target for target, names in SYNONYMS.items() for s in names}
# For headers that only contain a synonym ("애로사항 및 건의 내용"): longest synonyms first.
_PARTS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            (normalise(s), target)
            for target, names in SYNONYMS.items()
            for s in names
            if len(normalise(s)) >= 3
        ),
        key=lambda pair: -len(pair[0]),
    )
)


@dataclass(frozen=True, slots=True)
class ColumnMatch:
    """A sheet column mapped to a target: 1-based column, the header as written, exact or partial."""

    target: str
    column: int
    header: str
    exact: bool


def match_header(text: str) -> tuple[str, bool] | None:
    """The target a header names and whether the match is exact (else the header contains a synonym)."""
    key = normalise(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key], True
    for part, target in _PARTS:
        if part in key:
            return target, False
    return None


def map_headers(cells: Sequence[Any]) -> tuple[dict[str, ColumnMatch], list[str]]:
    """Map one header row: each target to one column (exact matches first, then the leftmost).

    Returns:
        (target -> match, headers that map to nothing).
    """
    candidates: list[ColumnMatch] = []
    unmapped: list[str] = []
    for column, value in enumerate(cells, 1):
        if value is None or not str(value).strip():
            continue
        found = match_header(str(value))
        if found is None:
            unmapped.append(str(value).strip())
            continue
        candidates.append(ColumnMatch(found[0], column, str(value).strip(), found[1]))
    mapping: dict[str, ColumnMatch] = {}
    for match in sorted(candidates, key=lambda m: (not m.exact, m.column)):
        if match.target not in mapping:
            mapping[match.target] = match
        else:
            unmapped.append(match.header)
    return mapping, unmapped


def score_row(cells: Sequence[Any]) -> int:
    """How much a row looks like the header row: weighted count of distinct targets it names."""
    mapping, _ = map_headers(cells)
    return sum(
        _WEIGHTS.get(target, 1) * (2 if m.exact else 1)
        for target, m in mapping.items()
        if target not in ("no", "note")
    )


def find_header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """Index (0-based, within ``rows``) of the best-scoring header row among the first rows, or None.

    A header must name at least the BRN or the difficulty text and one more column.
    """
    best: tuple[int, int] | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping, _ = map_headers(cells)
        if not ({"brn", "text"} & set(mapping)) or len(set(mapping) - {"no", "note"}) < 2:
            continue
        score = score_row(cells)
        if best is None or score > best[0]:
            best = (score, index)
    return None if best is None else best[1]
