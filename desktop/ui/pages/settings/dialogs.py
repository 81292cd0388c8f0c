"""복구 키 입력: at start, the key of an encrypted store this computer has no (right) key for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import driver, recovery_key
from desktop.store.os_keyring import keyring_usable
from desktop.ui.widgets.common import ErrorLabel, title_label


def offers_recovery(store: Path) -> bool:
    """True when ``store`` looks encrypted (so a recovery key may open it) and SQLCipher is here."""
    try:
        return driver.ENCRYPTION_AVAILABLE and driver.is_plain_sqlite(store) is False
    except OSError:
        return False


class RecoveryKeyDialog(QDialog):
    """Asks for the recovery key (typed, pasted or from the recovery-key file), checks it against
    the store and keeps it in the OS keyring.

    State: ``recovered`` — None until a key that opens the store was given; nothing is written
    (neither keyring nor store) for a key that does not open it.
    """

    def __init__(self, store: Path, problem: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("복구 키 입력"))
        self.setMinimumWidth(620)
        self._store = store
        self._lang = lang
        self.recovered: recovery_key.Recovered | None = None
        problem_label = QLabel(problem)
        problem_label.setWordWrap(True)
        problem_label.setObjectName("recoveryProblem")
        explain = QLabel(
            self.tr(
                "이 데이터베이스는 암호화되어 있는데 이 컴퓨터에 맞는 키가 없습니다. 저장해 둔 복구 키 "
                "파일을 열거나, 키(16진수 64자리, 띄어쓰기와 - 는 상관없음)를 입력하세요. 키가 이 "
                "데이터베이스를 여는지 확인한 뒤에만 저장합니다.\n데이터베이스: {path}"
            ).format(path=store)
        )
        explain.setWordWrap(True)
        self.key_edit = QPlainTextEdit()
        self.key_edit.setObjectName("recoveryKeyInput")
        self.key_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key_edit.setPlaceholderText("3f9a 0c12 77de … (64)")
        self.key_edit.setFixedHeight(self.key_edit.fontMetrics().lineSpacing() * 3 + 16)
        self.key_edit.setTabChangesFocus(True)
        self.open_file_button = QPushButton(self.tr("복구 키 파일 열기…"))
        self.open_file_button.setObjectName("recoveryOpenFile")
        self.open_file_button.clicked.connect(self._open_file)
        self.keyring_note = QLabel(
            ""
            if keyring_usable()
            else self.tr(
                "이 컴퓨터에는 OS 키 저장소가 없어 키를 저장할 수 없습니다. 키는 이번 실행에만 쓰입니다: "
                "다음에 시작할 때 다시 입력하거나 ONESTOP_DB_KEY에 주세요."
            )
        )
        self.keyring_note.setObjectName("recoveryKeyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(bool(self.keyring_note.text()))
        self.error = ErrorLabel()
        self.error.setObjectName("recoveryError")
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("열기"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("끝내기"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("복구 키 입력")))
        layout.addWidget(problem_label)
        layout.addWidget(explain)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.open_file_button)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Try the typed key; the dialog closes only when it opens the store."""
        self._try(lambda: recovery_key.parse_key(self.key_edit.toPlainText()))

    def use_file(self, path: Path) -> bool:
        """Try the key in the recovery-key file at ``path``; True when it opened the store."""
        return self._try(lambda: recovery_key.read_key_file(path))

    def note(self) -> str:
        """What the status bar should say once the store is open (empty when all is well)."""
        if self.recovered is None:
            return ""
        parts = []
        if not self.recovered.kept:
            parts.append(
                self.tr(
                    "복구 키로 열었습니다. OS 키 저장소가 없어 키를 저장하지 않았습니다: 다음에도 키를 "
                    "입력하거나 ONESTOP_DB_KEY에 주세요."
                )
            )
        if self.recovered.env_differs:
            parts.append(
                self.tr("ONESTOP_DB_KEY에 다른 키가 있어 키 저장소보다 먼저 쓰입니다: 고치거나 지우세요.")
            )
        return "  ".join(parts)

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("복구 키 파일 열기"), "", self.tr("복구 키 파일 (*.txt);;모든 파일 (*)")
        )
        if name:
            self.use_file(Path(name))

    def _try(self, read_key: Callable[[], bytes]) -> bool:
        try:
            key = read_key()
            self.key_edit.setPlainText(recovery_key.grouped(key))
            self.recovered = recovery_key.recover(self._store, key)
        except RejectedInput as exc:  # the reason alone: the field name means nothing to the user
            self.error.show_text(" ".join(p.en if self._lang == "en" else p.ko for p in exc.problems))
            return False
        self.error.show_text("")
        super().accept()
        return True
