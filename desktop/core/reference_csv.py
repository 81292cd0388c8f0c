"""Reads and checks the editable reference CSVs: fields, agencies, regions, routing rules, holidays."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from desktop.core.errors import Problem, RejectedInput
from desktop.core.records import (
    FIRM_SIZES,
    Agency,
    AgencyId,
    Field,
    FieldCode,
    Region,
    RegionCode,
    RoutingRule,
)

ANY = "*"
FIELDS_CSV = "fields.csv"
AGENCIES_CSV = "agencies.csv"
REGIONS_CSV = "regions.csv"
ROUTING_RULES_CSV = "routing_rules.csv"
HOLIDAYS_CSV = "holidays_override.csv"

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PHONE_RE = re.compile(r"\d+(?:-\d+)*")
_FIELD_CODE_RE = re.compile(r"F\d{2}")
_REGION_CODE_RE = re.compile(r"\d{2}")
_AGENCY_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_Period = tuple[date | None, date | None]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class HolidayOverride:
    """One row of holidays_override.csv: add (is_holiday) or remove a public holiday."""

    date: date
    name: str
    is_holiday: bool


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """All reference tables, as loaded from one folder."""

    fields: tuple[Field, ...]
    agencies: tuple[Agency, ...]
    regions: tuple[Region, ...]
    routing_rules: tuple[RoutingRule, ...]
    holiday_overrides: tuple[HolidayOverride, ...]


def _clean(value: str) -> str:
    # Why NFC: LibreOffice on macOS may save decomposed Hangul, which then never compares equal.
    return unicodedata.normalize("NFC", value).strip()


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in (_clean(p) for p in value.split(";")) if part)


class _Sheet:
    """One CSV file being read; problems are collected so the manager sees them all at once."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.source = path.name
        self.problems: list[Problem] = []
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.header: tuple[str, ...] = ()
        self._read(path, columns)

    def add(self, column: str, row: int | None, ko: str, en: str) -> None:
        self.problems.append(Problem(column, ko, en, self.source, row))

    def _read(self, path: Path, columns: Sequence[str]) -> None:
        try:
            text = path.read_bytes().decode("utf-8-sig")  # utf-8-sig: Excel's "CSV UTF-8" adds a BOM
        except OSError as exc:
            self.add(
                "file", None, f"파일을 읽을 수 없습니다 ({exc.strerror})", f"cannot read ({exc.strerror})"
            )
            return
        except UnicodeDecodeError:
            self.add(
                "file",
                None,
                "UTF-8 파일이 아닙니다. Excel에서 'CSV UTF-8(쉼표로 분리)' 형식으로 저장하세요",
                "not UTF-8; save as 'CSV UTF-8 (comma delimited)'",
            )
            return
        try:
            records = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            self.add("file", None, f"CSV 형식 오류: {exc}", f"malformed CSV: {exc}")
            return
        if not records:
            self.add("file", 1, "머리글 행이 없습니다", "the header row is missing")
            return
        self.header = tuple(_clean(h).lower() for h in records[0])
        for column in columns:
            if column not in self.header:
                self.add(column, 1, "필수 열이 없습니다", "required column is missing")
        for column in sorted({h for h in self.header if h and self.header.count(h) > 1}):
            self.add(column, 1, "같은 이름의 열이 두 번 이상 있습니다", "column appears more than once")
        # Spreadsheet row numbers (header = 1) so the manager can jump straight to the row.
        for number, cells in enumerate(records[1:], start=2):
            values = [_clean(c) for c in cells]
            if not any(values):
                continue  # Excel leaves trailing ",,,," rows behind; they mean nothing
            if any(values[len(self.header) :]):
                self.add("file", number, "머리글보다 값이 많습니다", "more values than header columns")
            self.rows.append((number, {h: v for h, v in zip(self.header, values, strict=False) if h}))

    def text(self, number: int, row: dict[str, str], column: str, *, required: bool = True) -> str:
        value = row.get(column, "")
        # A missing column is reported once at the header, not again on every row.
        if required and not value and column in self.header:
            self.add(column, number, "값이 비어 있습니다", "value is empty")
        return value

    def day(self, number: int, row: dict[str, str], column: str) -> date | None:
        value = row.get(column, "")
        if not value:
            return None
        if _DATE_RE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.add(
            column,
            number,
            f"날짜 형식(YYYY-MM-DD)이 아닙니다: '{value}'",
            f"not a YYYY-MM-DD date: '{value}'",
        )
        return None

    def integer(self, number: int, row: dict[str, str], column: str) -> int:
        value = self.text(number, row, column)
        try:
            return int(value)
        except ValueError:
            if value:
                self.add(column, number, f"정수가 아닙니다: '{value}'", f"not an integer: '{value}'")
            return 0

    def period(self, number: int, row: dict[str, str]) -> _Period:
        start, end = self.day(number, row, "valid_from"), self.day(number, row, "valid_to")
        if start is not None and end is not None and start > end:
            self.add(
                "valid_from", number, f"시작일({start})이 종료일({end})보다 늦습니다", "valid_from > valid_to"
            )
        return start, end

    def pattern(self, number: int, column: str, value: str, regex: re.Pattern[str], hint: str) -> None:
        if value and not regex.fullmatch(value):
            self.add(
                column, number, f"형식이 올바르지 않습니다: '{value}' ({hint})", f"bad format: '{value}'"
            )

    def unique(self, column: str, entries: Sequence[tuple[str, int, _Period]]) -> None:
        """Report keys used twice in overlapping validity periods (renamed rows may reuse a key)."""
        for i, (key, row, (start, end)) in enumerate(entries):
            for other_key, other_row, (other_start, other_end) in entries[:i]:
                if key == other_key and _overlap(start, end, other_start, other_end):
                    ko, en = (
                        f"'{key}'이(가) {other_row}행과 유효기간이 겹칩니다",
                        f"'{key}' overlaps row {other_row}",
                    )
                    self.add(column, row, ko, en)

    def successor(
        self, number: int, row: dict[str, str], column: str, end: date | None, out: list[tuple[int, str]]
    ) -> str:
        """Read a successor reference; it is checked once the whole file is read (it may point down)."""
        value = row.get(column, "")
        if value and end is None:
            self.add("valid_to", number, "후속이 지정되면 종료일이 필요합니다", f"{column} needs valid_to")
        out.append((number, value))
        return value

    def known(self, number: int, column: str, value: str, known: Collection[str] | None, what: str) -> None:
        if known is not None and value and value != ANY and value not in known:
            self.add(column, number, f"알 수 없는 {what}: '{value}'", f"unknown {column}: '{value}'")


def _overlap(a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None) -> bool:
    return (a_start or date.min) <= (b_end or date.max) and (b_start or date.min) <= (a_end or date.max)


def _parse_fields(path: Path) -> tuple[tuple[Field, ...], list[Problem]]:
    sheet = _Sheet(path, ("code", "name_ko", "name_en", "keywords", "sort_order"))
    records: list[Field] = []
    seen: list[tuple[str, int, _Period]] = []
    for number, row in sheet.rows:
        before = len(sheet.problems)
        code = sheet.text(number, row, "code")
        sheet.pattern(number, "code", code, _FIELD_CODE_RE, "F01 형식")
        name_ko, name_en = sheet.text(number, row, "name_ko"), sheet.text(number, row, "name_en")
        keywords = _split(sheet.text(number, row, "keywords", required=False))
        order = sheet.integer(number, row, "sort_order")
        seen.append((code, number, (None, None)))
        if len(sheet.problems) == before:
            records.append(Field(FieldCode(code), name_ko, name_en, keywords, order))
    sheet.unique("code", seen)
    return tuple(records), sheet.problems


def _parse_regions(path: Path) -> tuple[tuple[Region, ...], list[Problem]]:
    columns = ("code", "name_ko", "name_en", "short_name", "valid_from", "valid_to", "successor_code")
    sheet = _Sheet(path, columns)
    records: list[Region] = []
    seen: list[tuple[str, int, _Period]] = []
    successors: list[tuple[int, str]] = []
    for number, row in sheet.rows:
        before = len(sheet.problems)
        code = sheet.text(number, row, "code")
        sheet.pattern(number, "code", code, _REGION_CODE_RE, "두 자리 숫자")
        name_ko, name_en = sheet.text(number, row, "name_ko"), sheet.text(number, row, "name_en")
        short = sheet.text(number, row, "short_name", required=False)
        start, end = sheet.period(number, row)
        successor = sheet.successor(number, row, "successor_code", end, successors)
        seen.append((code, number, (start, end)))
        if len(sheet.problems) == before:
            records.append(Region(RegionCode(code), name_ko, name_en, short, start, end, successor))
    codes = {code for code, _, _ in seen}
    for number, successor in successors:
        sheet.known(number, "successor_code", successor, codes, "지역 코드")
    sheet.unique("code", seen)
    return tuple(records), sheet.problems


def _parse_agencies(
    path: Path, region_codes: Collection[str] | None
) -> tuple[tuple[Agency, ...], list[Problem]]:
    columns = ("id", "name_ko", "name_en", "short_name", "phone", "kind", "region_code")
    sheet = _Sheet(path, (*columns, "valid_from", "valid_to", "former_names", "successor_id"))
    records: list[Agency] = []
    seen: list[tuple[str, int, _Period]] = []
    successors: list[tuple[int, str]] = []
    for number, row in sheet.rows:
        before = len(sheet.problems)
        agency_id = sheet.text(number, row, "id")
        sheet.pattern(number, "id", agency_id, _AGENCY_ID_RE, "영문·숫자·하이픈")
        name_ko, name_en = sheet.text(number, row, "name_ko"), sheet.text(number, row, "name_en")
        short, kind = (sheet.text(number, row, c, required=False) for c in ("short_name", "kind"))
        phone = sheet.text(number, row, "phone", required=False)
        sheet.pattern(number, "phone", phone, _PHONE_RE, "숫자와 하이픈, 예: 1588-6565")
        if phone and not 3 <= sum(ch.isdigit() for ch in phone) <= 12:
            sheet.add("phone", number, f"전화번호 자릿수가 맞지 않습니다: '{phone}'", f"bad phone '{phone}'")
        region = sheet.text(number, row, "region_code", required=False)
        sheet.known(number, "region_code", region, region_codes, "지역 코드")
        start, end = sheet.period(number, row)
        former = _split(sheet.text(number, row, "former_names", required=False))
        successor = sheet.successor(number, row, "successor_id", end, successors)
        seen.append((agency_id, number, (start, end)))
        if len(sheet.problems) == before:
            identity = (AgencyId(agency_id), name_ko, name_en, short, phone, kind, region)
            records.append(Agency(*identity, start, end, former, successor))
    ids = {agency_id for agency_id, _, _ in seen}
    for number, successor in successors:
        sheet.known(number, "successor_id", successor, ids, "기관 ID")
    sheet.unique("id", seen)
    return tuple(records), sheet.problems


def _parse_rules(
    path: Path,
    field_codes: Collection[str] | None,
    agency_ids: Collection[str] | None,
    region_codes: Collection[str] | None,
) -> tuple[tuple[RoutingRule, ...], list[Problem]]:
    columns = ("field_code", "region_code", "firm_size", "agency_id", "priority", "valid_from", "valid_to")
    sheet = _Sheet(path, (*columns, "note"))
    records: list[RoutingRule] = []
    for number, row in sheet.rows:
        before = len(sheet.problems)
        field = sheet.text(number, row, "field_code")
        sheet.pattern(number, "field_code", field, _FIELD_CODE_RE, "F01 형식, '*' 불가")
        sheet.known(number, "field_code", field, field_codes, "분야 코드")
        region = sheet.text(number, row, "region_code") or ANY
        if region != ANY:
            sheet.pattern(number, "region_code", region, _REGION_CODE_RE, "두 자리 숫자 또는 *")
        sheet.known(number, "region_code", region, region_codes, "지역 코드")
        size = sheet.text(number, row, "firm_size") or ANY
        sheet.known(number, "firm_size", size, FIRM_SIZES, "기업 규모")
        agency = sheet.text(number, row, "agency_id")
        sheet.known(number, "agency_id", agency, agency_ids, "기관 ID")
        priority = sheet.integer(number, row, "priority")
        start, end = sheet.period(number, row)
        note = sheet.text(number, row, "note", required=False)
        if len(sheet.problems) == before:
            records.append(RoutingRule(field, region, size, agency, priority, start, end, note))
    return tuple(records), sheet.problems


def _parse_holidays(path: Path) -> tuple[tuple[HolidayOverride, ...], list[Problem]]:
    sheet = _Sheet(path, ("date", "name", "is_holiday"))
    records: list[HolidayOverride] = []
    seen: list[tuple[str, int, _Period]] = []
    for number, row in sheet.rows:
        before = len(sheet.problems)
        day = sheet.day(number, row, "date")
        if day is None and not row.get("date"):
            sheet.text(number, row, "date")
        flag = sheet.text(number, row, "is_holiday")
        if flag and flag not in ("0", "1"):
            sheet.add("is_holiday", number, f"0 또는 1이어야 합니다: '{flag}'", f"not 0 or 1: '{flag}'")
        name = sheet.text(number, row, "name", required=flag == "1")
        seen.append((row.get("date", ""), number, (None, None)))
        if day is not None and len(sheet.problems) == before:
            records.append(HolidayOverride(day, name, flag == "1"))
    sheet.unique("date", seen)
    return tuple(records), sheet.problems


def _checked(parsed: tuple[tuple[_T, ...], list[Problem]]) -> tuple[_T, ...]:
    records, problems = parsed
    if problems:
        raise RejectedInput(problems)
    return records


def load_fields(path: Path) -> tuple[Field, ...]:
    """Load fields.csv; raises RejectedInput with every problem of the file."""
    return _checked(_parse_fields(path))


def load_regions(path: Path) -> tuple[Region, ...]:
    """Load regions.csv (dated 시·도 rows); raises RejectedInput with every problem of the file."""
    return _checked(_parse_regions(path))


def load_agencies(path: Path, *, region_codes: Collection[str] | None = None) -> tuple[Agency, ...]:
    """Load agencies.csv, checking ``region_code`` against ``region_codes`` when given.

    Raises:
        RejectedInput: with every problem found in the file.
    """
    return _checked(_parse_agencies(path, region_codes))


def load_routing_rules(
    path: Path,
    *,
    field_codes: Collection[str] | None = None,
    agency_ids: Collection[str] | None = None,
    region_codes: Collection[str] | None = None,
) -> tuple[RoutingRule, ...]:
    """Load routing_rules.csv, checking references against the collections that are given.

    Raises:
        RejectedInput: with every problem found in the file.
    """
    return _checked(_parse_rules(path, field_codes, agency_ids, region_codes))


def load_holiday_overrides(path: Path) -> tuple[HolidayOverride, ...]:
    """Load holidays_override.csv (is_holiday 1 adds a day, 0 removes one); raises RejectedInput."""
    return _checked(_parse_holidays(path))


def load_reference(folder: Path) -> ReferenceData:
    """Load and cross-check the five reference CSVs of ``folder``.

    Cross-references (rule → field/agency/region, agency → region) are checked only against
    files that are themselves clean, so one broken file does not bury the others in echoes.

    Raises:
        RejectedInput: with the problems of all five files together.
    """
    fields, field_problems = _parse_fields(folder / FIELDS_CSV)
    regions, region_problems = _parse_regions(folder / REGIONS_CSV)
    region_codes = None if region_problems else {r.code for r in regions}
    agencies, agency_problems = _parse_agencies(folder / AGENCIES_CSV, region_codes)
    rules, rule_problems = _parse_rules(
        folder / ROUTING_RULES_CSV,
        None if field_problems else {f.code for f in fields},
        None if agency_problems else {a.id for a in agencies},
        region_codes,
    )
    holidays, holiday_problems = _parse_holidays(folder / HOLIDAYS_CSV)
    problems = [*field_problems, *region_problems, *agency_problems, *rule_problems, *holiday_problems]
    if problems:
        raise RejectedInput(problems)
    return ReferenceData(fields, agencies, regions, rules, holidays)
