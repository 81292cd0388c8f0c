"""Exports every case of a store in a fresh process and reports the time and the peak RSS.

Run by benchmarks/bench_reports.py as ``python -m benchmarks.export_probe DB OUT.xlsx``; prints JSON.
The peak is the whole process (interpreter, imports, SQLite cache, xlsxwriter), as a user sees
it, plus the peak of the export's reading helper process (``reports.excel.case_feed``), which
a big export starts: a thread reads the children's ``VmHWM`` while the export runs, so the sum
is an upper bound of what both held at once.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

from benchmarks.harness import peak_rss_mb, vm_hwm_mb

POLL_SECONDS = 0.02


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux ``/proc``)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    # The parent pid is the 2nd field after the parenthesised command name.
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return found


class ChildPeaks:
    """Polls the peak RSS of this process's children until stopped (Linux ``/proc`` only)."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        me = os.getpid()
        while not self._stop.wait(POLL_SECONDS):
            for pid in child_pids(me):
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), vm_hwm_mb(pid) or 0.0)

    def stop(self) -> float:
        """The highest peak of one child (the export starts at most one helper)."""
        self._stop.set()
        self._thread.join()
        return max(self.peaks.values(), default=0.0)


def main() -> None:
    from desktop.store.opening import open_store
    from reports.bench import export_all

    db_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    db = open_store(db_path)
    children = ChildPeaks() if os.path.isdir("/proc") else None
    started = time.perf_counter()
    result = export_all(db, out)
    seconds = time.perf_counter() - started
    helper_mb = children.stop() if children is not None else 0.0
    db.close()
    peak_mb = peak_rss_mb()
    print(
        json.dumps(
            {
                "rows": result.rows,
                "seconds": round(seconds, 2),
                "peak_rss_mb": round(peak_mb + helper_mb, 1),
                "export_rss_mb": round(peak_mb, 1),
                "helper_rss_mb": round(helper_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
