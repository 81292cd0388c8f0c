"""Measures the GUI in a fresh process (offscreen): startup, case list, jumps, sorts, lookup, RSS.

Run by benchmarks/bench_gui.py as ``python -m benchmarks.gui_probe DB CONFIG_DIR [SPAWNED_AT]``
(``SPAWNED_AT``: the parent's ``time.time()`` just before it started this process); prints JSON.
Each figure runs from the user's action to the moment its result is painted, and waits for
what the user would wait for (debounce timers, the background count before a jump to the end).
Main-thread CPU times (``*_cpu_ms``) are printed beside the wall times: on a busy machine the
wall time grows while the CPU time does not.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()
STARTED_WALL = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

COUNT_TIMEOUT_MS = 60_000
LOOKUP_TIMEOUT_MS = 5_000


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


def _cpu_ms(since: float) -> float:
    return round((time.thread_time() - since) * 1000, 2)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, SignalInstance
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.harness import peak_rss_mb
    from desktop.app import build_main_window
    from desktop.ui.ahead import build_pages_ahead
    from desktop.ui.pages.intake.widgets import FirmLookup

    class PaintWatch(QObject):
        """Notes when a widget has painted (the end of every figure: the user sees the result)."""

        def __init__(self, widget: QWidget) -> None:
            super().__init__(widget)
            self.painted = False
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def until_painted(widget: QWidget, limit_ms: int = 10_000) -> None:
        """Process events until ``widget`` has painted (a paint may need another turn, after layout).

        ``limit_ms`` bounds the wait when nothing on ``widget`` needed repainting.
        """
        watch = PaintWatch(widget)
        deadline = time.perf_counter() + limit_ms / 1000
        app.processEvents()
        while not watch.painted and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        widget.removeEventFilter(watch)
        watch.deleteLater()

    def until_idle() -> None:
        """Run the work already queued (put off until after a paint), then the repaints it asked for."""
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        app.processEvents()

    def wait_for(signal: SignalInstance, timeout_ms: int) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    db_path, config_dir = Path(sys.argv[1]), Path(sys.argv[2])
    spawned_at = float(sys.argv[3]) if len(sys.argv) > 3 else STARTED_WALL
    window = build_main_window(db_path, config_dir=config_dir)
    build_pages_ahead(window)  # as WindowHost does for the program
    window.resize(1280, 800)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    until_painted(window)
    # Usable means painted and answering: a click now would wait for the work queued behind the
    # first paint (the pages built ahead), so that work is part of startup.
    until_idle()
    out: dict[str, Any] = {
        "startup_ms": round((time.time() - spawned_at) * 1000, 2),
        "startup_after_python_ms": _ms(STARTED),
        "startup_cpu_ms": round(time.thread_time() * 1000, 2),
    }
    # A consultant opens the list minutes after starting the program, so the page built ahead
    # judges its deadlines against the clock again when first shown: take that path here.
    ahead = window.pages.get("cases")
    if ahead is not None:
        ahead.model.now -= timedelta(minutes=10)  # type: ignore[attr-defined]

    # Case list open: the navigation click (show_page is what it calls) until the rows are painted.
    start, cpu = time.perf_counter(), time.thread_time()
    page = window.show_page("cases")
    table = page.table  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    until_painted(table.viewport())
    out["case_list_open_ms"] = _ms(start)
    out["case_list_open_cpu_ms"] = _cpu_ms(cpu)
    # The exact count runs in the background; until it arrives the list ends at the first page,
    # so a jump to the end before it would measure a jump to row 200.
    if model.counting:
        wait_for(model.count_changed, COUNT_TIMEOUT_MS)
    out["case_list_count_ready_ms"] = _ms(start)
    out["case_count"] = model.rowCount()

    start, cpu = time.perf_counter(), time.thread_time()
    table.scrollToBottom()
    until_painted(table.viewport())
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0)), "the last row is not loaded after the jump"
    assert table.rowAt(table.viewport().height() - 1) in (last, -1), "the jump did not reach the end"
    out["jump_to_last_row_ms"] = _ms(start)
    out["jump_to_last_row_cpu_ms"] = _cpu_ms(cpu)

    start = time.perf_counter()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    until_painted(table.viewport())
    out["jump_to_middle_ms"] = _ms(start)

    sorts = {}
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.scrollToTop()
            app.processEvents()
            start = time.perf_counter()
            header.setSortIndicator(column, order)  # what a header click does
            until_painted(table.viewport())
            model.data(model.index(0, 0))
            sorts[f"{column}:{order.name}"] = _ms(start)
    out["sort_change_ms"] = sorts

    window.show_page("today")
    app.processEvents()
    lookup = window.findChild(FirmLookup)
    keystrokes = {}
    if lookup is not None:
        # Type the last four syllables of a firm's name (after any legal form), then 초성, one
        # key at a time as an input method commits them; each figure runs until that key's
        # results are painted, debounce included.
        name = str(
            window.ctx.db.scalar("SELECT name FROM firms WHERE rowid = (SELECT max(rowid) / 2 FROM firms)")
        )
        for word in (name[-4:], "ㄱㅇㅊ"):
            lookup.box.clear()
            app.processEvents()
            for i, key in enumerate(word):
                event = QInputMethodEvent()
                event.setCommitString(key)
                start = time.perf_counter()
                QApplication.sendEvent(lookup.box, event)
                if lookup.model.query != lookup.box.text().strip():
                    wait_for(lookup.model.modelReset, LOOKUP_TIMEOUT_MS)
                shown = lookup.results.viewport() if lookup.results.isVisible() else lookup.hint
                until_painted(shown, limit_ms=0)  # a repaint, if the results changed, is pending now
                keystrokes[word[: i + 1]] = _ms(start)
    out["lookup_keystroke_ms"] = keystrokes
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    window.ctx.workers.wait_all()
    window.ctx.db.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
