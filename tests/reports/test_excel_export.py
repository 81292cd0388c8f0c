"""Excel export: values and types read back, masking and audit, charts, formula injection, atomic file."""

from __future__ import annotations

import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_helpers import ACTOR, NOW, add_case, add_firm, brn_with_leading_zero, sheet_tables

from desktop.core import workflow
from desktop.core.errors import RejectedInput
from desktop.store import audit, export_queries, queries
from desktop.store.db import Database
from reports import data
from reports.excel import export as export_module
from reports.excel.columns import CASE_COLUMNS
from reports.excel.export import ExportCancelled, ExportOptions, export_cases

HEADERS = [c.header for c in CASE_COLUMNS]


def rows_of(path: Path, sheet: str = "사례") -> list[dict[str, Any]]:
    wb = load_workbook(path, read_only=True)
    rows = list(wb[sheet].iter_rows(values_only=True))
    wb.close()
    assert list(rows[0]) == HEADERS
    return [dict(zip(HEADERS, r, strict=False)) for r in rows[1:]]


def cells_of(path: Path, sheet: str = "사례") -> list[list[Any]]:
    wb = load_workbook(path)  # full mode: data types and number formats
    return [list(r) for r in wb[sheet].iter_rows()]


def test_case_sheet_has_every_case_with_typed_values(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    progress: list[tuple[int, int]] = []
    result = export_cases(demo_db, out, ACTOR, now=NOW, progress=lambda d, t: progress.append((d, t)))
    total = queries.count_cases(demo_db, queries.CaseFilter())
    assert result.rows == total == 400 and result.sheets == ("요약", "사례")
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    assert len(CASE_COLUMNS) >= 35
    rows = rows_of(out)
    assert len(rows) == total and len({r["사례ID"] for r in rows}) == total
    cells = cells_of(out)
    header, first = cells[0], cells[1]
    column = {c.value: i for i, c in enumerate(header)}
    received = first[column["접수일시"]]
    assert isinstance(received.value, datetime) and received.number_format == "yyyy-mm-dd hh:mm"
    assert all(isinstance(r["접수일시"], datetime) for r in rows)
    assert all(isinstance(r["경과일수"], int) for r in rows)
    assert all(isinstance(r["사업자등록번호"], str) for r in rows)
    closed = [r for r in rows if r["진행여부"] == "종결"]
    assert closed and all(r["처리기한"] is None for r in closed)
    assert any(isinstance(r["회신일시"], datetime) for r in rows)
    assert {r["기한상태"] for r in rows} <= {"정상", "임박", "초과", "정지", "종결", "이송"}


def test_sheet_is_frozen_filtered_and_sized(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    export_cases(demo_db, out, ACTOR, now=NOW)
    wb = load_workbook(out)
    ws = wb["사례"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:AL{ws.max_row}"
    # xlsxwriter stores widths with Excel's cell padding added (38 characters -> 38.71).
    assert ws.column_dimensions["A"].width == pytest.approx(38, abs=1)
    assert ws.column_dimensions["T"].width == pytest.approx(60, abs=1)
    assert ws.print_title_rows == "$1:$1"


def test_summary_sheet_counts_and_native_charts(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    export_cases(demo_db, out, ACTOR, now=NOW)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "요약"
    values = {r[0]: r[1] for r in wb["요약"].iter_rows(values_only=True) if r and r[0]}
    rows = rows_of(out)
    assert values["애로사항 건수"] == len(rows)
    onsite = sum(r["처리구분"] == "현장해결" for r in rows)
    assert values["현장해결 건수"] == onsite
    assert values["현장해결률"] == pytest.approx(onsite / len(rows))
    assert values["기한 초과"] == sum(r["기한상태"] == "초과" for r in rows)
    tables = sheet_tables(out)
    by_field = {r[0]: r[1] for r in tables["분야별"][1:]}
    assert by_field["세무"] == sum(r["분야"] == "세무" for r in rows)
    ageing = {r[0]: r[1] for r in tables["미종결 사례 경과 기간"][1:]}
    assert ageing["90일 초과"] == sum(r["진행여부"] == "진행" and r["경과일수"] > 90 for r in rows)
    # Statuses in the order a case goes through them, not in the alphabetical order of their codes.
    listed = [r[0] for r in tables["상태별"][1:]]
    in_workflow = [data.status_name(s.code) for s in workflow.STATUSES]
    assert len(listed) >= 4 and listed == [name for name in in_workflow if name in listed]
    assert sum(r[1] for r in tables["상태별"][1:]) == len(rows)
    months = [k for k in values if isinstance(k, str) and len(k) == 7 and k[4] == "-"]
    assert months and sum(values[m] for m in months) == len(rows)
    names = zipfile.ZipFile(out).namelist()
    assert "xl/charts/chart1.xml" in names and "xl/drawings/drawing1.xml" in names
    chart = zipfile.ZipFile(out).read("xl/charts/chart1.xml").decode()
    assert "barChart>" in chart and "요약!$B$" in chart  # a native chart on the summary cells


def test_personal_data_is_masked_by_default_and_unmasking_is_audited(
    demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy)
    add_case(
        demo_copy, firm_id, "법인세 납부기한 연장 문의", received=datetime(2026, 11, 20, 10, 0), field="F01"
    )
    masked = [r for r in rows_of(_export(demo_copy, tmp_path / "m.xlsx")) if r["기업명"] == "(주)가나철강"][0]
    assert masked["사업자등록번호"] == "012-34-*****"
    assert (
        masked["대표자"] == "홍*동"
        and masked["연락처"] == "010-****-5678"
        and masked["이메일"] == "h***@example.com"
    )
    with pytest.raises(RejectedInput):
        export_cases(demo_copy, tmp_path / "u.xlsx", ACTOR, ExportOptions(unmask=True), now=NOW)
    assert not (tmp_path / "u.xlsx").exists()
    out = tmp_path / "u.xlsx"
    export_cases(demo_copy, out, ACTOR, ExportOptions(unmask=True, reason="감사 자료 제출"), now=NOW)
    full = [r for r in rows_of(out) if r["기업명"] == "(주)가나철강"][0]
    brn = brn_with_leading_zero()
    assert full["사업자등록번호"] == f"{brn[:3]}-{brn[3:5]}-{brn[5:]}"  # text: the leading zero stays
    assert full["대표자"] == "홍길동" and full["연락처"] == "010-1234-5678"
    entries = audit.entries(demo_copy, action_prefix="export.")
    unmask = [e for e in entries if e.action == "export.unmask"]
    assert len(unmask) == 1 and unmask[0].reason == "감사 자료 제출" and unmask[0].target == str(out)
    assert sum(e.action == "export.excel" for e in entries) == 2


def _export(db: Database, out: Path, **options: Any) -> Path:
    export_cases(db, out, ACTOR, ExportOptions(**options), now=NOW)
    return out


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://evil","클릭")', "+1+1", "-2+3", "@SUM(A1)", "=1+1 법인세"]
)
def test_formula_injection_is_written_as_plain_text(
    payload: str, demo_copy: Database, tmp_path: Path
) -> None:
    firm_id = add_firm(demo_copy, name=payload)
    add_case(demo_copy, firm_id, payload, received=datetime(2026, 11, 20, 10, 0))
    out = _export(demo_copy, tmp_path / "x.xlsx", date_from=date(2026, 11, 20))
    cells = cells_of(out)
    column = {c.value: i for i, c in enumerate(cells[0])}
    hits = [row for row in cells[1:] if row[column["애로사항"]].value == payload]
    assert len(hits) == 1
    for name in ("애로사항", "기업명"):
        cell = hits[0][column[name]]
        assert cell.value == payload and cell.data_type == "s" and cell.quotePrefix
    sheet_xml = zipfile.ZipFile(out).read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml


def test_filters_choose_the_cases(demo_db: Database, tmp_path: Path) -> None:
    rows = rows_of(_export(demo_db, tmp_path / "all.xlsx"))
    agency = max(
        {r["담당기관ID"] for r in rows if r["담당기관ID"]},
        key=lambda a: sum(r["담당기관ID"] == a for r in rows),
    )
    by_agency = rows_of(_export(demo_db, tmp_path / "a.xlsx", agency_id=agency))
    assert by_agency and len(by_agency) == sum(r["담당기관ID"] == agency for r in rows)
    by_field = rows_of(_export(demo_db, tmp_path / "f.xlsx", field_code="F01"))
    assert by_field and {r["분야코드"] for r in by_field} == {"F01"}
    by_status = rows_of(_export(demo_db, tmp_path / "s.xlsx", statuses=("closed",)))
    assert by_status and {r["상태"] for r in by_status} == {"종결"}
    period = rows_of(
        _export(demo_db, tmp_path / "p.xlsx", date_from=date(2026, 1, 1), date_to=date(2026, 6, 30))
    )
    assert period and all(date(2026, 1, 1) <= r["접수일시"].date() <= date(2026, 6, 30) for r in period)
    session = next(r["현장지원단"] for r in rows if r["현장지원단"] != "상시 창구")
    session_id = next(
        r.session_id
        for r in queries.page_after(demo_db, queries.CaseFilter(), queries.Sort(), None, 400)
        if r.session_id
    )
    by_session = rows_of(_export(demo_db, tmp_path / "se.xlsx", session_id=session_id))
    assert by_session and len({r["현장지원단"] for r in by_session}) == 1
    del session


def test_per_agency_sheets_hold_that_agencys_cases(demo_db: Database, tmp_path: Path) -> None:
    out = _export(demo_db, tmp_path / "per.xlsx", per_agency=True)
    wb = load_workbook(out, read_only=True)
    agency_sheets = [n for n in wb.sheetnames if n.startswith("기관_")]
    wb.close()
    rows = rows_of(out)
    assert len(agency_sheets) == len({r["담당기관ID"] for r in rows if r["담당기관ID"]})
    total = 0
    for name in agency_sheets:
        sheet_rows = rows_of(out, name)
        assert len({r["담당기관ID"] for r in sheet_rows}) == 1
        total += len(sheet_rows)
    assert total == sum(1 for r in rows if r["담당기관ID"])


def test_cancelled_export_leaves_no_file(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "PAGE", 50)
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ExportCancelled):
        export_cases(demo_db, tmp_path / "c.xlsx", ACTOR, now=NOW, cancelled=cancel)
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_only_when_the_new_one_is_complete(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_cases(demo_db, out, ACTOR, now=NOW, cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    export_cases(demo_db, out, ACTOR, now=NOW)
    assert zipfile.is_zipfile(out) and sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]


def test_rows_are_read_by_keyset_pages_and_memory_stays_flat(
    big_demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "PAGE", 50)
    calls: list[int] = []
    original = export_queries._page

    def spy(*args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        rows = original(*args, **kwargs)
        calls.append(len(rows))
        return rows

    monkeypatch.setattr(export_queries, "_page", spy)
    tracemalloc.start()
    small = export_cases(
        big_demo_db, tmp_path / "small.xlsx", ACTOR, ExportOptions(field_code="F01"), now=NOW
    )
    _, small_peak = tracemalloc.get_traced_memory()
    small_calls = len(calls)
    tracemalloc.reset_peak()
    big = export_cases(big_demo_db, tmp_path / "big.xlsx", ACTOR, now=NOW)
    _, big_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert big.rows == 1000 and big.rows >= 3 * small.rows
    assert max(calls) <= 50 and len(calls) - small_calls >= 20  # 1,000 rows in pages of 50
    # Several times more rows, about the same peak memory (a page, not the whole export).
    assert big_peak < small_peak * 1.6, (small_peak, big_peak)


def test_long_and_control_character_texts_stay_valid(demo_copy: Database, tmp_path: Path) -> None:
    firm_id = add_firm(demo_copy, name="(주)가나\x01철강")
    text = "법인세 문의 " * 2500 + "\x0b끝"  # 17,502 characters with a vertical tab
    add_case(demo_copy, firm_id, text, received=datetime(2026, 11, 20, 10, 0))
    out = _export(demo_copy, tmp_path / "t.xlsx", date_from=date(2026, 11, 20))
    hits = [r for r in rows_of(out) if str(r["애로사항"]).startswith("법인세 문의 법인세")]
    # The workbook opens; the whole text is there (a control character may be dropped on the way).
    assert len(hits) == 1 and hits[0]["애로사항"].replace("\x0b", "") == text.replace("\x0b", "")
