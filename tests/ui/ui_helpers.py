"""Typing helpers for GUI tests: counted keystrokes, ASCII typing, Hangul through input-method commits.

``qtbot.keyClicks`` with Hangul aborts the test process, so Hangul is committed the way an
IME does it (``QInputMethodEvent.setCommitString``) to the focused widget.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


class Keyboard:
    """Sends keys to whatever has the focus, like a person would; counts the non-text keys."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One counted keystroke (Enter, Tab, Space, Ctrl+N, a digit choosing an option...)."""
        target = self.focused()
        self.log.append(f"{key.name}{'+' + modifier.name if modifier else ''} -> {target.objectName()}")
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1

    def type_ascii(self, text: str) -> None:
        """Typed text (a BRN, a number): not counted as keystrokes beyond the texts."""
        self.qtbot.keyClicks(self.focused(), text)

    def type_hangul(self, text: str) -> None:
        """Typed Korean text, committed through the input method (not counted)."""
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(self.focused(), event)


def commit_text(widget: QWidget, text: str) -> None:
    """Commit Hangul into a given widget (focus not needed)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
