"""Pages built ahead of their first click, in the idle moment after the main window first paints."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from desktop.ui.main_window import MainWindow

# The case list is the page opened most and the costliest to build (filters, model, first page,
# table); building it while the user reads the first screen makes its first opening a repaint.
AHEAD_PAGES = ("cases",)


class _AfterFirstPaint(QObject):
    """Waits for the window's first paint, then builds the pages on the next turn of the event loop."""

    def __init__(self, window: MainWindow, keys: tuple[str, ...]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = keys
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            watched.removeEventFilter(self)
            # Queued behind the paint being handled now: the first screen shows before this work.
            QTimer.singleShot(0, self, self._build)
        return False

    def _build(self) -> None:
        for key in self._keys:
            self._window.page(key)
        self.deleteLater()


def build_pages_ahead(window: MainWindow, keys: tuple[str, ...] = AHEAD_PAGES) -> None:
    """Build ``keys`` once ``window`` has painted for the first time (not before: startup stays fast)."""
    _AfterFirstPaint(window, keys)
