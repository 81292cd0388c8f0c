"""Excel export for managers: a 요약 sheet with charts, a 사례 sheet (38 columns), per-agency sheets.

Written with xlsxwriter in ``constant_memory`` mode: each finished row goes straight to a
temporary file, so memory stays flat however many cases there are (cases are read in keyset
pages by :mod:`reports.excel.case_feed`, in a helper process when there are many, so reading
and writing run on two cores). Every cell is written with its typed call (``write_string``, ``write_number``,
``write_datetime``): text never becomes a formula, and text a spreadsheet would take for
one (``=…``, ``+…``, ``-…``, ``@…``) also gets Excel's quote prefix, so it stays text when
someone edits the cell. The file appears only when complete (written in a private scratch
folder beside the target, then ``os.replace``); a cancelled export leaves nothing behind, and
the scratch folder of a killed one is swept by the next write into that folder (:mod:`reports.scratch`).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from desktop.core.records import Actor
from desktop.store import audit, export_queries, queries, report_queries
from desktop.store.db import Database
from reports import data
from reports.excel import case_feed, summary
from reports.excel.columns import AGENCY_ID_COLUMN, CASE_COLUMNS, ExcelColumn
from reports.masking import Masker, unmasking
from reports.scratch import Scratch

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
PAGE = 1000
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with these is taken as a formula (or DDE) by spreadsheet programs."""
HEADER_FILL = "#DFE7F1"
WORKBOOK_OPTIONS: dict[str, Any] = {
    "constant_memory": True,
    # Belt and braces: the typed write calls used here never convert, but write() would.
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}
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
    """The written file; ``read_in_helper``: the cases were read by the helper process
    (:mod:`reports.excel.case_feed`), as a big export does."""

    path: Path
    rows: int
    sheets: tuple[str, ...]
    seconds: float
    read_in_helper: bool


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "시트"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


@dataclass(frozen=True, slots=True)
class CellFormats:
    """The few cell formats of the case sheets (xlsxwriter formats belong to one workbook)."""

    header: Format
    datetime: Format
    date: Format
    quoted: Format

    @classmethod
    def of(cls, wb: Workbook) -> CellFormats:
        return cls(
            header=wb.add_format(
                {
                    "bold": True,
                    "bg_color": HEADER_FILL,
                    "align": "center",
                    "valign": "vcenter",
                    "text_wrap": True,
                }
            ),
            datetime=wb.add_format({"num_format": DATETIME_FORMAT}),
            date=wb.add_format({"num_format": DATE_FORMAT}),
            # Excel shows it as text and keeps it text when the cell is edited.
            quoted=wb.add_format({"quote_prefix": True}),
        )


class CaseSheet:
    """One case sheet: header, widths, frozen panes and print titles, then rows in order.

    State: the worksheet, the column plan (kind and free-text flag per column), the formats
    and the number of rows written.
    """

    def __init__(
        self, wb: Workbook, title: str, columns: Sequence[ExcelColumn], formats: CellFormats
    ) -> None:
        ws: Worksheet = wb.add_worksheet(title)
        self.ws = ws
        self.title = title
        self.rows = 0
        self.formats = formats
        number_formats = {"int": None, "datetime": formats.datetime, "date": formats.date}
        # Per column: is it text, may it look like a formula, the number format of a number.
        self._plan = tuple(
            (i, c.kind == "text", c.free and c.kind == "text", number_formats.get(c.kind))
            for i, c in enumerate(columns)
        )
        self._width = len(columns)
        for i, column in enumerate(columns):
            ws.set_column(i, i, column.width)
        ws.freeze_panes(1, 2)  # header row and the two id columns stay in view
        ws.repeat_rows(0)
        ws.set_row(0, 30)
        for i, column in enumerate(columns):
            ws.write_string(0, i, column.header, formats.header)

    def append(self, values: Sequence[Any]) -> None:
        """Write one row of feed values (dates as Excel serials; ``None`` and ``""`` leave the
        cell empty)."""
        self.rows += 1
        row = self.rows
        ws = self.ws
        write_string, write_number = ws.write_string, ws.write_number
        quoted = self.formats.quoted
        for (col, text, free, number_format), value in zip(self._plan, values, strict=True):
            if value is None or value == "":
                continue
            if not text:
                write_number(row, col, value, number_format)
            elif free and value.startswith(FORMULA_PREFIXES):
                write_string(row, col, value, quoted)
            else:
                write_string(row, col, value)

    def finish(self) -> None:
        self.ws.autofilter(0, 0, self.rows, self._width - 1)


def _discard(wb: Workbook) -> None:
    """Remove the temporary row files of a constant-memory workbook that will not be saved."""
    for ws in wb.worksheets():
        handle = getattr(ws, "row_data_fh", None)
        name = getattr(ws, "row_data_filename", None)
        try:
            if handle is not None and not handle.closed:
                handle.close()
            if name:
                os.unlink(name)
        except OSError:  # pragma: no cover - best effort cleanup
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
    out.parent.mkdir(parents=True, exist_ok=True)
    # A subfolder of the target's folder, so os.replace stays a rename; xlsxwriter's row files
    # (``tmpdir``) go there too instead of the system temp folder.
    scratch = Scratch.create(out)
    wb = Workbook(str(scratch.part), {**WORKBOOK_OPTIONS, "tmpdir": str(scratch.path)})
    saved = False
    # Everything that scans the cases goes through a connection of its own with a small page
    # cache: the rows are read once, and a 64 MiB cache full of them would only grow the process.
    reading = export_queries.open_reader(db)
    try:
        total = queries.count_cases(reading, filt, moment)
        summary_sheet = summary.add_summary_sheet(wb)
        formats = CellFormats.of(wb)
        taken = {"요약", "사례"}
        main = CaseSheet(wb, "사례", CASE_COLUMNS, formats)
        per_agency: dict[str, CaseSheet] = {}
        if options.per_agency:
            for group in report_queries.group_counts(reading, "agency_id", filt, moment):
                if group.key:
                    title = sheet_title(f"기관_{names.agency(group.key)}", taken)
                    per_agency[group.key] = CaseSheet(wb, title, CASE_COLUMNS, formats)
        done = 0
        if progress:
            progress(0, total)

        def check() -> None:
            if cancelled is not None and cancelled():
                raise ExportCancelled()

        request = case_feed.FeedRequest(db.path, db.readonly, db.key, filt, moment, masker.unmasked, PAGE)
        feed = case_feed.open_feed(reading, request, total, check)
        try:
            for page in feed.pages():
                check()
                for values in page:
                    main.append(values)
                    if per_agency:
                        sheet = per_agency.get(values[AGENCY_ID_COLUMN])
                        if sheet is not None:
                            sheet.append(values)
                done += len(page)
                if progress:
                    progress(done, total)
            check()
            fed = feed.summary()
        finally:
            feed.close()
        read_in_helper = feed.in_helper
        for sheet in (main, *per_agency.values()):
            sheet.finish()
        summary.write_summary(
            wb,
            summary_sheet,
            fed.counts,
            fed.figures,
            names,
            office=data.office_name(db, office),
            conditions=options.describe(names),
            masked=masker.masked,
        )
        wb.close()
        saved = True
        scratch.publish()
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
        reading.close()
        if not saved:
            _discard(wb)
        scratch.remove()
    sheets = ("요약", "사례", *(s.title for s in per_agency.values()))
    return ExportResult(out, done, sheets, time.perf_counter() - started, read_in_helper)
