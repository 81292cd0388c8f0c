"""The dashboard's pieces: headline tiles and the grid of charts drawn from one DashboardFigures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clusters as cl
from desktop.core.dashboard import DashboardFigures
from desktop.ui.labels import Labels
from desktop.ui.models.keyword_table_model import KeywordTableModel
from desktop.ui.widgets.bar_chart import Bar, BarChart
from desktop.ui.widgets.common import title_label

TOTAL_COLOUR, ONSITE_COLOUR, OVERDUE_COLOUR, OPEN_COLOUR = "#3b6ea8", "#8cc084", "#b02a37", "#e0a030"
TOP_AGENCIES = 12
MONTHS = 18
CHART_HEIGHT = 250
TALL_CHART_HEIGHT = 400


class Tile(QFrame):
    """A headline figure: a caption above a big number."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{object_name} {{ background: #f4f7fb; border: 1px solid #c9d5e3; border-radius: 4px; }}"
        )
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #495057;")
        self.value = title_label("", 6)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def show_value(self, caption: str, value: str, colour: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class FiguresView(QWidget):
    """Tiles, eight charts and the keyword table for one :class:`DashboardFigures`.

    State: the tiles and charts (built once), the keyword model, the labels of the language.
    """

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardFigures")
        self._labels = labels
        self.tiles = {
            key: Tile(f"tile_{key}")
            for key in ("total", "firms", "onsite", "open", "overdue", "satisfaction")
        }
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.field_chart = BarChart(self.tr("분야별 애로사항"))
        self.agency_chart = BarChart(self.tr("기관별 처리 중·기한 초과 (상위 {n})").format(n=TOP_AGENCIES))
        self.month_chart = BarChart(self.tr("월별 접수"), horizontal=False)
        self.status_chart = BarChart(self.tr("상태별"))
        self.reply_chart = BarChart(self.tr("기관별 회신 소요일 중앙값 (일)"))
        self.overdue_chart = BarChart(self.tr("기한 초과 경과일"), horizontal=False)
        self.satisfaction_chart = BarChart(self.tr("만족도 응답 (5점 척도)"), horizontal=False)
        self.cluster_chart = BarChart(self.tr("밀집지역 위기 단계"))
        charts = (
            self.field_chart,
            self.agency_chart,
            self.month_chart,
            self.status_chart,
            self.reply_chart,
            self.overdue_chart,
            self.satisfaction_chart,
            self.cluster_chart,
        )
        for name, chart in zip(
            ("field", "agency", "month", "status", "reply", "overdue", "satisfaction", "cluster"),
            charts,
            strict=True,
        ):
            chart.setObjectName(f"chart_{name}")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for n, chart in enumerate(charts):
            chart.setFixedHeight(TALL_CHART_HEIGHT if n < 2 else CHART_HEIGHT)
            grid.addWidget(chart, n // 2, n % 2)
        self.keyword_model = KeywordTableModel(labels, self)
        self.keywords = QTableView()
        self.keywords.setObjectName("dashboardKeywords")
        self.keywords.setModel(self.keyword_model)
        self.keywords.verticalHeader().setVisible(False)
        self.keywords.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keywords.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keywords.setMinimumHeight(240)
        self.keyword_note = QLabel()
        self.keyword_note.setWordWrap(True)
        self.keyword_note.setStyleSheet("color: #495057;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("분야별 반복 애로 키워드 — 제도개선 건의 후보")))
        layout.addWidget(self.keywords)
        layout.addWidget(self.keyword_note)

    def show_figures(self, figures: DashboardFigures, labels: Labels) -> None:
        """Draw everything from one set of figures."""
        self._labels = labels
        lang = labels.lang
        sat = figures.satisfaction
        rate = figures.onsite_rate
        self.tiles["total"].show_value(self.tr("애로사항"), self.tr("{n}건").format(n=f"{figures.total:,}"))
        self.tiles["firms"].show_value(self.tr("참여 기업"), self.tr("{n}개").format(n=f"{figures.firms:,}"))
        self.tiles["onsite"].show_value(
            self.tr("현장해결률"), "—" if rate is None else f"{100 * rate:.1f}%", "#146c43"
        )
        self.tiles["open"].show_value(self.tr("처리 중"), self.tr("{n}건").format(n=f"{figures.open:,}"))
        self.tiles["overdue"].show_value(
            self.tr("기한 초과"),
            self.tr("{n}건").format(n=f"{figures.overdue:,}"),
            OVERDUE_COLOUR if figures.overdue else "",
        )
        self.tiles["satisfaction"].show_value(
            self.tr("만족도 (100점)"), "—" if sat.mean_score is None else f"{sat.mean_score:.1f}"
        )
        self.field_chart.set_data(
            [Bar(labels.field(g.key), (g.total, g.onsite)) for g in figures.by_field],
            (self.tr("전체"), self.tr("현장해결")),
            colours=(TOTAL_COLOUR, ONSITE_COLOUR),
        )
        # The chart shows waiting work: most open cases first, agencies with none left out
        # (by_agency is ranked by all cases, which hid busy agencies behind idle ones).
        waiting = [g for g in figures.by_agency if g.key and g.open]
        agencies = sorted(waiting, key=lambda g: (-g.open, -g.overdue))[:TOP_AGENCIES]
        self.agency_chart.set_data(
            [Bar(labels.agency(g.key), (g.open, g.overdue)) for g in agencies],
            (self.tr("처리 중"), self.tr("기한 초과")),
            colours=(OPEN_COLOUR, OVERDUE_COLOUR),
        )
        self.month_chart.set_data(
            [Bar(g.key, (g.total,), tooltip=f"{g.key}: {g.total:,}") for g in figures.by_month[-MONTHS:]],
            colours=(TOTAL_COLOUR,),
        )
        self.status_chart.set_data(
            [Bar(labels.status(g.key), (g.total,)) for g in figures.by_status], colours=(TOTAL_COLOUR,)
        )
        self.reply_chart.set_data(
            [
                Bar(
                    labels.agency(r.agency_id),
                    (r.median_days or 0.0,),
                    tooltip=self.tr("{agency}: 중앙값 {days}일, 회신 {n}건").format(
                        agency=labels.agency_full(r.agency_id), days=r.median_days, n=r.replied
                    ),
                )
                for r in figures.reply_days[:TOP_AGENCIES]
            ],
            colours=("#5a8dc8",),
            formatter=lambda v: f"{v:.1f}",
        )
        self.overdue_chart.set_data(
            [Bar(b.label(lang), (b.count,)) for b in figures.overdue_buckets], colours=(OVERDUE_COLOUR,)
        )
        self.satisfaction_chart.set_data(
            [
                Bar(self.tr("{n}점").format(n=points), (n,), colour=colour)
                for points, n, colour in zip(
                    range(1, 6),
                    sat.by_points,
                    ("#b02a37", "#e07b39", "#e0a030", "#8cc084", "#198754"),
                    strict=True,
                )
            ]
        )
        if figures.clusters is None:
            self.cluster_chart.empty_text = self.tr(
                "평가된 밀집지역이 없습니다 (밀집지역 화면에서 지표를 가져오세요)"
            )
            self.cluster_chart.set_data([])
        else:
            counts = dict(figures.clusters.counts)
            self.cluster_chart.title = self.tr("밀집지역 위기 단계 ({period})").format(
                period=cl.period_text(figures.clusters.period, lang)
            )
            self.cluster_chart.set_data(
                [
                    Bar(
                        level.name_en if lang == "en" else level.name_ko,
                        (counts.get(level.code, 0),),
                        colour=level.colour,
                    )
                    for level in reversed(cl.LEVELS)
                ]
            )
        self.keyword_model.set_labels(labels)
        self.keyword_model.set_keywords(figures.keywords)
        samples = sum(k.sample for k in figures.keywords)
        self.keyword_note.setText(
            self.tr(
                "분야마다 최근 애로사항 내용(모두 {n}건)에서 2건 이상 되풀이된 낱말입니다. "
                "해결불가·제도개선 건의로 끝난 사례가 많은 키워드는 제도개선 건의 후보입니다."
            ).format(n=f"{samples:,}")
        )
