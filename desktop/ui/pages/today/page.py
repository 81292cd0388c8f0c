"""오늘의 현장: the open clinic session, the intake form and the cases logged in this session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.core.records import ClinicSession
from desktop.store import queries, sessions
from desktop.store.db import Database
from desktop.store.queries import CaseFilter, Sort
from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.intake.panel import IntakePanel
from desktop.ui.pages.today.dialogs import OpenSessionDialog, SessionDialog
from desktop.ui.widgets.case_table_view import CaseTableView
from desktop.ui.widgets.common import title_label
from desktop.ui.worker import JobControl


def session_counts(filt: CaseFilter) -> Callable[[Database, JobControl], tuple[int, int, int]]:
    """A worker job counting (received, open, overdue) cases of the session or of today."""

    def count(db: Database, _control: JobControl) -> tuple[int, int, int]:
        now = datetime.now()
        return (
            queries.count_cases(db, filt, now),
            queries.count_cases(db, replace(filt, open_only=True), now),
            queries.count_cases(db, replace(filt, overdue=True), now),
        )

    return count


class TodayPage(Page):
    """Today's work. Cases logged here belong to the open session (``settings.current_session_id``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("todayPage")
        self.session: ClinicSession | None = None
        self.session_title = title_label("")
        self.session_title.setObjectName("sessionTitle")
        self.session_info = QLabel()
        self.session_info.setObjectName("sessionInfo")
        self.session_info.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("sessionCounts")
        self.new_session_button = QPushButton(self.tr("새 현장지원단…"))
        self.new_session_button.setObjectName("newSessionButton")
        self.open_session_button = QPushButton(self.tr("현장지원단 열기…"))
        self.close_session_button = QPushButton(self.tr("현장지원단 닫기"))
        for button in (self.new_session_button, self.open_session_button, self.close_session_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        card = QGroupBox(self.tr("현장지원단"))
        grid = QGridLayout(card)
        grid.addWidget(self.session_title, 0, 0)
        grid.addWidget(self.session_info, 1, 0)
        grid.addWidget(self.counts, 2, 0)
        buttons = QVBoxLayout()
        buttons.addWidget(self.new_session_button)
        buttons.addWidget(self.open_session_button)
        buttons.addWidget(self.close_session_button)
        grid.addLayout(buttons, 0, 1, 3, 1)
        grid.setColumnStretch(0, 1)

        self.intake = IntakePanel(ctx, self)
        intake_box = QGroupBox(self.tr("애로사항 접수 (Ctrl+N)"))
        intake_layout = QVBoxLayout(intake_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.intake)
        intake_layout.addWidget(scroll)

        self.model = CaseTableModel(
            ctx.db,
            ctx.labels(),
            self,
            filt=self._filter(),
            sort=Sort("received_at", True),
            mask_names=ctx.settings.mask_names_in_list,
            workers=ctx.workers,
        )
        self.table = CaseTableView(
            ctx,
            self.model,
            "todayCases",
            hidden_columns=(CaseTableModel.COL_DATE, CaseTableModel.COL_DAYS),
        )
        self.list_title = QLabel()
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addWidget(self.table)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.addWidget(intake_box)
        self.splitter.addWidget(list_box)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([610, 500])
        ctx.ui_state.restore_splitter("today", self.splitter)
        self.splitter.splitterMoved.connect(lambda *_: ctx.ui_state.save_splitter("today", self.splitter))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(card)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.new_session_button.clicked.connect(self.new_session)
        self.open_session_button.clicked.connect(self.open_session)
        self.close_session_button.clicked.connect(lambda: self.set_session(""))
        ctx.events.session_opened.connect(self.refresh)
        ctx.events.case_added.connect(self.data_changed)
        ctx.events.case_changed.connect(self.data_changed)
        ctx.events.cases_changed.connect(self.data_changed)
        ctx.events.settings_changed.connect(self._settings_changed)
        self._show_session()

    def _filter(self) -> CaseFilter:
        session_id = self._ctx.settings.current_session_id
        if session_id:
            return CaseFilter(session_id=session_id)
        return CaseFilter(received_from=self._ctx.today())

    def _load_session(self) -> ClinicSession | None:
        session_id = self._ctx.settings.current_session_id
        if not session_id:
            return None
        try:
            return sessions.get_session(self._ctx.db, session_id)
        except RejectedInput:
            return None

    def _show_session(self) -> None:
        self.session = self._load_session()
        labels = self._ctx.labels()
        session = self.session
        if session is None:
            self.session_title.setText(self.tr("열린 현장지원단 없음 (상설 창구 접수)"))
            self.session_info.setText(
                self.tr("현장지원단을 만들거나 열면, 접수하는 애로사항이 그 현장지원단에 속합니다.")
            )
            self.list_title.setText(self.tr("오늘 접수한 사례"))
        else:
            self.session_title.setText(session.name)
            agencies = ", ".join(labels.agency(a) for a in session.agencies) or "—"
            consultants = ", ".join(session.consultants) or "—"
            region = labels.region(session.region_code) if session.region_code else ""
            place = f"{session.place} ({region})" if region else session.place
            self.session_info.setText(
                self.tr("{day} · {place}\n참여 기관: {agencies}\n상담원: {consultants}").format(
                    day=session.date.isoformat(), place=place, agencies=agencies, consultants=consultants
                )
            )
            self.list_title.setText(self.tr("이 현장지원단의 사례"))
        self.close_session_button.setEnabled(session is not None)
        self.count_job = self._ctx.workers.start(
            self._ctx.db, session_counts(self._filter()), on_success=self._show_counts, context=self
        )

    def _show_counts(self, counts: tuple[int, int, int]) -> None:
        total, open_count, overdue = counts
        self.counts.setText(
            self.tr("접수 {total}건 · 처리중 {open}건 · 종결 {closed}건 · 기한 경과 {overdue}건").format(
                total=total, open=open_count, closed=total - open_count, overdue=overdue
            )
        )

    def refresh(self) -> None:
        self.model.refresh(self._filter())
        self._show_session()

    def _settings_changed(self) -> None:
        self.model.set_mask_names(self._ctx.settings.mask_names_in_list)

    def set_session(self, session_id: str) -> None:
        self._ctx.update_settings(self._ctx.settings.with_changes(current_session_id=session_id))

    def new_session(self) -> None:
        dialog = SessionDialog(self._ctx, self)
        if dialog.exec() == SessionDialog.DialogCode.Accepted:
            self.set_session(dialog.session_id)

    def open_session(self) -> None:
        dialog = OpenSessionDialog(self._ctx, self)
        if dialog.exec() == OpenSessionDialog.DialogCode.Accepted:
            self.set_session(dialog.session_id)

    def start_intake(self) -> None:
        self.intake.start_new()

    def save_state(self) -> None:
        self.intake.save_draft()
        self.table.save_state()
