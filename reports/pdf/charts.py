"""Charts drawn into the PDF reports with reportlab's graphics (embedded Korean font, no images)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from reports.pdf import layout

BAR_TOTAL = colors.HexColor("#3b6ea8")
BAR_ONSITE = colors.HexColor("#8cc084")
FieldBar = tuple[str, int, int]
"""One field of the chart: its name, all its difficulties, those resolved on site."""


def field_chart(lines: Sequence[FieldBar], styles: layout.Styles, width: float) -> Drawing:
    """Horizontal bars per field: all difficulties and those resolved on site."""
    rows = list(reversed(lines)) or [("-", 0, 0)]
    bar_area = 15.0 * len(rows)
    height = bar_area + 46
    drawing = Drawing(width, height)
    # The renderer's starting font; the default (Helvetica) would be named, never embedded.
    drawing.initialFontName = styles.fonts.regular
    chart = HorizontalBarChart()
    chart.x, chart.y = 92, 26
    chart.width, chart.height = width - 92 - 24, bar_area
    # In a horizontal chart the last series is drawn on top within each group.
    chart.data = [[onsite for _, _, onsite in rows], [total for _, total, _ in rows]]
    chart.categoryAxis.categoryNames = [name for name, _, _ in rows]
    chart.categoryAxis.labels.fontName = styles.fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    top = max((total for _, total, _ in rows), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(top, 1) * 1.15
    chart.valueAxis.labels.fontName = styles.fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0f}" if float(v).is_integer() else ""
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde3ea")
    chart.bars[0].fillColor = BAR_ONSITE
    chart.bars[1].fillColor = BAR_TOTAL
    chart.bars.strokeColor = None
    chart.barLabels.fontName = styles.fonts.regular
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barLabelFormat = lambda v: f"{v:.0f}" if v else ""
    chart.groupSpacing = 3
    chart.barSpacing = 0.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 170, height - 8
    legend.fontName = styles.fonts.regular
    legend.fontSize = 7.5
    legend.columnMaximum = 1
    legend.alignment = "right"
    legend.deltax = 70
    legend.colorNamePairs = [(BAR_TOTAL, "애로사항"), (BAR_ONSITE, "현장해결")]
    drawing.add(legend)
    drawing.add(String(0, height - 12, "분야별 애로사항 (건)", fontName=styles.fonts.bold, fontSize=8.5))
    return drawing
