"""The QPainter trend chart: paints for any data (none, all missing, negative), says
the period and value in its tooltip, draws the target line only when asked, and
summarises the trend for screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kamdesk.ui.widgets.trend_chart import TARGET_COLOUR, TrendChart

MONTHS = [f"2025-{m:02d}" for m in range(12, 13)] + [f"2026-{m:02d}" for m in range(1, 12)]


def _chart(qtbot, **kw) -> TrendChart:
    chart = TrendChart(title="NPS")
    qtbot.addWidget(chart)
    chart.resize(240, 100)
    return chart


def _render(chart: TrendChart) -> QImage:
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    chart.render(painter, QPoint())
    painter.end()
    return image


@pytest.mark.parametrize("values", [
    [], [None] * 12, [-5.0, -20.0, None, 3.0, -1.0, 0.0, None, -7.5, 2.0, 4.0, -3.0, -2.0],
    [42.0], [1.0] * 12,
], ids=["empty", "all-none", "negative", "one", "flat"])
@pytest.mark.parametrize("bars", [False, True])
def test_renders_without_error(qtbot, values, bars):
    chart = _chart(qtbot)
    chart.set_series(MONTHS[-len(values):] if values else [], values, bars=bars, target=1.0)
    image = _render(chart)
    assert not image.isNull()
    assert chart.accessibleDescription()


def test_tooltip_names_the_period_and_value(qtbot):
    chart = _chart(qtbot)
    values = [float(v) for v in range(12)]
    values[3] = None
    chart.set_series(MONTHS, values, value_text=lambda v: f"{v:.1f}%")
    assert chart.tooltip_text(11) == "2026-11: 11.0%"
    assert chart.tooltip_text(3) == "2026-03: no data"
    assert chart.tooltip_text(12) == ""
    chart.set_series(MONTHS, values, target=20.0, value_text=lambda v: f"{v:.1f}%")
    assert chart.tooltip_text(0) == "2025-12: 0.0%\nTarget: 20.0%"
    # the period under the pointer
    plot_right = chart.width() - 5
    assert chart.index_at(plot_right) == 11
    assert chart.index_at(-1) is None


def test_target_line_only_when_a_target_is_set(qtbot):
    chart = _chart(qtbot)
    chart.set_series(MONTHS, [float(v) for v in range(12)])
    assert not chart.has_target_line() and chart.target_y() is None
    chart.set_series(MONTHS, [float(v) for v in range(12)], target=6.0)
    assert chart.has_target_line()
    y = chart.target_y()
    assert y is not None and 0 < y < chart.height()
    # the dashed amber line is really painted on that row
    image = _render(chart)
    assert QColor(TARGET_COLOUR).red() - QColor(TARGET_COLOUR).blue() > 200
    row = [QColor(image.pixel(x, round(y))) for x in range(chart.width())]
    amber = [c for c in row if c.red() - c.blue() > 150]  # antialiased on the background
    assert len(amber) > chart.width() // 4
    chart.set_series([], [], target=6.0)
    assert not chart.has_target_line()
    chart.set_series(MONTHS, [None] * 12, target=6.0)  # only "No data", no lone target
    assert not chart.has_target_line()


def test_keeps_the_last_twelve_periods_and_describes_the_trend(qtbot):
    chart = _chart(qtbot)
    labels = [f"2025-{m:02d}" for m in range(1, 13)] + [f"2026-{m:02d}" for m in range(1, 12)]
    values = [float(i) for i in range(len(labels))]
    values[-3] = None
    chart.set_series(labels, values, target=30.0)
    assert len(chart.labels) == 12 and chart.labels[-1] == "2026-11"
    assert chart.accessibleName() == "NPS"
    text = chart.accessibleDescription()
    assert text == ("From 11 in 2025-12 to 22 in 2026-11 (up). 1 period without data. "
                    "Target: 30.")
    chart.set_series(MONTHS, [None] * 12)
    assert chart.accessibleDescription() == "No data in the last 12 periods."
    chart.set_series([], [])
    assert chart.summary() == "No periods to show."


def test_hover_shows_the_tooltip(qtbot, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    chart = _chart(qtbot)
    chart.set_series(MONTHS, [float(v) for v in range(12)])
    chart.show()
    x = round(chart.width() - 6)
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, QPoint(x, 40),
                                             chart.mapToGlobal(QPoint(x, 40))))
    assert shown == ["2026-11: 11"]
