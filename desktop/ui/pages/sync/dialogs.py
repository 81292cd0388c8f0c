"""Dialogs of the sync page: create a team on a hub, or join one (join code or key file); the
PostgreSQL hub's password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.hubs import shown_hub
from desktop.sync.team import Membership
from desktop.ui.context import AppContext
from desktop.ui.pages.sync.actions import team_job
from desktop.ui.widgets.common import ErrorLabel, error_text
from desktop.ui.widgets.team_form import CREATE, TeamHubForm
from desktop.ui.worker import Job


class TeamDialog(QDialog):
    """The team hub form with OK/cancel; the team is created or joined in a worker.

    State: the form, the running job (None when idle) and :attr:`membership` once done.
    """

    def __init__(self, ctx: AppContext, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.job: Job[Membership] | None = None
        self.membership: Membership | None = None
        self.setObjectName("teamDialog")
        creating = mode == CREATE
        self.setWindowTitle(self.tr("새 팀 만들기") if creating else self.tr("팀에 참여"))
        self.form = TeamHubForm(mode, "team")
        self.form.hub.setText(ctx.settings.sync_hub)
        intro = QLabel(
            self.tr(
                "허브는 모든 노트북이 함께 쓰는 USB 메모리나 공유 폴더(또는 PostgreSQL 주소)입니다. "
                "팀을 만들면 다른 노트북이 입력할 참여 코드가 나옵니다."
            )
            if creating
            else self.tr("팀을 만든 사람에게 받은 참여 코드나 팀 키 파일로 이 노트북을 팀에 넣습니다.")
        )
        intro.setWordWrap(True)
        self.device_note = QLabel(
            self.tr("이 노트북 이름: {device}").format(device=ctx.settings.device_name or "—")
        )
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("팀 만들기") if creating else self.tr("참여하기"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.device_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def accept(self) -> None:
        """Check the answers, then create or join in the background; close when it worked."""
        if self.job is not None:
            return
        problem = self.form.problem()
        if problem is not None:
            self.error.show_text(problem[0])
            problem[1].setFocus()
            return
        self.error.show_text("")
        self.buttons.setEnabled(False)
        self.job = self._ctx.workers.start(
            self._ctx.db,
            team_job(self.form.answers(), self._ctx.settings.device_name),
            on_success=self._done,
            on_failure=self._failed,
            context=self,
        )

    def _done(self, membership: Membership) -> None:
        self.job = None
        self.membership = membership
        ctx = self._ctx
        ctx.update_settings(
            ctx.settings.with_changes(
                sync_hub=shown_hub(self.form.hub.text()), device_name=membership.device_name
            )
        )
        ctx.events.team_joined.emit()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.buttons.setEnabled(True)
        self.error.show_text(error_text(exc, self._ctx.lang))


class HubPasswordDialog(QDialog):
    """Asks for the PostgreSQL hub's password after the server refused it (or there was none).

    State: the masked password field and the "remember on this laptop" box (on by default); the
    caller reads :meth:`answer` after ``exec()``. The password is kept nowhere by the dialog.
    """

    def __init__(self, hub: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubPasswordDialog")
        self.setWindowTitle(self.tr("PostgreSQL 허브 비밀번호"))
        intro = QLabel(
            self.tr("허브 <b>{hub}</b>에 로그인할 비밀번호를 넣으세요.").format(hub=shown_hub(hub))
        )
        intro.setWordWrap(True)
        reason = QLabel(why)
        reason.setObjectName("hubPasswordReason")
        reason.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("hubPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("이 노트북에 기억"))
        self.remember.setObjectName("hubPasswordRemember")
        self.remember.setChecked(True)
        self.remember.setToolTip(
            self.tr("동기화가 되면 비밀번호를 OS 키 저장소에 둡니다 (설정 파일에는 두지 않습니다)")
        )
        form = QFormLayout()
        form.addRow(self.tr("비밀번호"), self.password)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("다시 시도"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(reason)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # Wrapped labels need their height at this width, not the height of their one-line hint.
        self.resize(520, layout.totalHeightForWidth(520))

    def accept(self) -> None:
        """Only with a password (an empty one would fail the same way again)."""
        if self.password.text():
            super().accept()
        else:
            self.password.setFocus()

    def answer(self) -> tuple[str, bool] | None:
        """(password, remember) once accepted, else None."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self.password.text(), self.remember.isChecked()
