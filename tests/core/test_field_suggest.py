"""Tests for suggesting a field from a difficulty's free text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop.core.field_suggest import keyword_weight, suggest_fields
from desktop.core.records import Field, FieldCode
from desktop.core.reference_csv import load_fields

FIELDS = load_fields(Path(__file__).resolve().parents[2] / "resources" / "reference" / "fields.csv")

REALISTIC_TEXTS = [
    ("법인세 신고 기한 연장 문의", "F01"),
    (
        "2025년 법인세 납부기한 연장이 가능한지 문의드립니다. 원자재 가격 상승으로 자금 사정이 어렵습니다.",
        "F01",
    ),
    ("부가세 환급이 늦어져 운영이 어렵습니다", "F01"),
    ("세무조사 유예 신청 방법", "F01"),
    ("부가가치세 예정신고 기간에 세금계산서 발행 오류", "F01"),
    ("도에서 하는 지원사업 공고는 언제 나오나요", "F02"),
    ("스마트공장 구축 지원사업에 선정되려면 어떻게 해야 하나요", "F02"),
    ("정책자금 대출 한도", "F03"),
    ("운전자금이 부족해서 긴급경영안정자금을 받고 싶습니다", "F03"),
    ("신용보증기금 보증서 발급 기간이 너무 깁니다", "F04"),
    ("기술보증 한도를 늘릴 수 있나요", "F04"),
    ("신제품 연구개발 과제 신청하고 싶어요", "F05"),
    ("시제품 제작과 시험성적서 발급 지원", "F05"),
    ("R&D 과제 협약 변경", "F05"),
    ("FTA 원산지 증명서 발급", "F06"),
    ("수출 바우처 신청", "F06"),
    ("수출 바우처 사업 신청 자격과 서류를 알고 싶습니다.", "F06"),
    ("베트남 바이어 발굴과 해외전시회 참가 지원", "F06"),
    ("HS코드 분류와 통관 지연 문제", "F06"),
    ("원산지 확인서 발급을 협력업체가 요구합니다", "F06"),
    ("관세환급 신청", "F06"),
    ("인증수출자 지정 받고 싶습니다", "F06"),
    ("신입 직원 채용 지원금", "F07"),
    ("청년 채용하면 고용장려금 받을 수 있나요", "F07"),
    ("외국인근로자 고용허가 인원을 늘리고 싶습니다", "F07"),
    ("퇴직연금 가입", "F08"),
    ("푸른씨앗 퇴직연금 기금 가입 절차", "F08"),
    ("온라인 쇼핑몰 입점하고 판로를 넓히고 싶어요", "F09"),
    ("공공구매 조달 등록 방법", "F09"),
    ("최저임금 인상으로 임금체계 개편 상담", "F10"),
    ("중대재해처벌법 대비 안전관리 컨설팅", "F10"),
    ("공장등록 인허가가 너무 오래 걸립니다", "F11"),
    ("농지전용 허가가 안 나서 공장 증설이 막혔습니다", "F11"),
    ("특허 출원 비용", "F12"),
    ("상표 등록과 디자인권 출원", "F12"),
    ("경쟁사가 특허를 침해했습니다", "F12"),
    ("매출감소로 경영위기인데 경영진단 컨설팅 받고 싶습니다", "F13"),
    ("가업승계 관련 상담", "F13"),
]


@pytest.mark.parametrize(("text", "code"), REALISTIC_TEXTS)
def test_realistic_difficulty_text_suggests_the_owning_field_first(text: str, code: str) -> None:
    suggestions = suggest_fields(text, FIELDS)
    assert suggestions[0].field.code == code
    assert suggestions[0].matched


def test_text_without_any_keyword_falls_back_to_other() -> None:
    (only,) = suggest_fields("그냥 이것저것 궁금합니다", FIELDS)
    assert (only.field.code, only.score, only.matched) == ("F99", 0.0, ())
    assert suggest_fields("", FIELDS)[0].field.code == "F99"


def test_other_is_never_suggested_next_to_a_matching_field() -> None:
    assert all(s.field.code != "F99" for s in suggest_fields("기타 세무 문의", FIELDS))


def test_limit_caps_the_number_of_suggestions_and_orders_best_first() -> None:
    suggestions = suggest_fields("외국인근로자 고용허가 인원을 늘리고 싶습니다", FIELDS, limit=2)
    assert len(suggestions) == 2
    assert suggestions[0].score >= suggestions[1].score
    assert suggest_fields("법인세", FIELDS, limit=0) == ()


def test_decomposed_hangul_and_spacing_still_match() -> None:
    text = unicodedata.normalize("NFD", "세무 조사 유예")
    assert suggest_fields(text, FIELDS)[0].matched == ("세무조사",)


def test_english_keywords_match_case_insensitively() -> None:
    assert suggest_fields("fta 협정세율 적용", FIELDS)[0].field.code == "F06"


def test_longer_keywords_weigh_more_than_shorter_ones() -> None:
    assert keyword_weight("원산지증명서") > keyword_weight("수출") > keyword_weight("세")


def test_a_keyword_inside_a_longer_matched_keyword_is_not_counted_twice() -> None:
    (suggestion,) = suggest_fields("세무조사", FIELDS, limit=1)
    assert suggestion.matched == ("세무조사",)
    assert suggestion.score == keyword_weight("세무조사")


def test_repeated_hits_count_less_than_distinct_keywords() -> None:
    fields = (
        Field(FieldCode("F01"), "가", "A", ("수출",), 1),
        Field(FieldCode("F02"), "나", "B", ("원산지", "통관"), 2),
    )
    suggestions = suggest_fields("수출 수출 수출 수출 원산지 통관", fields)
    assert [s.field.code for s in suggestions] == ["F02", "F01"]
    assert suggestions[1].score < 4 * keyword_weight("수출")


def test_ties_go_to_the_field_listed_first() -> None:
    fields = (
        Field(FieldCode("F02"), "나", "B", ("자금",), 2),
        Field(FieldCode("F01"), "가", "A", ("자금",), 1),
    )
    assert [s.field.code for s in suggest_fields("자금", fields)] == ["F01", "F02"]
