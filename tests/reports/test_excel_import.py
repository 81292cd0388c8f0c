"""Import of messy clinic spreadsheets built here: mapping, parsing, all-or-nothing, re-imports."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_helpers import ACTOR, TODAY

from desktop.core.errors import RejectedInput
from desktop.core.ids import brn_check_digit
from desktop.store import cases, firms, imports, queries, sessions
from desktop.store.db import Database
from reports.excel import cell_values as cv
from reports.excel.header_synonyms import find_header_row, match_header
from reports.excel.importer import import_workbook, preview_import
from reports.excel.sample_sheet import write_clinic_sheet


def brn(first9: str) -> str:
    return first9 + str(brn_check_digit(first9))


ZERO_BRN = brn("012345678")  # a number in Excel: 123456789x, the zero gone
DASH_BRN = brn("124810099")
PLAIN_BRN = brn("617812345")
GWANGYANG_BRN = brn("305861234")


def ugly_workbook(extra_rows: list[list[Any]] | None = None) -> Workbook:
    """Two sheets the way consultants keep them: titles, merged cells, everyday header names."""
    wb = Workbook()
    ws: Worksheet = wb.active
    ws.title = "3월 순천"
    ws["A1"] = "2024년 순천 원스톱 현장지원단 애로사항 접수대장"
    ws.merge_cells("A1:K1")
    ws["A2"] = "작성: 김상담 (전남경제진흥원)"
    ws.append([])
    ws.append(
        [
            "연번",
            "접수 일자",
            "업체명",
            "사업자 번호",
            "대표자",
            "연락처",
            "애로 분야",
            "애로사항 내용",
            "처리결과",
            "담당기관",
            "동의",
        ]
    )
    # Rows 5-6: one visit, two difficulties; date, firm and BRN merged over both rows.
    ws.append(
        [
            1,
            "2024.5.3",
            "(주)영암정밀",
            int(ZERO_BRN),
            "홍길동",
            "010-1234-5678",
            "법인세 문의",
            "법인세 중간예납 납부기한 연장 문의",
            "",
            "",
            "",
        ]
    )
    ws.append([2, None, None, None, None, None, "수출 바우처", "수출바우처 신청 자격 문의", "", "KOTRA", "O"])
    ws.merge_cells("B5:B6")
    ws.merge_cells("C5:C6")
    ws.merge_cells("D5:D6")
    ws.append(
        [
            3,
            "24-05-03",
            "순천식품",
            f"{DASH_BRN[:3]}-{DASH_BRN[3:5]}-{DASH_BRN[5:]}",
            "",
            "",
            "정책자금",
            "운전자금 신청 절차",
            "현장해결",
            "중진공",
            "",
        ]
    )
    ws.append([4, 45415, "여수기계", PLAIN_BRN, "", "", "", "특허 출원 비용 지원 문의", "", "", ""])
    ws.append([])
    ws.append(["연번", "접수 일자", "업체명", "사업자 번호"])  # the header again, as on a printed page
    ws.append(["", "", "소계", "", "", "", "", "4건", "", "", ""])
    for row in extra_rows or []:
        ws.append(row)
    ws.append(["합 계", "", "", "", "", "", "", "4건", "", "", ""])

    second = wb.create_sheet("4월 광양")
    second["A1"] = "광양 현장 클리닉"
    second["A2"] = "(단위: 건)"
    second.append(["No", "상담일", "회사명", "사업자등록번호", "애로사항", "분야"])
    second.append(
        [1, datetime(2024, 4, 2, 14, 30), "광양철강", GWANGYANG_BRN, "공장 증설 인허가 지연", "규제"]
    )
    second.append([2, "2024년 4월 3일", "광양철강", GWANGYANG_BRN, "생산직 채용 지원 문의", "채용"])
    wb.create_sheet("메모")["A1"] = "이 시트는 자료가 아닙니다"
    return wb


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def count(db: Database) -> tuple[int, int]:
    return queries.count_cases(db, queries.CaseFilter()), firms.count_firms(db)


def test_messy_sheets_are_read_row_by_row_with_the_right_values(db: Database, tmp_path: Path) -> None:
    path = save(ugly_workbook(), tmp_path / "clinic.xlsx")
    preview = preview_import(db, path, today=TODAY)
    assert preview.ok, [p.text() for p in preview.problems]
    assert [
        (s.name, s.header_row, s.data_rows, s.blank_rows, s.total_rows, s.repeated_headers)
        for s in preview.sheets
    ] == [("3월 순천", 4, 4, 1, 2, 1), ("4월 광양", 3, 2, 0, 0, 0)]
    assert preview.skipped_sheets == ("메모",)
    mapping = {m.header: m.target for m in preview.sheets[0].mapping}
    assert (
        mapping["사업자 번호"] == "brn" and mapping["접수 일자"] == "date" and mapping["애로 분야"] == "field"
    )
    rows = {(r.sheet, r.row): r for r in preview.rows}
    first, second = rows[("3월 순천", 5)], rows[("3월 순천", 6)]
    assert first.brn == second.brn == ZERO_BRN  # number without its zero, then a merged cell
    assert first.received == second.received == date(2024, 5, 3)
    assert second.firm_name == "(주)영암정밀"
    assert (first.field_code, second.field_code) == ("F01", "F06")  # "법인세 문의", "수출 바우처"
    assert second.agency_id == "KOTRA" and second.consent
    third = rows[("3월 순천", 7)]
    assert third.brn == DASH_BRN and third.received == date(2024, 5, 3) and third.onsite_answer
    assert third.agency_id == ""  # answered on the spot by the agency's consultant
    assert rows[("3월 순천", 8)].received == date(2024, 5, 3)  # Excel serial 45415
    assert rows[("3월 순천", 8)].field_code == "F12"  # no field written: suggested from the text
    assert rows[("4월 광양", 4)].received == date(2024, 4, 2)
    assert rows[("4월 광양", 5)].received == date(2024, 4, 3)


def test_a_guessed_field_is_named_in_both_languages(db: Database, tmp_path: Path) -> None:
    preview = preview_import(db, save(ugly_workbook(), tmp_path / "clinic.xlsx"), today=TODAY)
    guessed = next(w for w in preview.warnings if "법인세 문의" in w.ko)
    assert "'세무'" in guessed.ko
    assert guessed.en == "Field '법인세 문의' read as F01 Tax."


def test_import_stores_firms_and_cases_routed_and_resolved(db: Database, tmp_path: Path) -> None:
    path = save(ugly_workbook(), tmp_path / "clinic.xlsx")
    result = import_workbook(db, path, ACTOR, today=TODAY)
    assert (result.added, result.skipped_duplicates, result.firms_created) == (6, 0, 4)
    firm = firms.firms_by_brn(db, ZERO_BRN)[0]
    assert firm.name == "(주)영암정밀" and firm.representative == "홍길동" and firm.phone == "010-1234-5678"
    stored = {cases.get_case(db, i).text: cases.get_case(db, i) for i in result.case_ids}
    routed = stored["수출바우처 신청 자격 문의"]
    assert routed.agency_id == "KOTRA" and routed.status == "assigned"
    assert [c.agency_id for c in cases.consents(db, routed.id)] == ["KOTRA"]
    onsite = stored["운전자금 신청 절차"]
    assert onsite.status == "onsite_resolved" and onsite.onsite and onsite.field_code == "F03"
    assert stored["공장 증설 인허가 지연"].received_at == datetime(2024, 4, 2, 9, 0)
    notes = [e.payload.get("text") for e in cases.timeline(db, onsite.id) if e.kind == "note"]
    assert notes == ["현장해결 (엑셀 가져오기) (중진공)"]


def test_one_bad_row_means_nothing_is_imported_and_every_bad_row_is_named(
    db: Database, tmp_path: Path
) -> None:
    bad = [
        [5, "2024.5.7", "나쁜번호", "124-81-00990", "", "", "세무", "검증번호 틀림", "", "", ""],
        [6, "다음 주", "날짜없음", PLAIN_BRN, "", "", "세무", "날짜를 읽을 수 없음", "", "", ""],
        [7, "2024.5.7", "내용없음", PLAIN_BRN, "", "", "세무", "", "", "", ""],
        [8, "2024.5.7", "주민번호", PLAIN_BRN, "", "", "세무", "대표 900101-1234567 문의", "", "", ""],
        [9, "2024.5.7", "기관오류", PLAIN_BRN, "", "", "세무", "없는 기관", "", "없는기관청", "O"],
        [10, "2024.5.7", "", brn("999999990"), "", "", "세무", "새 기업인데 이름이 없음", "", "", ""],
        [11, "2030.1.1", "미래", PLAIN_BRN, "", "", "세무", "미래 날짜", "", "", "아마도"],
    ]
    path = save(ugly_workbook(bad), tmp_path / "bad.xlsx")
    before = count(db)
    with pytest.raises(RejectedInput) as info:
        import_workbook(db, path, ACTOR, today=TODAY)
    assert count(db) == before and imports.batch_count(db) == 0
    problems = info.value.problems
    assert {p.source for p in problems} == {"bad.xlsx:3월 순천"}
    where = {(p.row, p.field) for p in problems}
    assert where == {
        (12, "사업자 번호"),
        (13, "접수 일자"),
        (14, "애로사항 내용"),
        (15, "애로사항 내용"),
        (16, "담당기관"),
        (17, "업체명"),
        (18, "접수 일자"),
        (18, "동의"),
    }
    english = info.value.text("en")
    assert "bad.xlsx:3월 순천 / row 12 / 사업자 번호: The check digit" in english
    assert "행 13 / 접수 일자: 날짜로 읽을 수 없습니다: '다음 주'" in info.value.text("ko")


def test_reimporting_the_same_file_adds_nothing_and_says_how_many_were_skipped(
    db: Database, tmp_path: Path
) -> None:
    path = save(ugly_workbook(), tmp_path / "clinic.xlsx")
    import_workbook(db, path, ACTOR, today=TODAY)
    before = count(db)
    again = import_workbook(db, path, ACTOR, today=TODAY)
    assert (again.added, again.skipped_duplicates) == (0, 6) and count(db) == before
    grown = ugly_workbook(
        [[5, "2024.5.7", "여수기계", PLAIN_BRN, "", "", "", "새로 적은 애로사항", "", "", ""]]
    )
    third = import_workbook(db, save(grown, tmp_path / "grown.xlsx"), ACTOR, today=TODAY)
    assert (third.added, third.skipped_duplicates, third.firms_created) == (1, 6, 0)


def test_a_new_firm_needs_its_name_only_once_in_the_file(db: Database, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["사업자번호", "기업명", "접수일", "애로사항"])
    ws.append([PLAIN_BRN, "여수기계", "2024-05-03", "첫 번째 문의"])
    ws.append([PLAIN_BRN, "", "2024-05-04", "두 번째 문의"])
    result = import_workbook(db, save(wb, tmp_path / "n.xlsx"), ACTOR, today=TODAY)
    assert (result.added, result.firms_created) == (2, 1)


def test_a_row_written_twice_in_one_file_is_imported_once(db: Database, tmp_path: Path) -> None:
    twice = [[5, "2024-05-03", "여수기계", PLAIN_BRN, "", "", "", "특허 출원 비용  지원 문의", "", "", ""]]
    result = import_workbook(db, save(ugly_workbook(twice), tmp_path / "t.xlsx"), ACTOR, today=TODAY)
    assert (result.added, result.skipped_duplicates) == (6, 1)


def test_dry_run_checks_everything_and_stores_nothing(db: Database, tmp_path: Path) -> None:
    before = count(db)
    result = import_workbook(db, save(ugly_workbook(), tmp_path / "c.xlsx"), ACTOR, dry_run=True, today=TODAY)
    assert result.dry_run and result.added == 6 and count(db) == before


def test_a_session_gives_rows_their_session_and_missing_dates(db: Database, tmp_path: Path) -> None:
    session_id, _ = sessions.add_session(
        db, name="2024 광양 현장지원단", day=date(2024, 6, 12), place="광양", actor=ACTOR
    )
    wb = Workbook()
    ws = wb.active
    ws.append(["사업자등록번호", "기업명", "애로사항"])
    ws.append([PLAIN_BRN, "여수기계", "수출 바우처 문의"])
    result = import_workbook(db, save(wb, tmp_path / "s.xlsx"), ACTOR, session_id=session_id, today=TODAY)
    case = cases.get_case(db, result.case_ids[0])
    assert case.session_id == session_id and case.received_at == datetime(2024, 6, 12, 9, 0)
    with pytest.raises(RejectedInput) as info:
        import_workbook(db, tmp_path / "s.xlsx", ACTOR, today=TODAY)
    assert "접수일" in info.value.text()  # without a session the date column is required


def test_an_agency_without_a_consent_mark_is_not_routed(db: Database, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["사업자번호", "상호", "접수일", "애로사항", "담당기관"])
    ws.append([PLAIN_BRN, "여수기계", "2024-05-03", "보증서 발급 문의", "신용보증기금"])
    path = save(wb, tmp_path / "a.xlsx")
    preview = preview_import(db, path, today=TODAY)
    assert [w.field for w in preview.warnings] == ["담당기관"]
    result = import_workbook(db, path, ACTOR, today=TODAY)
    case = cases.get_case(db, result.case_ids[0])
    assert case.agency_id == "" and case.status == "received"


def test_formulas_are_read_as_their_cached_values_never_run(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("수식")
    ws.write_row(0, 0, ["사업자등록번호", "기업명", "접수일", "애로사항"])
    ws.write_row(1, 0, [PLAIN_BRN, "여수기계", "2024-05-03"])
    ws.write_formula(1, 3, '=CONCATENATE("정책자금"," 문의")', None, "정책자금 문의")
    ws.write_row(2, 0, [DASH_BRN, "순천식품", "2024-05-03"])
    ws.write_string(2, 3, "=cmd|' /C calc'!A0")
    book.close()
    result = import_workbook(db, path, ACTOR, today=TODAY)
    texts = sorted(cases.get_case(db, i).text for i in result.case_ids)
    assert texts == ["=cmd|' /C calc'!A0", "정책자금 문의"]


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_files_that_are_not_safe_xlsx_workbooks_are_refused(db: Database, tmp_path: Path) -> None:
    ole = tmp_path / "old.xlsx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"just text, not a workbook")
    xls = tmp_path / "clinic.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    not_excel = _zip(tmp_path / "zip.xlsx", {"hello.txt": b"hi"})
    bomb = _zip(
        tmp_path / "bomb.xlsx",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b" " * (30 * 1024 * 1024),
        },
    )
    expected = {
        ole: "암호",
        junk: "xlsx 형식이 아니",
        xls: ".xls 파일은",
        not_excel: "Excel 통합 문서가 아닙니다",
        bomb: "압축 폭탄",
        tmp_path / "missing.xlsx": "찾을 수 없습니다",
    }
    before = count(db)
    for path, message in expected.items():
        with pytest.raises(RejectedInput) as info:
            import_workbook(db, path, ACTOR, today=TODAY)
        assert message in info.value.text(), (path.name, info.value.text())
        assert info.value.problems[0].source == path.name
    assert count(db) == before


def test_a_sheet_without_a_recognisable_header_is_refused(db: Database, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["이름", "나이"])
    wb.active.append(["홍길동", 40])
    with pytest.raises(RejectedInput) as info:
        import_workbook(db, save(wb, tmp_path / "h.xlsx"), ACTOR, today=TODAY)
    assert "머리글" in info.value.text() and "header" in info.value.text("en")


def test_a_generated_clinic_log_imports_completely(db: Database, tmp_path: Path) -> None:
    path = write_clinic_sheet(tmp_path / "log.xlsx", rows=300, seed=3, firms=40)
    result = import_workbook(db, path, ACTOR, today=TODAY)
    assert result.added == 300 and 0 < result.firms_created <= 40
    zero = {r.brn for r in result.preview.rows if r.brn.startswith("0")}
    assert zero and all(firms.firms_by_brn(db, b) for b in zero)


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("사업자번호", "brn"),
        ("사업자등록번호", "brn"),
        ("사업자 번호", "brn"),
        ("사업자(등록)번호", "brn"),
        ("업체명", "firm_name"),
        ("상 호", "firm_name"),
        ("접수일자", "date"),
        ("상담 일자", "date"),
        ("애로사항 및 건의 내용", "text"),
        ("애로 내용", "text"),
        ("애로분야", "field"),
        ("담당 기관", "agency"),
        ("제3자 제공 동의", "consent"),
        ("처리 결과", "result"),
        ("연락처(휴대폰)", "phone"),
    ],
)
def test_header_synonyms_map_to_their_column(header: str, target: str) -> None:
    found = match_header(header)
    assert found is not None and found[0] == target


def test_the_header_row_is_found_below_title_rows() -> None:
    rows: list[list[Any]] = [
        ["2024년 애로사항 접수대장"],
        ["작성: 김상담"],
        [],
        ["연번", "일자", "업체명", "사업자번호", "애로사항"],
        [1, "2024.5.3", "가", "1", "x"],
    ]
    assert find_header_row(rows) == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024.5.3", date(2024, 5, 3)),
        ("2024. 5. 3.", date(2024, 5, 3)),
        ("24-05-03", date(2024, 5, 3)),
        ("2024/05/03", date(2024, 5, 3)),
        ("2024년 5월 3일", date(2024, 5, 3)),
        ("20240503", date(2024, 5, 3)),
        ("2024.5.3(금)", date(2024, 5, 3)),
        ("2024-05-03 14:30", date(2024, 5, 3)),
        (45415, date(2024, 5, 3)),
        (45415.5, date(2024, 5, 3)),
        (datetime(2024, 5, 3, 10), date(2024, 5, 3)),
        (date(2024, 5, 3), date(2024, 5, 3)),
    ],
)
def test_dates_are_read_in_the_forms_people_write(value: Any, expected: date) -> None:
    assert cv.parse_date(value, "일자", today=TODAY) == expected


@pytest.mark.parametrize("value", ["2024.13.1", "어제", "", 12, "5/3"])
def test_what_is_not_a_date_is_refused(value: Any) -> None:
    with pytest.raises(RejectedInput):
        cv.parse_date(value, "일자", today=TODAY)


def test_brns_are_read_from_numbers_that_lost_their_leading_zero() -> None:
    assert cv.parse_brn(int(ZERO_BRN), "b") == ZERO_BRN
    assert cv.parse_brn(float(int(ZERO_BRN)), "b") == ZERO_BRN
    assert cv.parse_brn(f"{ZERO_BRN[:3]}-{ZERO_BRN[3:5]}-{ZERO_BRN[5:]}", "b") == ZERO_BRN
    with pytest.raises(RejectedInput):
        cv.parse_brn(1.5, "b")


@pytest.mark.parametrize("label", ["합계", "소계", "계", "합 계", "총계", "Total"])
def test_total_labels_are_recognised(label: str) -> None:
    assert cv.is_total_label(label) and not cv.is_total_label("계약 문의")
