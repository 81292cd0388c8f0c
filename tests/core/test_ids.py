"""Tests of firm identity numbers, phone numbers, RRN detection and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import RejectedInput
from desktop.core.ids import (
    brn_check_digit,
    brn_from_number,
    find_rrns,
    format_brn,
    format_corp_no,
    is_valid_brn,
    is_valid_corp_no,
    is_valid_phone,
    mask_address,
    mask_brn,
    mask_corp_no,
    mask_email,
    mask_firm_name,
    mask_person_name,
    mask_phone,
    normalize_digits,
    normalize_phone,
    refuse_rrn,
    validate_brn,
    validate_corp_no,
)

# Worked by hand from DOMAIN §5: digits 1 2 4 8 1 0 0 9 9, weights 1 3 7 1 3 7 1 3 5
# products 1+6+28+8+3+0+0+27+45 = 118, plus floor(9*5/10) = 4 -> 122, check (10 - 2) % 10 = 8.
VALID_BRN = "1248100998"
# 2 2 0 8 1 0 1 2 3: 2+6+0+8+3+0+1+6+15 = 41, plus floor(3*5/10) = 1 -> 42, check 8.
OTHER_VALID_BRN = "2208101238"
# 법인등록번호, weights 1,2,...: 1+2+0+2+1+2+1+4+3+8+5+12 = 41 -> check (10 - 1) % 10 = 9.
VALID_CORP_NO = "1101111234569"


# --- normalize_digits -----------------------------------------------------------------------


def test_normalize_digits_turns_full_width_digits_into_ascii_and_drops_separators() -> None:
    assert normalize_digits("１２４－８１ ００９９８") == "1248100998"
    assert normalize_digits("124.81/00998") == "1248100998"
    assert normalize_digits("(02) 123–4567") == "021234567"


def test_normalize_digits_leaves_letters_in_place() -> None:
    assert normalize_digits("124-81-0099O") == "124810099O"


# --- BRN ------------------------------------------------------------------------------------


def test_brn_check_digit_matches_the_hand_computed_examples() -> None:
    assert brn_check_digit(VALID_BRN[:9]) == 8
    assert brn_check_digit(OTHER_VALID_BRN[:9]) == 8


def test_brn_check_digit_needs_nine_digits() -> None:
    with pytest.raises(ValueError):
        brn_check_digit("12345")


def test_valid_brn_is_returned_as_ten_digits() -> None:
    assert validate_brn("124-81-00998") == VALID_BRN
    assert validate_brn("１２４-８１-００９９８") == VALID_BRN
    assert validate_brn(" 220 81 01238 ") == OTHER_VALID_BRN


def test_brn_that_python_stdnum_wrongly_accepts_is_refused() -> None:
    assert not is_valid_brn("124-81-00999")


@pytest.mark.parametrize("last", [d for d in "0123456789" if d != "8"])
def test_brn_with_wrong_check_digit_is_refused(last: str) -> None:
    with pytest.raises(RejectedInput) as info:
        validate_brn(VALID_BRN[:9] + last)
    problem = info.value.problems[0]
    assert problem.field == "brn"
    assert "검증번호" in problem.ko
    assert "check digit" in problem.en


@pytest.mark.parametrize(
    "text",
    ["", "   ", "0000000000", "000-00-00000", "124810099", "12481009980", "124-81-0099A", "사업자번호"],
)
def test_malformed_brn_is_refused(text: str) -> None:
    with pytest.raises(RejectedInput):
        validate_brn(text)
    assert not is_valid_brn(text)


def test_refused_brn_names_the_given_field() -> None:
    with pytest.raises(RejectedInput) as info:
        validate_brn("123", field="사업자등록번호")
    assert info.value.problems[0].field == "사업자등록번호"
    assert "10자리" in info.value.problems[0].ko


def test_brn_from_number_restores_leading_zeros_lost_in_excel() -> None:
    digits = "02481009" + "9"
    brn = digits + str(brn_check_digit(digits))
    assert brn_from_number(int(brn)) == brn
    assert brn_from_number(f"{int(brn)}.0") == brn
    assert brn_from_number(VALID_BRN) == VALID_BRN


@pytest.mark.parametrize("value", [-1248100998, 12481009980, "12481009980", 1248100999, "abc"])
def test_brn_from_number_refuses_what_cannot_be_a_brn(value: int | str) -> None:
    with pytest.raises(RejectedInput):
        brn_from_number(value)


def test_format_brn_groups_the_digits() -> None:
    assert format_brn(VALID_BRN) == "124-81-00998"
    assert format_brn("123") == "123"


# --- 법인등록번호 -----------------------------------------------------------------------------


def test_valid_corp_no_is_returned_as_thirteen_digits() -> None:
    assert validate_corp_no("110111-1234569") == VALID_CORP_NO
    assert is_valid_corp_no("110111-0000010")


@pytest.mark.parametrize(
    "text", ["", "110111-1234568", "0000000000000", "110111-123456", "110111-12345690", "11O111-1234569"]
)
def test_malformed_or_wrong_check_digit_corp_no_is_refused(text: str) -> None:
    with pytest.raises(RejectedInput) as info:
        validate_corp_no(text)
    assert info.value.problems[0].field == "corp_no"


def test_format_corp_no_puts_the_dash_after_six_digits() -> None:
    assert format_corp_no(VALID_CORP_NO) == "110111-1234569"


# --- 주민등록번호 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "900101-1234567",
        "9001011234567",
        "900101 1234567",
        "９００１０１－１２３４５６７",
        "010203-3123456",  # born 2001
        "850505-5123456",  # foreign resident
        "200229-4000000",  # 2020-02-29 exists
    ],
)
def test_rrn_is_found_in_any_common_spelling(text: str) -> None:
    assert find_rrns(f"대표자 {text} 입니다") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "124-81-00998",  # BRN
        "1248100998",
        "010-1234-5678",  # phones
        "01012345678",
        "02-123-4567",
        "901301-1234567",  # month 13
        "000229-1234567",  # 1900-02-29 does not exist
        "900101-9234567",  # gender digit 9
        "900101-0234567",
        "900101-1******",  # already masked
        "19900101-1234567",  # part of a longer run
        "1900101-12345678",
        "010-900101-1234567",  # a dash-joined account number
        "134811-0123456",  # 법인등록번호 whose first six digits are no date
    ],
)
def test_numbers_that_are_not_rrns_are_not_flagged(text: str) -> None:
    assert find_rrns(f"번호 {text} 참고") == []


def test_corp_no_that_looks_like_a_birth_date_is_flagged_unless_labelled() -> None:
    assert find_rrns("110111-1234569") == ["110111-1234569"]
    assert find_rrns("법인등록번호: 110111-1234569") == []
    # The label only excuses a number that passes the 법인등록번호 check digit.
    assert find_rrns("법인등록번호: 110111-1234568") == ["110111-1234568"]


def test_find_rrns_returns_every_match_in_order() -> None:
    assert find_rrns("a 900101-1234567 b 0102033123456 c") == ["900101-1234567", "0102033123456"]


def test_text_with_rrn_is_refused_without_repeating_the_number() -> None:
    with pytest.raises(RejectedInput) as info:
        refuse_rrn("연락처: 홍길동 900101-1234567", "memo")
    problem = info.value.problems[0]
    assert problem.field == "memo"
    assert problem.ko.startswith("주민등록번호는 저장할 수 없습니다")
    assert problem.en.startswith("Resident registration numbers must not be stored")
    assert "900101" not in problem.ko + problem.en


def test_text_without_rrn_is_accepted() -> None:
    refuse_rrn("사업자 124-81-00998, 전화 010-1234-5678", "memo")


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010-1234-5678", "010-1234-5678"),
        ("01012345678", "010-1234-5678"),
        ("010 1234 5678", "010-1234-5678"),
        ("010.1234.5678", "010-1234-5678"),
        ("０１０-１２３４-５６７８", "010-1234-5678"),
        ("+82 10-1234-5678", "010-1234-5678"),
        ("+82 (0)10 1234 5678", "010-1234-5678"),
        ("011-123-4567", "011-123-4567"),
        ("0191234567", "019-123-4567"),
        ("017-1234-5678", "017-1234-5678"),
        ("02-123-4567", "02-123-4567"),
        ("(02) 1234-5678", "02-1234-5678"),
        ("+82 2 123 4567", "02-123-4567"),
        ("061-123-4567", "061-123-4567"),
        ("(061)1234-5678", "061-1234-5678"),
        ("031 123 4567", "031-123-4567"),
        ("044-200-1234", "044-200-1234"),
        ("064-1234-5678", "064-1234-5678"),
        ("070-1234-5678", "070-1234-5678"),
        ("1588-6565", "1588-6565"),
        ("16610075", "1661-0075"),
        ("1800-1234", "1800-1234"),
        ("126", "126"),
        ("1357", "1357"),
        ("1350", "1350"),
        ("1380", "1380"),
    ],
)
def test_phone_is_normalized_to_the_dashed_form(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected
    assert is_valid_phone(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "010-123-4567",  # 010 has a 4-digit middle group
        "010-1234-567",
        "010-12345-6789",
        "02-12-3456",
        "02-12345-67890",
        "065-123-4567",  # no such area code
        "080-123-4567",
        "1588",
        "1588-65",
        "1988-6565",
        "12",
        "12345",
        "010-1234-567O",
        "82-10-1234-5678",
        "전화 없음",
    ],
)
def test_anything_else_is_not_a_phone(text: str) -> None:
    with pytest.raises(RejectedInput) as info:
        normalize_phone(text, field="tel")
    assert info.value.problems[0].field == "tel"
    assert not is_valid_phone(text)


# --- masking --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("홍길동", "홍*동"),
        ("홍길", "홍*"),
        ("남궁민수", "남**수"),
        ("독고영재아", "독***아"),
        ("홍", "*"),
        ("John Smith", "J*** S****"),
        ("Kim", "K**"),
        ("", ""),
    ],
)
def test_person_name_is_masked(name: str, masked: str) -> None:
    assert mask_person_name(name) == masked
    assert mask_person_name(masked) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("010-1234-5678", "010-****-5678"),
        ("01012345678", "010-****-5678"),
        ("02-123-4567", "02-***-4567"),
        ("061-1234-5678", "061-****-5678"),
        ("+82 10 1234 5678", "010-****-5678"),
        ("1588-6565", "1588-6565"),  # public business numbers stay readable
        ("1357", "1357"),
        ("abc12345678", "abc****5678"),
        ("", ""),
    ],
)
def test_phone_middle_group_is_masked(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked
    assert mask_phone(masked) == masked


def test_brn_and_corp_no_are_masked_after_the_office_code() -> None:
    assert mask_brn("1248100998") == "124-81-*****"
    assert mask_brn("124-81-00998") == "124-81-*****"
    assert mask_brn("124-81-*****") == "124-81-*****"
    assert mask_brn("12345") == "*****"
    assert mask_brn("") == ""
    assert mask_corp_no(VALID_CORP_NO) == "110111-*******"
    assert mask_corp_no("110111-*******") == "110111-*******"
    assert mask_corp_no("") == ""


@pytest.mark.parametrize(
    ("email", "masked"),
    [("hong@ex.com", "h***@ex.com"), ("a@ex.com", "*@ex.com"), ("nomail", "n*****"), ("", "")],
)
def test_email_local_part_is_masked(email: str, masked: str) -> None:
    assert mask_email(email) == masked
    assert mask_email(masked) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("(주)광양철강", "(주)광양**"),
        ("광양철강(주)", "광양**(주)"),
        ("주식회사 광양철강", "주식회사 광양**"),
        ("광양철강 주식회사", "광양** 주식회사"),
        ("유한회사 순천 푸드", "유한회사 순천 **"),
        ("농업회사법인 해남들녘", "농업회사법인 해남**"),
        ("(유)대한", "(유)대*"),
        ("㈜한빛", "㈜한*"),
        ("광", "*"),
        ("광양", "광*"),
        ("주식회사", "주식회사"),
        ("", ""),
    ],
)
def test_firm_name_keeps_legal_form_and_two_characters(name: str, masked: str) -> None:
    assert mask_firm_name(name) == masked
    assert mask_firm_name(masked) == masked


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("전남 순천시 산단로 12", "전남 순천시 ***"),
        ("순천시 산단로 12", "순천시 산단로 ***"),
        ("순천시 산단로", "순천시 ***"),
        ("  순천시  ", "순천시"),
        ("", ""),
    ],
)
def test_address_keeps_the_first_two_words_and_never_the_street_number(address: str, masked: str) -> None:
    assert mask_address(address) == masked
    assert mask_address(masked) == masked


@given(st.text())
def test_masking_never_crashes_on_any_text(text: str) -> None:
    masks = (mask_person_name, mask_phone, mask_brn, mask_corp_no, mask_email, mask_firm_name, mask_address)
    for mask in masks:
        assert isinstance(mask(text), str)
        mask(mask(text))


@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1))
def test_masked_korean_name_shows_at_most_first_and_last_character(name: str) -> None:
    masked = mask_person_name(name)
    assert len(masked) == len(name)
    assert len([c for c in masked if c != "*"]) <= 2


@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1))
def test_masked_firm_name_shows_at_most_two_characters_besides_the_legal_form(core: str) -> None:
    masked = mask_firm_name("(주)" + core)
    assert masked.startswith("(주)")
    assert len([c for c in masked.removeprefix("(주)") if c != "*"]) <= 2


@given(st.from_regex(r"010[0-9]{8}", fullmatch=True))
def test_masked_mobile_number_never_shows_the_middle_digits(digits: str) -> None:
    assert mask_phone(digits) == f"010-****-{digits[-4:]}"
