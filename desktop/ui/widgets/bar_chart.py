"""A small bar chart drawn with QPainter: horizontal or vertical bars, one or two series, value labels.

Why not QtCharts: it ships only in the 59 MB PySide6-Addons wheel (with WebEngine, 3D,
multimedia...), for a handful of bar charts. These bars are ~200 lines, render the bundled
Korean font offscreen like every other widget, and print the same in screenshots.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE: tuple[str, ...] = ("#3b6ea8", "#8cc084", "#e0a030", "#b02a37", "#6c757d")


@dataclass(frozen=True, slots=True)
class Bar:
    """One category: its label, one value per series, an optional colour and tooltip."""

    label: str
    values: tuple[float, ...]
    colour: str = ""
    tooltip: str = ""


def _default_format(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class BarChart(QWidget):
    """Bars for a few categories (up to ~20), drawn to fit the widget.

    State: the title, the series names and colours, the bars, the orientation, the value
    formatter and the hit boxes of the drawn bars (for tooltips).
    """

    def __init__(self, title: str = "", parent: QWidget | None = None, *, horizontal: bool = True) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.series: tuple[str, ...] = ()
        self.colours: tuple[str, ...] = PALETTE
        self.bars: list[Bar] = []
        self.formatter: Callable[[float], str] = _default_format
        self.empty_text = ""
        self._hits: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(
        self,
        bars: Sequence[Bar],
        series: Sequence[str] = (),
        *,
        colours: Sequence[str] = (),
        formatter: Callable[[float], str] | None = None,
    ) -> None:
        """Replace the bars; ``series`` names the values of each bar (a legend when two or more)."""
        self.bars = list(bars)
        self.series = tuple(series)
        self.colours = tuple(colours) or PALETTE
        if formatter is not None:
            self.formatter = formatter
        summary = "; ".join(f"{b.label}: {', '.join(self.formatter(v) for v in b.values)}" for b in self.bars)
        self.setAccessibleName(self.title)
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        count = max(len(self.bars), 1)
        if self.horizontal:
            per = line * (0.9 + 0.75 * max(len(self.series) - 1, 0)) + 4
            return QSize(420, int(line * 2.6 + count * per + 10))
        return QSize(max(420, count * 34), 230)

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        title_font = painter.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self.palette().text().color())
        painter.drawText(
            area.adjusted(0, 0, 0, -(area.height() - line)), Qt.AlignmentFlag.AlignLeft, self.title
        )
        title_font.setBold(False)
        painter.setFont(title_font)
        top = area.top() + line + 4
        if len(self.series) > 1:
            self._legend(painter, area, top, metrics)
            top += line + 2
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        self._hits = []
        if not self.bars or all(v == 0 for b in self.bars for v in b.values):
            painter.setPen(QColor("#6c757d"))
            painter.drawText(
                body, Qt.AlignmentFlag.AlignCenter, self.empty_text or self.tr("자료가 없습니다")
            )
            painter.end()
            return
        if self.horizontal:
            self._paint_horizontal(painter, body, metrics)
        else:
            self._paint_vertical(painter, body, metrics)
        painter.end()

    def _colour(self, bar: Bar, series: int) -> QColor:
        if bar.colour and len(self.series) <= 1:
            return QColor(bar.colour)
        return QColor(self.colours[series % len(self.colours)])

    def _legend(self, painter: QPainter, area: QRectF, top: float, metrics: QFontMetrics) -> None:
        x = area.right()
        for i, name in reversed(list(enumerate(self.series))):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x, top, width + 2, metrics.height()), Qt.AlignmentFlag.AlignLeft, name)
            x -= 14
            painter.fillRect(
                QRectF(x, top + 3, 10, metrics.height() - 6), QColor(self.colours[i % len(self.colours)])
            )
            x -= 12

    def _paint_horizontal(self, painter: QPainter, body: QRectF, metrics: QFontMetrics) -> None:
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8, body.width() * 0.38)
        value_width = (
            max(metrics.horizontalAdvance(self.formatter(v)) for b in self.bars for v in b.values) + 6
        )
        top_value = max(max(b.values, default=0) for b in self.bars) or 1.0
        plot = QRectF(
            body.left() + label_width, body.top(), body.width() - label_width - value_width, body.height()
        )
        row = body.height() / len(self.bars)
        n_series = max(len(self.bars[0].values), 1)
        thickness = min(row * 0.8 / n_series, metrics.height() * 0.9)
        grid = QPen(QColor("#dde3ea"))
        painter.setPen(grid)
        for k in range(1, 5):
            x = plot.left() + plot.width() * k / 4
            painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
        for i, bar in enumerate(self.bars):
            y = plot.top() + i * row
            painter.setPen(self.palette().text().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 6))
            painter.drawText(
                QRectF(body.left(), y, label_width - 6, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            start = y + (row - thickness * n_series) / 2
            for s, value in enumerate(bar.values):
                length = plot.width() * max(value, 0) / top_value
                rect = QRectF(
                    plot.left(), start + s * thickness, max(length, 1 if value else 0), thickness * 0.92
                )
                painter.fillRect(rect, self._colour(bar, s))
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(rect.right() + 3, rect.top() - 2, value_width, rect.height() + 4),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    self.formatter(value),
                )
                name = f"{self.series[s]}: " if s < len(self.series) else ""
                self._hits.append(
                    (
                        QRectF(body.left(), start + s * thickness, body.width(), thickness),
                        bar.tooltip or f"{bar.label} — {name}{self.formatter(value)}",
                    )
                )

    def _paint_vertical(self, painter: QPainter, body: QRectF, metrics: QFontMetrics) -> None:
        label_height = metrics.height() + 4
        value_height = metrics.height()
        top_value = max(max(b.values, default=0) for b in self.bars) or 1.0
        plot = QRectF(
            body.left(), body.top() + value_height, body.width(), body.height() - label_height - value_height
        )
        column = plot.width() / len(self.bars)
        n_series = max(len(self.bars[0].values), 1)
        thickness = min(column * 0.8 / n_series, 46.0)
        painter.setPen(QPen(QColor("#dde3ea")))
        for k in range(0, 5):
            y = plot.bottom() - plot.height() * k / 4
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        step = max(
            1, int(len(self.bars) * (metrics.horizontalAdvance("2026-01") + 6) / max(plot.width(), 1)) + 1
        )
        for i, bar in enumerate(self.bars):
            x = plot.left() + i * column
            start = x + (column - thickness * n_series) / 2
            for s, value in enumerate(bar.values):
                height = plot.height() * max(value, 0) / top_value
                rect = QRectF(start + s * thickness, plot.bottom() - height, thickness * 0.92, height)
                painter.fillRect(rect, self._colour(bar, s))
                if len(self.bars) <= 14 and (value or len(bar.values) == 1):
                    painter.setPen(self.palette().text().color())
                    painter.drawText(
                        QRectF(rect.left() - 20, rect.top() - value_height, rect.width() + 40, value_height),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        self.formatter(value),
                    )
                name = f"{self.series[s]}: " if s < len(self.series) else ""
                self._hits.append(
                    (
                        QRectF(start + s * thickness, plot.top(), thickness, plot.height()),
                        bar.tooltip or f"{bar.label} — {name}{self.formatter(value)}",
                    )
                )
            if i % step == 0:
                painter.setPen(self.palette().text().color())
                width = metrics.horizontalAdvance(bar.label) + 6
                left = min(max(x + column / 2 - width / 2, body.left()), body.right() - width)
                painter.drawText(
                    QRectF(left, plot.bottom() + 2, width, label_height),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    bar.label,
                )

    # --- tooltips --------------------------------------------------------------------------------

    @property
    def hit_boxes(self) -> list[tuple[QRectF, str]]:
        """Where each drawn bar is and its tooltip (after the last paint)."""
        return list(self._hits)

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip of the bar under a point ('' for none)."""
        for rect, text in self._hits:
            if rect.contains(point.toPointF()):
                return text
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self.tooltip_at(event.position().toPoint())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
