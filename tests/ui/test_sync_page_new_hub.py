"""The sync page, pointed at a folder that holds no team hub (the stick got another drive letter, the
share is not mounted), asks before making it a new hub: No (the default) leaves the folder
untouched, Yes makes the hub and the summary says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shots import save_screenshot, screenshot_folder
from sync_team import Team
from test_sync_page import _page, _sync

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.store import firms
from desktop.sync.engine import sync_with_hub
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.pages.sync.page import SyncPage

MakeCtx = Callable[..., AppContext]
Seen = list[QMessageBox]


@pytest.fixture
def mine_ctx(sync_team: Team, make_ctx: MakeCtx) -> AppContext:
    ctx = make_ctx(sync_team.mine, device_name="노트북1", role="coordinator")
    ctx.update_settings(ctx.settings.with_changes(sync_hub=str(sync_team.hub)))
    return ctx


def _answer(page: SyncPage, answer: Callable[[QMessageBox], None]) -> Seen:
    """When the page's new-hub question opens, record it and answer it with ``answer``."""
    seen: Seen = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "syncNewHubQuestion":
            QTimer.singleShot(20, poll)
            return
        seen.append(box)
        answer(box)

    QTimer.singleShot(0, poll)
    return seen


def _unsent_change(t: Team, ctx: AppContext) -> str:
    firm_id, _ = firms.add_firm(t.mine, firms.NewFirm(brn="1248100998", name="광양철강"), ctx.actor())
    return firm_id


def test_a_folder_without_a_hub_is_questioned_and_enter_keeps_it_untouched(
    sync_team: Team,
    mine_ctx: AppContext,
    qtbot: QtBot,
    tmp_path: Path,
    translations: Translations,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    _unsent_change(sync_team, mine_ctx)
    wrong = tmp_path / "F-드라이브"
    wrong.mkdir()
    page = _page(mine_ctx, qtbot)
    page.hub.setText(str(wrong))
    folder = screenshot_folder(tmp_path_factory)
    shots: list[Path] = []

    def press_enter(box: QMessageBox) -> None:
        box.resize(box.sizeHint())
        shots.append(save_screenshot(box, folder, "sync_new_hub_question", "ko", (250, 120)))
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default answer: No

    seen = _answer(page, press_enter)
    _sync(page, mine_ctx, qtbot)

    (box,) = seen
    assert "이 폴더에는 팀 허브가 없습니다" in box.text() and str(wrong) in box.text()
    assert "이 폴더를 새 허브로 만들까요?" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert shots and shots[0].exists()
    assert page.report is None and list(wrong.iterdir()) == [], "nothing written to the wrong folder"
    assert "팀 허브가 없습니다" in page.error.text() and page.sync_button.isEnabled()


def test_yes_makes_the_folder_a_new_hub_the_summary_says_so_and_the_next_sync_does_not_ask(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    firm_id = _unsent_change(sync_team, mine_ctx)
    stick = tmp_path / "새 USB"
    page = _page(mine_ctx, qtbot)
    page.hub.setText(str(stick))

    seen = _answer(page, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    _sync(page, mine_ctx, qtbot)

    assert len(seen) == 1
    assert page.report is not None and page.report.new_hub and page.report.sent == 1
    assert "새 허브로 만들었습니다" in page.summary.text() and str(stick) in page.summary.text()
    assert (stick / "onestop-hub.json").exists()
    assert sync_with_hub(sync_team.other, stick).received == 1, "the other laptop syncs through it"
    assert firms.get_firm(sync_team.other, firm_id).name == "광양철강"

    monkeypatch.setattr(page, "ask_new_hub", lambda hub: pytest.fail(f"asked again about {hub}"))
    _sync(page, mine_ctx, qtbot)
    assert page.report is not None and not page.report.new_hub
    assert "새 허브" not in page.summary.text()


def test_agreeing_once_does_not_make_the_next_missing_folder_a_hub(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(mine_ctx, qtbot)
    asked: list[str] = []
    answers = iter([True, False])

    def ask(hub: str) -> bool:
        asked.append(hub)
        return next(answers)

    monkeypatch.setattr(page, "ask_new_hub", ask)
    page.hub.setText(str(tmp_path / "stick"))
    _sync(page, mine_ctx, qtbot)
    (tmp_path / "stick" / "onestop-hub.json").unlink()  # the same path, but the stick is another one now
    _sync(page, mine_ctx, qtbot)

    assert asked == [str(tmp_path / "stick")] * 2
    assert page.report is None and not (tmp_path / "stick" / "onestop-hub.json").exists()


def test_a_database_without_a_hub_is_questioned_as_a_database(mine_ctx: AppContext, qtbot: QtBot) -> None:
    page = _page(mine_ctx, qtbot)
    box = page.new_hub_question("postgresql://onestop_hub:secret@hub.example.kr/onestop_hub")
    assert "이 데이터베이스에는 팀 허브가 없습니다" in box.text() and "데이터베이스를 새 허브로" in box.text()
    assert "hub.example.kr/onestop_hub" in box.text() and "secret" not in box.text()
    assert "USB" not in box.text()


def test_a_join_code_on_a_folder_without_a_hub_is_questioned_too(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = _page(mine_ctx, qtbot)
    wrong = tmp_path / "F-drive"
    page.hub.setText(str(wrong))
    seen = _answer(page, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))  # No
    qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=20_000)
    assert len(seen) == 1 and not wrong.exists(), "no hub and no invite on the wrong folder"

    seen = _answer(page, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "<b>" in page.summary.text(), timeout=20_000)
    assert len(seen) == 1 and (wrong / "onestop-hub.json").exists()
