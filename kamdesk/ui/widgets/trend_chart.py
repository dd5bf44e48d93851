"""A small trend chart for a KPI tile: the last 12 periods as a line or bars, periods
without data as gaps, an optional dashed target line, a tooltip per period.

Drawn with QPainter rather than QtCharts. QtCharts lives in PySide6-Addons, which the
app does not otherwise need: its 6.11.3 wheel for Linux is a 175 MB download and 439 MB
installed (measured here), on every developer's, CI's and user's machine, against
PySide6-Essentials' 236 MB; a frozen bundle would add QtCharts (about 4.5 MB) with the
QtOpenGL modules it pulls in. A line, a few bars, two axis labels and a dashed line are
about two hundred lines of painting, and painting keeps the look under our control
(palette colours for dark mode, no chart theme to fight).

High-DPI: everything is drawn in device-independent pixels with antialiasing, so Qt
scales it. Dark mode: colours come from the widget's palette (text, mid, highlight);
only the target line has a fixed amber that reads on light and dark backgrounds.
Accessible: the accessible name is the title and the description says, in words, what
the line shows (first and last value, how many periods lack data, the target).

The geometry (ranges, gaps, label spacing, short labels) is shared with the PDF
drawing in ``kamdesk.domain.trend``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kamdesk.domain.trend import (
    axis_labels,
    compact_number,
    label_step,
    last_periods,
    runs,
    value_range,
)

__all__ = ["TrendChart", "TARGET_COLOUR"]

# the dashed target line: amber reads on light and dark backgrounds alike
TARGET_COLOUR = "#ef8c00"
# room for the value labels on the left and the period labels below, in px
_LEFT_PAD = 6
_BOTTOM_PAD = 4
_TOP_PAD = 6


class TrendChart(QWidget):
    """``set_series(labels, values, target=..., bars=...)`` then it paints itself.

    ``labels`` are the periods oldest first (``2026-11``, ``2026-Q4``, ``2026`` or any
    text); ``values`` may hold None for a period without data. ``value_text`` formats a
    value for the tooltip and the description (default: a compact number).
    """

    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title = title
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.target: float | None = None
        self.bars = False
        self.value_text: Callable[[float], str] = compact_number
        self._update_accessible()

    # -- data ------------------------------------------------------------------------
    def set_series(self, labels: Sequence[str], values: Sequence[float | None], *,
                   target: float | None = None, bars: bool = False,
                   value_text: Callable[[float], str] | None = None) -> None:
        self.labels, self.values = last_periods(labels, values)
        self.target = target
        self.bars = bars
        if value_text is not None:
            self.value_text = value_text
        self._update_accessible()
        self.update()

    def set_title(self, title: str) -> None:
        self.title = title
        self._update_accessible()

    def has_data(self) -> bool:
        return any(v is not None for v in self.values)

    def has_target_line(self) -> bool:
        """True when a dashed target line is drawn: a target is set and some period has
        data (with none, the chart only says "No data")."""
        return self.target is not None and self.has_data()

    def target_y(self) -> float | None:
        """Where the target line is drawn, in widget coordinates (None without one)."""
        if not self.has_target_line():
            return None
        assert self.target is not None
        return self._y(self.target, self._plot_rect())

    # -- text ------------------------------------------------------------------------
    def tooltip_text(self, index: int) -> str:
        """``2026-11: 42.0`` — the period's full label and its value, or "no data"."""
        if not 0 <= index < len(self.labels):
            return ""
        value = self.values[index]
        shown = self.tr("no data") if value is None else self.value_text(value)
        text = f"{self.labels[index]}: {shown}"
        if self.target is not None:
            text += "\n" + self.tr("Target: %1").replace("%1", self.value_text(self.target))
        return text

    def summary(self) -> str:
        """The trend in words, for screen readers and the accessible description."""
        if not self.labels:
            return self.tr("No periods to show.")
        known = [(label, v) for label, v in zip(self.labels, self.values, strict=True)
                 if v is not None]
        parts = []
        if not known:
            parts.append(self.tr("No data in the last %n period(s).", "", len(self.labels)))
        elif len(known) == 1:
            parts.append(self.tr("Only %1 has data: %2.").replace("%1", known[0][0])
                         .replace("%2", self.value_text(known[0][1])))
        else:
            (first_label, first), (last_label, last) = known[0], known[-1]
            direction = (self.tr("up") if last > first else self.tr("down") if last < first
                         else self.tr("unchanged"))
            parts.append(self.tr("From %1 in %2 to %3 in %4 (%5).")
                         .replace("%1", self.value_text(first)).replace("%2", first_label)
                         .replace("%3", self.value_text(last)).replace("%4", last_label)
                         .replace("%5", direction))
        missing = len(self.labels) - len(known)
        if known and missing:
            parts.append(self.tr("%n period(s) without data.", "", missing))
        if self.target is not None:
            parts.append(self.tr("Target: %1.").replace("%1", self.value_text(self.target)))
        # Chinese sentences end in "。" and take no space after it
        return "".join(part if i == 0 or parts[i - 1].endswith("。") else " " + part
                       for i, part in enumerate(parts))

    def _update_accessible(self) -> None:
        self.setAccessibleName(self.title or self.tr("Trend"))
        self.setAccessibleDescription(self.summary())

    # -- geometry --------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(220, 90)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 60)

    def _range(self) -> tuple[float, float]:
        return value_range(self.values, self.target, include_zero=self.bars)

    def _value_labels(self) -> tuple[str, str]:
        lo, hi = self._range()
        return compact_number(lo), compact_number(hi)

    def _plot_rect(self) -> QRectF:
        fm = QFontMetricsF(self._small_font())
        left = max(fm.horizontalAdvance(t) for t in self._value_labels()) + _LEFT_PAD
        bottom = fm.height() + _BOTTOM_PAD
        return QRectF(left, _TOP_PAD, max(1.0, self.width() - left - 4),
                      max(1.0, self.height() - bottom - _TOP_PAD))

    def _x(self, index: int, plot: QRectF) -> float:
        slot = plot.width() / max(1, len(self.labels))
        return plot.left() + slot * (index + 0.5)

    def _y(self, value: float, plot: QRectF) -> float:
        lo, hi = self._range()
        return plot.bottom() - (value - lo) / (hi - lo) * plot.height()

    def index_at(self, x: float) -> int | None:
        """The period under widget x, or None outside the plot."""
        if not self.labels:
            return None
        plot = self._plot_rect()
        if not plot.left() <= x <= plot.right():
            return None
        slot = plot.width() / len(self.labels)
        return min(len(self.labels) - 1, int((x - plot.left()) // slot))

    def _small_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        return font

    # -- painting --------------------------------------------------------------------
    def paintEvent(self, _event: QEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.PlaceholderText)
        grid = pal.color(QPalette.ColorRole.Mid)
        series = pal.color(QPalette.ColorRole.Highlight)
        p.setFont(self._small_font())
        fm = QFontMetricsF(p.font())
        plot = self._plot_rect()
        if not self.has_data():
            p.setPen(text)
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            p.end()
            return

        # value axis: bottom and top, and the zero line when the range crosses it
        lo, hi = self._range()
        low_text, high_text = self._value_labels()
        p.setPen(text)
        p.drawText(QRectF(0, plot.top() - fm.height() / 2, plot.left() - 3, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, high_text)
        p.drawText(QRectF(0, plot.bottom() - fm.height() / 2, plot.left() - 3, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, low_text)
        p.setPen(QPen(grid, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        if lo < 0 < hi:
            zero = self._y(0.0, plot)
            p.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))

        # period labels, every k-th so they never collide
        short = axis_labels(self.labels)
        widest = max(fm.horizontalAdvance(s) for s in short)
        step = label_step(len(short), plot.width(), widest)
        p.setPen(text)
        last = len(short) - 1
        for i, s in enumerate(short):
            if (last - i) % step:  # keep the newest period labelled
                continue
            x = self._x(i, plot)
            p.drawText(QRectF(x - widest, plot.bottom() + 2, widest * 2, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, s)

        if self.bars:
            self._paint_bars(p, plot, series)
        else:
            self._paint_line(p, plot, series)

        if self.has_target_line():
            y = self.target_y()
            assert y is not None
            pen = QPen(QColor(TARGET_COLOUR), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.end()

    def _paint_line(self, p: QPainter, plot: QRectF, colour: QColor) -> None:
        p.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        for run in runs(self.values):
            points = [QPointF(self._x(i, plot), self._y(self.values[i] or 0.0, plot))
                      for i in run]
            if len(points) > 1:
                path = QPainterPath(points[0])
                for pt in points[1:]:
                    path.lineTo(pt)
                p.drawPath(path)
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        for i, v in enumerate(self.values):
            if v is not None:
                p.drawEllipse(QPointF(self._x(i, plot), self._y(v, plot)), 2.5, 2.5)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_bars(self, p: QPainter, plot: QRectF, colour: QColor) -> None:
        slot = plot.width() / max(1, len(self.labels))
        width = max(2.0, slot * 0.6)
        zero = self._y(0.0, plot)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        for i, v in enumerate(self.values):
            if v is None:
                continue
            y = self._y(v, plot)
            p.drawRect(QRectF(self._x(i, plot) - width / 2, min(y, zero), width,
                              max(1.0, abs(zero - y))))
        p.setBrush(Qt.BrushStyle.NoBrush)

    # -- hover -----------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            assert isinstance(e, QHelpEvent)
            index = self.index_at(float(e.pos().x()))
            if index is None:
                QToolTip.hideText()
                e.ignore()
            else:
                QToolTip.showText(e.globalPos(), self.tooltip_text(index), self)
            return True
        return super().event(e)
