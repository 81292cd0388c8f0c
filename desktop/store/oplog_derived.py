"""Writing synced columns while applying ops, with their derived data: search index, firm names."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from desktop.store import search
from desktop.store.db import Database

# Columns whose change also changes derived data (search index, firm names on cases).
DERIVED = frozenset(
    {("firms", "name"), ("firms", "brn"), ("cases", "text"), ("cases", "number"), ("cases", "firm_id")}
)
# A contentless full-text index forgets a row only when told its old tokens.
_INDEXED: dict[str, tuple[str, tuple[str, str]]] = {
    "firms": ("firm_search", ("name", "brn")),
    "cases": ("case_search", ("text", "number")),
}
_CHUNK = 400


@lru_cache(maxsize=65_536)
def _tokens(text: str) -> str:
    return search.case_grams(text, "")


def case_grams(text: str, number: str) -> str:
    """``search.case_grams``, remembered: a text indexed by one op is often the old text of the
    next, whose tokens the index needs again to forget it."""
    return " ".join(filter(None, (_tokens(text), _tokens(number))))


def _grams(table: str, a: str, b: str) -> str:
    return case_grams(a, b) if table == "cases" else search.firm_grams(a, b)


def set_column(db: Database, table: str, row_id: str, rowid: int, col: str, value: Any) -> None:
    """Write one synced column without capture and keep derived data right (search, firm names)."""
    set_columns(db, table, col, [(row_id, rowid, value)])


def _indexed_values(db: Database, table: str, names: tuple[str, str], rowids: list[int]) -> dict[int, Any]:
    marks = ", ".join("?" * len(rowids))
    return {
        int(r[0]): (r[1], r[2])
        for r in db.all(f"SELECT rowid, {names[0]}, {names[1]} FROM {table} WHERE rowid IN ({marks})", rowids)
    }


def set_columns(db: Database, table: str, col: str, rows: Sequence[tuple[str, int, Any]]) -> None:
    """Write ``col`` of many distinct rows, given as (id, rowid, value), with their derived data.

    The same as one ``set_column`` per row, in a few statements per chunk of rows.
    """
    index = _INDEXED.get(table)
    names = index[1] if index is not None and col in index[1] else None
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        rowids = [rowid for _, rowid, _ in chunk]
        old = _indexed_values(db, table, names, rowids) if names else {}
        db.executemany(
            f"UPDATE {table} SET {col} = ? WHERE rowid = ?", [(value, rowid) for _, rowid, value in chunk]
        )
        if index is not None and names:
            new = _indexed_values(db, table, names, rowids)
            deletes, inserts = [], []
            for rowid, before in old.items():
                grams, old_grams = _grams(table, *new[rowid]), _grams(table, *before)
                if grams != old_grams:
                    deletes.append((rowid, old_grams))
                    inserts.append((rowid, grams))
            fts = index[0]
            db.executemany(f"INSERT INTO {fts} ({fts}, rowid, grams) VALUES ('delete', ?, ?)", deletes)
            db.executemany(f"INSERT INTO {fts} (rowid, grams) VALUES (?, ?)", inserts)
            if table == "firms" and col == "name":
                db.executemany(
                    "UPDATE cases SET firm_name = ? WHERE firm_id = ?",
                    [(new[rowid][0], row_id) for row_id, rowid, _ in chunk if rowid in new],
                )
        if table == "cases" and col == "firm_id":
            db.executemany(
                "UPDATE cases SET firm_name = coalesce((SELECT name FROM firms WHERE id = ?), firm_name) "
                "WHERE rowid = ?",
                [(value, rowid) for _, rowid, value in chunk],
            )
