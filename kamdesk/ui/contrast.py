"""Colours that stay legible in light and dark mode, and the WCAG contrast that proves it.

A hard-coded pastel cell or grey name chosen on white turns into a glowing block or an
unreadable smudge on the dark palette (#15). Screens that colour text or cells pick the
pair for the palette in use with :func:`tone`; tests measure the result with
:func:`contrast_ratio` (WCAG 2: at least 4.5:1 for body text).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

MIN_TEXT_CONTRAST = 4.5
MIN_LARGE_TEXT_CONTRAST = 3.0


def relative_luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast of two opaque colours, 1.0 (same) to 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def window_colour() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window)


def tone(light: str, dark: str) -> str:
    """``light`` on the light palette, ``dark`` on the dark one."""
    return dark if palette_is_dark() else light


def legible(colour: str | QColor, background: QColor | None = None) -> QColor:
    """On the dark palette, ``colour`` lightened just enough to reach 4.5:1 on
    ``background`` (default: the palette's Base); hue kept, so a red "overdue" stays red.
    The light palette's colours were chosen on white and come back unchanged, as do
    colours that already read well."""
    c = QColor(colour)
    pal = QGuiApplication.palette()
    if not palette_is_dark(pal):
        return c
    bg = background if background is not None else pal.color(QPalette.ColorRole.Base)
    if contrast_ratio(c, bg) >= MIN_TEXT_CONTRAST:
        return c
    h, s, lightness, a = c.hslHueF(), c.hslSaturationF(), c.lightnessF(), c.alphaF()
    step = 0.04
    for _ in range(25):
        lightness = min(1.0, max(0.0, lightness + step))
        c = QColor.fromHslF(h, s, lightness, a)
        if contrast_ratio(c, bg) >= MIN_TEXT_CONTRAST:
            break
    return c
