"""Excel export for managers: a 요약 sheet with charts, a 사례 sheet (~37 columns), per-agency sheets.

openpyxl's write-only mode keeps memory flat: rows go straight to temporary files, cases are
read in keyset pages. Write-only sheets emit freeze panes, column widths and print titles
when the first row is written, so they are set before any row. The file appears only when
complete (temp file in the target folder, then ``os.replace``); a cancelled export leaves
nothing behind.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.core.records import Actor
from desktop.store import audit, queries, report_queries
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from reports import data
from reports.excel import summary
from reports.excel.columns import CASE_COLUMNS, CaseRow, ExcelColumn, RowContext
from reports.masking import Masker, unmasking

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
PAGE = 1000
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with these is taken as a formula (or DDE) by spreadsheet programs."""
HEADER_FILL = PatternFill("solid", fgColor="DFE7F1")
HEADER_FONT = Font(bold=True)
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


class ExportCancelled(Exception):
    """The export was cancelled by its cancel check; no file was written."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Which cases to export and how.

    Attributes:
        date_from, date_to: receipt period (inclusive); None = open-ended.
        agency_id, field_code, session_id: exact codes (resolve names with the reference first).
        statuses: status codes; empty = all.
        per_agency: add one sheet per agency with that agency's cases.
        unmask: show personal data in full (needs ``reason``; audited).
    """

    date_from: date | None = None
    date_to: date | None = None
    agency_id: str = ""
    field_code: str = ""
    session_id: str = ""
    statuses: tuple[str, ...] = ()
    per_agency: bool = False
    unmask: bool = False
    reason: str = ""

    def case_filter(self) -> queries.CaseFilter:
        return queries.CaseFilter(
            statuses=self.statuses,
            field_code=self.field_code,
            agency_id=self.agency_id,
            session_id=self.session_id,
            received_from=self.date_from,
            received_to=self.date_to,
        )

    def describe(self, names: data.Labels) -> str:
        period = data.period_text(self.date_from, self.date_to)
        parts = [period if self.date_from is None and self.date_to is None else f"기간 {period}"]
        if self.agency_id:
            parts.append(f"기관 {names.agency_full(self.agency_id)}")
        if self.field_code:
            parts.append(f"분야 {names.field(self.field_code)}")
        if self.session_id:
            parts.append(f"현장지원단 {self.session_id}")
        if self.statuses:
            parts.append("상태 " + ", ".join(data.status_name(s) for s in self.statuses))
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    sheets: tuple[str, ...]
    seconds: float


def safe_text(value: str) -> str:
    """Text as stored in a cell: characters XML cannot hold are dropped."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "시트"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


@dataclass(slots=True)
class _SheetWriter:
    """One write-only case sheet with reusable styled cells per column."""

    ws: Any
    columns: Sequence[ExcelColumn]
    rows: int = 0
    _cells: list[Any] = field(default_factory=list)
    _quoted: list[Any] = field(default_factory=list)

    @classmethod
    def create(cls, wb: Workbook, title: str, columns: Sequence[ExcelColumn]) -> _SheetWriter:
        ws = wb.create_sheet(title)
        # Write-only: everything that precedes <sheetData> must be set before the first row.
        for i, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        ws.freeze_panes = "C2"
        ws.print_title_rows = "1:1"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
        writer = cls(ws, columns)
        for column in columns:
            cell = WriteOnlyCell(ws)
            if column.kind == "datetime":
                cell.number_format = DATETIME_FORMAT
            elif column.kind == "date":
                cell.number_format = DATE_FORMAT
            writer._cells.append(cell)
            quoted = WriteOnlyCell(ws)
            quoted.quotePrefix = True  # Excel shows it as text and keeps it text when edited
            writer._quoted.append(quoted)
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            header.append(cell)
        ws.append(header)
        return writer

    def append(self, values: Sequence[Any]) -> None:
        out: list[Any] = []
        for column, cell, quoted, value in zip(self.columns, self._cells, self._quoted, values, strict=True):
            if value is None or value == "":
                out.append(None)
            elif column.kind == "text":
                out.append(self._text(quoted, str(value)))
            elif column.kind in ("datetime", "date"):
                cell.value = value
                out.append(cell)
            else:
                out.append(value)
        self.ws.append(out)
        self.rows += 1

    @staticmethod
    def _text(quoted: Any, value: str) -> Any:
        text = safe_text(value)
        if not text.startswith(FORMULA_PREFIXES):
            return text
        # Formula injection: an explicit string cell, never a formula, whatever it starts with.
        quoted.value = text
        quoted.data_type = "s"
        return quoted

    def finish(self) -> None:
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _discard(wb: Workbook) -> None:
    """Remove the temporary files of a write-only workbook that will not be saved."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
                writer.cleanup()
        except (OSError, ValueError):  # pragma: no cover - best effort cleanup
            pass


def export_cases(
    db: Database,
    out: Path,
    actor: Actor,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    now: datetime | None = None,
    office: str | None = None,
) -> ExportResult:
    """Export the cases of ``options`` to ``out`` (.xlsx).

    Args:
        progress: called with (rows done, rows in total) after each page.
        cancelled: asked before each page; True stops the export (:class:`ExportCancelled`).

    Raises:
        RejectedInput: unmasking without a reason.
        ExportCancelled: ``cancelled()`` returned True; no file was written.
    """
    started = time.perf_counter()
    options = options or ExportOptions()
    out = Path(out)
    moment = now or datetime.now().replace(microsecond=0)
    names = data.labels(db, moment.date())
    filt = options.case_filter()
    masker: Masker = unmasking(
        db,
        actor,
        unmask=options.unmask,
        reason=options.reason,
        action="export.unmask",
        target=str(out),
        detail=options.describe(names),
    )
    total = queries.count_cases(db, filt, moment)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Same folder (os.replace stays a rename); created by openpyxl, so the umask applies as usual.
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.part")
    wb = Workbook(write_only=True)
    saved = False
    try:
        summary.write_summary(
            db,
            wb,
            filt,
            names,
            moment,
            office=data.office_name(db, office),
            conditions=options.describe(names),
            masked=masker.masked,
        )
        taken = {"요약", "사례"}
        main = _SheetWriter.create(wb, "사례", CASE_COLUMNS)
        per_agency: dict[str, _SheetWriter] = {}
        if options.per_agency:
            for group in report_queries.group_counts(db, "agency_id", filt, moment):
                if group.key:
                    title = sheet_title(f"기관_{names.agency(group.key)}", taken)
                    per_agency[group.key] = _SheetWriter.create(wb, title, CASE_COLUMNS)
        ctx = RowContext(names, masker, moment, work_calendar(db))
        done = 0
        if progress:
            progress(0, total)
        for page in data.iter_case_pages(db, filt, now=moment, page_size=PAGE):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            details = report_queries.case_details(db, [r.id for r in page])
            for row in page:
                case_row = CaseRow(row, details[row.id], ctx)
                values = [column.value(case_row) for column in CASE_COLUMNS]
                main.append(values)
                sheet = per_agency.get(row.agency_id)
                if sheet is not None:
                    sheet.append(values)
            done += len(page)
            if progress:
                progress(done, total)
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        for writer in (main, *per_agency.values()):
            writer.finish()
        wb.save(tmp)
        saved = True
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
        with db.transaction():
            audit.record(
                db,
                actor,
                "export.excel",
                str(out),
                reason=options.reason.strip(),
                detail=f"{done} rows, {'unmasked' if masker.unmasked else 'masked'}; "
                f"{options.describe(names)}",
            )
    finally:
        if not saved:
            _discard(wb)
        tmp.unlink(missing_ok=True)
    return ExportResult(out, done, tuple(ws.title for ws in wb.worksheets), time.perf_counter() - started)
