"""Spreadsheet imports for the coordinator: cluster indicators per half-year and the support-program catalog.

Same rules as the clinic-log import: the file is checked as a safe .xlsx, every visible sheet
with a recognisable header row is read, every bad row is listed with sheet, row number and
column, and **nothing is stored if any row is bad**. Headers are matched by their usual
Korean and English names (spaces, brackets and units such as ``(%)`` ignored).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core import coord_tables
from desktop.core.clusters import Indicators
from desktop.core.coord_tables import TableRow
from desktop.core.errors import Problem, RejectedInput
from desktop.core.programs import Program
from desktop.core.records import Actor
from desktop.store import clusters as store_clusters
from desktop.store import programs as store_programs
from desktop.store import reference
from desktop.store.db import Database
from reports.excel import cell_values as cv
from reports.excel.workbook_reader import check_xlsx, read_sheets
from reports.scratch import atomic_target

HEADER_SCAN_ROWS = 15

INDICATOR_HEADERS: Mapping[str, tuple[str, ...]] = {
    "cluster": (
        "밀집지역",
        "밀집지역명",
        "밀집지역코드",
        "밀집지역 ID",
        "클러스터",
        "cluster",
        "cluster_id",
        "코드",
    ),
    "period": ("반기", "기간", "평가반기", "평가기간", "기준반기", "period", "half"),
    "sales_change_pct": (
        "매출액 증감률",
        "매출 증감률",
        "매출액 증감",
        "매출증감",
        "매출액 변동률",
        "sales_change_pct",
        "sales change",
        "sales",
    ),
    "closures_growth_pct": (
        "휴폐업 업체수 증가율",
        "휴·폐업 업체 수 증가율",
        "휴폐업 증가율",
        "휴폐업",
        "폐업 증가율",
        "closures_growth_pct",
        "closures growth",
        "closures",
    ),
    "employment_change_pct": (
        "고용 증감률",
        "고용증감",
        "고용 증감",
        "종사자 증감률",
        "employment_change_pct",
        "employment change",
        "employment",
    ),
    "firms": ("업체수", "업체 수", "기업수", "기업 수", "입주기업수", "firms"),
    "note": ("비고", "메모", "note"),
}
INDICATOR_REQUIRED = ("cluster", "period")

PROGRAM_HEADERS: Mapping[str, tuple[str, ...]] = {
    "id": ("사업코드", "사업 코드", "코드", "id", "program_id"),
    "name": ("사업명", "지원사업명", "지원사업", "프로그램명", "name", "program"),
    "agency": ("기관", "주관기관", "담당기관", "운영기관", "수행기관", "agency"),
    "field": ("분야", "지원분야", "field"),
    "track": ("지원유형", "위기지원 유형", "위기대응 유형", "track"),
    "regions": ("지역", "대상지역", "지원지역", "regions", "region"),
    "sizes": ("기업규모", "대상 규모", "규모", "sizes", "size"),
    "ksic": ("업종", "대상업종", "업종코드", "KSIC", "ksic"),
    "min_years": ("최소 업력", "업력 이상", "업력(이상)", "min_years"),
    "max_years": ("최대 업력", "업력 이내", "업력(이내)", "max_years"),
    "apply_from": ("접수 시작", "접수시작일", "신청 시작", "모집 시작", "apply_from"),
    "apply_to": ("접수 마감", "접수마감일", "신청 마감", "모집 마감", "apply_to"),
    "contact": ("문의처", "문의", "연락처", "담당부서", "contact"),
    "summary": ("지원내용", "사업내용", "내용", "개요", "summary"),
    "keywords": ("키워드", "검색어", "keywords"),
}
PROGRAM_REQUIRED = ("name", "agency", "field")

_IGNORE = re.compile(r"[\s()\[\]{}.,·ㆍ/\\:;*_\-~'\"“”‘’#%]+")
_UNITS = ("퍼센트", "percent", "pct")


def _key(text: str) -> str:
    key = _IGNORE.sub("", unicodedata.normalize("NFC", text)).casefold()
    for unit in _UNITS:
        if key.endswith(unit) and len(key) > len(unit):
            key = key[: -len(unit)]
    return key


@dataclass(frozen=True, slots=True)
class SheetTable:
    """Rows of one sheet with a recognised header, ready for :mod:`desktop.core.coord_tables`."""

    sheet: str
    header_row: int
    mapping: dict[str, str]
    rows: tuple[TableRow, ...]


def _map(cells: Sequence[Any], synonyms: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[int, str]]:
    exact = {_key(name): target for target, names in synonyms.items() for name in names}
    found: dict[str, tuple[int, str]] = {}
    for column, value in enumerate(cells):
        text = cv.text_of(value)
        target = exact.get(_key(text)) if text else None
        if target is not None and target not in found:
            found[target] = (column, text)
    return found


def read_tables(
    path: Path, synonyms: Mapping[str, tuple[str, ...]], required: Sequence[str]
) -> tuple[list[SheetTable], list[Problem]]:
    """Every visible sheet whose first rows hold a header naming the ``required`` columns.

    Raises:
        RejectedInput: not a safe, readable .xlsx file.
    """
    check_xlsx(path)
    tables: list[SheetTable] = []
    problems: list[Problem] = []
    for sheet in read_sheets(path):
        source = f"{path.name}:{sheet.name}"
        head: list[tuple[int, list[Any]]] = []
        header: tuple[int, dict[str, tuple[int, str]]] | None = None
        rows: list[TableRow] = []
        for number, cells in sheet.rows:
            if header is None:
                head.append((number, cells))
                mapping = _map(cells, synonyms)
                if all(t in mapping for t in required):
                    header = (number, mapping)
                elif len(head) >= HEADER_SCAN_ROWS:
                    break
                continue
            mapping = header[1]
            values = {t: (cells[c] if c < len(cells) else None) for t, (c, _) in mapping.items()}
            if all(cv.is_blank(v) for t, v in values.items() if t != "note"):
                continue
            if any(cv.is_total_label(c) for c in cells):
                continue
            rows.append(TableRow(source, number, values, {t: h for t, (_, h) in mapping.items()}))
        if header is not None:
            tables.append(
                SheetTable(sheet.name, header[0], {t: h for t, (_, h) in header[1].items()}, tuple(rows))
            )
    if not tables:
        names = ", ".join(synonyms[t][0] for t in required)
        problems.append(
            Problem(
                "file",
                f"머리글 행을 찾지 못했습니다 (필수 열: {names}).",
                f"No header row found (required columns: {', '.join(required)}).",
                path.name,
            )
        )
    elif not any(t.rows for t in tables):
        problems.append(Problem("file", "가져올 행이 없습니다.", "There are no rows to import.", path.name))
    return tables, problems


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise RejectedInput(problems)


@dataclass(frozen=True, slots=True)
class IndicatorPreview:
    """Indicator rows read and checked, before anything is stored."""

    source: Path
    tables: tuple[SheetTable, ...]
    records: tuple[Indicators, ...]
    problems: tuple[Problem, ...]


def preview_indicators(db: Database, path: Path) -> IndicatorPreview:
    """Read and check an indicator workbook without storing anything (problems listed, not raised)."""
    tables, problems = read_tables(path, INDICATOR_HEADERS, INDICATOR_REQUIRED)
    rows = [row for table in tables for row in table.rows]
    records, more = coord_tables.parse_indicators(rows, store_clusters.list_clusters(db))
    return IndicatorPreview(path, tuple(tables), tuple(records), tuple(problems + more))


def import_indicators(
    db: Database, path: Path, actor: Actor, *, dry_run: bool = False
) -> tuple[IndicatorPreview, store_clusters.IndicatorImport | None]:
    """Import cluster indicators from a workbook: all rows or none, then rate the half-years covered.

    Raises:
        RejectedInput: listing every bad row (sheet, row, column); nothing was stored.
    """
    preview = preview_indicators(db, path)
    _refuse(list(preview.problems))
    if dry_run:
        return preview, None
    return preview, store_clusters.import_indicators(db, preview.records, path.name, actor)


@dataclass(frozen=True, slots=True)
class ProgramPreview:
    """Program rows read and checked, before anything is stored."""

    source: Path
    tables: tuple[SheetTable, ...]
    records: tuple[Program, ...]
    problems: tuple[Problem, ...]


def preview_programs(db: Database, path: Path, on: date | None = None) -> ProgramPreview:
    """Read and check a program workbook without storing anything."""
    tables, problems = read_tables(path, PROGRAM_HEADERS, PROGRAM_REQUIRED)
    rows = [row for table in tables for row in table.rows]
    records, more = coord_tables.parse_programs(rows, reference.reference_data(db), on or date.today())
    return ProgramPreview(path, tuple(tables), tuple(records), tuple(problems + more))


def import_programs(
    db: Database, path: Path, actor: Actor, *, replace: bool = True, dry_run: bool = False
) -> tuple[ProgramPreview, store_programs.CatalogImport | None]:
    """Import the support-program catalog from a workbook: all rows or none.

    With ``replace`` the workbook is the whole catalog (programs it does not list are
    deactivated); otherwise its programs are added or updated.

    Raises:
        RejectedInput: listing every bad row (sheet, row, column); nothing was stored.
    """
    preview = preview_programs(db, path)
    _refuse(list(preview.problems))
    if dry_run:
        return preview, None
    result = store_programs.import_catalog(db, preview.records, path.name, actor, replace=replace)
    return preview, result


def write_template(path: Path, kind: str, rows: Sequence[Sequence[Any]] = ()) -> Path:
    """An empty (or sample) workbook with the expected headers: ``kind`` = indicators | programs."""
    from openpyxl import Workbook

    headers: dict[str, list[str]] = {
        "indicators": [
            "밀집지역코드",
            "밀집지역명",
            "반기",
            "매출액 증감률(%)",
            "휴폐업 업체수 증가율(%)",
            "고용 증감률(%)",
            "업체수",
            "비고",
        ],
        "programs": [names[0] for names in PROGRAM_HEADERS.values()],
    }
    if kind not in headers:
        raise ValueError(f"unknown template {kind!r}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "지표" if kind == "indicators" else "지원사업"
    ws.append(headers[kind])
    for row in rows:
        ws.append(list(row))
    for column in ws.columns:
        ws.column_dimensions[column[0].column_letter].width = 16
    with atomic_target(path) as tmp:
        wb.save(tmp)
    return path
