"""Case list paging: keyset pages, offset jumps and filters agree with a plain full sort."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.store import queries
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store

NOW = datetime(2026, 11, 26, 17, 0)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("queries") / "demo.db"
    path.write_bytes(template_db.read_bytes())
    db = open_store(path)
    load_demo_data(db, firms=300, cases=3_000, seed=4, today=NOW.date())
    yield db
    db.close()


def _python_sorted(db: Database, sort: queries.Sort) -> list[int]:
    columns, descending = sort.columns()
    rows = db.all(f"SELECT rowid, {', '.join(columns)} FROM cases")
    return [
        r["rowid"]
        for r in sorted(rows, key=lambda r: (*(r[c] for c in columns), r["rowid"]), reverse=descending)
    ]


@pytest.mark.parametrize("key", [*queries.SORT_COLUMNS, *queries.SORT_ALIASES])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_walk_the_whole_list_in_sort_order(
    demo_db: Database, key: str, descending: bool
) -> None:
    sort = queries.Sort(key, descending)
    walked: list[int] = []
    after = None
    while True:
        page = queries.page_after(demo_db, queries.CaseFilter(), sort, after, 250, NOW)
        if not page:
            break
        walked += [r.rowid for r in page]
        after = page[-1].sort_values
    assert walked == _python_sorted(demo_db, sort)


@pytest.mark.parametrize("offset", [0, 1, 777, 2_990])
def test_a_jump_to_any_offset_gives_the_same_rows_as_walking(demo_db: Database, offset: int) -> None:
    sort = queries.Sort("firm_name", False)
    expected = _python_sorted(demo_db, sort)[offset : offset + 50]
    assert [
        r.rowid for r in queries.page_at(demo_db, queries.CaseFilter(), sort, offset, 50, NOW)
    ] == expected


def test_the_last_rows_come_from_the_end_without_walking(demo_db: Database) -> None:
    sort = queries.Sort("received_at", True)
    expected = _python_sorted(demo_db, sort)[-30:]
    rows = queries.page_from_end(demo_db, queries.CaseFilter(), sort, 0, 30, NOW)
    assert [r.rowid for r in rows] == expected


def test_filters_combine_and_counts_match_pages(demo_db: Database) -> None:
    agency = demo_db.scalar(
        "SELECT agency_id FROM cases WHERE agency_id != '' GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1"
    )
    filt = queries.CaseFilter(agency_id=agency, statuses=("assigned", "in_progress"), overdue=True)
    rows = queries.page_at(demo_db, filt, queries.Sort(), 0, 10_000, NOW)
    assert rows, "demo data has overdue cases for its busiest agency"
    assert len(rows) == queries.count_cases(demo_db, filt, NOW)
    for row in rows:
        assert row.agency_id == agency and row.status in ("assigned", "in_progress")
        assert row.is_overdue(NOW)


def test_overdue_means_open_with_a_passed_deadline(demo_db: Database) -> None:
    overdue = queries.count_cases(demo_db, queries.CaseFilter(overdue=True), NOW)
    expected = demo_db.scalar(
        "SELECT count(*) FROM cases WHERE is_open = 1 AND deadline_at != '' AND deadline_at < ?",
        (NOW.isoformat(),),
    )
    assert overdue == expected > 0


def test_period_filter_includes_both_end_days(demo_db: Database) -> None:
    filt = queries.CaseFilter(received_from=date(2026, 3, 1), received_to=date(2026, 3, 31))
    rows = queries.page_at(demo_db, filt, queries.Sort(), 0, 10_000, NOW)
    assert rows and all(r.received_at.date().month == 3 and r.received_at.year == 2026 for r in rows)
    assert len(rows) == demo_db.scalar("SELECT count(*) FROM cases WHERE received_at LIKE '2026-03-%'")


def test_free_text_filter_matches_case_text_or_firm_name(demo_db: Database) -> None:
    rows = queries.page_at(demo_db, queries.CaseFilter(search="수출"), queries.Sort(), 0, 10_000, NOW)
    assert rows
    texts = {
        r["id"]: (r["text"], r["firm_name"]) for r in demo_db.all("SELECT id, text, firm_name FROM cases")
    }
    assert all("수출" in texts[r.id][0] or "수출" in texts[r.id][1] for r in rows)
    expected = sum(1 for text, name in texts.values() if "수출" in text or "수출" in name)
    assert len(rows) == expected


def test_counts_by_field_add_up(demo_db: Database) -> None:
    by_field = queries.counts_by(demo_db, "field_code")
    assert sum(by_field.values()) == 3_000
    assert set(by_field) <= {f"F{n:02d}" for n in range(1, 14)} | {"F99"}


def test_sorted_page_uses_an_index_not_a_full_sort(demo_db: Database) -> None:
    for key in queries.SORT_COLUMNS:
        columns, _ = queries.Sort(key).columns()
        plan = " ".join(
            r["detail"]
            for r in demo_db.all(
                "EXPLAIN QUERY PLAN SELECT rowid FROM cases WHERE deleted = 0 "
                f"ORDER BY {', '.join(columns)}, rowid LIMIT 200"
            )
        )
        assert "USE TEMP B-TREE" not in plan, (key, plan)


@pytest.mark.parametrize("key", ["received_at", "firm_name", "deadline_at"])
def test_overdue_pages_walk_all_overdue_cases_in_order(demo_db: Database, key: str) -> None:
    filt = queries.CaseFilter(overdue=True)
    sort = queries.Sort(key, True)
    walked: list[int] = []
    after = None
    while page := queries.page_after(demo_db, filt, sort, after, 7, NOW):
        walked += [r.rowid for r in page]
        after = page[-1].sort_values
    columns, _ = sort.columns()
    rows = demo_db.all(
        f"SELECT rowid, {', '.join(columns)} FROM cases WHERE is_open = 1 AND deadline_at != '' "
        "AND deadline_at < ?",
        (NOW.isoformat(),),
    )
    expected = [
        r["rowid"] for r in sorted(rows, key=lambda r: (*(r[c] for c in columns), r["rowid"]), reverse=True)
    ]
    assert walked == expected and walked
