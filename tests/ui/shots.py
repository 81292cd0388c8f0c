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

from desktop.ui.context import AppContext

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("ONESTOP_SCREENSHOTS") == "docs":
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path_factory.mktemp("screenshots")


def save_screenshot(
    widget: QWidget,
    folder: Path,
    name: str,
    lang: str,
    min_size: tuple[int, int],
    ctx: AppContext | None = None,
) -> Path:
    """Grab ``widget`` into ``folder/<name>_<lang>.png`` once background work has finished and been shown."""
    if ctx is not None:
        ctx.workers.wait_all(20_000)
    QApplication.processEvents()
    path = folder / f"{name}_{lang}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= min_size[0] and image.height() >= min_size[1]
    return path
