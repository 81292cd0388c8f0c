"""Where a PostgreSQL hub's password comes from (URL, libpq's own places, the OS keyring) and how it is
kept in, replaced in and removed from the keyring — never in a name, a URL shown or a settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_login import (  # noqa: F401 - fixtures used below
    hub_keyring,
    memory_keyring,
    no_hub_keyring,
    no_keyring,
    no_libpq_password,
)

from desktop.store.os_keyring import SERVICE
from desktop.sync.hubs import pg_password, shown_hub
from desktop.sync.hubs.pg_password import account, password_for, remember_password
from tests.store.memory_keyring import MemoryKeyring

HUB = "postgresql://onestop_hub@hub.jeonnam-onestop.kr/onestop_hub?sslmode=require"
WITH_PASSWORD = "postgresql://onestop_hub:s3cret@hub.jeonnam-onestop.kr/onestop_hub?sslmode=require"
NAME = "hub/onestop_hub@hub.jeonnam-onestop.kr:5432/onestop_hub"


def test_the_keyring_name_is_user_host_port_and_database_without_the_password() -> None:
    assert account(WITH_PASSWORD).keyring_name == NAME.removeprefix("hub/")
    assert account("postgresql://u:pw@[::1]:6543/db").keyring_name == "u@[::1]:6543/db"
    assert account("postgresql:/u@Host/db?port=5999&dbname=other").keyring_name == "u@host:5999/other"


def test_a_password_survives_being_put_into_a_url_and_read_back() -> None:
    awkward = "p@ss:w/rd%?&= 비밀"
    url = pg_password.with_password(WITH_PASSWORD, awkward)
    assert pg_password.url_password(url) == awkward
    assert "s3cret" not in url
    assert shown_hub(url) == HUB
    assert pg_password.url_password(HUB) is None


def test_a_sync_that_worked_keeps_the_password_and_the_bare_url_finds_it(
    hub_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    assert password_for(HUB) == (None, "none")

    assert remember_password(WITH_PASSWORD) == "saved"

    assert password_for(HUB) == ("s3cret", "keyring")
    assert list(hub_keyring.passwords) == [(SERVICE, NAME)]
    assert remember_password(WITH_PASSWORD) == "unchanged"


def test_a_password_in_the_url_is_left_to_libpq_and_beats_the_keyring(
    hub_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    remember_password(WITH_PASSWORD)
    assert password_for(pg_password.with_password(HUB, "typed")) == (None, "url")


def test_a_new_password_replaces_the_remembered_one(hub_keyring: MemoryKeyring) -> None:  # noqa: F811
    remember_password(WITH_PASSWORD)

    assert remember_password(pg_password.with_password(HUB, "changed")) == "saved"

    assert password_for(HUB) == ("changed", "keyring")
    assert len(hub_keyring.passwords) == 1


def test_pgpassword_wins_over_the_keyring(
    hub_keyring: MemoryKeyring,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remember_password(WITH_PASSWORD)
    monkeypatch.setenv("PGPASSWORD", "from-the-environment")
    assert password_for(HUB) == (None, "libpq")


@pytest.mark.parametrize(
    ("line", "used"),
    [
        ("hub.jeonnam-onestop.kr:5432:onestop_hub:onestop_hub:pw", True),
        ("*:*:*:onestop_hub:pw", True),
        ("hub.jeonnam-onestop.kr:*:onestop_hub:someone_else:pw", False),
        ("hub.jeonnam-onestop.kr:5433:onestop_hub:onestop_hub:pw", False),
        ("# *:*:*:*:pw", False),
        (r"*:*:*:*:with\:colon", True),
    ],
)
def test_a_matching_password_file_line_wins_over_the_keyring(
    hub_keyring: MemoryKeyring,  # noqa: F811
    no_libpq_password: Path,  # noqa: F811
    line: str,
    used: bool,
) -> None:
    remember_password(WITH_PASSWORD)
    no_libpq_password.write_text(line + "\n")
    no_libpq_password.chmod(0o600)
    assert password_for(HUB) == ((None, "libpq") if used else ("s3cret", "keyring"))


def test_a_password_file_others_can_read_is_ignored_as_libpq_ignores_it(
    hub_keyring: MemoryKeyring,  # noqa: F811
    no_libpq_password: Path,  # noqa: F811
) -> None:
    remember_password(WITH_PASSWORD)
    no_libpq_password.write_text("*:*:*:*:pw\n")
    no_libpq_password.chmod(0o644)
    assert password_for(HUB) == ("s3cret", "keyring")


def test_forgetting_removes_only_that_hubs_password(hub_keyring: MemoryKeyring) -> None:  # noqa: F811
    other = "postgresql://onestop_hub:other@hub.jeonnam-onestop.kr/team_b"
    remember_password(WITH_PASSWORD)
    remember_password(other)

    assert pg_password.forget_password(HUB) is True
    assert pg_password.forget_password(HUB) is False

    assert password_for(HUB) == (None, "none")
    assert password_for(shown_hub(other)) == ("other", "keyring")


def test_without_a_keyring_the_password_is_not_kept_and_the_caller_is_told(
    no_hub_keyring: None,  # noqa: F811
) -> None:
    assert remember_password(WITH_PASSWORD) == "no_keyring"
    assert password_for(HUB) == (None, "none")
    assert pg_password.forget_password(HUB) is False


def test_a_url_without_a_password_keeps_nothing(hub_keyring: MemoryKeyring) -> None:  # noqa: F811
    assert remember_password(HUB) == "no_password"
    assert hub_keyring.passwords == {}
