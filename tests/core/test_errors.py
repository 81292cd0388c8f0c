"""Rejected input: the command line names the field's code, a form shows the reason in words."""

from __future__ import annotations

from desktop.core.errors import Problem, RejectedInput, reject


def test_the_command_line_text_names_the_file_row_and_field() -> None:
    problem = Problem("brn", "사업자등록번호가 틀립니다.", "Wrong BRN.", source="a.xlsx [Sheet1]", row=5)
    assert problem.text("ko") == "a.xlsx [Sheet1] / 행 5 / brn: 사업자등록번호가 틀립니다."
    assert problem.text("en") == "a.xlsx [Sheet1] / row 5 / brn: Wrong BRN."


def test_a_form_message_leaves_the_field_code_out() -> None:
    exc = reject("reason", "사유를 입력하세요.", "Enter a reason.")
    assert exc.message("ko") == "사유를 입력하세요."
    assert exc.message("en") == "Enter a reason."
    assert exc.text("ko") == "reason: 사유를 입력하세요."


def test_a_form_message_keeps_the_file_row_and_a_column_name_from_the_file() -> None:
    from_file = Problem("사업자 번호", "자릿수가 틀립니다.", "Wrong length.", source="clinic.xlsx", row=12)
    whole_file = Problem("file", "열 수 없습니다.", "Cannot open.", source="clinic.xlsx")
    exc = RejectedInput([from_file, whole_file])
    assert exc.message("ko").splitlines() == [
        "clinic.xlsx / 행 12 / 사업자 번호: 자릿수가 틀립니다.",
        "clinic.xlsx: 열 수 없습니다.",
    ]
