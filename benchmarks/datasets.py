"""Deterministic benchmark databases made by `onestop demo`, cached between runs."""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2026
# Fixed "today" so that overdue counts and ages are the same on every run.
TODAY = date(2026, 11, 26)


def dataset(cases: int) -> tuple[Path, float | None]:
    """Path of a cached database with ``cases`` cases (and cases/10 firms).

    Returns the path and, when it had to be built now, the seconds it took (the demo
    generation figure of issue 3), else None.
    """
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / f"cases-{cases}.db"
    if path.exists():
        return path, None
    building = path.with_suffix(".building")
    for stale in DATA_DIR.glob(building.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    db = open_store(building)
    load_demo_data(db, firms=max(cases // 10, 10), cases=cases, seed=SEED, today=TODAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    seconds = time.perf_counter() - started
    shutil.move(building, path)
    return path, seconds


def scratch_copy(source: Path, target: Path) -> Path:
    """A writable copy (add-case benchmarks must not change the cached dataset)."""
    shutil.copyfile(source, target)
    return target
