"""Report tables: long lists with the header repeated on every page, labelled-value grids, headline figures.

reportlab splits a long :class:`~reportlab.platypus.Table` by building a new table from all
remaining rows on every page, which is quadratic in rows (a 10,000-row register took minutes).
:class:`PagedTable` measures rows once and builds one small table per page instead: linear in
rows, and the header is repeated because each page's table starts with it.

Body cells are plain strings broken into lines here (:func:`wrap_lines`) instead of one
Paragraph per cell: a paragraph is wrapped again each time its table is measured or drawn,
and at 10,000 rows that was most of the time spent on a register. reportlab cannot split a
plain-string cell across pages, so a cell too tall for that (a 20,000-character difficulty)
stays a Paragraph, which a row split across pages carries over (``splitInRow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.textsplit import CANNOT_START_LINE
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CellStyle, Flowable, Paragraph, Table, TableStyle

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


TALL_CELL_LINES = 20
"""A cell of more lines than this is a Paragraph: its row may be taller than a page and must split.

Any shorter cell is at most half a landscape page tall, so a row split across pages keeps it whole
in its larger part (reportlab moves plain-string cells of a split row whole, never cuts them).
"""

_GLYPH_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
"""Advance widths per (font, size), filled as characters are met (a few thousand at most)."""

_NO_LINE_START = frozenset(CANNOT_START_LINE[0])
"""Closing punctuation (``,`` ``.`` ``)`` ``」`` …) that must not begin a line (reportlab's list)."""


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_.,@/()'&%:;!?")


def _carry(line: list[str], ch: str, room: float, widths: dict[str, float]) -> int:
    """How many characters at the end of a full ``line`` move down with ``ch`` (0: break before ``ch``).

    A Latin word or a number goes whole when a space precedes it on the line, and closing
    punctuation takes the character before it along; never more than fits on the next line.
    """
    count = 0
    if _is_word_char(ch) and _is_word_char(line[-1]):
        k = len(line) - 1
        while k >= 0 and _is_word_char(line[k]):
            k -= 1
        if k >= 0 and line[k] == " ":
            count = len(line) - 1 - k
    elif ch in _NO_LINE_START and len(line) > 1 and line[-1] != " ":
        count = 1
    if count and sum(widths[c] for c in line[-count:]) + widths[ch] > room:
        return 0
    return count


def wrap_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points, its own line breaks kept.

    Korean breaks between any two characters, as reportlab's ``wordWrap='CJK'`` does; Latin
    words, numbers and closing punctuation follow the rules of :func:`_carry`. Only spaces at a
    break are dropped; a single character wider than ``width`` gets a line of its own.
    """
    widths = _GLYPH_WIDTHS.setdefault((font, size), {})
    out: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n"):
        if stringWidth(paragraph, font, size) <= width:  # most cells: one call into rl_accel
            out.append(paragraph.rstrip())
            continue
        line: list[str] = []
        used = 0.0
        broken = False
        for ch in paragraph:
            w = widths.get(ch)
            if w is None:
                w = widths[ch] = stringWidth(ch, font, size)
            if used + w > width and line:
                count = _carry(line, ch, width, widths)
                carried = line[len(line) - count :] if count else []
                out.append("".join(line[: len(line) - count]).rstrip())
                line, broken = carried, True
                used = sum(widths[c] for c in line)
            if ch == " " and broken and not line:
                continue  # a continued line does not start with the space it broke at
            line.append(ch)
            used += w
        out.append("".join(line).rstrip())
    return out


def _cell(text: str, width: float, align: Align, font: str, styles: Styles) -> str | Paragraph:
    """The text wrapped to its column (never cut): lines of a plain string, or a paragraph when tall."""
    lines = wrap_lines(text, width - 2 * CELL_PAD, font, styles.cell_size)
    if len(lines) > TALL_CELL_LINES:
        return para(text, styles.cell[align])
    return "\n".join(lines)


def _height(cells: Sequence[Any], widths: Sequence[float], minimum: float = 0.0) -> float:
    """Height of a table row: its tallest cell plus padding, as reportlab measures it."""
    tallest = 0.0
    for cell, width in zip(cells, widths, strict=True):
        if isinstance(cell, Flowable):
            height = float(cell.wrap(width - 2 * CELL_PAD, 1e9)[1])
        else:
            height = LEADING * (str(cell).count("\n") + 1)
        tallest = max(tallest, height)
    return max(tallest + 2 * ROW_PAD, minimum)


class _Table(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A Table that writes all its plain-string cells into one text object.

    reportlab's own Table makes a text object for every line of every cell (``drawString``);
    sharing one saves over a tenth of the time of a 10,000-row register. Other cells (paragraphs,
    the halves of a row split across pages) are drawn by reportlab as usual.
    """

    def draw(self) -> None:
        self._text = self.canv.beginText()
        self._text_font: tuple[str, float, float] | None = None
        self._text.setFillColor(INK)
        super().draw()
        self.canv.drawText(self._text)

    def _drawCell(  # noqa: N802 - reportlab's per-cell hook
        self, value: Any, style: CellStyle, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        if not isinstance(value, str) or style.valign != "MIDDLE" or style.color != INK:
            super()._drawCell(value, style, pos, size)
            return
        if not value:
            return
        text = self._text
        font = (style.fontname, style.fontsize, style.leading)
        if font != self._text_font:
            text.setFont(*font)
            self._text_font = font
        (left, bottom), (width, height) = pos, size
        lines = value.split("\n")
        # Where reportlab puts a middle-aligned string (Table._drawCell).
        y = bottom + (style.bottomPadding + height - style.topPadding + len(lines) * style.leading) / 2
        y -= style.fontsize
        for line in lines:
            if style.alignment == "LEFT":
                x = left + style.leftPadding
            else:
                w = stringWidth(line, style.fontname, style.fontsize)
                if style.alignment == "RIGHT":
                    x = left + width - style.rightPadding - w
                else:
                    x = left + (width + style.leftPadding - style.rightPadding - w) / 2
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= style.leading


@dataclass(frozen=True, slots=True)
class _RowStyles:
    """The cell styles of the header, of every body row, and of the last row (total or "no data").

    Rows share these objects: set once here, instead of table style commands that reportlab
    applies cell by cell to every page's table.
    """

    header: list[CellStyle]
    body: list[CellStyle]
    last: list[CellStyle]


def _cell_style(font: str, align: str, styles: Styles) -> CellStyle:
    style = CellStyle(f"{font}-{align}")
    style.fontname, style.fontsize, style.leading, style.color = font, styles.cell_size, LEADING, INK
    style.alignment, style.valign = align, "MIDDLE"
    style.leftPadding = style.rightPadding = CELL_PAD
    style.topPadding = style.bottomPadding = ROW_PAD
    return style


def _row_styles(
    columns: Sequence[Column], styles: Styles, last: Literal["body", "total", "empty"]
) -> _RowStyles:
    regular, bold = styles.fonts.regular, styles.fonts.bold
    body = [_cell_style(regular, _TABLE_ALIGN[c.align], styles) for c in columns]
    ends = {
        "body": body,
        "total": [_cell_style(bold, _TABLE_ALIGN[c.align], styles) for c in columns],
        "empty": [_cell_style(regular, "CENTER", styles) for _ in columns],
    }
    return _RowStyles([_cell_style(bold, "CENTER", styles) for _ in columns], body, ends[last])


@dataclass(frozen=True, slots=True)
class _Parts:
    """Everything needed to build the table of any run of rows, with every row's height."""

    widths: list[float]
    header: list[Any]
    body: list[list[Any]]
    base: list[tuple[Any, ...]]
    cell_styles: _RowStyles
    highlight: frozenset[int]
    highlight_columns: tuple[int, int]
    zebra: bool
    total_row: bool
    min_row_height: float
    header_height: float
    heights: list[float]

    def table(self, start: int, end: int, *, measured: bool = True) -> Table:
        """The table of body rows ``start`` … ``end - 1`` under the header.

        ``measured`` hands reportlab the row heights known already; without them it measures
        the rows itself, which it must to split one inside (its split rows get new heights).
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
        at_end = end == len(self.body) and end > start
        if self.total_row and at_end:
            commands += [
                ("BACKGROUND", (0, -1), (-1, -1), LABEL_BG),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
            ]
        styles = self.cell_styles
        cell_styles = [styles.header, *(styles.body for _ in range(start, end))]
        if at_end:
            cell_styles[-1] = styles.last
        if not measured:
            # reportlab changes the styles of a row it splits: give it its own copies.
            cell_styles = [[style.copy() for style in row] for row in cell_styles]
        table = _Table(
            [self.header, *self.body[start:end]],
            colWidths=self.widths,
            repeatRows=1,
            splitInRow=1,
            rowHeights=[self.header_height, *self.heights[start:end]] if measured else None,
            minRowHeights=None if measured else [0.0] + [self.min_row_height] * (end - start),
            cellStyles=cell_styles,
        )
        table.setStyle(TableStyle(commands))
        return table


class PagedTable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A long table laid out page by page (see the module docstring).

    State: the shared parts (rows and their heights), the first row this piece starts at, and
    the table built for the last ``wrap`` that fitted (drawn as is).
    """

    def __init__(self, parts: _Parts, start: int = 0) -> None:
        super().__init__()
        self._parts = parts
        self._start = start
        self._fitted: Table | None = None
        self.width = sum(parts.widths)

    def _rows_fitting(self, avail_height: float) -> int:
        """How many rows from ``start`` fit under the header in ``avail_height``."""
        heights = self._parts.heights
        used = self._parts.header_height
        end = self._start
        while end < len(heights):
            used += heights[end]
            if used > avail_height:
                break
            end += 1
        return end - self._start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._fitted = None
        end = len(self._parts.body)
        if self._rows_fitting(avail_height) < end - self._start:
            return self.width, avail_height + 1  # does not fit: the frame asks us to split
        self._fitted = self._parts.table(self._start, end)
        return self.width, float(self._fitted.wrap(avail_width, avail_height)[1])

    def draw(self) -> None:
        table = self._fitted or self._parts.table(self._start, len(self._parts.body))
        table.wrapOn(self.canv, self.width, 1e9)
        table.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        end = self._start + self._rows_fitting(avail_height)
        if end > self._start:
            return [self._parts.table(self._start, end), *self._rest(end)]
        if not getattr(self, "_postponed", False):
            return []  # try again at the top of the next page
        # One row taller than a whole page: reportlab splits inside that row (splitInRow), which
        # only a row whose tall cells are paragraphs allows (see TALL_CELL_LINES).
        end = self._start + 1
        pieces: list[Flowable] = self._parts.table(self._start, end, measured=False).split(
            avail_width, avail_height
        )
        return [*pieces, *self._rest(end)] if pieces else []

    def _rest(self, end: int) -> list[Flowable]:
        return [PagedTable(self._parts, end)] if end < len(self._parts.body) else []


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
    header = [
        _cell(c.header, w, "center", styles.fonts.bold, styles) for c, w in zip(columns, widths, strict=True)
    ]
    fonts = [styles.fonts.regular] * len(rows)
    if total_row and rows:
        fonts[-1] = styles.fonts.bold  # the total row is printed in bold, which is wider
    body = [
        [_cell(str(v), w, c.align, font, styles) for v, w, c in zip(row, widths, columns, strict=True)]
        for row, font in zip(rows, fonts, strict=True)
    ]
    # Fonts, sizes, paddings and alignment are in the cell styles (see _RowStyles).
    base: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
    ]
    last: Literal["body", "total", "empty"] = "total" if total_row and rows else "body"
    if not rows:
        base.append(("SPAN", (0, 1), (-1, 1)))
        body = [["해당 자료가 없습니다.", *("" for _ in columns[1:])]]
        highlight, zebra, total_row, last = (), False, False, "empty"
    minimum = min_row_height or 0.0
    parts = _Parts(
        widths,
        header,
        body,
        base,
        _row_styles(columns, styles, last),
        frozenset(highlight),
        highlight_columns,
        zebra,
        total_row,
        minimum,
        _height(header, widths),
        [_height(row, widths, minimum) for row in body],
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
