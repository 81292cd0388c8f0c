"""The PDF reports panel: pick a report and its parameters, make it in the background, preview, print."""

from __future__ import annotations

import re
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput, reject
from desktop.core.records import Firm
from desktop.store import sessions
from desktop.ui.context import AppContext
from desktop.ui.pages.intake.widgets import FirmLookup
from desktop.ui.pages.reports.actions import (
    REPORT_KINDS,
    ReportKind,
    ReportRequest,
    copy_atomically,
    print_document,
    report_job,
)
from desktop.ui.pages.reports.widgets import (
    JobBar,
    PdfPreview,
    PeriodEdit,
    combo,
    fill_agencies,
    fill_sessions,
)
from desktop.ui.widgets.common import ErrorLabel, error_text
from desktop.ui.worker import Cancelled

if TYPE_CHECKING:
    from reports.pdf.layout import BuildResult

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
UNMASKED_KINDS: tuple[ReportKind, ...] = ("register", "period")
"""Reports without personal data (firm names or counts only): no unmasking to ask for."""


class PdfReportsPanel(QWidget):
    """Report list and parameters on the left, the preview on the right.

    State: the report kind chosen, the firm picked for the firm history, the temporary folder
    holding the previewed file, and the request the preview was made from.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("pdfReportsPanel")
        self._tmp = tempfile.TemporaryDirectory(prefix="onestop-report-", ignore_cleanup_errors=True)
        self.firm: Firm | None = None
        self.shown_request: ReportRequest | None = None
        names = self.report_names()
        self.kinds = QListWidget()
        self.kinds.setObjectName("reportKinds")
        for kind in REPORT_KINDS:
            item = QListWidgetItem(names[kind])
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setMaximumHeight(self.kinds.sizeHintForRow(0) * len(REPORT_KINDS) + 8)
        self.params = QStackedWidget()
        self.params.addWidget(self._case_form())
        self.params.addWidget(self._session_form())
        self.params.addWidget(self._agency_form())
        self.params.addWidget(self._firm_form())
        self.params.addWidget(self._register_form())
        self.params.addWidget(self._period_form())
        self.approval = QCheckBox(self.tr("결재란 넣기 (담당·팀장·센터장)"))
        self.approval.setChecked(True)
        self.unmask_box = QGroupBox(self.tr("개인정보"))
        self.unmask = QCheckBox(self.tr("마스킹 해제 (사유 필요, 기록됨)"))
        self.unmask.setObjectName("reportUnmask")
        self.reason = QLineEdit()
        self.reason.setObjectName("reportUnmaskReason")
        self.reason.setPlaceholderText(self.tr("해제 사유 (예: 기관 회신 공문 첨부)"))
        self.reason.setEnabled(False)
        unmask_layout = QVBoxLayout(self.unmask_box)
        unmask_layout.addWidget(self.unmask)
        unmask_layout.addWidget(self.reason)
        self.make_button = QPushButton(self.tr("미리보기 만들기 (Ctrl+Enter)"))
        self.make_button.setObjectName("makeReport")
        self.error = ErrorLabel()
        self.job_bar = JobBar()
        self.preview = PdfPreview()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("보고서")))
        left_layout.addWidget(self.kinds)
        left_layout.addWidget(self.params)
        left_layout.addWidget(self.approval)
        left_layout.addWidget(self.unmask_box)
        left_layout.addWidget(self.make_button)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.job_bar)
        left_layout.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 7)
        if not ctx.ui_state.restore_splitter("reports", self.splitter):
            self.splitter.setSizes([400, 800])
        self.splitter.splitterMoved.connect(lambda *_: ctx.ui_state.save_splitter("reports", self.splitter))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.unmask.toggled.connect(self.reason.setEnabled)
        self.make_button.clicked.connect(self.make_preview)
        self.preview.print_requested.connect(self.choose_printer)
        self.preview.save_requested.connect(self.choose_file)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.make_preview)
        self.refresh()
        self.kinds.setCurrentRow(REPORT_KINDS.index("register"))

    def report_names(self) -> dict[ReportKind, str]:
        return {
            "case": self.tr("사례 기록지"),
            "session": self.tr("현장지원 결과 보고"),
            "agency": self.tr("기관별 회신 요청서"),
            "firm": self.tr("기업 지원 이력"),
            "register": self.tr("처리대장"),
            "period": self.tr("애로사항 처리 현황 (기간별)"),
        }

    # --- parameter forms -----------------------------------------------------------------------

    def _case_form(self) -> QWidget:
        box = QGroupBox(self.tr("사례"))
        self.case_number = QLineEdit()
        self.case_number.setObjectName("reportCaseNumber")
        self.case_number.setPlaceholderText(self.tr("접수번호 또는 사례 ID (예: 2026-순천-0042)"))
        self.case_number.returnPressed.connect(self.make_preview)
        form = QFormLayout(box)
        form.addRow(self.tr("접수번호"), self.case_number)
        return box

    def _session_form(self) -> QWidget:
        box = QGroupBox(self.tr("현장지원단"))
        self.session = combo("reportSession")
        form = QFormLayout(box)
        form.addRow(self.tr("현장지원단"), self.session)
        return box

    def _agency_form(self) -> QWidget:
        box = QGroupBox(self.tr("기관별 회신 요청"))
        self.agency = combo("reportAgency")
        fill_agencies(self.agency, self._ctx.labels(), None)
        self.agency_period = PeriodEdit(self._ctx.today(), allow_all=True)
        self.agency_session = combo("reportAgencySession")
        self.include_answered = QCheckBox(self.tr("회신·종결된 사례도 넣기"))
        form = QFormLayout(box)
        form.addRow(self.tr("기관"), self.agency)
        form.addRow(self.tr("접수 기간"), self.agency_period)
        form.addRow(self.tr("현장지원단"), self.agency_session)
        form.addRow(self.include_answered)
        return box

    def _firm_form(self) -> QWidget:
        box = QGroupBox(self.tr("기업"))
        self.firm_lookup = FirmLookup(self._ctx)
        self.firm_label = QLabel(self.tr("기업을 찾아 Enter로 고르세요."))
        self.firm_label.setObjectName("reportFirm")
        self.firm_label.setWordWrap(True)
        self.firm_lookup.firm_picked.connect(self.set_firm)
        layout = QVBoxLayout(box)
        layout.addWidget(self.firm_lookup)
        layout.addWidget(self.firm_label)
        return box

    def _register_form(self) -> QWidget:
        box = QGroupBox(self.tr("처리대장"))
        labels = self._ctx.labels()
        self.register_period = PeriodEdit(self._ctx.today(), allow_all=False)
        self.register_agency = combo("registerAgency")
        fill_agencies(self.register_agency, labels, self.tr("모든 기관"))
        self.register_field = combo("registerField")
        self.register_field.addItem(self.tr("모든 분야"), "")
        for f in labels.fields():
            self.register_field.addItem(labels.field_with_code(f.code), f.code)
        form = QFormLayout(box)
        form.addRow(self.tr("접수 기간"), self.register_period)
        form.addRow(self.tr("기관"), self.register_agency)
        form.addRow(self.tr("분야"), self.register_field)
        return box

    def _period_form(self) -> QWidget:
        box = QGroupBox(self.tr("애로사항 처리 현황"))
        self.period = PeriodEdit(self._ctx.today(), allow_all=True)
        note = QLabel(self.tr("대시보드와 같은 수치: 분야·기관·상태별 건수, 현장해결률, 회신 소요일, 만족도"))
        note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("접수 기간"), self.period)
        form.addRow(note)
        return box

    def _kind_changed(self, row: int) -> None:
        if 0 <= row < len(REPORT_KINDS):
            # The stack takes the height of the current form, not of the tallest one.
            for index in range(self.params.count()):
                policy = QSizePolicy.Policy.Preferred if index == row else QSizePolicy.Policy.Ignored
                form = self.params.widget(index)
                if form is not None:
                    form.setSizePolicy(policy, policy)
            self.params.setCurrentIndex(row)
            # updateGeometry, not adjustSize: adjustSize shrank the form to its hint width,
            # cutting off the case-number and firm fields until the window was resized.
            self.params.updateGeometry()
            # The register names firms only and the period report counts: nothing to unmask.
            self.unmask_box.setVisible(REPORT_KINDS[row] not in UNMASKED_KINDS)
            self.error.show_text("")

    def kind(self) -> ReportKind:
        return REPORT_KINDS[max(self.kinds.currentRow(), 0)]

    def set_kind(self, kind: ReportKind) -> None:
        self.kinds.setCurrentRow(REPORT_KINDS.index(kind))

    def set_firm(self, firm: Firm | None) -> None:
        self.firm = firm
        if firm is None:
            self.firm_label.setText(self.tr("기업을 찾아 Enter로 고르세요."))
        else:
            self.firm_label.setText(self.tr("선택한 기업: {name}").format(name=firm.name))

    def refresh(self) -> None:
        """Reload the session lists (a session may have been added on this laptop or by sync)."""
        found = sessions.list_sessions(self._ctx.db, limit=500)
        fill_sessions(self.session, found, None)
        fill_sessions(self.agency_session, found, self.tr("모든 현장지원단"))

    # --- making the report -----------------------------------------------------------------------

    def request(self) -> ReportRequest:
        """The report asked for on the form.

        Raises:
            RejectedInput: a parameter is missing (no case number, no session, no firm, no reason).
        """
        kind = self.kind()
        unmask = self.unmask.isChecked() and kind not in UNMASKED_KINDS
        reason = self.reason.text().strip()
        if unmask and not reason:
            raise reject(
                "reason",
                "개인정보 마스킹을 해제하려면 사유를 입력하세요.",
                "Unmasking personal data needs a reason.",
            )
        base = ReportRequest(
            kind, unmask=unmask, reason=reason if unmask else "", approval=self.approval.isChecked()
        )
        if kind == "case":
            number = self.case_number.text().strip()
            if not number:
                raise reject("case", "접수번호를 입력하세요.", "Enter a case number.")
            return replace(base, target=number)
        if kind == "session":
            session_id = str(self.session.currentData() or "")
            if not session_id:
                raise reject("session", "현장지원단을 고르세요.", "Choose a clinic session.")
            return replace(base, target=session_id)
        if kind == "agency":
            start, end = self.agency_period.period()
            return replace(
                base,
                target=str(self.agency.currentData() or ""),
                date_from=start,
                date_to=end,
                session_id=str(self.agency_session.currentData() or ""),
                include_answered=self.include_answered.isChecked(),
            )
        if kind == "firm":
            if self.firm is None:
                raise reject("firm", "기업을 찾아 고르세요.", "Find and choose a firm.")
            return replace(base, target=self.firm.id)
        if kind == "period":
            start, end = self.period.period()
            return replace(base, date_from=start, date_to=end)
        start, end = self.register_period.period()
        return replace(
            base,
            date_from=start,
            date_to=end,
            agency_id=str(self.register_agency.currentData() or ""),
            field_code=str(self.register_field.currentData() or ""),
        )

    def make_preview(self) -> None:
        """Make the chosen report in the background and show it in the preview."""
        if self.job_bar.busy:
            return
        self.error.show_text("")
        try:
            request = self.request()
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        out = Path(self._tmp.name) / f"report-{uuid.uuid4().hex}.pdf"
        job = self._ctx.workers.start(
            self._ctx.db,
            report_job(request, self._ctx.actor(), out),
            on_success=lambda result: self._made(request, result),
            on_failure=self._failed,
            context=self,
        )
        self.make_button.setEnabled(False)
        name = self.report_names()[request.kind]
        self.job_bar.started(job, self.tr("{name} 만드는 중…").format(name=name), steps=False)

    def _made(self, request: ReportRequest, result: BuildResult) -> None:
        self.make_button.setEnabled(True)
        old = self.preview.path
        name = self.report_names()[request.kind]
        pages = self.preview.show_file(result.path, name)
        if old is not None and old != result.path:
            old.unlink(missing_ok=True)
        self.shown_request = request
        text = self.tr("{name}: {pages}쪽").format(name=name, pages=pages)
        excluded = int(result.extra.get("excluded", 0))
        if excluded:
            text += " " + self.tr("(동의가 없는 {n}건 제외)").format(n=excluded)
        self.job_bar.finished(text)

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.job_bar.finished(self.tr("취소했습니다."))
            return
        self.job_bar.finished("")
        self.error.show_text(error_text(exc, self._ctx.lang))

    # --- save and print --------------------------------------------------------------------------

    def suggested_name(self) -> str:
        request = self.shown_request
        if request is None:
            return "report.pdf"
        parts = [self.report_names()[request.kind]]
        if request.kind == "case":
            parts.append(request.target)
        elif request.kind == "session":
            parts.append(self.session.currentText().split("  ")[0])
        elif request.kind == "firm" and self.firm is not None:
            parts.append(self.firm.name)
        elif request.kind == "agency":
            parts.append(self._ctx.labels().agency(request.target))
        if request.date_from and request.date_to:
            parts.append(f"{request.date_from:%Y%m%d}-{request.date_to:%Y%m%d}")
        return _UNSAFE.sub("_", "_".join(p for p in parts if p)) + ".pdf"

    def choose_file(self) -> None:
        if self.preview.path is None:
            return
        start = str(Path.home() / self.suggested_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDF로 저장"), start, self.tr("PDF 파일 (*.pdf)")
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, target: Path) -> Path | None:
        """Copy the previewed report to ``target`` (complete or not at all)."""
        if self.preview.path is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            copy_atomically(self.preview.path, target)
        except OSError as exc:
            self.error.show_text(self.tr("저장하지 못했습니다: {error}").format(error=exc))
            return None
        self.job_bar.finished(self.tr("저장했습니다: {path}").format(path=target))
        self._ctx.events.status_message.emit(self.tr("저장했습니다: {path}").format(path=target))
        return target

    def choose_printer(self) -> None:
        if self.preview.path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = self.preview.document.pagePointSize(0)
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setDocName(self.preview.title.text())
        printer.setFromTo(1, self.preview.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("인쇄"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed report; returns the pages sent to the printer."""
        try:
            printed = print_document(self.preview.document, printer)
        except OSError as exc:
            self.error.show_text(self.tr("인쇄하지 못했습니다: {error}").format(error=exc))
            return 0
        self.job_bar.finished(self.tr("{n}쪽을 인쇄로 보냈습니다.").format(n=printed))
        return printed

    def cleanup(self) -> None:
        """Close the preview and remove its temporary files."""
        self.preview.clear()
        self._tmp.cleanup()
