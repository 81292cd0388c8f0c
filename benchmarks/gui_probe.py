"""Measures the GUI in a fresh process (offscreen): startup, case list, jumps, sorts, lookup, RSS.

Run by benchmarks/bench_gui.py as ``python -m benchmarks.gui_probe DB CONFIG_DIR``; prints JSON.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from benchmarks.harness import peak_rss_mb
    from desktop.app import build_main_window
    from desktop.ui.pages.intake.widgets import FirmLookup

    db_path, config_dir = Path(sys.argv[1]), Path(sys.argv[2])
    window = build_main_window(db_path, config_dir=config_dir)
    window.resize(1280, 800)
    window.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    out: dict[str, object] = {"startup_ms": _ms(STARTED)}

    start = time.perf_counter()
    page = window.show_page("cases")
    app.processEvents()
    out["case_list_open_ms"] = _ms(start)
    table = page.table  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]

    start = time.perf_counter()
    table.scrollToBottom()
    app.processEvents()
    model.data(model.index(model.rowCount() - 1, 0))
    out["jump_to_last_row_ms"] = _ms(start)

    start = time.perf_counter()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    app.processEvents()
    out["jump_to_middle_ms"] = _ms(start)

    sorts = {}
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.scrollToTop()
            start = time.perf_counter()
            model.sort(column, order)
            app.processEvents()
            model.data(model.index(0, 0))
            sorts[f"{column}:{order.name}"] = _ms(start)
    out["sort_change_ms"] = sorts

    window.show_page("today")
    app.processEvents()
    lookup = window.findChild(FirmLookup)
    keystrokes = {}
    if lookup is not None:
        # Type the last four syllables of a firm's name (after any legal form) one by one.
        name = str(
            window.ctx.db.scalar("SELECT name FROM firms WHERE rowid = (SELECT max(rowid) / 2 FROM firms)")
        )
        stem = name[-4:]
        for query in [stem[: i + 1] for i in range(len(stem))] + ["ㄱ", "ㄱㅇ", "ㄱㅇㅊ"]:
            lookup.box.setText(query)
            start = time.perf_counter()
            lookup.search_now()
            app.processEvents()
            keystrokes[query] = _ms(start)
    out["lookup_keystroke_ms"] = keystrokes
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    window.ctx.db.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
