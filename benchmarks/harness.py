"""Timing helpers: repeated runs, median and p95, peak RSS, machine facts."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.store import driver


@dataclass
class Result:
    """One measured figure, with its target when the issues set one."""

    group: str
    name: str
    size: int
    median_ms: float
    p95_ms: float
    runs: int
    target_ms: float | None = None
    baseline_ms: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool | None:
        if self.target_ms is None:
            return None
        return self.p95_ms <= self.target_ms

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["passed"] = self.passed
        if self.baseline_ms:
            data["ratio_to_baseline"] = round(self.median_ms / self.baseline_ms, 3)
        return data


def timed(fn: Callable[[], object], repeats: int = 7, warmup: int = 1) -> list[float]:
    """Milliseconds of ``repeats`` calls after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summarise(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(
    group: str,
    name: str,
    size: int,
    fn: Callable[[], object],
    *,
    repeats: int = 7,
    target_ms: float | None = None,
    baseline: Callable[[], object] | None = None,
    note: str = "",
) -> Result:
    median, p95 = summarise(timed(fn, repeats))
    baseline_ms = summarise(timed(baseline, repeats))[0] if baseline else None
    return Result(
        group,
        name,
        size,
        round(median, 3),
        round(p95, 3),
        repeats,
        target_ms,
        round(baseline_ms, 3) if baseline_ms is not None else None,
        note,
    )


def vm_hwm_mb(pid: int | str = "self") -> float | None:
    """``VmHWM`` (peak resident set) of a process from Linux ``/proc``; None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_rss_mb() -> float:
    """Peak resident set size of this process image so far.

    Linux keeps ``ru_maxrss`` across fork and exec, so a probe started by a big benchmark
    process would report its parent's peak; ``VmHWM`` belongs to this image alone.
    """
    hwm = vm_hwm_mb()
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "sqlite": driver.sqlite_version,  # the library the store runs on (SQLCipher)
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
    }
