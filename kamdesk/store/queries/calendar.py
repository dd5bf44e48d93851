"""What falls on which day: the read side of the Calendar screen (month, week, agenda).

Everything dated in the book of business is folded into one list of plain
:class:`~kamdesk.store.queries.calendar_entries.CalendarEntry` rows, so the grid, the
agenda and the iCalendar feed (:mod:`kamdesk.io.ical_feed`) share one set of rules
about what is shown where. The readers of each kind, and the volume rules that keep a
100k-customer month fast, are in :mod:`kamdesk.store.queries.calendar_entries` and
:mod:`kamdesk.store.queries.key_dates`.

The customer filter picks through the one customer picker query
(:func:`kamdesk.store.queries.customers.pick_customers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Connection

from kamdesk.domain.key_dates import DEFAULT_ANNIVERSARY_TIERS
from kamdesk.store.queries.calendar_entries import (
    GENERATED_SOURCES,
    TASK_KINDS,
    CalendarEntry,
    complaint_entries,
    event_entries,
    festival_entries,
    key_date_entries,
    renewal_entries,
    task_entries,
)
from kamdesk.store.queries.key_dates import DayCap

__all__ = [
    "DEFAULT_ANNIVERSARY_TIERS", "GENERATED_SOURCES", "KINDS", "TASK_KINDS", "CalendarEntry",
    "CalendarPage", "calendar_page", "complete_day", "grid_page", "items_between",
    "sort_key", "with_overdue",
]

KINDS: tuple[str, ...] = (
    "task", "visit", "call", "key_date", "festival", "event", "renewal", "complaint",
)
_KIND_ORDER = {k: i for i, k in enumerate(
    ("festival", "key_date", "renewal", "event", "complaint", "visit", "call", "task"))}


@dataclass(frozen=True)
class CalendarPage:
    """Entries of a range, perhaps capped per day, with the true count of every day."""

    entries: list[CalendarEntry]
    totals: dict[dt.date, int]
    #: the range read, and the day read to a wider limit (see :func:`calendar_page`)
    start: dt.date = dt.date.min
    end: dt.date = dt.date.min
    full_day: dt.date | None = None

    def hidden(self, day: dt.date) -> int:
        """How many entries of ``day`` were left out by the cap."""
        shown = sum(1 for e in self.entries if e.day == day)
        return max(0, self.totals.get(day, 0) - shown)


def items_between(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    kinds: Iterable[str] | None = None,
    customer_id: int | None = None,
    lang: str = "en",
    now: dt.datetime | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
    include_optional_festivals: bool = False,
) -> list[CalendarEntry]:
    """Everything dated in ``[start, end]`` (both days included), sorted by day, then
    all-day entries before timed ones, then time.

    ``kinds``: subset of :data:`KINDS` (None = all). ``now`` decides ``overdue``
    (open tasks and unanswered complaints past their time); without it nothing is
    overdue. Texts the store makes up (key-date, renewal, complaint titles, generated
    task titles) follow ``lang``.
    """
    return calendar_page(conn, start, end, kinds, customer_id, lang, now, anniversary_tiers,
                         include_optional_festivals).entries


def calendar_page(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    kinds: Iterable[str] | None = None,
    customer_id: int | None = None,
    lang: str = "en",
    now: dt.datetime | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
    include_optional_festivals: bool = False,
    per_day_limit: int | None = None,
    full_day: dt.date | None = None,
    full_day_limit: int | None = None,
) -> CalendarPage:
    """:func:`items_between` for a screen: at most ``per_day_limit`` entries of each
    kind per day (the first by time), plus the full count of each day for "+N more".

    ``full_day`` (in the range) keeps up to ``full_day_limit`` of each kind on that one
    day instead (None: all), so the Calendar reads its month once, one query per source,
    for the grid and the selected day's list alike (:func:`complete_day`, :func:`grid_page`).
    """
    wanted = set(KINDS if kinds is None else kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown calendar kinds: {', '.join(sorted(unknown))}")
    cap = DayCap(per_day_limit, full_day, full_day_limit)
    if end < start:
        return CalendarPage([], {})
    out: list[CalendarEntry] = []
    if wanted & set(TASK_KINDS):
        out += task_entries(conn, start, end, sorted(wanted & set(TASK_KINDS)), customer_id,
                            now, cap, lang)
    if "key_date" in wanted:
        out += key_date_entries(conn, start, end, customer_id, lang, anniversary_tiers, cap)
    if "renewal" in wanted:
        out += renewal_entries(conn, start, end, customer_id, lang, cap)
    if "complaint" in wanted:
        out += complaint_entries(conn, start, end, customer_id, lang, now, cap)
    if "event" in wanted:
        out += event_entries(conn, start, end, customer_id, cap)
    if "festival" in wanted:
        out += festival_entries(start, end, lang, include_optional_festivals, cap)
    out.sort(key=sort_key)
    return CalendarPage(out, cap.totals, start, end, cap.full_day)


def complete_day(page: CalendarPage, day: dt.date) -> CalendarPage | None:
    """The entries of ``day`` from ``page`` (with its true count) when the page holds
    that day in full (nothing of it capped, or read as ``full_day`` to a limit the
    caller shares); None when the page's range does not cover the day or left some out.
    """
    if not page.start <= day <= page.end:
        return None
    entries = [e for e in page.entries if e.day == day]
    total = page.totals.get(day, 0)
    if total > len(entries) and day != page.full_day:
        return None
    return CalendarPage(entries, {day: total} if total else {})


def grid_page(page: CalendarPage, per_day_limit: int) -> CalendarPage:
    """``page`` with at most ``per_day_limit`` entries of each kind on every day (what a
    page read with that limit holds: the first ones in order), for a page read with a
    wider ``full_day``."""
    kept: dict[tuple[dt.date, str], int] = {}
    out = []
    for e in page.entries:  # sorted: the first of each day and kind come first
        n = kept.get((e.day, e.kind), 0)
        if n < per_day_limit:
            kept[(e.day, e.kind)] = n + 1
            out.append(e)
    return CalendarPage(out, page.totals, page.start, page.end, page.full_day)


def sort_key(e: CalendarEntry) -> tuple[object, ...]:
    """Within a day the user's own tasks, calls and visits come first (what they
    committed to is what a crowded cell must not hide; open before done), then everything else (key
    dates, renewals, festivals…); each group all-day before timed, then by time."""
    timed = isinstance(e.start, dt.datetime)
    t = e.start.time() if isinstance(e.start, dt.datetime) else dt.time(0)
    return (e.day, e.kind not in TASK_KINDS, e.done, timed, t, _KIND_ORDER.get(e.kind, 99), e.title,
            e.key)


def with_overdue(entries: list[CalendarEntry], now: dt.datetime) -> list[CalendarEntry]:
    """Re-evaluate ``overdue`` for a later ``now`` without querying again."""
    out = []
    for e in entries:
        if e.kind in TASK_KINDS or e.kind == "complaint":
            late = not e.done and isinstance(e.start, dt.datetime) and e.start < now
            out.append(replace(e, overdue=late) if late != e.overdue else e)
        else:
            out.append(e)
    return out

