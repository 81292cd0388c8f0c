"""The intake form's widgets and layout (no behaviour: see ``panel.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core import deadlines
from desktop.ui.context import AppContext
from desktop.ui.pages.intake.widgets import FirmLookup, NewFirmForm
from desktop.ui.widgets.common import ErrorLabel, MessageBar


class IntakeForm(QWidget):
    """Firm lookup, new-firm form, text, field, kind, handling, agency, reason, consents, answer.

    The tab order follows the intake: firm → text → field → kind → handling → agency →
    reason → consents → answer → save.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        ctx = self._ctx
        labels = ctx.labels()
        self.draft_bar = MessageBar(self)
        self.lookup = FirmLookup(ctx, self)
        self.new_firm = NewFirmForm(ctx, self)
        self.firm_label = QLabel()
        self.firm_label.setObjectName("intakeFirmLabel")
        self.firm_label.setStyleSheet("font-weight: bold;")
        # Long (English) region names wrap; the form is squeezed to its minimum height, so keep two lines.
        self.firm_label.setWordWrap(True)
        self.firm_label.setMinimumHeight(2 * self.firm_label.fontMetrics().lineSpacing())
        self.change_firm = QPushButton(self.tr("기업 변경"))
        self.change_firm.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        firm_row = QHBoxLayout()
        firm_row.addWidget(self.firm_label, 1)
        firm_row.addWidget(self.change_firm)
        self.text = QPlainTextEdit()
        self.text.setObjectName("intakeText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("기업이 말한 애로사항을 그대로 적습니다."))
        self.text.setAccessibleName(self.tr("애로사항 내용"))
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(130)
        self.field = QComboBox()
        self.field.setObjectName("intakeField")
        for f in labels.fields():
            self.field.addItem(f"{f.code} {labels.field(f.code)}", f.code)
        self.field.setCurrentIndex(-1)
        self.field.setPlaceholderText(self.tr("분야 선택"))
        self.field_hint = QLabel()
        self.field_hint.setObjectName("intakeFieldHint")
        self.field_hint.setWordWrap(True)
        self.field_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.kind = QComboBox()
        self.kind.setObjectName("intakeKind")
        for n, k in enumerate(deadlines.CASE_KINDS, start=1):
            self.kind.addItem(f"{n}. {labels.kind_with_period(k.code)}", k.code)
        self.kind.setCurrentIndex(self.kind.findData("procedure"))
        self.deadline_hint = QLabel()
        self.deadline_hint.setObjectName("intakeDeadlineHint")
        self.route_radio = QRadioButton(self.tr("기관 배정(&R)"))
        self.route_radio.setObjectName("intakeRoute")
        self.onsite_radio = QRadioButton(self.tr("현장해결(&O)"))
        self.onsite_radio.setObjectName("intakeOnsite")
        self.route_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.route_radio)
        self.mode_group.addButton(self.onsite_radio)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.route_radio)
        mode_row.addWidget(self.onsite_radio)
        mode_row.addStretch(1)
        self.agency = QComboBox()
        self.agency.setObjectName("intakeAgency")
        # Long (English) agency names must not push the form past its pane: the popup shows them whole.
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency.setMinimumContentsLength(20)
        self.agency.addItem(self.tr("— 배정하지 않음 —"), "")
        for a in labels.agencies():
            self.agency.addItem(labels.agency_full(a.id), a.id)
        self.route_hint = QLabel()
        self.route_hint.setObjectName("intakeRouteHint")
        self.route_hint.setWordWrap(True)
        self.route_hint.setStyleSheet("color: #495057;")
        self.reason = QLineEdit()
        self.reason.setObjectName("intakeReason")
        self.reason.setPlaceholderText(self.tr("제안과 다른 기관을 고른 이유"))
        self.consent_box = QWidget()
        self.consent_layout = QVBoxLayout(self.consent_box)
        self.consent_layout.setContentsMargins(0, 0, 0, 0)
        self.consents: list[QCheckBox] = []
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("intakeAnswer")
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("현장에서 안내한 답변"))
        self.answer.setMaximumHeight(70)
        self.error = ErrorLabel()
        self.error.setObjectName("intakeError")
        self.save_button = QPushButton(self.tr("접수 저장 (Ctrl+Enter)"))
        self.save_button.setObjectName("intakeSave")
        self.reset_button = QPushButton(self.tr("새로 쓰기"))
        self.reset_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("intakeSavedLabel")
        self.saved_label.setStyleSheet("color: #146c43;")
        self.saved_label.setWordWrap(True)  # a long case number must not widen the form past its pane

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A row too long for the pane (an English consent line) goes under its label.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        firm_caption = QLabel(self.tr("기업(&K)"))
        firm_caption.setBuddy(self.lookup.box)
        form.addRow(firm_caption, self.lookup)
        form.addRow("", firm_row)
        form.addRow(self.new_firm)
        text_caption = QLabel(self.tr("애로사항(&T)"))
        text_caption.setBuddy(self.text)
        form.addRow(text_caption, self.text)
        field_row = QHBoxLayout()
        field_row.addWidget(self.field, 1)
        field_row.addWidget(self.field_hint, 1)
        form.addRow(self.tr("분야"), field_row)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.deadline_hint, 1)
        form.addRow(self.tr("민원 유형"), kind_row)
        form.addRow(self.tr("처리"), mode_row)
        form.addRow(self.tr("기관"), self.agency)
        form.addRow("", self.route_hint)
        self.reason_label = QLabel(self.tr("변경 사유"))
        form.addRow(self.reason_label, self.reason)
        self.consent_label = QLabel(self.tr("제3자 제공 동의"))
        form.addRow(self.consent_label, self.consent_box)
        self.answer_label = QLabel(self.tr("현장 답변"))
        form.addRow(self.answer_label, self.answer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_bar)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setTabOrder(self.lookup.box, self.text)
        self.setTabOrder(self.text, self.field)
        self.setTabOrder(self.field, self.kind)
        self.setTabOrder(self.kind, self.route_radio)
        self.setTabOrder(self.route_radio, self.agency)
        self.setTabOrder(self.agency, self.reason)
        self.setTabOrder(self.reason, self.answer)
        self.setTabOrder(self.answer, self.save_button)
