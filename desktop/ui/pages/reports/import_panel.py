"""The Excel import panel: choose a clinic spreadsheet, see how it was read and what is wrong, confirm.

Reading and checking runs in the background and writes nothing; the confirm button stores
every new row in one transaction (cancel rolls it back).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Problem
from desktop.store import sessions
from desktop.ui.context import AppContext
from desktop.ui.pages.reports.actions import import_job, preview_job
from desktop.ui.pages.reports.widgets import JobBar, combo, fill_sessions
from desktop.ui.widgets.common import ErrorLabel, error_text
from desktop.ui.worker import Cancelled, Job

if TYPE_CHECKING:
    from reports.excel.importer import ImportPreview, ImportResult

MAX_SHOWN_PROBLEMS = 2000
"""A broken 50,000-row sheet lists the first this many problems (the count says how many in all)."""


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class ImportPanel(QWidget):
    """File, session, the header mapping and the problems found, and the confirm button.

    State: the preview of the chosen file (None until read) and the running job.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("importPanel")
        self.preview: ImportPreview | None = None
        self.choose_button = QPushButton(self.tr("파일 선택…"))
        self.choose_button.setObjectName("importChoose")
        self.file_label = QLabel(self.tr("가져올 .xlsx 파일을 고르세요 (현장지원단 접수 대장 등)."))
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        self.session = combo("importSession")
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.mapping = _table(
            "importMapping", [self.tr("시트"), self.tr("열"), self.tr("머리글"), self.tr("읽은 항목")]
        )
        self.problems = _table(
            "importProblems",
            [self.tr("구분"), self.tr("시트"), self.tr("행"), self.tr("열"), self.tr("내용")],
        )
        self.confirm_button = QPushButton(self.tr("가져오기"))
        self.confirm_button.setObjectName("importConfirm")
        self.confirm_button.setEnabled(False)
        self.error = ErrorLabel()
        self.job_bar = JobBar()

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("현장지원단"), self.session)
        tables = QSplitter(Qt.Orientation.Vertical)
        mapping_box = QWidget()
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(QLabel(self.tr("머리글 대응")))
        mapping_layout.addWidget(self.mapping)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr("문제와 주의 사항")))
        problems_layout.addWidget(self.problems)
        tables.addWidget(mapping_box)
        tables.addWidget(problems_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.confirm_button)
        bottom.addWidget(self.job_bar, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(tables, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.choose_button.clicked.connect(self.choose_file)
        self.confirm_button.clicked.connect(self.confirm)
        self.session.currentIndexChanged.connect(self._session_changed)
        self.refresh()

    def refresh(self) -> None:
        fill_sessions(
            self.session,
            sessions.list_sessions(self._ctx.db, limit=500),
            self.tr("현장지원단 없음 (상시 창구)"),
        )

    def _session_changed(self, *_: object) -> None:
        # Rows without a date take the session's date: the file must be read again.
        if self.preview is not None and not self.job_bar.busy:
            self.read_file(self.preview.source)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("엑셀 가져오기"), str(Path.home()), self.tr("Excel 통합 문서 (*.xlsx)")
        )
        if chosen:
            self.read_file(Path(chosen))

    def read_file(self, path: Path) -> Job[ImportPreview] | None:
        """Read and check ``path`` in the background; the preview shows what was found."""
        if self.job_bar.busy:
            return None
        self._clear()
        self.file_label.setText(str(path))
        job = self._ctx.workers.start(
            self._ctx.db,
            preview_job(path, str(self.session.currentData() or "")),
            on_success=self._previewed,
            on_failure=self._failed,
            context=self,
        )
        self.choose_button.setEnabled(False)
        self.job_bar.started(job, self.tr("파일을 읽고 검사하는 중…"), steps=False)
        return job

    def _clear(self) -> None:
        self.preview = None
        self.error.show_text("")
        self.summary.clear()
        _fill(self.mapping, [])
        _fill(self.problems, [])
        self.confirm_button.setEnabled(False)
        self.confirm_button.setText(self.tr("가져오기"))

    def _previewed(self, preview: ImportPreview) -> None:
        from reports.excel.header_synonyms import LABELS

        self.choose_button.setEnabled(True)
        self.job_bar.finished("")
        self.preview = preview
        en = self._ctx.lang == "en"
        mapping = []
        for sheet in preview.sheets:
            for match in sheet.mapping:
                ko, english = LABELS.get(match.target, (match.target, match.target))
                mapping.append([sheet.name, str(match.column), match.header, english if en else ko])
            for header in sheet.unmapped:
                mapping.append([sheet.name, "", header, self.tr("(읽지 않음)")])
        _fill(self.mapping, mapping)
        problems = [self._problem_row(self.tr("오류"), p) for p in preview.problems[:MAX_SHOWN_PROBLEMS]]
        room = max(0, MAX_SHOWN_PROBLEMS - len(problems))
        problems += [self._problem_row(self.tr("주의"), w) for w in preview.warnings[:room]]
        _fill(self.problems, problems)
        self.problems.resizeColumnsToContents()
        # Sizing to contents fixed the last column's width too; setting the flag again is a
        # no-op, so it is switched off and on to stretch the column to the edge again.
        self.problems.horizontalHeader().setStretchLastSection(False)
        self.problems.horizontalHeader().setStretchLastSection(True)
        rows = sum(s.data_rows for s in preview.sheets)
        skipped = sum(s.blank_rows + s.total_rows + s.repeated_headers for s in preview.sheets)
        if preview.ok:
            text = self.tr(
                "자료 {rows}행: 새로 가져올 {new}건, 이미 가져온 {dup}건. "
                "빈 행·합계 행 {skipped}개는 건너뜁니다."
            ).format(
                rows=f"{rows:,}",
                new=f"{len(preview.new_rows):,}",
                dup=f"{preview.duplicates:,}",
                skipped=skipped,
            )
        elif preview.bad_rows():
            text = self.tr(
                "문제가 있는 행이 {bad}개 있어 가져올 수 없습니다 (문제 {n}건). "
                "파일을 고친 뒤 다시 고르세요. 가져오기는 모든 행을 한꺼번에 하거나 하나도 하지 않습니다."
            ).format(bad=f"{len(preview.bad_rows()):,}", n=f"{len(preview.problems):,}")
        else:  # the file as a whole (no header row found): no row to blame
            text = self.tr(
                "이 파일은 가져올 수 없습니다 (문제 {n}건). "
                "아래 문제를 확인하고 파일을 고친 뒤 다시 고르세요."
            ).format(n=f"{len(preview.problems):,}")
        if preview.skipped_sheets:
            text += " " + self.tr("머리글이 없어 건너뛴 시트: {names}").format(
                names=", ".join(preview.skipped_sheets)
            )
        self.summary.setText(text)
        can_import = preview.ok and bool(preview.new_rows)
        self.confirm_button.setEnabled(can_import)
        if can_import:
            self.confirm_button.setText(self.tr("{n}건 가져오기").format(n=f"{len(preview.new_rows):,}"))

    def _problem_row(self, kind: str, problem: Problem) -> list[str]:
        source = problem.source or ""
        sheet = source.split(":", 1)[1] if ":" in source else source
        reason = problem.en if self._ctx.lang == "en" else problem.ko
        if problem.row is None:  # about the whole file or sheet: its field is a code, not a column
            return [kind, sheet, "", "", reason]
        return [kind, sheet, str(problem.row), problem.field, reason]

    def confirm(self) -> Job[ImportResult] | None:
        """Store the previewed rows in the background (all or none)."""
        preview = self.preview
        if preview is None or not preview.ok or self.job_bar.busy:
            return None
        self.error.show_text("")
        job = self._ctx.workers.start(
            self._ctx.db,
            import_job(preview, self._ctx.actor()),
            on_success=self._imported,
            on_failure=self._failed,
            on_progress=self.job_bar.progressed,
            context=self,
        )
        self.confirm_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.job_bar.started(job, self.tr("가져오는 중…"))
        return job

    def _imported(self, result: ImportResult) -> None:
        self.choose_button.setEnabled(True)
        self.preview = None
        self.confirm_button.setText(self.tr("가져오기"))
        text = self.tr(
            "{added}건을 가져왔습니다 (새 기업 {firms}개, 이미 있던 {skipped}건은 건너뜀)."
        ).format(
            added=f"{result.added:,}",
            firms=f"{result.firms_created:,}",
            skipped=f"{result.skipped_duplicates:,}",
        )
        self.job_bar.finished(text)
        self._ctx.events.cases_changed.emit()
        self._ctx.events.status_message.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.job_bar.finished(self.tr("가져오기를 취소했습니다. 아무것도 저장하지 않았습니다."))
            self.confirm_button.setEnabled(self.preview is not None and self.preview.ok)
            return
        self.job_bar.finished("")
        self.confirm_button.setEnabled(False)
        self.error.show_text(error_text(exc, self._ctx.lang))
