"""Case list filtering and sorting through its widgets; agency queue and overdue bulk actions."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot
from ui_helpers import commit_text

from PySide6.QtCore import Qt

from desktop.store import cases, queries
from desktop.store.db import Database
from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.pages.agency_queue.page import AGENCY_PENDING, AgencyQueuePage
from desktop.ui.pages.cases.page import CasesPage
from desktop.ui.pages.cases.widgets import OPEN
from desktop.ui.pages.overdue.page import OverduePage


def _settle(qtbot: QtBot, model: CaseTableModel) -> CaseTableModel:
    """Wait for the background count (the first page shows before it)."""
    qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    return model


def _column(model: CaseTableModel, column: int) -> list[str]:
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def test_filter_bar_narrows_the_list(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    model = _settle(qtbot, page.model)
    assert model.rowCount() == 300
    bar = page.filters
    bar.status.setCurrentIndex(bar.status.findData("closed"))
    _settle(qtbot, model)
    closed = queries.count_cases(demo_db, CaseFilter(statuses=("closed",)))
    assert model.rowCount() == closed
    assert set(_column(model, CaseTableModel.COL_STATUS)) == {"종결"}
    bar.status.setCurrentIndex(0)
    bar.field.setCurrentIndex(bar.field.findData("F03"))
    _settle(qtbot, model)
    assert set(_column(model, CaseTableModel.COL_FIELD)) == {"정책자금"}
    bar.field.setCurrentIndex(0)
    bar.overdue.setChecked(True)
    _settle(qtbot, model)
    assert model.rowCount() == queries.count_cases(demo_db, CaseFilter(overdue=True), model.now)
    bar.overdue.setChecked(False)
    commit_text(bar.search, "정책자금")
    bar.apply_now()
    _settle(qtbot, model)
    assert 0 < model.rowCount() < 300
    assert page.count_label.text().startswith(f"{model.rowCount():,}건")
    bar.search.clear()
    bar.apply_now()
    session_index = 1
    session_id = bar.session.itemData(session_index)
    bar.session.setCurrentIndex(session_index)
    _settle(qtbot, model)
    assert model.rowCount() == queries.count_cases(demo_db, CaseFilter(session_id=session_id))


def test_clicking_a_header_sorts_in_the_store(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    header = page.table.horizontalHeader()
    _settle(qtbot, page.model)
    header.setSortIndicator(CaseTableModel.COL_FIRM, Qt.SortOrder.AscendingOrder)
    names = _column(page.model, CaseTableModel.COL_FIRM)
    assert names == sorted(names)
    page.filters.status.setCurrentIndex(page.filters.status.findData(OPEN))
    _settle(qtbot, page.model)
    header.setSortIndicator(CaseTableModel.COL_DAYS, Qt.SortOrder.DescendingOrder)
    days = [int(d) for d in _column(page.model, CaseTableModel.COL_DAYS)]
    assert days == sorted(days, reverse=True)
    assert page.model.sort_order.key == "days_open"


def test_a_list_built_ahead_judges_deadlines_anew_when_first_shown_only(
    demo_db: Database, make_ctx: object, qtbot: QtBot
) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    _settle(qtbot, page.model)
    built_long_ago = datetime.now() - timedelta(minutes=10)
    page.model.now = built_long_ago
    page.show()
    assert page.model.now > built_long_ago + timedelta(minutes=9)
    assert not page.model.counting  # same rows: the count is kept
    page.table.setCurrentIndex(page.model.index(5, 0))
    page.hide()
    page.model.now = built_long_ago
    page.show()  # shown again: the user's place (and the old judgement) stay until a refresh
    assert page.model.now == built_long_ago
    assert page.table.currentIndex().row() == 5


def test_enter_on_a_row_asks_to_open_the_case(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.table.setCurrentIndex(page.model.index(3, 0))
    with qtbot.waitSignal(ctx.events.case_open_requested) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [page.model.case_id(3)]


def test_enter_in_the_search_goes_to_the_first_found_case_and_enter_again_opens_it(
    demo_db: Database, make_ctx: object, qtbot: QtBot
) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_search()
    commit_text(page.filters.search, "정책자금")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert 0 < page.model.rowCount() < 300
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    with qtbot.waitSignal(ctx.events.case_open_requested) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [page.model.case_id(0)]


def test_column_widths_are_remembered(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.table.setColumnWidth(CaseTableModel.COL_FIRM, 333)
    page.save_state()
    again = CasesPage(ctx)
    qtbot.addWidget(again)
    assert again.table.columnWidth(CaseTableModel.COL_FIRM) == 333


def test_agency_queue_bulk_assign_and_reminder(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    busiest = max(
        queries.counts_by(demo_db, "agency_id", CaseFilter(statuses=AGENCY_PENDING)).items(),
        key=lambda kv: kv[1] if kv[0] else -1,
    )[0]
    ctx.update_settings(ctx.settings.with_changes(agency_id=busiest))
    page = AgencyQueuePage(ctx)
    qtbot.addWidget(page)
    queue = page.queue
    assert page.agency_id == busiest
    pending = CaseFilter(agency_id=busiest, statuses=AGENCY_PENDING)
    assert _settle(qtbot, queue.model).rowCount() == queries.count_cases(demo_db, pending)
    qtbot.waitUntil(lambda: queue.ageing_model.rowCount() == 1, timeout=5000)
    assert queue.ageing_model.rows[0].agency_id == busiest
    queue.table.selectAll()
    chosen = queue.table.selected_case_ids()[:3]
    job = queue.assign(chosen, "이지원")
    qtbot.waitUntil(lambda: job.reported, timeout=10_000)
    assert {cases.get_case(demo_db, c).assignee for c in chosen} == {"이지원"}
    assert "3건" in queue.result_label.text()
    job = queue.remind(chosen, queue.default_reminder())
    qtbot.waitUntil(lambda: job.reported, timeout=10_000)
    for case_id in chosen:
        assert cases.timeline(demo_db, case_id)[-1].payload["text"].startswith("[독촉]")


def test_overdue_page_lists_overdue_cases_most_overdue_first(
    demo_db: Database, make_ctx: object, qtbot: QtBot
) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    page = OverduePage(ctx)
    qtbot.addWidget(page)
    model = _settle(qtbot, page.queue.model)
    assert model.rowCount() == queries.count_cases(demo_db, CaseFilter(overdue=True), model.now) > 0
    deadlines = _column(model, CaseTableModel.COL_DEADLINE)
    assert deadlines == sorted(deadlines)
    qtbot.waitUntil(lambda: page.queue.ageing_model.rowCount() > 0, timeout=5000)
    agency = page.queue.ageing_model.rows[0].agency_id
    page.narrow(agency)
    _settle(qtbot, model)
    assert model.rowCount() == queries.count_cases(
        demo_db, CaseFilter(overdue=True, agency_id=agency), model.now
    )
