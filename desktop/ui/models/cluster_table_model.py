"""Clusters with their crisis level in a half-year, the trend since the one before and the indicators."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from desktop.core import clusters as cl
from desktop.store.clusters import ClusterRow
from desktop.ui.models.rows_model import RIGHT, RowsTableModel


def level_name(level: cl.Level, lang: str) -> str:
    return level.name_en if lang == "en" else level.name_ko


class ClusterTableModel(RowsTableModel[ClusterRow]):
    """One row per cluster (reference order); the level cell is coloured 양호 green, 주의 amber, 심각 red.

    State: the rows from :func:`desktop.store.clusters.overview`, replaced by ``set_rows``.
    """

    COL_NAME = 0
    COL_PLACE = 1
    COL_INDUSTRY = 2
    COL_LEVEL = 3
    COL_TREND = 4
    COL_SALES = 5
    COL_CLOSURES = 6
    COL_EMPLOYMENT = 7

    ClusterIdRole = RowsTableModel.RowRole + 1

    def headers(self) -> list[str]:
        return [
            self.tr("밀집지역"),
            self.tr("지역"),
            self.tr("업종(KSIC)"),
            self.tr("단계"),
            self.tr("추세"),
            self.tr("매출 증감률"),
            self.tr("휴·폐업 증가율"),
            self.tr("고용 증감률"),
        ]

    def cell(self, row: ClusterRow, column: int, role: int) -> Any:
        lang = self._labels.lang
        if role == self.ClusterIdRole:
            return row.cluster.id
        ind = row.indicators
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return row.cluster.name(lang)
            if column == self.COL_PLACE:
                region = self._labels.region(row.cluster.region_code)
                city = row.cluster.city
                return city if city.startswith(region) else f"{region} {city}".strip()
            if column == self.COL_INDUSTRY:
                return ", ".join(row.cluster.ksic) or "*"
            if column == self.COL_LEVEL:
                return level_name(row.rating.level, lang)
            if column == self.COL_TREND:
                return {1: self.tr("▲ 악화"), -1: self.tr("▼ 개선"), 0: ""}[row.trend]
            values = {
                self.COL_SALES: ind.sales_change_pct if ind else None,
                self.COL_CLOSURES: ind.closures_growth_pct if ind else None,
                self.COL_EMPLOYMENT: ind.employment_change_pct if ind else None,
            }
            value = values.get(column)
            return "—" if value is None else f"{value:+.1f}%"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.COL_SALES:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_LEVEL:
                return QColor(row.rating.level.colour)
            if column == self.COL_TREND and row.trend:
                return QColor(cl.SEVERE.colour if row.trend > 0 else cl.GOOD.colour)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_LEVEL:
            font = QFont()
            font.setBold(row.rating.level.rank >= cl.CAUTION.rank)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_LEVEL:
            return "\n".join(row.rating.reasons(lang)) or None
        return None
