"""Korean source strings, English translations: every string in the code is translated and compiles."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from desktop.resources import resource
from desktop.ui.i18n import lrelease_command, qm_path, ts_path

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _lupdate() -> str:
    command = shutil.which("pyside6-lupdate") or str(
        Path(lrelease_command() or "").with_name("pyside6-lupdate")
    )
    if not Path(command).exists():
        pytest.skip("pyside6-lupdate not available")
    return command


def _sources() -> list[str]:
    files = [*sorted((ROOT / "desktop" / "ui").rglob("*.py")), ROOT / "desktop" / "app.py"]
    return [str(f) for f in files]


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_every_source_string_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "onestop_en.ts"
    shutil.copyfile(ts_path("en"), fresh)
    subprocess.run(
        [_lupdate(), *_sources(), "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    messages = _messages(fresh)
    assert len(messages) > 200
    untranslated = [
        (ctx, src)
        for ctx, src, tr in messages
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()
    ]
    assert untranslated == [], (
        "run pyside6-lupdate and translate these in resources/translations/onestop_en.ts"
    )
    for ctx, src, tr in messages:
        words = _PLACEHOLDER.sub("", src)
        assert not re.search("[A-Za-z]", words) or re.search("[가-힣]", words), (
            f"source is Korean: {ctx}: {src!r}"
        )
        assert set(_PLACEHOLDER.findall(src)) == set(_PLACEHOLDER.findall(tr.text or "")), (ctx, src)
        assert not re.search(
            "[가-힣]",
            (tr.text or "")
            .replace("ㄱㅇㅊㄱ", "")
            .replace("광양", "")
            .replace("순천", "")
            .replace("김상담", "")
            .replace("이지원", ""),
        ), (ctx, src)


def test_the_compiled_catalogue_is_current_and_loads(tmp_path: Path, qapp: QApplication) -> None:
    command = lrelease_command()
    if command is None:
        pytest.skip("pyside6-lrelease not available")
    assert qm_path("en").exists(), "compile with pyside6-lrelease resources/translations/onestop_en.ts"
    assert qm_path("en").stat().st_mtime >= ts_path("en").stat().st_mtime
    out = tmp_path / "onestop_en.qm"
    subprocess.run([command, str(ts_path("en")), "-qm", str(out)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(out))
    assert translator.translate("MainWindow", "사례 목록") == "Cases"
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "기한 경과") == "Overdue"
    finally:
        qapp.removeTranslator(translator)


def test_hangul_renders_with_the_bundled_font(qapp: QApplication) -> None:
    families = QFontDatabase.families()
    assert "NanumGothic" in families
    label = QLabel("원스톱 현장지원 데스크")
    assert QFontInfo(label.font()).family() == "NanumGothic"
    assert resource("fonts", "NanumGothic.ttf").exists()
