"""How one calendar entry looks: the chip painted in a day cell (kind colour, icon,
time and title, struck through when done, red when overdue, a complaint amber near
its response deadline) and its tooltip.

The grid paints chips where they fit; the drag pixmap is the same chip, so what the
user drags looks like what they picked up.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.queries.calendar import CalendarEntry
from kamdesk.ui.calendar.kinds import OVERDUE_COLOUR, kind_colour, kind_icon


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def chip_text(entry: CalendarEntry, week_mode: bool) -> tuple[str, str]:
    """(first line, second line) of a chip; the second only shows in week mode."""
    who = entry.customer_short or entry.customer_name or ""
    title = entry.title
    if isinstance(entry.start, dt.datetime):
        title = f"{entry.start:%H:%M} {title}"
    second = who if who and who not in entry.title else ""
    if entry.detail and entry.kind in ("key_date", "festival") and entry.detail != entry.title:
        second = " · ".join(x for x in (second, entry.detail) if x)
    if not week_mode and second and entry.kind != "festival":
        title = f"{title} · {who}" if who and who not in entry.title else title
    return title, second


def paint_chip(p: QPainter, entry: CalendarEntry, rect: QRect, *, font: QFont,
               palette: QPalette, dark: bool, week_mode: bool) -> None:
    """Paint ``entry`` into ``rect`` with the chip ``font`` (two lines in week mode)."""
    # A complaint near (amber) or past (red) its response deadline takes that colour,
    # as on the profile and Today.
    level_colour = LEVEL_COLOURS.get(entry.level or "")
    colour = QColor(level_colour) if level_colour else kind_colour(entry.kind)
    bg = QColor(colour)
    bg.setAlpha(70 if dark else 34)
    if entry.done:
        bg.setAlpha(18)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(rect, 3, 3)
    bar = QColor(colour)
    if entry.done:
        bar.setAlpha(110)
    p.setBrush(bar)
    p.drawRoundedRect(QRect(rect.left(), rect.top(), 3, rect.height()), 1.5, 1.5)
    fm = QFontMetrics(font)
    icon_size = min(14, fm.height())
    kind_icon(entry.kind).paint(
        p, QRect(rect.left() + 6, rect.top() + 1 + (fm.height() + 2 - icon_size) // 2,
                 icon_size, icon_size))
    text_left = rect.left() + 8 + icon_size
    first, second = chip_text(entry, week_mode)
    first_font = QFont(font)
    if entry.done:
        first_font.setStrikeOut(True)
    if entry.done:
        pen = palette.color(QPalette.ColorRole.PlaceholderText)
    elif entry.overdue:
        pen = QColor(OVERDUE_COLOUR if not dark else "#ff6b6b")
    elif level_colour:
        pen = QColor(level_colour)
    else:
        pen = palette.color(QPalette.ColorRole.Text)
    p.setFont(first_font)
    p.setPen(pen)
    line = QRect(text_left, rect.top() + 1 + (2 if week_mode else 0),
                 rect.right() - text_left - 2, fm.height() + 1)
    p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               fm.elidedText(first, Qt.TextElideMode.ElideRight, line.width()))
    if week_mode and second:
        p.setFont(font)
        p.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        line2 = QRect(text_left, line.bottom() + 2, line.width(), fm.height())
        p.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(second, Qt.TextElideMode.ElideRight, line2.width()))


def entry_tooltip(entry: CalendarEntry) -> str:
    """Title, customer, time and detail, one per line."""
    lines = [entry.title]
    if entry.customer_name:
        lines.append(" ".join(x for x in (entry.customer_code, entry.customer_name) if x))
    when = f"{entry.start:%Y-%m-%d %H:%M}" if isinstance(entry.start, dt.datetime) \
        else entry.start.isoformat()
    lines.append(when)
    if entry.detail and entry.kind != "complaint":
        lines.append(entry.detail)
    return "\n".join(lines)
