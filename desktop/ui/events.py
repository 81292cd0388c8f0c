"""The app-wide signals (one AppEvents object, passed explicitly to whoever needs it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance


class AppEvents(QObject):
    """Signals every part of the GUI may emit or listen to.

    Past tense for what happened (``case_added``), ``*_requested`` for asking another part of
    the window to do something (``case_open_requested``).
    """

    case_added = Signal(str)
    """A case was logged (case id)."""
    case_changed = Signal(str)
    """A case was edited, moved through the workflow or got a note/consent (case id)."""
    cases_changed = Signal()
    """Many cases changed at once (bulk action, demo data, merge): lists reload."""
    firm_added = Signal(str)
    firm_changed = Signal(str)
    firms_merged = Signal(str, str)
    """(kept firm id, merged-away firm id)."""
    session_opened = Signal(str)
    """The clinic session open on this laptop changed (session id, '' when closed)."""
    session_added = Signal(str)
    sync_finished = Signal()
    """A sync with a hub finished (ops received, conflicts may have appeared): lists reload."""
    conflict_resolved = Signal(str)
    """A field in the conflicts inbox was resolved (conflict id)."""
    team_joined = Signal()
    """This laptop created or joined a sync team."""
    sync_requested = Signal()
    """Start a sync with the hub last used (menu, shortcut)."""
    filter_changed = Signal()
    settings_changed = Signal()
    language_changed = Signal(str)
    """The interface language was changed in the settings ('ko' or 'en')."""
    case_open_requested = Signal(str)
    firm_open_requested = Signal(str)
    intake_requested = Signal()
    status_message = Signal(str)

    def data_signals(self) -> tuple[SignalInstance, ...]:
        """Every signal saying stored data changed (for what recounts on any edit: the unsent count)."""
        return (
            self.case_added,
            self.case_changed,
            self.cases_changed,
            self.firm_added,
            self.firm_changed,
            self.firms_merged,
            self.session_added,
            self.sync_finished,
            self.conflict_resolved,
            self.team_joined,
        )
