"""Listing all firms page by page (keyset on name), for the firm list of the GUI."""

from __future__ import annotations

from desktop.core.records import Firm
from desktop.store.db import Database
from desktop.store.firms import FIRM_COLUMNS, row_to_firm

FirmKey = tuple[str, int]
"""(name, rowid) of the last firm of a page: where the next page starts."""


def page_firms(db: Database, after: FirmKey | None, limit: int) -> list[tuple[Firm, FirmKey]]:
    """Live firms ordered by name (then age), ``limit`` at a time after ``after``."""
    where = "deleted = 0"
    params: dict[str, object] = {"n": limit}
    if after is not None:
        where += " AND (name, rowid) > (:name, :rowid)"
        params |= {"name": after[0], "rowid": after[1]}
    rows = db.all(
        f"SELECT rowid AS r, {FIRM_COLUMNS} FROM firms WHERE {where} ORDER BY name, rowid LIMIT :n", params
    )
    return [(row_to_firm(r), (str(r["name"]), int(r["r"]))) for r in rows]
