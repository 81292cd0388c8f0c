"""A two-laptop sync team for GUI tests: this laptop (shown in the GUI) and another one, one folder hub.

Keys use the passphrase fallback with a cheap scrypt (never the OS keyring), so a team is made
in milliseconds. The other laptop is driven through the store functions, as its consultant would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync import keys, team
from desktop.sync.engine import SyncReport, sync_with_hub

PASSPHRASE = "시험용 암호 test passphrase"
OTHER = Actor(name="이지원", agency_id="JNEPA", role="coordinator", device="노트북2")


@dataclass
class Team:
    """This laptop's store, the other laptop's store and their hub folder."""

    mine: Database
    other: Database
    hub: Path

    def other_syncs(self) -> SyncReport:
        return sync_with_hub(self.other, self.hub)


@pytest.fixture
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESTOP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
    monkeypatch.setattr(keys, "INVITE_SCRYPT_N", 2**8)


def _store(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    return open_store(path)


@pytest.fixture
def sync_team(template_db: Path, tmp_path: Path, cheap_keys: None) -> Iterator[Team]:
    """This laptop created the team (device 노트북1); the other one joined it (노트북2)."""
    mine = _store(template_db, tmp_path / "mine.db")
    other = _store(template_db, tmp_path / "other.db")
    hub = tmp_path / "hub"
    code = team.create_team(mine, hub, name="순천 현장지원단", device_name="노트북1").join_code
    team.join_team(other, hub, device_name="노트북2", code=code)
    yield Team(mine, other, hub)
    mine.close()
    other.close()


def shared_case(t: Team, actor: Actor) -> str:
    """A case logged on this laptop and synced to the other one."""
    firm_id, _ = firms.add_firm(t.mine, firms.NewFirm(brn="1248100998", name="광양철강"), actor)
    case_id, _ = cases.add_case(
        t.mine, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 납부기한 연장 문의"), actor
    )
    sync_with_hub(t.mine, t.hub)
    t.other_syncs()
    return case_id


def conflicting_edits(t: Team, case_id: str, actor: Actor, mine: str, theirs: str) -> None:
    """Both laptops change the case text without seeing each other's change; the other one syncs."""
    cases.set_fields(t.mine, case_id, {"text": mine}, actor)
    cases.set_fields(t.other, case_id, {"text": theirs}, OTHER)
    t.other_syncs()
