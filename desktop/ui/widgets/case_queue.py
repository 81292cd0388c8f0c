"""A coordinator's work list: ageing by agency, a multi-select case list and bulk actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases
from desktop.store.db import Database
from desktop.store.queries import CaseFilter, Sort
from desktop.ui.context import AppContext
from desktop.ui.models.ageing_table_model import AgeingRow, AgeingTableModel, compute_ageing
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.widgets.case_table_view import CaseTableView
from desktop.ui.worker import Job, JobControl

BulkResult = tuple[int, list[tuple[str, str]]]
"""(cases done, [(case id, problem text)])."""


def bulk(
    case_ids: list[str], actor: Actor, lang: str, one: Callable[[Database, str, Actor], object]
) -> Callable[[Database, JobControl], BulkResult]:
    """A worker job applying ``one`` to each case; refusals are collected, not fatal."""

    def run(db: Database, control: JobControl) -> BulkResult:
        done = 0
        problems: list[tuple[str, str]] = []
        for n, case_id in enumerate(case_ids, start=1):
            control.check()
            try:
                one(db, case_id, actor)
                done += 1
            except RejectedInput as exc:
                problems.append((case_id, exc.message(lang)))
            control.progress(n, len(case_ids))
        return done, problems

    return run


class TextDialog(QDialog):
    """Asks for one line (a person) or a text (a reminder) for a bulk action."""

    def __init__(
        self,
        title: str,
        label: str,
        text: str = "",
        *,
        multiline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.line = QLineEdit(text)
        self.line.setObjectName("bulkLine")
        self.area = QPlainTextEdit(text)
        self.area.setObjectName("bulkText")
        self.area.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(label, self.area if multiline else self.line)
        self.multiline = multiline
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def value(self) -> str:
        return (self.area.toPlainText() if self.multiline else self.line.text()).strip()


class CaseQueue(QWidget):
    """Ageing table (computed in a worker) above a case list with bulk actions.

    State: the case filter of the list, the last ageing rows, and the running bulk job.
    """

    def __init__(
        self,
        ctx: AppContext,
        state_name: str,
        filt: CaseFilter,
        parent: QWidget | None = None,
        *,
        hidden_columns: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.ageing_agency: str | None = None
        self.ageing_statuses: tuple[str, ...] = ()
        self.job: Job[BulkResult] | None = None
        self.ageing_job: Job[list[AgeingRow]] | None = None
        self.ageing_model = AgeingTableModel(ctx.labels(), self)
        self.ageing = QTableView()
        self.ageing.setObjectName(f"{state_name}Ageing")
        self.ageing.setModel(self.ageing_model)
        self.ageing.verticalHeader().setVisible(False)
        self.ageing.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ageing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ageing.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ageing.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.ageing.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.ageing_model.modelReset.connect(self._fit_ageing)
        self.model = CaseTableModel(
            ctx.db,
            ctx.labels(),
            self,
            filt=filt,
            sort=Sort("deadline_at", False),
            mask_names=ctx.settings.mask_names_in_list,
            workers=ctx.workers,
        )
        self.table = CaseTableView(
            ctx, self.model, state_name, multi_select=True, hidden_columns=hidden_columns
        )
        self._fit_ageing()
        self.assign_button = QPushButton(self.tr("담당자 지정…"))
        self.assign_button.setObjectName("bulkAssign")
        self.remind_button = QPushButton(self.tr("독촉 메모 보내기…"))
        self.remind_button.setObjectName("bulkRemind")
        self.select_all_button = QPushButton(self.tr("모두 선택"))
        self.count_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setObjectName("bulkResult")
        self.result_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.select_all_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.remind_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ageing)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        self.model.count_changed.connect(self._show_count)
        self.assign_button.clicked.connect(self.request_assign)
        self.remind_button.clicked.connect(self.request_reminder)
        self.select_all_button.clicked.connect(self.table.selectAll)
        self._show_count()

    def set_filter(self, filt: CaseFilter) -> None:
        self.model.refresh(filt)
        self._show_count()

    def refresh(self, filt: CaseFilter | None = None) -> None:
        """Re-read the list (optionally with a new filter) and recount the ageing table."""
        self.model.refresh(filt)
        self._show_count()
        self.refresh_ageing()

    def refresh_ageing(self) -> None:
        """Recount the ageing table in the background (grouped counts over all open cases)."""
        now = self._ctx.now()
        agency = self.ageing_agency
        statuses = self.ageing_statuses

        def count(db: Database, _control: JobControl) -> list[AgeingRow]:
            return compute_ageing(db, now, agency, statuses)

        self.ageing_job = self._ctx.workers.start(
            self._ctx.db, count, on_success=self.ageing_model.set_rows, context=self.ageing_model
        )

    def _fit_ageing(self) -> None:
        """As tall as its rows (at most six), so the case list gets the rest."""
        rows = min(max(self.ageing_model.rowCount(), 1), 6)
        height = self.ageing.horizontalHeader().sizeHint().height()
        self.ageing.setFixedHeight(height + rows * self.ageing.verticalHeader().defaultSectionSize() + 4)

    def _show_count(self, *_: object) -> None:
        n = f"{self.model.count:,}"
        if self.model.counting:
            self.count_label.setText(self.tr("{n}건 이상 (세는 중…)").format(n=n))
        else:
            self.count_label.setText(self.tr("{n}건").format(n=n))

    # --- bulk actions ----------------------------------------------------------------------------

    def request_assign(self) -> None:
        ids = self.table.selected_case_ids()
        if not ids:
            self.result_label.setText(self.tr("먼저 사례를 고르세요."))
            return
        dialog = TextDialog(self.tr("담당자 지정 — {n}건").format(n=len(ids)), self.tr("담당자"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value():
            self.assign(ids, dialog.value())

    def assign(self, case_ids: list[str], person: str) -> Job[BulkResult]:
        return self._run(case_ids, lambda db, cid, actor: cases.assign_to(db, cid, person, actor))

    def request_reminder(self) -> None:
        ids = self.table.selected_case_ids()
        if not ids:
            self.result_label.setText(self.tr("먼저 사례를 고르세요."))
            return
        dialog = TextDialog(
            self.tr("독촉 메모 — {n}건").format(n=len(ids)),
            self.tr("메모"),
            self.default_reminder(),
            multiline=True,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value():
            self.remind(ids, dialog.value())

    def default_reminder(self) -> str:
        return self.tr("[독촉] 처리기한이 지났거나 임박했습니다. 처리 상황을 회신해 주시기 바랍니다.")

    def remind(self, case_ids: list[str], text: str) -> Job[BulkResult]:
        return self._run(case_ids, lambda db, cid, actor: _note(db, cid, text, actor))

    def _run(self, case_ids: list[str], one: Callable[[Database, str, Actor], object]) -> Job[BulkResult]:
        ctx = self._ctx
        progress = QProgressDialog(self.tr("처리 중…"), self.tr("취소"), 0, len(case_ids), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def progressed(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(result: BulkResult) -> None:
            progress.reset()
            done, problems = result
            text = self.tr("{done}건 처리했습니다.").format(done=done)
            if problems:
                text += " " + self.tr("{n}건은 처리하지 못했습니다: {first}").format(
                    n=len(problems), first=problems[0][1]
                )
            self.result_label.setText(text)
            ctx.events.cases_changed.emit()

        def failed(error: BaseException) -> None:
            progress.reset()
            self.result_label.setText(
                self.tr("중단되었습니다: {error}").format(error=str(error) or type(error).__name__)
            )
            ctx.events.cases_changed.emit()

        job = ctx.workers.start(
            ctx.db,
            bulk(case_ids, ctx.actor(), ctx.lang, one),
            context=self,
            on_success=finished,
            on_failure=failed,
            on_progress=progressed,
        )
        progress.canceled.connect(job.cancel)
        self.job = job
        return job

    def save_state(self) -> None:
        self.table.save_state()


def _note(db: Database, case_id: str, text: str, actor: Actor) -> None:
    cases.add_note(db, case_id, text, actor)
