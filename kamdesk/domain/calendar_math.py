"""Calendar-month arithmetic for tiering windows and activity cut-offs.

The method speaks in months ("3–6 months no interaction", "annual contribution"), and a
month is not a fixed number of days, so the rules are written against these helpers
instead of ``timedelta(days=90)``: a quarter before 20 May is 20 February, whatever
February's length.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

__all__ = ["Window", "add_months", "months_between", "trailing_windows"]


def add_months(d: date, n: int) -> date:
    """Shift by calendar months, clamping to the month's last day.

    Clamping (31 Jan + 1 month = 28/29 Feb) rather than overflowing into March keeps
    "one month later" inside the next month, which is what a manager means by it.
    """
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (negative when ``end`` is earlier).

    Defined as the largest ``n`` with ``add_months(start, n) <= end`` so that it is the exact
    inverse of :func:`add_months` for the cut-offs used elsewhere: a customer whose
    cooperation started on ``add_months(today, -6)`` has cooperated for exactly 6 months.
    """
    n = (end.year - start.year) * 12 + (end.month - start.month)
    if n >= 0:
        if add_months(start, n) > end:
            n -= 1
    elif add_months(start, n) < end:
        n += 1
    return n


@dataclass(frozen=True, slots=True)
class Window:
    """A run of days ``after < d <= through``.

    Half-open at the start so that consecutive windows never share a day and "exactly
    N months ago" falls in the earlier window, matching the activity cut-offs.
    """

    after: date
    through: date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.after < d <= self.through


def trailing_windows(today: date, months: int) -> tuple[Window, Window]:
    """The current and the previous trailing window, for revenue and year-on-year figures.

    Both starts are computed from ``today`` directly rather than by chaining, so a
    29 February ``today`` does not drift by a day in the previous window.
    """
    current = Window(after=add_months(today, -months), through=today)
    previous = Window(after=add_months(today, -2 * months), through=current.after)
    return current, previous
