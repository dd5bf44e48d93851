"""Review periods (复盘周期): a calendar month, quarter or year, written ``2026-11``,
``2026-Q4`` or ``2026``.

The monthly review compares a period with the one before and draws the last twelve, so
every screen, the CLI and the review PDF must agree on what "2026-Q4" covers, what came
before it and how it is worded. Pure date arithmetic, no database. A bad spelling raises
:class:`ReviewPeriodError` with a code (``required``, ``invalid_period``,
``out_of_range``) — a ``ValidationError``-like error the store and the screens word in
the user's language.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

__all__ = ["PERIOD_KINDS", "Period", "PeriodKind", "ReviewPeriodError", "parse_review_period",
           "period_containing"]

PeriodKind = Literal["month", "quarter", "year"]
PERIOD_KINDS: Final[tuple[PeriodKind, ...]] = ("month", "quarter", "year")

_SPELLING = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])))?$")
_MONTHS_PER: Final = {"month": 1, "quarter": 3, "year": 12}
MIN_YEAR, MAX_YEAR = 1900, 2200


class ReviewPeriodError(ValueError):
    """Not a review period. ``field`` is always ``period``; ``code`` is ``required``,
    ``invalid_period`` or ``out_of_range`` (the ValidationError vocabulary)."""

    field = "period"

    def __init__(self, code: str, text: str = "") -> None:
        super().__init__(f"period: {code} {text}".strip())
        self.code = code
        self.text = text


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """One review period: ``start`` and ``end`` are both inclusive.

    Build one with :func:`parse_review_period`, :meth:`of` or :func:`period_containing`;
    periods of the same kind order chronologically.
    """

    start: date
    end: date
    kind: PeriodKind

    @staticmethod
    def of(kind: PeriodKind, year: int, number: int = 1) -> Period:
        """``Period.of("quarter", 2026, 4)``; ``number`` is the month (1–12) or quarter
        (1–4), ignored for a year."""
        if kind not in _MONTHS_PER:
            raise ReviewPeriodError("invalid_period", str(kind))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ReviewPeriodError("out_of_range", str(year))
        if kind == "year":
            return Period(date(year, 1, 1), date(year, 12, 31), "year")
        last = 12 if kind == "month" else 4
        if not 1 <= number <= last:
            raise ReviewPeriodError("out_of_range", f"{year}-{number}")
        first_month = number if kind == "month" else 3 * (number - 1) + 1
        end_month = first_month + _MONTHS_PER[kind] - 1
        end = date(year, end_month, calendar.monthrange(year, end_month)[1])
        return Period(date(year, first_month, 1), end, kind)

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def number(self) -> int:
        """The month (1–12), the quarter (1–4), or 1 for a year."""
        if self.kind == "month":
            return self.start.month
        if self.kind == "quarter":
            return (self.start.month - 1) // 3 + 1
        return 1

    @property
    def code(self) -> str:
        """The one spelling: ``2026-11``, ``2026-Q4``, ``2026``."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    def __str__(self) -> str:
        return self.code

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def shifted(self, n: int) -> Period:
        """The period ``n`` periods later (earlier when negative), of the same kind."""
        if self.kind == "year":
            return Period.of("year", self.year + n)
        per_year = 12 if self.kind == "month" else 4
        index = self.year * per_year + self.number - 1 + n
        year, number0 = divmod(index, per_year)
        return Period.of(self.kind, year, number0 + 1)

    def previous(self) -> Period:
        """The period before, of the same kind: 2026-01 → 2025-12, 2026-Q1 → 2025-Q4."""
        return self.shifted(-1)

    def next(self) -> Period:
        return self.shifted(1)

    def last_n(self, n: int = 12) -> tuple[Period, ...]:
        """The ``n`` periods ending with this one, oldest first (a trend's x axis)."""
        if n < 1:
            raise ReviewPeriodError("out_of_range", str(n))
        return tuple(self.shifted(-k) for k in range(n - 1, -1, -1))

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end

    def clipped_end(self, as_of: date) -> date | None:
        """The last day of the period already lived on ``as_of``: ``end``, or ``as_of``
        inside the period; None when the period has not begun."""
        if as_of < self.start:
            return None
        return min(self.end, as_of)

    def label(self, lang: str = "en") -> str:
        """``Nov 2026`` / ``2026年11月``, ``Q4 2026`` / ``2026年第4季度``, ``2026`` / ``2026年``."""
        zh = lang.startswith("zh")
        if self.kind == "month":
            if zh:
                return f"{self.year}年{self.number}月"
            return f"{calendar.month_abbr[self.number]} {self.year}"
        if self.kind == "quarter":
            return f"{self.year}年第{self.number}季度" if zh else f"Q{self.number} {self.year}"
        return f"{self.year}年" if zh else str(self.year)

    def short_label(self, lang: str = "en") -> str:
        """A chart tick: ``11月`` / ``Nov`` for a month, ``Q4`` for a quarter, the year."""
        if self.kind == "month":
            return f"{self.number}月" if lang.startswith("zh") else calendar.month_abbr[self.number]
        if self.kind == "quarter":
            return f"Q{self.number}"
        return str(self.year)


def parse_review_period(text: str | None) -> Period:
    """``2026-11`` (or ``2026-1``), ``2026-Q4`` (case, spaces, ``/`` and ``_`` forgiven) or
    ``2026``; anything else raises :class:`ReviewPeriodError`."""
    t = (text or "").strip().upper().replace(" ", "").replace("_", "-").replace("/", "-")
    if not t:
        raise ReviewPeriodError("required")
    m = _SPELLING.match(t)
    if m is None:
        raise ReviewPeriodError("invalid_period", t)
    year = int(m.group(1))
    if m.group(2) is not None:
        return Period.of("month", year, int(m.group(2)))
    if m.group(3) is not None:
        return Period.of("quarter", year, int(m.group(3)))
    return Period.of("year", year)


def period_containing(day: date, kind: PeriodKind = "month") -> Period:
    """The period of ``kind`` that ``day`` falls in (the default review: this month)."""
    if kind == "month":
        return Period.of("month", day.year, day.month)
    if kind == "quarter":
        return Period.of("quarter", day.year, (day.month - 1) // 3 + 1)
    return Period.of("year", day.year)
