"""reports/ stays a pure-Python layer: no Qt, importable without a GUI (DESIGN.md §1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MODULES = (
    "reports.fonts",
    "reports.data",
    "reports.gather",
    "reports.masking",
    "reports.bench",
    "reports.samples",
    "reports.scratch",
    "reports.pdf.case_record",
    "reports.pdf.session_report",
    "reports.pdf.agency_request",
    "reports.pdf.firm_history",
    "reports.pdf.register",
    "reports.pdf.dashboard_section",
    "reports.excel.dashboard_sheet",
    "reports.excel.export",
    "reports.excel.importer",
    "desktop.cli_reports",
)


def test_reports_never_import_pyside6() -> None:
    code = (
        f"import sys, importlib\nfor m in {MODULES!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "[]"
