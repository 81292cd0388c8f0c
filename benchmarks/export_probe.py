"""Exports every case of a store in a fresh process and reports the time and the process's peak RSS.

Run by benchmarks/bench_reports.py as ``python -m benchmarks.export_probe DB OUT.xlsx``; prints JSON.
The peak is the whole process (interpreter, imports, SQLite cache, xlsxwriter), as a user sees it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    from benchmarks.harness import peak_rss_mb
    from desktop.store.opening import open_store
    from reports.bench import export_all

    db_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    db = open_store(db_path)
    started = time.perf_counter()
    result = export_all(db, out)
    seconds = time.perf_counter() - started
    db.close()
    peak_mb = peak_rss_mb()
    print(json.dumps({"rows": result.rows, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1)}))


if __name__ == "__main__":
    main()
