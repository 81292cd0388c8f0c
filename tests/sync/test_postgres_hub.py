"""The PostgreSQL hub against a real server (issue #7): the folder hub's very bundles in a table,
idempotent writes, dropped connections, folder and server hubs of one team used in turn,
``onestop hub serve-check`` messages, and the random-script convergence properties.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest_pg import pg_cluster, pg_hub_url, pg_url  # noqa: F401 - fixtures used below
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from laptops import Laptop, copy_team, exchange
from pg_cluster import HUB_PASSWORD, LocalCluster, free_port
from sync_helpers import snapshot
from test_sync_properties import HOUR, Script, step

from desktop.core.errors import RejectedInput
from desktop.store import cases, firms, oplog
from desktop.store.opening import open_store
from desktop.sync import status, team
from desktop.sync.hubs import Hub, HubWriteError, open_hub
from desktop.sync.hubs.pg_url import display_url
from desktop.sync.hubs.postgres import SCHEMA_VERSION, PostgresHub

pytestmark = pytest.mark.postgres
Team = Callable[[int], tuple[list[Laptop], Path]]
EXAMPLES = {"stress": 100, "dev": 20}.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 10)
PG_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 10,  # reproducible in CI; the dev and stress profiles explore
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


# --- helpers -----------------------------------------------------------------------------------------


def _firm(laptop: Laptop, name: str, brn: str = "1248100998") -> str:
    firm_id, _ = firms.add_firm(laptop.db, firms.NewFirm(brn=brn, name=name), laptop.actor)
    return firm_id


def _case(laptop: Laptop, firm_id: str, text: str) -> str:
    case_id, _ = cases.add_case(
        laptop.db, cases.NewCase(firm_id=firm_id, field="F01", text=text), laptop.actor
    )
    return case_id


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _rows(cluster: LocalCluster, url: str, sql: str) -> list[tuple[Any, ...]]:
    return cluster.execute(sql, database=_db_name(url))


@pytest.fixture
def hubs() -> Iterator[list[PostgresHub]]:
    """PostgresHub objects a test opens (closed at its end): ``hubs.append(PostgresHub(url))``."""
    opened: list[PostgresHub] = []
    yield opened
    for hub in opened:
        hub.close()


def _pg(opened: list[PostgresHub], url: str, **kwargs: Any) -> PostgresHub:
    hub = PostgresHub(url, **kwargs)
    opened.append(hub)
    return hub


def _three_bundles(laptop: Laptop, folder: Path) -> None:
    """``laptop`` makes three bundles (three edits, each synced to the folder hub)."""
    firm_id = _firm(laptop, "광양철강")
    laptop.sync(folder)
    case_id = _case(laptop, firm_id, "법인세 납부기한 연장")
    laptop.sync(folder)
    cases.set_fields(laptop.db, case_id, {"assignee": "박세무"}, laptop.actor)
    laptop.sync(folder)


def _after_call(
    monkeypatch: pytest.MonkeyPatch,
    hub: PostgresHub,
    method: str,
    n: int,
    then: Callable[[], None],
    before: bool = False,
) -> None:
    """Run ``then`` right after (or just before) the n-th call of ``hub.method``."""
    real = getattr(hub, method)
    calls: list[int] = []

    def wrapped(*args: Any) -> Any:
        calls.append(1)
        if before and len(calls) == n:
            then()
        result = real(*args)
        if not before and len(calls) == n:
            then()
        return result

    monkeypatch.setattr(hub, method, wrapped)


# --- the hub itself ----------------------------------------------------------------------------------


def test_open_hub_gives_a_postgres_hub_named_without_its_password(pg_url: str) -> None:  # noqa: F811
    hub = open_hub(pg_url)
    assert isinstance(hub, PostgresHub) and isinstance(hub, Hub)
    assert HUB_PASSWORD not in hub.location and HUB_PASSWORD not in repr(hub)
    assert hub.location.startswith("postgresql://onestop_hub@127.0.0.1:")
    assert hub.check().database == _db_name(pg_url)
    hub.close()
    collapsed = open_hub(Path(pg_url))  # Path("postgresql://h/db") leaves one slash
    assert isinstance(collapsed, PostgresHub) and collapsed.location == hub.location
    assert collapsed.check().user == "onestop_hub"
    collapsed.close()
    assert display_url("postgres://u:pw@h:5433/db?sslmode=require&password=x") == (
        "postgres://u@h:5433/db?sslmode=require"
    )


def test_the_tables_are_made_on_first_use_with_their_own_schema_version(
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
) -> None:
    first = _pg(hubs, pg_hub_url)
    assert first.read_identity() is None and not first.schema_created, "asking 'a hub?' writes nothing"
    assert _rows(pg_cluster, pg_hub_url, "SELECT to_regclass('onestop_hub_schema')") == [(None,)]
    assert first.list_devices() == [] and first.schema_created
    assert _rows(pg_cluster, pg_hub_url, "SELECT version FROM onestop_hub_schema") == [(SCHEMA_VERSION,)]
    second = _pg(hubs, pg_hub_url)
    assert second.list_devices() == [] and not second.schema_created
    _rows(pg_cluster, pg_hub_url, "UPDATE onestop_hub_schema SET version = 99")
    with pytest.raises(RejectedInput) as info:
        _pg(hubs, pg_hub_url).read_identity()
    assert "newer" in info.value.text("en") and "업데이트" in info.value.text("ko")


def test_a_team_syncs_through_the_server_with_the_very_bundles_of_its_folder_hub(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a, b), folder = make_team(2)
    case_id = _case(a, _firm(a, "광양철강"), "법인세 납부기한 연장")
    a.sync(folder)
    report = a.sync(pg_hub_url, new_hub=True)
    assert (report.sent, report.skipped) == (1, [])
    b.sync(pg_hub_url)
    assert cases.get_case(b.db, case_id).text == "법인세 납부기한 연장"
    exchange([a, b], [pg_hub_url], rounds=1)
    assert snapshot(a.db) == snapshot(b.db)
    stored = {
        (device, seq, digest): bytes(data)
        for device, seq, digest, data in _rows(
            pg_cluster, pg_hub_url, "SELECT device, seq, sha256, data FROM onestop_hub_bundles"
        )
    }
    files = {
        (p.parent.parent.name, int(p.stem.split("-")[0]), p.stem.split("-")[1]): p.read_bytes()
        for p in folder.glob("devices/*/bundles/*.bundle")
    }
    assert files and set(files) <= set(stored)
    assert all(stored[key] == data for key, data in files.items()), "byte for byte the folder hub's bundles"
    assert not any("광양철강".encode() in data for data in stored.values()), "the server only sees ciphertext"


def test_writing_a_bundle_again_is_harmless_and_a_set_aside_copy_is_written_back(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
) -> None:
    (a, b), _ = make_team(2)
    firm_id = _firm(a, "광양철강")
    hub = _pg(hubs, pg_hub_url)
    a.sync(hub, new_hub=True)
    (ref,) = hub.list_bundles(a.device).refs
    data = hub.read_bundle(ref)
    for _ in range(2):
        assert hub.write_bundle(a.device, ref.seq, ref.sha256, data) == ref
    assert _rows(pg_cluster, pg_hub_url, "SELECT count(*) FROM onestop_hub_bundles") == [(1,)]
    for seq in (1, 2):  # bytes that do not hash to the name are refused, over a stored copy or not
        with pytest.raises(HubWriteError):
            hub.write_bundle(a.device, seq, ref.sha256, data[:-1])
    with pytest.raises(HubWriteError):
        hub.write_bundle("../../etc", 1, ref.sha256, data)
    assert hub.list_bundles(a.device, after=1).refs == []

    hub.quarantine(ref)  # a reader found it damaged: set aside, never deleted
    listing = hub.list_bundles(a.device)
    assert listing.refs == [] and listing.quarantined == [ref]
    report = b.sync(hub)
    assert report.received == 0
    a.sync(hub)  # a holds a good copy and writes it again
    assert hub.list_bundles(a.device).refs == [ref]
    b.sync(hub)
    assert firms.get_firm(b.db, firm_id).name == "광양철강"


def test_a_server_hub_of_another_team_is_refused(
    make_team: Team,
    template_db: Path,
    tmp_path: Path,
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a,), _ = make_team(1)
    shutil.copyfile(template_db, tmp_path / "other.db")
    other = open_store(tmp_path / "other.db")
    team.create_team(other, pg_hub_url, name="다른 팀", device_name="남의 노트북")
    other.close()
    with pytest.raises(RejectedInput) as info:
        a.sync(pg_hub_url)
    assert "another team" in info.value.text("en")


def test_two_teams_share_one_database_in_two_schemas(
    make_team: Team,
    template_db: Path,
    tmp_path: Path,
    pg_cluster: LocalCluster,  # noqa: F811
) -> None:
    (a,), _ = make_team(1)
    ours, theirs = pg_cluster.new_schema_url(), pg_cluster.new_schema_url()
    shutil.copyfile(template_db, tmp_path / "other.db")
    other = open_store(tmp_path / "other.db")
    team.create_team(other, theirs, name="다른 팀", device_name="남의 노트북")
    other.close()
    _firm(a, "광양철강")
    assert a.sync(ours, new_hub=True).sent == 1
    schema = ours.rsplit("%3D", 1)[1]
    tables = pg_cluster.execute(
        "SELECT schemaname, count(*) FROM pg_tables WHERE tablename LIKE 'onestop_hub%%' GROUP BY 1",
        database=_db_name(ours.split("?")[0]),
    )
    assert (schema, 5) in tables and not any(name == "public" for name, _ in tables)
    with pytest.raises(RejectedInput):
        a.sync(theirs)


def test_a_team_made_on_the_server_is_joined_with_a_code_and_syncs(
    template_db: Path,
    tmp_path: Path,
    pg_hub_url: str,  # noqa: F811
) -> None:
    def store(name: str) -> Any:
        shutil.copyfile(template_db, tmp_path / name)
        return open_store(tmp_path / name)

    first, second = store("1.db"), store("2.db")
    made = team.create_team(first, pg_hub_url, name="전남 도 사업단", device_name="도청")
    with pytest.raises(RejectedInput):
        team.join_team(second, pg_hub_url, device_name="순천", code="AAAA-BBBB-CCCC-DDDD")
    joined = team.join_team(second, pg_hub_url, device_name="순천", code=made.join_code)
    assert joined.team_id == made.team_id
    from desktop.core.records import Actor
    from desktop.sync.engine import sync_with_hub

    firms.add_firm(
        first, firms.NewFirm(brn="1248100998", name="광양철강"), Actor(name="김", role="coordinator")
    )
    sync_with_hub(first, pg_hub_url)
    sync_with_hub(second, pg_hub_url)
    assert [f.name for f in firms.find_firms(second, "광양")] == ["광양철강"]
    first.close()
    second.close()


def test_a_team_moves_from_folder_to_server_and_laptops_using_either_or_both_converge(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a, b, c, d), folder = make_team(4)
    firm_id = _firm(a, "광양철강")
    case_id = _case(a, firm_id, "수출 바우처 신청")
    exchange([a, b, c, d], [folder], rounds=1)
    # a and b move to the server; c stays on the folder; d syncs with both in turn
    cases.set_fields(a.db, case_id, {"text": "서버 쪽 수정"}, a.actor)
    cases.set_fields(c.db, case_id, {"text": "폴더 쪽 수정"}, c.actor)
    _case(b, _firm(b, "순천식품", "2208162517"), "정책자금 상환 유예")
    _firm(c, "여수화학", "1010000017")
    a.sync(pg_hub_url, new_hub=True)  # the team moves to a new server hub
    b.sync(pg_hub_url)
    c.sync(folder)
    for _ in range(2):
        d.sync(folder)
        d.sync(pg_hub_url)
    for laptop in (a, b):
        laptop.sync(pg_hub_url)
    c.sync(folder)
    assert snapshot(a.db) == snapshot(b.db) == snapshot(c.db) == snapshot(d.db)
    state = status.case_sync_state(a.db, case_id)
    assert state.state == status.CONFLICT and len(state.conflicts) == 1, "both edits stay visible, everywhere"


def test_a_sync_with_nothing_new_is_fast_on_the_server(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
) -> None:
    laptops, _ = make_team(6)
    hub = _pg(hubs, pg_hub_url)
    for i, laptop in enumerate(laptops):
        _case(laptop, _firm(laptop, f"기업{i}"), f"사례 {i}")
    laptops[0].sync(hub, new_hub=True)
    exchange(laptops, [hub])
    for laptop in laptops[:2]:
        for url_or_hub in (hub, pg_hub_url):  # a kept connection, and a new one per sync as the CLI does
            started = time.perf_counter()
            report = laptop.sync(url_or_hub)
            assert time.perf_counter() - started < 0.5
            assert (report.sent, report.received, report.relayed) == (0, 0, 0)


# --- dropped connections -----------------------------------------------------------------------------


@pytest.mark.parametrize("retries", [0, 1])
def test_a_connection_killed_between_bundle_uploads_loses_nothing(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
    monkeypatch: pytest.MonkeyPatch,
    retries: int,
) -> None:
    (a, b), folder = make_team(2)
    _three_bundles(a, folder)
    hub = _pg(hubs, pg_hub_url, retries=retries)
    _after_call(monkeypatch, hub, "write_bundle", 1, lambda: pg_cluster.terminate(hub.backend_pid or 0))
    report = a.sync(hub, new_hub=True)
    if retries:
        assert (report.sent, report.skipped) == (3, []), "the hub reconnects and carries on"
    else:
        assert report.sent == 1 and [s.code for s in report.skipped] == ["write_failed"]
        assert "lost" in report.skipped[0].en
        assert _rows(pg_cluster, pg_hub_url, "SELECT seq FROM onestop_hub_bundles") == [(1,)]
        assert a.db.integrity_problems() == []
        assert a.sync(hub).sent == 2, "the next sync sends the rest"
    assert status.unsynced_count(a.db) == 0
    assert _rows(pg_cluster, pg_hub_url, "SELECT count(*) FROM onestop_hub_bundles") == [(3,)]
    exchange([b, a], [pg_hub_url], rounds=1)
    assert snapshot(a.db) == snapshot(b.db)


def test_a_connection_killed_in_the_middle_of_an_insert_leaves_no_half_written_bundle(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second INSERT is held by a table lock, and its server process is ended while it waits."""
    import psycopg

    (a, b), folder = make_team(2)
    _three_bundles(a, folder)
    hub = _pg(hubs, pg_hub_url, retries=0)
    killed: list[int] = []
    killers: list[threading.Thread] = []

    def hold_and_kill() -> None:
        blocker = psycopg.connect(pg_cluster.admin_url(_db_name(pg_hub_url)))
        blocker.execute("LOCK TABLE onestop_hub_bundles IN SHARE ROW EXCLUSIVE MODE")
        pid = hub.backend_pid

        def kill_when_waiting() -> None:
            try:
                for _ in range(500):
                    waiting = pg_cluster.execute(
                        "SELECT 1 FROM pg_stat_activity WHERE pid = %s AND wait_event_type = 'Lock'", (pid,)
                    )
                    if waiting:
                        pg_cluster.terminate(pid or 0)
                        killed.append(1)
                        return
                    time.sleep(0.01)
            finally:
                blocker.rollback()
                blocker.close()

        killers.append(threading.Thread(target=kill_when_waiting, daemon=True))
        killers[0].start()

    _after_call(monkeypatch, hub, "write_bundle", 2, hold_and_kill, before=True)
    report = a.sync(hub, new_hub=True)
    killers[0].join(10)
    assert killed, "the INSERT was waiting when its connection was ended"
    assert report.sent == 1 and [s.code for s in report.skipped] == ["write_failed"]
    assert _rows(pg_cluster, pg_hub_url, "SELECT seq FROM onestop_hub_bundles") == [(1,)]
    assert a.sync(hub).sent == 2
    exchange([b, a], [hub], rounds=1)
    assert snapshot(a.db) == snapshot(b.db)


@pytest.mark.parametrize("retries", [0, 1])
def test_a_connection_killed_between_bundle_downloads_applies_nothing_half_and_the_next_sync_completes(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    hubs: list[PostgresHub],
    monkeypatch: pytest.MonkeyPatch,
    retries: int,
) -> None:
    (a, b), folder = make_team(2)
    _three_bundles(a, folder)
    a.sync(pg_hub_url, new_hub=True)
    hub = _pg(hubs, pg_hub_url, retries=retries)
    _after_call(monkeypatch, hub, "read_bundle", 1, lambda: pg_cluster.terminate(hub.backend_pid or 0))
    report = b.sync(hub)
    assert b.db.integrity_problems() == []
    if retries:
        assert (report.received, report.skipped, report.waiting) == (3, [], [])
    else:
        assert report.received == 1 and [s.code for s in report.skipped] == ["unreadable"]
        assert report.waiting
        report = b.sync(hub)
        assert (report.received, report.waiting) == (2, [])
    a.sync(hub)
    assert snapshot(a.db) == snapshot(b.db)


def test_a_server_that_cannot_be_reached_gives_a_clear_message_and_changes_nothing(
    make_team: Team,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a,), _ = make_team(1)
    _firm(a, "광양철강")
    before = snapshot(a.db), status.unsynced_count(a.db)
    with pytest.raises(RejectedInput) as info:
        a.sync(f"postgresql://onestop_hub:{HUB_PASSWORD}@127.0.0.1:{free_port()}/nowhere")
    assert "Cannot reach the PostgreSQL server" in info.value.text("en")
    assert "연결할 수 없습니다" in info.value.text("ko")
    with pytest.raises(RejectedInput) as info:
        a.sync(pg_cluster.url(_db_name(pg_hub_url), password="wrong"))
    assert "wrong or missing password" in info.value.text("en")
    assert (snapshot(a.db), status.unsynced_count(a.db)) == before


# --- onestop hub serve-check / onestop sync --hub postgresql://... ------------------------------------


def _serve_check(db_path: Path, url: str, *extra: str, lang: str = "ko") -> tuple[int, str, str]:
    """``onestop hub serve-check`` in this process, with the command line's exit codes (0, 1)."""
    from desktop.cli import Output
    from desktop.cli_hub import add_hub_commands

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    common.add_argument("--lang", default="ko")
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--limit", type=int, default=50)
    parser = argparse.ArgumentParser()
    add_hub_commands(parser.add_subparsers(dest="command"), common, listing)
    args = parser.parse_args(
        ["hub", "serve-check", "--hub", url, "--db", str(db_path), "--lang", lang, *extra]
    )
    stdout, stderr = io.StringIO(), io.StringIO()
    db = open_store(db_path, load_reference=False)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                args.run(db, args, Output(args.lang, args.json))
                code = 0
            except RejectedInput as exc:
                print(exc.text(args.lang), file=sys.stderr)
                code = 1
    finally:
        db.close()
    return code, stdout.getvalue(), stderr.getvalue()


def test_serve_check_reports_connection_tables_and_team(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a, b), _ = make_team(2)
    code, out, _ = _serve_check(a.path, pg_hub_url)
    assert code == 0
    assert (
        "연결: 정상" in out and "허브 표: 정상 — 버전 1 (지금 만들었습니다)" in out and "팀: 아직 없음" in out
    )
    _firm(a, "광양철강")
    a.sync(pg_hub_url, new_hub=True)
    code, out, _ = _serve_check(b.path, pg_hub_url, "--json", lang="en")
    data = json.loads(out)
    assert code == 0 and data["this_team"] is True and data["bundles"] == 1 and not data["schema_created"]
    assert data["team"] == "순천 현장지원단" and HUB_PASSWORD not in out


@pytest.mark.parametrize("failure", ["wrong password", "no database", "wrong team", "unreachable", "folder"])
def test_serve_check_fails_with_a_korean_and_english_reason(
    make_team: Team,
    template_db: Path,
    tmp_path: Path,
    pg_cluster: LocalCluster,  # noqa: F811
    pg_hub_url: str,  # noqa: F811
    failure: str,
) -> None:
    (a,), _ = make_team(1)
    url = {
        "wrong password": pg_cluster.url(_db_name(pg_hub_url), password="not-the-password"),
        "no database": pg_cluster.url("no_such_hub"),
        "wrong team": pg_hub_url,
        "unreachable": f"postgresql://onestop_hub@127.0.0.1:{free_port()}/hub",
        "folder": str(tmp_path / "stick"),
    }[failure]
    if failure == "wrong team":
        shutil.copyfile(template_db, tmp_path / "other.db")
        other = open_store(tmp_path / "other.db")
        team.create_team(other, pg_hub_url, name="다른 팀", device_name="남의 노트북")
        other.close()
    code, out, err = _serve_check(a.path, url)
    assert code == 1 and out == ""
    expected = {
        "wrong password": ("비밀번호가 틀렸거나", "wrong or missing password"),
        "no database": ("데이터베이스 'no_such_hub'가 없습니다", "createdb -O onestop_hub no_such_hub"),
        "wrong team": ("다른 팀('다른 팀'", "belongs to another team"),
        "unreachable": ("연결할 수 없습니다", "Cannot reach the PostgreSQL server"),
        "folder": ("PostgreSQL 허브", "checks a PostgreSQL hub"),
    }[failure]
    assert all(text in err for text in expected), err
    assert "not-the-password" not in err
    code, _, err = _serve_check(a.path, url, lang="en")
    assert code == 1 and expected[1] in err and expected[0] not in err


def test_the_command_line_syncs_with_a_postgresql_url(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
) -> None:
    (a, b), _ = make_team(2)
    case_id = _case(a, _firm(a, "광양철강"), "법인세 납부기한 연장")
    a.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    onestop = shutil.which("onestop", path=str(Path(sys.executable).parent)) or "onestop"
    env = os.environ | {"ONESTOP_USER": "김상담", "LANG": "C.UTF-8"}
    for laptop in (a, b):
        done = subprocess.run(
            [onestop, "--db", str(laptop.path), "sync", "--hub", pg_hub_url, "--json", "--new-hub"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["hub"] == display_url(pg_hub_url)
    assert cases.get_case(b.db, case_id).text == "법인세 납부기한 연장"


# --- properties: the folder hub's random scripts, over the server and over both ----------------------


class HubScript(Script):
    """The folder tests' random scripts, with hand copies between any two hubs (folder or server)."""

    def do_copy(self, laptop: Laptop, a: int, b: int) -> None:
        source, target = open_hub(self.hubs[a % len(self.hubs)]), open_hub(self.hubs[b % len(self.hubs)])
        identity = source.read_identity()
        if identity is None:
            return
        if target.read_identity() is None:
            target.create_identity(identity)
        refs = [ref for device in source.list_devices() for ref in source.list_bundles(device).refs]
        for ref in self.rng.sample(refs, k=len(refs) // 2):
            target.write_bundle(ref.device, ref.seq, ref.sha256, source.read_bundle(ref))


def _run_script(
    root: Path, laptops: list[Laptop], hubs: list[Any], skews: list[int], steps: list[Any], seed: int
) -> None:
    try:
        for laptop, skew in zip(laptops, skews, strict=False):
            oplog.set_skew(laptop.db, skew * HOUR)
        script = HubScript(laptops, hubs, seed)
        for kind, who, a, b in steps:
            script.run(kind, who, a, b)
        script.check_converged()
    finally:
        for laptop in laptops:
            laptop.db.close()
        for hub in hubs:
            if isinstance(hub, PostgresHub):
                hub.close()
        shutil.rmtree(root, ignore_errors=True)


@PG_SETTINGS
@given(
    laptops=st.integers(2, 4),
    skews=st.lists(st.integers(-8, 8), min_size=6, max_size=6),  # within a day of each other
    steps=st.lists(step, min_size=1, max_size=25),
    seed=st.integers(0, 2**16),
)
def test_random_scripts_through_two_postgres_hubs_converge_to_the_reference_model(
    team_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    pg_cluster: LocalCluster,  # noqa: F811
    laptops: int,
    skews: list[int],
    steps: list[tuple[str, int, int, int]],
    seed: int,
) -> None:
    root = tmp_path_factory.mktemp("pg-script")
    team_laptops, _ = copy_team(team_template, root, laptops)
    hubs = [PostgresHub(pg_cluster.new_schema_url()), PostgresHub(pg_cluster.new_schema_url())]
    _run_script(root, team_laptops, hubs, skews, steps, seed)


@PG_SETTINGS
@given(
    laptops=st.integers(2, 4),
    skews=st.lists(st.integers(-8, 8), min_size=6, max_size=6),  # within a day of each other
    steps=st.lists(step, min_size=1, max_size=25),
    seed=st.integers(0, 2**16),
)
def test_random_scripts_through_folder_and_postgres_hubs_converge_to_the_reference_model(
    team_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    pg_cluster: LocalCluster,  # noqa: F811
    laptops: int,
    skews: list[int],
    steps: list[tuple[str, int, int, int]],
    seed: int,
) -> None:
    root = tmp_path_factory.mktemp("mixed-script")
    team_laptops, folder = copy_team(team_template, root, laptops)
    hubs = [PostgresHub(pg_cluster.new_schema_url()), folder, root / "stick"]
    _run_script(root, team_laptops, hubs, skews, steps, seed)
