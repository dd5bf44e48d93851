"""When a customer's key date (重要日期) falls: birthdays, cooperation and founding
anniversaries, one-off dates — by the solar or the lunar calendar.

The method asks for greetings on the day itself, so every rule must give exactly one
day per year even when the stored day does not exist that year:

* solar 29 February is kept on 28 February in common years (the day before, so the
  greeting is never late);
* lunar 三十 in a 29-day month is kept on 廿九, the month's last day;
* a lunar date in a leap month (e.g. 闰四月初八) is kept in that leap month in the
  years that have it and in the ordinary month of the same number (四月初八) in all
  other years — the custom most families follow; leap months recur only every few
  years, so the alternative (no birthday at all) is no use to a manager.

For lunar rules ``year`` means the *lunar* year: a 腊月 date of lunar year Y falls in
January or February of solar year Y+1. Date-range functions take solar dates and
handle that shift themselves.

This is the one occurrence engine: Today, the Calendar, the reminder generator and
the iCalendar feed all ask :class:`RuleWindow` (many stored rules over one window) and
:func:`yearly_occurrences` (anniversaries derived from a customer's dates), so a
birthday can never fall on different days on different screens. The span helpers
turn a window into (month, day) ranges a database query can filter on first.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

CalendarKind = Literal["solar", "lunar"]
Recurrence = Literal["yearly", "once"]


@dataclass(frozen=True, slots=True)
class KeyDateRule:
    """How a key date recurs.

    ``year``: for ``once`` the year it happens (required); for ``yearly`` the first
    year (birth year, year founded) if known — no occurrence before it, and it lets
    ``years_since`` say which birthday or anniversary it is.
    """

    calendar: CalendarKind
    month: int
    day: int
    leap_month: bool = False
    year: int | None = None
    recurrence: Recurrence = "yearly"

    def __post_init__(self) -> None:
        if self.calendar not in ("solar", "lunar"):
            raise ValueError(f"calendar must be 'solar' or 'lunar', got {self.calendar!r}")
        if self.recurrence not in ("yearly", "once"):
            raise ValueError(f"recurrence must be 'yearly' or 'once', got {self.recurrence!r}")
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1–12, got {self.month}")
        if self.calendar == "solar":
            if self.leap_month:
                raise ValueError("leap_month applies to lunar dates only")
            # 2000 is a leap year, so this allows 29 February and nothing impossible.
            longest = _calendar.monthrange(2000, self.month)[1]
            if not 1 <= self.day <= longest:
                raise ValueError(f"day must be 1–{longest} for month {self.month}, got {self.day}")
        elif not 1 <= self.day <= 30:
            raise ValueError(f"lunar day must be 1–30, got {self.day}")
        if self.recurrence == "once" and self.year is None:
            raise ValueError("a one-off key date needs its year")


def _solar_in_year(rule: KeyDateRule, year: int) -> dt.date:
    last = _calendar.monthrange(year, rule.month)[1]
    return dt.date(year, rule.month, min(rule.day, last))


def _lunar_in_year(rule: KeyDateRule, lunar_year: int) -> dt.date:
    from kamdesk.domain.lunar import leap_month, lunar_month_days, lunar_to_solar

    leap = rule.leap_month and leap_month(lunar_year) == rule.month
    day = min(rule.day, lunar_month_days(lunar_year, rule.month, leap))
    return lunar_to_solar(lunar_year, rule.month, day, leap)


def occurrence_in_year(rule: KeyDateRule, year: int) -> dt.date | None:
    """The solar date of the occurrence belonging to ``year`` (lunar year for lunar
    rules), or None when the rule does not happen that year."""
    if rule.year is not None:
        if rule.recurrence == "once" and year != rule.year:
            return None
        if year < rule.year:
            return None
    if rule.calendar == "solar":
        return _solar_in_year(rule, year)
    return _lunar_in_year(rule, year)


def _candidate_years(rule: KeyDateRule, solar_start: int, solar_end: int) -> range:
    # A lunar year starts in Jan/Feb, so its late months spill into the next solar year:
    # the occurrences inside solar years [a, b] come from lunar years [a-1, b].
    first = solar_start - 1 if rule.calendar == "lunar" else solar_start
    return range(first, solar_end + 1)


def occurrences_between(rule: KeyDateRule, start: dt.date, end: dt.date) -> list[dt.date]:
    """Occurrences with ``start <= date <= end`` (both included), in order."""
    if end < start:
        return []
    found = {
        occ
        for year in _candidate_years(rule, start.year, end.year)
        if (occ := occurrence_in_year(rule, year)) is not None and start <= occ <= end
    }
    return sorted(found)


def next_occurrence(rule: KeyDateRule, on_or_after: dt.date) -> dt.date | None:
    """First occurrence on or after the given day; None for a one-off already past."""
    if rule.recurrence == "once":
        assert rule.year is not None
        occ = occurrence_in_year(rule, rule.year)
        return occ if occ is not None and occ >= on_or_after else None
    # Two solar years after the first possible one always contain the next occurrence.
    last_year = max(on_or_after.year, (rule.year or 0) + 1) + 2
    found = occurrences_between(rule, on_or_after, dt.date(last_year, 12, 31))
    return found[0] if found else None


def years_since(rule: KeyDateRule, occurrence: dt.date) -> int | None:
    """Which birthday/anniversary ``occurrence`` is (age, 合作N周年), if the start year
    is known; counted in lunar years for lunar rules."""
    if rule.year is None:
        return None
    if rule.calendar == "solar":
        return occurrence.year - rule.year
    from kamdesk.domain.lunar import solar_to_lunar

    return solar_to_lunar(occurrence).year - rule.year


def cooperation_anniversary(start: dt.date, on_or_after: dt.date) -> tuple[dt.date, int]:
    """Next cooperation anniversary (合作周年) on or after a day, and its number (>= 1).

    The start day itself is not an anniversary. A start on 29 February is marked on
    28 February in common years.
    """
    rule = KeyDateRule("solar", start.month, start.day)
    first = _solar_in_year(rule, start.year + 1)
    if on_or_after <= first:
        return first, 1
    occ = next_occurrence(rule, on_or_after)
    assert occ is not None
    return occ, occ.year - start.year


def reminder_date(occurrence: dt.date, days_before: int = 3) -> dt.date:
    """Day to remind the manager, leaving time to prepare a call, card or gift."""
    if days_before < 0:
        raise ValueError(f"days_before must not be negative, got {days_before}")
    return occurrence - dt.timedelta(days=days_before)


# -- many rules over one window: the engine every screen, reminder and export uses ------

#: Value tiers whose cooperation anniversaries and founding days are derived from the
#: customer record. The method reserves that personal care for high-value accounts, and
#: every customer has a start date: deriving them for all would bury a month under
#: anniversaries nobody acts on. A key date typed in is always shown.
DEFAULT_ANNIVERSARY_TIERS: tuple[str, ...] = ("A",)
KEY_DATE_KINDS: tuple[str, ...] = ("birthday", "anniversary", "founding", "custom")

#: A rule as stored: (calendar, month, day, leap_month, year, recurrence).
RuleKey = tuple[str, int, int, bool, int | None, str]


@lru_cache(maxsize=8192)
def _occurrence_of_key(key: RuleKey, year: int) -> dt.date | None:
    """Memoised across windows: paging a calendar month by month asks the same rules."""
    try:
        rule = KeyDateRule(*key)  # type: ignore[arg-type]
    except ValueError:
        return None  # a stored day the rules refuse (31 April) never falls
    return occurrence_in_year(rule, year)


@lru_cache(maxsize=4096)
def lunar_of(day: dt.date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, leap) of a solar day, cached: windows ask each day often."""
    from kamdesk.domain.lunar import solar_to_lunar

    ld = solar_to_lunar(day)
    return ld.year, ld.month, ld.day, ld.leap


class RuleWindow:
    """Where key-date rules fall inside ``[start, end]`` (both included).

    Each distinct rule is evaluated once: thousands of birthdays share a few hundred
    (month, day) rules. Rules are evaluated year by year across all of them
    (:meth:`prepare`), never rule by rule, because ``lunar_python`` keeps only the last
    lunar year it set up (~20–50 ms each): alternating years would set it up again for
    every rule.
    """

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self._found: dict[RuleKey, list[tuple[int, dt.date]]] = {}

    def years(self, calendar: str) -> range:
        """The years whose occurrence may fall in the window. Exact for lunar rules: an
        occurrence inside the window belongs to a lunar year between those of its ends."""
        if calendar == "lunar":
            return range(lunar_of(self.start)[0], lunar_of(self.end)[0] + 1)
        return range(self.start.year, self.end.year + 1)

    def prepare(self, keys: Iterable[RuleKey]) -> None:
        todo = [k for k in set(keys) if k not in self._found]
        for key in todo:
            self._found[key] = []
        for year, key in sorted(((y, k) for k in todo for y in self.years(k[0])),
                                key=lambda pair: pair[0]):
            occ = _occurrence_of_key(key, year)
            if occ is not None and self.start <= occ <= self.end:
                self._found[key].append((year, occ))
        # Years ascend, and so do the days of one rule's occurrences.

    def occurrences(self, key: RuleKey) -> list[tuple[int, dt.date]]:
        """(year the occurrence belongs to — lunar for lunar rules —, solar day), in order."""
        if key not in self._found:
            self.prepare([key])
        return self._found[key]


def occurrence_years(key: RuleKey, year: int) -> int | None:
    """Which birthday or anniversary the occurrence of ``year`` is (>= 1), if the rule
    knows its first year and recurs; None otherwise."""
    first, recurrence = key[4], key[5]
    if first is None or recurrence != "yearly":
        return None
    n = year - first
    return n if n > 0 else None


def yearly_occurrences(origin: dt.date, start: dt.date, end: dt.date
                       ) -> list[tuple[int, dt.date, int]]:
    """(year, day, which anniversary) of a date kept every year from ``origin`` — a
    cooperation start, a founding day — inside ``[start, end]``. The origin itself is
    not an anniversary; 29 February is kept on 28 February in common years."""
    out = []
    for year in range(max(start.year, origin.year + 1), end.year + 1):
        last = _calendar.monthrange(year, origin.month)[1]
        day = dt.date(year, origin.month, min(origin.day, last))
        if start <= day <= end:
            out.append((year, day, year - origin.year))
    return out


# -- narrowing a window to (month, day) spans, so a database index does the first cut --


def solar_spans(start: dt.date, end: dt.date) -> list[tuple[int, int, int]] | None:
    """(month, first day, last day) spans that a solar yearly date inside the window
    must match; None when the window is a year or longer (everything matches).

    29 February is let through whenever a span reaches 28 February of a common year,
    because that is where the rules keep it.
    """
    if end < start:
        return []
    if (end - start).days >= 365:
        return None
    spans = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        first = start.day if (y, m) == (start.year, start.month) else 1
        last = end.day if (y, m) == (end.year, end.month) else 31
        if m == 2 and last >= 28 and not _calendar.isleap(y):
            last = 31
        spans.append((m, first, last))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return spans


def lunar_spans(start: dt.date, end: dt.date) -> list[tuple[int, int, int]] | None:
    """The same for lunar (month, day) rules; None for windows of 330 days or more.

    On the 29th of a 29-day month the 30th is let through as well (三十 is kept on the
    month's last day). Leap months share their number with the ordinary month, so a
    span is a superset: every candidate is checked against its full rule afterwards.
    """
    from kamdesk.domain.lunar import lunar_month_days

    if end < start:
        return []
    if (end - start).days >= 330:
        return None
    days: dict[int, set[int]] = {}
    day = start
    while day <= end:
        year, month, d, leap = lunar_of(day)
        days.setdefault(month, set()).add(d)
        if d == 29 and lunar_month_days(year, month, leap) == 29:
            days[month].add(30)
        day += dt.timedelta(days=1)
    return [(m, min(ds), max(ds)) for m, ds in sorted(days.items())]



# -- the inverse: which stored rules fall on each day, so a query can count per day -----

#: what a rule's ``leap_month`` must be to fall in a slot: 0 no, 1 yes, None either
LeapNeed = int | None


@dataclass(frozen=True, slots=True)
class RuleSlot:
    """Stored rules (calendar, month, day) with ``leap_month`` as ``leap`` asks fall on
    ``date`` in ``year`` (the lunar year for lunar rules) — if ``year`` passes their own
    year and recurrence (see :func:`occurrence_in_year`)."""

    date: dt.date
    calendar: str
    month: int
    day: int
    leap: LeapNeed
    year: int


def rule_slots(start: dt.date, end: dt.date) -> list[RuleSlot]:
    """Every (calendar, month, day) that falls on each day of ``[start, end]``, by the
    rules of :func:`occurrence_in_year`: exactly the rules :class:`RuleWindow` finds in
    the window (a window shorter than a year, so no rule falls twice).

    Solar: the day itself, and 29 February on 28 February of a common year. Lunar: the
    lunar day, and 三十 on the 29th of a 29-day month; in a leap month only rules marked
    leap; in an ordinary month rules not marked leap, and those marked leap when the
    year has no leap month of that number.
    """
    from kamdesk.domain.lunar import leap_month, lunar_month_days

    if (end - start).days >= 330:
        raise ValueError("rule_slots is for windows shorter than a lunar year")
    out: list[RuleSlot] = []
    day = start
    while day <= end:
        out.append(RuleSlot(day, "solar", day.month, day.day, 0, day.year))
        if day.month == 2 and day.day == 28 and not _calendar.isleap(day.year):
            out.append(RuleSlot(day, "solar", 2, 29, 0, day.year))
        year, month, d, leap = lunar_of(day)
        need: LeapNeed = 1 if leap else (0 if leap_month(year) == month else None)
        out.append(RuleSlot(day, "lunar", month, d, need, year))
        if d == 29 and lunar_month_days(year, month, leap) == 29:
            out.append(RuleSlot(day, "lunar", month, 30, need, year))
        day += dt.timedelta(days=1)
    return out
