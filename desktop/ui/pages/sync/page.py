"""동기화·충돌: the team, the hub, the sync button with progress and a summary, the conflicts inbox
and the duplicate-firms merge queue (DESIGN §3, issue #6).

The sync itself is ``desktop.sync.engine.sync_with_hub`` (as ``onestop sync``), run in the
worker; the page only shows what it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.engine import SyncReport
from desktop.sync.hubs import pg_password, shown_hub
from desktop.sync.hubs.pg_url import is_postgres_url
from desktop.sync.hubs.postgres import HubPasswordRefused
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.pages.reports.widgets import JobBar
from desktop.ui.pages.sync import actions
from desktop.ui.pages.sync.conflicts import ConflictsPanel
from desktop.ui.pages.sync.dialogs import HubPasswordDialog, TeamDialog
from desktop.ui.pages.sync.merge_queue import MergeQueuePanel
from desktop.ui.widgets.common import ErrorLabel, error_text, title_label
from desktop.ui.widgets.team_form import CREATE, JOIN
from desktop.ui.worker import Job, JobFn

LAST_SYNC_KEY = "sync/last"


class SyncPage(Page):
    """Team and hub at the top, the sync and its summary, then tabs: conflicts, duplicate firms.

    State: the last loaded :class:`~desktop.ui.pages.sync.actions.SyncState`, the running sync
    (in the job bar), the last :class:`SyncReport`, the passphrase typed this session (kept in
    memory only, for passphrase-protected keys), and the PostgreSQL hub password typed this session
    with the hub it is for and whether to remember it (the OS keyring, after a sync that worked).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("syncPage")
        self.state: actions.SyncState | None = None
        self.report: SyncReport | None = None
        self.load_job: Job[actions.SyncState] | None = None
        self._passphrase: str | None = None
        self._hub_password: tuple[str, str] | None = None  # (hub without password, password)
        self._remember_password = True
        self._new_hub: str | None = None  # the location the user agreed to make a new hub (this sync)

        self.team_label = QLabel()
        self.team_label.setObjectName("syncTeam")
        self.team_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("새 팀 만들기…"))
        self.create_button.setObjectName("syncCreateTeam")
        self.join_button = QPushButton(self.tr("팀에 참여…"))
        self.join_button.setObjectName("syncJoinTeam")
        self.invite_button = QPushButton(self.tr("참여 코드 만들기"))
        self.invite_button.setObjectName("syncInvite")
        self.invite_button.setToolTip(self.tr("다른 노트북이 이 허브로 팀에 참여할 새 코드를 만듭니다"))
        team_row = QHBoxLayout()
        team_row.addWidget(self.team_label, 1)
        for button in (self.create_button, self.join_button, self.invite_button):
            team_row.addWidget(button)
        team_box = QGroupBox(self.tr("팀"))
        team_box.setLayout(team_row)

        self.hub = QLineEdit(ctx.settings.sync_hub)
        self.hub.setObjectName("syncHub")
        self.hub.setPlaceholderText(self.tr("USB 메모리·공유 폴더, 또는 postgresql:// 주소"))
        browse = QPushButton(self.tr("폴더 선택…"))
        browse.setObjectName("syncBrowseHub")
        self.sync_button = QPushButton(self.tr("동기화"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setToolTip("Ctrl+Shift+S")
        font = QFont(self.sync_button.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.sync_button.setFont(font)
        self.sync_button.setMinimumSize(160, 44)
        hub_row = QHBoxLayout()
        hub_row.addWidget(QLabel(self.tr("허브")))
        hub_row.addWidget(self.hub, 1)
        hub_row.addWidget(browse)
        hub_row.addWidget(self.sync_button)
        self.last_label = QLabel()
        self.last_label.setObjectName("syncLast")
        self.stage_label = QLabel()
        self.stage_label.setObjectName("syncStage")
        self.stage_label.hide()
        self.job_bar = JobBar()
        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.skipped = QListWidget()
        self.skipped.setObjectName("syncSkipped")
        self.skipped.setMaximumHeight(80)
        self.skipped.hide()
        self.error = ErrorLabel()
        self.error.setObjectName("syncError")
        sync_layout = QVBoxLayout()
        sync_layout.addLayout(hub_row)
        sync_layout.addWidget(self.last_label)
        sync_layout.addWidget(self.stage_label)
        sync_layout.addWidget(self.job_bar)
        sync_layout.addWidget(self.summary)
        sync_layout.addWidget(self.skipped)
        sync_layout.addWidget(self.error)
        sync_box = QGroupBox(self.tr("동기화"))
        sync_box.setLayout(sync_layout)

        self.conflicts = ConflictsPanel(ctx)
        self.merge_queue = MergeQueuePanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.merge_queue, "")

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("동기화·충돌")))
        layout.addWidget(team_box)
        layout.addWidget(sync_box)
        layout.addWidget(self.tabs, 1)

        browse.clicked.connect(self._browse_hub)
        self.hub.returnPressed.connect(self.start_sync)
        self.sync_button.clicked.connect(self.start_sync)
        self.create_button.clicked.connect(lambda: self.open_team_dialog(CREATE))
        self.join_button.clicked.connect(lambda: self.open_team_dialog(JOIN))
        self.invite_button.clicked.connect(self.make_invite)
        for signal in ctx.events.data_signals():
            signal.connect(self.data_changed)
        ctx.events.sync_requested.connect(self.start_sync)
        self._show_last()
        self.refresh()

    # --- what the page shows ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the team, the unsent count, the inbox and the merge queue (in the worker)."""
        self.load_job = self._ctx.workers.start(
            self._ctx.db, actions.load_state, on_success=self._show_state, context=self
        )

    def _show_state(self, state: actions.SyncState) -> None:
        self.state = state
        team = state.team
        in_team = team is not None
        self.create_button.setVisible(not in_team)
        self.join_button.setVisible(not in_team)
        self.invite_button.setVisible(in_team)
        self.sync_button.setEnabled(in_team and not self.job_bar.busy)
        if team is None:
            self.team_label.setText(
                self.tr(
                    "이 노트북은 아직 팀에 속하지 않습니다. 팀을 만들거나(첫 노트북) 받은 참여 코드로 "
                    "참여하세요. 그때까지 모든 변경은 이 노트북에만 있습니다."
                )
            )
        else:
            others = [
                d.name + (self.tr(" (제거됨)") if d.removed else "")
                for d in state.devices
                if d.id != state.device_id
            ]
            self.team_label.setText(
                self.tr("팀 <b>{team}</b> · 이 노트북: <b>{device}</b> · 다른 기기: {others}").format(
                    team=team.name, device=team.device_name, others=", ".join(others) or "—"
                )
            )
        self.conflicts.set_conflicts(state.conflicts)
        self.merge_queue.set_candidates(state.candidates)
        self.tabs.setTabText(0, self.tr("충돌 ({n})").format(n=len(state.conflicts)))
        self.tabs.setTabText(1, self.tr("중복 기업 ({n})").format(n=len(state.candidates)))
        self._show_last()

    def _show_last(self) -> None:
        last = self._ctx.ui_state.value(LAST_SYNC_KEY)
        unsent = self.tr("보내지 않은 변경 {n}건").format(n=f"{self.state.unsynced:,}") if self.state else ""
        when = self.tr("마지막 동기화: {when}").format(when=last) if last else self.tr("아직 동기화하지 않음")
        self.last_label.setText(" · ".join(x for x in (when, unsent) if x))

    def _browse_hub(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("허브 폴더 (USB 메모리·공유 폴더)"), self.hub.text()
        )
        if folder:
            self.hub.setText(folder)

    # --- team ---------------------------------------------------------------------------------------

    def open_team_dialog(self, mode: str) -> TeamDialog:
        dialog = TeamDialog(self._ctx, mode, self)
        dialog.finished.connect(lambda _result: self._team_dialog_closed(dialog))
        dialog.open()
        return dialog

    def _team_dialog_closed(self, dialog: TeamDialog) -> None:
        made = dialog.membership
        if made is None:
            return
        self.hub.setText(self._ctx.settings.sync_hub)
        if made.join_code:
            self.summary.setText(
                self.tr(
                    "팀 '{team}'을 만들었습니다. 다른 노트북에서 '팀에 참여'를 누르고 이 허브와 "
                    "참여 코드 <b>{code}</b>를 입력하세요."
                ).format(team=made.team_name, code=made.join_code)
            )
        else:
            self.summary.setText(
                self.tr("팀 '{team}'에 '{device}'(으)로 참여했습니다. 이제 동기화하세요.").format(
                    team=made.team_name, device=made.device_name
                )
            )

    def make_invite(self) -> None:
        """A new join code on the hub for the next laptop (``onestop team invite``)."""
        hub = self._chosen_hub()
        if not hub:
            return
        self._new_hub = None  # as for a sync: a folder without a hub is asked about every time
        self._start_keyed(
            hub,
            lambda phrase: actions.invite_job(
                self._login(hub), phrase, new_hub=self._new_hub == shown_hub(hub)
            ),
            self._invited,
            self.tr("참여 코드를 만드는 중…"),
        )

    def _invited(self, code: str) -> None:
        self.job_bar.finished("")
        self.summary.setText(
            self.tr("새 참여 코드: <b>{code}</b> (다른 노트북에서 '팀에 참여'로 입력)").format(code=code)
        )

    # --- sync ---------------------------------------------------------------------------------------

    def start_sync(self) -> Job[Any] | None:
        """Sync with the hub in the box (remembered in the settings); None if one is running."""
        hub = self._chosen_hub()
        if not hub:
            return None
        self._new_hub = None  # agreeing to a new hub holds for the sync it was asked for, not the next ones
        return self._start_keyed(
            hub,
            lambda phrase: actions.sync_job(
                self._login(hub),
                phrase,
                remember_password=self._remember_password,
                new_hub=self._new_hub == shown_hub(hub),
            ),
            self._synced,
            self.tr("동기화하는 중: {hub}").format(hub=shown_hub(hub)),
        )

    def _chosen_hub(self) -> str:
        if self.job_bar.busy:
            return ""
        hub = self.hub.text().strip()
        if not hub:
            self.error.show_text(self.tr("허브 폴더(USB 메모리·공유 폴더)나 postgresql:// 주소를 고르세요."))
            self.hub.setFocus()
            return ""
        remembered = shown_hub(hub)
        if remembered != self._ctx.settings.sync_hub:
            self._ctx.update_settings(self._ctx.settings.with_changes(sync_hub=remembered))
        return hub

    def _login(self, hub: str) -> str:
        """The hub with the password typed this session for it (a URL's own password gives way)."""
        typed = self._hub_password
        if typed is not None and is_postgres_url(hub) and typed[0] == shown_hub(hub):
            return pg_password.with_password(hub, typed[1])
        return hub

    def _start_keyed(
        self, hub: str, make: Callable[[str | None], JobFn[Any]], on_success: Callable[[Any], None], text: str
    ) -> Job[Any]:
        """Run a job that may need the keys or the hub's password; if they are locked or the server
        refused the password, ask for it and retry. A location that is not a hub yet is made one
        only if the user says so (then the job is retried with the new-hub option)."""
        self.error.show_text("")
        self.summary.setText("")
        self.skipped.hide()
        self._set_stage("")
        self.sync_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.sync_button.setEnabled(True)
            self.job_bar.finished("")
            self._set_stage("")
            if actions.needs_passphrase(exc):
                phrase = self.ask_passphrase(error_text(exc, self._ctx.lang))
                if phrase:
                    self._passphrase = phrase
                    self._start_keyed(hub, make, on_success, text)
                    return
            if isinstance(exc, HubPasswordRefused):
                refused = exc.problems[0]
                answer = self.ask_hub_password(hub, refused.en if self._ctx.lang == "en" else refused.ko)
                if answer is not None:
                    self._hub_password = (shown_hub(hub), answer[0])
                    self._remember_password = answer[1]
                    self._start_keyed(hub, make, on_success, text)
                    return
            if actions.not_a_hub(exc) and self.ask_new_hub(hub):
                self._new_hub = shown_hub(hub)
                self._start_keyed(hub, make, on_success, text)
                return
            self.error.show_text(error_text(exc, self._ctx.lang))

        def succeeded(value: Any) -> None:
            self.sync_button.setEnabled(True)
            self._set_stage("")
            on_success(value)

        job = self._ctx.workers.start(
            self._ctx.db,
            make(self._passphrase),
            on_success=succeeded,
            on_failure=failed,
            on_progress=self.job_bar.progressed,
            on_stage=self._stage,
            context=self,
        )
        self.job_bar.started(job, text)
        return job

    def ask_passphrase(self, why: str) -> str | None:
        """The passphrase of this laptop's sync keys (asked once per session, kept in memory)."""
        text, ok = QInputDialog.getText(
            self, self.tr("동기화 키 암호 문구"), why, QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def ask_new_hub(self, hub: str) -> bool:
        """Make ``hub``, which holds no team hub, a new hub of the team? (No is the default.)"""
        return self.new_hub_question(hub).exec() == QMessageBox.StandardButton.Yes

    def new_hub_question(self, hub: str) -> QMessageBox:
        if is_postgres_url(hub):
            missing = self.tr("이 데이터베이스에는 팀 허브가 없습니다:")
            check = self.tr(
                "서버 주소나 데이터베이스 이름이 틀렸다면 '아니요'를 누르고 주소를 확인하세요. "
                "아직 아무것도 쓰지 않았습니다."
            )
            ask = self.tr("이 데이터베이스를 새 허브로 만들까요?")
        else:
            missing = self.tr("이 폴더에는 팀 허브가 없습니다:")
            check = self.tr(
                "USB 메모리의 드라이브 문자가 바뀌었거나 공유 폴더가 연결되지 않았다면 '아니요'를 누르고 "
                "위치를 확인하세요. 아직 아무것도 쓰지 않았습니다."
            )
            ask = self.tr("이 폴더를 새 허브로 만들까요?")
        others = self.tr("다른 노트북들은 이 새 허브로 동기화해야 이 노트북의 변경을 받습니다.")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("팀 허브가 없습니다"),
            f"{missing}\n{shown_hub(hub)}\n\n{check}\n\n{ask}\n{others}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("syncNewHubQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def ask_hub_password(self, hub: str, why: str) -> tuple[str, bool] | None:
        """The PostgreSQL hub's password and whether to remember it (None: cancelled)."""
        dialog = HubPasswordDialog(hub, why, self)
        dialog.exec()
        return dialog.answer()

    def _set_stage(self, text: str) -> None:
        self.stage_label.setText(text)
        self.stage_label.setVisible(bool(text))

    def _stage(self, stage: str) -> None:
        names = {
            "fetch": self.tr("1/3 허브에서 받는 중"),
            "apply": self.tr("2/3 받은 변경을 적용하는 중"),
            "bundle": self.tr("3/3 이 노트북의 변경을 묶어 보내는 중"),
        }
        self._set_stage(names.get(stage, stage))

    def _synced(self, done: actions.Synced) -> None:
        self.report = report = done.report
        lang = self._ctx.lang
        headline = (
            self.tr("동기화를 취소했습니다. 끝난 부분은 저장되었고 다음 동기화가 이어서 합니다.")
            if report.cancelled
            else self.tr("동기화를 마쳤습니다 ({seconds}초).").format(seconds=f"{report.seconds:.1f}")
        )
        self.job_bar.finished(headline)
        counts = self.tr(
            "보냄 {sent}묶음 ({sent_ops}건) · 받음 {received}묶음 ({received_ops}건) · 중계 {relayed}묶음 · "
            "새 충돌 {new_conflicts}건 (모두 {conflicts}건) · 건너뛴 파일 {skipped}개"
        ).format(
            sent=report.sent,
            sent_ops=f"{report.sent_ops:,}",
            received=report.received,
            received_ops=f"{report.received_ops:,}",
            relayed=report.relayed,
            new_conflicts=report.new_conflicts,
            conflicts=report.conflicts,
            skipped=len(report.skipped),
        )
        if actions.write_failed(report):
            self.error.show_text(
                self.tr("허브에 쓰지 못했습니다. USB 메모리가 읽기 전용이거나 가득 찼는지 확인하세요.")
            )
        password_note = {
            "saved": self.tr("허브 비밀번호를 이 노트북의 OS 키 저장소에 기억했습니다."),
            "no_keyring": self.tr(
                "이 컴퓨터에는 OS 키 저장소가 없어 허브 비밀번호를 기억하지 못했습니다. 다음에 다시 묻습니다."
            ),
        }.get(done.password)
        made = (
            self.tr("이 위치를 팀의 새 허브로 만들었습니다: {hub}").format(hub=report.hub) + "<br>"
            if report.new_hub
            else ""
        )
        self.summary.setText(made + counts + (f"<br>{password_note}" if password_note else ""))
        self.skipped.clear()
        for skipped in report.skipped:
            self.skipped.addItem(skipped.text(lang))
        if report.waiting:
            self.skipped.addItem(
                self.tr("기다리는 묶음: {bundles}").format(bundles=", ".join(report.waiting))
            )
        self.skipped.setVisible(self.skipped.count() > 0)
        self._ctx.ui_state.set_value(LAST_SYNC_KEY, self._ctx.now().strftime("%Y-%m-%d %H:%M"))
        if report.conflicts:
            self.tabs.setCurrentWidget(self.conflicts)
        events = self._ctx.events
        events.sync_finished.emit()  # this page reloads on it, like every page showing stored data
        if report.received_ops or report.sent:
            events.cases_changed.emit()  # received rows, and each case's sync state in the lists
