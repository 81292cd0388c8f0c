"""Korean font lookup: the bundled NanumGothic first, OS fonts as fallback, a clear error when none loads."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from desktop.resources import resource
from reports.fonts import REGULAR, candidates, korean_fonts

BUNDLED = resource("fonts", "NanumGothic.ttf")


def test_the_bundled_font_comes_first_and_is_registered_once() -> None:
    first = next(candidates())
    assert first.regular == BUNDLED and first.bold == resource("fonts", "NanumGothicBold.ttf")
    fonts = korean_fonts()
    assert fonts.regular == REGULAR and korean_fonts() == fonts


def test_without_the_bundled_font_an_os_korean_font_is_used(tmp_path: Path) -> None:
    windows = tmp_path / "Windows" / "Fonts"
    windows.mkdir(parents=True)
    shutil.copyfile(BUNDLED, windows / "malgun.ttf")
    found = list(candidates(bundled_dir=tmp_path / "missing", os_dirs=[windows]))
    assert [c.regular.name for c in found] == ["malgun.ttf"] and found[0].bold is None
    linux = tmp_path / "share" / "fonts"
    (linux / "truetype" / "nanum").mkdir(parents=True)
    shutil.copyfile(BUNDLED, linux / "truetype" / "nanum" / "NanumGothic.ttf")
    assert next(candidates(bundled_dir=tmp_path / "missing", os_dirs=[linux])).regular.parent.name == "nanum"


def _fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_fallback_font_is_registered_and_embedded_in_a_fresh_process(tmp_path: Path) -> None:
    fonts_dir = tmp_path / "fonts"
    fonts_dir.mkdir()
    shutil.copyfile(BUNDLED, fonts_dir / "malgun.ttf")
    result = _fresh_python(
        "from pathlib import Path; from reports.fonts import korean_fonts; "
        f"f = korean_fonts(bundled_dir=Path({str(tmp_path / 'none')!r}), "
        f"os_dirs=[Path({str(fonts_dir)!r})]); "
        "print(f.source.name)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "malgun.ttf"


def test_no_usable_korean_font_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "fonts"
    broken.mkdir()
    (broken / "NanumGothic.ttf").write_bytes(b"not a font")
    result = _fresh_python(
        "from pathlib import Path; from reports.fonts import korean_fonts\n"
        "from desktop.core.errors import RejectedInput\n"
        "try:\n"
        f"    korean_fonts(bundled_dir=Path({str(tmp_path / 'none')!r}), os_dirs=[Path({str(broken)!r})])\n"
        "except RejectedInput as exc:\n"
        "    print(exc.text('en'))\n"
    )
    assert "No Korean font found" in result.stdout, result.stderr
