"""The dashboard figures on a worksheet (``onestop dashboard --xlsx``, the export's 요약 sheet).

Written with xlsxwriter, like the export: :func:`write_tables` puts any of the
:class:`~reports.dashboard_tables.FigureTable` values on a sheet from a given row (a
constant-memory sheet too: rows only go down), with number formats taken from the column kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from desktop.core.dashboard import DashboardFigures
from desktop.store.db import Database
from reports import dashboard_tables, data
from reports.scratch import atomic_target

TITLE = "애로사항 처리 현황"
NUMBER_FORMATS = {"pct": "0.0%", "days": "0.0", "score": "0.0", "int": "#,##0"}


@dataclass(frozen=True, slots=True)
class TableFormats:
    """The cell formats of figure tables (xlsxwriter formats belong to one workbook)."""

    section: Format
    head: Format
    kinds: dict[str, Format]

    @classmethod
    def of(cls, wb: Workbook) -> TableFormats:
        return cls(
            section=wb.add_format({"bold": True, "font_size": 11, "font_color": "#1F2933"}),
            head=wb.add_format({"bold": True, "bg_color": "#DFE7F1"}),
            kinds={kind: wb.add_format({"num_format": fmt}) for kind, fmt in NUMBER_FORMATS.items()},
        )


def write_tables(
    ws: Worksheet, row: int, tables: Sequence[dashboard_tables.FigureTable], formats: TableFormats
) -> int:
    """Write ``tables`` from ``row`` down (title, header, rows, note, a blank row); returns the next free row.

    Text stays text (``write_string``), numbers stay numbers with their kind's format, and a
    missing value (``None``) leaves the cell empty.
    """
    for table in tables:
        ws.write_string(row, 0, table.title, formats.section)
        for col, text in enumerate(table.header):
            ws.write_string(row + 1, col, text, formats.head)
        row += 2
        for values in table.rows:
            for col, (value, kind) in enumerate(zip(values, table.kinds, strict=True)):
                if value is None:
                    continue
                if isinstance(value, str):
                    ws.write_string(row, col, value)
                else:
                    ws.write_number(row, col, value, formats.kinds.get(kind))
            row += 1
        if table.note:
            ws.write_string(row, 0, f"※ {table.note}")
            row += 1
        row += 1
    return row


def write_dashboard_workbook(db: Database, figures: DashboardFigures, out: Path) -> Path:
    """A one-sheet workbook with every figure (written in a scratch folder beside ``out``, then renamed)."""
    out = Path(out)
    with atomic_target(out) as tmp:
        wb = Workbook(str(tmp), {"constant_memory": True, "tmpdir": str(tmp.parent)})
        ws = wb.add_worksheet("현황")
        for col, width in enumerate((30, 22, 12, 12, 12, 14)):
            ws.set_column(col, col, width)
        ws.write_string(0, 0, TITLE, wb.add_format({"bold": True, "font_size": 14}))
        ws.write_string(1, 0, "기간")
        ws.write_string(1, 1, data.period_text(figures.date_from, figures.date_to))
        ws.write_string(2, 0, "작성일시")
        ws.write_string(2, 1, figures.generated_at.strftime("%Y-%m-%d %H:%M"))
        names = data.labels(db, figures.generated_at.date() or date.today())
        write_tables(ws, 4, dashboard_tables.tables(figures, names), TableFormats.of(wb))
        wb.close()
    return out
