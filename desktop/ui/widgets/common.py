"""Small shared widgets and helpers: error display, the draft-restore bar, section titles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop.core.errors import RejectedInput
from desktop.store import driver


def debounce_timer(parent: QObject, msecs: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer calling ``slot``; ``start()`` again restarts the wait (debounce)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


def error_text(exc: BaseException, lang: str) -> str:
    """The message to show for a failure: rejected input (and a full disk) in the interface
    language, else the error."""
    if isinstance(exc, RejectedInput):
        return exc.message(lang)
    if driver.is_disk_full(exc):
        return driver.disk_full(exc).text(lang)
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget, title: str, exc: BaseException, lang: str) -> None:
    QMessageBox.warning(parent, title, error_text(exc, lang))


def title_label(text: str, size_delta: float = 3.0) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + size_delta)
    font.setBold(True)
    label.setFont(font)
    return label


class MessageBar(QFrame):
    """An inline bar above a form: a message and up to two buttons (e.g. restore / discard a draft)."""

    accepted = Signal()
    rejected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet(
            "#messageBar { background: #e7f1ff; border: 1px solid #9ec5fe; border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.reject_button)
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        self.hide()

    def ask(self, text: str, accept: str, reject: str) -> None:
        self.label.setText(text)
        self.accept_button.setText(accept)
        self.reject_button.setText(reject)
        self.show()

    def _accept(self) -> None:
        self.hide()
        self.accepted.emit()

    def _reject(self) -> None:
        self.hide()
        self.rejected.emit()


class ErrorLabel(QLabel):
    """A red inline message under a form (keyboard users need no dialog to dismiss)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b02a37;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
