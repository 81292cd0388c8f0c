"""PDF table cells: texts wrapped to their column, nothing lost or cut, even over pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from report_helpers import ACTOR, NOW, PdfFacts, add_case, add_firm, pdf_facts
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.store.db import Database
from reports.fonts import korean_fonts
from reports.pdf.layout import (
    FOOTER_SPACE,
    HEADER_SPACE,
    MARGIN,
    ReportMeta,
    build_pdf,
    frame_width,
    make_styles,
)
from reports.pdf.register import COLUMNS as REGISTER_COLUMNS
from reports.pdf.register import render_register
from reports.pdf.tables import Column, column_widths, data_table, wrap_lines

SIZE = 8.0
TEXTS = (
    "체납된 국세 30000만 원을 분할납부할 수 있는지, 압류 해제가 가능한지 문의드립니다.",
    "수출 바우처 신청과 관련하여 " * 40 + "끝.",
    "Samsung Electronics Co., Ltd. Gwangyang Plant 2 (광양 제2공장)",
    "첫 줄\n둘째 줄은 조금 더 길어서 칸을 넘어가면 다음 줄로 넘어갑니다.\n\n셋째",
    "W" * 300,
    "",
)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [40.0, 120.0, 400.0])
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: float) -> None:
    font = korean_fonts().regular
    lines = wrap_lines(text, width, font, SIZE)
    for line in lines:
        assert len(line) == 1 or stringWidth(line, font, SIZE) <= width + 1e-6, line
    # Only the spaces at a break may go; every other character stays, in order.
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert len(lines) >= text.count("\n") + 1


def test_words_and_numbers_move_whole_and_no_line_starts_with_a_comma() -> None:
    font = korean_fonts().regular
    lines = wrap_lines("Samsung Electronics Co., Ltd. Gwangyang Plant 2", 110, font, SIZE)
    assert lines == ["Samsung Electronics Co.,", "Ltd. Gwangyang Plant 2"] or all(
        word in " ".join(lines).split() for word in ("Samsung", "Electronics", "Gwangyang", "Plant")
    )
    for width in range(60, 200, 7):
        for line in wrap_lines(TEXTS[0], float(width), font, SIZE):
            assert not line.startswith((",", ".", ")"))


def test_a_short_value_is_left_as_it_is() -> None:
    font = korean_fonts().regular
    assert wrap_lines("2026-03-02", 200, font, SIZE) == ["2026-03-02"]


# --- tables in a PDF: cut nothing, split what is taller than a page ---------------------------------

LANDSCAPE = ReportMeta(
    title="표 시험", office="원스톱 현장지원단", issued_at=NOW, landscape=True, approval=False
)
COLUMNS = (Column("연번", 0.5, "right"), Column("내용", 4.0), Column("비고", 1.0, "center"))
TALL_TEXT = ("수출 바우처 신청서류 ABC-123 검토, 2026년 3월까지 완료 요청. " * 500)[:19_995] + " 마지막."


def column_text(facts: PdfFacts, meta: ReportMeta, columns: Sequence[Column], index: int) -> str:
    """The words printed inside one column of the body frame, in reading order, without spaces.

    A word running past the column's edges is left out, so an overflowing line shows as missing text.
    """
    widths = column_widths(columns, frame_width(meta))
    left = MARGIN + sum(widths[:index])
    right = left + widths[index]
    top, bottom = MARGIN + HEADER_SPACE, facts.page_height - MARGIN - FOOTER_SPACE
    inside = [
        w
        for w in facts.words
        if left <= w.x_min
        and w.x_max <= right
        and top <= w.y_min
        and w.y_max <= bottom
        and w.text != columns[index].header
    ]
    inside.sort(key=lambda w: (w.page, round(w.y_max, 1), w.x_min))
    return "".join(w.text for w in inside)


def compact(*texts: str) -> str:
    return "".join("".join(t.split()) for t in texts)


def render_table(rows: list[tuple[str, str, str]], out: Path) -> PdfFacts:
    styles = make_styles()
    result = build_pdf(out, LANDSCAPE, [data_table(COLUMNS, rows, styles, frame_width(LANDSCAPE))], styles)
    facts = pdf_facts(out)
    assert facts.pages == result.pages
    return facts


def test_a_cell_taller_than_a_page_splits_over_pages_and_keeps_every_character(tmp_path: Path) -> None:
    rows = [(str(i), f"앞선 행 {i}의 짧은 글", "") for i in range(1, 4)]
    rows.append(("4", TALL_TEXT, "긴 행"))
    rows += [(str(i), f"뒤따르는 행 {i}의 글", "") for i in range(5, 8)]
    facts = render_table(rows, tmp_path / "tall.pdf")
    assert facts.pages >= 4
    assert column_text(facts, LANDSCAPE, COLUMNS, 1) == compact(*(text for _, text, _ in rows))
    pages_with_header = {w.page for w in facts.words if w.text == "내용"}
    assert pages_with_header == set(range(1, facts.pages + 1))


def test_rows_under_the_tall_limit_move_whole_to_the_next_page(tmp_path: Path) -> None:
    # Each text wraps to about 13 lines: several rows per page, never one cut at a page break.
    rows = [
        (str(i), f"START{i:02d} " + "정책자금 상환유예 요건과 신청 절차 문의. " * 45 + f"END{i:02d}", "")
        for i in range(12)
    ]
    facts = render_table(rows, tmp_path / "rows.pdf")
    assert facts.pages >= 3
    assert column_text(facts, LANDSCAPE, COLUMNS, 1) == compact(*(text for _, text, _ in rows))
    for i in range(12):
        (start,) = {w.page for w in facts.words if w.text == f"START{i:02d}"}
        (end,) = {w.page for w in facts.words if w.text == f"END{i:02d}"}
        assert start == end


def test_register_row_with_a_20000_character_difficulty_keeps_every_character(
    demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy, name="(주)남도정밀")
    add_case(demo_copy, firm_id, TALL_TEXT, received=datetime(2026, 11, 25, 10, 0), agency="JNEPA")
    out = tmp_path / "register.pdf"
    result = render_register(
        demo_copy, out, ACTOR, date_from=date(2026, 11, 25), date_to=date(2026, 11, 25), now=NOW
    )
    facts = pdf_facts(out)
    assert facts.pages == result.pages >= 10
    meta = ReportMeta(title="", office="", issued_at=NOW, landscape=True)
    difficulty = [c.header for c in REGISTER_COLUMNS].index("애로사항")
    assert compact(TALL_TEXT) in column_text(facts, meta, REGISTER_COLUMNS, difficulty)
