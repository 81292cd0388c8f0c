"""Interface language: compiles and installs the Qt translations; registers the bundled Korean font.

Source strings are Korean (``self.tr("사례 목록")``); ``resources/translations/onestop_en.ts``
holds the English, compiled to ``onestop_en.qm`` (here at start when the .qm is missing or
older than the .ts, or by ``make``/the test suite).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import resource

LANGUAGES = ("ko", "en")
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")


def translations_dir() -> Path:
    return resource("translations")


def ts_path(lang: str) -> Path:
    return translations_dir() / f"onestop_{lang}.ts"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"onestop_{lang}.qm"


def lrelease_command() -> str | None:
    """The ``pyside6-lrelease`` next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every ``.ts`` whose ``.qm`` is missing or older; returns the files written."""
    written: list[Path] = []
    command = lrelease_command()
    for ts in sorted(translations_dir().glob("onestop_*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if command is None:
            break  # a frozen build ships the .qm files; nothing to compile with
        subprocess.run([command, str(ts), "-qm", str(qm)], check=True, capture_output=True)
        written.append(qm)
    return written


class Translations:
    """The translators installed in the application for the current language."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang = "ko"

    def install(self, lang: str) -> None:
        """Switch to ``lang``: Korean needs only Qt's own Korean strings; English loads ours."""
        lang = lang if lang in LANGUAGES else "ko"
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Korean))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(self._app)
        if qt_translator.load(f"qtbase_{lang}", qt_dir):
            self._add(qt_translator)
        if lang != "ko":
            try:
                compile_translations()
            except (OSError, subprocess.CalledProcessError):
                pass  # an old .qm is better than none
            ours = QTranslator(self._app)
            if ours.load(str(qm_path(lang))):
                self._add(ours)
        self.lang = lang

    def _add(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)


def register_fonts(app: QApplication) -> str:
    """Register the bundled NanumGothic and make it the application font; returns the family.

    Offscreen (tests, screenshots) there may be no system Korean font at all: without this,
    Hangul would render as boxes.
    """
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return family
