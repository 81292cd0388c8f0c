"""Bad input tried systematically: a corpus of hostile spreadsheets plus hypothesis mutations of good ones,
hostile cell values, formula injection in exports. Each is refused with a message naming the file (and row
and column where there is one) or handled safely, and a refusal changes nothing in the store.

``ONESTOP_STRESS=1`` (``make stress``) multiplies the number of generated inputs.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop.core.errors import RejectedInput
from desktop.core.ids import brn_check_digit
from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database
from reports.excel.importer import import_workbook

STRESS = bool(os.environ.get("ONESTOP_STRESS"))
EXAMPLES = 1000 if STRESS else 60
ACTOR = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="laptop-1")
TODAY = date(2026, 3, 2)
HEADER = ["접수일", "업체명", "사업자등록번호", "분야", "애로사항"]
TRIED: dict[str, int] = {}


def _brn(first9: str) -> str:
    return first9 + str(brn_check_digit(first9))


def good_rows(n: int = 3) -> list[list[Any]]:
    return [
        ["2026-02-1" + str(i % 9), f"기업{i}", _brn(f"12481{i:04d}"), "세무", f"법인세 문의 {i}"]
        for i in range(n)
    ]


def workbook_bytes(
    rows: list[list[Any]], *, header: list[str] = HEADER, edit: Callable[[Any], None] | None = None
) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "접수대장"
    ws.append(header)
    for row in rows:
        ws.append(row)
    if edit is not None:
        edit(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def state(db: Database) -> tuple[Any, ...]:
    return tuple(
        db.scalar(f"SELECT count(*) FROM {t}")
        for t in ("firms", "cases", "case_events", "import_batches", "sync_ops")
    )


def refused_unchanged(db: Database, path: Path) -> RejectedInput:
    before = state(db)
    with pytest.raises(RejectedInput) as refused:
        import_workbook(db, path, ACTOR, today=TODAY)
    assert state(db) == before
    assert refused.value.text("en") and refused.value.text("ko")
    assert all(p.source and path.name in p.source for p in refused.value.problems), refused.value.text("en")
    return refused.value


# --- the corpus ------------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _replace_member(data: bytes, member: str, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip(
        {i.filename: (new if i.filename == member else source.read(i.filename)) for i in source.infolist()}
    )


GOOD = workbook_bytes(good_rows())
# A billion-laughs sheet: 10^9 "lol"s if entities were expanded without limit.
_ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
).encode()
CORPUS: dict[str, tuple[str, bytes]] = {
    "empty": ("빈.xlsx", b""),
    "random-bytes": ("무작위.xlsx", os.urandom(2048)),
    "old-xls": ("옛형식.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
    "encrypted-xlsx": ("암호.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
    "csv-cp949-renamed": ("명단.xlsx", "접수일,업체명\n2026-02-10,광양철강\n".encode("cp949")),
    "csv-extension": ("명단.csv", b"a,b\n1,2\n"),
    "truncated-half": ("잘림.xlsx", GOOD[: len(GOOD) // 2]),
    "truncated-end": ("끝잘림.xlsx", GOOD[:-30]),
    "zip-without-workbook": ("빈압축.xlsx", _zip({"hello.txt": b"hi"})),
    "zip-bomb-ratio": (
        "폭탄.xlsx",
        _zip({"[Content_Types].xml": b"", "xl/workbook.xml": b"", "xl/big.xml": b"\0" * (8 << 20)}),
    ),
    "too-many-entries": ("항목.xlsx", _zip({f"x/{i}.xml": b"" for i in range(10_001)}, zipfile.ZIP_STORED)),
    "sheet-xml-garbage": (
        "깨진시트.xlsx",
        _replace_member(GOOD, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row"),
    ),
    "sheet-xml-not-utf8": (
        "인코딩.xlsx",
        _replace_member(
            GOOD,
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            + "접수일".encode("cp949")
            + b"</t></is></c></row></sheetData></worksheet>",
        ),
    ),
    "xml-entity-bomb": ("엔티티.xlsx", _replace_member(GOOD, "xl/worksheets/sheet1.xml", _ENTITY_BOMB)),
    "no-header": ("머리글없음.xlsx", workbook_bytes([["a", "b"]], header=["가", "나"])),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_or_broken_file_is_refused_with_a_message_and_changes_nothing(
    name: str, db: Database, tmp_path: Path
) -> None:
    file_name, data = CORPUS[name]
    path = tmp_path / file_name
    path.write_bytes(data)
    refused_unchanged(db, path)
    TRIED["corpus"] = TRIED.get("corpus", 0) + 1


def test_a_missing_file_is_named(db: Database, tmp_path: Path) -> None:
    problem = refused_unchanged(db, tmp_path / "없는파일.xlsx")
    assert "없는파일.xlsx" in problem.text("en")


# --- mutations of a good file -------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "zero-run", "splice"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "zero-run":
            data[at : at + draw(st.integers(1, 512))] = b"\0" * 16
        else:
            data[at:at] = GOOD[: draw(st.integers(1, 200))]
        if not data:
            break
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_a_damaged_copy_of_a_good_workbook_imports_whole_or_is_refused_never_crashes(
    data: bytes, db: Database, tmp_path: Path
) -> None:
    TRIED["mutations"] = TRIED.get("mutations", 0) + 1
    path = tmp_path / "손상.xlsx"
    path.write_bytes(data)
    before = state(db)
    try:
        result = import_workbook(db, path, ACTOR, today=TODAY, dry_run=True)
    except RejectedInput as refused:
        assert state(db) == before
        assert refused.value.problems if hasattr(refused, "value") else refused.problems
        return
    assert state(db) == before  # a dry run stores nothing
    assert result.added <= 3


# --- hostile values in a well-formed workbook ----------------------------------------------------------


VALUE_CASES: dict[str, tuple[list[Any], str]] = {
    "100k-characters": (["2026-02-10", "광양철강", _brn("124810099"), "세무", "가" * 100_000], "too long"),
    "invalid-date": (["2024-02-30", "광양철강", _brn("124810099"), "세무", "문의"], "Not a date"),
    "month-13": (["2025.13.01", "광양철강", _brn("124810099"), "세무", "문의"], "Not a date"),
    "future-date": (["2027-01-01", "광양철강", _brn("124810099"), "세무", "문의"], "out of range"),
    "before-2000": (["1999-12-31", "광양철강", _brn("124810099"), "세무", "문의"], "out of range"),
    "bad-brn": (["2026-02-10", "광양철강", "124-81-00999", "세무", "문의"], "check digit"),
    "rrn-in-text": (["2026-02-10", "광양철강", _brn("124810099"), "세무", "대표 900101-1234567"], "esident"),
}


@pytest.mark.parametrize("name", sorted(VALUE_CASES))
def test_a_bad_value_is_refused_naming_sheet_row_and_column(name: str, db: Database, tmp_path: Path) -> None:
    row, reason = VALUE_CASES[name]
    path = tmp_path / "값.xlsx"
    path.write_bytes(workbook_bytes([*good_rows(2), row]))
    refused = refused_unchanged(db, path)
    assert reason in refused.text("en"), refused.text("en")
    assert any(p.row == 4 for p in refused.problems), refused.text("en")
    TRIED["values"] = TRIED.get("values", 0) + 1


def test_formulas_and_hyperlinks_are_read_as_plain_values_and_never_run(db: Database, tmp_path: Path) -> None:
    def hostile(ws: Any) -> None:
        ws["E2"] = '=HYPERLINK("http://evil.example/x","법인세 문의")'  # no cached value: nothing to show
        ws["E3"] = "=cmd|' /C calc'!A0"
        ws["E3"].data_type = "s"  # typed as text by someone: stays text, never a formula
        ws["B4"].hyperlink = "file:///etc/passwd"

    path = tmp_path / "수식.xlsx"
    path.write_bytes(workbook_bytes(good_rows(3), edit=hostile))
    try:
        result = import_workbook(db, path, ACTOR, today=TODAY)
    except RejectedInput as refused:  # the formula without a cached value leaves E2 empty: refused
        assert any(p.row == 2 for p in refused.problems)
        return
    texts = {cases.get_case(db, c).text for c in result.case_ids}
    assert not any(t.startswith("=HYPERLINK") for t in texts)


def test_control_characters_never_reach_the_store(db: Database, tmp_path: Path) -> None:
    import xlsxwriter  # openpyxl refuses to write them; other programs do not

    path = tmp_path / "제어문자.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("접수대장")
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(
        1, 0, ["2026-02-10", "광양\x00철강", _brn("124810099"), "세무", "법인세\x07 문의\x1b[31m 빨강"]
    )
    book.close()
    try:
        result = import_workbook(db, path, ACTOR, today=TODAY)
    except RejectedInput:
        assert db.scalar("SELECT count(*) FROM cases") == 0
        return
    (case_id,) = result.case_ids
    case = cases.get_case(db, case_id)
    for text in (case.text, case.firm_name):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text)


# --- formula injection in exports --------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(
        ["=", "+", "-", "@", "=cmd|' /C calc'!A0", '=HYPERLINK("http://x")', "+1+1", "@SUM(A1)"]
    ),
    rest=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
)
def test_text_that_looks_like_a_formula_is_exported_as_text(
    prefix: str, rest: str, db: Database, tmp_path: Path
) -> None:
    from reports.excel.export import export_cases

    TRIED["export"] = TRIED.get("export", 0) + 1
    text = (prefix + rest).strip()
    if not text or any(ord(c) < 32 and c not in "\n\t" for c in text):
        return
    found = firms.firms_by_brn(db, "1248100998")
    firm_id = (
        found[0].id
        if found
        else firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강"), ACTOR)[0]
    )
    try:
        case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text=text), ACTOR)
    except RejectedInput:
        return
    out = tmp_path / "수식주입.xlsx"
    export_cases(db, out, ACTOR, now=datetime(2026, 3, 2, 12, 0))
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets), "a formula was written"
    wb = load_workbook(out, read_only=True)
    try:
        stored = cases.get_case(db, case_id).text
        values = [v for row in wb["사례"].iter_rows(values_only=True) for v in row if isinstance(v, str)]
        assert stored in values or any(v == stored for v in values)
    finally:
        wb.close()


def test_report_how_many_inputs_were_tried() -> None:
    print(f"\nbad inputs tried: {TRIED}")
