"""Pages that other features fill in later (sync, reports): a title and a short explanation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.widgets.common import title_label


class PlaceholderPage(Page):
    """A page whose feature is not built yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = title_label("")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.body.setText(text)
