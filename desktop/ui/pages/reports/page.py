"""보고서: PDF reports (preview, print, save), Excel export and Excel import, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.pages.reports.export_panel import ExportPanel
from desktop.ui.pages.reports.import_panel import ImportPanel
from desktop.ui.pages.reports.pdf_panel import PdfReportsPanel
from desktop.ui.widgets.common import title_label


class ReportsPage(Page):
    """Three panels in tabs; each runs its work through ``ctx.workers`` (never on the GUI thread)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reportsPage")
        self.pdf = PdfReportsPanel(ctx)
        self.export = ExportPanel(ctx)
        self.importer = ImportPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.tabs.addTab(self.pdf, self.tr("PDF 보고서"))
        self.tabs.addTab(self.export, self.tr("엑셀 내보내기"))
        self.tabs.addTab(self.importer, self.tr("엑셀 가져오기"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("보고서")))
        layout.addWidget(self.tabs, 1)
        self.tabs.setCurrentIndex(int(ctx.ui_state.value("reports/tab", "0") or 0) % self.tabs.count())
        self.tabs.currentChanged.connect(lambda i: ctx.ui_state.set_value("reports/tab", str(i)))
        for signal in (ctx.events.session_added, ctx.events.cases_changed):
            signal.connect(self.data_changed)

    def refresh(self) -> None:
        self.pdf.refresh()
        self.export.refresh()
        self.importer.refresh()

    def save_state(self) -> None:
        self._ctx.ui_state.save_splitter("reports", self.pdf.splitter)
