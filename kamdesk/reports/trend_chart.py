"""A KPI's trend for the monthly review PDF (月度复盘): the last 12 periods as a line or
bars, periods without data as gaps, an optional dashed target line.

The plan's charts in ``charts.py`` are made for money and counts per month (a legend of
recent and older months, 36 months, zero at the bottom, no gaps, no target), so they do
not fit a KPI such as NPS that can be negative, lacks data in some periods and has a
target. This one draws with reportlab shapes (vector, sharp in print) on the same
arithmetic as the screen's ``ui/widgets/trend_chart.py`` (``kamdesk.domain.trend``), so
the PDF and the screen show the same picture. Every string uses the embedded CJK font.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kamdesk.domain.trend import (
    axis_labels,
    compact_number,
    label_step,
    last_periods,
    runs,
    value_range,
)
from kamdesk.reports.fonts import MUTED, NAVY, RULE, TEAL, ensure_fonts, printable
from kamdesk.reports.labels import label

__all__ = ["trend_drawing", "TARGET_COLOUR"]

TARGET_COLOUR = colors.HexColor("#EF8C00")
_LABEL_SIZE = 6.5


def trend_drawing(labels: Sequence[str], values: Sequence[float | None], lang: str,
                  width: float, height: float = 90, *, title: str = "",
                  target: float | None = None, bars: bool = False,
                  value_text: Callable[[float], str] = compact_number) -> Drawing:
    """The trend of one KPI, ``width`` × ``height`` points. ``value_text`` formats the
    axis's two values (bottom, top)."""
    font = ensure_fonts()
    labels, values = last_periods(labels, values)
    d = Drawing(width, height, initialFontName=font)
    top_pad = 14 if title else 4
    if title:
        d.add(String(0, height - 10, printable(title), fontName=font, fontSize=8.5,
                     fillColor=NAVY))
    if not any(v is not None for v in values):
        d.add(String(width / 2, (height - top_pad) / 2, label("no_data", lang),
                     fontName=font, fontSize=8, fillColor=MUTED, textAnchor="middle"))
        return d

    lo, hi = value_range(values, target, include_zero=bars)
    low_text, high_text = value_text(lo), value_text(hi)
    left = max(stringWidth(t, font, _LABEL_SIZE) for t in (low_text, high_text)) + 4
    bottom = _LABEL_SIZE + 6
    plot_w = max(1.0, width - left - 2)
    plot_h = max(1.0, height - top_pad - bottom)
    slot = plot_w / len(labels)

    def x_of(i: int) -> float:
        return left + slot * (i + 0.5)

    def y_of(v: float) -> float:
        return bottom + (v - lo) / (hi - lo) * plot_h

    for text, y in ((high_text, bottom + plot_h), (low_text, bottom)):
        d.add(String(left - 3, y - 2.5, text, fontName=font, fontSize=_LABEL_SIZE,
                     fillColor=MUTED, textAnchor="end"))
        d.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.5))
    if lo < 0 < hi:
        d.add(Line(left, y_of(0), left + plot_w, y_of(0), strokeColor=RULE, strokeWidth=0.5))

    short = axis_labels(labels)
    widest = max(stringWidth(s, font, _LABEL_SIZE) for s in short)
    step = label_step(len(short), plot_w, widest)
    for i, s in enumerate(short):
        if (len(short) - 1 - i) % step == 0:
            d.add(String(x_of(i), 2, s, fontName=font, fontSize=_LABEL_SIZE, fillColor=MUTED,
                         textAnchor="middle"))

    if bars:
        bar_w = max(1.5, slot * 0.6)
        zero = y_of(0.0)
        for i, v in enumerate(values):
            if v is not None:
                y = y_of(v)
                d.add(Rect(x_of(i) - bar_w / 2, min(y, zero), bar_w, max(0.5, abs(y - zero)),
                           fillColor=NAVY, strokeColor=None))
    else:
        for run in runs(values):
            points: list[float] = []
            for i in run:
                points += [x_of(i), y_of(values[i] or 0.0)]
            if len(run) > 1:
                d.add(PolyLine(points, strokeColor=TEAL, strokeWidth=1.4))
            for i in run:
                d.add(Circle(x_of(i), y_of(values[i] or 0.0), 1.6, fillColor=TEAL,
                             strokeColor=None))
    if target is not None:
        y = y_of(target)
        d.add(Line(left, y, left + plot_w, y, strokeColor=TARGET_COLOUR, strokeWidth=0.9,
                   strokeDashArray=[3, 2]))
    return d
