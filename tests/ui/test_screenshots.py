"""Screenshots of every main view in Korean and English (docs/screenshots/<view>_<lang>.png).

``make screenshots`` writes them to docs/screenshots; in the suite they go to a temp folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shots import save_screenshot
from sync_team import OTHER, Team, conflicting_edits, shared_case
from ui_helpers import commit_text

from PySide6.QtWidgets import QWidget

from desktop.core.ids import format_brn
from desktop.core.routing import suggest_agency
from desktop.store import cases, firms, queries, sessions
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store
from desktop.store.queries import CaseFilter, Sort
from desktop.store.reference import reference_data
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.agency_queue.page import AgencyQueuePage
from desktop.ui.pages.firms.page import FirmsPage
from desktop.ui.pages.reports.page import ReportsPage
from desktop.ui.pages.sync.page import SyncPage
from desktop.ui.pages.today.page import TodayPage
from reports.bench import busiest_session

MIN_SIZE = (600, 400)
SIZE = (1280, 800)
TODAY_CASES = (
    ("법인세 중간예납 납부기한 연장이 가능한지 문의", "F01", "procedure"),
    ("수출 바우처 사업 신청 자격과 서류 문의", "F02", "procedure"),
    ("운전자금 정책자금 상환유예 가능 여부", "F03", "grievance"),
    ("FTA 원산지증명서 발급 절차 안내 요청", "F06", "law"),
    ("청년 채용 고용지원금 신청 방법", "F07", "procedure"),
)


@pytest.fixture(scope="module")
def shots_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shots") / "shots.db"
    shutil.copyfile(template_db, path)
    db = open_store(path)
    load_demo_data(db, firms=150, cases=1500, seed=3)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def shots_db(shots_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "onestop.db"
    shutil.copyfile(shots_template, path)
    db = open_store(path)
    yield db
    db.close()


def _prepare_today(ctx: AppContext) -> None:
    """A clinic session of today with a few difficulties already logged."""
    session_id, _ = sessions.add_session(
        ctx.db,
        name="2026 순천 원스톱 중소기업 현장지원단 (2차)",
        day=ctx.today(),
        place="순천 해룡산단 기업지원센터",
        actor=ctx.actor(),
        region_code="46",
        agencies=("NTS", "GJNSMBA", "KOSMES-JN", "JNTP", "JNEPA", "COMWEL"),
        consultants=("김상담", "이지원", "박코디"),
    )
    ctx.update_settings(ctx.settings.with_changes(current_session_id=session_id))
    firm_rows = queries.page_after(ctx.db, CaseFilter(), Sort(), None, 40)
    firm_ids = list(dict.fromkeys(r.firm_id for r in firm_rows))
    for n, (text, field, kind) in enumerate(TODAY_CASES):
        firm = firms.get_firm(ctx.db, firm_ids[n])
        suggestion = suggest_agency(field, firm.region_code, firm.size, ctx.today(), reference_data(ctx.db))
        agency = suggestion.agency.id if suggestion and n != 2 else ""
        cases.add_case(
            ctx.db,
            cases.NewCase(
                firm_id=firm.id,
                field=field,
                text=text,
                kind=kind,
                session_id=session_id,
                agency=agency,
                consent_agencies=(agency,) if agency else (),
                number_prefix="순천",
                onsite_answer="" if agency else "중진공 긴급경영안정자금 상환유예 요건과 신청 절차를 안내함",
            ),
            ctx.actor(),
        )


def shown_window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    """The main window at the screenshot size, on screen."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def _fill_intake(window: MainWindow) -> None:
    page = window.page("today")
    assert isinstance(page, TodayPage)
    intake = page.intake
    firm_id = queries.page_after(window.ctx.db, CaseFilter(), Sort("firm_name", False), None, 1)[0].firm_id
    firm = firms.get_firm(window.ctx.db, firm_id)
    intake.lookup.box.setText(format_brn(firm.brn))
    intake.lookup.pick()
    commit_text(intake.text, "부가가치세 신고기한 연장과 세무조사 유예를 함께 신청할 수 있는지 문의")
    intake.accept_field_suggestion()
    if intake.consents:
        intake.consents[0].setChecked(True)


def _preview_session_report(page: ReportsPage, qtbot: QtBot) -> None:
    """The reports page with the busiest session's 현장지원 결과 보고 in the preview."""
    pdf = page.pdf
    pdf.set_kind("session")
    pdf.session.setCurrentIndex(max(pdf.session.findData(busiest_session(page._ctx.db)), 0))
    pdf.make_preview()
    qtbot.waitUntil(lambda: not pdf.job_bar.busy, timeout=60_000)
    assert pdf.preview.document.pageCount() > 0, pdf.error.text()
    qtbot.waitUntil(lambda: _has_ink(pdf.preview.view.viewport()), timeout=10_000)  # pages render async


def _has_ink(widget: QWidget) -> bool:
    """True once something dark is drawn (QPdfView renders pages in the background)."""
    image = widget.grab().toImage()
    step = 7
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixelColor(x, y).lightness() < 100:
                return True
    return False


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshot_every_main_view(
    lang: str,
    shots_db: Database,
    make_ctx: object,
    qtbot: QtBot,
    translations: Translations,
    screenshot_dir: Path,
) -> None:
    translations.install(lang)
    ctx: AppContext = make_ctx(shots_db, language=lang, agency_id="KOSMES")  # type: ignore[operator]
    _prepare_today(ctx)
    window = shown_window(ctx, qtbot)
    written = []

    window.show_page("today")
    _fill_intake(window)
    written.append(save_screenshot(window, screenshot_dir, "today", lang, MIN_SIZE, ctx))

    window.show_page("cases")
    written.append(save_screenshot(window, screenshot_dir, "cases", lang, MIN_SIZE, ctx))

    firms_page = window.show_page("firms")
    assert isinstance(firms_page, FirmsPage)
    busy_firm = queries.page_after(shots_db, CaseFilter(), Sort("firm_name", False), None, 1)[0].firm_id
    firms_page.show_firm(busy_firm)
    written.append(save_screenshot(window, screenshot_dir, "firms", lang, MIN_SIZE, ctx))

    queue = window.show_page("agency_queue")
    assert isinstance(queue, AgencyQueuePage)
    qtbot.waitUntil(lambda: queue.queue.ageing_model.rowCount() > 0, timeout=5000)
    written.append(save_screenshot(window, screenshot_dir, "agency_queue", lang, MIN_SIZE, ctx))

    overdue = window.show_page("overdue")
    qtbot.waitUntil(lambda: overdue.queue.ageing_model.rowCount() > 0, timeout=5000)  # type: ignore[attr-defined]
    written.append(save_screenshot(window, screenshot_dir, "overdue", lang, MIN_SIZE, ctx))

    for key in ("reports", "settings"):
        shown = window.show_page(key)
        if isinstance(shown, ReportsPage):
            _preview_session_report(shown, qtbot)
        written.append(save_screenshot(window, screenshot_dir, key, lang, MIN_SIZE, ctx))

    case_id = queries.page_after(shots_db, CaseFilter(statuses=("in_progress",)), Sort(), None, 1)[0].id
    detail = window.open_case(case_id)
    detail.resize(1100, 700)
    written.append(save_screenshot(detail, screenshot_dir, "case_detail", lang, MIN_SIZE))
    detail.close()

    assert len(written) == 8
    ctx.workers.wait_all(10_000)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshot_sync_page_with_a_conflict(
    lang: str,
    sync_team: Team,
    make_ctx: object,
    qtbot: QtBot,
    translations: Translations,
    screenshot_dir: Path,
) -> None:
    """The sync page after a sync that brought a conflict and a firm registered on both laptops."""
    translations.install(lang)
    ctx: AppContext = make_ctx(sync_team.mine, language=lang, device_name="노트북1")  # type: ignore[operator]
    ctx.update_settings(ctx.settings.with_changes(sync_hub=str(sync_team.hub)))
    case_id = shared_case(sync_team, ctx.actor())
    firms.add_firm(sync_team.other, firms.NewFirm(brn="1248100998", name="(주)광양철강"), OTHER)
    conflicting_edits(
        sync_team,
        case_id,
        ctx.actor(),
        "법인세 중간예납 납부기한 연장 신청 방법과 필요 서류 문의",
        "법인세 납부기한 연장과 세무조사 유예를 함께 신청할 수 있는지 문의 (대표 전화 요청)",
    )
    window = shown_window(ctx, qtbot)
    window.sync_now()
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    qtbot.waitUntil(lambda: page.conflicts.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.unsynced is not None, timeout=10_000)
    save_screenshot(window, screenshot_dir, "sync", lang, MIN_SIZE, ctx)
