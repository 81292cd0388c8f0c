"""데이터 암호화: whether the store is encrypted, and the button that writes its recovery-key file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.errors import RejectedInput
from desktop.store import dbkey, recovery_key
from desktop.ui.context import AppContext
from desktop.ui.pages.settings.actions import needs_key_reminder, save_recovery_file
from desktop.ui.widgets.common import ErrorLabel


class StoreKeyBox(QGroupBox):
    """The settings page's encryption section. State: none of its own — it reads ``ctx.db.key``
    and ``ctx.settings`` each time :meth:`load` runs."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("데이터 암호화"), parent)
        self.setObjectName("storeKeyBox")
        self._ctx = ctx
        self.state = QLabel()
        self.state.setObjectName("storeKeyState")
        self.state.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("storeKeySaved")
        self.saved.setWordWrap(True)
        self.save_button = QPushButton(self.tr("복구 키 저장…"))
        self.save_button.setObjectName("saveRecoveryKey")
        self.save_button.setToolTip(
            self.tr(
                "데이터베이스 키를 파일로 저장합니다. USB 메모리나 인쇄본으로 이 노트북과 다른 곳에 "
                "보관하세요."
            )
        )
        self.save_button.clicked.connect(self._choose_and_save)
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.load()

    def load(self) -> None:
        ctx = self._ctx
        encrypted = ctx.db.key is not None
        if encrypted:
            self.state.setText(
                self.tr(
                    "이 데이터베이스는 암호화되어 있습니다. 키는 이 컴퓨터의 OS 키 저장소에만 있어서, "
                    "운영체제를 다시 설치하거나 새 노트북으로 옮기면 복구 키 없이는 어떤 사례도 읽을 수 "
                    "없습니다. 복구 키 파일과 데이터베이스를 함께 가진 사람은 모든 사례를 읽을 수 있으니 "
                    "노트북과 따로 보관하세요."
                )
            )
        else:
            # Each reason already says the store is plain: no headline before it.
            ko, en = dbkey.plain_reason()
            self.state.setText(en if ctx.lang == "en" else ko)
        self.save_button.setEnabled(encrypted)
        self.saved.setVisible(encrypted)
        self.saved.setText(
            self.tr("복구 키를 아직 저장하지 않았습니다.")
            if needs_key_reminder(ctx)
            else self.tr("복구 키를 저장했습니다.")
        )

    def save_to(self, target: Path) -> bool:
        """Write the recovery-key file to ``target``; the outcome is shown in the section."""
        try:
            written = save_recovery_file(self._ctx, target)
        except (OSError, RejectedInput) as exc:
            detail = exc.message(self._ctx.lang) if isinstance(exc, RejectedInput) else str(exc)
            self.error.show_text(self.tr("복구 키 파일을 쓸 수 없습니다: {detail}").format(detail=detail))
            return False
        self.error.show_text("")
        self.load()
        self.saved.setText(
            self.tr("복구 키를 저장했습니다: {path}. 이 파일을 노트북과 다른 곳에 보관하세요.").format(
                path=written
            )
        )
        return True

    def _choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("복구 키 저장"),
            str(Path.home() / recovery_key.SUGGESTED_FILE_NAME),
            self.tr("텍스트 파일 (*.txt)"),
        )
        if name:
            self.save_to(Path(name))
