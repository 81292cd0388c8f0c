"""Shared look of the printed reports: styles, header/footer with "n / N", title and approval blocks.

Every report builds a list of flowables with the helpers here and hands it to
:func:`build_pdf`, which writes the file atomically (in a scratch folder beside it, then a
rename: :func:`reports.scratch.atomic_target`). Page numbers
"n / N" need the page count, known only at the end: :func:`_numbered_canvas` keeps each
page's drawing state and decorates all pages when the document is saved (two passes over
the pages, one layout run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports.fonts import KoreanFonts, korean_fonts
from reports.scratch import atomic_target

MARGIN = 15 * mm
HEADER_SPACE = 9 * mm
FOOTER_SPACE = 9 * mm
CELL_PAD = 3.0
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#8a96a3")
HEAD_BG = colors.HexColor("#dfe7f1")
LABEL_BG = colors.HexColor("#eef2f7")
ZEBRA = colors.HexColor("#f7f9fb")
OVERDUE_BG = colors.HexColor("#fde2e1")
OVERDUE_INK = colors.HexColor("#b42318")
APPROVAL_TITLES: tuple[str, ...] = ("담당", "팀장", "센터장")

Align = Literal["left", "center", "right"]
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_TABLE_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What every page of a report says about the report.

    Attributes:
        title: the report title (사례 기록지, 처리대장, ...).
        office: the issuing office (발행 기관), printed in the header and the title block.
        issued_at: when the report was made (printed in the footer).
        period: the period covered, e.g. ``2026-01-01 ~ 2026-03-31`` (may be empty).
        subtitle: a second title line (case number, session name, agency).
        masked: personal data masked; the footer says which.
        landscape: A4 landscape instead of portrait.
        approval: print the approval block (담당/팀장/센터장).
    """

    title: str
    office: str
    issued_at: datetime
    period: str = ""
    subtitle: str = ""
    masked: bool = True
    landscape: bool = False
    approval: bool = True


@dataclass(frozen=True, slots=True)
class Styles:
    """Paragraph styles of the reports, all in the registered Korean font."""

    fonts: KoreanFonts
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: dict[str, ParagraphStyle]
    head: ParagraphStyle
    label: ParagraphStyle
    big_number: ParagraphStyle
    long_text: ParagraphStyle
    cell_size: float = 8.0


def make_styles(fonts: KoreanFonts | None = None) -> Styles:
    """Styles in the Korean font; Korean wraps between any two characters (``wordWrap='CJK'``)."""
    fonts = fonts or korean_fonts()
    base = {"fontName": fonts.regular, "textColor": INK, "wordWrap": "CJK"}
    cell = {
        align: ParagraphStyle(f"cell-{align}", fontSize=8, leading=10, alignment=_ALIGN[align], **base)
        for align in ("left", "center", "right")
    }
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "title",
            fontSize=18,
            leading=24,
            alignment=TA_CENTER,
            spaceAfter=2,
            **(base | {"fontName": fonts.bold}),
        ),
        subtitle=ParagraphStyle("subtitle", fontSize=11, leading=15, alignment=TA_CENTER, **base),
        h2=ParagraphStyle(
            "h2", fontSize=11, leading=15, spaceBefore=9, spaceAfter=4, **(base | {"fontName": fonts.bold})
        ),
        body=ParagraphStyle("body", fontSize=9.5, leading=14, **base),
        note=ParagraphStyle("note", fontSize=7.5, leading=10, **(base | {"textColor": MUTED})),
        cell=cell,
        head=ParagraphStyle(
            "head", fontSize=8, leading=10, alignment=TA_CENTER, **(base | {"fontName": fonts.bold})
        ),
        label=ParagraphStyle(
            "label", fontSize=8, leading=10, alignment=TA_LEFT, **(base | {"fontName": fonts.bold})
        ),
        big_number=ParagraphStyle(
            "big", fontSize=15, leading=19, alignment=TA_CENTER, **(base | {"fontName": fonts.bold})
        ),
        long_text=ParagraphStyle(
            "long",
            fontSize=8,
            leading=11,
            borderWidth=0.4,
            borderColor=RULE,
            borderPadding=(3, 4, 4, 4),
            spaceBefore=3,
            spaceAfter=6,
            leftIndent=4,
            rightIndent=4,
            **base,
        ),
    )


def page_size(meta: ReportMeta) -> tuple[float, float]:
    size: tuple[float, float] = landscape(A4) if meta.landscape else A4
    return size


def frame_width(meta: ReportMeta) -> float:
    """Width available to flowables on a page of this report."""
    return float(page_size(meta)[0] - 2 * MARGIN)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def section(title: str, styles: Styles) -> Paragraph:
    return Paragraph(escape(title), styles.h2)


def table_style(styles: Styles, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose plain-string (and empty) cells use the Korean font, never Helvetica."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
            ("FONTSIZE", (0, 0), (-1, -1), styles.cell_size),
            *commands,
        ]
    )


# --- title block and approval block --------------------------------------------------------------


def approval_block(styles: Styles, titles: Sequence[str] = APPROVAL_TITLES) -> Table:
    """The 결재란: a "결재" label and one signature box per approver (담당/팀장/센터장)."""
    label = Paragraph("결<br/>재", styles.head)
    data: list[list[Any]] = [
        [label, *(Paragraph(escape(t), styles.head) for t in titles)],
        ["", *("" for _ in titles)],
    ]
    table = Table(
        data, colWidths=[7 * mm, *(19 * mm for _ in titles)], rowHeights=[6.5 * mm, 15 * mm], hAlign="RIGHT"
    )
    table.setStyle(
        table_style(
            styles,
            [
                ("SPAN", (0, 0), (0, 1)),
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (0, 1), LABEL_BG),
                ("BACKGROUND", (1, 0), (-1, 0), LABEL_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ],
        )
    )
    return table


def title_block(meta: ReportMeta, styles: Styles) -> list[Flowable]:
    """Approval block (top right), the title, a subtitle and a line with period, office and date."""
    width = frame_width(meta)
    out: list[Flowable] = []
    if meta.approval:
        out.append(approval_block(styles))
        out.append(Spacer(1, 3 * mm))
    out.append(para(meta.title, styles.title))
    if meta.subtitle:
        out.append(para(meta.subtitle, styles.subtitle))
    out.append(Spacer(1, 3 * mm))
    facts = [
        ("기간", meta.period or "-"),
        ("발행", meta.office),
        ("작성일", meta.issued_at.strftime("%Y-%m-%d")),
    ]
    cells: list[Any] = []
    widths: list[float] = []
    weights = (0.42, 0.38, 0.20)
    for (label, value), weight in zip(facts, weights, strict=True):
        cells += [Paragraph(escape(label), styles.label), para(value, styles.cell["left"])]
        widths += [14 * mm, width * weight - 14 * mm]
    line = Table([cells], colWidths=widths)
    line.setStyle(
        table_style(
            styles,
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("BACKGROUND", (0, 0), (0, 0), LABEL_BG),
                ("BACKGROUND", (2, 0), (2, 0), LABEL_BG),
                ("BACKGROUND", (4, 0), (4, 0), LABEL_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
    )
    out += [line, Spacer(1, 2 * mm)]
    return out


def keep(flowables: Sequence[Flowable]) -> KeepTogether:
    return KeepTogether(list(flowables))


# --- pages ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class BuildResult:
    """What :func:`build_pdf` produced."""

    path: Path
    pages: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _numbered_canvas(meta: ReportMeta, fonts: KoreanFonts, result: BuildResult) -> Callable[..., Canvas]:
    """A canvas class that remembers every page and draws header and "n / N" footer on save."""
    width, height = page_size(meta)
    privacy = "개인정보 마스킹 출력" if meta.masked else "개인정보 포함 · 취급 주의 (마스킹 해제 출력)"

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            result.pages = total
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            top = height - MARGIN
            # Header and footer stay inside the margins: glyphs included, not just baselines.
            self.setFont(fonts.regular, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, top - 7, meta.office)
            self.drawRightString(width - MARGIN, top - 7, meta.title)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, top - 10, width - MARGIN, top - 10)
            self.line(MARGIN, MARGIN + 13, width - MARGIN, MARGIN + 13)
            self.drawString(MARGIN, MARGIN + 3, f"출력 {meta.issued_at.strftime('%Y-%m-%d %H:%M')}")
            self.drawRightString(width - MARGIN, MARGIN + 3, privacy)
            self.setFont(fonts.regular, 9)
            self.setFillColor(INK)
            self.drawCentredString(width / 2, MARGIN + 3, f"{self._pageNumber} / {total}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(out: Path, meta: ReportMeta, story: Sequence[Flowable], styles: Styles) -> BuildResult:
    """Lay out ``story`` on A4 pages with header and footer; the file appears only when complete.

    Returns:
        The path and the number of pages.
    """
    out = Path(out)
    width, height = page_size(meta)
    result = BuildResult(out)
    with atomic_target(out) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=(width, height),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE,
            bottomMargin=MARGIN + FOOTER_SPACE,
            title=meta.title + (f" — {meta.subtitle}" if meta.subtitle else ""),
            author=meta.office,
            subject=meta.period,
            creator="OneStop Field Desk (원스톱 현장지원 데스크)",
            lang="ko-KR",
            # Without this every page names Helvetica (never embedded) as its starting font.
            initialFontName=styles.fonts.regular,
        )
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_SPACE,
            width - 2 * MARGIN,
            height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(list(story), canvasmaker=_numbered_canvas(meta, styles.fonts, result))
    return result
