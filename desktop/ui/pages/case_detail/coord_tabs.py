"""The coordinator tabs of the case window: matching support programs, and the satisfaction follow-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import programs as core_programs
from desktop.core.errors import RejectedInput
from desktop.core.records import Case
from desktop.store import cluster_firms, firms, followups
from desktop.store import programs as store_programs
from desktop.ui.context import AppContext
from desktop.ui.models.match_table_model import MatchTableModel
from desktop.ui.models.timeline_table_model import TimelineTableModel
from desktop.ui.widgets.common import ErrorLabel
from desktop.ui.widgets.coord_dialogs import CallDialog, ScheduleDialog

NO_DATE = QDate(1900, 1, 1)


class ProgramsTab(QWidget):
    """Programs for the firm and difficulty (offline catalog), eligibility per criterion, attach/detach.

    State: the case, the matches as last computed, whether ineligible programs are listed.
    """

    def __init__(self, ctx: AppContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case = case
        self.setObjectName("caseProgramsTab")
        self.profile = QLabel()
        self.profile.setObjectName("caseProgramProfile")
        self.profile.setWordWrap(True)
        self.founded = QDateEdit()
        self.founded.setObjectName("caseFounded")
        self.founded.setDisplayFormat("yyyy-MM-dd")
        self.founded.setCalendarPopup(True)
        self.founded.setMinimumDate(NO_DATE)
        self.founded.setSpecialValueText(self.tr("모름"))
        self.founded_button = QPushButton(self.tr("설립일 저장"))
        self.show_all = QCheckBox(self.tr("대상이 아닌 사업도 보기"))
        self.show_all.setObjectName("caseProgramsAll")
        self.model = MatchTableModel(ctx.labels(), self)
        self.table = QTableView()
        self.table.setObjectName("caseProgramTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MatchTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MatchTableModel.COL_WHY, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(MatchTableModel.COL_WHY, 190)
        self.criteria = QLabel()
        self.criteria.setObjectName("caseProgramCriteria")
        self.criteria.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("caseProgramNote")
        self.note.setPlaceholderText(self.tr("연계 메모 (선택)"))
        self.attach_button = QPushButton(self.tr("사례에 연결"))
        self.attach_button.setObjectName("caseProgramAttach")
        self.detach_button = QPushButton(self.tr("연결 해제"))
        self.detach_button.setObjectName("caseProgramDetach")
        self.error = ErrorLabel()
        founded_row = QHBoxLayout()
        founded_row.addWidget(QLabel(self.tr("설립일(업력)")))
        founded_row.addWidget(self.founded)
        founded_row.addWidget(self.founded_button)
        founded_row.addStretch(1)
        founded_row.addWidget(self.show_all)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.detach_button)
        actions.addWidget(self.attach_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile)
        layout.addLayout(founded_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.criteria)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        self.show_all.toggled.connect(lambda _: self.load())
        self.founded_button.clicked.connect(self.save_founded)
        self.attach_button.clicked.connect(self.attach)
        self.detach_button.clicked.connect(self.detach)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._show_criteria(current.row())
        )

    def load(self, case: Case | None = None) -> None:
        """(Re)compute the matches for the case as it is now."""
        ctx = self._ctx
        if case is not None:
            self.case = case
        labels = ctx.labels()
        firm = firms.get_firm(ctx.db, self.case.firm_id)
        profile = store_programs.firm_profile(ctx.db, firm, ctx.today())
        cluster, rating = cluster_firms.firm_level(ctx.db, firm, ctx.today())
        founded = profile.founded_on
        self.founded.setDate(QDate(founded.year, founded.month, founded.day) if founded else NO_DATE)
        parts = [
            labels.region(firm.region_code) if firm.region_code else self.tr("지역 모름"),
            labels.size(firm.size) if firm.size else self.tr("규모 모름"),
            f"KSIC {firm.ksic}" if firm.ksic else self.tr("업종 모름"),
        ]
        if founded:
            years = core_programs.years_in_business(founded, ctx.today())
            parts.append(self.tr("업력 {n}년").format(n=years))
        if cluster is not None:
            level = (
                rating.level.name_en
                if rating and ctx.lang == "en"
                else rating.level.name_ko
                if rating
                else "—"
            )
            parts.append(
                self.tr("밀집지역 {name} ({level})").format(name=cluster.name(ctx.lang), level=level)
            )
        self.profile.setText(f"{firm.name} · " + " · ".join(parts))
        matches = store_programs.matches_for_case(
            ctx.db,
            self.case.id,
            on=ctx.today(),
            include_ineligible=self.show_all.isChecked(),
            include_unrelated=self.show_all.isChecked(),
        )
        attached = frozenset(a.program_id for a in store_programs.attached(ctx.db, self.case.id))
        self.model.set_labels(labels)
        self.model.set_matches(matches, attached)
        self.criteria.setText(
            self.tr("맞는 지원사업 {n}개 · 연결 {m}개").format(n=len(matches), m=len(attached))
            if matches
            else self.tr("이 기업과 애로사항에 맞는 지원사업이 목록에 없습니다.")
        )

    def _show_criteria(self, row: int) -> None:
        match = self.model.row_at(row)
        if match is None:
            return
        marks = {core_programs.MET: "✓", core_programs.UNMET: "✗", core_programs.UNKNOWN: "?"}
        lines = [f"{marks[c.state]} {c.text(self._ctx.lang)}" for c in match.criteria]
        self.criteria.setText(f"{match.program.name} — {match.program.contact}\n" + "   ".join(lines))

    def selected_program(self) -> str:
        match = self.model.row_at(self.table.currentIndex().row())
        return match.program.id if match else ""

    def save_founded(self) -> None:
        picked = self.founded.date()
        day = None if picked == NO_DATE else date(picked.year(), picked.month(), picked.day())
        try:
            store_programs.set_founded_on(self._ctx.db, self.case.firm_id, day, self._ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.error.show_text("")
        self.load()

    def attach(self) -> None:
        program = self.selected_program()
        if not program:
            self.error.show_text(self.tr("먼저 지원사업을 고르세요."))
            return
        try:
            store_programs.attach(
                self._ctx.db, self.case.id, program, self._ctx.actor(), note=self.note.text()
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.error.show_text("")
        self.note.clear()
        self._ctx.events.case_changed.emit(self.case.id)

    def detach(self) -> None:
        program = self.selected_program()
        if not program:
            self.error.show_text(self.tr("먼저 지원사업을 고르세요."))
            return
        try:
            store_programs.detach(
                self._ctx.db, self.case.id, program, self._ctx.actor(), reason=self.note.text()
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.error.show_text("")
        self.note.clear()
        self._ctx.events.case_changed.emit(self.case.id)


class FollowupTab(QWidget):
    """The satisfaction call-back of the case: when it is due, the calls so far, record one.

    State: the case and its register line (None when the case gets no call-back yet).
    """

    def __init__(self, ctx: AppContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.case = case
        self.line: followups.FollowUp | None = None
        self.setObjectName("caseFollowupTab")
        self.state = QLabel()
        self.state.setObjectName("caseFollowupState")
        self.state.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("caseFollowupHistory")
        self.history.setWordWrap(True)
        self.call_button = QPushButton(self.tr("통화 기록…"))
        self.call_button.setObjectName("caseFollowupCall")
        self.schedule_button = QPushButton(self.tr("예약…"))
        self.clear_button = QPushButton(self.tr("불만족 조치 완료"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.call_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.history)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.call_button.clicked.connect(self.record_call)
        self.schedule_button.clicked.connect(self.reschedule)
        self.clear_button.clicked.connect(self.clear_flag)

    def state_text(self, state: str) -> str:
        names = {
            followups.OVERDUE: self.tr("연락이 늦었습니다"),
            followups.DUE: self.tr("오늘 연락할 차례입니다"),
            followups.SCHEDULED: self.tr("연락 예정"),
            followups.FLAGGED: self.tr("낮은 만족도 — 조치가 필요합니다"),
            followups.DONE: self.tr("만족도 조사 완료"),
            followups.REOPENED: self.tr("낮은 만족도로 재개한 사례"),
        }
        return names.get(state, state)

    def load(self, case: Case | None = None) -> None:
        if case is not None:
            self.case = case
        self.line = line = followups.for_case(self._ctx.db, self.case.id, self._ctx.today())
        if line is None:
            self.state.setText(
                self.tr("종결(또는 사후관리 단계) 뒤 {n}일째 되는 근무일에 만족도 조사를 합니다.").format(
                    n=followups.CALLBACK_DAYS
                )
            )
            self.history.setText("")
        else:
            text = self.state_text(line.state)
            if line.due:
                text += " — " + self.tr("예정일 {day}").format(day=line.due.isoformat())
            if line.score is not None:
                text += " — " + self.tr("만족도 {score}점 (100점 만점)").format(score=line.score)
            self.state.setText(text)
            describe = TimelineTableModel(self._ctx.labels(), self).followup_text
            self.history.setText("\n".join(f"{h.get('at', '')}  {describe(h)}" for h in line.history))
        has_line = line is not None
        self.call_button.setEnabled(True)
        self.schedule_button.setEnabled(has_line)
        self.clear_button.setEnabled(has_line and line is not None and line.state == followups.FLAGGED)

    def record_call(self) -> None:
        if CallDialog(self._ctx, self.case.id, self.case.number, self).exec():
            self.load()

    def reschedule(self) -> None:
        if ScheduleDialog(self._ctx, self.case.id, self.line.due if self.line else None, self).exec():
            self.load()

    def clear_flag(self) -> None:
        try:
            followups.clear_flag(self._ctx.db, self.case.id, self._ctx.actor())
        except RejectedInput as exc:
            self.state.setText(exc.message(self._ctx.lang))
            return
        self._ctx.events.case_changed.emit(self.case.id)
