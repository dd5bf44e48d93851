"""Vector charts for the account plan (reportlab.graphics, so they stay sharp in print).

Every text element is set to the embedded CJK font explicitly: a single label left on
reportlab's default Helvetica would put a non-embedded font into the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kamdesk.reports.fonts import MUTED, NAVY, RULE, TEAL, ensure_fonts, printable
from kamdesk.reports.labels import label, normalize_lang

MAX_MONTHS = 36
_OLDER_BAR = colors.HexColor("#9DB7D1")


def _months_label(month: str, show_year: bool) -> str:
    """``2026-03`` → ``26-03`` (or ``03``): full ISO months do not fit under 36 bars."""
    year, _, mon = month.partition("-")
    if not mon:
        return month
    return f"{year[-2:]}-{mon}" if show_year else mon


def _category_names(months: Sequence[str]) -> list[str]:
    """Label every k-th month so labels never collide, whatever the span (12–36 months)."""
    step = max(1, math.ceil(len(months) / 12))
    names = []
    for i, month in enumerate(months):
        names.append(_months_label(month, True) if i % step == 0 else "")
    return names


def _nice_max(value: float) -> float:
    """An axis top a reader can read off: 1, 2, 2.5 or 5 × 10^k above the highest value."""
    if value <= 0:
        return 1.0
    exp = 10.0 ** math.floor(math.log10(value))
    for mult in (1, 2, 2.5, 5, 10):
        if value <= mult * exp:
            return mult * exp
    return 10 * exp


def _empty(width: float, height: float, lang: str) -> Drawing:
    font = ensure_fonts()
    d = Drawing(width, height, initialFontName=font)
    d.add(String(width / 2, height / 2, label("no_data", lang), fontName=font, fontSize=9,
                 fillColor=MUTED, textAnchor="middle"))
    return d


def _title(d: Drawing, text: str, font: str, y: float) -> None:
    d.add(String(0, y, printable(text), fontName=font, fontSize=9.5, fillColor=NAVY))


def revenue_chart(
    revenue_by_month: Sequence[tuple[str, int]], lang: str, width: float, height: float = 190
) -> Drawing:
    """Monthly revenue bars in 万元 (Chinese) or ¥ thousand (English).

    The latest 12 months are dark and older months light, so "this year vs last year"
    reads at a glance without a legend. Spans longer than 36 months keep the newest 36.
    """
    font = ensure_fonts()
    months = list(revenue_by_month)[-MAX_MONTHS:]
    if not months:
        return _empty(width, height, lang)
    divisor = 1_000_000 if normalize_lang(lang) == "zh_CN" else 100_000  # fen → 万元 / k¥
    values = [amount / divisor for _, amount in months]

    d = Drawing(width, height, initialFontName=font)
    _title(d, label("revenue_chart", lang), font, height - 11)
    chart = VerticalBarChart()
    chart.x, chart.y = 38, 26
    chart.width, chart.height = width - 44, height - 48
    chart.data = [values]
    chart.barSpacing = 0
    chart.groupSpacing = 2 if len(values) > 24 else 3
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = NAVY
    first_recent = max(0, len(values) - 12)
    for i in range(first_recent):
        chart.bars[(0, i)].fillColor = _OLDER_BAR

    top = _nice_max(max(values + [0.0]))
    chart.valueAxis.valueMin = min(0.0, min(values))
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}" if top >= 10 else f"{v:,.1f}"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.5

    chart.categoryAxis.categoryNames = _category_names([m for m, _ in months])
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 0
    d.add(chart)
    if first_recent:
        _legend(d, [(NAVY, label("chart_recent", lang)),
                    (_OLDER_BAR, label("chart_earlier", lang))],
                font, width, height - 11)
    return d


def _legend(d: Drawing, items: list[tuple[colors.Color, str]], font: str, right: float,
            y: float) -> None:
    """Swatches right-aligned on the title line; sized from the text so nothing overlaps."""
    x = right
    for color, text in reversed(items):
        x -= stringWidth(text, font, 7.5)
        d.add(String(x, y, text, fontName=font, fontSize=7.5, fillColor=MUTED))
        x -= 10
        d.add(Rect(x, y - 0.5, 7, 7, fillColor=color, strokeColor=None))
        x -= 12


def interactions_chart(
    interactions_by_month: Sequence[tuple[str, int]], lang: str, width: float, height: float = 150
) -> Drawing:
    """Interactions per month as a line: the method's 沉默 (silent) months show as dips."""
    font = ensure_fonts()
    months = list(interactions_by_month)[-MAX_MONTHS:]
    if not months:
        return _empty(width, height, lang)
    values = [float(count) for _, count in months]

    d = Drawing(width, height, initialFontName=font)
    _title(d, label("interactions_chart", lang), font, height - 11)
    chart = HorizontalLineChart()
    chart.x, chart.y = 38, 26
    chart.width, chart.height = width - 44, height - 48
    chart.data = [values]
    chart.joinedLines = 1
    chart.lines[0].strokeColor = TEAL
    chart.lines[0].strokeWidth = 1.6
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3.2, fillColor=TEAL, strokeColor=TEAL)

    top = _nice_max(max(values + [1.0]))
    if top < 5:
        top = 5.0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1.0, top / 5)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.5

    chart.categoryAxis.categoryNames = _category_names([m for m, _ in months])
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 0
    d.add(chart)
    return d
