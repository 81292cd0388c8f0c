"""The recovery key in the GUI: saved from Settings, a reminder until it is, and 복구 키 입력 at start."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shots import save_screenshot

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from desktop import app
from desktop.core.settings import load_settings, settings_path
from desktop.store import audit, dbkey, recovery_key
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.settings import dialogs
from desktop.ui.pages.settings.dialogs import RecoveryKeyDialog
from desktop.ui.pages.settings.encryption import StoreKeyBox
from desktop.ui.pages.settings.page import SettingsPage
from tests.store.memory_keyring import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 - fixtures


@pytest.fixture
def key() -> bytes:
    return dbkey.new_key()


@pytest.fixture
def encrypted_db(tmp_path: Path, key: bytes) -> Iterator[Database]:
    db = open_store(tmp_path / "onestop.db", key=key)
    yield db
    db.close()


@pytest.fixture
def encrypted_ctx(encrypted_db: Database, make_ctx: Callable[..., AppContext]) -> AppContext:
    return make_ctx(encrypted_db)


def _audit_texts(db: Database) -> list[str]:
    return [repr(e) for e in audit.entries(db, 1000)]


# --- Settings: save the recovery-key file ---------------------------------------------------------


def test_saving_the_recovery_file_writes_the_key_audits_without_it_and_is_remembered(
    encrypted_ctx: AppContext, key: bytes, tmp_path: Path, qtbot: QtBot
) -> None:
    box = StoreKeyBox(encrypted_ctx)
    qtbot.addWidget(box)
    assert box.save_button.isEnabled() and "아직" in box.saved.text()
    target = tmp_path / "usb" / "복구키.txt"
    assert box.save_to(target)
    assert recovery_key.read_key_file(target) == key
    assert str(encrypted_ctx.db_path) in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["복구키.txt"]  # no scratch left
    saved = audit.entries(encrypted_ctx.db, 10, recovery_key.AUDIT_SAVED)
    assert [(e.action, e.target, e.actor) for e in saved] == [
        (recovery_key.AUDIT_SAVED, str(target), "김상담")
    ]
    grouped_digits = recovery_key.grouped(key).split()
    for text in _audit_texts(encrypted_ctx.db):
        assert key.hex() not in text and grouped_digits[0] + " " + grouped_digits[1] not in text
    on_disk = load_settings(encrypted_ctx.settings_file)
    assert on_disk.recovery_key_saved_for == recovery_key.fingerprint(key)
    assert key.hex() not in encrypted_ctx.settings_file.read_text(encoding="utf-8")
    assert str(target) in box.saved.text()


def test_a_failed_write_leaves_the_old_file_and_records_nothing(
    encrypted_ctx: AppContext, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = StoreKeyBox(encrypted_ctx)
    qtbot.addWidget(box)
    target = tmp_path / "key.txt"
    target.write_text("old copy", encoding="utf-8")

    def half_then_fail(self: Path, text: str, encoding: str | None = None) -> int:
        with open(self, "w", encoding=encoding) as fh:
            fh.write(text[: len(text) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", half_then_fail)
    assert not box.save_to(target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old copy"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert audit.entries(encrypted_ctx.db, 10, recovery_key.AUDIT_SAVED) == []
    assert "No space left" in box.error.text()
    assert encrypted_ctx.settings.recovery_key_saved_for == ""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_plain_store_says_once_why_it_is_plain_and_offers_no_key(
    lang: str,
    db: Database,
    make_ctx: Callable[..., AppContext],
    translations: Translations,
    qtbot: QtBot,
) -> None:
    translations.install(lang)
    page = SettingsPage(make_ctx(db, language=lang))
    qtbot.addWidget(page)
    assert not page.key_box.save_button.isEnabled()
    ko, en = dbkey.plain_reason()
    # The reason already says the store is plain; a headline before it said it twice.
    assert page.key_box.state.text() == (en if lang == "en" else ko)


def test_saving_the_key_keeps_what_is_being_typed_in_the_settings_form(
    encrypted_ctx: AppContext, tmp_path: Path, qtbot: QtBot
) -> None:
    page = SettingsPage(encrypted_ctx)
    qtbot.addWidget(page)
    page.user_name.setText("박코디")
    assert page.key_box.save_to(tmp_path / "key.txt")
    assert page.user_name.text() == "박코디" and encrypted_ctx.settings.user_name == "김상담"
    assert "저장했습니다" in page.key_box.saved.text()
    encrypted_ctx.update_settings(encrypted_ctx.settings.with_changes(user_name="이관리"))
    assert page.user_name.text() == "박코디"  # still unsaved typing: not overwritten
    page.load()
    encrypted_ctx.update_settings(encrypted_ctx.settings.with_changes(device_name="laptop-9"))
    assert page.device_name.text() == "laptop-9"  # nothing typed: the form follows the settings


# --- The reminder -------------------------------------------------------------------------------


def test_the_reminder_shows_for_an_encrypted_store_until_its_key_is_saved(
    encrypted_ctx: AppContext, tmp_path: Path, qtbot: QtBot
) -> None:
    window = MainWindow(encrypted_ctx)
    qtbot.addWidget(window)
    assert window.key_reminder.isVisibleTo(window)
    window.key_reminder.click()
    settings_page = window.stack.currentWidget()
    assert isinstance(settings_page, SettingsPage)
    assert settings_page.key_box.save_to(tmp_path / "key.txt")
    assert not window.key_reminder.isVisibleTo(window)
    encrypted_ctx.workers.wait_all(10_000)


def test_no_reminder_on_a_plain_store(
    db: Database, make_ctx: Callable[..., AppContext], qtbot: QtBot
) -> None:
    ctx = make_ctx(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not window.key_reminder.isVisibleTo(window)
    ctx.workers.wait_all(10_000)


# --- At start: 복구 키 입력 ---------------------------------------------------------------------


@pytest.fixture
def lost_key_store(tmp_path: Path, key: bytes) -> Path:
    """An encrypted store (demo-free) whose key is not on this computer."""
    path = tmp_path / "copied" / "onestop.db"
    path.parent.mkdir()
    open_store(path, key=key).close()
    return path


def _start(
    path: Path, tmp_path: Path, answer: Callable[[RecoveryKeyDialog], None], mp: pytest.MonkeyPatch
) -> int:
    """``app.run`` on ``path``; ``answer`` plays the user in the recovery dialog; no event loop."""
    shown: list[str] = []
    mp.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def close_at_once(self: QApplication) -> int:
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    mp.setattr(QApplication, "exec", close_at_once)

    def exec_dialog(dialog: RecoveryKeyDialog) -> int:
        answer(dialog)
        return int(dialog.result())

    mp.setattr(RecoveryKeyDialog, "exec", exec_dialog)
    code = app.run(["--db", str(path), "--config-dir", str(tmp_path / "config"), "--lang", "ko", "--no-demo"])
    assert shown == []
    return code


def _recovered_entries(path: Path, key: bytes) -> list[audit.AuditEntry]:
    db = open_store(path, key=key)
    try:
        return audit.entries(db, 10, recovery_key.AUDIT_RECOVERED)
    finally:
        db.close()


def test_a_wrong_key_is_refused_and_the_right_one_typed_with_spaces_opens_the_store(
    lost_key_store: Path,
    key: bytes,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = hashlib.sha256(lost_key_store.read_bytes()).hexdigest()
    seen: dict[str, object] = {}

    def user(dialog: RecoveryKeyDialog) -> None:
        dialog.key_edit.setPlainText(dbkey.new_key().hex())
        dialog.accept()
        seen["after_wrong"] = (dialog.result(), dialog.error.text(), dict(memory_keyring.passwords))
        seen["file_after_wrong"] = hashlib.sha256(lost_key_store.read_bytes()).hexdigest()
        dialog.key_edit.setPlainText(" " + recovery_key.grouped(key).replace("\n", " - ") + " ")
        dialog.accept()

    assert _start(lost_key_store, tmp_path, user, monkeypatch) == 0
    result, error, passwords = seen["after_wrong"]  # type: ignore[misc]
    assert result == QDialog.DialogCode.Rejected and "열 수 없습니다" in error and passwords == {}
    assert seen["file_after_wrong"] == before
    assert dbkey.saved_key() == key
    entries = _recovered_entries(lost_key_store, key)
    assert (
        len(entries) == 1 and entries[0].detail == "kept in the OS keyring" and key.hex() not in str(entries)
    )
    settings = load_settings(settings_path(tmp_path / "config"))
    assert settings.recovery_key_saved_for == recovery_key.fingerprint(key)


def test_the_recovery_file_opens_the_store(
    lost_key_store: Path,
    key: bytes,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import datetime

    kept = tmp_path / "usb" / "key.txt"
    kept.parent.mkdir()
    kept.write_text(recovery_key.recovery_text(key, lost_key_store, datetime(2026, 1, 2)), encoding="utf-8")
    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", lambda *a, **k: (str(kept), ""))
    assert _start(lost_key_store, tmp_path, lambda d: d.open_file_button.click(), monkeypatch) == 0
    assert dbkey.saved_key() == key


def test_without_a_keyring_the_key_opens_this_session_only(
    lost_key_store: Path,
    key: bytes,
    tmp_path: Path,
    no_keyring: None,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes: list[str] = []

    def user(dialog: RecoveryKeyDialog) -> None:
        assert dialog.keyring_note.isVisibleTo(dialog) and "ONESTOP_DB_KEY" in dialog.keyring_note.text()
        dialog.key_edit.setPlainText(key.hex())
        dialog.accept()
        notes.append(dialog.note())

    assert _start(lost_key_store, tmp_path, user, monkeypatch) == 0
    assert "다음에도" in notes[0]
    assert dbkey.saved_key() is None
    assert _recovered_entries(lost_key_store, key)[0].detail == "this session only (no keyring)"


def test_giving_up_leaves_the_store_untouched(
    lost_key_store: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = hashlib.sha256(lost_key_store.read_bytes()).hexdigest()
    problems: list[str] = []

    def give_up(dialog: RecoveryKeyDialog) -> None:
        problems.append(dialog.findChild(QLabel, "recoveryProblem").text())
        dialog.reject()

    assert _start(lost_key_store, tmp_path, give_up, monkeypatch) == 1
    assert "ONESTOP_DB_KEY" in problems[0] and "변경하지 않았습니다" in problems[0]
    assert hashlib.sha256(lost_key_store.read_bytes()).hexdigest() == before
    assert memory_keyring.passwords == {}


# --- Screenshots --------------------------------------------------------------------------------


def test_screenshot_the_encryption_section_and_the_recovery_dialog(
    encrypted_ctx: AppContext,
    lost_key_store: Path,
    qtbot: QtBot,
    screenshot_dir: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the fixture
) -> None:
    window = MainWindow(encrypted_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("settings")
    save_screenshot(window, screenshot_dir, "settings_encryption", "ko", (1000, 600), encrypted_ctx)
    problem = "이 컴퓨터의 키로 데이터베이스를 열 수 없습니다 (예시)."
    dialog = RecoveryKeyDialog(lost_key_store, problem, "ko")
    qtbot.addWidget(dialog)
    dialog.key_edit.setPlainText("3f9a 0c12")
    dialog.accept()
    dialog.show()
    save_screenshot(dialog, screenshot_dir, "recovery_key_dialog", "ko", (500, 250))
