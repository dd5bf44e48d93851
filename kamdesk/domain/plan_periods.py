"""Account plan periods: ``2027``, ``2027-H1`` / ``H2`` and ``2027-Q1`` … ``Q4``.

A plan is the record of one period, so periods must be parsed the same way everywhere
(the editor, the batch export, the CLI) and ordered the same way (latest last). Only
these three forms exist: a free-typed "2027上半年" could never be ordered or compared.

Pure date arithmetic, no database: the store turns :class:`PeriodError` into its
``ValidationError('period', code)`` for the screens to word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

__all__ = ["PeriodError", "next_period", "parse_period", "period_bounds", "period_key",
           "suggest_period"]

_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]))?$")


class PeriodError(ValueError):
    """Not a plan period; ``code`` is required, invalid_period or out_of_range."""

    def __init__(self, code: str, text: str = "") -> None:
        super().__init__(f"period: {code} {text}".strip())
        self.code = code
        self.text = text


def parse_period(text: str | None) -> str:
    """``2027``, ``2027-H1`` or ``2027-Q3`` in its one spelling (case, spaces, ``_`` and
    ``/`` forgiven); anything else raises :class:`PeriodError`."""
    t = (text or "").strip().upper().replace(" ", "").replace("_", "-").replace("/", "-")
    if not t:
        raise PeriodError("required")
    m = _PERIOD.match(t)
    if m is None:
        raise PeriodError("invalid_period", t)
    if not 1900 <= int(m.group(1)) <= 2200:
        raise PeriodError("out_of_range", t)
    return t


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a period."""
    p = parse_period(period)
    year = int(p[:4])
    if len(p) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    part = p[5:]
    n = int(part[1])
    if part[0] == "H":
        first, months = 6 * (n - 1) + 1, 6
    else:
        first, months = 3 * (n - 1) + 1, 3
    last_month = first + months - 1
    end = (date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)) \
        - timedelta(days=1)
    return date(year, first, 1), end


def period_key(period: str) -> tuple[date, date]:
    """Sort key, latest last: by end, then by start (2027-Q4 after 2027-H2 after 2027)."""
    start, end = period_bounds(period)
    return end, start


def next_period(period: str) -> str:
    """The period after ``period`` of the same length: 2027 → 2028, 2027-H2 → 2028-H1."""
    p = parse_period(period)
    year = int(p[:4])
    if len(p) == 4:
        return str(year + 1)
    kind, n = p[5], int(p[6])
    last = 2 if kind == "H" else 4
    return f"{year + 1}-{kind}1" if n == last else f"{year}-{kind}{n + 1}"


def suggest_period(existing: Sequence[str], today: date) -> str:
    """What "New period" proposes: the one after the latest plan, else the year being
    planned — next year once the fourth quarter has started (annual plans are written
    in Q4), otherwise this year."""
    valid = []
    for p in existing:
        try:
            valid.append(parse_period(p))
        except PeriodError:
            continue
    if valid:
        candidate = next_period(max(valid, key=period_key))
        while candidate in valid:
            candidate = next_period(candidate)
        return candidate
    return str(today.year + 1 if today.month >= 10 else today.year)
