"""kill -9 at random points of case entry, import, export, PDF report, sync, bulk load, first start, restore.

Each scenario runs in ``crash_harness.py`` (a real process that forks one worker per kill
point and SIGKILLs it at a random moment). CI runs a modest number of points per scenario;
``make stress`` (``ONESTOP_STRESS=1``) runs hundreds; ``ONESTOP_KILL_POINTS=N`` sets it exactly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("crash_harness.py")
STRESS = bool(os.environ.get("ONESTOP_STRESS"))
POINTS = int(os.environ.get("ONESTOP_KILL_POINTS") or (250 if STRESS else 16))
SEED = int(os.environ.get("ONESTOP_KILL_SEED") or 20260302)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kill points fork a worker (POSIX only)")


@pytest.mark.parametrize(
    "scenario", ["entry", "bulk", "import", "export", "report", "sync", "create", "restore", "encrypt"]
)
def test_a_process_killed_at_random_points_leaves_a_store_that_passes_check_and_keeps_every_committed_case(
    scenario: str, template_db: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            "--scenario",
            scenario,
            "--points",
            str(POINTS),
            "--seed",
            str(SEED),
            "--workdir",
            str(tmp_path),
            "--template",
            str(template_db),
            "--cli-every",
            "25" if STRESS else "6",
        ],
        capture_output=True,
        text=True,
        timeout=3600 if STRESS else 300,
        env=os.environ | {"ONESTOP_AUTO_BACKUP": "0", "LANG": "C.UTF-8"},
    )
    assert done.stdout.strip(), done.stderr[-3000:]
    (tally,) = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{scenario}: {json.dumps(tally, ensure_ascii=False)}")
    assert tally["failures"] == [], (tally["failures"], done.stderr[-3000:])
    assert done.returncode == 0, done.stderr[-3000:]
    assert tally["points"] == POINTS
    # The delays are drawn over the measured length of one run: most points must land mid-work.
    assert tally["killed"] >= POINTS // 4, tally
    if scenario == "export":
        # The file under the target name was always complete (checked above, per point); a kill
        # leaves only the export's hidden scratch folder, which the next export sweeps.
        assert tally["extra"]["complete_files_checked"] >= 1
        assert tally["extra"]["scratch_folders_swept"] >= 1
        assert tally["extra"]["helper_points_checked"] >= 1
    if scenario == "report":
        # Likewise for PDF reports: a kill leaves only the scratch folder (never a .part file),
        # and the next report into that folder sweeps it.
        assert tally["extra"]["complete_files_checked"] >= 1
        assert tally["extra"]["scratch_folders_swept"] >= 1
