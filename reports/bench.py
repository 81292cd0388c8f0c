"""Entry points for the benchmark suite: export, register, session report, import of a generated sheet.

Each function does one measured piece of work on a store the caller prepared (e.g. with
``desktop.store.demo.load_demo_data``) and returns what it produced, so ``benchmarks/`` can
time it and print rows or pages per second.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

from desktop.core.records import Actor
from desktop.store import queries
from desktop.store.db import Database
from reports import data
from reports.excel.export import ExportOptions, ExportResult, export_cases
from reports.excel.importer import ImportResult, import_workbook
from reports.excel.sample_sheet import write_clinic_sheet
from reports.pdf.layout import BuildResult
from reports.pdf.register import render_register
from reports.pdf.session_report import render_session_report

BENCH_ACTOR = Actor(name="benchmark", role="coordinator", device="bench")
"""A coordinator: the import needs a role that may write (desktop.core.roles)."""


def export_all(db: Database, out: Path, *, per_agency: bool = False) -> ExportResult:
    """Export every case of the store to ``out`` (masked, summary with charts)."""
    return export_cases(db, out, BENCH_ACTOR, ExportOptions(per_agency=per_agency))


def register_pdf(
    db: Database, out: Path, date_from: date | None = None, date_to: date | None = None
) -> BuildResult:
    """The 처리대장 of a period (default: everything up to today); ``extra['cases']`` rows."""
    return render_register(
        db, out, BENCH_ACTOR, date_from=date_from or date(2000, 1, 1), date_to=date_to or date.today()
    )


def busiest_session(db: Database, now: datetime | None = None) -> str:
    """Id of the session with the most cases (read in keyset pages)."""
    counts: Counter[str] = Counter()
    for page in data.iter_case_pages(db, queries.CaseFilter(), now=now or datetime.now()):
        counts.update(r.session_id for r in page if r.session_id)
    if not counts:
        raise ValueError("the store has no session with cases")
    return counts.most_common(1)[0][0]


def session_pdf(db: Database, out: Path, session_id: str | None = None) -> BuildResult:
    """The 현장지원 결과 보고 of a session (default: the busiest one)."""
    return render_session_report(db, session_id or busiest_session(db), out, BENCH_ACTOR)


def clinic_sheet(path: Path, rows: int = 5000, seed: int = 0) -> Path:
    """Write a messy clinic spreadsheet of ``rows`` valid rows (see :mod:`reports.excel.sample_sheet`)."""
    return write_clinic_sheet(path, rows, seed=seed, firms=max(rows // 12, 10))


def import_sheet(db: Database, path: Path) -> ImportResult:
    """Import a sheet into the store (all rows in one transaction)."""
    return import_workbook(db, path, BENCH_ACTOR)
