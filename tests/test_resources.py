"""The one resource locator finds the same files from the source tree and inside a frozen build.

A PyInstaller one-folder build sets ``sys._MEIPASS`` to ``dist/onestop/_internal`` and the
spec copies ``resources/`` there (without the ``.ts`` sources and the icon script). Here a
temporary folder plays that part; ``tests/dist`` checks the real build.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from desktop.resources import reference_dir, resource, resources_root
from desktop.store import reference
from desktop.store.opening import open_store

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = (
    ("fonts", "NanumGothic.ttf"),
    ("fonts", "NanumGothicBold.ttf"),
    ("fonts", "OFL-1.1-copyright.txt"),
    ("reference", "fields.csv"),
    ("reference", "agencies.csv"),
    ("reference", "regions.csv"),
    ("reference", "routing_rules.csv"),
    ("reference", "holidays_override.csv"),
    ("demo", "recipe.json"),
    ("translations", "onestop_en.qm"),
    ("icons", "onestop.png"),
    ("icons", "onestop.ico"),
    ("icons", "onestop.icns"),
)


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake one-folder build: ``sys._MEIPASS`` is its ``_internal`` folder with a copy of resources/."""
    internal = tmp_path / "onestop" / "_internal"
    shutil.copytree(ROOT / "resources", internal / "resources", ignore=shutil.ignore_patterns("*.ts", "*.py"))
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    return internal


def test_source_tree_resources_sit_next_to_the_package() -> None:
    assert getattr(sys, "_MEIPASS", None) is None
    assert resources_root() == ROOT / "resources"
    assert reference_dir() == ROOT / "resources" / "reference"
    for parts in EXPECTED:
        assert resource(*parts).is_file(), parts


def test_frozen_build_resources_sit_under_meipass(frozen: Path) -> None:
    assert resources_root() == frozen / "resources"
    assert reference_dir() == frozen / "resources" / "reference"
    for parts in EXPECTED:
        found = resource(*parts)
        assert found.is_file(), parts
        assert found.is_relative_to(frozen)


def test_frozen_store_loads_the_bundled_reference_csvs(frozen: Path, tmp_path: Path) -> None:
    fields = frozen / "resources" / "reference" / "fields.csv"
    fields.write_text(
        fields.read_text(encoding="utf-8").replace("F01,세무,Tax", "F01,세무(번들),Tax", 1), encoding="utf-8"
    )
    db = open_store(tmp_path / "onestop.db")
    try:
        names = {str(f.code): f.name_ko for f in reference.reference_data(db).fields}
    finally:
        db.close()
    assert names["F01"] == "세무(번들)"


def test_frozen_pdf_fonts_and_translations_come_from_the_bundle(frozen: Path) -> None:
    from desktop.ui.i18n import compile_translations, qm_path
    from reports.fonts import candidates

    first = next(candidates(os_dirs=()))
    assert first.regular == frozen / "resources" / "fonts" / "NanumGothic.ttf"
    assert qm_path("en") == frozen / "resources" / "translations" / "onestop_en.qm"
    before = sorted(p.name for p in (frozen / "resources" / "translations").iterdir())
    # No .ts is shipped, so nothing is ever compiled (written) next to the executable.
    assert compile_translations(force=True) == []
    assert sorted(p.name for p in (frozen / "resources" / "translations").iterdir()) == before


def test_frozen_demo_recipe_comes_from_the_bundle(frozen: Path, tmp_path: Path) -> None:
    from desktop.store.demo import load_demo_data

    db = open_store(tmp_path / "onestop.db")
    try:
        assert load_demo_data(db, firms=3, cases=5, seed=1) == 5
        (frozen / "resources" / "demo" / "recipe.json").unlink()
        with pytest.raises(FileNotFoundError):
            load_demo_data(db, firms=3, cases=5, seed=2)
    finally:
        db.close()
