"""The first-run welcome dialog and the check that decides whether to show it.

Shown by ``desktop.app.run`` (never by ``build_main_window``, so tests and benchmarks never
see it) while the settings have no user name, unless ``ONESTOP_NO_WELCOME=1`` or the Qt
platform is headless (offscreen). It asks for
the consultant's name, agency and device name, offers to start empty, with demo data or by
joining a team (``desktop.sync.team.join_team``, as ``onestop team join``), and says where
the data is kept. "Later" closes it without saving: it comes back at the next start.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import firms, queries
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import ErrorLabel, title_label
from desktop.ui.widgets.team_form import JOIN, TeamHubForm

NO_WELCOME_ENV = "ONESTOP_NO_WELCOME"
START_EMPTY = "empty"
START_DEMO = "demo"
START_TEAM = "team"
STARTS = (START_EMPTY, START_DEMO, START_TEAM)
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def welcome_needed(
    ctx: AppContext, environ: Mapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """True on a first run (no user name in the settings) on a screen someone can answer it on.

    Never with ``ONESTOP_NO_WELCOME=1``, nor on the headless Qt platforms (offscreen, minimal)
    where a modal question would block the program (tests, the frozen-build smoke test).
    """
    env = os.environ if environ is None else environ
    if env.get(NO_WELCOME_ENV, "").strip().lower() in ("1", "true", "yes"):
        return False
    if (platform if platform is not None else QGuiApplication.platformName()) in HEADLESS_PLATFORMS:
        return False
    return not ctx.settings.user_name.strip()


def store_is_empty(ctx: AppContext) -> bool:
    """No firms and no cases, not even deleted ones (demo data may be loaded)."""
    return not firms.count_firms(ctx.db) and not queries.count_cases(
        ctx.db, queries.CaseFilter(include_deleted=True)
    )


@dataclass(frozen=True, slots=True)
class WelcomeResult:
    """What the welcome did: how the store was started and the note for the status bar."""

    start: str
    note: str


class WelcomeDialog(QDialog):
    """Name, agency, device; empty / demo / join a team; where the data lives.

    State: the context (its settings are saved on accept), the demo seeding function given by
    the composition root, and :attr:`result_value` (None until accepted).
    """

    def __init__(self, ctx: AppContext, seed_demo: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._seed_demo = seed_demo
        self.result_value: WelcomeResult | None = None
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("원스톱 현장지원 데스크 시작하기"))
        settings = ctx.settings

        self.name = QLineEdit(settings.user_name)
        self.name.setObjectName("welcomeName")
        self.name.setPlaceholderText(self.tr("예: 김상담"))
        self.agency = QComboBox()
        self.agency.setObjectName("welcomeAgency")
        self.agency.addItem(self.tr("— 선택 —"), "")
        labels = ctx.labels()
        for a in labels.agencies():
            self.agency.addItem(labels.agency_full(a.id), a.id)
        if settings.agency_id:
            self.agency.setCurrentIndex(max(0, self.agency.findData(settings.agency_id)))
        self.device = QLineEdit(settings.device_name or _host_name())
        self.device.setObjectName("welcomeDevice")
        about = QFormLayout()
        about.addRow(self.tr("이름"), self.name)
        about.addRow(self.tr("소속 기관"), self.agency)
        about.addRow(self.tr("이 노트북 이름"), self.device)
        about_box = QGroupBox(self.tr("나에 대해"))
        about_box.setLayout(about)

        empty = store_is_empty(ctx)
        self.start_empty = QRadioButton(self.tr("빈 데이터로 시작"))
        self.start_empty.setObjectName("welcomeStartEmpty")
        self.start_demo = QRadioButton(self.tr("데모 데이터 불러오기 (연습용 가상 기업·사례)"))
        self.start_demo.setObjectName("welcomeStartDemo")
        self.start_demo.setEnabled(empty)
        if not empty:
            self.start_demo.setToolTip(self.tr("이미 데이터가 있어 데모 데이터를 넣지 않습니다."))
        self.start_team = QRadioButton(self.tr("팀에 참여 (허브 폴더와 참여 코드)"))
        self.start_team.setObjectName("welcomeStartTeam")
        self.starts = QButtonGroup(self)
        for button in (self.start_empty, self.start_demo, self.start_team):
            self.starts.addButton(button)
        (self.start_demo if empty else self.start_empty).setChecked(True)
        self.team_box = self._team_form()
        self.start_team.toggled.connect(self.team_box.setEnabled)
        self.team_box.setEnabled(False)
        start = QVBoxLayout()
        for widget in (self.start_empty, self.start_demo, self.start_team, self.team_box):
            start.addWidget(widget)
        start_box = QGroupBox(self.tr("시작 방법"))
        start_box.setLayout(start)

        self.data_note = QLabel(
            self.tr(
                "데이터는 이 컴퓨터의 사용자 폴더에만 저장됩니다.\n"
                "데이터베이스: {db}\n설정: {settings}\n"
                "프로그램 폴더에는 아무것도 쓰지 않으므로 새 버전으로 바꿔도 데이터는 그대로입니다. "
                "다른 노트북과는 팀 허브(USB·공유 폴더)로 동기화하고, 데이터베이스 파일을 공유 폴더에 "
                "두지 마세요."
            ).format(db=ctx.db_path, settings=ctx.settings_file)
        )
        self.data_note.setObjectName("welcomeDataNote")
        self.data_note.setWordWrap(True)
        data_layout = QVBoxLayout()
        data_layout.addWidget(self.data_note)
        data_box = QGroupBox(self.tr("데이터 위치"))
        data_box.setLayout(data_layout)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("시작하기"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("나중에"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("환영합니다")))
        intro = QLabel(self.tr("처음 한 번만 묻습니다. 나중에 설정 화면에서 바꿀 수 있습니다."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(about_box)
        layout.addWidget(start_box)
        layout.addWidget(data_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(600, 640)
        self.name.setFocus()

    def _team_form(self) -> TeamHubForm:
        form = TeamHubForm(JOIN, "welcome")
        form.form.setContentsMargins(24, 0, 0, 0)
        self.hub, self.code = form.hub, form.code
        self.passphrase, self.passphrase_again = form.passphrase, form.passphrase_again
        return form

    def chosen_start(self) -> str:
        if self.start_team.isChecked():
            return START_TEAM
        if self.start_demo.isChecked() and self.start_demo.isEnabled():
            return START_DEMO
        return START_EMPTY

    def accept(self) -> None:
        """Check the answers, start the store as chosen, then save the settings and close."""
        name = self.name.text().strip()
        device = self.device.text().strip()
        if not name:
            self._problem(self.tr("이름을 입력하세요. 모든 처리 기록에 남습니다."), self.name)
            return
        if not device:
            self._problem(self.tr("이 노트북의 이름을 입력하세요."), self.device)
            return
        start = self.chosen_start()
        if start == START_TEAM and not self._team_answers_ok():
            return
        try:
            if start == START_TEAM:
                note, device = self._join_team(device)
            elif start == START_DEMO:
                note = self._seed_demo()
            else:
                note = ""
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self._ctx.update_settings(
            self._ctx.settings.with_changes(
                user_name=name, agency_id=str(self.agency.currentData() or ""), device_name=device
            )
        )
        if not note:
            note = self.tr("데이터 위치: {path}").format(path=self._ctx.db_path)
        self.result_value = WelcomeResult(start, note)
        super().accept()

    def _team_answers_ok(self) -> bool:
        problem = self.team_box.problem()
        if problem is not None:
            self._problem(*problem)
            return False
        return True

    def _join_team(self, device: str) -> tuple[str, str]:
        """Join the team at the hub with the join code, as ``onestop team join``; (note, device name)."""
        joined = self.team_box.run(self._ctx.db, device)
        note = self.tr("팀 '{team}'에 '{device}'(으)로 참여했습니다. 데이터 위치: {path}").format(
            team=joined.team_name, device=joined.device_name, path=self._ctx.db_path
        )
        return note, joined.device_name

    def _problem(self, text: str, widget: QWidget) -> None:
        self.error.show_text(text)
        widget.setFocus()


def _host_name() -> str:
    try:
        return socket.gethostname().split(".")[0]
    except OSError:
        return ""


def run_welcome(
    ctx: AppContext, seed_demo: Callable[[], str], parent: QWidget | None = None
) -> WelcomeResult | None:
    """Show the welcome if this is a first run; None when not shown or put off ("later")."""
    if not welcome_needed(ctx):
        return None
    dialog = WelcomeDialog(ctx, seed_demo, parent)
    dialog.exec()
    return dialog.result_value
