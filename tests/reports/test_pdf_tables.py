"""Table cells of the PDF reports: texts wrapped to their column without losing or cutting anything."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.fonts import korean_fonts
from reports.pdf.tables import wrap_lines

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
