"""밀집지역 (clusters): crisis levels 양호/주의/심각 per half-year, indicator import, thresholds, programs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clusters as cl
from desktop.core.errors import RejectedInput
from desktop.store import clusters as store_clusters
from desktop.store import programs as store_programs
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.models.cluster_table_model import ClusterTableModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.clusters.dialogs import ThresholdDialog
from desktop.ui.pages.clusters.programs import ProgramsPanel
from desktop.ui.pages.clusters.widgets import ClusterDetail
from desktop.ui.widgets.common import show_error, title_label
from desktop.ui.widgets.coord_dialogs import ProblemsDialog
from desktop.ui.worker import JobControl


class ClustersPage(Page):
    """Tab 1: clusters with their level in a half-year and one cluster in detail. Tab 2: programs.

    State: the half-year shown ('' = the latest rated), the level filter, the selected cluster.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("clustersPage")
        self.period = QComboBox()
        self.period.setObjectName("clusterPeriod")
        self.level = QComboBox()
        self.level.setObjectName("clusterLevelFilter")
        self.level.addItem(self.tr("모든 단계"), "")
        for item in reversed(cl.LEVELS):
            self.level.addItem(item.name_en if ctx.lang == "en" else item.name_ko, item.code)
        self.summary = QLabel()
        self.summary.setObjectName("clusterSummary")
        self.import_button = QPushButton(self.tr("지표 가져오기…"))
        self.import_button.setObjectName("clusterImport")
        self.thresholds_button = QPushButton(self.tr("판정 기준…"))
        self.thresholds_button.setObjectName("clusterThresholds")
        self.template_button = QPushButton(self.tr("빈 양식 저장…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("반기")))
        top.addWidget(self.period)
        top.addWidget(self.level)
        top.addWidget(self.summary, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.import_button)
        top.addWidget(self.thresholds_button)
        self.model = ClusterTableModel(ctx.labels(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(ClusterTableModel.COL_LEVEL)
        self.table = QTableView()
        self.table.setObjectName("clusterTable")
        self.table.setModel(self.proxy)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            ClusterTableModel.COL_NAME, QHeaderView.ResizeMode.Interactive
        )
        self.table.setColumnWidth(ClusterTableModel.COL_NAME, 215)
        self.table.horizontalHeader().setSectionResizeMode(
            ClusterTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.detail = ClusterDetail(ctx)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 6)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([700, 520])
        clusters_tab = QWidget()
        clusters_layout = QVBoxLayout(clusters_tab)
        clusters_layout.addLayout(top)
        clusters_layout.addWidget(splitter, 1)
        self.programs = ProgramsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("clusterTabs")
        self.tabs.addTab(clusters_tab, self.tr("밀집지역 위기 단계"))
        self.tabs.addTab(self.programs, self.tr("지원사업 목록"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("밀집지역·지원사업")))
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.period.currentIndexChanged.connect(lambda _: self._load_rows())
        self.level.currentIndexChanged.connect(lambda _: self._filter())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.import_button.clicked.connect(self.choose_import)
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.template_button.clicked.connect(self.save_template)
        ctx.events.firm_changed.connect(self.data_changed)  # a firm linked to or from a cluster
        self.refresh()

    # --- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read half-years, ratings and the catalog."""
        chosen = str(self.period.currentData() or "")
        periods = store_clusters.periods(self._ctx.db)
        self.period.blockSignals(True)
        self.period.clear()
        for period in reversed(periods):
            self.period.addItem(cl.period_text(period, self._ctx.lang), period)
        if not periods:
            self.period.addItem(self.tr("지표 없음"), "")
        index = self.period.findData(chosen)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        self.programs.refresh()
        self._load_rows()

    def _load_rows(self) -> None:
        period = str(self.period.currentData() or "") or None
        rows = store_clusters.overview(self._ctx.db, period)
        selected = self.detail.cluster_id
        self.model.set_labels(self._ctx.labels())
        self.model.set_rows(rows)
        counts = cl.level_counts(r.rating for r in rows)
        self.summary.setText(
            self.tr("심각 {severe} · 주의 {caution} · 양호 {good} · 미평가 {unrated}").format(
                severe=counts["severe"],
                caution=counts["caution"],
                good=counts["good"],
                unrated=counts["unrated"],
            )
        )
        self._filter()
        self.select_cluster(selected or (rows[0].cluster.id if rows else ""))

    def _filter(self) -> None:
        code = str(self.level.currentData() or "")
        if not code:
            self.proxy.setFilterFixedString("")
            return
        level = cl.level(code)
        self.proxy.setFilterFixedString(level.name_en if self._ctx.lang == "en" else level.name_ko)

    def select_cluster(self, cluster_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ClusterTableModel.ClusterIdRole) == cluster_id:
                self.table.selectRow(row)
                self.show_detail(cluster_id)
                return

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_detail(str(indexes[0].data(ClusterTableModel.ClusterIdRole)))

    def show_detail(self, cluster_id: str) -> None:
        if cluster_id:
            self.detail.show_cluster(cluster_id, store_programs.list_programs(self._ctx.db))

    # --- actions ---------------------------------------------------------------------------------

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("반기 지표 가져오기"), "", "Excel (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import indicators in the background: all rows or none; problems listed in a dialog."""
        actor = self._ctx.actor()

        def run(db: Database, _control: JobControl) -> store_clusters.IndicatorImport | None:
            from reports.excel.coord_import import import_indicators

            return import_indicators(db, path, actor)[1]

        self._ctx.workers.start(
            self._ctx.db, run, on_success=self._imported, on_failure=self._import_failed, context=self
        )

    def _imported(self, result: store_clusters.IndicatorImport | None) -> None:
        self.refresh()
        if result is not None:
            self._ctx.events.status_message.emit(
                self.tr("지표 {added}행 추가, {replaced}행 교체 ({periods})").format(
                    added=result.added, replaced=result.replaced, periods=", ".join(result.periods)
                )
            )

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, RejectedInput):
            ProblemsDialog(
                self.tr("가져오지 못했습니다"),
                self.tr("아래 {n}개 문제를 고친 뒤 다시 가져오세요. 아무것도 저장하지 않았습니다.").format(
                    n=len(error.problems)
                ),
                error.message(self._ctx.lang),
                self,
            ).exec()
        else:
            show_error(self, self.tr("밀집지역"), error, self._ctx.lang)

    def edit_thresholds(self) -> None:
        dialog = ThresholdDialog(self._ctx, self)
        if dialog.exec():
            self.refresh()
            if dialog.rated:
                self._ctx.events.status_message.emit(
                    self.tr(
                        "새 기준으로 {period}을(를) 다시 판정했습니다. 지난 반기의 단계는 그대로입니다."
                    ).format(period=cl.period_text(dialog.rated[0].period, self._ctx.lang))
                )

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("빈 양식 저장"), "밀집지역_지표_양식.xlsx", "Excel (*.xlsx)"
        )
        if name:
            from reports.excel.coord_import import write_template

            write_template(Path(name), "indicators")
