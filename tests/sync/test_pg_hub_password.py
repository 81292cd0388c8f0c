"""The hub password remembered in the OS keyring, end to end against a real PostgreSQL server whose
hub user logs in with a password (scram-sha-256): ``onestop sync`` keeps it after a sync that worked,
the URL without it then works, a changed password is replaced, ``onestop hub forget-password`` removes
it, and without a keyring everything works as before with a note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest_pg import pg_cluster, pg_hub_url  # noqa: F401 - fixtures used below
from hub_login import (  # noqa: F401 - fixtures used below
    hub_keyring,
    memory_keyring,
    no_hub_keyring,
    no_keyring,
    no_libpq_password,
)
from laptops import Laptop
from pg_cluster import HUB_PASSWORD

from desktop import cli
from desktop.store.os_keyring import SERVICE
from desktop.sync.hubs import pg_password, shown_hub
from tests.store.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.postgres
Team = Callable[[int], tuple[list[Laptop], Path]]


def _onestop(
    capsys: pytest.CaptureFixture[str], laptop: Laptop, *argv: str, lang: str = "en"
) -> tuple[int, str, str]:
    """``onestop --db LAPTOP ARGV`` in this process (so it sees the test's keyring)."""
    capsys.readouterr()
    code = cli.main(["--db", str(laptop.path), "--lang", lang, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESTOP_USER", "김상담")


def test_a_sync_with_the_password_keeps_it_and_the_bare_url_works_afterwards(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    hub_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    (a, b), _ = make_team(2)
    bare = shown_hub(pg_hub_url)
    assert pg_password.url_password(pg_hub_url) == HUB_PASSWORD and HUB_PASSWORD not in bare
    code, _, err = _onestop(capsys, a, "sync", "--hub", bare)
    assert code == 1 and "wrong or missing password" in err  # nothing remembered yet

    code, out, err = _onestop(capsys, a, "sync", "--hub", pg_hub_url, "--new-hub")

    assert code == 0, err
    assert "remembered in the OS keyring" in err and f"forget-password --hub {bare}" in err
    assert HUB_PASSWORD not in out + err
    (name,) = [user for service, user in hub_keyring.passwords if service == SERVICE]
    assert name.startswith("hub/onestop_hub@127.0.0.1:") and HUB_PASSWORD not in name
    code, out, err = _onestop(capsys, a, "sync", "--hub", bare)
    assert code == 0, err
    code, out, err = _onestop(capsys, b, "hub", "serve-check", "--hub", bare)  # any hub command finds it
    assert code == 0 and "Connection: OK" in out


def test_a_changed_password_is_refused_with_a_hint_then_replaced_by_the_next_sync_that_carries_it(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    hub_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    (a,), _ = make_team(1)
    bare = shown_hub(pg_hub_url)
    pg_password.remember_password(pg_password.with_password(bare, "the-old-password"))

    code, _, err = _onestop(capsys, a, "sync", "--hub", bare)
    assert code == 1 and "password remembered on this laptop may have changed" in err
    assert "the-old-password" not in err
    code, _, err = _onestop(capsys, a, "sync", "--hub", bare, lang="ko")
    assert "이 노트북에 기억된 비밀번호" in err

    assert _onestop(capsys, a, "sync", "--hub", pg_hub_url, "--new-hub")[0] == 0
    assert pg_password.stored_password(bare) == HUB_PASSWORD
    assert _onestop(capsys, a, "sync", "--hub", bare)[0] == 0


def test_forget_password_removes_it_and_the_bare_url_is_refused_again(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    hub_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    (a,), _ = make_team(1)
    bare = shown_hub(pg_hub_url)
    assert _onestop(capsys, a, "sync", "--hub", pg_hub_url, "--new-hub")[0] == 0

    code, out, _ = _onestop(capsys, a, "hub", "forget-password", "--hub", bare, lang="ko")

    assert code == 0 and "지웠습니다" in out and hub_keyring.passwords == {}
    code, _, err = _onestop(capsys, a, "sync", "--hub", bare)
    assert code == 1 and "Check the connection string, PGPASSWORD or ~/.pgpass" in err
    code, out, _ = _onestop(capsys, a, "hub", "forget-password", "--hub", bare)
    assert code == 0 and "No password" in out


def test_pgpassword_still_works_and_wins_over_a_wrong_remembered_password(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    hub_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (a,), _ = make_team(1)
    bare = shown_hub(pg_hub_url)
    pg_password.remember_password(pg_password.with_password(bare, "wrong"))
    monkeypatch.setenv("PGPASSWORD", HUB_PASSWORD)

    code, _, err = _onestop(capsys, a, "sync", "--hub", bare, "--new-hub")

    assert code == 0, err
    assert pg_password.stored_password(bare) == "wrong"  # nothing typed, nothing replaced


def test_without_a_keyring_the_sync_works_as_before_and_says_the_password_was_not_kept(
    make_team: Team,
    pg_hub_url: str,  # noqa: F811
    no_hub_keyring: None,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    (a,), _ = make_team(1)
    code, out, err = _onestop(capsys, a, "sync", "--hub", pg_hub_url, "--new-hub")
    assert code == 0, err
    assert "no OS keyring, so the hub password was not remembered" in err and HUB_PASSWORD not in out + err
    code, _, err = _onestop(capsys, a, "sync", "--hub", shown_hub(pg_hub_url))
    assert code == 1 and "wrong or missing password" in err and "not remembered" not in err
