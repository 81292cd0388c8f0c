"""Sync figures: new ops between two laptops through a folder hub, and no-op syncs vs history size."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, measure
from desktop.core.records import Actor
from desktop.store import cases, oplog
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync import team
from desktop.sync.engine import SyncReport, sync_with_hub

# The 1M dataset is 2.5 GB; copying it twice per run is not worth it: the no-op figure
# at 10k and 100k already shows whether the cost follows the history or the new ops.
MAX_SIZE = 100_000
# The figure: this many new ops between two laptops that share the history already.
NEW_OPS = 100_000
EDITOR = Actor("벤치마크", "JNEPA", role="coordinator", device="bench")


def make_new_ops(db: Database, count: int) -> int:
    """Make exactly ``count`` local ops the way consultants do: case edits (field ops that
    replace earlier ones, edit events, search index) and notes (new rows)."""
    ids = [str(r[0]) for r in db.all("SELECT id FROM cases WHERE deleted = 0 ORDER BY rowid")]
    before = oplog.unbundled_count(db)
    made, i = 0, 0
    with db.transaction():
        while made < count:
            # A step makes at most 6 ops: 3 field ops (assignee, text, updated_at), 2 edit events
            # and a note; near the end, notes alone (1 op each) make the count exact.
            full = (count - made) // 6 - 1
            for _ in range(max(full, 1)):
                case_id = ids[i % len(ids)]
                if full > 0:
                    edit = {"assignee": f"담당자 {i % 37}", "text": f"서류 보완 요청 {i}"}
                    cases.set_fields(db, case_id, edit, EDITOR)
                cases.add_note(db, case_id, f"메모 {i}", EDITOR)
                i += 1
            made = oplog.unbundled_count(db) - before
    return made


def _timed_sync(db: Database, hub: Path) -> tuple[SyncReport, float, float]:
    """A sync with its wall and CPU (user + system) seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    report = sync_with_hub(db, hub)
    return report, time.perf_counter() - wall, time.process_time() - cpu


def _a_to_b(name: str, size: int, a: Database, b: Database, hub: Path) -> tuple[Result, SyncReport]:
    """Laptop A sends what is new, laptop B fetches and applies it; ``name`` may use {ops}."""
    sent, push_s, push_cpu = _timed_sync(a, hub)
    got, pull_s, pull_cpu = _timed_sync(b, hub)
    ops = max(sent.sent_ops, got.received_ops)
    total_ms = round((push_s + pull_s) * 1000, 1)
    return (
        Result(
            "sync",
            name.format(ops=f"{ops:,}"),
            size,
            total_ms,
            total_ms,
            1,
            target_ms=10_000 * max(ops, 1) / 100_000,
            note=(
                f"push {push_s:.1f} s wall / {push_cpu:.1f} s CPU + pull {pull_s:.1f} s wall / "
                f"{pull_cpu:.1f} s CPU; {sent.bytes_per_op:.0f} bytes per op; target 10 s per 100k ops"
            ),
            extra={"ops": ops, "push_cpu_s": round(push_cpu, 2), "pull_cpu_s": round(pull_cpu, 2)},
        ),
        sent,
    )


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
        clone, sent = _a_to_b("{ops} new ops laptop A → hub → laptop B", size, a, b, hub)
        results = [
            clone,
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
        make_new_ops(a, NEW_OPS)
        results.append(
            _a_to_b("{ops} new ops (edits, notes) A → hub → B, both with the history", size, a, b, hub)[0]
        )
        a.close()
        b.close()
    return results
