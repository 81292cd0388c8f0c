"""Main window: navigation and shortcuts, status bar, remembered layout, settings, sessions, app start."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import commit_text

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import build_main_window, parse_args, resolve_db_path, seed_demo_if_empty
from desktop.core.records import Actor
from desktop.core.settings import Settings, load_settings, settings_path
from desktop.store import firms, queries, sessions
from desktop.store.db import Database
from desktop.store.opening import get_meta
from desktop.sync.status import unsynced_count
from desktop.ui.context import AppContext
from desktop.ui.main_window import PAGE_KEYS, MainWindow, page_shortcut
from desktop.ui.pages.settings.page import SettingsPage
from desktop.ui.pages.today.dialogs import SessionDialog
from desktop.ui.pages.today.page import TodayPage
from desktop.ui.worker import Cancelled, JobControl, Workers


def test_every_page_has_a_menu_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for n, key in enumerate(PAGE_KEYS, start=1):
        assert window.page_actions[key].shortcut().toString() == page_shortcut(n)
        qtbot.keyClick(
            QApplication.focusWidget() or window,
            getattr(Qt.Key, f"Key_{n % 10}"),
            Qt.KeyboardModifier.ControlModifier,
        )
        assert window.current_key() == key
        assert window.nav.currentRow() == n - 1
    assert window.new_case_action.shortcut().toString() == "Ctrl+N"


def test_pages_are_built_when_first_shown(window: MainWindow) -> None:
    assert set(window.pages) == {"today"}
    window.show_page("overdue")
    assert set(window.pages) == {"today", "overdue"}


def test_status_bar_shows_database_user_and_unsynced_count(window: MainWindow, qtbot: QtBot) -> None:
    assert window.db_label.text().endswith("onestop.db")
    assert window.db_label.toolTip() == str(window.ctx.db_path)
    assert "김상담" in window.user_label.text()
    assert window.sync_label.text().endswith("…")  # counted in the background, not at startup
    qtbot.waitUntil(lambda: window.unsynced is not None, timeout=10_000)
    assert window.sync_label.text().endswith(f"{unsynced_count(window.ctx.db):,}")


def test_reports_page_is_a_placeholder_until_its_module_exists(window: MainWindow) -> None:
    page = window.show_page("reports")
    assert page.objectName() in ("reportsPage", "")
    sync = window.show_page("sync")
    assert sync.objectName() == "syncPage"


def test_window_geometry_and_page_are_remembered(demo_db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(640, 480)
    qtbot.waitUntil(lambda: first.width() == 640)
    first.show_page("firms")
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)
    assert second.current_key() == "firms"


def test_settings_page_load_and_save_are_symmetric(ctx: AppContext, qtbot: QtBot) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.values() == ctx.settings
    page.user_name.clear()
    commit_text(page.user_name, "박코디")
    page.role.setCurrentIndex(page.role.findData("manager"))
    page.number_prefix.setText("광양")
    page.mask_names.setChecked(True)
    with qtbot.waitSignal(ctx.events.settings_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings(ctx.settings_file)
    assert (saved.user_name, saved.role, saved.number_prefix, saved.mask_names_in_list) == (
        "박코디",
        "manager",
        "광양",
        True,
    )
    assert ctx.actor().name == "박코디"
    assert get_meta(ctx.db, "user_name") == "박코디"  # the command line sees the same user
    page.user_name.setText("임시")
    page.load()
    assert page.user_name.text() == "박코디"


def test_settings_file_ignores_bad_values(tmp_path: Path) -> None:
    path = settings_path(tmp_path)
    path.write_text(
        '{"language": "fr", "mask_names_in_list": "yes", "user_name": "김상담", "x": 1}', encoding="utf-8"
    )
    loaded = load_settings(path)
    assert loaded == Settings(user_name="김상담")
    with pytest.raises(ValueError):
        loaded.with_changes(language="fr")
    with pytest.raises(TypeError):
        loaded.with_changes(mask_names_in_list="yes")


def test_new_session_dialog_opens_the_session_for_new_cases(window: MainWindow, qtbot: QtBot) -> None:
    page = window.page("today")
    assert isinstance(page, TodayPage)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionDialog)
        commit_text(dialog.name, "2026 광양 원스톱 현장지원단")
        commit_text(dialog.place, "광양만권 기업지원센터")
        dialog.region.setCurrentIndex(dialog.region.findData("46"))
        dialog.set_agencies(("NTS", "KOSMES", "JNEPA"))
        dialog.accept()

    QTimer.singleShot(0, fill)
    page.new_session()
    session_id = window.ctx.settings.current_session_id
    session = sessions.get_session(window.ctx.db, session_id)
    assert session.name == "2026 광양 원스톱 현장지원단"
    assert set(session.agencies) == {"NTS", "KOSMES", "JNEPA"}
    assert page.session_title.text() == session.name
    assert "국세청" in page.session_info.text()
    assert page.model.filter.session_id == session_id


def test_language_switch_rebuilds_the_window_in_english(
    demo_db: Database, make_ctx: object, qtbot: QtBot
) -> None:
    from desktop.ui.host import WindowHost

    ctx: AppContext = make_ctx(demo_db)  # type: ignore[operator]
    host = WindowHost(ctx)
    qtbot.addWidget(host.window)
    host.window.show_page("cases")
    old = host.window
    settings = host.window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.save()
    new = host.window
    qtbot.addWidget(new)
    assert new is not old
    assert new.windowTitle() == "OneStop Field Desk"
    assert [new.nav.item(i).text() for i in range(3)] == ["Today's clinic", "Cases", "Firms"]
    assert new.current_key() == "settings"
    cases_page = new.show_page("cases")
    assert cases_page.model.headerData(0, Qt.Orientation.Horizontal) == "Number"  # type: ignore[attr-defined]
    assert cases_page.model.data(cases_page.model.index(0, 5)) in {  # type: ignore[attr-defined]
        "Received",
        "Classified",
        "Resolved on site",
        "Assigned",
        "Transferred",
        "In progress",
        "Awaiting supplement",
        "On hold",
        "Replied",
        "Follow-up",
        "Closed",
    }
    assert load_settings(ctx.settings_file).language == "en"


def test_build_main_window_for_benchmarks_in_english(tmp_path: Path, qtbot: QtBot) -> None:
    window = build_main_window(tmp_path / "bench.db", lang="en", config_dir=tmp_path / "cfg", seed_demo=True)
    qtbot.addWidget(window)
    try:
        assert window.nav.item(1).text() == "Cases"
        assert firms.count_firms(window.ctx.db) == 60
        assert queries.count_cases(window.ctx.db, queries.CaseFilter()) == 300
        assert "300" in window.ctx.demo_note
    finally:
        window.close()
        window.ctx.db.close()
        window.ctx.translations.install("ko")  # type: ignore[union-attr]


def test_command_line_and_database_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: Database
) -> None:
    options = parse_args(["--db", "x.db", "--lang", "en", "--no-demo"])
    assert (options.db, options.lang, options.demo) == ("x.db", "en", False)
    monkeypatch.delenv("ONESTOP_DB", raising=False)
    assert resolve_db_path("x.db", Settings()) == Path("x.db")
    assert resolve_db_path(None, Settings(data_dir=str(tmp_path))) == tmp_path / "onestop.db"
    monkeypatch.setenv("ONESTOP_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None, Settings(data_dir="/elsewhere")) == tmp_path / "env.db"
    firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강"), Actor(name="김상담"))
    assert seed_demo_if_empty(db) == ""  # never touches a store that has data


def test_worker_reports_progress_in_the_gui_thread_and_can_be_cancelled(db: Database, qtbot: QtBot) -> None:
    workers = Workers()
    gui = threading.get_ident()
    seen: list[tuple[int, int, bool]] = []
    results: list[object] = []
    release = threading.Event()

    def job(worker_db: Database, control: JobControl) -> int:
        assert worker_db is not db and threading.get_ident() != gui
        for n in range(1, 4):
            control.progress(n, 3)
        release.wait(5)
        control.check()
        return 3

    done = workers.start(
        db,
        job,
        on_success=results.append,
        on_progress=lambda a, b: seen.append((a, b, threading.get_ident() == gui)),
    )
    release.set()
    qtbot.waitUntil(lambda: done.reported, timeout=5000)
    assert results == [3]
    assert seen[-1] == (3, 3, True) and all(in_gui for _, _, in_gui in seen)
    release.clear()
    failures: list[BaseException] = []
    cancelled = workers.start(db, job, on_failure=failures.append)
    cancelled.cancel()
    release.set()
    qtbot.waitUntil(lambda: cancelled.reported, timeout=5000)
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)


def test_run_opens_the_window_on_a_fresh_store_with_demo_data(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.app import run

    monkeypatch.delenv("ONESTOP_DB", raising=False)
    db_path = tmp_path / "data" / "onestop.db"
    seen: list[str] = []

    def close_windows() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.statusBar().currentMessage())
                widget.close()

    timer = QTimer()
    timer.timeout.connect(close_windows)
    timer.start(200)
    try:
        assert run(["--db", str(db_path), "--config-dir", str(tmp_path / "cfg")]) == 0
    finally:
        timer.stop()
    assert seen and str(db_path) in seen[0]
    from desktop.store.opening import open_store

    db = open_store(db_path)
    try:
        assert queries.count_cases(db, queries.CaseFilter()) == 300
    finally:
        db.close()
    assert (tmp_path / "cfg" / "window.ini").exists()
