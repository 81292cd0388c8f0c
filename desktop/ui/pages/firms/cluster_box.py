"""The firm card's cluster section: the firm's cluster, its crisis level, the suggested support, the link."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clusters as cl
from desktop.core import roles
from desktop.core.errors import RejectedInput
from desktop.core.records import Firm
from desktop.store import cluster_firms
from desktop.store import clusters as store_clusters
from desktop.ui.context import AppContext
from desktop.ui.pages.clusters.widgets import cluster_place, services_text
from desktop.ui.widgets.common import ErrorLabel

AUTO = "auto"
NONE = "-"
"""The link choices besides a cluster id: back to the automatic match, or no cluster at all."""


class FirmClusterBox(QGroupBox):
    """Which cluster the firm belongs to and how (linked by hand or matched by region and KSIC).

    Everyone sees the cluster, its latest level (양호/주의/심각) and the suggested support
    track; only a coordinator (``cluster.link``) gets the link controls, which call the same
    :func:`desktop.store.cluster_firms.link_firm` as ``onestop clusters link``.

    State: the firm shown, its cluster and whether that link was made by hand.
    """

    link_changed = Signal(str)
    """Emitted with the firm id after a coordinator linked or unlinked it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("밀집지역 (업종 × 지역)"), parent)
        self._ctx = ctx
        self.setObjectName("firmClusterBox")
        self.firm: Firm | None = None
        self.cluster: cl.Cluster | None = None
        self.manual = False
        self.cluster_label = QLabel()
        self.cluster_label.setObjectName("firmCluster")
        self.cluster_label.setWordWrap(True)
        self.level = QLabel()
        self.level.setObjectName("firmClusterLevel")
        self.level.setWordWrap(True)
        self.track = QLabel()
        self.track.setObjectName("firmClusterTrack")
        self.track.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setObjectName("firmClusterChoice")
        self.choice.setAccessibleName(self.tr("연결할 밀집지역"))
        self.link_button = QPushButton(self.tr("연결"))
        self.link_button.setObjectName("firmClusterLink")
        self.unlink_button = QPushButton(self.tr("직접 연결 해제"))
        self.unlink_button.setObjectName("firmClusterUnlink")
        self.unlink_button.setToolTip(self.tr("직접 연결을 지우고 지역·업종 자동 매칭으로 돌아갑니다."))
        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        self.view_only = QLabel(self.tr("밀집지역 연결은 총괄만 바꿀 수 있습니다."))
        self.view_only.setObjectName("firmClusterViewOnly")
        self.view_only.setStyleSheet("color: #6c757d;")
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.cluster_label)
        layout.addWidget(self.level)
        layout.addWidget(self.track)
        layout.addWidget(self.controls)
        layout.addWidget(self.view_only)
        layout.addWidget(self.error)
        self.link_button.clicked.connect(lambda: self.link(str(self.choice.currentData() or AUTO)))
        self.unlink_button.clicked.connect(lambda: self.link(AUTO))

    def may_link(self) -> bool:
        return roles.can(self._ctx.actor(), "cluster.link")

    def show_firm(self, firm: Firm | None) -> None:
        """Read and show the cluster of ``firm`` (None: an empty, disabled section)."""
        self.firm = firm
        self.error.show_text("")
        self.setEnabled(firm is not None)
        may_link = firm is not None and self.may_link()
        self.controls.setVisible(may_link)
        self.view_only.setVisible(firm is not None and not may_link)
        if firm is None:
            self.cluster, self.manual = None, False
            for label in (self.cluster_label, self.level, self.track):
                label.clear()
            return
        db, lang = self._ctx.db, self._ctx.lang
        self.cluster, self.manual = cluster_firms.cluster_of_firm(db, firm, self._ctx.today())
        _, rating = cluster_firms.firm_level(db, firm, self._ctx.today())
        self._show_cluster()
        level = rating.level if rating is not None else cl.UNRATED
        name = level.name_en if lang == "en" else level.name_ko
        if self.cluster is None:
            self.level.clear()
        elif rating is None:
            self.level.setText(self.tr("위기 단계: {level} (지표 없음)").format(level=name))
        else:
            self.level.setText(
                self.tr("위기 단계: {level} ({period})").format(
                    level=name, period=cl.period_text(rating.period, lang)
                )
            )
        self.level.setStyleSheet(f"color: {level.colour}; font-weight: bold;")
        track = rating.track if rating is not None else None
        if track is not None:
            self.track.setText(
                self.tr("추천 지원: {track} ({services})").format(
                    track=track.name(lang), services=services_text(track, lang)
                )
            )
        elif level is cl.GOOD:
            self.track.setText(self.tr("추천 지원 유형 없음 (양호)"))
        else:
            self.track.clear()
        for label in (self.level, self.track):  # no blank lines where there is nothing to say
            label.setHidden(not label.text())
        if may_link:
            self._fill_choices()

    def _show_cluster(self) -> None:
        cluster = self.cluster
        if cluster is None:
            text = (
                self.tr("소속 밀집지역 없음 (직접 지정)")
                if self.manual
                else self.tr("소속 밀집지역 없음 (지역·업종이 맞는 밀집지역이 없습니다)")
            )
        else:
            how = self.tr("직접 연결") if self.manual else self.tr("지역·업종 자동 매칭")
            place = cluster_place(cluster, self._ctx.labels())
            text = f"{cluster.name(self._ctx.lang)} · {cluster.kind_name(self._ctx.lang)} · {place} ({how})"
        self.cluster_label.setText(text)
        self.unlink_button.setEnabled(self.manual)

    def _fill_choices(self) -> None:
        lang, labels = self._ctx.lang, self._ctx.labels()
        self.choice.clear()
        self.choice.addItem(self.tr("자동 매칭 (지역·업종)"), AUTO)
        self.choice.addItem(self.tr("소속 없음"), NONE)
        every = sorted(
            store_clusters.list_clusters(self._ctx.db), key=lambda c: (c.region_code, c.name(lang))
        )
        for cluster in every:
            self.choice.addItem(f"{cluster.name(lang)} — {cluster_place(cluster, labels)}", cluster.id)
        current = NONE if self.manual and self.cluster is None else AUTO
        if self.manual and self.cluster is not None:
            current = self.cluster.id
        self.choice.setCurrentIndex(max(self.choice.findData(current), 0))

    def link(self, target: str) -> bool:
        """Link the firm to cluster ``target`` (or ``auto`` / ``-``), as the signed-in role allows."""
        if self.firm is None:
            return False
        try:
            cluster_firms.link_firm(self._ctx.db, self.firm.id, target, self._ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return False
        firm = self.firm
        self.show_firm(firm)
        self.link_changed.emit(firm.id)
        return True
