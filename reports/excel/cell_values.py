"""Reading messy spreadsheet cells: BRNs that lost their zeros, dates as text or serials, marks, totals."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from openpyxl.utils.datetime import from_excel

from desktop.core.errors import reject
from desktop.core.ids import brn_from_number

# Excel serial day numbers between 1954 and 2119: anything else is not a date we believe.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
_DATE_RE = re.compile(
    r"^(?P<y>\d{2}|\d{4})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*(?:일|\.)?$"
)
_COMPACT_RE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_TRAILING = re.compile(r"\s*[(\[（][^)\]）]*[)\]）]\s*$")  # "(금)", "[오전]" after a date
_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$|\s*(오전|오후)\s*\d{1,2}:\d{2}$")
TOTAL_WORDS = frozenset({"합계", "소계", "계", "총계", "누계", "합", "total", "subtotal", "sum", "총합계"})
_YES = frozenset(
    {"y", "yes", "o", "○", "◯", "●", "v", "✓", "✔", "동의", "예", "true", "1", "유", "있음", "동의함"}
)
_NO = frozenset(
    {
        "n",
        "no",
        "x",
        "×",
        "✗",
        "미동의",
        "아니오",
        "아니요",
        "false",
        "0",
        "무",
        "없음",
        "비동의",
        "부동의",
        "-",
    }
)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: Any) -> str:
    """Cell value as trimmed NFC text ('' for empty); whole floats lose their ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M")
            if value.time() != datetime.min.time()
            else value.date().isoformat()
        )
    return unicodedata.normalize("NFC", str(value)).strip()


def is_total_label(value: Any) -> bool:
    """True for 합계 / 소계 / 계 (and "합 계", "Total", ...)."""
    if not isinstance(value, str):
        return False
    return "".join(value.split()).casefold().strip(":：") in TOTAL_WORDS


def parse_brn(value: Any, field: str) -> str:
    """Ten BRN digits from text with or without dashes, or from a number that lost leading zeros.

    Raises:
        RejectedInput: empty, not a number, or not a valid BRN (check digit).
    """
    if isinstance(value, bool):
        raise reject(field, "사업자등록번호가 아닙니다.", "Not a business registration number.")
    if isinstance(value, float):
        if not value.is_integer():
            raise reject(
                field, f"사업자등록번호가 아닙니다: {value}", f"Not a business registration number: {value}"
            )
        value = int(value)
    return brn_from_number(value if isinstance(value, int) else text_of(value), field)


def parse_date(value: Any, field: str, *, today: date) -> date:
    """A date from a date cell, an Excel serial number, or text such as ``2024.5.3``, ``24-05-03``,
    ``2024년 5월 3일``, ``20240503`` (a weekday in brackets and a time after it are ignored).

    Raises:
        RejectedInput: not a date, or a date after ``today`` or before 2000.
    """
    if is_blank(value):
        raise reject(field, "날짜가 비어 있습니다.", "The date is empty.")
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            converted = from_excel(value)
            day = converted.date() if isinstance(converted, datetime) else None
        elif _COMPACT_RE.match(str(int(value))):
            day = _from_parts(_COMPACT_RE.match(str(int(value))))
    elif isinstance(value, str):
        text = (
            _TIME.sub("", _TRAILING.sub("", unicodedata.normalize("NFKC", value).strip())).rstrip(".").strip()
        )
        match = _DATE_RE.match(text) or _COMPACT_RE.match(text)
        day = _from_parts(match)
    if day is None:
        shown = text_of(value)
        raise reject(
            field,
            f"날짜로 읽을 수 없습니다: '{shown}' (예: 2024-05-03, 2024.5.3, 24-05-03)",
            f"Not a date: '{shown}' (e.g. 2024-05-03, 2024.5.3, 24-05-03)",
        )
    if day > today + timedelta(days=1) or day.year < 2000:
        raise reject(
            field,
            f"날짜가 범위를 벗어났습니다: {day.isoformat()} (2000년 이후, 오늘 이전)",
            f"Date out of range: {day.isoformat()} (from 2000 up to today)",
        )
    return day


def _from_parts(match: re.Match[str] | None) -> date | None:
    if match is None:
        return None
    year = int(match["y"])
    if year < 100:
        year += 2000
    try:
        return date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def parse_yes_no(value: Any, field: str) -> bool:
    """Consent marks: Y/O/○/동의/예/1 -> True; N/X/미동의/아니오/0/empty -> False.

    Raises:
        RejectedInput: anything else.
    """
    key = "".join(text_of(value).split()).casefold()
    if key in _YES:
        return True
    if not key or key in _NO:
        return False
    raise reject(
        field,
        f"동의 여부를 알 수 없습니다: '{text_of(value)}' (Y/N, O/X, 동의/미동의)",
        f"Unknown consent mark: '{text_of(value)}' (Y/N, O/X, 동의/미동의)",
    )


def is_onsite_result(value: Any) -> bool:
    """A result that says the difficulty was answered on the spot (현장해결, 현장 답변, 현장처리, ...)."""
    key = "".join(text_of(value).split())
    return "현장" in key and any(w in key for w in ("해결", "답변", "처리", "안내", "완료"))
