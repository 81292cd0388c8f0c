"""Composition root: parses the command line, opens the store, builds services and the main window."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.core.errors import RejectedInput
from desktop.core.settings import Settings, default_config_dir, load_settings, settings_path
from desktop.resources import resource
from desktop.store import audit, firms, queries
from desktop.store.backups import try_daily_backup
from desktop.store.db import DB_FILE_NAME, Database, default_db_path
from desktop.store.dbkey import KeyChoice
from desktop.store.opening import open_store, open_user_store
from desktop.store.recovery_key import AUDIT_RECOVERED, fingerprint
from desktop.ui.context import AppContext
from desktop.ui.drafts import DraftStore, drafts_path_for
from desktop.ui.events import AppEvents
from desktop.ui.host import WindowHost
from desktop.ui.i18n import Translations, register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.settings.dialogs import RecoveryKeyDialog, offers_recovery
from desktop.ui.pages.welcome.dialog import run_welcome
from desktop.ui.ui_state import UI_STATE_FILE_NAME, UiState
from desktop.ui.worker import Workers

DEMO_FIRMS = 60
DEMO_CASES = 300


@dataclass
class Options:
    """What the command line asked for."""

    db: str | None = None
    lang: str | None = None
    config_dir: str | None = None
    demo: bool = True


def parse_args(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(
        prog="onestop", description="원스톱 현장지원 데스크 / OneStop Field Desk"
    )
    parser.add_argument(
        "--db",
        help="database file (default: data folder from the settings, ONESTOP_DB, "
        "or the per-user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("ko", "en"), help="interface language (default: from the settings)"
    )
    parser.add_argument(
        "--config-dir", help="settings folder (default: ONESTOP_CONFIG_DIR or the user config dir)"
    )
    parser.add_argument("--no-demo", action="store_true", help="do not fill an empty database with demo data")
    args, _qt_args = parser.parse_known_args(argv)
    return Options(db=args.db, lang=args.lang, config_dir=args.config_dir, demo=not args.no_demo)


def resolve_db_path(explicit: str | None, settings: Settings) -> Path:
    """``--db``, then ``ONESTOP_DB``, then the data folder chosen in the settings, then the default."""
    if explicit or os.environ.get("ONESTOP_DB"):
        return default_db_path(explicit)
    if settings.data_dir:
        return Path(settings.data_dir) / DB_FILE_NAME
    return default_db_path(None)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once, high-DPI friendly) with the bundled Korean font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        register_fonts(existing)
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("onestop")
    QCoreApplication.setApplicationName("OneStop Field Desk")
    app = QApplication([sys.argv[0] if sys.argv else "onestop", *(argv or [])])
    app.setWindowIcon(QIcon(str(resource("icons", "onestop.png"))))
    register_fonts(app)
    return app


def seed_demo_if_empty(db: Database) -> str:
    """Fill a brand-new (no firms, no cases) store with a small demo; returns what was done."""
    if firms.count_firms(db) or queries.count_cases(db, queries.CaseFilter(include_deleted=True)):
        return ""
    from desktop.store.demo import load_demo_data

    try:
        written = load_demo_data(db, firms=DEMO_FIRMS, cases=DEMO_CASES, seed=1)
    except FileNotFoundError:
        return ""
    return QCoreApplication.translate(
        "App", "처음 시작: 데모 데이터(기업 {firms}개, 사례 {cases}건)를 넣었습니다. 데이터 위치: {path}"
    ).format(firms=DEMO_FIRMS, cases=written, path=db.path)


def build_context(
    db: Database, settings: Settings, config_dir: Path, translations: Translations
) -> AppContext:
    ctx = AppContext(
        db=db,
        settings=settings,
        settings_file=settings_path(config_dir),
        events=AppEvents(),
        workers=Workers(),
        drafts=DraftStore(drafts_path_for(db.path)),
        ui_state=UiState(config_dir / UI_STATE_FILE_NAME),
    )
    ctx.translations = translations
    return ctx


def build_main_window(
    db_path: Path, *, lang: str = "ko", config_dir: Path | None = None, seed_demo: bool = False
) -> MainWindow:
    """A main window over the store at ``db_path``, not shown (benchmarks, screenshots, tests).

    The window keeps its context in ``window.ctx`` (``ctx.db`` is the open store; close it
    when done).
    """
    app = ensure_app()
    config_dir = config_dir or db_path.parent / "config"
    settings = load_settings(settings_path(config_dir))
    if settings.language != lang:
        settings = settings.with_changes(language=lang)
    translations = Translations(app)
    translations.install(lang)
    db, _ = open_user_store(db_path)
    ctx = build_context(db, settings, config_dir, translations)
    if seed_demo:
        ctx.demo_note = seed_demo_if_empty(db)
    return MainWindow(ctx)


def _start_daily_backup(db: Database) -> None:
    """Today's backup (once a day, rotated) on its own connection, off the GUI thread."""

    def backup() -> None:
        copy = db.reopen()
        try:
            try_daily_backup(copy)
        finally:
            copy.close()

    threading.Thread(target=backup, name="daily-backup", daemon=True).start()


def _recovered(ctx: AppContext, recovery: RecoveryKeyDialog) -> None:
    """Audit the recovery and note it; the user holds this key in a file, so no reminder to save it."""
    recovered = recovery.recovered
    assert recovered is not None
    with ctx.db.transaction():
        audit.record(
            ctx.db,
            ctx.actor(),
            AUDIT_RECOVERED,
            str(ctx.db_path),
            detail="kept in the OS keyring" if recovered.kept else "this session only (no keyring)",
        )
    ctx.update_settings(ctx.settings.with_changes(recovery_key_saved_for=fingerprint(recovered.key)))
    note = recovery.note()
    if note:
        ctx.demo_note = note + "  " + ctx.demo_note


def run(argv: list[str]) -> int:
    """Start the GUI; returns the exit code."""
    options = parse_args(argv)
    app = ensure_app(argv)
    config_dir = Path(options.config_dir) if options.config_dir else default_config_dir()
    settings = load_settings(settings_path(config_dir))
    if options.lang and options.lang != settings.language:
        settings = settings.with_changes(language=options.lang)  # this run only; not saved
    translations = Translations(app)
    translations.install(settings.language)
    db_path = resolve_db_path(options.db, settings)
    recovery: RecoveryKeyDialog | None = None
    try:
        db, key_choice = open_user_store(db_path)
    except RejectedInput as exc:
        # A newer, damaged or foreign file, or an encrypted one this computer has no (right) key for:
        # the latter may be opened with its recovery key.
        if not offers_recovery(db_path):
            QMessageBox.critical(None, QCoreApplication.applicationName(), exc.message(settings.language))
            return 1
        recovery = RecoveryKeyDialog(db_path, exc.message(settings.language), settings.language)
        if recovery.exec() != QDialog.DialogCode.Accepted or recovery.recovered is None:
            return 1
        try:
            db = open_store(db_path, key=recovery.recovered.key)
        except RejectedInput as again:  # the key opens it, but it is newer or damaged
            QMessageBox.critical(None, QCoreApplication.applicationName(), again.message(settings.language))
            return 1
        key_choice = KeyChoice(recovery.recovered.key)
    _start_daily_backup(db)
    try:
        ctx = build_context(db, settings, config_dir, translations)
        welcome = run_welcome(ctx, seed_demo=lambda: seed_demo_if_empty(db) if options.demo else "")
        if welcome is not None:
            ctx.demo_note = welcome.note
        elif options.demo:
            ctx.demo_note = seed_demo_if_empty(db)
        if not ctx.demo_note:
            ctx.demo_note = QCoreApplication.translate("App", "데이터 위치: {path}").format(path=db.path)
        if key_choice.new_store and key_choice.key is None:
            ctx.demo_note += "  " + key_choice.note(settings.language)
        if recovery is not None:
            _recovered(ctx, recovery)
        host = WindowHost(ctx)
        host.window.show()
        code = app.exec()
        ctx.workers.wait_all()
        return int(code)
    finally:
        db.close()
