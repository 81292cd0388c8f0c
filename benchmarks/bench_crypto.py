"""Encryption at rest: the same store plain and SQLCipher-encrypted, measured side by side.

Each figure of the encrypted copy carries the plain copy's figure (same run, same data,
measured alternately) as its baseline, so the ratio is the cost of encryption on this machine.
Wall-clock figures on a shared machine are noisy; the CPU time of this process (user + sys) for
the same samples is kept in ``extra`` (``cpu_ms``, ``baseline_cpu_ms``, ``cpu_ratio``).
Sizes above 100,000 cases are skipped: converting a 1M-case store alone takes minutes.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from benchmarks.datasets import TODAY, scratch_copy
from benchmarks.harness import Result, summarise
from desktop.core.records import Actor
from desktop.store import cases, dbkey, encryption, firms, queries
from desktop.store.db import Database
from desktop.store.opening import open_store

NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=17)
PAGE = 200
ADDS = 200
MAX_SIZE = 100_000


def run(path: Path, size: int, repeats: int) -> list[Result]:
    if size > MAX_SIZE:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        plain = scratch_copy(path, Path(tmp) / "plain.db")
        encrypted = scratch_copy(path, Path(tmp) / "encrypted.db")
        key = dbkey.new_key()
        started = time.perf_counter()
        encryption.convert_file(encrypted, None, key)
        converted_ms = (time.perf_counter() - started) * 1000
        results = [
            Result(
                "crypto",
                "onestop encrypt: convert and check the store (s)",
                size,
                round(converted_ms, 1),
                round(converted_ms, 1),
                1,
                note="sqlcipher_export + integrity_check + row counts + rename",
            )
        ]
        results += _pairs(plain, encrypted, key, size, max(repeats, 15))
        results += _add_case(plain, encrypted, key, size)
        return results


def _pairs(plain: Path, encrypted: Path, key: bytes, size: int, repeats: int) -> list[Result]:
    """Open, keyset page, count and search on both copies, alternating the copies per sample."""
    results = [
        _compare(
            "open the store + first query",
            size,
            lambda: _open_and_query(plain, None),
            lambda: _open_and_query(encrypted, key),
            repeats,
            "open_store (migration check, reference data) + one page",
        )
    ]
    a, b = open_store(plain), open_store(encrypted, key=key)
    try:
        everything = queries.CaseFilter()
        sort = queries.Sort("received_at", True)
        after = queries.page_after(a, everything, sort, None, PAGE, NOW)[-1].sort_values  # same data
        operations: dict[str, tuple[Callable[[Database], object], str]] = {
            "next page of 200 (keyset)": (
                lambda db: queries.page_after(db, everything, sort, after, PAGE, NOW),
                "",
            ),
            "count all cases": (
                lambda db: queries.count_cases(db, everything, NOW),
                "reads every index page",
            ),
            "case text search, 2 syllables ('수출')": (lambda db: queries.search_cases(db, "수출", 100), ""),
            "firm search, 2 syllables ('광양')": (lambda db: firms.find_firms(db, "광양", 50), ""),
        }
        for name, (operation, note) in operations.items():
            results.append(
                _compare(name, size, lambda op=operation: op(a), lambda op=operation: op(b), repeats, note)
            )
    finally:
        a.close()
        b.close()
    return results


def _open_and_query(path: Path, key: bytes | None) -> None:
    db = open_store(path, key=key)
    try:
        queries.page_after(db, queries.CaseFilter(), queries.Sort("received_at", True), None, PAGE, NOW)
    finally:
        db.close()


def _compare(
    name: str,
    size: int,
    plain: Callable[[], object],
    encrypted: Callable[[], object],
    repeats: int,
    note: str,
) -> Result:
    plain()  # warm both caches once
    encrypted()
    samples: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(repeats):
        samples[False].append(_sample(plain))
        samples[True].append(_sample(encrypted))
    return _result(name, size, samples[False], samples[True], note)


def _sample(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _result(
    name: str, size: int, plain: list[tuple[float, float]], encrypted: list[tuple[float, float]], note: str
) -> Result:
    median, p95 = summarise([wall for wall, _ in encrypted])
    plain_median, plain_p95 = summarise([wall for wall, _ in plain])
    cpu = statistics.median(c for _, c in encrypted)
    plain_cpu = statistics.median(c for _, c in plain)
    return Result(
        "crypto",
        f"encrypted: {name}",
        size,
        round(median, 3),
        round(p95, 3),
        len(encrypted),
        baseline_ms=round(plain_median, 3),
        note=f"baseline: the plain copy (p95 {plain_p95:.2f} ms); CPU {cpu:.2f} vs {plain_cpu:.2f} ms"
        + (f"; {note}" if note else ""),
        extra={
            "cpu_ms": round(cpu, 3),
            "baseline_cpu_ms": round(plain_cpu, 3),
            "cpu_ratio": round(cpu / plain_cpu, 3) if plain_cpu else None,
        },
    )


def _add_case(plain: Path, encrypted: Path, key: bytes, size: int) -> list[Result]:
    """Logging one case (one transaction, several tables and indexes) on both copies, alternately."""
    a, b = open_store(plain), open_store(encrypted, key=key)
    try:
        actor = Actor("벤치마크", "JNEPA")
        firm_ids = [r["id"] for r in a.all("SELECT id FROM firms ORDER BY rowid LIMIT ?", (ADDS,))]
        samples: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
        for i, firm_id in enumerate(firm_ids):
            new = cases.NewCase(
                firm_id=firm_id,
                field="F06",
                text=f"수출 바우처 신청 서류 문의 {i}",
                kind="procedure",
                agency="JNEPA",
                consent_agencies=("JNEPA",),
            )
            for is_encrypted, db in ((False, a), (True, b)):
                samples[is_encrypted].append(_sample(lambda db=db, new=new: cases.add_case(db, new, actor)))
    finally:
        a.close()
        b.close()
    return [_result("add a case (route + consent)", size, samples[False], samples[True], "one transaction")]
