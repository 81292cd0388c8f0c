"""Store and search figures: case-list pages, filters, add-case latency, substring search."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.datasets import TODAY, scratch_copy
from benchmarks.harness import Result, measure, summarise
from desktop.core.hangul import chosung
from desktop.core.records import Actor
from desktop.store import cases, firms, queries
from desktop.store.db import Database
from desktop.store.opening import open_store

NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=17)
PAGE = 200


def run(path: Path, size: int, repeats: int) -> list[Result]:
    db = open_store(path)
    try:
        return _list_pages(db, size, repeats) + _search(db, size, repeats) + _add_case(path, size)
    finally:
        db.close()


def _list_pages(db: Database, size: int, repeats: int) -> list[Result]:
    results = []
    everything = queries.CaseFilter()
    for key in queries.SORT_COLUMNS:
        for descending in (False, True):
            sort = queries.Sort(key, descending)
            results.append(
                measure(
                    "store",
                    f"first page sorted by {key}{' desc' if descending else ''}",
                    size,
                    lambda sort=sort: queries.page_after(db, everything, sort, None, PAGE, NOW),
                    repeats=repeats,
                    target_ms=50,
                )
            )
    sort = queries.Sort("received_at", True)
    first = queries.page_after(db, everything, sort, None, PAGE, NOW)
    results.append(
        measure(
            "store",
            "next page (keyset)",
            size,
            lambda: queries.page_after(db, everything, sort, first[-1].sort_values, PAGE, NOW),
            repeats=repeats,
            target_ms=50,
        )
    )
    results.append(
        measure(
            "store",
            "deep page at 90% (index-only offset)",
            size,
            lambda: queries.page_at(db, everything, sort, int(size * 0.9), PAGE, NOW),
            repeats=repeats,
            target_ms=150,
        )
    )
    results.append(
        measure(
            "store",
            "last page (from the end)",
            size,
            lambda: queries.page_from_end(db, everything, sort, 0, PAGE, NOW),
            repeats=repeats,
            target_ms=50,
        )
    )
    agency = db.scalar(
        "SELECT agency_id FROM cases WHERE agency_id != '' GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1"
    )
    busy = queries.CaseFilter(agency_id=agency, statuses=("assigned", "in_progress"), overdue=True)
    results.append(
        measure(
            "store",
            f"filtered page (agency {agency} + status + overdue)",
            size,
            lambda: queries.page_after(db, busy, sort, None, PAGE, NOW),
            repeats=repeats,
            target_ms=50,
        )
    )
    results.append(
        measure(
            "store",
            "count for the filtered list",
            size,
            lambda: queries.count_cases(db, busy, NOW),
            repeats=repeats,
        )
    )
    results.append(
        measure(
            "store",
            "count all cases",
            size,
            lambda: queries.count_cases(db, everything, NOW),
            repeats=repeats,
        )
    )
    return results


def _search(db: Database, size: int, repeats: int) -> list[Result]:
    results = []
    names = [r["name"] for r in db.all("SELECT name FROM firms ORDER BY rowid LIMIT 50")]
    sample = next(n for n in names if len(n) >= 4 and "(" not in n)
    case_queries = {
        "1 syllable": "세",
        "2 syllables": "수출",
        "3 syllables": "법인세",
        "4 syllables": "정책자금",
    }
    for label, text in case_queries.items():
        results.append(
            measure(
                "search",
                f"case text, {label} ('{text}'), first 100 hits",
                size,
                lambda text=text: queries.search_cases(db, text, 100),
                repeats=repeats,
                target_ms=100 if label in ("2 syllables", "4 syllables") else None,
                baseline=lambda text=text: db.all(
                    "SELECT rowid FROM cases WHERE text LIKE ? ORDER BY rowid DESC LIMIT 100", (f"%{text}%",)
                ),
                note="baseline: LIKE '%q%' scan",
            )
        )
    firm_queries = {
        "firm 2 syllables": sample[-2:],
        "firm 4 syllables": sample[-4:],
        "firm 초성": chosung(sample[-4:]),
        "firm BRN": db.scalar("SELECT brn FROM firms LIMIT 1"),
    }
    for label, text in firm_queries.items():
        results.append(
            measure(
                "search",
                f"{label} ('{text}'), top 50",
                size,
                lambda text=text: firms.find_firms(db, text, 50),
                repeats=repeats,
                target_ms=100,
                baseline=lambda text=text: db.all(
                    "SELECT rowid FROM firms WHERE name LIKE ? OR brn LIKE ? LIMIT 50",
                    (f"%{text}%", f"%{text}%"),
                ),
                note="baseline: LIKE '%q%' scan",
            )
        )
    return results


def _add_case(path: Path, size: int) -> list[Result]:
    """Latency of logging one case (validation, numbering, deadline, index, audit) on a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = scratch_copy(path, Path(tmp) / "copy.db")
        db = open_store(copy)
        actor = Actor("벤치마크", "JNEPA")
        firm_ids = [r["id"] for r in db.all("SELECT id FROM firms LIMIT 200")]
        samples = []
        for i in range(200):
            new = cases.NewCase(
                firm_id=firm_ids[i],
                field="F06",
                text=f"수출 바우처 신청 서류 문의 {i}",
                kind="procedure",
                agency="JNEPA",
                consent_agencies=("JNEPA",),
            )
            start = time.perf_counter()
            cases.add_case(db, new, actor)
            samples.append((time.perf_counter() - start) * 1000)
        db.close()
        size_mb = path.stat().st_size / 1e6
    median, p95 = summarise(samples)
    return [
        Result(
            "store",
            "add a case (route + consent)",
            size,
            round(median, 3),
            round(p95, 3),
            len(samples),
            target_ms=20,
        ),
        Result(
            "store",
            "database size (MB)",
            size,
            round(size_mb, 1),
            round(size_mb, 1),
            1,
            note="file size, not time",
        ),
    ]
