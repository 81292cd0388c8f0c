"""One cluster in detail: level and reasons, the support track it calls for, level history, firms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clusters as cl
from desktop.core.programs import Program
from desktop.store import cluster_firms
from desktop.store import clusters as store_clusters
from desktop.ui.context import AppContext
from desktop.ui.labels import Labels
from desktop.ui.widgets.bar_chart import Bar, BarChart
from desktop.ui.widgets.common import title_label

FIRMS_SHOWN = 200
"""The firm list of a cluster shows at most this many firms (manual links first)."""


def cluster_place(cluster: cl.Cluster, labels: Labels) -> str:
    """Where a cluster is: its city, with the region in front unless the city already names it."""
    region = labels.region(cluster.region_code)
    return cluster.city if cluster.city.startswith(region) else f"{region} {cluster.city}"


def services_text(track: cl.SupportTrack, lang: str) -> str:
    """The kinds of help of a support track, in the interface language."""
    return ", ".join(s.name_en if lang == "en" else s.name_ko for s in track.services)


def _table(object_name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ClusterDetail(QWidget):
    """The right side of the cluster view.

    State: the cluster shown (id), its history and firms as last read.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("clusterDetail")
        self.cluster_id = ""
        self.title = title_label("", 2)
        self.title.setWordWrap(True)
        self.level = QLabel()
        self.level.setObjectName("clusterLevel")
        self.level.setWordWrap(True)
        self.track = QLabel()
        self.track.setObjectName("clusterTrack")
        self.track.setWordWrap(True)
        self.track.setTextFormat(Qt.TextFormat.RichText)
        self.chart = BarChart(self.tr("위기 지표 추이 (%, 높을수록 나쁨)"), horizontal=False)
        self.chart.setObjectName("clusterHistoryChart")
        self.chart.setMinimumHeight(170)
        self.history = _table(
            "clusterHistory",
            [
                self.tr("반기"),
                self.tr("단계"),
                self.tr("매출"),
                self.tr("휴·폐업"),
                self.tr("고용"),
                self.tr("판정 근거"),
            ],
        )
        self.firms = _table(
            "clusterFirms", [self.tr("기업"), self.tr("업종"), self.tr("연결"), self.tr("미결 사례")]
        )
        self.firms.itemDoubleClicked.connect(self._open_firm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.level)
        layout.addWidget(self.track)
        layout.addWidget(self.chart)
        layout.addWidget(QLabel(self.tr("단계 이력")))
        layout.addWidget(self.history, 1)
        self.firms_label = QLabel(self.tr("소속 기업 (더블클릭: 기업 카드)"))
        self.firms_label.setObjectName("clusterFirmsLabel")
        layout.addWidget(self.firms_label)
        layout.addWidget(self.firms, 1)

    def show_cluster(self, cluster_id: str, programs: list[Program]) -> None:
        """Read and show one cluster; ``programs`` is the catalog (for the track's programs)."""
        ctx = self._ctx
        lang = ctx.lang
        labels = ctx.labels()
        cluster = store_clusters.get_cluster(ctx.db, cluster_id)
        self.cluster_id = cluster.id
        history = store_clusters.history(ctx.db, cluster.id)
        self.title.setText(
            f"{cluster.name(lang)}  ·  {cluster.kind_name(lang)}  ·  {cluster_place(cluster, labels)}"
        )
        latest = history[-1].rating if history else cl.Rating(cluster.id, "", cl.UNRATED)
        name = latest.level.name_en if lang == "en" else latest.level.name_ko
        reasons = "; ".join(latest.reasons(lang))
        period = cl.period_text(latest.period, lang) if latest.period else ""
        self.level.setText(
            self.tr("{period}: {level}").format(period=period or self.tr("평가 없음"), level=name)
            + (f" — {reasons}" if reasons else "")
        )
        self.level.setStyleSheet(f"color: {latest.level.colour}; font-weight: bold;")
        track = latest.track
        if track is None:
            self.track.setText(self.tr("추천 지원 유형 없음 (양호)") if latest.level is cl.GOOD else "")
        else:
            services = services_text(track, lang)
            matching = [p for p in programs if p.track == track.code]
            items = "".join(f"<li>{p.name} — {labels.agency(p.agency_id)}</li>" for p in matching[:6])
            self.track.setText(
                self.tr("<b>추천 지원: {track}</b> ({services})").format(
                    track=track.name(lang), services=services
                )
                + (f"<ul style='margin-top:2px'>{items}</ul>" if items else "")
            )
        measured = [h for h in history if h.indicators is not None]
        self.chart.set_data(
            [
                Bar(
                    cl.period_text(h.period, lang),
                    (
                        max(-(h.indicators.sales_change_pct or 0.0), 0.0),
                        max(h.indicators.closures_growth_pct or 0.0, 0.0),
                    ),
                )
                for h in measured
                if h.indicators is not None
            ],
            (self.tr("매출 감소폭"), self.tr("휴·폐업 증가율")),
            colours=("#e0a030", "#b02a37"),
            formatter=lambda v: f"{v:.1f}",
        )
        self.history.setRowCount(len(history))
        for n, h in enumerate(reversed(history)):
            ind = h.indicators
            values = [
                cl.period_text(h.period, lang),
                h.rating.level.name_en if lang == "en" else h.rating.level.name_ko,
                _pct(ind.sales_change_pct if ind else None),
                _pct(ind.closures_growth_pct if ind else None),
                _pct(ind.employment_change_pct if ind else None),
                "; ".join(h.rating.reasons(lang)),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 1:
                    item.setForeground(QBrush(QColor(h.rating.level.colour)))
                self.history.setItem(n, c, item)
        linked = cluster_firms.firms_of_cluster(ctx.db, cluster.id, limit=FIRMS_SHOWN)
        manual = sum(f.manual for f in linked)
        self.firms_label.setText(
            self.tr("소속 기업 {n}곳 (직접 연결 {manual}곳) — 더블클릭: 기업 카드").format(
                n=f"{len(linked)}+" if len(linked) >= FIRMS_SHOWN else len(linked), manual=manual
            )
        )
        self.firms.setRowCount(len(linked))
        for n, f in enumerate(linked):
            values = [
                f.firm.name,
                f.firm.ksic,
                self.tr("직접 연결") if f.manual else self.tr("자동"),
                str(f.open_cases),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, f.firm.id)
                self.firms.setItem(n, c, item)

    def _open_firm(self, item: QTableWidgetItem) -> None:
        firm_id = item.data(Qt.ItemDataRole.UserRole)
        if firm_id:
            self._ctx.events.firm_open_requested.emit(str(firm_id))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}%"
