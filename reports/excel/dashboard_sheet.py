"""The dashboard figures as a worksheet (``onestop dashboard --xlsx``), from ``reports.dashboard_tables``.

:func:`write_figures` fills any openpyxl worksheet (a write-only one too), so an export can add
the same block to its summary sheet; other writers can print ``dashboard_tables.sheet_rows``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from desktop.core.dashboard import DashboardFigures
from desktop.store.db import Database
from reports import dashboard_tables, data

TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=11)
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DFE7F1")
FORMATS = {"pct": "0.0%", "days": "0.0", "score": "0.0", "int": "#,##0"}


def write_figures(ws: Any, figures: DashboardFigures, names: data.Labels) -> int:
    """Append every dashboard table to ``ws``; returns the number of rows written."""
    rows = 0
    for table in dashboard_tables.tables(figures, names):
        title = WriteOnlyCell(ws, value=table.title)
        title.font = SECTION_FONT
        ws.append([title])
        header = []
        for text in table.header:
            cell = WriteOnlyCell(ws, value=text)
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
            header.append(cell)
        ws.append(header)
        for values in table.rows:
            out: list[Any] = []
            for value, kind in zip(values, table.kinds, strict=True):
                if kind in FORMATS and value is not None:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = FORMATS[kind]
                    out.append(cell)
                else:
                    out.append(value)
            ws.append(out)
        if table.note:
            ws.append([f"※ {table.note}"])
        ws.append([])
        rows += len(table.rows) + 3 + bool(table.note)
    return rows


def write_dashboard_workbook(db: Database, figures: DashboardFigures, out: Path) -> Path:
    """A one-sheet workbook with the figures (written to a temp file, then renamed)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("현황")
    for letter, width in zip("ABCDEF", (30, 22, 12, 12, 12, 14), strict=True):
        ws.column_dimensions[letter].width = width
    title = WriteOnlyCell(ws, value="애로사항 처리 현황")
    title.font = TITLE_FONT
    ws.append([title])
    period = data.period_text(figures.date_from, figures.date_to)
    ws.append(["기간", period])
    ws.append(["작성일시", figures.generated_at.strftime("%Y-%m-%d %H:%M")])
    ws.append([])
    write_figures(ws, figures, data.labels(db, figures.generated_at.date() or date.today()))
    tmp = out.with_name(out.name + ".part")
    wb.save(tmp)
    tmp.replace(out)
    return out
