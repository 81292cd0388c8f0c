"""Runs the benchmark suite: prints a table, writes results/latest.json and BENCHMARKS.md."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

from benchmarks.datasets import dataset
from benchmarks.harness import Result, machine, peak_rss_mb
from benchmarks.report import write_markdown

ROOT = Path(__file__).resolve().parent.parent
QUICK_SIZES = (10_000, 100_000)
FULL_SIZES = (10_000, 100_000, 1_000_000)
# Each group module has run(path, size, repeats) -> list[Result]; some need only one size.
GROUPS = ("bench_store", "bench_reports", "bench_gui", "bench_sync", "bench_pg", "bench_crypto")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="10k and 100k cases, 3 samples, ≤ 3 minutes")
    mode.add_argument("--full", action="store_true", help="10k, 100k and 1M cases (~20 minutes)")
    parser.add_argument("--only", help="comma-separated groups, e.g. bench_store")
    parser.add_argument("--sizes", help="comma-separated case counts, e.g. 10000 (instead of the mode's)")
    parser.add_argument("--repeats", type=int, help="samples per figure (default: 7 full, 3 quick)")
    args = parser.parse_args(argv)
    if args.sizes:
        sizes: tuple[int, ...] = tuple(int(s) for s in args.sizes.split(","))
    else:
        sizes = FULL_SIZES if args.full else QUICK_SIZES
    repeats = args.repeats or (7 if args.full else 3)
    # A partial run (some groups or sizes) must not replace the published table of a whole run.
    partial = bool(args.only or args.sizes)
    groups = args.only.split(",") if args.only else list(GROUPS)
    started = time.perf_counter()
    results: list[Result] = []
    for size in sizes:
        path, built = dataset(size)
        if built is not None:
            results.append(
                Result(
                    "store",
                    "demo data generation (s)",
                    size,
                    round(built * 1000, 1),
                    round(built * 1000, 1),
                    1,
                    target_ms=120_000 if size == 1_000_000 else None,
                    note="onestop demo into an empty store",
                )
            )
        for group in groups:
            try:
                module = importlib.import_module(f"benchmarks.{group}")
            except ModuleNotFoundError as exc:
                print(f"skip {group}: {exc}", file=sys.stderr)
                continue
            print(f"… {group} at {size:,} cases", file=sys.stderr, end="", flush=True)
            group_started = time.perf_counter()
            results.extend(module.run(path, size, repeats))
            print(f" ({time.perf_counter() - group_started:.0f} s)", file=sys.stderr)
    summary = {
        "mode": "full" if args.full else "quick",
        "machine": machine(),
        "sizes": list(sizes),
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "results": [r.as_dict() for r in results],
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    name = "partial.json" if partial else "latest.json"
    tmp = out / (name + ".tmp")
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(out / name)
    table = write_markdown(out / "partial.md" if partial else ROOT / "BENCHMARKS.md", summary)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
