"""사후관리 대장: the satisfaction call-backs to make, record a call, reschedule, print the register."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store import followups
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.models.followup_table_model import FollowupTableModel
from desktop.ui.widgets.common import show_error
from desktop.ui.widgets.coord_dialogs import CallDialog, ScheduleDialog
from desktop.ui.worker import Job, JobControl

WINDOWS = (30, 60, 90, 365)


class FollowupPanel(QWidget):
    """The follow-up register (computed in a worker) with the actions on the selected case.

    State: the window in days (cases closed since), the state filter, the running job.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("followupPanel")
        self.job: Job[list[followups.FollowUp]] | None = None
        self.closed_within = QComboBox()
        self.closed_within.setObjectName("followupWindow")
        for days in WINDOWS:
            self.closed_within.addItem(self.tr("최근 {n}일 종결").format(n=days), days)
        self.closed_within.setCurrentIndex(1)
        self.state = QComboBox()
        self.state.setObjectName("followupState")
        self.model = FollowupTableModel(ctx.labels(), self)
        self.state.addItem(self.tr("모든 상태"), "")
        for state in followups.STATE_NAMES:
            self.state.addItem(self.model.state_name(state), state)
        self.summary = QLabel()
        self.summary.setObjectName("followupSummary")
        self.table = QTableView()
        self.table.setObjectName("followupTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.call_button = QPushButton(self.tr("통화 기록…"))
        self.call_button.setObjectName("followupCall")
        self.schedule_button = QPushButton(self.tr("예약 변경…"))
        self.clear_button = QPushButton(self.tr("조치 완료"))
        self.open_button = QPushButton(self.tr("사례 열기"))
        self.print_button = QPushButton(self.tr("대장 PDF…"))
        self.print_button.setObjectName("followupPrint")
        top = QHBoxLayout()
        top.addWidget(self.closed_within)
        top.addWidget(self.state)
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.open_button, self.schedule_button, self.clear_button, self.call_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.closed_within.currentIndexChanged.connect(lambda _: self.refresh())
        self.state.currentIndexChanged.connect(lambda _: self.refresh())
        self.table.doubleClicked.connect(self._open)
        self.call_button.clicked.connect(self.record_call)
        self.schedule_button.clicked.connect(self.reschedule)
        self.clear_button.clicked.connect(self.clear_flag)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.print_button.clicked.connect(self.print_register)

    def refresh(self) -> None:
        today = self._ctx.today()
        days = int(self.closed_within.currentData() or 60)
        state = str(self.state.currentData() or "")

        def load(db: Database, _control: JobControl) -> list[followups.FollowUp]:
            return followups.register(
                db, closed_from=today - timedelta(days=days), today=today, states=(state,) if state else ()
            )

        self.job = self._ctx.workers.start(self._ctx.db, load, on_success=self._show, context=self)

    def _show(self, rows: list[followups.FollowUp]) -> None:
        self.model.set_labels(self._ctx.labels())
        self.model.set_rows(rows)
        counts = followups.counts(rows)
        self.summary.setText(
            self.tr("대상 {n}건 · 지연 {late} · 오늘 {due} · 불만족 조치 {flag}").format(
                n=len(rows),
                late=counts[followups.OVERDUE],
                due=counts[followups.DUE],
                flag=counts[followups.FLAGGED],
            )
        )

    def selected(self) -> followups.FollowUp | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._ctx.events.case_open_requested.emit(row.case_id)

    def record_call(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = CallDialog(self._ctx, row.case_id, row.number, self)
        if dialog.exec():
            self.refresh()

    def reschedule(self) -> None:
        row = self.selected()
        if row is None:
            return
        if ScheduleDialog(self._ctx, row.case_id, row.due, self).exec():
            self.refresh()

    def clear_flag(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            followups.clear_flag(self._ctx.db, row.case_id, self._ctx.actor())
        except Exception as exc:  # RejectedInput: shown, nothing changed
            show_error(self, self.tr("사후관리"), exc, self._ctx.lang)
            return
        self._ctx.events.case_changed.emit(row.case_id)
        self.refresh()

    def print_register(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("사후관리 대장 저장"), f"사후관리대장_{date.today():%Y%m%d}.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        from reports.pdf.followup_register import render_followup_register

        days = int(self.closed_within.currentData() or 60)
        today = self._ctx.today()
        actor = self._ctx.actor()

        def render(db: Database, _control: JobControl) -> Path:
            result = render_followup_register(db, Path(name), actor, date_from=today - timedelta(days=days))
            return result.path

        self._ctx.workers.start(
            self._ctx.db,
            render,
            on_success=lambda path: self._ctx.events.status_message.emit(
                self.tr("저장했습니다: {path}").format(path=path)
            ),
            on_failure=lambda exc: show_error(self, self.tr("사후관리 대장"), exc, self._ctx.lang),
            context=self,
        )
