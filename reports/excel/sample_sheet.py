"""A realistic messy clinic spreadsheet (title rows, merged dates, mixed formats) for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop.core.ids import brn_check_digit

FIELD_WORDS = (
    "법인세 문의",
    "부가세 환급",
    "수출 바우처",
    "FTA 원산지",
    "정책자금",
    "운전자금 대출",
    "보증서 발급",
    "R&D 과제",
    "채용 지원",
    "퇴직연금",
    "판로 개척",
    "노무 상담",
    "공장 인허가",
    "특허 출원",
    "경영 컨설팅",
    "세무",
    "지원사업",
    "금융·보증",
)
TEXTS = (
    "법인세 중간예납 납부기한 연장이 가능한지 문의합니다.",
    "수출 바우처 사업 참여 자격과 해외 전시회 지원 범위를 문의합니다.",
    "운전자금 긴급경영안정자금 신청 절차를 알고 싶습니다.",
    "기술보증기금 보증서 발급 한도 상향 가능 여부를 문의합니다.",
    "생산직 채용이 어려워 구인 연계와 채용장려금을 문의합니다.",
    "FTA 원산지증명서 발급 절차와 원산지 판정 기준을 알고 싶습니다.",
    "특허 출원 비용 지원과 선행기술 조사 지원을 문의합니다.",
    "공장 증설 인허가 지연으로 규제 해소 방안을 알고 싶습니다.",
)
FIRMS = ("광양철강", "순천식품", "여수기계", "영암조선", "나주에너지", "목포수산", "남도정밀", "한빛테크")
FORMS = ("(주)", "", "주식회사 ", "(유)")


def random_brn(rng: random.Random) -> str:
    """A valid BRN; about one in eight starts with 0 (the zero Excel drops from numbers)."""
    first = "0" if rng.random() < 0.125 else str(rng.randint(1, 8))
    first9 = first + f"{rng.randint(0, 99_999_999):08d}"
    return first9 + str(brn_check_digit(first9))


def write_clinic_sheet(
    path: Path, rows: int = 5000, *, seed: int = 0, firms: int = 400, start: date = date(2024, 3, 4)
) -> Path:
    """Write a clinic log like consultants keep: two title rows, a header with everyday names,
    dates merged over the rows of one day and written in three ways, BRNs as text with and
    without dashes and as numbers, free field names, a 합계 row at the end. Every row is valid.
    """
    rng = random.Random(seed)
    brns = [random_brn(rng) for _ in range(firms)]
    names = [f"{rng.choice(FORMS)}{rng.choice(FIRMS)}{i:03d}" for i in range(firms)]
    wb = Workbook()
    ws = wb.active
    ws.title = "애로사항 접수"
    ws["A1"] = f"{start.year}년 원스톱 현장지원단 애로사항 접수대장"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws["A2"] = "작성: 원스톱 현장지원단 (내부용)"
    ws.append([])
    ws.append(
        ["연번", "접수일자", "업체명", "사업자 번호", "대표자", "애로 분야", "애로사항 내용", "처리결과"]
    )
    day = start
    row_number = ws.max_row
    written = 0
    while written < rows:
        block = min(rng.randint(3, 12), rows - written)
        first_row = row_number + 1
        for i in range(block):
            n = rng.randrange(firms)
            brn = brns[n]
            style = rng.random()
            brn_cell: str | int = (
                int(brn) if style < 0.3 else (f"{brn[:3]}-{brn[3:5]}-{brn[5:]}" if style < 0.7 else brn)
            )
            if i == 0:
                form = rng.random()
                date_cell: str | date = (
                    f"{day.year}.{day.month}.{day.day}"
                    if form < 0.33
                    else day.strftime("%y-%m-%d")
                    if form < 0.66
                    else day
                )
            else:
                date_cell = ""
            written += 1
            ws.append(
                [
                    written,
                    date_cell or None,
                    names[n],
                    brn_cell,
                    "",
                    rng.choice(FIELD_WORDS),
                    f"{rng.choice(TEXTS)} (상담 {written})",
                    "현장해결" if rng.random() < 0.3 else "",
                ]
            )
            row_number += 1
        if block > 1:
            ws.merge_cells(start_row=first_row, start_column=2, end_row=row_number, end_column=2)
        day += timedelta(days=rng.choice((1, 1, 2, 3)))
        if day > start + timedelta(days=600):
            day = start  # stay in the past whatever the number of rows
    ws.append(["합계", None, None, None, None, None, f"{rows}건", None])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
