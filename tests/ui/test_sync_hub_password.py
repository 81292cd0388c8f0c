"""The sync page asks for a PostgreSQL hub's password when the server refuses it (or there is none),
retries, and keeps it in the OS keyring when asked to — never in the settings file.

The hub connection is faked (a refusal unless the right password arrives, then a sync through the
team's folder); tests/sync/test_pg_hub_password.py does the same against a real server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from shots import save_screenshot, screenshot_folder
from sync_team import Team
from test_sync_page import _page, _sync

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from desktop.core.errors import reject
from desktop.core.settings import settings_path
from desktop.store.db import Database
from desktop.sync.engine import SyncReport, sync_with_hub
from desktop.sync.hubs import pg_password, shown_hub
from desktop.sync.hubs.postgres import HubPasswordRefused
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.pages.sync import actions
from desktop.ui.pages.sync.dialogs import HubPasswordDialog
from desktop.ui.pages.sync.page import SyncPage
from tests.store.memory_keyring import MemoryKeyring
from tests.sync.hub_login import (  # noqa: F401 - fixtures used below
    hub_keyring,
    memory_keyring,
    no_hub_keyring,
    no_keyring,
    no_libpq_password,
)

MakeCtx = Callable[..., AppContext]
HUB = "postgresql://onestop_hub@hub.jeonnam-onestop.kr/onestop_hub"
RIGHT = "the-right-password"
Asked = list[str]


@pytest.fixture
def mine_ctx(sync_team: Team, make_ctx: MakeCtx) -> AppContext:
    ctx = make_ctx(sync_team.mine, device_name="노트북1", role="coordinator")
    ctx.update_settings(ctx.settings.with_changes(sync_hub=HUB))
    return ctx


@pytest.fixture
def fake_server(sync_team: Team, monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The hub refuses any password but RIGHT (as PostgresHub would); returns the passwords tried."""
    tried: list[str | None] = []

    def connect_and_sync(db: Database, hub: str, *args: Any, **kwargs: Any) -> SyncReport:
        password = pg_password.url_password(hub) or pg_password.password_for(hub)[0]
        tried.append(password)
        if password != RIGHT:
            refused = reject(
                "hub", "비밀번호가 틀렸거나 없습니다.", "wrong or missing password", source=shown_hub(hub)
            )
            raise HubPasswordRefused(refused.problems)
        return sync_with_hub(db, sync_team.hub, *args, **kwargs)

    monkeypatch.setattr(actions, "sync_with_hub", connect_and_sync)
    return tried


def _answering(page: SyncPage, monkeypatch: pytest.MonkeyPatch, *answers: tuple[str, bool] | None) -> Asked:
    """The dialog answers these in turn; returns the reasons it was shown with."""
    asked: Asked = []
    queue = list(answers)

    def ask(hub: str, why: str) -> tuple[str, bool] | None:
        assert "@" in hub and RIGHT not in hub
        asked.append(why)
        return queue.pop(0)

    monkeypatch.setattr(page, "ask_hub_password", ask)
    return asked


def test_a_refused_password_is_asked_for_kept_in_the_keyring_and_not_asked_again(
    mine_ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: list[str | None],
    hub_keyring: MemoryKeyring,  # noqa: F811
    config_dir: Path,
) -> None:
    page = _page(mine_ctx, qtbot)
    asked = _answering(page, monkeypatch, (RIGHT, True))

    _sync(page, mine_ctx, qtbot)

    assert len(asked) == 1 and "비밀번호" in asked[0]
    assert fake_server == [None, RIGHT]
    assert page.report is not None and not page.error.text()
    assert "기억했습니다" in page.summary.text()
    assert pg_password.stored_password(HUB) == RIGHT
    settings_file = settings_path(config_dir).read_text(encoding="utf-8")
    assert RIGHT not in settings_file and HUB in settings_file
    assert RIGHT not in page.summary.text() + page.job_bar.label.text()

    fresh = _page(mine_ctx, qtbot)  # as after a restart: nothing typed this session
    _answering(fresh, monkeypatch)
    _sync(fresh, mine_ctx, qtbot)
    assert fresh.report is not None and fake_server[-1] == RIGHT


def test_a_wrong_remembered_password_is_asked_for_again_and_replaced(
    mine_ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: list[str | None],
    hub_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    pg_password.remember_password(pg_password.with_password(HUB, "changed-by-the-office"))
    page = _page(mine_ctx, qtbot)
    asked = _answering(page, monkeypatch, ("still-wrong", True), (RIGHT, True))

    _sync(page, mine_ctx, qtbot)

    assert len(asked) == 2 and fake_server == ["changed-by-the-office", "still-wrong", RIGHT]
    assert page.report is not None
    assert pg_password.stored_password(HUB) == RIGHT


def test_cancelling_the_dialog_shows_why_and_keeps_nothing(
    mine_ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: list[str | None],
    hub_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    page = _page(mine_ctx, qtbot)
    _answering(page, monkeypatch, None)

    _sync(page, mine_ctx, qtbot)

    assert page.report is None and "비밀번호" in page.error.text()
    assert page.sync_button.isEnabled()
    assert hub_keyring.passwords == {}


def test_unticking_remember_uses_the_password_this_session_only(
    mine_ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: list[str | None],
    hub_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    page = _page(mine_ctx, qtbot)
    asked = _answering(page, monkeypatch, (RIGHT, False))

    _sync(page, mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)

    assert len(asked) == 1 and fake_server == [None, RIGHT, RIGHT]
    assert hub_keyring.passwords == {}
    assert "기억" not in page.summary.text()


def test_without_a_keyring_the_sync_works_and_says_the_password_was_not_kept(
    mine_ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: list[str | None],
    no_hub_keyring: None,  # noqa: F811
) -> None:
    page = _page(mine_ctx, qtbot)
    _answering(page, monkeypatch, (RIGHT, True))

    _sync(page, mine_ctx, qtbot)

    assert page.report is not None
    assert "OS 키 저장소가 없어" in page.summary.text()


def test_the_dialog_masks_the_password_remembers_by_default_and_needs_a_password(
    mine_ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = HubPasswordDialog(HUB + "?password=typed-before", "로그인 거부", None)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.remember.isChecked() and dialog.remember.text() == "이 노트북에 기억"
    assert not any("typed-before" in label.text() for label in dialog.findChildren(QLabel))
    dialog.accept()
    assert dialog.isVisible() is False and dialog.answer() is None  # no password, no answer
    dialog.password.setText(RIGHT)
    dialog.remember.setChecked(False)
    dialog.accept()
    assert dialog.answer() == (RIGHT, False)


def test_the_page_opens_the_real_dialog_retries_with_what_was_typed_and_screenshots_it(
    mine_ctx: AppContext,
    qtbot: QtBot,
    fake_server: list[str | None],
    hub_keyring: MemoryKeyring,  # noqa: F811
    translations: Translations,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    page = _page(mine_ctx, qtbot)
    folder = screenshot_folder(tmp_path_factory)
    shots: list[Path] = []

    def type_into_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HubPasswordDialog):
            QTimer.singleShot(20, type_into_dialog)
            return
        dialog.password.setText(RIGHT)
        shots.append(save_screenshot(dialog, folder, "sync_hub_password", "ko", (300, 120)))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(0, type_into_dialog)
    _sync(page, mine_ctx, qtbot)

    assert page.report is not None and fake_server == [None, RIGHT]
    assert len(shots) == 1 and shots[0].exists()
    assert pg_password.stored_password(HUB) == RIGHT
