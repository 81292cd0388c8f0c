"""Entry point of the frozen build (``build_installer.spec``): one program for the GUI and the CLI.

Both executables of the build run this script: ``onestop`` (console; ``onestop demo …``,
``onestop report …``; no arguments opens the GUI) and ``onestop-gui`` (windowed on Windows
and macOS, what the shortcut starts). Everything goes through :func:`desktop.cli.main`,
exactly as the ``onestop`` console script of a source install.

A windowed executable on Windows has no ``stdout``/``stderr``: their output goes to
``onestop-gui.log`` in the per-user log folder instead (:func:`log_path`).

``ONESTOP_STARTUP_PROBE=1`` makes the GUI print one JSON line once the main window is shown
and idle (time since launch, window title, application font, Qt platform) and quit: the
frozen-build smoke test and the startup measurement use it. ``ONESTOP_PROBE_T0`` (epoch
seconds, set by the launcher) lets it count from the process launch rather than from here;
``ONESTOP_PROBE_PDF`` names a PDF to open and render with QtPdf in the same run.

``onestop --export-case-feed`` is not for people: a big Excel export starts the program so to
read its cases in a second process (:mod:`reports.excel.case_feed`).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, TextIO  # noqa: E402

APP_DIR_NAME = "onestop"
LOG_FILE_NAME = "onestop-gui.log"
LOG_MAX_BYTES = 1_000_000
PROBE_ENV = "ONESTOP_STARTUP_PROBE"
PROBE_T0_ENV = "ONESTOP_PROBE_T0"
PROBE_PDF_ENV = "ONESTOP_PROBE_PDF"
EXPORT_HELPER_FLAG = "--export-case-feed"
"""``reports.excel.case_feed.HELPER_FLAG``: the big export's reading process (not imported here,
to keep the program's start light)."""


def log_path() -> Path:
    """``onestop-gui.log`` in the per-user log folder (platformdirs ``user_log_dir``)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_DIR_NAME, appauthor=False)) / LOG_FILE_NAME


def _open_log() -> TextIO | None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
        return open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
    except OSError:
        return None


def redirect_missing_streams() -> None:
    """Give a windowed executable (no console) somewhere to print: the log file, else nowhere."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream: TextIO | None = _open_log()
    if stream is None:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    else:
        stream.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {sys.executable}\n")
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


def _elapsed_ms() -> tuple[float, float]:
    """(ms since the launcher's ``ONESTOP_PROBE_T0`` or, without it, since this module; ms since here)."""
    here = (time.perf_counter() - STARTED) * 1000
    t0 = os.environ.get(PROBE_T0_ENV)
    try:
        since_launch = (time.time() - float(t0)) * 1000 if t0 else here
    except ValueError:
        since_launch = here
    return round(since_launch, 1), round(here, 1)


def _render_pdf(path: str) -> dict[str, Any]:
    """Open a PDF with QtPdf and render its first page (proves QtPdf is in the build)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    error = doc.load(path)
    pages = doc.pageCount()
    image = doc.render(0, QSize(300, 420)) if pages else None
    return {
        "pdf_error": error.name,
        "pdf_pages": pages,
        "pdf_rendered": bool(image is not None and not image.isNull()),
    }


def install_startup_probe(argv: Sequence[str]) -> None:
    """Create the QApplication early and quit it, printing a JSON line, once the main window is up."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.app import ensure_app

    app = ensure_app(list(argv))

    class StartupProbe(QObject):
        """Watches for the first shown main window; reports once the event loop has drawn it."""

        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.window: QMainWindow | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if self.window is None and event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
                self.window = watched
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            QApplication.processEvents()
            since_launch, since_main = _elapsed_ms()
            window = self.window
            assert window is not None
            data: dict[str, Any] = {
                "startup_ms": since_launch,
                "main_ms": since_main,
                "title": window.windowTitle(),
                "visible": window.isVisible(),
                "font": QApplication.font().family(),
                "platform": QGuiApplication.platformName(),
                "frozen": bool(getattr(sys, "frozen", False)),
                "meipass": str(getattr(sys, "_MEIPASS", "")),
            }
            pdf = os.environ.get(PROBE_PDF_ENV)
            if pdf:
                data.update(_render_pdf(pdf))
            print(json.dumps(data, ensure_ascii=False), flush=True)
            QApplication.quit()

    probe = StartupProbe(app)
    app.installEventFilter(probe)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``onestop`` with ``argv`` (default: the process arguments); no subcommand opens the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [EXPORT_HELPER_FLAG]:
        from reports.excel.case_feed import helper_main

        return helper_main()
    redirect_missing_streams()
    if os.environ.get(PROBE_ENV) == "1":
        install_startup_probe(args)
    from desktop.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
