"""GUI figures (offscreen, fresh process per dataset): startup, case list, jumps, sorts, lookup, RSS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, summarise


def _probe(path: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as config:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
        # Startup counts from here: interpreter start and imports are part of the user's wait.
        spawned_at = repr(time.time())
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.gui_probe", str(path), config, spawned_at],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=True,
        )
    data: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def run(path: Path, size: int, repeats: int) -> list[Result]:
    runs = [_probe(path) for _ in range(max(2, min(repeats, 3)))]

    def figure(name: str, key: str, target: float | None) -> Result:
        samples = [float(r[key]) for r in runs]  # type: ignore[arg-type]
        median, p95 = summarise(samples)
        return Result("gui", name, size, median, p95, len(samples), target)

    sorts = [float(v) for r in runs for v in r["sort_change_ms"].values()]  # type: ignore[attr-defined]
    keys = [float(v) for r in runs for v in r["lookup_keystroke_ms"].values()]  # type: ignore[attr-defined]
    rss = max(float(r["peak_rss_mb"]) for r in runs)  # type: ignore[arg-type]
    sort_median, sort_p95 = summarise(sorts)
    key_median, key_p95 = summarise(keys)
    return [
        figure("startup to usable window (process start → shown)", "startup_ms", 1000),
        figure("case list open", "case_list_open_ms", 150),
        # CPU time beside the wall time: on a busy shared machine only the wall time grows.
        figure("case list open, main-thread CPU", "case_list_open_cpu_ms", None),
        figure("case list exact count arrives (in the background)", "case_list_count_ready_ms", None),
        figure("jump to the last row", "jump_to_last_row_ms", 150),
        figure("jump to the middle", "jump_to_middle_ms", 150),
        Result(
            "gui", "sort change (every column, both orders)", size, sort_median, sort_p95, len(sorts), 150
        ),
        Result(
            "gui",
            "firm lookup per keystroke",
            size,
            key_median,
            key_p95,
            len(keys),
            100,
            note=f"{size // 10:,} firms",
        ),
        Result("gui", "peak RSS (MB)", size, rss, rss, len(runs), 300, note="MB, not ms"),
    ]
