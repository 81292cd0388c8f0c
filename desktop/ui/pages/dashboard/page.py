"""현황판 (dashboard): cases by field, agency, status and month, on-site rate, reply times, overdue
ageing, recurring keywords, satisfaction and cluster levels — and the follow-up register.

The figures are computed in a worker by :func:`desktop.store.dashboard_queries.dashboard_figures`,
the same function the PDF and Excel reports call.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dashboard import DashboardFigures
from desktop.store import dashboard_queries
from desktop.store.db import Database
from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.pages.dashboard.followups import FollowupPanel
from desktop.ui.pages.dashboard.widgets import FiguresView
from desktop.ui.widgets.common import show_error, title_label
from desktop.ui.worker import Cancelled, Job, JobControl

PERIODS = ("all", "year", "12m", "90d", "session")


class DashboardPage(Page):
    """Period picker and figures (tab 1), follow-up register (tab 2).

    State: the chosen period, the last figures shown, the running job (a new refresh
    cancels it).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboardPage")
        self.figures: DashboardFigures | None = None
        self.job: Job[DashboardFigures] | None = None
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        names = {
            "all": self.tr("전체 기간"),
            "year": self.tr("올해"),
            "12m": self.tr("최근 12개월"),
            "90d": self.tr("최근 90일"),
            "session": self.tr("지금 열린 현장지원단"),
        }
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.refresh_button = QPushButton(self.tr("새로 고침"))
        self.pdf_button = QPushButton(self.tr("PDF 보고서…"))
        self.pdf_button.setObjectName("dashboardPdf")
        self.xlsx_button = QPushButton(self.tr("엑셀로 저장…"))
        self.xlsx_button.setObjectName("dashboardXlsx")
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("현황판")))
        top.addWidget(self.period)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        self.view = FiguresView(ctx.labels())
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        self.followups = FollowupPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(scroll, self.tr("현황"))
        self.tabs.addTab(self.followups, self.tr("사후관리 대장"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.period.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.tabs.currentChanged.connect(self._tab_changed)
        for signal in (
            ctx.events.case_added,
            ctx.events.case_changed,
            ctx.events.cases_changed,
            ctx.events.session_opened,
        ):
            signal.connect(self.data_changed)
        self.refresh()

    def case_filter(self) -> CaseFilter:
        """The cases the chosen period covers."""
        key = str(self.period.currentData() or "all")
        today = self._ctx.today()
        if key == "year":
            return CaseFilter(received_from=date(today.year, 1, 1), received_to=today)
        if key == "12m":
            return CaseFilter(received_from=today - timedelta(days=365), received_to=today)
        if key == "90d":
            return CaseFilter(received_from=today - timedelta(days=90), received_to=today)
        if key == "session":
            return CaseFilter(session_id=self._ctx.settings.current_session_id or "-")
        return CaseFilter()

    def no_open_session(self) -> str:
        """Why the chosen period shows nothing ('' when it does not): the open session, and none is."""
        if self.period.currentData() != "session" or self._ctx.settings.current_session_id:
            return ""
        return self.tr("지금 열린 현장지원단이 없습니다. '오늘의 현장'에서 현장지원단을 여세요.")

    def refresh(self) -> None:
        """Recompute the figures in the background (a refresh still running is cancelled)."""
        if self.job is not None and not self.job.is_done:
            self.job.cancel()
        filt = self.case_filter()
        now = self._ctx.now()
        self.status.setText(self.tr("계산 중…"))

        def compute(db: Database, control: JobControl) -> DashboardFigures:
            return dashboard_queries.dashboard_figures(db, filt, now, check=control.check)

        self.job = self._ctx.workers.start(
            self._ctx.db, compute, on_success=self.show_figures, on_failure=self._failed, context=self
        )
        if self.tabs.currentWidget() is self.followups:
            self.followups.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.followups:
            self.followups.refresh()

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self.view.show_figures(figures, self._ctx.labels())
        self.status.setText(
            self.tr("{at} 기준 · 사례 {n}건").format(
                at=figures.generated_at.strftime("%Y-%m-%d %H:%M"), n=f"{figures.total:,}"
            )
        )
        problem = self.no_open_session()
        if problem:
            self.status.setText(problem)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        self.status.setText(self.tr("계산하지 못했습니다: {error}").format(error=error))

    # --- saving ----------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        problem = self.no_open_session()
        if problem:
            QMessageBox.information(self, self.tr("현황판"), problem)
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("현황 보고서 저장"), f"현황보고_{self._ctx.today():%Y%m%d}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.write_pdf(Path(name))

    def write_pdf(self, out: Path) -> Job[Path]:
        """Write the period report in the background; the file appears when complete."""
        from reports.pdf.dashboard_section import render_dashboard

        # The figures on screen: the chosen period, or the open session's cases.
        filt = self.case_filter()
        start, end, session = filt.received_from, filt.received_to, filt.session_id
        actor = self._ctx.actor()

        def render(db: Database, _control: JobControl) -> Path:
            return render_dashboard(db, out, actor, date_from=start, date_to=end, session_id=session).path

        return self._ctx.workers.start(
            self._ctx.db, render, on_success=self._saved, on_failure=self._save_failed, context=self
        )

    def save_xlsx(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("현황 엑셀 저장"), f"현황_{self._ctx.today():%Y%m%d}.xlsx", "Excel (*.xlsx)"
        )
        if name and self.figures is not None:
            from reports.excel.dashboard_sheet import write_dashboard_workbook

            figures = self.figures

            def write(db: Database, _control: JobControl) -> Path:
                return write_dashboard_workbook(db, figures, Path(name))

            self._ctx.workers.start(
                self._ctx.db, write, on_success=self._saved, on_failure=self._save_failed, context=self
            )

    def _saved(self, path: Path) -> None:
        self._ctx.events.status_message.emit(self.tr("저장했습니다: {path}").format(path=path))

    def _save_failed(self, error: BaseException) -> None:
        show_error(self, self.tr("현황판"), error, self._ctx.lang)
