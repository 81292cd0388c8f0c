"""Keeps the one main window and rebuilds it when the interface language changes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.ui.ahead import build_pages_ahead
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow


class WindowHost(QObject):
    """Owns the main window. A language switch installs the new translators and replaces the
    window with a new one built in that language (same page, same size); drafts and layout
    are saved by the old window on its way out.
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.window = MainWindow(ctx)
        build_pages_ahead(self.window)
        ctx.events.language_changed.connect(self.switch_language)

    def switch_language(self, lang: str) -> MainWindow:
        old = self.window
        page = old.current_key()
        old.save_state()
        if self.ctx.translations is not None:
            self.ctx.translations.install(lang)
        new = MainWindow(self.ctx)
        build_pages_ahead(new)
        new.setGeometry(old.geometry())
        new.show_page(page)
        if old.isVisible():
            new.show()
        self.window = new
        old.close()
        old.deleteLater()
        return new
