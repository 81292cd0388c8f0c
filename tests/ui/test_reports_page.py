"""The reports page: PDF reports into the preview, print and save; Excel export and import in a worker."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from pytestqt.qtbot import QtBot

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.store import audit, dashboard_queries, firms, queries, sessions
from desktop.store.db import Database
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.reports import export_panel
from desktop.ui.pages.reports.actions import REPORT_KINDS
from desktop.ui.pages.reports.import_panel import ImportPanel
from desktop.ui.pages.reports.page import ReportsPage
from desktop.ui.worker import JobControl
from reports.bench import busiest_session
from reports.excel.sample_sheet import write_clinic_sheet

WAIT_MS = 60_000


@pytest.fixture
def page(window: MainWindow) -> Iterator[ReportsPage]:
    shown = window.show_page("reports")
    assert isinstance(shown, ReportsPage)
    yield shown
    shown.pdf.cleanup()


def _wait_idle(qtbot: QtBot, bar: Any) -> None:
    qtbot.waitUntil(lambda: not bar.busy, timeout=WAIT_MS)


def test_reports_page_replaces_the_placeholder(window: MainWindow) -> None:
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "PDF 보고서",
        "엑셀 내보내기",
        "엑셀 가져오기",
    ]
    assert page.pdf.kinds.count() == len(REPORT_KINDS) == 6


def test_register_is_made_in_the_background_and_previewed(page: ReportsPage, qtbot: QtBot) -> None:
    pdf = page.pdf
    pdf.set_kind("register")
    pdf.register_period.set_period(date(2020, 1, 1), date.today())
    pdf.make_preview()
    assert pdf.job_bar.busy and not pdf.make_button.isEnabled()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() == ""
    document = pdf.preview.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() >= 2  # 300 cases
    assert pdf.preview.path is not None and pdf.preview.path.exists()
    assert pdf.preview.print_button.isEnabled() and pdf.preview.save_button.isEnabled()
    assert "처리대장" in pdf.job_bar.label.text()


def test_the_period_report_prints_the_dashboard_figures_of_the_chosen_period(
    window: MainWindow, page: ReportsPage, qtbot: QtBot
) -> None:
    pdf = page.pdf
    pdf.set_kind("period")
    assert pdf.unmask_box.isHidden()  # counts only: nothing to unmask
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    pdf.period.set_period(start, end)
    request = pdf.request()
    assert (request.kind, request.date_from, request.date_to, request.unmask) == ("period", start, end, False)
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() == "" and pdf.preview.path is not None
    assert "애로사항 처리 현황 (기간별)" in pdf.job_bar.label.text()
    figures = dashboard_queries.dashboard_figures(
        window.ctx.db, dashboard_queries.period_filter(start, end), None
    )
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf.preview.path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "2026-01-01 ~ 2026-12-31" in text and f"{figures.total:,}건" in text
    assert pdf.suggested_name().endswith("_20260101-20261231.pdf")


def test_session_report_preview_can_be_saved_and_printed(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    pdf = page.pdf
    pdf.set_kind("session")
    session_id = busiest_session(page._ctx.db)
    pdf.session.setCurrentIndex(pdf.session.findData(session_id))
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    pages = pdf.preview.document.pageCount()
    assert pages >= 1 and pdf.error.text() == ""
    assert pdf.suggested_name().startswith("현장지원_결과_보고_") and pdf.suggested_name().endswith(".pdf")

    saved = pdf.save_to(tmp_path / "out" / "결과보고")
    assert saved == tmp_path / "out" / "결과보고.pdf"
    assert saved.read_bytes() == pdf.preview.path.read_bytes()  # type: ignore[union-attr]
    assert sorted(p.name for p in saved.parent.iterdir()) == ["결과보고.pdf"]

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert pdf.print_to(printer) == pages
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == pages


def test_every_report_form_fills_the_width_of_the_panel(
    window: MainWindow, page: ReportsPage, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    pdf = page.pdf
    for kind in ("case", "firm", "session", "register"):
        pdf.kinds.setCurrentRow(REPORT_KINDS.index(kind))
        QApplication.processEvents()
        form = pdf.params.currentWidget()
        assert form is not None and form.width() == pdf.kinds.width(), kind
    assert pdf.case_number.width() > pdf.kinds.width() // 2


def test_a_case_record_needs_its_number_and_unmasking_needs_a_reason(page: ReportsPage, qtbot: QtBot) -> None:
    pdf = page.pdf
    pdf.set_kind("case")
    pdf.make_preview()
    assert not pdf.job_bar.busy and "접수번호" in pdf.error.text()
    number = queries.page_after(page._ctx.db, queries.CaseFilter(), queries.Sort(), None, 1)[0].number
    pdf.case_number.setText(number)
    pdf.unmask.setChecked(True)
    pdf.make_preview()
    assert not pdf.job_bar.busy and "사유" in pdf.error.text()
    pdf.reason.setText("기관 회신 공문 첨부")
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() == "" and pdf.preview.document.pageCount() >= 1
    unmasked = audit.entries(page._ctx.db, action_prefix="report.unmask")
    assert [e.reason for e in unmasked] == ["기관 회신 공문 첨부"]


def test_an_unknown_case_is_reported_and_the_old_preview_stays(page: ReportsPage, qtbot: QtBot) -> None:
    pdf = page.pdf
    pdf.set_kind("case")
    pdf.case_number.setText("2099-X-0001")
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() and pdf.preview.path is None
    assert not pdf.preview.print_button.isEnabled()


def test_firm_history_takes_the_firm_from_the_lookup(page: ReportsPage, qtbot: QtBot) -> None:
    pdf = page.pdf
    pdf.set_kind("firm")
    firm_id = queries.page_after(page._ctx.db, queries.CaseFilter(), queries.Sort(), None, 1)[0].firm_id
    firm = firms.get_firm(page._ctx.db, firm_id)
    pdf.firm_lookup.box.setText(firm.brn)
    pdf.firm_lookup.pick()
    assert pdf.firm is not None and pdf.firm.brn == firm.brn
    assert firm.name in pdf.firm_label.text()
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() == "" and pdf.preview.document.pageCount() >= 1


def test_agency_request_for_a_chosen_agency(page: ReportsPage, qtbot: QtBot) -> None:
    pdf = page.pdf
    pdf.set_kind("agency")
    busiest = max(
        (g for g in _agency_counts(page) if g[0]),
        key=lambda g: g[1],
    )[0]
    pdf.agency.setCurrentIndex(pdf.agency.findData(busiest))
    pdf.include_answered.setChecked(True)
    pdf.make_preview()
    _wait_idle(qtbot, pdf.job_bar)
    assert pdf.error.text() == "" and pdf.preview.document.pageCount() >= 1


def _agency_counts(page: ReportsPage) -> list[tuple[str, int]]:
    from desktop.store import report_queries

    groups = report_queries.group_counts(page._ctx.db, "agency_id", queries.CaseFilter(), page._ctx.now())
    return [(g.key, g.total) for g in groups]


# --- Excel export ---------------------------------------------------------------------------------


@pytest.fixture(params=["in-process", "helper process"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The export reads its cases in-process (small exports) or in its helper process (big ones)."""
    from reports.excel import case_feed

    if request.param == "helper process":
        monkeypatch.setattr(case_feed, "PROCESS_FROM_ROWS", 0)
    return str(request.param)


def test_export_runs_in_the_worker_and_the_file_appears_when_complete(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reading: str
) -> None:
    gate = threading.Event()
    original = export_panel.export_job

    def gated(*args: Any) -> Any:
        run = original(*args)

        def wait_then_run(db: Any, control: JobControl) -> Any:
            gate.wait(10)
            return run(db, control)

        return wait_then_run

    monkeypatch.setattr(export_panel, "export_job", gated)
    panel = page.export
    panel.per_agency.setChecked(True)
    out = tmp_path / "exports" / "export.xlsx"
    job = panel.export_to(out)
    assert job is not None and panel.job_bar.busy and not panel.export_button.isEnabled()
    assert not out.exists()
    progress: list[tuple[int, int]] = []
    job.bridge.on_progress.append(lambda d, t: progress.append((d, t)))
    results: list[Any] = []
    job.bridge.on_success.append(results.append)
    gate.set()
    _wait_idle(qtbot, panel.job_bar)
    assert panel.error.text() == ""
    assert [r.read_in_helper for r in results] == [reading == "helper process"]
    assert out.exists() and sorted(p.name for p in out.parent.iterdir()) == ["export.xlsx"]
    assert progress and progress[-1][0] == progress[-1][1] == 300
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[:2] == ["요약", "사례"] and any(n.startswith("기관_") for n in wb.sheetnames)
    wb.close()
    assert "300" in panel.job_bar.label.text() and panel.last_file == out


def test_cancelled_export_leaves_no_file(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reading: str
) -> None:
    gate = threading.Event()
    original = export_panel.export_job

    def gated(*args: Any) -> Any:
        run = original(*args)

        def wait_then_run(db: Any, control: JobControl) -> Any:
            gate.wait(10)
            return run(db, control)

        return wait_then_run

    monkeypatch.setattr(export_panel, "export_job", gated)
    panel = page.export
    out = tmp_path / "exports" / "cancelled.xlsx"
    assert panel.export_to(out) is not None
    panel.job_bar.cancel_button.click()
    gate.set()
    _wait_idle(qtbot, panel.job_bar)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    assert "취소" in panel.job_bar.label.text() and panel.export_button.isEnabled()


def test_export_filters_and_unmasking_reach_the_options(page: ReportsPage) -> None:
    panel = page.export
    panel.period.set_period(date(2026, 1, 1), date(2026, 3, 31))
    panel.field.setCurrentIndex(panel.field.findData("F01"))
    panel.statuses.item(0).setCheckState(panel.statuses.item(0).checkState().Checked)
    panel.unmask.setChecked(True)
    assert panel.export_to(Path("/nonexistent/x.xlsx")) is None and "사유" in panel.error.text()
    panel.reason.setText("감사 자료 제출")
    options = panel.options()
    assert (options.date_from, options.date_to) == (date(2026, 1, 1), date(2026, 3, 31))
    assert options.field_code == "F01" and len(options.statuses) == 1
    assert options.unmask and options.reason == "감사 자료 제출"


# --- Excel import ---------------------------------------------------------------------------------


def _bad_sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["연번", "사업자등록번호", "기업명", "접수일", "애로사항"])
    ws.append([1, "123-45-67890", "(주)가나", "2026-03-02", "수출 바우처 문의"])  # bad check digit
    ws.append([2, "1248100998", "(주)다라", "내일", "법인세 문의"])  # not a date
    ws.append([3, "1248100998", "(주)다라", "2026-03-02", ""])  # no text
    wb.save(path)
    return path


def test_import_preview_shows_the_mapping_and_every_problem(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = page.importer
    before = queries.count_cases(page._ctx.db, queries.CaseFilter())
    panel.read_file(_bad_sheet(tmp_path / "bad.xlsx"))
    _wait_idle(qtbot, panel.job_bar)
    assert panel.preview is not None and not panel.preview.ok
    headers = {panel.mapping.item(r, 2).text() for r in range(panel.mapping.rowCount())}
    assert {"사업자등록번호", "접수일", "애로사항"} <= headers
    rows = {panel.problems.item(r, 2).text() for r in range(panel.problems.rowCount())}
    assert {"2", "3", "4"} <= rows
    assert not panel.confirm_button.isEnabled() and "3" in panel.summary.text()
    assert queries.count_cases(page._ctx.db, queries.CaseFilter()) == before


def test_the_problem_text_column_fills_the_rest_of_the_table(
    window: MainWindow, page: ReportsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show()
    page.tabs.setCurrentWidget(page.importer)
    panel = page.importer
    panel.read_file(_bad_sheet(tmp_path / "bad.xlsx"))
    _wait_idle(qtbot, panel.job_bar)
    QApplication.processEvents()
    header = panel.problems.horizontalHeader()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) == header.viewport().width()


def test_a_file_without_a_header_row_is_refused_as_a_whole(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    wb = Workbook()
    wb.active["A1"] = "메모만 있는 시트"
    wb.save(tmp_path / "memo.xlsx")
    panel = page.importer
    panel.read_file(tmp_path / "memo.xlsx")
    _wait_idle(qtbot, panel.job_bar)
    assert panel.preview is not None and not panel.preview.ok and not panel.preview.bad_rows()
    assert "가져올 수 없습니다" in panel.summary.text() and "0개" not in panel.summary.text()
    assert panel.problems.rowCount() == 1
    row = [panel.problems.item(0, c).text() for c in range(panel.problems.columnCount())]
    assert row[2:4] == ["", ""]  # no row, and no column code such as 'header'
    assert "머리글" in row[4]


def test_the_english_summary_counts_the_bad_rows_without_a_wrong_plural(
    demo_db: Database, make_ctx: Any, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    translations.install("en")
    panel = ImportPanel(make_ctx(demo_db, language="en"))
    qtbot.addWidget(panel)
    panel.read_file(_bad_sheet(tmp_path / "bad.xlsx"))
    _wait_idle(qtbot, panel.job_bar)
    assert panel.preview is not None
    bad, problems = len(panel.preview.bad_rows()), len(panel.preview.problems)
    assert panel.summary.text().startswith(f"Rows with problems: {bad} ({problems} problems in all).")


def test_a_good_sheet_is_previewed_then_imported_on_confirm(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = page.importer
    db = page._ctx.db
    before = queries.count_cases(db, queries.CaseFilter())
    sheet = write_clinic_sheet(tmp_path / "clinic.xlsx", 40, seed=3, firms=8)
    session_id = sessions.list_sessions(db, limit=1)[0].id
    panel.session.setCurrentIndex(panel.session.findData(session_id))
    panel.read_file(sheet)
    _wait_idle(qtbot, panel.job_bar)
    assert panel.preview is not None and panel.preview.ok, panel.summary.text()
    assert panel.confirm_button.isEnabled() and "40" in panel.confirm_button.text()
    assert queries.count_cases(db, queries.CaseFilter()) == before  # the preview wrote nothing
    with qtbot.waitSignal(page._ctx.events.cases_changed, timeout=WAIT_MS):
        panel.confirm()
    _wait_idle(qtbot, panel.job_bar)
    assert panel.error.text() == ""
    assert queries.count_cases(db, queries.CaseFilter()) == before + 40
    assert queries.count_cases(db, queries.CaseFilter(session_id=session_id)) >= 40
    assert not panel.confirm_button.isEnabled()
