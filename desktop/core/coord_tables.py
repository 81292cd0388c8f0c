"""Checks the coordinator's tables — clusters, threshold rules, half-year indicators, support programs.

Rows come from a reference CSV (``read_csv``) or from a spreadsheet sheet (the Excel reader
in ``reports.excel.coord_import`` maps headers to the same column names), as
:class:`TableRow` values. Every problem of every row is collected with its file (and
sheet), row number and column, so a whole file is accepted or refused at once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core import clusters as cl
from desktop.core.errors import Problem, RejectedInput
from desktop.core.programs import ANY, Program
from desktop.core.records import FIRM_SIZES
from desktop.core.reference_csv import ReferenceData
from desktop.core.routing import find_agency, find_field, find_region

CLUSTERS_CSV = "clusters.csv"
THRESHOLDS_CSV = "cluster_thresholds.csv"
PROGRAMS_CSV = "programs.csv"

CLUSTER_COLUMNS = ("id", "name_ko", "name_en", "kind", "region_code", "city", "ksic", "sort_order")
THRESHOLD_COLUMNS = ("level", "group", "indicator", "op", "value", "note")
INDICATOR_COLUMNS = (
    "cluster",
    "period",
    "sales_change_pct",
    "closures_growth_pct",
    "employment_change_pct",
    "firms",
    "note",
)
PROGRAM_COLUMNS = (
    "id",
    "name",
    "agency",
    "field",
    "track",
    "regions",
    "sizes",
    "ksic",
    "min_years",
    "max_years",
    "apply_from",
    "apply_to",
    "contact",
    "summary",
    "keywords",
)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_DATE = re.compile(r"^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?\.?$")
_KSIC_PREFIX = re.compile(r"[A-Ua-u]|\d{1,5}")
_NUMBER_JUNK = str.maketrans("", "", ",% \u00a0")
_ALL_WORDS = frozenset({"*", "전국", "전체", "모두", "제한없음", "all", "any", "nationwide"})


@dataclass(frozen=True, slots=True)
class TableRow:
    """One data row: where it is, its values by column name, and each column's header as written."""

    source: str
    row: int
    values: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)

    def header(self, column: str) -> str:
        return self.headers.get(column, column)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    return unicodedata.normalize("NFC", str(value)).strip()


def _split(value: Any, separators: str = ";,") -> tuple[str, ...]:
    text = _clean(value)
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return tuple(part.strip() for part in text.split(separators[0]) if part.strip())


class RowChecker:
    """Typed reads of one row's cells; each bad cell adds a :class:`Problem` instead of raising."""

    def __init__(self, row: TableRow, problems: list[Problem]) -> None:
        self.row = row
        self.problems = problems
        self._start = len(problems)

    @property
    def ok(self) -> bool:
        return len(self.problems) == self._start

    def add(self, column: str, ko: str, en: str) -> None:
        self.problems.append(Problem(self.row.header(column), ko, en, self.row.source, self.row.row))

    def raw(self, column: str) -> Any:
        return self.row.values.get(column)

    def text(self, column: str, *, required: bool = False) -> str:
        value = _clean(self.raw(column))
        if required and not value:
            self.add(column, "값이 비어 있습니다", "value is empty")
        return value

    def number(self, column: str) -> float | None:
        """A number such as ``-3.5``, ``-3.5%``, ``1,234``, ``△3.5`` (△/▽ = decrease) or ``▲2``."""
        value = self.raw(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            self.add(column, f"숫자가 아닙니다: '{value}'", f"not a number: '{value}'")
            return None
        if isinstance(value, (int, float)):
            return float(value)
        text = unicodedata.normalize("NFKC", str(value)).translate(_NUMBER_JUNK)
        sign = 1.0
        if text[:1] in ("△", "▽", "▼"):
            sign, text = -1.0, text[1:]
        elif text[:1] in ("▲", "+"):
            text = text[1:]
        text = text.replace("−", "-")
        try:
            return sign * float(text)
        except ValueError:
            self.add(column, f"숫자가 아닙니다: '{_clean(value)}'", f"not a number: '{_clean(value)}'")
            return None

    def integer(self, column: str) -> int | None:
        number = self.number(column)
        if number is None:
            return None
        if not float(number).is_integer():
            self.add(column, f"정수가 아닙니다: '{_clean(self.raw(column))}'", "not a whole number")
            return None
        return int(number)

    def day(self, column: str) -> date | None:
        value = self.raw(column)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = _clean(value)
        if not text:
            return None
        match = _DATE.match(unicodedata.normalize("NFKC", text))
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
        self.add(column, f"날짜 형식(YYYY-MM-DD)이 아닙니다: '{text}'", f"not a YYYY-MM-DD date: '{text}'")
        return None

    def period(self, column: str) -> str:
        text = self.text(column, required=True)
        if not text:
            return ""
        try:
            return cl.parse_period(text, self.row.header(column))
        except RejectedInput as exc:
            self.problems.extend(
                Problem(p.field, p.ko, p.en, self.row.source, self.row.row) for p in exc.problems
            )
            return ""

    def identifier(self, column: str) -> str:
        value = self.text(column, required=True)
        if value and not _ID.fullmatch(value):
            self.add(
                column,
                f"영문·숫자·하이픈만 씁니다: '{value}'",
                f"letters, digits and hyphens only: '{value}'",
            )
        return value

    def adopt(self, exc: RejectedInput, column: str) -> None:
        """Take the problems of a lookup that failed, as problems of this cell."""
        for p in exc.problems:
            self.add(column, p.ko, p.en)


def read_csv(path: Path, required: Sequence[str]) -> tuple[list[TableRow], list[Problem]]:
    """Rows of a UTF-8 CSV (Excel's BOM allowed) with lower-case headers; missing columns reported once."""
    source = path.name
    problems: list[Problem] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return [], [
            Problem(
                "file", f"파일을 읽을 수 없습니다 ({exc.strerror})", f"cannot read ({exc.strerror})", source
            )
        ]
    except UnicodeDecodeError:
        return [], [
            Problem(
                "file",
                "UTF-8 파일이 아닙니다. Excel에서 'CSV UTF-8(쉼표로 분리)' 형식으로 저장하세요",
                "not UTF-8; save as 'CSV UTF-8 (comma delimited)'",
                source,
            )
        ]
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return [], [Problem("file", f"CSV 형식 오류: {exc}", f"malformed CSV: {exc}", source)]
    if not records:
        return [], [Problem("file", "머리글 행이 없습니다", "the header row is missing", source, 1)]
    header = [unicodedata.normalize("NFC", h).strip().lower() for h in records[0]]
    for column in required:
        if column not in header:
            problems.append(Problem(column, "필수 열이 없습니다", "required column is missing", source, 1))
    rows: list[TableRow] = []
    for number, cells in enumerate(records[1:], start=2):
        values = [unicodedata.normalize("NFC", c).strip() for c in cells]
        if not any(values):
            continue
        if any(values[len(header) :]):
            problems.append(
                Problem("file", "머리글보다 값이 많습니다", "more values than header columns", source, number)
            )
        rows.append(TableRow(source, number, {h: v for h, v in zip(header, values, strict=False) if h}))
    return rows, problems


def fingerprint(paths: Iterable[Path]) -> str:
    """sha256 over the files' contents (a changed reference file is reloaded)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _checked(records: Sequence[Any], problems: list[Problem]) -> tuple[Any, ...]:
    if problems:
        raise RejectedInput(problems)
    return tuple(records)


def _ksic_list(check: RowChecker, column: str) -> tuple[str, ...]:
    parts = tuple(p.upper() for p in _split(check.raw(column)))
    if not parts or any(p.casefold() in _ALL_WORDS for p in parts):
        return (ANY,)
    for part in parts:
        if not _KSIC_PREFIX.fullmatch(part):
            check.add(
                column,
                f"KSIC 대분류 문자(A–U) 또는 숫자 코드가 아닙니다: '{part}'",
                f"not a KSIC section letter or numeric prefix: '{part}'",
            )
    return parts


# --- clusters -------------------------------------------------------------------------------------


def parse_clusters(
    rows: Iterable[TableRow], region_codes: Collection[str] | None
) -> tuple[list[cl.Cluster], list[Problem]]:
    problems: list[Problem] = []
    found: list[cl.Cluster] = []
    seen: dict[str, int] = {}
    for row in rows:
        check = RowChecker(row, problems)
        cluster_id = check.identifier("id")
        name_ko = check.text("name_ko", required=True)
        region = check.text("region_code", required=True)
        if region and region_codes is not None and region not in region_codes:
            check.add("region_code", f"알 수 없는 지역 코드: '{region}'", f"unknown region code '{region}'")
        ksic = _ksic_list(check, "ksic")
        order = check.integer("sort_order") or 0
        if cluster_id in seen:
            check.add(
                "id",
                f"'{cluster_id}'이(가) {seen[cluster_id]}행에도 있습니다",
                f"'{cluster_id}' repeats row {seen[cluster_id]}",
            )
        seen.setdefault(cluster_id, row.row)
        if check.ok:
            found.append(
                cl.Cluster(
                    cluster_id,
                    name_ko,
                    check.text("name_en"),
                    check.text("kind"),
                    region,
                    check.text("city"),
                    () if ksic == (ANY,) else ksic,
                    order,
                )
            )
    return found, problems


def load_clusters(path: Path, region_codes: Collection[str] | None = None) -> tuple[cl.Cluster, ...]:
    """clusters.csv as records; raises RejectedInput with every problem of the file."""
    rows, problems = read_csv(path, ("id", "name_ko", "region_code", "ksic"))
    found, more = parse_clusters(rows, region_codes)
    return _checked(found, problems + more)


# --- thresholds -----------------------------------------------------------------------------------


def parse_thresholds(
    rows: Sequence[TableRow], source: str | None = None
) -> tuple[list[cl.ThresholdRule], list[Problem]]:
    """Threshold rule rows; when all rows are clean, the rule set as a whole is checked too."""
    problems: list[Problem] = []
    found: list[cl.ThresholdRule] = []
    for row in rows:
        check = RowChecker(row, problems)
        level_text = check.text("level", required=True)
        level_code = ""
        if level_text:
            try:
                level_code = cl.level(level_text).code
            except RejectedInput as exc:
                check.adopt(exc, "level")
            if level_code and level_code not in (cl.CAUTION.code, cl.SEVERE.code):
                check.add("level", "기준은 주의·심각 단계에만 둡니다", "rules are for caution/severe only")
        group = check.text("group", required=True)
        indicator = check.text("indicator", required=True)
        if indicator and indicator not in cl.INDICATOR_CODES:
            check.add(
                "indicator",
                f"알 수 없는 지표: '{indicator}' ({', '.join(cl.INDICATOR_CODES)})",
                f"unknown indicator '{indicator}'",
            )
        op = check.text("op", required=True)
        if op and op not in cl.OPERATORS:
            check.add("op", f"비교는 <= 또는 >= 입니다: '{op}'", f"op must be <= or >=: '{op}'")
        value = check.number("value")
        if value is None and not check.text("value"):
            check.add("value", "값이 비어 있습니다", "value is empty")
        if check.ok and value is not None:
            found.append(cl.ThresholdRule(level_code, group, indicator, op, value, check.text("note")))
    if not problems:
        where = source or next((r.source for r in rows), None)
        for index, column, ko, en in cl.check_rules(found):
            if index < 0:
                problems.append(Problem(column, ko, en, where))
    return found, problems


def load_thresholds(path: Path) -> tuple[cl.ThresholdRule, ...]:
    """cluster_thresholds.csv as rules; raises RejectedInput with every problem of the file."""
    rows, problems = read_csv(path, ("level", "group", "indicator", "op", "value"))
    found, more = parse_thresholds(rows, path.name)
    return _checked(found, problems + more)


# --- indicators -----------------------------------------------------------------------------------


def _cluster_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def parse_indicators(
    rows: Iterable[TableRow], known: Sequence[cl.Cluster]
) -> tuple[list[cl.Indicators], list[Problem]]:
    """Indicator rows: cluster (id or name), half-year, the three indicators (at least one), firms."""
    problems: list[Problem] = []
    found: list[cl.Indicators] = []
    by_key: dict[str, cl.Cluster] = {}
    for item in known:
        for name in (item.id, item.name_ko, item.name_en):
            if name:
                by_key.setdefault(_cluster_key(name), item)
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for row in rows:
        check = RowChecker(row, problems)
        written = check.text("cluster", required=True)
        cluster = by_key.get(_cluster_key(written)) if written else None
        if written and cluster is None:
            check.add(
                "cluster",
                f"등록되지 않은 밀집지역입니다: '{written}' (밀집지역 코드 또는 이름)",
                f"unknown cluster '{written}' (cluster id or name)",
            )
        period = check.period("period")
        values = {code: check.number(code) for code in cl.INDICATOR_CODES}
        firms = check.integer("firms")
        if firms is not None and firms < 0:
            check.add("firms", "업체 수는 0 이상입니다", "firms must be 0 or more")
        if all(v is None for v in values.values()) and not any(
            _clean(check.raw(c)) for c in cl.INDICATOR_CODES
        ):
            check.add(
                "sales_change_pct",
                "지표(매출액·휴폐업·고용)가 하나도 없습니다",
                "no indicator (sales, closures, employment) in the row",
            )
        for code, value in values.items():
            if value is not None and not -100.0 <= value <= 10_000.0:
                check.add(
                    code, f"범위를 벗어난 비율입니다: {value:g}%", f"percentage out of range: {value:g}%"
                )
        if cluster is not None and period:
            key = (cluster.id, period)
            if key in seen:
                where, number = seen[key]
                check.add(
                    "period",
                    f"같은 밀집지역·반기가 {where} {number}행에도 있습니다",
                    f"same cluster and half-year as {where} row {number}",
                )
            seen.setdefault(key, (row.source, row.row))
        if check.ok and cluster is not None:
            found.append(
                cl.Indicators(
                    cluster.id,
                    period,
                    values["sales_change_pct"],
                    values["closures_growth_pct"],
                    values["employment_change_pct"],
                    firms,
                    check.text("note"),
                )
            )
    return found, problems


# --- programs -------------------------------------------------------------------------------------


def program_id(agency_id: str, name: str) -> str:
    """A stable id for a program listed without one: agency + hash of the name."""
    digest = hashlib.sha1(_cluster_key(name).encode()).hexdigest()[:8]
    return f"{agency_id or 'P'}-{digest}".upper()


def parse_programs(
    rows: Iterable[TableRow], ref: ReferenceData, on: date
) -> tuple[list[Program], list[Problem]]:
    """Program rows; agency, field and regions may be written as names (resolved on ``on``)."""
    problems: list[Problem] = []
    found: list[Program] = []
    seen: dict[str, tuple[str, int]] = {}
    for row in rows:
        check = RowChecker(row, problems)
        name = check.text("name", required=True)
        agency_id = ""
        agency_text = check.text("agency", required=True)
        if agency_text:
            try:
                agency_id = find_agency(agency_text, on, ref).id
            except RejectedInput as exc:
                check.adopt(exc, "agency")
        field_code = ""
        field_text = check.text("field", required=True)
        if field_text:
            try:
                field_code = find_field(field_text, ref).code
            except RejectedInput as exc:
                check.adopt(exc, "field")
        track_code = ""
        try:
            chosen = cl.track(check.text("track"))
            track_code = chosen.code if chosen else ""
        except RejectedInput as exc:
            check.adopt(exc, "track")
        regions = _regions(check, ref, on)
        sizes = _sizes(check)
        ksic = _ksic_list(check, "ksic")
        min_years, max_years = check.integer("min_years"), check.integer("max_years")
        for column, years in (("min_years", min_years), ("max_years", max_years)):
            if years is not None and not 0 <= years <= 200:
                check.add(column, f"업력 범위를 벗어났습니다: {years}", f"years out of range: {years}")
        if min_years is not None and max_years is not None and min_years > max_years:
            check.add(
                "min_years", f"최소 업력({min_years})이 최대({max_years})보다 큽니다", "min_years > max_years"
            )
        start, end = check.day("apply_from"), check.day("apply_to")
        if start and end and start > end:
            check.add("apply_from", f"접수 시작({start})이 마감({end})보다 늦습니다", "apply_from > apply_to")
        given_id = check.text("id")
        if given_id and not _ID.fullmatch(given_id):
            check.add(
                "id",
                f"영문·숫자·하이픈만 씁니다: '{given_id}'",
                f"letters, digits and hyphens only: '{given_id}'",
            )
        ident = given_id or (program_id(agency_id, name) if name else "")
        if ident and ident in seen:
            where, number = seen[ident]
            check.add(
                "id" if given_id else "name",
                f"같은 사업이 {where} {number}행에도 있습니다",
                f"same program as {where} row {number}",
            )
        if ident:
            seen.setdefault(ident, (row.source, row.row))
        if check.ok:
            found.append(
                Program(
                    id=ident,
                    name=name,
                    agency_id=agency_id,
                    field_code=field_code,
                    track=track_code,
                    regions=regions,
                    sizes=sizes,
                    ksic=ksic,
                    min_years=min_years,
                    max_years=max_years,
                    apply_from=start,
                    apply_to=end,
                    contact=check.text("contact"),
                    summary=check.text("summary"),
                    keywords=_split(check.raw("keywords")),
                )
            )
    return found, problems


def _regions(check: RowChecker, ref: ReferenceData, on: date) -> tuple[str, ...]:
    parts = _split(check.raw("regions"), ";,/·")
    if not parts or any(p.casefold() in _ALL_WORDS for p in parts):
        return (ANY,)
    codes: list[str] = []
    for part in parts:
        known = [r for r in ref.regions if r.code == part]
        if known:
            codes.append(part)
            continue
        try:
            codes.append(find_region(part, on, ref).code)
        except RejectedInput:
            check.add("regions", f"알 수 없는 지역: '{part}'", f"unknown region '{part}'")
    return tuple(dict.fromkeys(codes))


def _sizes(check: RowChecker) -> tuple[str, ...]:
    parts = _split(check.raw("sizes"), ";,/·")
    if not parts or any(p.casefold() in _ALL_WORDS for p in parts):
        return (ANY,)
    for part in parts:
        if part not in FIRM_SIZES:
            check.add(
                "sizes",
                f"알 수 없는 기업 규모: '{part}' ({', '.join(FIRM_SIZES)})",
                f"unknown firm size '{part}'",
            )
    return parts


def load_programs(path: Path, ref: ReferenceData, on: date) -> tuple[Program, ...]:
    """programs.csv as records; raises RejectedInput with every problem of the file."""
    rows, problems = read_csv(path, ("name", "agency", "field"))
    found, more = parse_programs(rows, ref, on)
    return _checked(found, problems + more)
