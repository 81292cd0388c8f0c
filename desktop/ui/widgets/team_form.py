"""The team hub form shared by the welcome dialog and the sync page: hub, join code or key file, passphrase.

It checks the answers and calls ``desktop.sync.team`` exactly as ``onestop team create|join`` does;
the caller decides where that runs (the welcome: at once; the sync page: in a worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.store.db import Database
from desktop.sync import team

JOIN = "join"
CREATE = "create"


class TeamHubForm(QWidget):
    """Hub (folder or postgresql:// URL), then a join code or key file (join) or a team name
    (create), and a passphrase for machines without an OS keyring.

    State: the mode (join or create) fixed at construction; the widgets are public so the
    owner can lay out its own buttons and tests can fill them in.
    """

    def __init__(self, mode: str, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setObjectName(f"{prefix}TeamBox")
        self.hub = QLineEdit()
        self.hub.setObjectName(f"{prefix}Hub")
        self.hub.setPlaceholderText(self.tr("허브 폴더 또는 postgresql:// 주소"))
        browse = QPushButton(self.tr("찾아보기…"))
        browse.clicked.connect(self._browse_hub)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.hub, 1)
        hub_row.addWidget(browse)
        self.team_name = QLineEdit()
        self.team_name.setObjectName(f"{prefix}TeamName")
        self.team_name.setPlaceholderText(self.tr("예: 순천 현장지원단"))
        self.code = QLineEdit()
        self.code.setObjectName(f"{prefix}Code")
        self.code.setPlaceholderText(self.tr("팀을 만든 사람에게 받은 참여 코드"))
        self.key_file = QLineEdit()
        self.key_file.setObjectName(f"{prefix}KeyFile")
        self.key_file.setPlaceholderText(self.tr("참여 코드 대신 팀 키 파일"))
        key_browse = QPushButton(self.tr("찾아보기…"))
        key_browse.clicked.connect(self._browse_key_file)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_file, 1)
        key_row.addWidget(key_browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName(f"{prefix}Passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("OS 키 저장소가 없을 때만 필요"))
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setObjectName(f"{prefix}PassphraseAgain")
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("허브"), hub_row)
        if mode == CREATE:
            self.form.addRow(self.tr("팀 이름"), self.team_name)
        else:
            self.form.addRow(self.tr("참여 코드"), self.code)
            self.form.addRow(self.tr("또는 키 파일"), key_row)
        self.form.addRow(self.tr("암호 문구"), self.passphrase)
        self.form.addRow(self.tr("한 번 더"), self.passphrase_again)

    def _browse_hub(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("팀 허브 폴더"))
        if folder:
            self.hub.setText(folder)

    def _browse_key_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("팀 키 파일"))
        if chosen:
            self.key_file.setText(chosen)

    def problem(self) -> tuple[str, QWidget] | None:
        """What is missing or wrong in the answers (message, widget to focus), or None."""
        if not self.hub.text().strip():
            return self.tr("팀 허브 폴더(또는 postgresql:// 주소)를 입력하세요."), self.hub
        if self.mode == JOIN and not self.code.text().strip() and not self.key_file.text().strip():
            return self.tr("참여 코드를 입력하세요."), self.code
        if self.passphrase.text() != self.passphrase_again.text():
            return self.tr("두 암호 문구가 다릅니다."), self.passphrase_again
        return None

    def run(self, db: Database, device_name: str) -> team.Membership:
        """Create or join the team with these answers, as ``onestop team create|join``.

        Reads the widgets, so call it in the GUI thread or use :meth:`answers` for a worker.
        """
        return self.answers().run(db, device_name)

    def answers(self) -> TeamAnswers:
        return TeamAnswers(
            self.mode,
            self.hub.text().strip(),
            self.team_name.text().strip(),
            self.code.text().strip(),
            self.key_file.text().strip(),
            self.passphrase.text() or None,
        )


@dataclass(frozen=True, slots=True)
class TeamAnswers:
    """The form's answers as plain values, safe to hand to a worker thread."""

    mode: str
    hub: str
    team_name: str
    code: str
    key_file: str
    passphrase: str | None

    def run(self, db: Database, device_name: str) -> team.Membership:
        if self.mode == CREATE:
            return team.create_team(
                db, self.hub, name=self.team_name, device_name=device_name, passphrase=self.passphrase
            )
        return team.join_team(
            db,
            self.hub,
            device_name=device_name,
            key_file=Path(self.key_file) if self.key_file else None,
            code=self.code or None,
            passphrase=self.passphrase,
        )
