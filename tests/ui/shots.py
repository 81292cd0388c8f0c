"""Where GUI tests save screenshots: docs/screenshots under ``make screenshots``, a temp folder otherwise.

The test run must not rewrite the committed pictures (they would change on every run: the
status bar shows the temporary database path), yet every run still renders and checks them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("ONESTOP_SCREENSHOTS") == "docs":
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path_factory.mktemp("screenshots")


def save_screenshot(widget: QWidget, path: Path, min_width: int, min_height: int) -> Path:
    """Grab ``widget`` into ``path`` once pending events are delivered; the picture must be usable."""
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= min_width and image.height() >= min_height
    return path
