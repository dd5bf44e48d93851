"""How the customer list colours its cells: the tiers' calm palette, "New", credit use,
and the complaint dot beside a name (kept apart from the model, which reads the rows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPixmap

#: value tiers in a calm palette (teal, warm brown, grey): red is kept for what is
#: overdue or in danger, so "High value" must not read as an alarm, and blue would read
#: as a link. Lighter shades of the same for dark rows.
TIER_COLOURS = {"A": "#00796b", "B": "#7b5e3b", "C": "#607d8b"}
TIER_COLOURS_DARK = {"A": "#4db6ac", "B": "#c8a97e", "C": "#90a4ae"}


def tier_colour(tier: str | None) -> str:
    """The tier's text colour for the current palette (light or dark rows)."""
    dark = QGuiApplication.palette().base().color().lightness() < 128
    return (TIER_COLOURS_DARK if dark else TIER_COLOURS).get(tier or "", "#78909c")


#: "New" (no history yet) is neither good nor bad news: a calm purple, apart from the tiers
NEW_COLOUR = "#8e24aa"
CREDIT_COLOURS = {"amber": "#ef6c00", "red": "#c62828"}


_BRUSHES: dict[str, QBrush] = {}


def text_brush(colour: str) -> QBrush:
    """A text brush of ``colour`` (made once per colour)."""
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


_DOTS: dict[str, QIcon] = {}


def complaint_dot(colour: str) -> QIcon:
    """A small filled circle in ``colour`` (made once per colour)."""
    if colour not in _DOTS:
        pix = QPixmap(12, 12)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        _DOTS[colour] = QIcon(pix)
    return _DOTS[colour]
