"""Substring and 초성 search over firms and cases through contentless n-gram FTS5 indexes."""

from __future__ import annotations

import re

from desktop.core.hangul import chosung, gram_query, gram_tokens, is_chosung_query, nfc
from desktop.store.db import Database

_DIGITS_ONLY = re.compile(r"^[\d\s\-]+$")


def firm_grams(name: str, brn: str) -> str:
    """Index text of a firm: its name, the 초성 of its name, and its BRN digits."""
    return " ".join(filter(None, (gram_tokens(name), gram_tokens(chosung(name)), gram_tokens(brn))))


def case_grams(text: str, number: str) -> str:
    return " ".join(filter(None, (gram_tokens(text), gram_tokens(number))))


def index_firm(db: Database, rowid: int, grams: str, old_grams: str | None = None) -> None:
    """(Re)index one firm row; a contentless index needs the old tokens to delete them."""
    _reindex(db, "firm_search", rowid, grams, old_grams)


def index_case(db: Database, rowid: int, grams: str, old_grams: str | None = None) -> None:
    _reindex(db, "case_search", rowid, grams, old_grams)


def _reindex(db: Database, table: str, rowid: int, grams: str, old_grams: str | None) -> None:
    if old_grams is not None:
        if old_grams == grams:
            return
        db.execute(f"INSERT INTO {table} ({table}, rowid, grams) VALUES ('delete', ?, ?)", (rowid, old_grams))
    db.execute(f"INSERT INTO {table} (rowid, grams) VALUES (?, ?)", (rowid, grams))


def normalise_query(query: str) -> str:
    """NFC, trimmed; a BRN or number typed with dashes or spaces becomes its digits."""
    query = nfc(query).strip()
    if _DIGITS_ONLY.match(query):
        return re.sub(r"[\s\-]", "", query)
    return query


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or None if nothing searchable is in it."""
    query = normalise_query(query)
    if is_chosung_query(query):
        query = query.replace(" ", "")
    return gram_query(query)


def firm_rowids_sql() -> str:
    """SQL selecting firm rowids that match ``:q`` (a MATCH expression)."""
    return "SELECT rowid FROM firm_search WHERE firm_search MATCH :q"


def case_rowids_sql() -> str:
    return "SELECT rowid FROM case_search WHERE case_search MATCH :q"
