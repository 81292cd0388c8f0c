"""Laptops of a sync test team, and the helpers that copy and exchange them.

Kept out of conftest.py so test modules can import them by a unique module name
(two folders' conftest.py would otherwise shadow each other as ``conftest``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.records import Actor
from desktop.store import oplog
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync.engine import SyncReport, sync_with_hub

PASSPHRASE = "시험용 암호 test passphrase"
LAPTOPS = 6
NAMES = ("노트북1", "노트북2", "노트북3", "노트북4", "노트북5", "노트북6")


@dataclass
class Laptop:
    """One consultant's laptop in a test."""

    name: str
    db: Database
    actor: Actor
    path: Path
    reports: list[SyncReport] = field(default_factory=list)

    def sync(self, hub: Path, **kwargs: Any) -> SyncReport:
        report = sync_with_hub(self.db, hub, **kwargs)
        self.reports.append(report)
        return report

    @property
    def device(self) -> str:
        return oplog.device_id(self.db)


def copy_team(template: Path, target: Path, count: int) -> tuple[list[Laptop], Path]:
    """Copy the template team into ``target``: ``count`` laptops and the hub."""
    target.mkdir(parents=True, exist_ok=True)
    hub = target / "hub"
    shutil.copytree(template / "hub", hub)
    laptops = []
    for i in range(count):
        path = target / f"laptop{i}.db"
        shutil.copyfile(template / f"laptop{i}.db", path)
        laptops.append(
            Laptop(
                NAMES[i],
                open_store(path, load_reference=False),
                Actor(name=f"상담원{i + 1}", role="coordinator", device=NAMES[i]),
                path,
            )
        )
    return laptops, hub


def exchange(laptops: list[Laptop], hubs: list[Path], rounds: int = 2, *, new_hub: bool = False) -> None:
    """Full exchange: every laptop syncs with every hub, ``rounds`` times (``new_hub``: empty ones
    become hubs of the team)."""
    for _ in range(rounds):
        for laptop in laptops:
            for hub in hubs:
                laptop.sync(hub, new_hub=new_hub)
