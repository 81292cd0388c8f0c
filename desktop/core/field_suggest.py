"""Suggests the field (분야) of a difficulty from its free text, using each field's keywords."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.records import Field

FALLBACK_FIELD = "F99"
# Each further hit of the same keyword counts this fraction of the previous one, so a text
# that repeats "수출" five times does not outweigh one that names "원산지증명서" once.
_REPEAT_DECAY = 0.5
_SPACES = re.compile(r"\s+")
_MASK = "\0"


@dataclass(frozen=True, slots=True)
class FieldSuggestion:
    """A field suggested for a text, its score and the keywords that matched (longest first)."""

    field: Field
    score: float
    matched: tuple[str, ...]


def _compact(text: str) -> str:
    # Owners write "세무 조사" and "세무조사", "수출 바우처" and "수출바우처": compare without spaces.
    return _SPACES.sub("", unicodedata.normalize("NFC", text)).casefold()


def keyword_weight(keyword: str) -> float:
    """Weight of one hit: longer keywords are more specific ("원산지증명서" over "수출").

    Args:
        keyword: the keyword as written in fields.csv.

    Returns:
        1.0 for a one-character keyword, plus 0.5 per further character.
    """
    return 1.0 + 0.5 * (len(_compact(keyword)) - 1)


def _score(text: str, field: Field) -> tuple[float, tuple[str, ...]]:
    remaining = text
    score = 0.0
    matched: list[str] = []
    # Longest first, and matched spans are masked, so "세무조사" does not also count as "세무".
    for keyword in sorted(set(field.keywords), key=lambda k: (-len(_compact(k)), k)):
        key = _compact(keyword)
        hits = remaining.count(key) if key else 0
        if not hits:
            continue
        remaining = remaining.replace(key, _MASK * len(key))
        weight = keyword_weight(keyword)
        score += sum(weight * _REPEAT_DECAY**i for i in range(hits))
        matched.append(keyword)
    return score, tuple(matched)


def suggest_fields(text: str, fields: Iterable[Field], limit: int = 3) -> tuple[FieldSuggestion, ...]:
    """Rank fields by keyword hits in ``text``.

    The text is NFC-normalised, case-folded and compared without spaces. Each matching
    keyword adds :func:`keyword_weight`; repeated hits of the same keyword add less each
    time. Ties go to the lower ``sort_order``. F99 (기타) is never scored: it is returned
    alone, with score 0, only when no other field matches.

    Args:
        text: the difficulty as the firm described it.
        fields: the fields with their keywords (from fields.csv).
        limit: at most this many suggestions.

    Returns:
        Suggestions, best first; empty only if nothing matches and there is no F99 field.
    """
    all_fields = tuple(fields)
    compact = _compact(text)
    ranked: list[tuple[float, int, FieldSuggestion]] = []
    for field in all_fields:
        if field.code == FALLBACK_FIELD:
            continue
        score, matched = _score(compact, field)
        if score > 0:
            ranked.append((score, field.sort_order, FieldSuggestion(field, round(score, 3), matched)))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    if ranked:
        return tuple(item[2] for item in ranked[: max(limit, 0)])
    fallback = next((f for f in all_fields if f.code == FALLBACK_FIELD), None)
    return (FieldSuggestion(fallback, 0.0, ()),) if fallback is not None and limit > 0 else ()
