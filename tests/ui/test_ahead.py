"""Pages built ahead: the case list is built after the main window's first paint, not before."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.ahead import build_pages_ahead
from desktop.ui.context import AppContext
from desktop.ui.host import WindowHost
from desktop.ui.main_window import MainWindow


def test_case_list_is_built_after_the_first_paint_and_stays_hidden(window: MainWindow, qtbot: QtBot) -> None:
    build_pages_ahead(window)
    assert "cases" not in window.pages  # nothing is built before the window has painted
    window.show()
    qtbot.waitUntil(lambda: "cases" in window.pages, timeout=5_000)
    assert window.current_key() == "today"
    assert not window.pages["cases"].isVisible()


def test_the_program_window_builds_the_case_list_ahead(ctx: AppContext, qtbot: QtBot) -> None:
    host = WindowHost(ctx)
    qtbot.addWidget(host.window)
    host.window.show()
    qtbot.waitUntil(lambda: "cases" in host.window.pages, timeout=5_000)
    english = host.switch_language("en")
    qtbot.addWidget(english)
    qtbot.waitUntil(lambda: "cases" in english.pages, timeout=5_000)
