"""Firm identity numbers (BRN, 법인등록번호), phone numbers, RRN detection and masking of personal data."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from desktop.core.errors import RejectedInput, reject

# Full-width digits (０-９) come from Korean IMEs and HWP documents; map them one-to-one so that
# positions in the text stay the same (find_rrns relies on that).
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Separators people type or paste between digit groups: ASCII and Unicode dashes, dots, slashes,
# underscores, middle dots, commas and brackets. Letters are left in place on purpose.
_SEPARATORS = "-‐‑‒–—―−－.．。/／_·・,，()（）[]"
_SEPARATOR_RE = re.compile(r"[\s" + re.escape(_SEPARATORS) + r"]+")

_BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)

AREA_CODES: tuple[str, ...] = tuple(
    "02 031 032 033 041 042 043 044 051 052 053 054 055 061 062 063 064".split()
)
OLD_MOBILE_PREFIXES: tuple[str, ...] = ("011", "016", "017", "018", "019")
REPRESENTATIVE_PREFIXES: tuple[str, ...] = ("15", "16", "18")

# Legal-form markers that stay readable in a masked firm name; longest first so that
# "농업회사법인" wins over any shorter marker it could contain.
LEGAL_FORM_MARKERS: tuple[str, ...] = tuple(
    "농업회사법인 어업회사법인 영농조합법인 영어조합법인 유한책임회사 사회적협동조합 협동조합 "
    "주식회사 유한회사 합자회사 합명회사 사단법인 재단법인 "
    "（주） （유） (주) (유) (합) (사) (재) (株) ㈜ ㈲".split()
)
_MARKER_RE = re.compile("(" + "|".join(re.escape(m) for m in LEGAL_FORM_MARKERS) + ")")

_RRN_DASHES = "-‐‑‒–—−－"
# 6 digits, an optional dash/space separator, gender digit 1-8, 6 more digits; not part of a
# longer digit run or of a dash-joined group (a phone or account number).
_RRN_RE = re.compile(
    r"(?<![0-9])(?<![0-9][" + _RRN_DASHES + r"])"
    r"([0-9]{6})[ \t\u3000]*[" + _RRN_DASHES + r"]?[ \t\u3000]*([1-8])([0-9]{6})"
    r"(?![0-9])(?![" + _RRN_DASHES + r"][0-9])"
)
_CORP_NO_LABEL_RE = re.compile(r"법인\s*(?:등록)?\s*번호\s*[:：]?\s*$")


def normalize_digits(text: str) -> str:
    """Turn full-width digits into ASCII and drop spaces and separators (``"１２４-81 00998"`` ->
    ``"1248100998"``); letters stay in place so callers can tell junk from a number."""
    return _SEPARATOR_RE.sub("", text.translate(_FULLWIDTH_DIGITS))


def _accepts(check: Callable[[str], str], text: str) -> bool:
    try:
        check(text)
    except RejectedInput:
        return False
    return True


# --- 사업자등록번호 (BRN) -------------------------------------------------------------------


def brn_check_digit(first9: str) -> int:
    """Return the BRN check digit (10th digit) for the first nine digits.

    Raises:
        ValueError: when ``first9`` is not nine ASCII digits (a programming error).
    """
    if len(first9) != 9 or not first9.isascii() or not first9.isdigit():
        raise ValueError(f"brn_check_digit needs 9 digits, got {first9!r}")
    digits = [int(c) for c in first9]
    total = sum(d * w for d, w in zip(digits, _BRN_WEIGHTS, strict=True)) + (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def _check_number(
    text: str, field: str, length: int, name: tuple[str, str], example: str, check: Callable[[str], int]
) -> str:
    """Shared checks of BRN and 법인등록번호; ``name`` is (Korean, English), ``check`` the check rule."""
    ko, en = name
    digits = normalize_digits(text)
    if not digits:
        raise reject(field, f"{ko}가 비어 있습니다.", f"The {en} is empty.")
    if not (digits.isascii() and digits.isdigit()):
        raise reject(
            field, f"{ko}에는 숫자만 입력하세요 (예: {example}).", f"A {en} has digits only (e.g. {example})."
        )
    if len(digits) != length:
        raise reject(
            field,
            f"{ko}는 {length}자리여야 합니다 (입력: {len(digits)}자리).",
            f"A {en} has {length} digits (got {len(digits)}).",
        )
    if digits == "0" * length:
        raise reject(field, f"{ko}가 0으로만 되어 있습니다.", f"The {en} is all zeros.")
    if check(digits[:-1]) != int(digits[-1]):
        raise reject(
            field,
            f"{ko}의 검증번호(마지막 자리)가 맞지 않습니다. 번호를 다시 확인하세요.",
            f"The check digit (last digit) of the {en} is wrong. Please check the number.",
        )
    return digits


def validate_brn(text: str, field: str = "brn") -> str:
    """Check a 사업자등록번호 (dashes and full-width digits allowed) and return its ten digits.

    Raises:
        RejectedInput: empty, not digits, not 10 digits, all zeros or wrong check digit.
    """
    name = ("사업자등록번호", "business registration number")
    return _check_number(text, field, 10, name, "124-81-00998", brn_check_digit)


def is_valid_brn(text: str) -> bool:
    """Tell whether ``text`` is a valid 사업자등록번호 (see :func:`validate_brn`)."""
    return _accepts(validate_brn, text)


def brn_from_number(value: int | str, field: str = "brn") -> str:
    """Recover a BRN from a spreadsheet cell where it became a number.

    Excel drops leading zeros and may show ``1248100998.0``; this left-pads to ten digits
    and then validates like :func:`validate_brn`, returning the ten digits.

    Raises:
        RejectedInput: negative, more than ten digits, or not a valid BRN once padded.
    """
    if not isinstance(value, bool) and isinstance(value, int) and value < 0:
        raise reject(field, "사업자등록번호가 음수입니다.", "The business registration number is negative.")
    text = str(value).strip()
    # A float-formatted cell ("1248100998.0") keeps its integer part only.
    text = re.sub(r"^(\d+)\.0+$", r"\1", text)
    digits = normalize_digits(text)
    if digits.isascii() and digits.isdigit() and len(digits) < 10:
        digits = digits.zfill(10)
    return validate_brn(digits, field)


def format_brn(digits: str) -> str:
    """Format ten BRN digits as ``AAA-BB-CCCCC``; anything else is returned unchanged."""
    d = normalize_digits(digits)
    if len(d) != 10:
        return digits
    return f"{d[:3]}-{d[3:5]}-{d[5:]}"


# --- 법인등록번호 -----------------------------------------------------------------------------


def _corp_no_check_digit(first12: str) -> int:
    total = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(first12))
    return (10 - total % 10) % 10


def validate_corp_no(text: str, field: str = "corp_no") -> str:
    """Check a 법인등록번호 (dash and full-width digits allowed) and return its 13 digits.

    Raises:
        RejectedInput: empty, not digits, not 13 digits, all zeros or wrong check digit.
    """
    name = ("법인등록번호", "corporate registration number")
    return _check_number(text, field, 13, name, "110111-1234569", _corp_no_check_digit)


def is_valid_corp_no(text: str) -> bool:
    """Tell whether ``text`` is a valid 법인등록번호 (see :func:`validate_corp_no`)."""
    return _accepts(validate_corp_no, text)


def format_corp_no(digits: str) -> str:
    """Format 13 digits as ``XXXXXX-XXXXXXX``; anything else is returned unchanged."""
    d = normalize_digits(digits)
    if len(d) != 13:
        return digits
    return f"{d[:6]}-{d[6:]}"


# --- 주민등록번호 (never stored) -------------------------------------------------------------


def _is_birth_date(yymmdd: str, gender: str) -> bool:
    # 1,2,5,6 were born in the 1900s; 3,4,7,8 in the 2000s (5-8: foreign residents).
    century = 1900 if gender in "1256" else 2000
    try:
        date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:]))
    except ValueError:
        return False
    return True


def find_rrns(text: str) -> list[str]:
    """Find what looks like 주민등록번호 in free text.

    A match is ``YYMMDD-GXXXXXX`` (dash, space or nothing between, full-width digits allowed)
    where YYMMDD is a real date in the century given by G (1-8). The check digit is not
    required (numbers issued since 2020-10 have none). Longer digit runs, dash-joined groups
    (phones, BRNs, account numbers) and masked numbers (``900101-1******``) do not match.
    A valid 법인등록번호 whose first six digits form a date (``110111-…``) is still reported:
    a missed RRN is a legal breach, a false alarm costs one click. Only a valid 법인등록번호
    right after a label such as "법인등록번호:" is let through.

    Returns:
        The matched substrings exactly as written in ``text``, in order.
    """
    scan = text.translate(_FULLWIDTH_DIGITS)
    found: list[str] = []
    for m in _RRN_RE.finditer(scan):
        yymmdd, gender, rest = m.groups()
        if not _is_birth_date(yymmdd, gender):
            continue
        thirteen = yymmdd + gender + rest
        if _CORP_NO_LABEL_RE.search(scan[max(0, m.start() - 20) : m.start()]) and is_valid_corp_no(thirteen):
            continue
        found.append(text[m.start() : m.end()])
    return found


def refuse_rrn(text: str, field: str) -> None:
    """Refuse text containing a 주민등록번호 (the message never repeats it: errors reach logs).

    Raises:
        RejectedInput: when :func:`find_rrns` finds anything.
    """
    if find_rrns(text):
        raise reject(
            field,
            "주민등록번호는 저장할 수 없습니다. 해당 번호를 지우고 다시 입력하세요.",
            "Resident registration numbers must not be stored. Remove the number and try again.",
        )


# --- phone numbers --------------------------------------------------------------------------


def _split_phone(d: str) -> tuple[str, ...] | None:
    """Split canonical digits into dash groups, or None when it is not a Korean number."""
    n = len(d)
    if n == 3 and d.startswith("1"):
        return (d,)
    if n == 4 and d.startswith("13"):
        return (d,)
    if n == 8 and d[:2] in REPRESENTATIVE_PREFIXES:
        return (d[:4], d[4:])
    if d.startswith("010"):
        return (d[:3], d[3:7], d[7:]) if n == 11 else None
    if d[:3] in OLD_MOBILE_PREFIXES or d[:3] == "070" or d[:3] in AREA_CODES:
        return (d[:3], d[3:-4], d[-4:]) if n in (10, 11) else None
    if d.startswith("02"):
        return (d[:2], d[2:-4], d[-4:]) if n in (9, 10) else None
    return None


def normalize_phone(text: str, field: str = "phone") -> str:
    """Return a Korean phone number in its canonical dashed form.

    Accepted: mobile ``010-XXXX-XXXX`` and old ``01X-XXX(X)-XXXX``; Seoul ``02-XXX(X)-XXXX``;
    area codes 031-064 and internet phone 070 with a 3 or 4 digit middle group;
    representative ``15XX/16XX/18XX-XXXX``; special service numbers ``1XX``/``13XX`` (126,
    1350, 1357, 1380) as they are. Spaces, dots, dashes, brackets and ``+82`` are accepted.

    Returns:
        e.g. ``"010-1234-5678"``, ``"02-123-4567"``, ``"1588-6565"``, ``"1357"``.

    Raises:
        RejectedInput: anything that is not one of the forms above.
    """
    d = normalize_digits(text)
    if d.startswith("+82"):
        # "+82 (0)10 ..." keeps the trunk zero in brackets; drop it before adding ours.
        d = "0" + d[3:].removeprefix("0")
    if not d:
        raise reject(field, "전화번호가 비어 있습니다.", "The phone number is empty.")
    groups = _split_phone(d) if d.isascii() and d.isdigit() else None
    if groups is None:
        raise reject(
            field,
            "전화번호 형식이 아닙니다. 예: 010-1234-5678, 02-123-4567, 061-123-4567, 1588-6565",
            "Not a Korean phone number. E.g. 010-1234-5678, 02-123-4567, 061-123-4567, 1588-6565",
        )
    return "-".join(groups)


def is_valid_phone(text: str) -> bool:
    """Tell whether ``text`` is an accepted phone number (see :func:`normalize_phone`)."""
    return _accepts(normalize_phone, text)


# --- masking (DOMAIN §6) --------------------------------------------------------------------
# Every mask_* function accepts already masked or malformed values without raising, and when it
# cannot recognise the value it hides more, never less.


def _stars(text: str) -> str:
    return "".join(c if c.isspace() else "*" for c in text)


def mask_person_name(name: str) -> str:
    """Mask a person's name: ``홍길동`` -> ``홍*동``, ``홍길`` -> ``홍*``, ``남궁민수`` -> ``남**수``.

    Names with Latin letters keep the first letter of each word (``John Smith`` ->
    ``J*** S****``). A one-character name is fully hidden.
    """
    name = name.strip()
    if not name:
        return ""
    if re.search(r"[A-Za-z]", name):
        return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split())
    name = "".join(name.split())
    if len(name) == 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """Mask the middle group of a phone number: ``010-1234-5678`` -> ``010-****-5678``.

    Representative (``1588-6565``) and special service numbers (``1357``) are public business
    numbers and are returned unmasked. Unrecognised text keeps only its last four digits.
    """
    raw = phone.strip()
    if not raw:
        return ""
    try:
        parts = normalize_phone(raw).split("-")
    except RejectedInput:
        # Not a number we know (or already masked): mask a short dashed middle group, else
        # hide every digit except the last four.
        parts = raw.split("-")
        if len(parts) != 3 or len(parts[2]) > 4:
            digits = [i for i, c in enumerate(raw) if c.isdigit()]
            hide = set(digits[:-4])
            return "".join("*" if i in hide else c for i, c in enumerate(raw))
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    return "-".join(parts)


def _mask_tail(text: str, length: int, head: Callable[[str], str]) -> str:
    d = normalize_digits(text)
    if not d:
        return ""
    return head(d) if len(d) == length else _stars(text.strip())


def mask_brn(brn: str) -> str:
    """Mask a BRN: ``1248100998`` -> ``124-81-*****``; unrecognised text is fully hidden."""
    return _mask_tail(brn, 10, lambda d: f"{d[:3]}-{d[3:5]}-*****")


def mask_corp_no(corp_no: str) -> str:
    """Mask a 법인등록번호: ``1101111234569`` -> ``110111-*******``; unrecognised text is fully hidden."""
    return _mask_tail(corp_no, 13, lambda d: f"{d[:6]}-*******")


def mask_email(email: str) -> str:
    """Mask the local part of an e-mail address: ``hong@ex.com`` -> ``h***@ex.com``.

    The first character stays when the local part has two or more; one ``*`` per hidden
    character. Text without ``@`` is masked the same way as a whole.
    """
    email = email.strip()
    if not email:
        return ""
    local, at, domain = email.partition("@")
    shown = local[0] + "*" * (len(local) - 1) if len(local) >= 2 else "*" * len(local)
    return shown + at + domain


def mask_address(address: str) -> str:
    """Keep the 시·도 and 시·군·구 (the first two words) and hide the rest.

    ``전남 순천시 산단로 12`` -> ``전남 순천시 ***``; a two-word address keeps its first word
    (``순천시 산단로`` -> ``순천시 ***``) so that the street is never shown.
    """
    words = address.split()
    if len(words) <= 1:
        return " ".join(words)
    keep = 2 if len(words) > 2 else 1
    return " ".join(words[:keep]) + " ***"


def mask_firm_name(name: str) -> str:
    """Mask a firm name, keeping legal-form markers and the first two characters.

    ``(주)광양철강`` -> ``(주)광양**``, ``광양철강 주식회사`` -> ``광양** 주식회사``. When the name
    without markers has two characters only the first is shown (``(주)한빛`` -> ``(주)한*``); a
    one-character name is fully hidden. Spaces are kept.
    """
    # Splitting on a capturing group puts the markers at the odd indexes.
    pieces = _MARKER_RE.split(name.strip())
    core_len = sum(len("".join(p.split())) for p in pieces[::2])
    to_show = 2 if core_len > 2 else core_len - 1 if core_len == 2 else 0
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(piece)
            continue
        for c in piece:
            if c.isspace():
                out.append(c)
            elif to_show > 0:
                out.append(c)
                to_show -= 1
            else:
                out.append("*")
    return "".join(out)
