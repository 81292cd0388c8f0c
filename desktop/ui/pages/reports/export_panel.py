"""The Excel export panel: filters, per-agency sheets, audited unmasking; runs with progress and cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput, reject
from desktop.store import sessions
from desktop.ui.context import AppContext
from desktop.ui.pages.reports.actions import export_job
from desktop.ui.pages.reports.widgets import JobBar, PeriodEdit, combo, fill_agencies, fill_sessions
from desktop.ui.widgets.common import ErrorLabel, error_text
from desktop.ui.worker import Job

if TYPE_CHECKING:
    from reports.excel.export import ExportOptions, ExportResult


class ExportPanel(QWidget):
    """Which cases go into the workbook, and the export job's progress.

    State: the running job (in the job bar) and the file the last export wrote.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("exportPanel")
        self.last_file: Path | None = None
        self.job: Job[ExportResult] | None = None
        labels = ctx.labels()
        self.period = PeriodEdit(ctx.today(), allow_all=True)
        self.agency = combo("exportAgency")
        fill_agencies(self.agency, labels, self.tr("모든 기관"))
        self.field = combo("exportField")
        self.field.addItem(self.tr("모든 분야"), "")
        for f in labels.fields():
            self.field.addItem(labels.field_with_code(f.code), f.code)
        self.session = combo("exportSession")
        self.statuses = QListWidget()
        self.statuses.setObjectName("exportStatuses")
        for status in labels.statuses():
            item = QListWidgetItem(labels.status(status.code))
            item.setData(Qt.ItemDataRole.UserRole, status.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.statuses.addItem(item)
        self.statuses.setFlow(QListWidget.Flow.LeftToRight)
        self.statuses.setWrapping(True)
        self.statuses.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.statuses.setMaximumHeight(64)
        self.statuses.setToolTip(self.tr("아무것도 고르지 않으면 모든 상태"))
        self.per_agency = QCheckBox(self.tr("기관별 시트 추가"))
        self.per_agency.setObjectName("exportPerAgency")
        self.unmask = QCheckBox(self.tr("개인정보 마스킹 해제 (사유 필요, 기록됨)"))
        self.unmask.setObjectName("exportUnmask")
        self.reason = QLineEdit()
        self.reason.setObjectName("exportUnmaskReason")
        self.reason.setPlaceholderText(self.tr("해제 사유 (예: 연말 실적 보고 원자료)"))
        self.reason.setEnabled(False)
        self.export_button = QPushButton(self.tr("엑셀로 내보내기…"))
        self.export_button.setObjectName("exportButton")
        self.error = ErrorLabel()
        self.job_bar = JobBar()

        filters = QGroupBox(self.tr("내보낼 사례"))
        form = QFormLayout(filters)
        form.addRow(self.tr("접수 기간"), self.period)
        form.addRow(self.tr("기관"), self.agency)
        form.addRow(self.tr("분야"), self.field)
        form.addRow(self.tr("현장지원단"), self.session)
        form.addRow(self.tr("상태"), self.statuses)
        sheet = QGroupBox(self.tr("통합 문서"))
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.addWidget(self.per_agency)
        sheet_layout.addWidget(self.unmask)
        sheet_layout.addWidget(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(sheet)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.job_bar)
        layout.addStretch(1)
        self.unmask.toggled.connect(self.reason.setEnabled)
        self.export_button.clicked.connect(self.choose_file)
        self.refresh()

    def refresh(self) -> None:
        fill_sessions(
            self.session, sessions.list_sessions(self._ctx.db, limit=500), self.tr("모든 현장지원단")
        )

    def options(self) -> ExportOptions:
        """The export options on the form.

        Raises:
            RejectedInput: unmasking without a reason, or a backwards period.
        """
        from reports.excel.export import ExportOptions

        start, end = self.period.period()
        if start and end and end < start:
            raise reject("to", "기간의 끝이 시작보다 앞섭니다.", "The end of the period is before its start.")
        unmask = self.unmask.isChecked()
        reason = self.reason.text().strip()
        if unmask and not reason:
            raise reject(
                "reason",
                "개인정보 마스킹을 해제하려면 사유를 입력하세요.",
                "Unmasking personal data needs a reason.",
            )
        statuses = tuple(
            str(self.statuses.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.statuses.count())
            if self.statuses.item(i).checkState() == Qt.CheckState.Checked
        )
        return ExportOptions(
            date_from=start,
            date_to=end,
            agency_id=str(self.agency.currentData() or ""),
            field_code=str(self.field.currentData() or ""),
            session_id=str(self.session.currentData() or ""),
            statuses=statuses,
            per_agency=self.per_agency.isChecked(),
            unmask=unmask,
            reason=reason if unmask else "",
        )

    def choose_file(self) -> None:
        name = self.tr("애로사항_{day}.xlsx").format(day=self._ctx.today().strftime("%Y%m%d"))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("엑셀로 내보내기"), str(Path.home() / name), self.tr("Excel 통합 문서 (*.xlsx)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, out: Path) -> Job[ExportResult] | None:
        """Start exporting to ``out`` in the background; the file appears only when complete."""
        if self.job_bar.busy:
            return None
        self.error.show_text("")
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        try:
            options = self.options()
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return None
        self.job = self._ctx.workers.start(
            self._ctx.db,
            export_job(out, self._ctx.actor(), options),
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self.job_bar.progressed,
            context=self,
        )
        self.export_button.setEnabled(False)
        self.job_bar.started(self.job, self.tr("내보내는 중: {path}").format(path=out))
        return self.job

    def _done(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.last_file = result.path
        text = self.tr("{path}: 사례 {rows}건, 시트 {sheets}개 ({seconds}초)").format(
            path=result.path,
            rows=f"{result.rows:,}",
            sheets=len(result.sheets),
            seconds=f"{result.seconds:.1f}",
        )
        self.job_bar.finished(text)
        self._ctx.events.status_message.emit(text)

    def _failed(self, exc: BaseException) -> None:
        from reports.excel.export import ExportCancelled

        self.export_button.setEnabled(True)
        if isinstance(exc, ExportCancelled):
            self.job_bar.finished(self.tr("내보내기를 취소했습니다. 파일은 만들지 않았습니다."))
            return
        self.job_bar.finished("")
        self.error.show_text(error_text(exc, self._ctx.lang))
