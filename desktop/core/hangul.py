"""Korean text helpers for search: NFC normalisation, 초성 extraction, n-gram search tokens."""

from __future__ import annotations

import re
import unicodedata

_CHOSUNG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_LAST = 0xD7A3
# Compatibility jamo that can stand for a leading consonant in a 초성 query.
_CHOSUNG_SET = frozenset(_CHOSUNG)
_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    """NFC-normalise; macOS and some IMEs hand us decomposed jamo that would never match."""
    return unicodedata.normalize("NFC", text)


def chosung(text: str) -> str:
    """The 초성 (leading consonants) of Hangul syllables; other characters are kept as they are.

    >>> chosung("광양철강")
    'ㄱㅇㅊㄱ'
    """
    out = []
    for ch in nfc(text):
        code = ord(ch)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            out.append(_CHOSUNG[(code - _SYLLABLE_FIRST) // 588])
        else:
            out.append(ch)
    return "".join(out)


def is_chosung_query(query: str) -> bool:
    """True when the query is made only of leading consonants (e.g. ``ㄱㅇㅊㄱ``)."""
    stripped = query.replace(" ", "")
    return bool(stripped) and all(ch in _CHOSUNG_SET for ch in stripped)


def words(text: str) -> list[str]:
    """Lower-cased NFC words; punctuation separates words."""
    return [w.lower() for w in _WORD.findall(nfc(text))]


def gram_tokens(text: str) -> str:
    """Space-separated tokens for the n-gram full-text index.

    Every word becomes its overlapping 2-character grams plus its last character alone, so
    that a query of two or more characters is an FTS5 *phrase* of consecutive grams (a
    substring match of any length) and a one-character query is a prefix query
    (``"광"*``). This replaces a trigram index, which finds nothing for 1–2 character
    queries such as "광양".
    """
    tokens: list[str] = []
    for word in words(text):
        tokens.extend(word[i : i + 2] for i in range(len(word)))
    return " ".join(tokens)


def gram_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a substring query, or None if it has no word characters.

    Words of the query must all occur (AND); each word matches as a substring.
    """
    parts: list[str] = []
    for word in words(query):
        if len(word) == 1:
            parts.append(f'"{word}"*')
        else:
            grams = " ".join(word[i : i + 2] for i in range(len(word) - 1))
            parts.append(f'"{grams}"')
    return " AND ".join(parts) if parts else None
