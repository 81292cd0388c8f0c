"""What the sync page runs in the worker: a sync with a hub, team setup, and the state it shows.

Every function here takes the worker's own :class:`Database` and returns plain values; none
touches a widget. They call the same ``desktop.sync`` functions as ``onestop sync|team|conflicts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import RejectedInput
from desktop.store import oplog, sync_meta
from desktop.store.db import Database
from desktop.sync import keys, team
from desktop.sync.conflicts import Conflict, list_conflicts
from desktop.sync.engine import SyncReport, sync_with_hub
from desktop.sync.hubs import pg_password
from desktop.sync.hubs.pg_url import is_postgres_url
from desktop.sync.merge_queue import MergeCandidate, merge_candidates
from desktop.sync.status import unsynced_count
from desktop.sync.team import Membership
from desktop.ui.widgets.team_form import TeamAnswers
from desktop.ui.worker import JobControl, JobFn

INBOX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the sync page shows: the membership (None before a team), the inbox and the merge queue."""

    team: sync_meta.TeamRow | None
    device_id: str
    devices: tuple[sync_meta.TeamDevice, ...]
    unsynced: int
    conflicts: tuple[Conflict, ...]
    candidates: tuple[MergeCandidate, ...]


def load_state(db: Database, control: JobControl) -> SyncState:
    team = sync_meta.get_team(db)
    return SyncState(
        team,
        oplog.device_id(db),
        tuple(sync_meta.team_devices(db)) if team else (),
        unsynced_count(db),
        tuple(list_conflicts(db, limit=INBOX_LIMIT)),
        tuple(merge_candidates(db)),
    )


def count_unsynced(db: Database, control: JobControl) -> int:
    """For the status bar: local edits no hub has yet."""
    return unsynced_count(db)


@dataclass(frozen=True, slots=True)
class Synced:
    """A finished sync and what became of the PostgreSQL hub's password (``no_password`` for a folder)."""

    report: SyncReport
    password: pg_password.Remembered


def sync_job(
    hub: str,
    passphrase: str | None,
    full: bool = False,
    remember_password: bool = True,
    new_hub: bool = False,
) -> JobFn[Synced]:
    """``onestop sync --hub HUB [--new-hub]`` as a worker job: the stage and progress go to the page,
    cancel is polled.

    After a sync that worked, a password in a ``postgresql://`` URL goes to the OS keyring (unless
    ``remember_password`` is off): the keyring may block while it asks to be unlocked, so not on the
    GUI thread.
    """

    def run(db: Database, control: JobControl) -> Synced:
        current = [""]

        def progress(stage: str, done: int, total: int) -> None:
            if stage != current[0]:
                current[0] = stage
                control.stage(stage)
            control.progress(done, total)

        report = sync_with_hub(
            db, hub, progress, lambda: control.cancelled, passphrase=passphrase, full=full, new_hub=new_hub
        )
        remembered: pg_password.Remembered = "no_password"
        if remember_password and is_postgres_url(hub):
            remembered = pg_password.remember_password(hub)
        return Synced(report, remembered)

    return run


def team_job(answers: TeamAnswers, device_name: str) -> JobFn[Membership]:
    """``onestop team create|join`` as a worker job (scrypt and hub I/O stay off the GUI thread)."""

    def run(db: Database, control: JobControl) -> Membership:
        return answers.run(db, device_name)

    return run


def needs_passphrase(exc: BaseException) -> bool:
    """The keys are passphrase-protected and the passphrase was missing or wrong: ask for it."""
    if isinstance(exc, keys.KeysLocked):
        return True
    return isinstance(exc, RejectedInput) and exc.problems[0].field == "passphrase"


def not_a_hub(exc: BaseException) -> bool:
    """The location holds no team hub and nothing was written there: ask whether to make it one."""
    return isinstance(exc, team.NotAHub)


def write_failed(report: SyncReport) -> bool:
    """The hub refused writes (a read-only or full stick, a pulled cable)."""
    return any(s.code == "write_failed" for s in report.skipped)


def invite_job(hub: str, passphrase: str | None, *, new_hub: bool = False) -> JobFn[str]:
    """``onestop team invite --hub HUB [--new-hub]``: a new join code on the hub."""

    def run(db: Database, control: JobControl) -> str:
        return team.new_invite(db, hub, passphrase=passphrase, new_hub=new_hub)

    return run
