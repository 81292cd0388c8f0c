"""The sync commands as scripts use them: team create/join, sync, conflicts, exit codes, kill -9 mid-sync."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from laptops import PASSPHRASE, exchange
from sync_helpers import snapshot

from desktop.store import cases, firms
from desktop.store.opening import open_store

RUNNER = Path(__file__).with_name("onestop_sync_cli.py")


def run(
    db: Path, *args: str, lang: str = "en", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    environment = (
        os.environ
        | {
            "ONESTOP_USER": "김상담",
            "LANG": "C.UTF-8",
            "ONESTOP_PASSPHRASE": PASSPHRASE,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        | (env or {})
    )
    return subprocess.run(
        [sys.executable, str(RUNNER), "--db", str(db), "--lang", lang, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


@pytest.fixture
def two_stores(template_db: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copyfile(template_db, a)
    shutil.copyfile(template_db, b)
    return a, b, tmp_path / "hub"


def test_a_team_is_made_joined_and_synced_from_the_command_line(two_stores: tuple[Path, Path, Path]) -> None:
    a, b, hub = two_stores
    made = run(
        a, "team", "create", "--hub", str(hub), "--name", "순천 현장지원단", "--device", "노트북A", "--json"
    )
    assert made.returncode == 0, made.stderr
    code = json.loads(made.stdout)["join_code"]
    assert run(b, "team", "join", "--hub", str(hub), "--device", "노트북B").returncode == 1  # no code
    joined = run(b, "team", "join", "--hub", str(hub), "--device", "노트북B", env={"ONESTOP_JOIN_CODE": code})
    assert joined.returncode == 0, joined.stderr
    assert run(a, "firm", "add", "--brn", "124-81-00998", "--name", "광양철강").returncode == 0
    added = run(a, "case", "add", "--brn", "1248100998", "--field", "세무", "--text", "법인세 문의", "--json")
    case_id = json.loads(added.stdout)["id"]
    sent = run(a, "sync", "--hub", str(hub), "--json")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)["sent"] == 1
    got = run(b, "sync", "--hub", str(hub), "--json")
    assert json.loads(got.stdout)["received"] >= 1
    assert json.loads(run(b, "case", "show", case_id, "--json").stdout)["text"] == "법인세 문의"
    status = json.loads(run(b, "team", "status", "--json").stdout)
    assert {d["name"] for d in status["devices"]} == {"노트북A", "노트북B"}
    assert status["unsynced"] == 0


def test_conflicts_are_listed_and_resolved_from_the_command_line(make_team: Callable[[int], Any]) -> None:
    (a, b), hub = make_team(2)
    firm_id, _ = firms.add_firm(a.db, firms.NewFirm(brn="1248100998", name="광양철강"), a.actor)
    case_id, _ = cases.add_case(a.db, cases.NewCase(firm_id=firm_id, field="F01", text="원래 내용"), a.actor)
    exchange([a, b], [hub])
    cases.set_fields(a.db, case_id, {"text": "A의 내용"}, a.actor)
    cases.set_fields(b.db, case_id, {"text": "B의 내용"}, b.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        laptop.db.close()
    listed = json.loads(run(b.path, "conflicts", "--json").stdout)
    assert len(listed) == 1 and {v["value"] for v in listed[0]["values"]} == {"A의 내용", "B의 내용"}
    assert json.loads(run(a.path, "conflicts", "--json").stdout) == listed
    field_id = listed[0]["id"]
    assert run(b.path, "conflicts", "resolve", field_id).returncode == 2
    assert run(b.path, "conflicts", "resolve", field_id, "--keep", "C의 내용").returncode == 1
    resolved = run(b.path, "conflicts", "resolve", field_id, "--keep", "A의 내용")
    assert resolved.returncode == 0, resolved.stderr
    for store in (b.path, a.path):
        assert run(store, "sync", "--hub", str(hub)).returncode == 0
    assert json.loads(run(a.path, "conflicts", "--json").stdout) == []
    assert json.loads(run(a.path, "case", "show", case_id, "--json").stdout)["text"] == "A의 내용"
    assert "No conflicts" in run(a.path, "conflicts").stdout


def test_a_conflicting_phone_is_listed_masked_and_resolved_by_its_stamp(
    make_team: Callable[[int], Any],
) -> None:
    (a, b), hub = make_team(2)
    firm_id, _ = firms.add_firm(a.db, firms.NewFirm(brn="1248100998", name="광양철강"), a.actor)
    exchange([a, b], [hub])
    firms.update_firm(a.db, firm_id, {"phone": "010-1234-5678"}, a.actor)
    firms.update_firm(b.db, firm_id, {"phone": "010-9876-5432"}, b.actor)
    exchange([a, b], [hub])
    for laptop in (a, b):
        laptop.db.close()

    text = run(b.path, "conflicts").stdout

    assert "5678" in text and "5432" in text  # the last digits tell the numbers apart
    assert "1234" not in text and "9876" not in text
    stamp = next(
        v["stamp"]
        for v in json.loads(run(b.path, "conflicts", "--json").stdout)[0]["values"]
        if v["value"] == "010-1234-5678"
    )
    assert f"--keep {stamp}" in text
    field_id = json.loads(run(b.path, "conflicts", "--json").stdout)[0]["id"]
    assert run(b.path, "conflicts", "resolve", field_id, "--keep", stamp).returncode == 0
    assert json.loads(run(b.path, "conflicts", "--json").stdout) == []


def test_sync_refuses_clearly_without_a_team_or_keys(two_stores: tuple[Path, Path, Path]) -> None:
    a, b, hub = two_stores
    no_team = run(a, "sync", "--hub", str(hub))
    assert no_team.returncode == 1 and "team" in no_team.stderr
    run(a, "team", "create", "--hub", str(hub), "--device", "A")
    run(a, "firm", "add", "--brn", "1248100998", "--name", "광양철강")
    locked = run(a, "sync", "--hub", str(hub), env={"ONESTOP_PASSPHRASE": ""}, lang="ko")
    assert locked.returncode == 1 and "ONESTOP_PASSPHRASE" in locked.stderr
    assert run(a, "sync").returncode == 2
    assert run(a, "merge-queue", "--json").stdout.strip() == "[]"


def test_kill_9_during_a_sync_leaves_a_consistent_store_that_syncs_next_time(
    template_db: Path, tmp_path: Path
) -> None:
    a, b, hub = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "hub"
    shutil.copyfile(template_db, a)
    shutil.copyfile(template_db, b)
    code = json.loads(run(a, "team", "create", "--hub", str(hub), "--device", "A", "--json").stdout)[
        "join_code"
    ]
    run(b, "team", "join", "--hub", str(hub), "--device", "B", "--code", code)
    demo = run(a, "demo", "--firms", "60", "--cases", "3000", "--seed", "7")
    assert demo.returncode == 0, demo.stderr
    assert run(a, "sync", "--hub", str(hub)).returncode == 0
    environment = os.environ | {
        "ONESTOP_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    killed = 0
    for delay in (0.25, 0.5, 0.8, 1.2):
        process = subprocess.Popen(
            [sys.executable, str(RUNNER), "--db", str(b), "sync", "--hub", str(hub)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        db = open_store(b)
        assert db.integrity_problems() == []
        assert db.scalar(
            "SELECT count(*) FROM sync_bundles WHERE applied = 1 AND device != "
            "(SELECT device FROM sync_state)"
        ) == db.scalar(
            "SELECT coalesce(sum(applied), 0) FROM sync_cursors "
            "WHERE device != (SELECT device FROM sync_state)"
        )
        db.close()
    final = run(b, "sync", "--hub", str(hub), "--json")
    assert final.returncode == 0, final.stderr
    assert json.loads(final.stdout)["skipped"] == []
    db_a, db_b = open_store(a), open_store(b)
    try:
        ours, theirs = snapshot(db_a), snapshot(db_b)
        for table in ("firms", "sessions", "cases", "case_events", "consents"):
            assert ours[table] == theirs[table], table
        assert db_b.integrity_problems() == []
        search = db_b.scalar("SELECT count(*) FROM case_search WHERE case_search MATCH '\"법인\"'")
        assert search == db_a.scalar("SELECT count(*) FROM case_search WHERE case_search MATCH '\"법인\"'")
    finally:
        db_a.close()
        db_b.close()
    assert killed >= 1, "the sync finished before any kill: make the demo bigger"
