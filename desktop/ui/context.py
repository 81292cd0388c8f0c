"""What every page needs, built once by the composition root and passed in explicitly."""

from __future__ import annotations

import getpass
from datetime import date, datetime
from pathlib import Path

from desktop.core.records import Actor
from desktop.core.settings import Settings, save_settings
from desktop.store import reference
from desktop.store.db import Database
from desktop.store.opening import get_meta, set_meta
from desktop.ui.drafts import DraftStore
from desktop.ui.events import AppEvents
from desktop.ui.i18n import Translations
from desktop.ui.labels import Labels
from desktop.ui.ui_state import UiState
from desktop.ui.worker import Workers

# Settings mirrored into the store's meta table, which the command line reads (cli.actor_for).
_META_KEYS = {
    "user_name": "user_name",
    "agency_id": "user_agency",
    "role": "user_role",
    "device_name": "device_name",
    "number_prefix": "number_prefix",
}


class AppContext:
    """The store, settings, signals, workers, drafts and window state of one running app.

    State: the GUI thread's :class:`Database`, the current :class:`Settings` (replaced on
    save), the settings file path, and a cache of :class:`Labels` per language.
    """

    def __init__(
        self,
        db: Database,
        settings: Settings,
        settings_file: Path,
        events: AppEvents,
        workers: Workers,
        drafts: DraftStore,
        ui_state: UiState,
    ) -> None:
        self.db = db
        self.settings = settings
        self.settings_file = settings_file
        self.events = events
        self.workers = workers
        self.drafts = drafts
        self.ui_state = ui_state
        self._labels: dict[tuple[str, date], Labels] = {}
        self.demo_note = ""
        self.translations: Translations | None = None

    @property
    def lang(self) -> str:
        return self.settings.language

    @property
    def db_path(self) -> Path:
        return self.db.path

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()

    def actor(self) -> Actor:
        name = self.settings.user_name or get_meta(self.db, "user_name") or _login_name()
        return Actor(
            name=name,
            agency_id=self.settings.agency_id,
            role=self.settings.role,
            device=self.settings.device_name,
        )

    def labels(self) -> Labels:
        key = (self.lang, self.today())
        ref = reference.reference_data(self.db)
        cached = self._labels.get(key)
        if cached is None or cached.ref is not ref:
            cached = self._labels[key] = Labels(ref, self.lang, self.today())
        return cached

    def update_settings(self, new: Settings) -> None:
        """Save new settings, mirror who-am-I into the store, and tell everyone."""
        old = self.settings
        if new == old:
            return
        save_settings(new, self.settings_file)
        self.settings = new
        for option, key in _META_KEYS.items():
            value = str(getattr(new, option))
            if value != str(getattr(old, option)):
                set_meta(self.db, key, value)
        self.events.settings_changed.emit()
        if new.current_session_id != old.current_session_id:
            self.events.session_opened.emit(new.current_session_id)
        if new.language != old.language:
            self.events.language_changed.emit(new.language)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "상담원"
