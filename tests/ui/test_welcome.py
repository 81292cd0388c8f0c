"""The first-run welcome: who I am, this laptop, how to start, where the data lives.

Hangul goes in with ``setText`` (``qtbot.keyClicks`` with Hangul aborts the test process).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.records import Actor
from desktop.core.settings import load_settings
from desktop.store import firms, sync_meta
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import get_meta, open_store
from desktop.sync import keys, team
from desktop.ui.context import AppContext
from desktop.ui.pages.welcome.dialog import (
    NO_WELCOME_ENV,
    START_DEMO,
    START_EMPTY,
    START_TEAM,
    WelcomeDialog,
    run_welcome,
    welcome_needed,
)

MakeCtx = Callable[..., AppContext]


@pytest.fixture
def first_run(db: Database, make_ctx: MakeCtx) -> AppContext:
    """A context as on a first start: empty store, no one named in the settings."""
    return make_ctx(db, user_name="", agency_id="", device_name="", number_prefix="")


def _dialog(ctx: AppContext, qtbot: QtBot, seed_demo: Callable[[], str] | None = None) -> WelcomeDialog:
    dialog = WelcomeDialog(ctx, seed_demo or (lambda: ""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(dialog: WelcomeDialog, qtbot: QtBot, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(which)
    assert button.isVisible() and button.isEnabled()
    button.click()


def _fill_me(dialog: WelcomeDialog, name: str = "김상담", device: str = "순천-노트북1") -> None:
    dialog.name.setText(name)
    dialog.agency.setCurrentIndex(dialog.agency.findData("JNEPA"))
    dialog.device.setText(device)


def test_welcome_is_needed_only_until_someone_is_named(first_run: AppContext, make_ctx: MakeCtx) -> None:
    assert welcome_needed(first_run, environ={}, platform="xcb")
    assert welcome_needed(first_run, environ={}, platform="windows")
    assert not welcome_needed(first_run, environ={NO_WELCOME_ENV: "1"}, platform="xcb")
    named = make_ctx(first_run.db)  # the fixture's default user, 김상담
    assert not welcome_needed(named, environ={}, platform="xcb")


def test_no_welcome_where_nobody_can_answer_it(first_run: AppContext) -> None:
    assert not welcome_needed(first_run, environ={}, platform="offscreen")
    # The tests run offscreen: run() (and run_welcome) never block on the dialog there.
    assert not welcome_needed(first_run, environ={})
    assert run_welcome(first_run, lambda: pytest.fail("must not seed")) is None


def test_run_welcome_shows_nothing_when_switched_off(
    first_run: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_WELCOME_ENV, "1")
    assert run_welcome(first_run, lambda: pytest.fail("must not seed")) is None


def test_welcome_saves_who_i_am_and_loads_the_demo(first_run: AppContext, qtbot: QtBot) -> None:
    db = first_run.db

    def seed() -> str:
        written = load_demo_data(db, firms=5, cases=12, seed=1)
        return f"demo {written}"

    dialog = _dialog(first_run, qtbot, seed)
    assert dialog.start_demo.isChecked()  # an empty store: the demo is offered first
    _fill_me(dialog)
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)

    assert dialog.result_value is not None
    assert dialog.result_value.start == START_DEMO
    assert dialog.result_value.note == "demo 12"
    assert firms.count_firms(db) == 5
    saved = load_settings(first_run.settings_file)
    assert (saved.user_name, saved.agency_id, saved.device_name) == ("김상담", "JNEPA", "순천-노트북1")
    assert first_run.settings == saved
    # The command line reads who I am from the store.
    assert get_meta(db, "user_name") == "김상담"
    assert get_meta(db, "device_name") == "순천-노트북1"
    assert not welcome_needed(first_run, environ={}, platform="xcb")


def test_starting_empty_writes_no_data_and_says_where_it_lives(first_run: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(first_run, qtbot, lambda: pytest.fail("must not seed"))
    _fill_me(dialog)
    dialog.start_empty.setChecked(True)
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)

    assert dialog.result_value is not None
    assert dialog.result_value.start == START_EMPTY
    assert str(first_run.db_path) in dialog.result_value.note
    assert firms.count_firms(first_run.db) == 0


def test_data_note_names_the_database_and_settings_files(first_run: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(first_run, qtbot)
    text = dialog.data_note.text()
    assert str(first_run.db_path) in text
    assert str(first_run.settings_file) in text


def test_a_name_is_required(first_run: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(first_run, qtbot)
    _fill_me(dialog, name="  ")
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible()
    assert dialog.result_value is None
    assert dialog.error.isVisible() and dialog.error.text()
    assert load_settings(first_run.settings_file).user_name == ""


def test_later_closes_without_saving(first_run: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(first_run, qtbot)
    _fill_me(dialog)
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Cancel)

    assert not dialog.isVisible()
    assert dialog.result_value is None
    assert load_settings(first_run.settings_file).user_name == ""
    assert welcome_needed(first_run, environ={}, platform="xcb")


def test_no_demo_offered_when_the_store_has_data(db: Database, make_ctx: MakeCtx, qtbot: QtBot) -> None:
    actor = Actor(name="김상담", agency_id="", role="consultant", device="")
    firms.add_firm(db, firms.NewFirm(brn="1248100998", name="(주)광양철강"), actor)
    ctx = make_ctx(db, user_name="", agency_id="", device_name="")
    dialog = _dialog(ctx, qtbot)

    assert not dialog.start_demo.isEnabled()
    assert dialog.start_empty.isChecked()


@pytest.fixture
def team_hub(template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A team hub made by another laptop, and its join code (passphrase keys, cheap scrypt)."""
    monkeypatch.setenv("ONESTOP_PASSPHRASE", "시험용 암호 test passphrase")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
    monkeypatch.setattr(keys, "INVITE_SCRYPT_N", 2**8)
    other_path = tmp_path / "other.db"
    shutil.copyfile(template_db, other_path)
    other = open_store(other_path)
    try:
        hub = tmp_path / "hub"
        code = team.create_team(other, hub, name="순천 현장지원단", device_name="코디네이터").join_code
    finally:
        other.close()
    return hub, code


def test_welcome_joins_a_team_with_the_join_code(
    first_run: AppContext, team_hub: tuple[Path, str], qtbot: QtBot
) -> None:
    hub, code = team_hub
    dialog = _dialog(first_run, qtbot, lambda: pytest.fail("must not seed"))
    _fill_me(dialog, device="순천-노트북2")
    assert not dialog.team_box.isEnabled()
    dialog.start_team.setChecked(True)
    assert dialog.team_box.isEnabled()
    dialog.hub.setText(str(hub))
    dialog.code.setText(code)
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)

    assert dialog.result_value is not None, dialog.error.text()
    assert dialog.result_value.start == START_TEAM
    assert "순천 현장지원단" in dialog.result_value.note
    joined = sync_meta.get_team(first_run.db)
    assert joined is not None
    assert (joined.name, joined.device_name) == ("순천 현장지원단", "순천-노트북2")
    assert load_settings(first_run.settings_file).device_name == "순천-노트북2"


def test_a_wrong_join_code_keeps_the_welcome_open(
    first_run: AppContext, team_hub: tuple[Path, str], qtbot: QtBot
) -> None:
    hub, _code = team_hub
    dialog = _dialog(first_run, qtbot)
    _fill_me(dialog)
    dialog.start_team.setChecked(True)
    dialog.hub.setText(str(hub))
    dialog.code.setText("WRONG-CODE-0000")
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible()
    assert dialog.result_value is None
    assert dialog.error.text()
    assert sync_meta.get_team(first_run.db) is None
    assert load_settings(first_run.settings_file).user_name == ""


def test_joining_needs_a_hub_and_a_code(first_run: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(first_run, qtbot)
    _fill_me(dialog)
    dialog.start_team.setChecked(True)
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert dialog.result_value is None
    first_problem = dialog.error.text()
    dialog.hub.setText("/somewhere")
    _click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert dialog.result_value is None
    assert dialog.error.text() and dialog.error.text() != first_problem
