"""Sync figures: new ops between two laptops through a folder hub, and no-op syncs vs history size."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, measure
from desktop.store.opening import open_store
from desktop.sync import team
from desktop.sync.engine import sync_with_hub

# The 1M dataset is 2.5 GB; copying it twice per run is not worth it: the no-op figure
# at 10k and 100k already shows whether the cost follows the history or the new ops.
MAX_SIZE = 100_000


def run(path: Path, size: int, repeats: int) -> list[Result]:
    if size > MAX_SIZE:
        return []
    os.environ.setdefault("ONESTOP_PASSPHRASE", "benchmark passphrase")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        hub = root / "hub"
        first, second = root / "a.db", root / "b.db"
        shutil.copyfile(path, first)
        a = open_store(first)
        membership = team.create_team(a, hub, name="벤치마크", device_name="laptop-a")
        b_template = root / "empty.db"
        b = open_store(b_template)
        b.close()
        shutil.copyfile(b_template, second)
        b = open_store(second)
        team.join_team(b, hub, device_name="laptop-b", code=membership.join_code)
        started = time.perf_counter()
        sent = sync_with_hub(a, hub)
        push_s = time.perf_counter() - started
        started = time.perf_counter()
        got = sync_with_hub(b, hub)
        pull_s = time.perf_counter() - started
        ops = max(sent.sent_ops, got.received_ops)
        results = [
            Result(
                "sync",
                f"{ops:,} new ops laptop A → hub → laptop B",
                size,
                round((push_s + pull_s) * 1000, 1),
                round((push_s + pull_s) * 1000, 1),
                1,
                target_ms=10_000 * max(ops, 1) / 100_000,
                note=f"push {push_s:.1f} s + pull {pull_s:.1f} s; target scaled from 10 s per 100k ops",
            ),
            Result(
                "sync",
                "bundle size per op (bytes)",
                size,
                round(sent.bytes_per_op, 1),
                round(sent.bytes_per_op, 1),
                1,
                note="bytes, not ms",
            ),
            measure(
                "sync",
                "sync with nothing new (laptop A)",
                size,
                lambda: sync_with_hub(a, hub),
                repeats=repeats,
                target_ms=200,
            ),
        ]
        a.close()
        b.close()
    return results
