"""What every page of the main window shares: refresh when shown after the data changed."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext


class Page(QWidget):
    """A page of the main window.

    Pages listen to data signals with :meth:`data_changed`: a visible page refreshes at
    once, a hidden one only notes it is stale and refreshes when shown again (so one edit
    does not recount a million cases on every page).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stale = False

    def refresh(self) -> None:
        """Re-read what the page shows from the store."""

    def save_state(self) -> None:
        """Persist drafts and column layout (called when the window closes)."""

    def data_changed(self, *_: object) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
