"""Substring search at scale: n-gram index answers equal a brute-force scan, for any query length."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import ids
from desktop.core.hangul import chosung, words
from desktop.core.records import Firm, FirmId
from desktop.store import bulk, firms, queries, search
from desktop.store.db import Database
from desktop.store.opening import open_store

STEMS = ["광양", "순천", "여수", "목포", "남도", "한빛", "대양", "동방", "세진", "김해", "영암", "하남"]
ENDINGS = ["철강", "정밀", "식품", "수산", "테크", "산업", "화학", "기계", "공예", "물산", "강철", "양식"]
FORMS = ["", "(주)", "주식회사 ", "농업회사법인 "]


def _brn(rng: random.Random) -> str:
    first9 = f"{rng.randint(101, 899)}{rng.randint(1, 99):02d}{rng.randint(0, 9999):04d}"
    return first9 + str(ids.brn_check_digit(first9))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    """100,000 firms with names built from common 2-syllable stems (many overlapping hits)."""
    path = tmp_path_factory.mktemp("search") / "big.db"
    path.write_bytes(template_db.read_bytes())
    db = open_store(path)
    rng = random.Random(5)
    rows = [
        Firm(
            FirmId(f"00000000-0000-7000-8000-{i:012d}"),
            _brn(rng),
            f"{rng.choice(FORMS)}{rng.choice(STEMS)}{rng.choice(ENDINGS)}{rng.choice(['', '', str(i % 97)])}",
        )
        for i in range(100_000)
    ]
    with db.transaction():
        bulk.insert_firms(db, rows)
    yield db
    db.close()


def _brute_force(db: Database, query: str) -> set[str]:
    """Every query word is a substring of one word of the name, its 초성, or the BRN.

    Punctuation separates words and is not searched: "(주)" looks for "주".
    """
    wanted = words(search.normalise_query(query))
    hits = set()
    for row in db.all("SELECT id, name, brn FROM firms"):
        haystack = words(row["name"]) + words(chosung(row["name"])) + [row["brn"]]
        if all(any(w in h for h in haystack) for w in wanted):
            hits.add(row["id"])
    return hits


def _indexed(db: Database, query: str) -> set[str]:
    expression = search.match_expression(query)
    assert expression is not None
    rows = db.all(f"SELECT id FROM firms WHERE rowid IN ({search.firm_rowids_sql()})", {"q": expression})
    return {r["id"] for r in rows}


@pytest.mark.parametrize(
    "query",
    [
        "광",
        "양",
        "광양",
        "양철",
        "철강",
        "광양철강",
        "남도수산",
        "강",
        "ㄱㅇ",
        "ㄱㅇㅊㄱ",
        "ㅅㅊ",
        "(주)",
        "81",
        "124",
        "주식회사",
    ],
)
def test_index_finds_exactly_what_a_full_scan_finds(big_store: Database, query: str) -> None:
    expected = _brute_force(big_store, query)
    assert expected, f"test data should contain {query!r}"
    assert _indexed(big_store, query) == expected


def test_two_syllable_query_ignores_the_word_boundary_of_grams(big_store: Database) -> None:
    # "양철" only occurs across the two stems of "광양철강"; a trigram index could not answer it.
    found = firms.find_firms(big_store, "양철", limit=20)
    assert found and all("양철" in f.name for f in found)


def test_lookup_returns_at_most_the_limit_with_exact_name_first(big_store: Database) -> None:
    found = firms.find_firms(big_store, "광양철강", limit=10)
    assert len(found) == 10
    assert found[0].name == "광양철강"


def test_queries_without_searchable_characters_find_nothing(big_store: Database) -> None:
    assert firms.find_firms(big_store, "   ") == []
    assert firms.find_firms(big_store, "!!") == []


def test_case_search_finds_one_and_two_syllable_words(db: Database) -> None:
    from desktop.store.demo import load_demo_data

    load_demo_data(db, firms=50, cases=2_000, seed=11)
    texts = {r["rowid"]: r["text"] for r in db.all("SELECT rowid, text FROM cases")}
    for query in ("세", "법인세", "수출", "바우처", "지원"):
        expected = {rowid for rowid, text in texts.items() if query in text}
        got = {r.rowid for r in queries.search_cases(db, query, limit=10_000)}
        assert got == expected, query
