"""Kill scenario for ``onestop report register``: the PDF under the target name is complete or absent.

Registered in :data:`crash_scenarios.SCENARIOS`. A killed report may leave only its hidden scratch
folder (``.<name>.<hex>.export``, :mod:`reports.scratch`) beside the target, never a ``.part``
file; the next report into that folder sweeps it — checked by rendering one there after each
point that left a folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

from crash_scenarios import ACTOR, Scenario, fresh_store

from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store

PERIOD = ("--from", "2025-01-01", "--to", "2026-03-02")
_PAGE = re.compile(rb"/Type /Page\b")


class Report(Scenario):
    """``onestop report register`` into a folder, killed anywhere; half the points replace an older file."""

    name = "report"

    def prepare(self) -> None:
        import reports.pdf.register  # noqa: F401 - imported once here, not in every child
        from reports.fonts import korean_fonts

        # Registered once here too: reading the TTFs would otherwise take most of each child's
        # run, and the kills should land mostly while the report is written.
        korean_fonts()
        super().prepare()
        self.path = self.root / "report.db"
        fresh_store(self.path, self.template)
        db = open_store(self.path)
        load_demo_data(db, firms=20, cases=120, seed=self.seed, today=date(2026, 3, 2))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        self.out_dir = self.root / "out"
        self.out_dir.mkdir()
        self.out = self.out_dir / "처리대장.pdf"
        self.pages = 0  # of the register, once a run finished
        self.folders_left = 0
        self.swept = 0
        self.files_checked = 0

    def stores(self) -> list[Path]:
        return [self.path]

    def before_point(self, i: int) -> None:
        if self.rng.random() < 0.5:
            self.out.unlink(missing_ok=True)

    def child(self, i: int) -> None:
        from desktop import cli

        args = ["--db", str(self.path), "--lang", "en", "report", "register", *PERIOD, "--out", str(self.out)]
        with contextlib.redirect_stdout(io.StringIO()):  # the harness's stdout carries its JSON
            code = cli.main(args)
        assert code == 0, f"onestop report register exited {code}"
        self.ledger.add(op="report", point=i)

    def verify(self, i: int) -> None:
        done = any(e["point"] == i for e in self.ledger.entries())
        left = self._leftovers()
        assert all(name.endswith(".export") and (self.out_dir / name).is_dir() for name in left), (
            f"a killed report left files beside its target: {left}"
        )
        assert not (done and left), f"a finished report left {left}"
        if left:
            self.folders_left += len(left)
            self._next_report()
            assert self._leftovers() == [], f"the next report did not sweep {left}"
            self.swept += len(left)
        assert self.out.exists() or not done, "a finished report left no file"
        if self.out.exists():
            self._assert_complete(self.out, with_poppler=i % 4 == 0)
            self.files_checked += 1

    def finish(self) -> None:
        self.out.unlink(missing_ok=True)
        self.child(-100)
        assert self._leftovers() == [] and self.out.exists()
        self._assert_complete(self.out, with_poppler=True)

    def counts(self) -> dict[str, int]:
        return {
            "complete_files_checked": self.files_checked,
            "scratch_folders_left": self.folders_left,
            "scratch_folders_swept": self.swept,
        }

    def _leftovers(self) -> list[str]:
        return sorted(entry.name for entry in os.scandir(self.out_dir) if entry.name != self.out.name)

    def _next_report(self) -> None:
        """Another report into the same folder, as a user would make next (in the harness)."""
        from reports.pdf.register import render_register

        db = open_store(self.path)
        try:
            later = self.out_dir / "다음 처리대장.pdf"
            render_register(db, later, ACTOR, date_from=date(2026, 3, 1), now=datetime(2026, 3, 2, 12, 0))
            later.unlink()
        finally:
            db.close()

    def _assert_complete(self, path: Path, *, with_poppler: bool) -> None:
        """A whole PDF: header, trailer, and as many pages as an uninterrupted run makes."""
        data = path.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), "PDF cut short"
        pages = len(_PAGE.findall(data))
        assert pages >= 1 and (self.pages in (0, pages)), f"PDF with {pages} pages, expected {self.pages}"
        self.pages = pages
        pdfinfo = shutil.which("pdfinfo")
        if with_poppler and pdfinfo:  # poppler follows the cross-reference table: any cut shows
            info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, timeout=60)
            counted = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
            assert info.returncode == 0 and counted and int(counted[1]) == pages, info.stdout + info.stderr
