"""Small coordinator dialogs shared by pages: import problems, a satisfaction call, a call-back day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import followups
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import ErrorLabel


class ProblemsDialog(QDialog):
    """Every problem of a refused file (sheet, row, column, reason), selectable to copy."""

    def __init__(self, title: str, intro: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("problemsText")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)


class CallDialog(QDialog):
    """Record a satisfaction call: the 1–5 answer (or no answer), a note, and what a low score does."""

    def __init__(self, ctx: AppContext, case_id: str, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case_id = case_id
        self.outcome: followups.CallResult | None = None
        self.setObjectName("callDialog")
        self.setWindowTitle(self.tr("만족도 조사 — {number}").format(number=number))
        self.points = QButtonGroup(self)
        row = QHBoxLayout()
        names = {
            5: self.tr("5 매우 만족"),
            4: self.tr("4 만족"),
            3: self.tr("3 보통"),
            2: self.tr("2 불만족"),
            1: self.tr("1 매우 불만족"),
        }
        for value in (5, 4, 3, 2, 1):
            button = QRadioButton(names[value])
            button.setObjectName(f"callPoints{value}")
            self.points.addButton(button, value)
            row.addWidget(button)
        self.no_answer = QRadioButton(self.tr("연락 안 됨"))
        self.no_answer.setObjectName("callNoAnswer")
        self.points.addButton(self.no_answer, 0)
        row.addWidget(self.no_answer)
        self.note = QLineEdit()
        self.note.setObjectName("callNote")
        self.flag = QRadioButton(self.tr("조치 필요로 표시"))
        self.flag.setObjectName("callFlag")
        self.flag.setChecked(True)
        self.reopen = QRadioButton(self.tr("사례 재개"))
        self.reopen.setObjectName("callReopen")
        low = QHBoxLayout()
        low.addWidget(self.flag)
        low.addWidget(self.reopen)
        low.addStretch(1)
        low_group = QButtonGroup(self)
        low_group.addButton(self.flag)
        low_group.addButton(self.reopen)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("응답"), row)
        form.addRow(self.tr("메모"), self.note)
        form.addRow(
            self.tr("{n}점 이하일 때").format(n=followups.LOW_POINTS),
            low,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen_points(self) -> int | None:
        """1–5, None for "no answer"; raises nothing — an empty choice is caught by :meth:`save`."""
        value = self.points.checkedId()
        return None if value <= 0 else value

    def save(self) -> None:
        if self.points.checkedId() < 0:
            self.error.show_text(self.tr("응답을 고르세요."))
            return
        try:
            self.outcome = followups.record_call(
                self._ctx.db,
                self.case_id,
                self._ctx.actor(),
                points=self.chosen_points(),
                note=self.note.text(),
                on_low="reopen" if self.reopen.isChecked() else "flag",
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self._ctx.events.case_changed.emit(self.case_id)
        self.accept()


class ScheduleDialog(QDialog):
    """Pick the day of the satisfaction call-back."""

    def __init__(
        self, ctx: AppContext, case_id: str, due: date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case_id = case_id
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("만족도 조사 예약"))
        start = due if due and due >= ctx.today() else ctx.today()
        self.day = QDateEdit(QDate(start.year, start.month, start.day))
        self.day.setObjectName("scheduleDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("연락할 날"), self.day)
        form.addRow(self.tr("메모"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        picked = self.day.date()
        try:
            followups.schedule(
                self._ctx.db,
                self.case_id,
                date(picked.year(), picked.month(), picked.day()),
                self._ctx.actor(),
                note=self.note.text(),
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self._ctx.events.case_changed.emit(self.case_id)
        self.accept()
