"""A location that is not a hub (wrong drive letter, unmounted share, typo, empty database) is refused
and left untouched; it becomes a new hub of the team only when asked (``new_hub`` / ``--new-hub``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest_pg import pg_cluster, pg_hub_url  # noqa: F401 - fixtures used below
from laptops import PASSPHRASE, Laptop
from pg_cluster import LocalCluster
from test_sync_cli import run

from desktop.core.errors import RejectedInput
from desktop.store import firms
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync import status, team
from desktop.sync.team import NotAHub

Team = Callable[[int], tuple[list[Laptop], Path]]


def _firm(laptop: Laptop, name: str = "광양철강") -> str:
    firm_id, _ = firms.add_firm(laptop.db, firms.NewFirm(brn="1248100998", name=name), laptop.actor)
    return firm_id


def _everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of a store (sync bookkeeping included)."""
    tables = [r[0] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: [tuple(r) for r in db.all(f'SELECT * FROM "{t}"')] for t in tables}


@pytest.mark.parametrize("exists", [True, False], ids=["empty folder", "missing folder"])
def test_a_folder_that_is_not_a_hub_is_refused_and_nothing_is_written_there(
    make_team: Team, tmp_path: Path, exists: bool
) -> None:
    (a,), _ = make_team(1)
    _firm(a)
    wrong = tmp_path / "F-drive-instead-of-E"
    if exists:
        wrong.mkdir()
    before = _everything(a.db)

    with pytest.raises(NotAHub) as info:
        a.sync(wrong)

    problem = info.value.problems[0]
    assert problem.field == "hub" and problem.source == str(wrong)
    assert "팀 허브가 없습니다" in problem.ko and "USB" in problem.ko and "--new-hub" in problem.ko
    assert "holds no team hub" in problem.en and "--new-hub" in problem.en and "Yes" in problem.en
    assert (sorted(wrong.iterdir()) if exists else wrong.exists()) == ([] if exists else False)
    assert _everything(a.db) == before, "the refused sync changed nothing in the store"
    assert status.unsynced_count(a.db) > 0


def test_asked_for_a_new_hub_the_folder_becomes_one_and_the_team_syncs_through_it(
    make_team: Team, tmp_path: Path
) -> None:
    (a, b), _ = make_team(2)
    firm_id = _firm(a)
    stick = tmp_path / "new-stick"

    report = a.sync(stick, new_hub=True)

    assert report.new_hub and report.sent == 1 and report.as_dict()["new_hub"] is True
    assert (stick / "onestop-hub.json").exists() and (stick / "devices" / a.device).is_dir()
    again = b.sync(stick)  # now a hub: no question any more
    assert not again.new_hub and again.received == 1
    assert firms.get_firm(b.db, firm_id).name == "광양철강"
    assert not a.sync(stick, new_hub=True).new_hub, "asking again on a hub makes nothing new"


def test_a_hub_of_another_team_is_still_refused_when_a_new_hub_is_asked(
    make_team: Team, tmp_path: Path
) -> None:
    (a,), _ = make_team(1)
    other = open_store(tmp_path / "other.db")
    team.create_team(other, tmp_path / "other-hub", name="다른 팀", device_name="x")
    other.close()
    with pytest.raises(RejectedInput) as info:
        a.sync(tmp_path / "other-hub", new_hub=True)
    assert not isinstance(info.value, NotAHub) and "another team" in info.value.text("en")


def test_the_command_line_refuses_a_wrong_folder_and_makes_a_hub_with_new_hub(
    make_team: Team, tmp_path: Path
) -> None:
    (a,), _ = make_team(1)
    _firm(a)
    a.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wrong = tmp_path / "usb"

    refused = run(a.path, "sync", "--hub", str(wrong), lang="ko")
    assert refused.returncode == 1 and "팀 허브가 없습니다" in refused.stderr
    assert "--new-hub" in refused.stderr
    assert not wrong.exists()

    made = run(a.path, "sync", "--hub", str(wrong), "--new-hub")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"A new hub was made: {wrong}") and "Sent 1 bundles" in made.stdout
    plain = run(a.path, "sync", "--hub", str(wrong), "--json")
    assert plain.returncode == 0 and json.loads(plain.stdout)["new_hub"] is False


def test_an_invite_on_a_folder_that_is_not_a_hub_is_refused_and_made_only_when_asked(
    make_team: Team, tmp_path: Path
) -> None:
    # A join code on a wrong drive letter would send the next laptop to a hub nobody syncs with.
    (a,), _ = make_team(1)
    wrong = tmp_path / "F-drive"
    with pytest.raises(NotAHub):
        team.new_invite(a.db, wrong, passphrase=PASSPHRASE)
    assert not wrong.exists()
    code = team.new_invite(a.db, wrong, passphrase=PASSPHRASE, new_hub=True)
    assert code and (wrong / "onestop-hub.json").exists()

    a.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    refused = run(a.path, "team", "invite", "--hub", str(tmp_path / "usb"), lang="ko")
    assert refused.returncode == 1 and "팀 허브가 없습니다" in refused.stderr
    assert not (tmp_path / "usb").exists()
    made = run(a.path, "team", "invite", "--hub", str(tmp_path / "usb"), "--new-hub", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["join_code"] and (tmp_path / "usb" / "onestop-hub.json").exists()


def test_a_database_without_the_hub_tables_is_refused_untouched_and_made_a_hub_when_asked(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a, b), _ = make_team(2)
    _firm(a)
    database = pg_hub_url.rsplit("/", 1)[1]

    def hub_tables() -> list[tuple[Any, ...]]:
        return pg_cluster.execute(
            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'onestop_hub%%'", database=database
        )

    with pytest.raises(NotAHub) as info:
        a.sync(pg_hub_url)
    assert "이 데이터베이스에는 팀 허브가 없습니다" in info.value.text("ko")
    assert "This database holds no team hub" in info.value.text("en")
    assert "database name" in info.value.text("en") and "USB" not in info.value.text("en")
    assert hub_tables() == [], "nothing written to the wrong database"

    assert a.sync(pg_hub_url, new_hub=True).new_hub
    assert len(hub_tables()) == 5
    assert b.sync(pg_hub_url).received == 1
