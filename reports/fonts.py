"""Locates a Korean TrueType font (bundled NanumGothic, else one from the OS) and registers it with reportlab.

reportlab embeds (subsets) TrueType fonts, so Hangul shows on machines without the font.
CID fonts such as HYGothic are never embedded and CFF/OTF fonts (Noto CJK) cannot be used:
only ``.ttf`` (or TrueType-flavoured ``.ttc``) files are tried here.

Registration happens once per process: reportlab's own font registry is the only state,
and :func:`korean_fonts` asks it whether our names are already known.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.core.errors import reject
from desktop.resources import resource

REGULAR = "OneStopGothic"
BOLD = "OneStopGothic-Bold"


@dataclass(frozen=True, slots=True)
class FontCandidate:
    """A regular/bold pair of font files; ``index`` selects the face inside a ``.ttc``."""

    regular: Path
    bold: Path | None
    index: int = 0
    bold_index: int = 0


@dataclass(frozen=True, slots=True)
class KoreanFonts:
    """The registered reportlab font names and where the regular face came from."""

    regular: str
    bold: str
    source: Path


def _os_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


# (regular, bold, ttc index of regular, of bold): the order is the order of preference.
_OS_FONTS: tuple[tuple[str, str, int, int], ...] = (
    ("NanumGothic.ttf", "NanumGothicBold.ttf", 0, 0),
    ("malgun.ttf", "malgunbd.ttf", 0, 0),  # Malgun Gothic (Windows)
    ("AppleSDGothicNeo.ttc", "AppleSDGothicNeo.ttc", 0, 6),  # macOS: 0 = Regular, 6 = Bold
    ("AppleGothic.ttf", "AppleGothic.ttf", 0, 0),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf", 0, 0),
)


def _find(directories: Iterable[Path], name: str) -> Path | None:
    for directory in directories:
        direct = directory / name
        if direct.is_file():
            return direct
        if directory.is_dir() and directory.name == "fonts" and directory.parent.name == "share":
            # Linux distributions keep fonts in per-package sub-folders (truetype/nanum/...).
            for found in directory.rglob(name):
                return found
    return None


def candidates(
    bundled_dir: Path | None = None, os_dirs: Iterable[Path] | None = None
) -> Iterator[FontCandidate]:
    """Font files to try, best first: the bundled NanumGothic, then OS Korean fonts.

    Args:
        bundled_dir: folder of the bundled fonts (default ``resources/fonts``).
        os_dirs: OS font folders (default: the usual ones of this platform).
    """
    bundled = bundled_dir if bundled_dir is not None else resource("fonts")
    regular = bundled / "NanumGothic.ttf"
    if regular.is_file():
        bold = bundled / "NanumGothicBold.ttf"
        yield FontCandidate(regular, bold if bold.is_file() else None)
    directories = list(os_dirs) if os_dirs is not None else _os_font_dirs()
    for regular_name, bold_name, index, bold_index in _OS_FONTS:
        found = _find(directories, regular_name)
        if found is not None:
            yield FontCandidate(found, _find(directories, bold_name), index, bold_index)


def _load(path: Path, name: str, index: int) -> TTFont | None:
    try:
        return TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        # CFF outlines, a broken file or a face index that does not exist: try the next one.
        return None


def korean_fonts(bundled_dir: Path | None = None, os_dirs: Iterable[Path] | None = None) -> KoreanFonts:
    """Register the Korean regular and bold faces (once per process) and return their names.

    ``<b>`` in paragraphs maps to the bold face. When no bold file exists the regular face
    stands in for it.

    Raises:
        RejectedInput: field ``font`` when neither the bundled font nor any OS Korean font loads.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    if REGULAR in registered and BOLD in registered:
        face = pdfmetrics.getFont(REGULAR).face
        return KoreanFonts(REGULAR, BOLD, Path(str(getattr(face, "filename", ""))))
    for candidate in candidates(bundled_dir, os_dirs):
        regular = _load(candidate.regular, REGULAR, candidate.index)
        if regular is None:
            continue
        bold = _load(candidate.bold, BOLD, candidate.bold_index) if candidate.bold else None
        if bold is None:
            bold = _load(candidate.regular, BOLD, candidate.index)
        if bold is None:
            continue
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        return KoreanFonts(REGULAR, BOLD, candidate.regular)
    raise reject(
        "font",
        "한글 글꼴을 찾지 못했습니다. resources/fonts/NanumGothic.ttf를 복원하거나 "
        "맑은 고딕/나눔고딕을 설치하세요.",
        "No Korean font found. Restore resources/fonts/NanumGothic.ttf or install Malgun Gothic/NanumGothic.",
    )
