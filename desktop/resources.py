"""The one resource locator: bundled fonts, reference CSVs, translations, demo recipe.

Works the same from the source tree and from a PyInstaller build (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources`` folder next to the ``desktop`` package or inside the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("fonts", "NanumGothic.ttf")``."""
    return resources_root().joinpath(*parts)


def reference_dir() -> Path:
    return resource("reference")
