"""Fills a store with deterministic demo data (``onestop demo``)."""

from __future__ import annotations

from datetime import date

from desktop.core import demo, routing
from desktop.resources import resource
from desktop.store import bulk, reference
from desktop.store.calendar import work_calendar
from desktop.store.db import Database

# Cases generated one by one in Python; beyond this, bulk.load_demo adds copies in SQL.
DISTINCT_CASES = 50_000


def routing_map(db: Database, on: date) -> dict[tuple[str, str], str]:
    """(field, region) -> suggested agency for every field and region valid on ``on``."""
    ref = reference.reference_data(db)
    table: dict[tuple[str, str], str] = {}
    regions = {r.code for r in ref.regions if r.valid_on(on)}
    for field in ref.fields:
        for region in regions | {""}:
            suggestion = routing.suggest_agency(field.code, region, "", on, ref)
            if suggestion is not None:
                table[(field.code, region or "*")] = suggestion.agency.id
    return table


def load_demo_data(
    db: Database,
    *,
    firms: int,
    cases: int,
    seed: int,
    today: date | None = None,
    progress: bulk.Progress | None = None,
) -> int:
    today = today or date.today()
    recipe = demo.load_recipe(resource("demo", "recipe.json"))
    data = demo.generate(
        recipe,
        firms=max(firms, 1),
        cases=min(cases, DISTINCT_CASES),
        seed=seed,
        today=today,
        holidays=work_calendar(db).holidays,
        routing=routing_map(db, today),
    )
    return bulk.load_demo(db, data, cases, progress)
