"""Report tables: long lists with the header repeated on every page, labelled-value grids, headline figures.

reportlab splits a long :class:`~reportlab.platypus.Table` by building a new table from all
remaining rows on every page, which is quadratic in rows (a 10,000-row register took minutes).
:class:`PagedTable` measures rows once and builds one small table per page instead: linear in
rows, and the header is repeated because each page's table starts with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reports.pdf.layout import HEAD_BG, INK, LABEL_BG, OVERDUE_BG, RULE, ZEBRA, Styles, para, table_style

Align = Literal["left", "center", "right"]
CELL_PAD = 3.0
ROW_PAD = 2.5
LEADING = 10.0
_TABLE_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: header text, relative width, alignment."""

    header: str
    weight: float
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Item:
    """A labelled value of a :func:`key_value_table`; ``wide`` items take a whole line."""

    label: str
    value: str
    wide: bool = False


def column_widths(columns: Sequence[Column], width: float) -> list[float]:
    total = sum(c.weight for c in columns)
    return [width * c.weight / total for c in columns]


def _cell(text: str, width: float, align: Align, styles: Styles) -> Any:
    """A plain string when it fits on one line (fast), else a wrapping paragraph (never cut)."""
    if "\n" not in text and stringWidth(text, styles.fonts.regular, styles.cell_size) <= width - 2 * CELL_PAD:
        return text
    return para(text, styles.cell[align])


@dataclass(frozen=True, slots=True)
class _Parts:
    """Everything needed to build the table of any run of rows."""

    widths: list[float]
    header: list[Any]
    body: list[list[Any]]
    base: list[tuple[Any, ...]]
    highlight: frozenset[int]
    highlight_columns: tuple[int, int]
    zebra: bool
    total_row: bool
    min_row_height: float
    bold_font: str

    def table(self, start: int, end: int, heights: Sequence[float] | None = None) -> Table:
        """The table of body rows ``start`` … ``end - 1`` under the header.

        ``heights`` (header first) skips reportlab's own measuring when the rows are measured already.
        """
        commands = list(self.base)
        if self.zebra and end > start:
            # Colours follow the absolute row number, so stripes continue across pages.
            stripes = [colors.white, ZEBRA] if start % 2 == 0 else [ZEBRA, colors.white]
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes))
        first, last = self.highlight_columns
        for index in range(start, end):
            if index in self.highlight:
                commands.append(
                    ("BACKGROUND", (first, index - start + 1), (last, index - start + 1), OVERDUE_BG)
                )
        if self.total_row and end == len(self.body) and end > start:
            commands += [
                ("FONTNAME", (0, -1), (-1, -1), self.bold_font),
                ("BACKGROUND", (0, -1), (-1, -1), LABEL_BG),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
            ]
        minimum = [0.0] + [self.min_row_height] * (end - start) if self.min_row_height else None
        table = Table(
            [self.header, *self.body[start:end]],
            colWidths=self.widths,
            repeatRows=1,
            splitInRow=1,
            minRowHeights=minimum,
            rowHeights=list(heights) if heights is not None else None,
        )
        table.setStyle(TableStyle(commands))
        return table


class PagedTable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A long table laid out page by page (see the module docstring).

    State: the shared parts and row-height cache, the first row this piece starts at, and the
    table built for the last ``wrap`` that fitted (drawn as is).
    """

    def __init__(self, parts: _Parts, start: int = 0, heights: list[float | None] | None = None) -> None:
        super().__init__()
        self._parts = parts
        self._start = start
        self._heights: list[float | None] = heights if heights is not None else [None] * len(parts.body)
        self._header_height: float | None = None
        self._fitted: Table | None = None
        self.width = sum(parts.widths)

    def _row_height(self, index: int) -> float:
        cached = self._heights[index]
        if cached is not None:
            return cached
        tallest = 0.0
        for cell, width in zip(self._parts.body[index], self._parts.widths, strict=True):
            if isinstance(cell, Flowable):
                height = float(cell.wrap(width - 2 * CELL_PAD, 1e9)[1])
            else:
                height = LEADING * (str(cell).count("\n") + 1)
            tallest = max(tallest, height)
        result = max(tallest + 2 * ROW_PAD, self._parts.min_row_height)
        self._heights[index] = result
        return result

    def _table(self, start: int, end: int) -> Table:
        """The table of a run of rows, with the row heights measured by :meth:`_row_height`."""
        header = self._header_height
        if header is None:
            return self._parts.table(start, end)
        return self._parts.table(start, end, [header, *(self._row_height(i) for i in range(start, end))])

    def _header(self, avail_width: float) -> float:
        if self._header_height is None:
            self._header_height = float(self._parts.table(0, 0).wrap(avail_width, 1e9)[1])
        return self._header_height

    def _rows_fitting(self, avail_width: float, avail_height: float) -> int:
        """How many rows from ``start`` fit under the header in ``avail_height``."""
        used = self._header(avail_width)
        end = self._start
        while end < len(self._parts.body):
            used += self._row_height(end)
            if used > avail_height:
                break
            end += 1
        return end - self._start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._fitted = None
        rest = len(self._parts.body) - self._start
        count = self._rows_fitting(avail_width, avail_height)
        if count < rest:
            return self.width, avail_height + 1  # does not fit: the frame asks us to split
        table = self._table(self._start, len(self._parts.body))
        height = float(table.wrap(avail_width, avail_height)[1])
        if height <= avail_height:
            self._fitted = table
        return self.width, height

    def draw(self) -> None:
        table = self._fitted or self._table(self._start, len(self._parts.body))
        table.wrapOn(self.canv, self.width, 1e9)
        table.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count = self._rows_fitting(avail_width, avail_height)
        end = self._start + count
        while count > 0:
            table = self._table(self._start, end)
            if table.wrap(avail_width, avail_height)[1] <= avail_height:
                break
            end -= 1  # the estimate was short (should not happen): one row fewer
            count -= 1
        if count == 0:
            if not getattr(self, "_postponed", False):
                return []  # try again at the top of the next page
            # One row taller than a whole page: reportlab splits inside that row (splitInRow).
            end = self._start + 1
            pieces: list[Flowable] = self._parts.table(self._start, end).split(avail_width, avail_height)
            return [*pieces, *self._rest(end)] if pieces else []
        return [table, *self._rest(end)]

    def _rest(self, end: int) -> list[Flowable]:
        return [PagedTable(self._parts, end, self._heights)] if end < len(self._parts.body) else []


def data_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    styles: Styles,
    width: float,
    *,
    highlight: Sequence[int] = (),
    min_row_height: float | None = None,
    zebra: bool = True,
    total_row: bool = False,
    highlight_columns: tuple[int, int] = (0, -1),
) -> Flowable:
    """A table whose header row repeats on every page; long texts wrap inside their cells.

    Args:
        columns: the columns.
        rows: one sequence of strings per row.
        width: the width to fill.
        highlight: indexes (into ``rows``) of rows shown as overdue (red background).
        highlight_columns: the first and last column the highlight covers (default: all).
        min_row_height: a minimum height per body row (e.g. room to write a reply).
        zebra: alternate row backgrounds.
        total_row: the last row is a total (bold, shaded).
    """
    widths = column_widths(columns, width)
    header = [Paragraph(escape(c.header), styles.head) for c in columns]
    body = [
        [_cell(str(v), w, c.align, styles) for v, w, c in zip(row, widths, columns, strict=True)]
        for row in rows
    ]
    base: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell_size),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
    ]
    base += [("ALIGN", (i, 1), (i, -1), _TABLE_ALIGN[c.align]) for i, c in enumerate(columns)]
    if not rows:
        base += [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER")]
        body = [["해당 자료가 없습니다.", *("" for _ in columns[1:])]]
        highlight, zebra, total_row = (), False, False
    parts = _Parts(
        widths,
        header,
        body,
        base,
        frozenset(highlight),
        highlight_columns,
        zebra,
        total_row,
        min_row_height or 0.0,
        styles.fonts.bold,
    )
    return PagedTable(parts)


LONG_VALUE_CHARS = 400
"""A wide value longer than this is printed as a paragraph under its label (it may span pages)."""


def key_value_table(
    items: Sequence[Item], styles: Styles, width: float, *, per_row: int = 2, label_width: float = 24 * mm
) -> list[Flowable]:
    """Labelled values in a grid of ``per_row`` pairs per line; wide items span the line.

    A table row cannot break across pages when it spans columns, so a long wide value (a
    20,000-character difficulty) leaves the grid: its label becomes a bar and its text a
    paragraph that flows over as many pages as it needs.
    """
    value_width = (width - per_row * label_width) / per_row
    out: list[Flowable] = []
    data: list[list[Any]] = []
    spans: list[int] = []
    line: list[Any] = []

    def flush_line() -> None:
        nonlocal line
        if line:
            data.append(line + ["", ""] * (per_row - len(line) // 2))
            line = []

    def flush_table() -> None:
        nonlocal data, spans
        flush_line()
        if data:
            out.append(_grid(data, spans, styles, [label_width, value_width] * per_row))
        data, spans = [], []

    for item in items:
        if item.wide and len(item.value) > LONG_VALUE_CHARS:
            flush_table()
            bar = Table([[Paragraph(escape(item.label), styles.label)]], colWidths=[width])
            bar.setStyle(
                table_style(
                    styles, [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, -1), LABEL_BG)]
                )
            )
            out += [bar, para(item.value, styles.long_text)]
            continue
        cells = [Paragraph(escape(item.label), styles.label), para(item.value or "-", styles.cell["left"])]
        if item.wide:
            flush_line()
            spans.append(len(data))
            data.append(cells + ["", ""] * (per_row - 1))
            continue
        line += cells
        if len(line) == per_row * 2:
            flush_line()
    flush_table()
    return out


def _grid(data: list[list[Any]], spans: list[int], styles: Styles, widths: list[float]) -> Table:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    for col in range(0, len(widths), 2):
        commands.append(("BACKGROUND", (col, 0), (col, -1), LABEL_BG))
    for row in spans:
        commands.append(("SPAN", (1, row), (-1, row)))
        commands.append(("BACKGROUND", (2, row), (-1, row), colors.white))
    table = Table(data, colWidths=widths, splitInRow=1)
    table.setStyle(table_style(styles, commands))
    return table


def figure_boxes(items: Sequence[tuple[str, str]], styles: Styles, width: float) -> Table:
    """A row of headline figures (label above a big number), e.g. 참여 기업 12 | 현장해결률 41%."""
    data = [
        [Paragraph(escape(label), styles.head) for label, _ in items],
        [Paragraph(escape(value), styles.big_number) for _, value in items],
    ]
    table = Table(data, colWidths=[width / len(items)] * len(items))
    table.setStyle(
        table_style(
            styles,
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 1), (-1, 1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ],
        )
    )
    return table
