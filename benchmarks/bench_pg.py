"""PostgreSQL hub figures (issue #7): 50 laptops × 2,000 ops pushed and pulled through one hub,
the latency of a sync with nothing new, and how sync time grows from 10 to 50 laptops.

Starts its own throwaway cluster (tests/sync/pg_cluster.py) and ignores the dataset: it runs once,
at the first size, and returns nothing afterwards. Laptops are stores in a temp dir, in one team,
keys behind a cheap passphrase (key derivation is not what is measured here).

How the figures are made (``size`` is the number of ops on the hub when measured):

* the hub fills in five steps of 10 laptops; each pushes its ~2,000 ops (a sync stopped after its
  upload step, as a cancelled sync would, so that pushing does not also pull);
* after each step a coordinator laptop syncs and receives the 20,000 new ops (fetch, check,
  decrypt, apply): O(new ops) means this stays flat while the hub grows;
* then it syncs again with nothing new (target < 200 ms), with a new connection as the command
  line does;
* at 50 laptops: the hub serves every laptop's full pull (49 bundles each; transfer and checksum
  only), and a few laptops do the whole pull of 49 × 2,000 ops.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.harness import Result, summarise
from desktop.store import oplog
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store
from desktop.sync import keys, team
from desktop.sync.engine import SyncReport, sync_with_hub
from desktop.sync.hubs.postgres import PostgresHub

LAPTOPS = 50
STEP = 10
FIRMS, CASES = 80, 340  # ~2,000 ops per laptop
FULL_PULLS = 3  # laptops that pull and apply everything at 50 laptops
GROUP = "hub-pg"
_ran = False


@contextmanager
def _cheap_keys() -> Iterator[None]:
    """Passphrase-protected keys with a low scrypt cost, and no OS keyring (restored afterwards)."""
    saved_env = {k: os.environ.get(k) for k in ("ONESTOP_PASSPHRASE", "PYTHON_KEYRING_BACKEND")}
    saved_n = keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N
    os.environ["ONESTOP_PASSPHRASE"] = "벤치마크 암호 문구"
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    keys.STORE_SCRYPT_N = keys.INVITE_SCRYPT_N = 2**8
    try:
        yield
    finally:
        keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N = saved_n
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _push_only(db: Database, url: str) -> SyncReport:
    """A sync that stops after writing this laptop's new bundle (the cancel is polled between steps)."""
    bundled: list[str] = []
    return sync_with_hub(
        db, url, progress=lambda stage, done, total: bundled.append(stage), cancel=lambda: "bundle" in bundled
    )


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def _result(
    name: str,
    size: int,
    samples_s: list[float],
    *,
    target_ms: float | None = None,
    note: str = "",
    **extra: object,
) -> Result:
    median, p95 = summarise([s * 1000 for s in samples_s])
    return Result(
        GROUP, name, size, round(median, 3), round(p95, 3), len(samples_s), target_ms, None, note, dict(extra)
    )


def run(path: Path, size: int, repeats: int) -> list[Result]:
    global _ran
    if _ran:
        return []
    _ran = True
    try:
        from tests.sync.pg_cluster import ClusterUnavailable, LocalCluster, find_bin_dir
    except ImportError as exc:  # run from the repository root: python -m benchmarks
        print(f"skip bench_pg: {exc}", file=sys.stderr)
        return []
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("skip bench_pg: no PostgreSQL server programs (apt-get install postgresql)", file=sys.stderr)
        return []
    cluster = LocalCluster(bin_dir)
    try:
        cluster.start()
        with _cheap_keys(), tempfile.TemporaryDirectory(prefix="onestop-bench-pg-") as tmp:
            return _measure(Path(tmp), cluster.new_hub_url("bench"), max(repeats, 5))
    except ClusterUnavailable as exc:
        print(f"skip bench_pg: {exc}", file=sys.stderr)
        return []
    finally:
        cluster.stop()


def _measure(root: Path, url: str, repeats: int) -> list[Result]:
    started = time.perf_counter()
    template = root / "template.db"
    db = open_store(template)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    def new_store(name: str) -> Database:
        shutil.copyfile(template, root / f"{name}.db")
        return open_store(root / f"{name}.db", load_reference=False)

    coordinator = new_store("coordinator")
    code = team.create_team(
        coordinator, url, name="전남 원스톱 현장지원단", device_name="도 사업단"
    ).join_code
    laptops: list[Database] = []
    ops = 0
    for i in range(LAPTOPS):
        db = new_store(f"laptop{i}")
        team.join_team(db, url, device_name=f"현장 노트북 {i + 1:02d}", code=code)
        load_demo_data(db, firms=FIRMS, cases=CASES, seed=1000 + i)
        ops += oplog.unbundled_count(db)
        laptops.append(db)
    per_laptop = ops // LAPTOPS
    setup_s = time.perf_counter() - started
    print(f"  bench_pg: {LAPTOPS} laptops with {ops:,} ops made in {setup_s:.1f} s", file=sys.stderr)

    results: list[Result] = []
    pushes: list[float] = []
    on_hub = 0
    cumulative = 0.0
    steps: list[dict[str, float]] = []
    for first in range(0, LAPTOPS, STEP):
        batch = laptops[first : first + STEP]
        step_pushes = []
        for db in batch:
            t = time.perf_counter()
            report = _push_only(db, url)
            step_pushes.append(time.perf_counter() - t)
            on_hub += report.sent_ops
        pushes += step_pushes
        t = time.perf_counter()
        pulled = sync_with_hub(coordinator, url)
        pull_s = time.perf_counter() - t
        cumulative += pull_s
        noop = []
        for _ in range(repeats):
            t = time.perf_counter()
            sync_with_hub(coordinator, url)
            noop.append(time.perf_counter() - t)
        count = first + STEP
        results.append(
            _result(
                f"coordinator receives {STEP} more laptops' ops ({count} laptops on the hub)",
                on_hub,
                [pull_s],
                note="fetch, check, decrypt, apply; flat = O(new ops)",
                received_ops=pulled.received_ops,
                ops_per_s=round(pulled.received_ops / pull_s),
            )
        )
        results.append(
            _result(
                f"sync with nothing new ({count} laptops on the hub)",
                on_hub,
                noop,
                target_ms=200,
                note="new connection per sync, as the command line",
            )
        )
        results.append(
            _result(f"push ~{per_laptop:,} ops, one laptop ({count} laptops on the hub)", on_hub, step_pushes)
        )
        steps.append(
            {
                "laptops": count,
                "ops_on_hub": on_hub,
                "pull_s": round(pull_s, 2),
                "cumulative_pull_s": round(cumulative, 2),
            }
        )
        print(
            f"  bench_pg: {count} laptops, {on_hub:,} ops: pull {pull_s:.2f} s, "
            f"no-op {statistics.median(noop) * 1000:.0f} ms",
            file=sys.stderr,
        )

    kept = PostgresHub(url)
    try:
        kept.read_identity()
        noop_kept = []
        for _ in range(repeats):
            t = time.perf_counter()
            sync_with_hub(coordinator, kept)
            noop_kept.append(time.perf_counter() - t)
        results.append(
            _result(
                f"sync with nothing new ({LAPTOPS} laptops, kept connection)",
                on_hub,
                noop_kept,
                target_ms=200,
            )
        )
        serve_s, served_bytes = _serve_full_pulls(kept, [oplog.device_id(db) for db in laptops])
    finally:
        kept.close()
    results.append(
        _result(
            f"{LAPTOPS} laptops × ~{per_laptop:,} ops: all pushes (total)",
            on_hub,
            [sum(pushes)],
            note="one laptop after another",
        )
    )
    results.append(
        _result(
            f"hub serves {LAPTOPS} full pulls ({LAPTOPS - 1} bundles each, total)",
            on_hub,
            [serve_s],
            note="list + read + checksum, no decrypt/apply",
            megabytes=round(served_bytes / 1e6, 1),
        )
    )
    full = []
    for db in (laptops[0], laptops[LAPTOPS // 2], laptops[-1])[:FULL_PULLS]:
        t = time.perf_counter()
        report = sync_with_hub(db, url)
        full.append(time.perf_counter() - t)
        assert report.received_ops >= on_hub - per_laptop * 2, report.as_dict()
    results.append(
        _result(f"one laptop pulls {LAPTOPS - 1} × ~{per_laptop:,} ops (fetch, decrypt, apply)", on_hub, full)
    )
    estimate = sum(pushes) + LAPTOPS * statistics.median(full)
    results.append(
        _result(
            f"{LAPTOPS} laptops × ~{per_laptop:,} ops pushed and pulled (total, estimated)",
            on_hub,
            [estimate],
            note=f"all pushes + {LAPTOPS} × the median full pull, one after another",
            parallel_wall_s=round(max(full) + max(pushes), 2),
            steps=steps,
        )
    )
    for db in [coordinator, *laptops]:
        db.close()
    print(f"  bench_pg: done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return results


def _serve_full_pulls(hub: PostgresHub, devices: list[str]) -> tuple[float, int]:
    """Every laptop's full pull as the hub sees it: list each other device, read and check each bundle."""
    total = 0
    t = time.perf_counter()
    for me in devices:
        for device in hub.list_devices():
            if device == me:
                continue
            for ref in hub.list_bundles(device).refs:
                data = hub.read_bundle(ref)
                if hashlib.sha256(data).hexdigest() != ref.sha256:
                    raise AssertionError(f"{ref.location}: checksum")
                total += len(data)
    return time.perf_counter() - t, total


if __name__ == "__main__":
    from benchmarks.report import _table

    found = run(Path("."), 10_000, 7)
    print("\n".join(_table([r.as_dict() for r in found])))
