"""The sync page: team setup, a sync with progress/cancel/summary, the conflicts inbox, the merge queue,
and the unsent-changes count in the status bar."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sync_team import OTHER, PASSPHRASE, Team, conflicting_edits, shared_case

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QLabel

from desktop.core.settings import load_settings
from desktop.store import cases, firms, sync_meta
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync import team
from desktop.sync.conflicts import list_conflicts
from desktop.sync.engine import sync_with_hub
from desktop.sync.hubs.base import HubWriteError
from desktop.sync.hubs.folder import FolderHub
from desktop.sync.merge_queue import merge_candidates
from desktop.ui.context import AppContext
from desktop.ui.main_window import SYNC_SHORTCUT, MainWindow
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.models.conflict_table_model import ConflictTableModel
from desktop.ui.models.merge_queue_table_model import MergeQueueTableModel
from desktop.ui.pages.cases.page import CasesPage
from desktop.ui.pages.sync import actions
from desktop.ui.pages.sync.page import SyncPage
from desktop.ui.widgets.team_form import CREATE, JOIN

MakeCtx = Callable[..., AppContext]
MINE = "A 노트북이 고친 내용: 중간예납 납부기한 연장"
THEIRS = "B 노트북이 고친 내용: 세무조사 유예 함께 문의"


@pytest.fixture
def mine_ctx(sync_team: Team, make_ctx: MakeCtx) -> AppContext:
    ctx = make_ctx(sync_team.mine, device_name="노트북1", role="coordinator")
    ctx.update_settings(ctx.settings.with_changes(sync_hub=str(sync_team.hub)))
    return ctx


def _page(ctx: AppContext, qtbot: QtBot) -> SyncPage:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    _settle(ctx, qtbot)
    return page


def _settle(ctx: AppContext, qtbot: QtBot) -> None:
    """Wait until every background job finished and its result was shown."""
    qtbot.waitUntil(lambda: not ctx.workers.busy, timeout=20_000)


def _sync(page: SyncPage, ctx: AppContext, qtbot: QtBot) -> None:
    page.report = None
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None or bool(page.error.text()), timeout=20_000)
    _settle(ctx, qtbot)


def _window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def _conflict_on_both(t: Team, ctx: AppContext) -> str:
    case_id = shared_case(t, ctx.actor())
    conflicting_edits(t, case_id, ctx.actor(), MINE, THEIRS)
    return case_id


def test_sync_shows_the_summary_and_the_conflict_with_both_values(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _conflict_on_both(sync_team, mine_ctx)
    page = _page(mine_ctx, qtbot)
    assert "순천 현장지원단" in page.team_label.text() and "노트북1" in page.team_label.text()
    assert page.hub.text() == str(sync_team.hub)
    stages: list[str] = []
    show_stage = page._set_stage
    monkeypatch.setattr(page, "_set_stage", lambda text: (stages.append(text), show_stage(text)))

    _sync(page, mine_ctx, qtbot)

    assert {
        "1/3 허브에서 받는 중",
        "2/3 받은 변경을 적용하는 중",
        "3/3 이 노트북의 변경을 묶어 보내는 중",
    } <= set(stages)
    assert not page.stage_label.isVisibleTo(page)  # cleared when done

    report = page.report
    assert report is not None and not page.error.text()
    assert report.sent == 1 and report.received >= 1 and report.new_conflicts == 1
    summary = page.summary.text()
    assert "보냄 1묶음" in summary and f"받음 {report.received}묶음" in summary and "새 충돌 1건" in summary
    assert page.tabs.tabText(0) == "충돌 (1)"
    model = page.conflicts.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[ConflictTableModel.COL_FIELD] == "내용"
    assert {row[ConflictTableModel.COL_VALUE_1], row[ConflictTableModel.COL_VALUE_2]} == {MINE, THEIRS}
    assert "노트북1" in row[ConflictTableModel.COL_WHO_1] + row[ConflictTableModel.COL_WHO_2]
    assert f"{OTHER.name} (노트북2)" in row[ConflictTableModel.COL_WHO_1] + row[ConflictTableModel.COL_WHO_2]
    assert len(page.conflicts.keep_buttons) == 2
    assert "노트북2" in page.team_label.text()  # the other laptop, learnt from the hub
    assert mine_ctx.ui_state.value("sync/last")


def test_keeping_one_value_resolves_it_here_and_on_the_other_laptop_after_a_sync(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    case_id = _conflict_on_both(sync_team, mine_ctx)
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)
    conflict = page.conflicts.current()
    assert conflict is not None
    theirs = next(n for n, v in enumerate(conflict.values) if v.value == THEIRS)
    resolved: list[str] = []
    mine_ctx.events.conflict_resolved.connect(resolved.append)

    qtbot.mouseClick(page.conflicts.keep_buttons[theirs], Qt.MouseButton.LeftButton)
    _settle(mine_ctx, qtbot)

    assert resolved == [conflict.id]
    assert list_conflicts(sync_team.mine) == []
    assert cases.get_case(sync_team.mine, case_id).text == THEIRS
    assert page.conflicts.model.rowCount() == 0 and page.conflicts.empty.isVisibleTo(page)
    assert page.tabs.tabText(0) == "충돌 (0)"

    _sync(page, mine_ctx, qtbot)
    sync_team.other_syncs()
    assert list_conflicts(sync_team.other) == []
    assert cases.get_case(sync_team.other, case_id).text == THEIRS


def test_edit_resolves_with_a_merged_text(sync_team: Team, mine_ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _conflict_on_both(sync_team, mine_ctx)
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)
    conflict = page.conflicts.current()
    assert conflict is not None and page.conflicts.edit_button.isEnabled()
    merged = f"{MINE} / {THEIRS}"

    assert page.conflicts.edit(conflict, merged)
    _settle(mine_ctx, qtbot)

    assert cases.get_case(sync_team.mine, case_id).text == merged
    assert page.conflicts.model.rowCount() == 0


MY_ADDRESS = "전남 순천시 산단로 12"
THEIR_ADDRESS = "전남 순천시 해룡면 율촌산단4로 5"


def test_a_conflicting_address_is_masked_in_the_inbox_and_keeping_one_keeps_it_in_full(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    firm_id = cases.get_case(sync_team.mine, shared_case(sync_team, mine_ctx.actor())).firm_id
    firms.update_firm(sync_team.mine, firm_id, {"address": MY_ADDRESS}, mine_ctx.actor())
    firms.update_firm(sync_team.other, firm_id, {"address": THEIR_ADDRESS}, OTHER)
    sync_team.other_syncs()
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)
    model = page.conflicts.model
    assert model.rowCount() == 1
    values = (ConflictTableModel.COL_VALUE_1, ConflictTableModel.COL_VALUE_2)
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        shown = {model.data(model.index(0, c), role) for c in values}
        assert shown == {"전남 순천시 ***"}, role
    layout = page.conflicts.cards  # the selected conflict's cards (older ones may await deletion)
    cards = [layout.itemAt(n).widget().findChild(QLabel, f"conflictValueText{n}") for n in range(2)]
    assert layout.count() == 2
    assert len(cards) == 2 and all(card.text() == "전남 순천시 ***" for card in cards)
    conflict = page.conflicts.current()
    assert conflict is not None
    theirs = next(n for n, v in enumerate(conflict.values) if v.value == THEIR_ADDRESS)

    qtbot.mouseClick(page.conflicts.keep_buttons[theirs], Qt.MouseButton.LeftButton)
    _settle(mine_ctx, qtbot)

    assert list_conflicts(sync_team.mine) == []
    assert firms.get_firm(sync_team.mine, firm_id).address == THEIR_ADDRESS


def test_cancel_stops_a_sync(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_case(sync_team, mine_ctx.actor())
    cases.set_fields(sync_team.other, _any_case(sync_team.other), {"assignee": "박세무"}, OTHER)
    sync_team.other_syncs()
    real = actions.sync_with_hub
    started = threading.Event()

    def wait_for_cancel(db: Database, hub: str, progress: Any, cancel: Callable[[], bool], **kw: Any) -> Any:
        started.set()
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(db, hub, progress, cancel, **kw)

    monkeypatch.setattr(actions, "sync_with_hub", wait_for_cancel)
    page = _page(mine_ctx, qtbot)
    page.start_sync()
    assert page.job_bar.cancel_button.isVisible() or page.job_bar.busy
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.mouseClick(page.job_bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    _settle(mine_ctx, qtbot)

    assert page.report is not None and page.report.cancelled
    assert page.report.received == 0
    assert "취소" in page.job_bar.label.text()
    assert page.sync_button.isEnabled()


def _any_case(db: Database) -> str:
    return str(db.scalar("SELECT id FROM cases LIMIT 1"))


def test_another_teams_hub_gives_a_clear_message(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, tmp_path: Path, template_db: Path
) -> None:
    stranger = tmp_path / "stranger.db"
    stranger.write_bytes(template_db.read_bytes())
    other_db = open_store(stranger)
    team.create_team(other_db, tmp_path / "other-hub", name="다른 팀", device_name="남의 노트북")
    other_db.close()
    page = _page(mine_ctx, qtbot)
    page.hub.setText(str(tmp_path / "other-hub"))

    _sync(page, mine_ctx, qtbot)

    assert page.report is None
    message = page.error.text()
    assert "다른 팀" in message or "팀" in message
    assert "Traceback" not in message and "Error:" not in message
    assert page.sync_button.isEnabled()


def test_a_hub_that_refuses_writes_is_named_in_the_summary(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_case(sync_team, mine_ctx.actor())
    cases.set_fields(sync_team.mine, _any_case(sync_team.mine), {"assignee": "박세무"}, mine_ctx.actor())

    def full(self: FolderHub, *args: object) -> None:
        raise HubWriteError("No space left on device")

    monkeypatch.setattr(FolderHub, "write_bundle", full)
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)

    assert page.report is not None and page.report.sent == 0
    assert "읽기 전용" in page.error.text()
    assert page.skipped.isVisibleTo(page) and page.skipped.count() >= 1
    assert "No space left" in page.skipped.item(0).text()


def test_passphrase_is_asked_when_the_keys_are_locked(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_case(sync_team, mine_ctx.actor())
    monkeypatch.delenv("ONESTOP_PASSPHRASE")
    page = _page(mine_ctx, qtbot)
    asked: list[str] = []

    def answer(why: str) -> str:
        asked.append(why)
        return PASSPHRASE

    monkeypatch.setattr(page, "ask_passphrase", answer)
    cases.set_fields(sync_team.mine, _any_case(sync_team.mine), {"assignee": "박세무"}, mine_ctx.actor())
    _sync(page, mine_ctx, qtbot)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)

    assert len(asked) == 1 and "암호 문구" in asked[0]
    assert page.report is not None and page.report.sent == 1
    _sync(page, mine_ctx, qtbot)
    assert len(asked) == 1  # remembered for the session


def test_a_laptop_without_a_team_can_create_one(
    db: Database, make_ctx: MakeCtx, qtbot: QtBot, tmp_path: Path, cheap_keys: None
) -> None:
    ctx = make_ctx(db, device_name="코디네이터-노트북")
    page = _page(ctx, qtbot)
    assert page.create_button.isVisibleTo(page) and page.join_button.isVisibleTo(page)
    assert not page.sync_button.isEnabled()
    assert "팀에 속하지 않습니다" in page.team_label.text()

    dialog = page.open_team_dialog(CREATE)
    dialog.form.hub.setText(str(tmp_path / "usb" / "onestop"))
    dialog.form.team_name.setText("광양 현장지원단")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    _settle(ctx, qtbot)

    joined = sync_meta.get_team(db)
    assert joined is not None and joined.name == "광양 현장지원단"
    assert joined.device_name == "코디네이터-노트북"
    assert dialog.membership is not None and dialog.membership.join_code in page.summary.text()
    assert load_settings(ctx.settings_file).sync_hub == str(tmp_path / "usb" / "onestop")
    assert page.invite_button.isVisibleTo(page) and not page.create_button.isVisibleTo(page)
    assert page.sync_button.isEnabled()


def test_joining_with_a_wrong_code_keeps_the_dialog_open(
    db: Database, make_ctx: MakeCtx, qtbot: QtBot, sync_team: Team
) -> None:
    ctx = make_ctx(db, device_name="노트북3")
    page = _page(ctx, qtbot)
    dialog = page.open_team_dialog(JOIN)
    dialog.form.hub.setText(str(sync_team.hub))
    dialog.form.code.setText("WRONG-CODE-0000")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=20_000)
    assert dialog.isVisible() and "참여 코드" in dialog.error.text()
    assert sync_meta.get_team(db) is None

    dialog.form.code.setText(team.new_invite(sync_team.mine, sync_team.hub))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    joined = sync_meta.get_team(db)
    assert joined is not None and joined.device_name == "노트북3"


def test_duplicate_firms_from_two_laptops_wait_in_the_merge_queue(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    firms.add_firm(sync_team.mine, firms.NewFirm(brn="1248100998", name="광양철강"), mine_ctx.actor())
    firms.add_firm(sync_team.other, firms.NewFirm(brn="1248100998", name="(주)광양철강"), OTHER)
    sync_team.other_syncs()
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)
    opened: list[str] = []
    mine_ctx.events.firm_open_requested.connect(opened.append)

    assert page.tabs.tabText(1) == "중복 기업 (1)"
    model = page.merge_queue.model
    assert model.data(model.index(0, MergeQueueTableModel.COL_COUNT)) == "2"
    assert "1곳" in page.merge_queue.summary.text()
    qtbot.mouseClick(page.merge_queue.merge_button, Qt.MouseButton.LeftButton)
    assert opened == [merge_candidates(sync_team.mine)[0].suggested_keep.id]  # the older one


def test_inbox_models_are_well_behaved(
    qtmodeltester: Any, sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    _conflict_on_both(sync_team, mine_ctx)
    firms.add_firm(sync_team.other, firms.NewFirm(brn="1248100998", name="(주)광양철강"), OTHER)
    sync_team.other_syncs()
    page = _page(mine_ctx, qtbot)
    _sync(page, mine_ctx, qtbot)
    assert page.conflicts.model.rowCount() == 1 and page.merge_queue.model.rowCount() == 1
    qtmodeltester.check(page.conflicts.model, force_py=True)
    qtmodeltester.check(page.merge_queue.model, force_py=True)


def test_status_bar_counts_unsent_changes_until_a_sync(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    case_id = shared_case(sync_team, mine_ctx.actor())
    window = _window(mine_ctx, qtbot)
    qtbot.waitUntil(lambda: window.unsynced == 0, timeout=10_000)
    assert window.sync_label.text() == "미동기화 변경: 0"

    cases.set_fields(sync_team.mine, case_id, {"assignee": "박세무"}, mine_ctx.actor())
    mine_ctx.events.case_changed.emit(case_id)
    qtbot.waitUntil(lambda: (window.unsynced or 0) > 0, timeout=10_000)
    assert window.sync_label.text() == f"미동기화 변경: {window.unsynced}"

    window.sync_now()
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    qtbot.waitUntil(lambda: window.unsynced == 0, timeout=10_000)


def test_sync_has_a_shortcut_in_the_file_menu(mine_ctx: AppContext, qtbot: QtBot) -> None:
    window = _window(mine_ctx, qtbot)
    assert window.sync_action.shortcut() == QKeySequence(SYNC_SHORTCUT)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.sync_action in file_menu.actions()  # type: ignore[union-attr]
    others = [
        a.shortcut() for a in window.findChildren(type(window.sync_action)) if a is not window.sync_action
    ]
    assert QKeySequence(SYNC_SHORTCUT) not in others


def _first_case_state(model: CaseTableModel) -> tuple[str, object]:
    """The sync state of the first listed case, and its tooltip in the number column."""
    index = model.index(0, CaseTableModel.COL_NUMBER)
    return model.data(index, CaseTableModel.SyncStateRole), model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_case_list_marks_an_edited_case_pending_until_a_sync(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot
) -> None:
    case_id = shared_case(sync_team, mine_ctx.actor())
    window = _window(mine_ctx, qtbot)
    window.show()
    page = window.show_page("cases")
    assert isinstance(page, CasesPage)
    assert _first_case_state(page.model) == ("synced", None)
    number = page.model.index(0, CaseTableModel.COL_NUMBER)
    blank = page.model.data(number, Qt.ItemDataRole.DecorationRole)

    cases.set_fields(sync_team.mine, case_id, {"assignee": "박세무"}, mine_ctx.actor())
    mine_ctx.events.case_changed.emit(case_id)
    qtbot.waitUntil(lambda: _first_case_state(page.model)[0] == "pending", timeout=10_000)
    assert "보내지 않은 변경" in str(_first_case_state(page.model)[1])
    dot = page.model.data(page.model.index(0, CaseTableModel.COL_NUMBER), Qt.ItemDataRole.DecorationRole)
    assert isinstance(dot, QIcon) and isinstance(blank, QIcon) and dot.cacheKey() != blank.cacheKey()

    window.sync_now()
    sync_page = window.page("sync")
    assert isinstance(sync_page, SyncPage)
    qtbot.waitUntil(lambda: sync_page.report is not None, timeout=20_000)
    window.show_page("cases")  # a hidden page reloads when shown again
    qtbot.waitUntil(lambda: _first_case_state(page.model)[0] == "synced", timeout=20_000)
    assert _first_case_state(page.model)[1] is None


def test_case_list_marks_a_conflicting_case(sync_team: Team, mine_ctx: AppContext, qtbot: QtBot) -> None:
    _conflict_on_both(sync_team, mine_ctx)
    sync_with_hub(sync_team.mine, sync_team.hub)
    model = CaseTableModel(sync_team.mine, mine_ctx.labels())
    assert _first_case_state(model)[0] == "conflict"
    assert "충돌" in str(_first_case_state(model)[1])
    assert model.fetches == 1  # one lookup per fetched page, not per data() call
    for _ in range(3):
        _first_case_state(model)
    assert model.fetches == 1


def test_case_list_marks_nothing_without_a_team(demo_db: Database, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(demo_db)
    model = CaseTableModel(demo_db, ctx.labels())
    assert model.rowCount() > 0
    assert _first_case_state(model) == ("", None)
    assert model.data(model.index(0, CaseTableModel.COL_NUMBER), Qt.ItemDataRole.DecorationRole) is None


def test_a_laptop_joins_with_a_key_file(
    db: Database, make_ctx: MakeCtx, qtbot: QtBot, sync_team: Team, tmp_path: Path
) -> None:
    key_file = tmp_path / "team.key"
    team.export_key_file(sync_team.mine, key_file)
    ctx = make_ctx(db, device_name="노트북4")
    page = _page(ctx, qtbot)
    dialog = page.open_team_dialog(JOIN)
    dialog.form.hub.setText(str(sync_team.hub))
    dialog.form.key_file.setText(str(key_file))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    _settle(ctx, qtbot)

    joined = sync_meta.get_team(db)
    assert joined is not None and joined.name == "순천 현장지원단"
    assert "노트북4" in page.summary.text()


def test_a_new_join_code_lets_the_next_laptop_in(
    sync_team: Team, mine_ctx: AppContext, qtbot: QtBot, template_db: Path, tmp_path: Path
) -> None:
    page = _page(mine_ctx, qtbot)
    assert page.invite_button.isVisibleTo(page)
    qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "<b>" in page.summary.text(), timeout=20_000)
    code = page.summary.text().split("<b>")[1].split("</b>")[0]

    third_path = tmp_path / "third.db"
    third_path.write_bytes(template_db.read_bytes())
    third = open_store(third_path)
    try:
        assert team.join_team(third, sync_team.hub, device_name="노트북5", code=code).team_name
    finally:
        third.close()


def test_a_hub_url_is_remembered_without_its_password(mine_ctx: AppContext, qtbot: QtBot) -> None:
    page = _page(mine_ctx, qtbot)
    # Port 1 refuses at once: the sync fails, but the choice of hub is remembered first.
    page.hub.setText("postgresql://onestop:s3cret@127.0.0.1:1/hub")

    _sync(page, mine_ctx, qtbot)

    assert page.error.text()
    assert mine_ctx.settings.sync_hub == "postgresql://onestop@127.0.0.1:1/hub"
    assert "s3cret" not in mine_ctx.settings.sync_hub
    assert "s3cret" not in page.error.text()
