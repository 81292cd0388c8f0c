"""Demo data: realistic, deterministic, and copies beyond the generated pool stay consistent."""

from __future__ import annotations

import random
from datetime import date

import pytest

from desktop.core.hangul import gram_tokens, words
from desktop.core.ids import is_valid_brn
from desktop.store import bulk, demo, queries, search
from desktop.store.db import Database

TODAY = date(2026, 11, 26)


def test_demo_firms_have_valid_brns_and_cases_span_the_lifecycle(db: Database) -> None:
    demo.load_demo_data(db, firms=100, cases=2_000, seed=1, today=TODAY)
    assert all(is_valid_brn(r["brn"]) for r in db.all("SELECT brn FROM firms"))
    statuses = queries.counts_by(db, "status")
    assert {"received", "assigned", "in_progress", "replied", "closed"} <= set(statuses)
    overdue = queries.count_cases(db, queries.CaseFilter(overdue=True))
    assert 0 < overdue < 2_000 * 0.2
    assert len(queries.counts_by(db, "field_code")) == 14


def test_demo_timelines_never_run_backwards(db: Database) -> None:
    # A reply before the receipt gave negative reply days on the dashboard and in the reports.
    demo.load_demo_data(db, firms=100, cases=2_000, seed=1, today=TODAY)
    early = db.scalar(
        "SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.at < c.received_at"
    )
    assert early == 0
    assert db.scalar("SELECT count(*) FROM cases WHERE closed_at != '' AND closed_at < received_at") == 0


def test_copies_beyond_the_pool_are_unique_and_complete(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DISTINCT_CASES", 700)
    assert demo.load_demo_data(db, firms=120, cases=2_500, seed=2, today=TODAY) == 2_500
    assert db.scalar("SELECT count(DISTINCT id) FROM cases") == 2_500
    assert db.scalar("SELECT count(DISTINCT number) FROM cases") == 2_500
    assert db.scalar("SELECT count(DISTINCT id) FROM case_events") == db.scalar(
        "SELECT count(*) FROM case_events"
    )
    orphans = db.scalar(
        "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)"
    )
    assert orphans == 0
    routed_without_consent = db.scalar(
        "SELECT count(*) FROM cases c WHERE agency_id != '' AND NOT EXISTS "
        "(SELECT 1 FROM consents s WHERE s.case_id = c.id AND s.agency_id = c.agency_id)"
    )
    assert routed_without_consent == 0
    assert (
        db.scalar("SELECT count(*) FROM cases c JOIN firms f ON f.id = c.firm_id WHERE f.name != c.firm_name")
        == 0
    )
    assert db.integrity_problems() == []
    # The copies are searchable like the originals.
    expected = db.scalar("SELECT count(*) FROM cases WHERE text LIKE '%지원%'")
    assert len(queries.search_cases(db, "지원", limit=10_000)) == expected


def test_same_seed_same_data(
    db: Database, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store.opening import open_store

    monkeypatch.setattr(demo, "DISTINCT_CASES", 120)  # the SQL copies too
    demo.load_demo_data(db, firms=50, cases=300, seed=8, today=TODAY)
    other_path = tmp_path_factory.mktemp("again") / "again.db"
    other = open_store(other_path)
    demo.load_demo_data(other, firms=50, cases=300, seed=8, today=TODAY)
    for query in (
        "SELECT rowid, id, number, firm_id, firm_name, text, status, received_at FROM cases ORDER BY rowid",
        "SELECT rowid, id, case_id, at, kind, payload FROM case_events ORDER BY rowid",
        "SELECT rowid, id, case_id, firm_id, agency_id FROM consents ORDER BY rowid",
    ):
        assert [tuple(r) for r in db.all(query)] == [tuple(r) for r in other.all(query)]
    other.close()


def test_copies_are_found_by_text_and_number_exactly_like_a_scan(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DISTINCT_CASES", 400)
    demo.load_demo_data(db, firms=80, cases=3_000, seed=4, today=TODAY)
    rows = db.all("SELECT rowid, text, number FROM cases")
    rng = random.Random(4)
    copied = [r["number"] for r in rows if r["rowid"] > 400]
    wanted = ["지원", "세", "0", "12", "광", "수출 바우처"]
    wanted += (
        rng.sample(copied, 5)
        + [n[-3:] for n in rng.sample(copied, 5)]
        + [n[:7] for n in rng.sample(copied, 3)]
    )
    for query in wanted:
        query_words = words(search.normalise_query(query))
        expected = {
            r["rowid"]
            for r in rows
            if all(any(w in h for h in words(r["text"]) + words(r["number"])) for w in query_words)
        }
        assert {c.rowid for c in queries.search_cases(db, query, limit=10_000)} == expected, query


@pytest.mark.parametrize("number", [0, 7, 1234, 98_765, 1_234_567])
def test_number_tokens_made_in_sql_are_those_of_the_search_tokeniser(db: Database, number: int) -> None:
    sql = bulk.digits_tokens_sql(":n", width=7)
    assert db.scalar(f"SELECT {sql}", {"n": number}).split() == gram_tokens(f"{number:04d}").split()


def test_a_new_store_is_back_in_wal_mode_after_the_demo_load(db: Database) -> None:
    demo.load_demo_data(db, firms=20, cases=100, seed=1, today=TODAY)
    assert db.scalar("PRAGMA journal_mode") == "wal"


def test_a_demo_load_works_while_another_connection_has_the_store_open(db: Database) -> None:
    reader = db.reopen()
    assert reader.scalar("SELECT count(*) FROM cases") == 0
    assert demo.load_demo_data(db, firms=20, cases=100, seed=1, today=TODAY) == 100
    assert reader.scalar("SELECT count(*) FROM cases") == 100
    assert db.scalar("PRAGMA journal_mode") == "wal"
    reader.close()
