"""The Calendar's range: the days a month or week view shows, a step to the next or
previous one, and its heading ("November 2026", "2026年11月", "23 – 29 November 2026")
in the UI language. Pure date arithmetic and text (a QLocale names the months), kept
apart so the screen and its background reads of the neighbouring months agree."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale


def visible_range(view: str, anchor: dt.date) -> tuple[dt.date, dt.date, int, int | None]:
    """(first day, last day, weeks, month shown) of the grid around ``anchor``."""
    if view == "week":
        first = anchor - dt.timedelta(days=anchor.weekday())
        return first, first + dt.timedelta(days=6), 1, None
    start = anchor.replace(day=1)
    first = start - dt.timedelta(days=start.weekday())
    return first, first + dt.timedelta(days=41), 6, start.month


def stepped(view: str, anchor: dt.date, selected: dt.date, n: int) -> tuple[dt.date, dt.date]:
    """(anchor, selected day) ``n`` weeks or months away (a month step selects its 1st)."""
    if view == "week":
        return anchor + dt.timedelta(7 * n), selected + dt.timedelta(7 * n)
    y, m = anchor.year, anchor.month + n
    first = dt.date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)
    return first, first


def range_title(locale: QLocale, zh: bool, year: int, first: dt.date, last: dt.date,
                month: int | None) -> str:
    """``month`` set: a month view of ``year``; None: the week ``first`` … ``last``."""
    if month is not None:
        if zh:
            return f"{year}年{month}月"
        return f"{locale.standaloneMonthName(month)} {year}"
    if zh:
        tail = f"{last.month}月{last.day}日" if last.month != first.month else f"{last.day}日"
        return f"{first.year}年{first.month}月{first.day}日 – {tail}"
    if first.month == last.month:
        return f"{first.day} – {last.day} {locale.standaloneMonthName(first.month)} {first.year}"
    short = QLocale.FormatType.ShortFormat
    return (f"{first.day} {locale.monthName(first.month, short)}"
            f" – {last.day} {locale.monthName(last.month, short)} {last.year}")
