"""Window layout remembered between runs (geometry, dock state, column widths) in an INI file.

Kept apart from the user settings (``desktop.core.settings``) because it is Qt's own binary
state; both live in the user config folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

UI_STATE_FILE_NAME = "window.ini"


class UiState:
    """Saved window geometry, splitter sizes and table header states, by object name."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, window: QMainWindow) -> None:
        self._qs.setValue("window/geometry", window.saveGeometry())
        self._qs.setValue("window/state", window.saveState())
        self._qs.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self._bytes("window/geometry")
        state = self._bytes("window/state")
        if geometry is not None:
            window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state)
        return geometry is not None

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._qs.setValue(f"headers/{name}", header.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        state = self._bytes(f"headers/{name}")
        return state is not None and header.restoreState(state)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._qs.setValue(f"splitters/{name}", splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        state = self._bytes(f"splitters/{name}")
        return state is not None and splitter.restoreState(state)

    def value(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def set_value(self, key: str, value: str) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
