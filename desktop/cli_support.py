"""What the command modules of ``onestop`` share: the output they need, the actor, dates, names."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from desktop.core.records import Actor
from desktop.store import reference, sessions
from desktop.store.db import Database


class Out(Protocol):
    """What the commands need of ``desktop.cli.Output``."""

    lang: str
    as_json: bool

    def t(self, ko: str, en: str) -> str: ...

    def emit(self, data: Any, text: str | None = None) -> None: ...


def command_actor(db: Database) -> Actor:
    from desktop.cli import actor_for  # the CLI module imports this one: import it late

    return actor_for(db)


def optional_day(text: str | None, field: str) -> date | None:
    return sessions.parse_day(text, field) if text else None


def display_names(db: Database, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    ref = reference.reference_data(db)
    today = date.today()
    fields = {str(f.code): (f.name_en if lang == "en" else f.name_ko) for f in ref.fields}
    agencies: dict[str, str] = {}
    for a in ref.agencies:
        if a.id not in agencies or a.valid_on(today):
            agencies[a.id] = a.name_en if lang == "en" else (a.short_name or a.name_ko)
    return fields, agencies


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"
