"""Report figures: Excel export vs bare xlsxwriter, its peak RSS, PDF register and session report, import.

At 100,000 cases: the export of every case, against a bare xlsxwriter ``constant_memory`` writer
of the same rows (same 38 columns, same values, typed writes) timed in the same run, and the
export's peak RSS in a fresh process plus that of the reading helper process it starts
(``benchmarks.export_probe``). At 10,000 cases: the PDF
register of all of them, the session report of a session with 500 cases (built on a copy),
and the import of a generated 5,000-row clinic sheet (into a fresh copy each time).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook

from benchmarks.datasets import TODAY, scratch_copy
from benchmarks.harness import Result, summarise, timed
from desktop.core.records import Actor
from desktop.store import cases, export_queries, queries, sessions
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from desktop.store.opening import open_store
from reports import bench, data
from reports.excel.columns import CASE_COLUMNS, RowValues
from reports.masking import Masker

EXPORT_SIZE = 100_000
PDF_SIZE = 10_000
SESSION_CASES = 500
IMPORT_ROWS = 5_000
EXPORT_RATIO = 1.2
NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=17)
BUILDER = Actor("벤치마크", "JNEPA", role="coordinator", device="bench")


def run(path: Path, size: int, repeats: int) -> list[Result]:
    if size == EXPORT_SIZE:
        return _export(path, size, repeats) + [_export_rss(path, size)]
    if size == PDF_SIZE:
        return _register(path, size, repeats) + _session(path, size, repeats) + _import(path, size, repeats)
    return []


# --- Excel export ---------------------------------------------------------------------------------


def export_values(db: Database) -> list[list[Any]]:
    """Every case's row exactly as the export writes it (masked, in export order)."""
    values_of = RowValues(data.labels(db, NOW.date()), Masker(False), NOW, work_calendar(db))
    return [values_of(r) for page in export_queries.export_pages(db, queries.CaseFilter(), NOW) for r in page]


def bare_xlsxwriter(rows: list[list[Any]], out: Path) -> None:
    """The baseline: the same header and rows with xlsxwriter's typed calls, nothing else."""
    wb = Workbook(str(out), {"constant_memory": True})
    ws = wb.add_worksheet("사례")
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    kinds = [c.kind for c in CASE_COLUMNS]
    for col, column in enumerate(CASE_COLUMNS):
        ws.write_string(0, col, column.header)
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
    for r, values in enumerate(rows, 1):
        for col, (kind, value) in enumerate(zip(kinds, values, strict=True)):
            if value is None or value == "":
                continue
            if kind == "text":
                write_string(r, col, value)
            elif kind == "datetime":
                write_datetime(r, col, value, stamp)
            elif kind == "int":
                write_number(r, col, value)
            else:
                write_datetime(r, col, value, day)
    wb.close()


def _export(path: Path, size: int, repeats: int) -> list[Result]:
    db = open_store(path)
    try:
        rows = export_values(db)  # also warms the page cache for both runs
        # 100,000 rows of values stay alive for the baseline: keep the garbage collector from
        # walking their ~4 million objects again and again while the export is timed.
        gc.freeze()
        with tempfile.TemporaryDirectory() as tmp:
            ours: list[float] = []
            bare: list[float] = []
            for i in range(max(repeats, 1)):
                gc.collect()
                start = time.perf_counter()
                result = bench.export_all(db, Path(tmp) / f"export-{i}.xlsx")
                ours.append((time.perf_counter() - start) * 1000)
                assert result.rows == len(rows)
                gc.collect()
                start = time.perf_counter()
                bare_xlsxwriter(rows, Path(tmp) / f"bare-{i}.xlsx")
                bare.append((time.perf_counter() - start) * 1000)
    finally:
        gc.unfreeze()
        db.close()
    median, p95 = summarise(ours)
    baseline, _ = summarise(bare)
    return [
        Result(
            "reports",
            "Excel export of every case (요약 + 사례 sheets)",
            size,
            round(median, 1),
            round(p95, 1),
            len(ours),
            target_ms=round(EXPORT_RATIO * baseline, 1),
            baseline_ms=round(baseline, 1),
            note=f"target: ≤ {EXPORT_RATIO}× a bare xlsxwriter constant_memory writer of the same rows",
        )
    ]


def _export_rss(path: Path, size: int) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.export_probe", str(path), str(Path(tmp) / "probe.xlsx")],
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
            env=os.environ.copy(),
        )
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    rss = float(probe["peak_rss_mb"])
    return Result(
        "reports",
        "Excel export peak RSS (MB)",
        size,
        rss,
        rss,
        1,
        target_ms=150,
        note=(
            f"MB, fresh process {probe['export_rss_mb']} + its reading helper {probe['helper_rss_mb']}"
            f" (sum of peaks); that export took {probe['seconds']} s"
        ),
    )


# --- PDF ------------------------------------------------------------------------------------------


def _register(path: Path, size: int, repeats: int) -> list[Result]:
    db = open_store(path)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "register.pdf"
            # Warm-up: fonts registered, modules imported (a month, not the whole register again).
            bench.register_pdf(db, out, TODAY - timedelta(days=30), TODAY)
            pages: dict[str, Any] = {}

            def register() -> None:
                result = bench.register_pdf(db, out, date(2000, 1, 1), TODAY)
                pages.update(result.extra, pages=result.pages)

            samples = timed(register, max(repeats, 1), warmup=0)
    finally:
        db.close()
    median, p95 = summarise(samples)
    return [
        Result(
            "reports",
            f"PDF register (처리대장) of all {pages['cases']:,} cases",
            size,
            round(median, 1),
            round(p95, 1),
            len(samples),
            target_ms=15_000,
            note=f"{pages['pages']:,} pages",
        )
    ]


def session_with_cases(db: Database, count: int) -> str:
    """A new clinic session with ``count`` cases logged at it (existing firms, varied fields)."""
    session_id, _ = sessions.add_session(
        db,
        name="벤치마크 현장지원단 (대규모)",
        day=TODAY,
        place="순천 해룡산단 기업지원센터",
        actor=BUILDER,
        region_code="46",
        agencies=("NTS", "KOSMES-JN", "JNTP", "JNEPA"),
    )
    rows = queries.page_after(db, queries.CaseFilter(), queries.Sort(), None, count)
    firm_ids = list(dict.fromkeys(r.firm_id for r in rows))
    fields = ("F01", "F02", "F03", "F06", "F07")
    agencies = ("NTS", "KOSMES-JN", "JNTP", "JNEPA", "")
    received = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
    for i in range(count):
        agency = agencies[i % len(agencies)]
        cases.add_case(
            db,
            cases.NewCase(
                firm_id=firm_ids[i % len(firm_ids)],
                field=fields[i % len(fields)],
                text=f"현장 상담 {i}: 수출 바우처 신청 서류와 정책자금 상환유예 요건 문의",
                session_id=session_id,
                agency=agency,
                consent_agencies=(agency,) if agency else (),
                onsite_answer="" if agency else "요건과 신청 절차를 현장에서 안내함",
                received_at=received + timedelta(seconds=20 * i),
            ),
            BUILDER,
        )
    return session_id


def _session(path: Path, size: int, repeats: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(scratch_copy(path, Path(tmp) / "session.db"))
        try:
            session_id = session_with_cases(db, SESSION_CASES)
            out = Path(tmp) / "session.pdf"
            pages: list[int] = []

            def report() -> None:
                pages.append(bench.session_pdf(db, out, session_id).pages)

            samples = timed(report, max(repeats, 1))
        finally:
            db.close()
    median, p95 = summarise(samples)
    return [
        Result(
            "reports",
            f"PDF session report (현장지원 결과 보고) of {SESSION_CASES} cases",
            size,
            round(median, 1),
            round(p95, 1),
            len(samples),
            target_ms=3_000,
            note=f"{pages[-1]} pages",
        )
    ]


# --- import ---------------------------------------------------------------------------------------


def _import(path: Path, size: int, repeats: int) -> list[Result]:
    samples: list[float] = []
    added = 0
    with tempfile.TemporaryDirectory() as tmp:
        sheet = bench.clinic_sheet(Path(tmp) / "clinic.xlsx", IMPORT_ROWS)
        for i in range(max(repeats, 1)):
            db = open_store(scratch_copy(path, Path(tmp) / f"import-{i}.db"))
            try:
                gc.collect()
                start = time.perf_counter()
                result = bench.import_sheet(db, sheet)
                samples.append((time.perf_counter() - start) * 1000)
                added = result.added
            finally:
                db.close()
    median, p95 = summarise(samples)
    return [
        Result(
            "reports",
            f"import of a generated {IMPORT_ROWS:,}-row clinic sheet",
            size,
            round(median, 1),
            round(p95, 1),
            len(samples),
            target_ms=10_000,
            note=f"{added:,} rows stored, all in one transaction",
        )
    ]
