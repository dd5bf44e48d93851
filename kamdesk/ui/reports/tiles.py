"""A KPI tile of the Reports screen: one KPI of the reviewed period with its target, the
change against the previous period, its trend over the last twelve periods and the way
to the customers behind it.

Kept apart from the screen so the screen module holds the period and the reading; the
review PDF draws its own. "No data" is said in words, never shown as 0. Colours come in a
light and a dark shade, picked from the tile's palette.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.domain.kpi_texts import basis_text, kpi_definition_text
from kamdesk.domain.review_kpis import KpiFigure, definition
from kamdesk.ui.reports.kpi_format import change_text, is_improvement, value_text
from kamdesk.ui.widgets.trend_chart import TrendChart

__all__ = ["KpiTile"]

# (light, dark) shades of good and bad
GOOD = ("#2e7d32", "#66bb6a")
BAD = ("#c62828", "#ef5350")


def _link(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { color: palette(link); border: none; padding: 0 2px; "
                         "text-align: left; } QPushButton:hover { text-decoration: underline; }")
    return button


class KpiTile(QFrame):
    """One KPI: name, value, target, change against the previous period, trend chart.

    Emits :attr:`target_requested` (``Set target…``) and :attr:`drill_requested` (a click
    on the tile or ``Customers…``) with the KPI code."""

    target_requested = Signal(str)
    drill_requested = Signal(str)

    def __init__(self, code: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.lang = lang
        self.kpi = definition(code)
        self.figure: KpiFigure | None = None
        self.setObjectName(f"kpiTile_{code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(250)

        self.name = QLabel(self.kpi.name(lang))
        self.name.setObjectName("kpiName")
        f = self.name.font()
        f.setBold(True)
        self.name.setFont(f)
        self.value = QLabel()
        self.value.setObjectName("kpiValue")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.value.setFont(f)
        self.basis = QLabel()
        self.basis.setObjectName("kpiBasis")
        self.basis.setStyleSheet("color: palette(placeholder-text);")
        self.change = QLabel()
        self.change.setObjectName("kpiChange")
        self.change.setWordWrap(True)
        self.target = QLabel()
        self.target.setObjectName("kpiTarget")
        self.chart = TrendChart(self, title=self.kpi.name(lang))
        self.chart.setMinimumHeight(80)
        self.target_button = _link(self.tr("Set target…"), "kpiSetTarget")
        self.target_button.clicked.connect(lambda: self.target_requested.emit(self.code))
        self.drill_button = _link(self.tr("Customers…"), "kpiCustomers")
        self.drill_button.clicked.connect(lambda: self.drill_requested.emit(self.code))

        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addStretch(1)
        top.addWidget(self.basis, 0, Qt.AlignmentFlag.AlignBottom)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addStretch(1)
        target_row.addWidget(self.target_button)
        target_row.addWidget(self.drill_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(2)
        lay.addWidget(self.name)
        lay.addLayout(top)
        lay.addWidget(self.change)
        lay.addLayout(target_row)
        lay.addWidget(self.chart, 1)
        self.setToolTip(kpi_definition_text(code, lang))
        self.setAccessibleName(self.kpi.name(lang))
        self.setAccessibleDescription(kpi_definition_text(code, lang))
        self.show_figure(None, "", [], [])

    # -- colours -----------------------------------------------------------------------
    def _shade(self, pair: tuple[str, str]) -> str:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return pair[1] if dark else pair[0]

    def colour_of(self, good: bool | None) -> str | None:
        return None if good is None else self._shade(GOOD if good else BAD)

    # -- figures -----------------------------------------------------------------------
    def show_figure(self, figure: KpiFigure | None, previous_label: str,
                    labels: Sequence[str], values: Sequence[float | None]) -> None:
        """Show the period's figure (None: nothing read yet) and its trend."""
        self.figure = figure
        unit = self.kpi.unit
        no_data = self.tr("No data")
        if figure is None or figure.value is None:
            self.value.setText(no_data)
            self.value.setStyleSheet("color: palette(placeholder-text);")
        else:
            self.value.setText(value_text(unit, figure.value, self.lang))
            colour = self.colour_of(figure.on_target)
            self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.basis.setText("" if figure is None
                           else basis_text(self.code, figure.basis, self.lang))
        self._show_change(figure, previous_label)
        target = None if figure is None else figure.target
        if target is None:
            self.target.setText(self.tr("No target"))
        else:
            self.target.setText(self.tr("Target: %1").replace(
                "%1", value_text(unit, target, self.lang)))
        # money is drawn in yuan so the axis reads 2.5k, not the fen 250k
        scale = 100 if unit == "fen" else 1
        self.chart.set_series(
            list(labels), [None if v is None else v / scale for v in values],
            target=None if target is None else target / scale, bars=unit == "count",
            value_text=lambda v: value_text(unit, v * scale, self.lang))

    def _show_change(self, figure: KpiFigure | None, previous_label: str) -> None:
        unit = self.kpi.unit
        if figure is None:
            self.change.setText("")
            return
        before = (self.tr("no data") if figure.previous is None
                  else value_text(unit, figure.previous, self.lang))
        was = self.tr("%1: %2").replace("%1", previous_label).replace("%2", before)
        if figure.change is None:
            self.change.setText(was)
            self.change.setStyleSheet("color: palette(placeholder-text);")
            return
        arrow = "▲" if figure.change > 0 else "▼" if figure.change < 0 else "＝"
        text = f"{arrow} {change_text(unit, figure.change, self.lang)}"
        if figure.change_pct is not None:
            text += f" ({figure.change_pct:+.1f}%)"
        self.change.setText(f"{text} · {was}")
        colour = self.colour_of(is_improvement(figure.better, figure.change))
        self.change.setStyleSheet(f"color: {colour};" if colour else "")

    # -- clicks ------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.drill_requested.emit(self.code)
        super().mouseReleaseEvent(event)
