"""A file written through the scratch folder appears whole or not at all, and leaves nothing beside it.

The facility every user-facing writer uses (:mod:`reports.scratch`): PDF reports, Excel exports,
the audit CSV, the GUI's "save as" copies and the coordinator templates.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from report_helpers import killed_writers_folder
from reportlab.platypus import Flowable

from reports.pdf.layout import ReportMeta, build_pdf, make_styles, para
from reports.scratch import Scratch, atomic_target, sweep_stale

ROOT = Path(__file__).resolve().parents[2]


class WriterFailed(Exception):
    """What a writer raises half-way in these tests."""


def test_a_finished_write_leaves_only_the_target(tmp_path: Path) -> None:
    target = tmp_path / "보고서" / "사례.pdf"
    with atomic_target(target) as tmp:
        assert tmp.parent.parent == target.parent and tmp.parent.name.startswith(".사례.pdf.")
        tmp.write_bytes(b"whole")
        (tmp.parent / "rows").write_text("a writer's own temp file")
        assert not target.exists()  # nothing under the target name until the block ends
    assert target.read_bytes() == b"whole"
    assert [p.name for p in target.parent.iterdir()] == ["사례.pdf"]


def test_a_failed_write_leaves_no_file_and_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "사례.pdf"
    with pytest.raises(WriterFailed), atomic_target(target) as tmp:
        tmp.write_bytes(b"half")
        raise WriterFailed
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "사례.pdf"
    target.write_bytes(b"last month's report")
    with pytest.raises(WriterFailed), atomic_target(target) as tmp:
        tmp.write_bytes(b"half")
        raise WriterFailed
    assert target.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == ["사례.pdf"]


class Exploding(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A flowable that fails when drawn, after the pages before it were laid out."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 20.0

    def draw(self) -> None:
        raise WriterFailed


def test_a_pdf_whose_layout_fails_leaves_nothing(tmp_path: Path) -> None:
    styles = make_styles()
    meta = ReportMeta(title="처리대장", office="광양시", issued_at=datetime(2026, 3, 2, 12, 0))
    story = [para(f"{i}번째 문단", styles.body) for i in range(80)] + [Exploding()]
    with pytest.raises(WriterFailed):
        build_pdf(tmp_path / "대장.pdf", meta, story, styles)
    assert list(tmp_path.iterdir()) == []


def test_the_next_write_sweeps_what_killed_writers_left(tmp_path: Path) -> None:
    stale = killed_writers_folder(tmp_path, "사례.pdf")
    other = killed_writers_folder(tmp_path, "지난달.xlsx")
    unrelated = tmp_path / ".hidden.txt"
    unrelated.write_text("keep")
    with atomic_target(tmp_path / "감사기록.csv") as tmp:
        tmp.write_text("at,actor\n")
    assert not stale.exists() and not other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden.txt", "감사기록.csv"]


def test_the_folder_of_a_writer_that_died_is_swept(tmp_path: Path) -> None:
    # A real process takes the lock and dies without cleaning up: the OS drops its lock.
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from reports.scratch import Scratch
        scratch = Scratch.create(Path({str(tmp_path / "사례.pdf")!r}))
        scratch.part.write_bytes(b"half")
        print(scratch.path, flush=True)
        os._exit(9)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 9, done.stderr
    left = Path(done.stdout.strip())
    assert left.is_dir()
    assert sweep_stale(tmp_path) == [left] and list(tmp_path.iterdir()) == []


def test_a_running_writers_folder_is_not_swept(tmp_path: Path) -> None:
    running = Scratch.create(tmp_path / "사례.xlsx")
    try:
        running.part.write_text("rows so far")
        assert sweep_stale(tmp_path) == []
        with atomic_target(tmp_path / "대장.pdf") as tmp:  # another writer into the same folder
            tmp.write_bytes(b"whole")
        assert running.part.exists()
    finally:
        running.remove()
    assert [p.name for p in tmp_path.iterdir()] == ["대장.pdf"]


def test_a_scratch_folder_killed_before_its_lock_existed_is_swept(tmp_path: Path) -> None:
    scratch = tmp_path / f".사례.xlsx.{uuid.uuid4().hex}.export"
    scratch.mkdir()
    assert sweep_stale(tmp_path) == [scratch] and not scratch.exists()


def test_the_scratch_folder_is_private(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    scratch = Scratch.create(tmp_path / "사례.xlsx")
    try:
        assert scratch.path.stat().st_mode & 0o077 == 0
    finally:
        scratch.remove()
