"""What the reports page runs: report/export/import jobs for the worker, and printing a PDF document.

The job functions run in a worker thread with the worker's own :class:`Database`; they touch
no widgets and return a value the page shows. :func:`print_document` runs in the GUI thread.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from desktop.core.records import Actor
from desktop.store.db import Database
from desktop.ui.worker import JobControl, JobFn
from reports.scratch import atomic_target

if TYPE_CHECKING:  # reportlab and openpyxl load when the first job runs, not with the window
    from reports.excel.export import ExportOptions, ExportResult
    from reports.excel.importer import ImportPreview, ImportResult
    from reports.pdf.layout import BuildResult

ReportKind = Literal["case", "session", "agency", "firm", "register", "period"]
REPORT_KINDS: tuple[ReportKind, ...] = ("case", "session", "agency", "firm", "register", "period")
PRINT_DPI = 300
"""Pages are rendered for the printer at its resolution, at most this many dots per inch."""


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One PDF report and its parameters, as picked on the page.

    Attributes:
        kind: which report.
        target: case id or number, session id, agency id, firm id (unused for the register and period).
        date_from, date_to: the period (register, period report, agency request); None = open-ended.
        session_id: agency request: only cases of this session.
        agency_id, field_code: register: only this agency's / field's cases.
        include_answered: agency request: answered and closed cases too.
        unmask, reason: personal data in full, with the audited reason.
        approval: print the approval block (결재란).
    """

    kind: ReportKind
    target: str = ""
    date_from: date | None = None
    date_to: date | None = None
    session_id: str = ""
    agency_id: str = ""
    field_code: str = ""
    include_answered: bool = False
    unmask: bool = False
    reason: str = ""
    approval: bool = True


def render_report(db: Database, request: ReportRequest, actor: Actor, out: Path) -> BuildResult:
    """Write the PDF of ``request`` to ``out`` (the same functions ``onestop report`` calls).

    Raises:
        RejectedInput: unknown case/session/agency/firm, a backwards period, unmasking without a reason.
    """
    from reports.pdf.agency_request import render_agency_request
    from reports.pdf.case_record import render_case_record
    from reports.pdf.dashboard_section import render_dashboard
    from reports.pdf.firm_history import render_firm_history
    from reports.pdf.register import render_register
    from reports.pdf.session_report import render_session_report

    unmask, reason, approval = request.unmask, request.reason, request.approval
    if request.kind == "case":
        return render_case_record(
            db, request.target, out, actor, unmask=unmask, reason=reason, approval=approval
        )
    if request.kind == "session":
        return render_session_report(
            db, request.target, out, actor, unmask=unmask, reason=reason, approval=approval
        )
    if request.kind == "agency":
        return render_agency_request(
            db,
            request.target,
            out,
            actor,
            date_from=request.date_from,
            date_to=request.date_to,
            session_id=request.session_id,
            include_answered=request.include_answered,
            unmask=unmask,
            reason=reason,
            approval=approval,
        )
    if request.kind == "firm":
        return render_firm_history(
            db, request.target, out, actor, unmask=unmask, reason=reason, approval=approval
        )
    if request.kind == "period":
        return render_dashboard(
            db, out, actor, date_from=request.date_from, date_to=request.date_to, approval=approval
        )
    return render_register(
        db,
        out,
        actor,
        date_from=request.date_from,
        date_to=request.date_to,
        agency_id=request.agency_id,
        field_code=request.field_code,
        approval=approval,
    )


def report_job(request: ReportRequest, actor: Actor, out: Path) -> JobFn[BuildResult]:
    """A worker function writing the report to ``out``; cancelling throws the finished file away."""

    def run(db: Database, control: JobControl) -> BuildResult:
        result = render_report(db, request, actor, out)
        if control.cancelled:
            out.unlink(missing_ok=True)
            control.check()
        return result

    return run


def export_job(out: Path, actor: Actor, options: ExportOptions) -> JobFn[ExportResult]:
    """A worker function exporting cases to ``out`` with progress; cancel stops between pages."""

    def run(db: Database, control: JobControl) -> ExportResult:
        from reports.excel.export import export_cases

        return export_cases(
            db, out, actor, options, progress=control.progress, cancelled=lambda: control.cancelled
        )

    return run


def preview_job(path: Path, session_id: str) -> JobFn[ImportPreview]:
    """A worker function reading and checking a clinic spreadsheet (nothing is written)."""

    def run(db: Database, control: JobControl) -> ImportPreview:
        from reports.excel.importer import preview_import

        del control
        return preview_import(db, path, session_id=session_id or None)

    return run


def import_job(preview: ImportPreview, actor: Actor) -> JobFn[ImportResult]:
    """A worker function storing a checked spreadsheet: all rows or none.

    Cancel is checked at every progress step inside the import transaction: raising there
    rolls the whole import back.
    """

    def run(db: Database, control: JobControl) -> ImportResult:
        from reports.excel.importer import commit_preview

        def progress(done: int, total: int) -> None:
            control.progress(done, total)
            if done < total:  # the last call comes after the commit: too late to cancel
                control.check()

        return commit_preview(db, preview, actor, progress=progress)

    return run


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy a finished file to ``target`` through a scratch folder beside it (never half a file)."""
    with atomic_target(target) as tmp:
        shutil.copyfile(source, tmp)
    return target


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages of ``document`` (the printer's page range, else all); returns pages printed.

    Each page is rendered by QtPdf at the printer's resolution (at most :data:`PRINT_DPI`) and
    drawn centred and scaled to fit the printable area.

    Raises:
        OSError: the printer could not be opened.
    """
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(max(first, 1) - 1, min(last, count)) if first > 0 and last > 0 else range(count)
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    dpi = min(printer.resolution(), PRINT_DPI)
    printed = 0
    try:
        for page in pages:
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(
                page, size, QPdfDocumentRenderOptions(), QImage.Format.Format_RGB32, QColor("white")
            )
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
