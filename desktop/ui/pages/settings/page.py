"""설정: who I am, my agency and role, this device, the language, the data folder and its encryption."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import ROLES
from desktop.core.settings import LANGUAGES, Settings, option_doc
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.pages.settings.encryption import StoreKeyBox
from desktop.ui.widgets.common import ErrorLabel, title_label


class SettingsPage(Page):
    """Widgets for the options of :class:`desktop.core.settings.Settings`; :meth:`load` and
    :meth:`save` are symmetric (what load shows, save writes back)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("settingsPage")
        self._shown = ctx.settings  # what load() last put in the widgets
        labels = ctx.labels()
        self.user_name = QLineEdit()
        self.user_name.setObjectName("settingUserName")
        self.agency = QComboBox()
        self.agency.setObjectName("settingAgency")
        self.agency.addItem(self.tr("— 선택 —"), "")
        for a in labels.agencies():
            self.agency.addItem(labels.agency_full(a.id), a.id)
        self.role = QComboBox()
        self.role.setObjectName("settingRole")
        role_names = {
            "consultant": self.tr("상담원"),
            "coordinator": self.tr("총괄 코디네이터"),
            "manager": self.tr("관리자"),
        }
        for role in ROLES:
            self.role.addItem(role_names.get(role, role), role)
        self.device_name = QLineEdit()
        self.device_name.setObjectName("settingDeviceName")
        self.language = QComboBox()
        self.language.setObjectName("settingLanguage")
        language_names = {"ko": "한국어", "en": "English"}
        for lang in LANGUAGES:
            self.language.addItem(language_names[lang], lang)
        self.number_prefix = QLineEdit()
        self.number_prefix.setObjectName("settingNumberPrefix")
        self.number_prefix.setPlaceholderText(self.tr("예: 순천 → 2026-순천-0042"))
        self.mask_names = QCheckBox(self.tr("사례 목록에서 기업명 가리기"))
        self.mask_names.setObjectName("settingMaskNames")
        self.data_dir = QLineEdit()
        self.data_dir.setObjectName("settingDataDir")
        self.data_dir.setPlaceholderText(str(ctx.db_path.parent))
        browse = QPushButton(self.tr("찾아보기…"))
        browse.clicked.connect(self._browse)
        open_folder = QPushButton(self.tr("폴더 열기"))
        open_folder.clicked.connect(self._open_folder)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_dir, 1)
        data_row.addWidget(browse)
        data_row.addWidget(open_folder)
        self.db_label = QLabel(self.tr("지금 쓰는 데이터베이스: {path}").format(path=ctx.db_path))
        self.db_label.setObjectName("settingDbPath")
        self.db_label.setWordWrap(True)
        self.error = ErrorLabel()
        self.saved_label = QLabel()
        self.save_button = QPushButton(self.tr("저장"))
        self.save_button.setObjectName("settingsSave")
        self.revert_button = QPushButton(self.tr("되돌리기"))
        self.key_box = StoreKeyBox(ctx)
        form = QFormLayout()
        form.addRow(self.tr("이름"), self.user_name)
        form.addRow(self.tr("소속 기관"), self.agency)
        form.addRow(self.tr("역할"), self.role)
        form.addRow(self.tr("기기 이름"), self.device_name)
        form.addRow(self.tr("언어"), self.language)
        form.addRow(self.tr("사례 번호 접두어"), self.number_prefix)
        form.addRow("", self.mask_names)
        form.addRow(self.tr("데이터 폴더"), data_row)
        form.addRow("", self.db_label)
        for widget, option in (
            (self.user_name, "user_name"),
            (self.agency, "agency_id"),
            (self.role, "role"),
            (self.device_name, "device_name"),
            (self.language, "language"),
            (self.number_prefix, "number_prefix"),
            (self.mask_names, "mask_names_in_list"),
            (self.data_dir, "data_dir"),
        ):
            widget.setToolTip(option_doc(option))
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        body = QWidget()
        body.setMaximumWidth(820)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(title_label(self.tr("설정")))
        body_layout.addLayout(form)
        body_layout.addWidget(QLabel(self.tr("데이터 폴더를 바꾸면 다음에 프로그램을 시작할 때 적용됩니다.")))
        body_layout.addWidget(self.error)
        body_layout.addLayout(buttons)
        body_layout.addWidget(self.key_box)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        ctx.events.settings_changed.connect(self._settings_changed)
        self.load()

    def load(self) -> None:
        """Show the current settings in the widgets."""
        s = self._shown = self._ctx.settings
        self.user_name.setText(s.user_name)
        self.agency.setCurrentIndex(max(self.agency.findData(s.agency_id), 0))
        self.role.setCurrentIndex(max(self.role.findData(s.role), 0))
        self.device_name.setText(s.device_name)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.number_prefix.setText(s.number_prefix)
        self.mask_names.setChecked(s.mask_names_in_list)
        self.data_dir.setText(s.data_dir)
        self.error.show_text("")
        self.key_box.load()

    def values(self, base: Settings | None = None) -> Settings:
        """The settings as the widgets show them (over ``base``, by default the current ones)."""
        return (base or self._ctx.settings).with_changes(
            user_name=self.user_name.text().strip(),
            agency_id=str(self.agency.currentData() or ""),
            role=str(self.role.currentData() or "consultant"),
            device_name=self.device_name.text().strip(),
            language=str(self.language.currentData() or "ko"),
            number_prefix=self.number_prefix.text().strip(),
            mask_names_in_list=self.mask_names.isChecked(),
            data_dir=self.data_dir.text().strip(),
        )

    def save(self) -> None:
        """Write the widgets back to the settings (a language change rebuilds the window)."""
        try:
            new = self.values()
        except (TypeError, ValueError) as exc:
            self.error.show_text(str(exc))
            return
        # The first-run dialog asks for both; blanking them here left cases and sync unsigned.
        blank = self.user_name if not new.user_name else self.device_name if not new.device_name else None
        if blank is not None:
            self.error.show_text(
                self.tr("이름과 기기 이름은 비워 둘 수 없습니다. 모든 처리 기록과 동기화에 남습니다.")
            )
            blank.setFocus()
            return
        self.error.show_text("")
        self.saved_label.setText(self.tr("저장했습니다."))
        self._ctx.update_settings(new)

    def _settings_changed(self) -> None:
        # Saving the recovery key changes the settings too: keep what the user is typing here.
        if self.values(self._shown) == self._shown:
            self.load()
        else:
            self.key_box.load()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("데이터 폴더"), self.data_dir.text() or str(self._ctx.db_path.parent)
        )
        if folder:
            self.data_dir.setText(folder)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.db_path.parent)))
