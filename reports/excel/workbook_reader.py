"""Opening untrusted .xlsx files safely: format and zip-bomb checks, rows as values, merged cells filled.

Formulas are never evaluated: openpyxl reads the values Excel cached (``data_only``). The
workbook is read in read-only (streaming) mode whatever its size; read-only mode cannot see
merged cells, so their ranges are read from the sheet XML directly (streamed too) and the
top-left value is copied into every cell of a merged range (a date or firm merged over the
rows of one visit).
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from desktop.core.errors import reject

MAX_ENTRIES = 10_000
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024
"""Entries smaller than this may compress well without being suspicious."""
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class SheetRows:
    """One worksheet: its name and a stream of (row number, cell values) with merged cells filled."""

    name: str
    rows: Iterator[tuple[int, list[Any]]]


def _refuse(path: Path, ko: str, en: str) -> Exception:
    return reject("file", ko, en, source=path.name)


def check_xlsx(path: Path) -> str:
    """Refuse what is not a safe .xlsx file before any parser sees it; returns the file's sha256.

    Raises:
        RejectedInput: wrong extension, not a zip (e.g. .xls or an encrypted workbook), too many
            entries, too large once uncompressed, suspicious compression ratio (zip bomb), or not
            an Excel workbook inside.
    """
    if not path.is_file():
        raise _refuse(path, f"파일을 찾을 수 없습니다: {path}", f"File not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".xlsm", ".xlsb", ".csv", ".ods"):
        raise _refuse(
            path,
            f"{suffix} 파일은 가져올 수 없습니다. Excel에서 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 "
            "다시 시도하세요.",
            f"{suffix} files cannot be imported. Save as 'Excel Workbook (*.xlsx)'.",
        )
    if suffix != ".xlsx":
        raise _refuse(path, "xlsx 파일만 가져올 수 있습니다.", "Only .xlsx files can be imported.")
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic == _OLE_MAGIC:
        raise _refuse(
            path,
            "암호가 걸렸거나 옛 형식(.xls)인 파일입니다. 암호를 풀고 .xlsx로 저장하세요.",
            "The file is password-protected or in the old .xls format. Remove the password and "
            "save it as .xlsx.",
        )
    if magic != _ZIP_MAGIC or not zipfile.is_zipfile(path):
        raise _refuse(
            path, "xlsx 형식이 아니거나 손상된 파일입니다.", "Not an .xlsx file, or the file is damaged."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, "손상된 xlsx 파일입니다.", "The .xlsx file is damaged.") from exc
    if len(infos) > MAX_ENTRIES:
        raise _refuse(
            path,
            f"파일 안의 항목이 너무 많습니다 ({len(infos):,}개).",
            f"Too many entries inside the file ({len(infos):,}).",
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise _refuse(
            path,
            f"압축을 풀면 너무 큽니다 ({total / 1024**2:,.0f} MB). 압축 폭탄일 수 있어 거부합니다.",
            f"Too large once uncompressed ({total / 1024**2:,.0f} MB); refused as a possible zip bomb.",
        )
    for info in infos:
        if info.file_size >= RATIO_CHECKED_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(
                path,
                f"압축률이 비정상적입니다 ({info.filename}). 압축 폭탄일 수 있어 거부합니다.",
                f"Abnormal compression ratio ({info.filename}); refused as a possible zip bomb.",
            )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(
            path,
            "Excel 통합 문서가 아닙니다 (xl/workbook.xml 없음).",
            "Not an Excel workbook (no xl/workbook.xml inside).",
        )
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML inside the archive (transitional and strict OOXML)."""
    targets: dict[str, str] = {}
    for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")):
        target = rel.get("Target", "")
        targets[rel.get("Id", "")] = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        )
    parts: dict[str, str] = {}
    for element in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter():
        if _local(element.tag) == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rel_id in targets:
                parts[element.get("name", "")] = targets[rel_id]
    return parts


def merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Merged ranges per sheet as (min_col, min_row, max_col, max_row), read by streaming the XML."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        for name, part in _sheet_parts(archive).items():
            ranges: list[tuple[int, int, int, int]] = []
            with archive.open(part) as stream:
                for _event, element in ElementTree.iterparse(stream, events=("end",)):
                    tag = _local(element.tag)
                    if tag == "mergeCell":
                        bounds = range_boundaries(element.get("ref", ""))
                        if all(b is not None for b in bounds):
                            ranges.append(
                                (
                                    int(bounds[0] or 0),
                                    int(bounds[1] or 0),
                                    int(bounds[2] or 0),
                                    int(bounds[3] or 0),
                                )
                            )
                    elif tag in ("row", "c", "v", "f", "is", "t"):
                        element.clear()  # keep memory flat on big sheets
            out[name] = ranges
    return out


def _filled(
    rows: Iterator[tuple[Any, ...]], ranges: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, list[Any]]]:
    starts: dict[int, list[tuple[int, int, int, int]]] = {}
    for bounds in ranges:
        starts.setdefault(bounds[1], []).append(bounds)
    pending: dict[int, dict[int, Any]] = {}
    for number, values in enumerate(rows, 1):
        cells = list(values)
        for min_col, min_row, max_col, max_row in starts.get(number, ()):
            value = cells[min_col - 1] if min_col - 1 < len(cells) else None
            for row in range(min_row, max_row + 1):
                target = pending.setdefault(row, {})
                for col in range(min_col, max_col + 1):
                    if (row, col) != (min_row, min_col):
                        target[col] = value
        for col, value in pending.pop(number, {}).items():
            while len(cells) < col:
                cells.append(None)
            if cells[col - 1] is None:
                cells[col - 1] = value
        yield number, cells


# What a damaged or hostile file makes the zip, zlib, XML or openpyxl readers raise.
_DAMAGED = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    TypeError,
    ElementTree.ParseError,
    ValueError,
    OSError,
)


def _unreadable(path: Path, exc: BaseException) -> Exception:
    return _refuse(path, f"Excel 파일을 읽을 수 없습니다: {exc}", f"Cannot read the Excel file: {exc}")


def _guarded(path: Path, rows: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    """Rows of a sheet; damage found while streaming it is refused like damage found on opening."""
    try:
        yield from rows
    except _DAMAGED as exc:
        raise _unreadable(path, exc) from exc


def read_sheets(path: Path) -> Iterator[SheetRows]:
    """The visible worksheets of a checked .xlsx file (see :func:`check_xlsx`), values only.

    Raises:
        RejectedInput: openpyxl cannot read the workbook.
    """
    try:
        merged = merged_ranges(path)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise _unreadable(path, exc) from exc
    try:
        for ws in workbook.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            ws.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
            rows = _filled(ws.iter_rows(values_only=True), merged.get(ws.title, []))
            yield SheetRows(ws.title, _guarded(path, rows))
    finally:
        workbook.close()
