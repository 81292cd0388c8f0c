"""An export's temp files live in its own scratch folder beside the target: gone when it ends,
swept by the next export when a killed run left them, never in the system temp folder.

The folder itself (locking, sweeping, the final rename) is specified in ``test_scratch.py``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from report_helpers import killed_writers_folder

from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database
from reports.excel.export import ExportCancelled, export_cases

ACTOR = Actor(name="김상담", agency_id="JNEPA", role="consultant", device="laptop-1")


@pytest.fixture
def system_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _with_cases(db: Database, n: int = 5) -> None:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="광양철강"), ACTOR)
    for i in range(n):
        cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F06", text=f"수출 문의 {i}"), ACTOR)


def test_a_finished_export_leaves_only_its_file(db: Database, tmp_path: Path, system_tmp: Path) -> None:
    _with_cases(db)
    out_dir = tmp_path / "out"
    export_cases(db, out_dir / "사례.xlsx", ACTOR)
    assert [p.name for p in out_dir.iterdir()] == ["사례.xlsx"]
    assert list(system_tmp.iterdir()) == []


def test_a_cancelled_export_leaves_nothing(db: Database, tmp_path: Path, system_tmp: Path) -> None:
    _with_cases(db)
    out_dir = tmp_path / "out"
    with pytest.raises(ExportCancelled):
        export_cases(db, out_dir / "사례.xlsx", ACTOR, cancelled=lambda: True)
    assert list(out_dir.iterdir()) == [] and list(system_tmp.iterdir()) == []


def test_the_next_export_sweeps_what_a_killed_one_left(
    db: Database, tmp_path: Path, system_tmp: Path
) -> None:
    _with_cases(db)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stale = killed_writers_folder(out_dir, "사례.xlsx")
    other = killed_writers_folder(out_dir, "지난달.xlsx")
    unrelated = out_dir / ".hidden.txt"
    unrelated.write_text("keep")
    export_cases(db, out_dir / "사례.xlsx", ACTOR)
    assert not stale.exists() and not other.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == [".hidden.txt", "사례.xlsx"]
