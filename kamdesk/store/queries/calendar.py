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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection

from kamdesk.domain.key_dates import DEFAULT_ANNIVERSARY_TIERS
from kamdesk.store.queries.calendar_entries import (
    GENERATED_SOURCES,
    TASK_KINDS,
    CalendarEntry,
    complaint_entries,
    current_links,
    event_entries,
    festival_entries,
    key_date_entries,
    renewal_entries,
    task_entries,
)
from kamdesk.store.queries.key_dates import DayCap

__all__ = [
    "DEFAULT_ANNIVERSARY_TIERS", "GENERATED_SOURCES", "KINDS", "TASK_KINDS", "CalendarEntry",
    "CalendarPage", "PagePart", "SOURCE_TABLES", "calendar_page", "complete_day", "grid_page",
    "items_between", "sort_key", "stale_sources", "with_overdue",
]

KINDS: tuple[str, ...] = (
    "task", "visit", "call", "key_date", "festival", "event", "renewal", "complaint",
)
_KIND_ORDER = {k: i for i, k in enumerate(
    ("festival", "key_date", "renewal", "event", "complaint", "visit", "call", "task"))}


#: The tables each source of a page is read from. A change to none of them leaves that
#: source's part of a page right, so the Calendar keeps it and reads only the rest
#: (:func:`calendar_page`'s ``reuse``): after a task is logged, a 100k-book month reads
#: its tasks again, not its ten thousand birthdays. The reminder tasks linked to key
#: dates and renewals (their done marks) are read again with every page.
SOURCE_TABLES: dict[str, frozenset[str]] = {
    "tasks": frozenset({"tasks", "customers", "customer_metrics"}),
    "key_date": frozenset({"key_dates", "customers", "customer_metrics", "people"}),
    "renewal": frozenset({"contracts", "customers", "customer_metrics"}),
    "complaint": frozenset({"complaints", "customers", "customer_metrics"}),
    "event": frozenset({"events", "event_attendance"}),
    "festival": frozenset(),
}


def stale_sources(tables: Iterable[str]) -> set[str]:
    """The sources of :data:`SOURCE_TABLES` a change to ``tables`` makes stale."""
    changed = set(tables)
    return {source for source, read in SOURCE_TABLES.items() if read & changed}


@dataclass(frozen=True)
class PagePart:
    """What one source contributed to a page: its entries (capped per day like the page)
    and its count of every day; ``links`` are the source keys of the reminder tasks its
    entries stand for (None where none), to mark them done again on reuse."""

    entries: tuple[CalendarEntry, ...]
    totals: Mapping[dt.date, int]
    links: tuple[str | None, ...] = ()
    #: the ``now`` it was read for (complaint levels follow the clock)
    read_for: dt.datetime | None = None


@dataclass(frozen=True)
class CalendarPage:
    """Entries of a range, perhaps capped per day, with the true count of every day."""

    entries: list[CalendarEntry]
    totals: dict[dt.date, int]
    #: the range read, and the day read to a wider limit (see :func:`calendar_page`)
    start: dt.date = dt.date.min
    end: dt.date = dt.date.min
    full_day: dt.date | None = None
    #: the same entries by source (keys of :data:`SOURCE_TABLES`), for ``reuse``
    parts: Mapping[str, PagePart] = field(default_factory=dict)

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
    reuse: Mapping[str, PagePart] | None = None,
) -> CalendarPage:
    """:func:`items_between` for a screen: at most ``per_day_limit`` entries of each
    kind per day (the first by time), plus the full count of each day for "+N more".

    ``full_day`` (in the range) keeps up to ``full_day_limit`` of each kind on that one
    day instead (None: all), so the Calendar reads its month once, one query per source,
    for the grid and the selected day's list alike (:func:`complete_day`, :func:`grid_page`).

    ``reuse``: parts of an earlier read of the same request whose tables have not
    changed since (see :data:`SOURCE_TABLES`); only the other sources are read.
    """
    wanted = set(KINDS if kinds is None else kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown calendar kinds: {', '.join(sorted(unknown))}")
    if end < start:
        return CalendarPage([], {})
    task_kinds = sorted(wanted & set(TASK_KINDS))
    readers: dict[str, Callable[[DayCap], list[CalendarEntry]]] = {}
    if task_kinds:
        readers["tasks"] = lambda cap: task_entries(conn, start, end, task_kinds, customer_id,
                                                    now, cap, lang)
    if "key_date" in wanted:
        readers["key_date"] = lambda cap: key_date_entries(conn, start, end, customer_id, lang,
                                                           anniversary_tiers, cap)
    if "renewal" in wanted:
        readers["renewal"] = lambda cap: renewal_entries(conn, start, end, customer_id, lang,
                                                         cap)
    if "complaint" in wanted:
        readers["complaint"] = lambda cap: complaint_entries(conn, start, end, customer_id,
                                                             lang, now, cap)
    if "event" in wanted:
        readers["event"] = lambda cap: event_entries(conn, start, end, customer_id, cap)
    if "festival" in wanted:
        readers["festival"] = lambda cap: festival_entries(start, end, lang,
                                                           include_optional_festivals, cap)
    parts: dict[str, PagePart] = {}
    kept = {s: p for s, p in (reuse or {}).items() if s in readers}
    for source, read in readers.items():
        if source in kept:
            continue
        cap = DayCap(per_day_limit, full_day, full_day_limit)
        entries = read(cap)
        parts[source] = PagePart(tuple(entries), cap.totals, _links(entries), now)
    parts.update(_relinked(conn, kept, now))
    out: list[CalendarEntry] = []
    totals: dict[dt.date, int] = {}
    for source in readers:  # in the order read, whatever was reused
        out += parts[source].entries
        for day, n in parts[source].totals.items():
            totals[day] = totals.get(day, 0) + n
    out.sort(key=sort_key)
    return CalendarPage(out, totals, start, end,
                        full_day if per_day_limit is not None else None,
                        {s: parts[s] for s in readers})


def _links(entries: list[CalendarEntry]) -> tuple[str | None, ...]:
    return tuple(e.link for e in entries) if any(e.link for e in entries) else ()


def _relinked(conn: Connection, kept: Mapping[str, PagePart], now: dt.datetime | None
              ) -> dict[str, PagePart]:
    """Reused parts brought up to date with what changes without their tables changing:
    the done marks of their reminder tasks, and overdue for the time now."""
    out = {}
    for source, part in kept.items():
        entries = list(part.entries)
        if part.links:
            linked = current_links(conn, [k for k in part.links if k])
            for i, key in enumerate(part.links):
                if key is None:
                    continue
                task_id, done = linked.get(key, (None, False))
                if (entries[i].task_id, entries[i].done) != (task_id, done):
                    entries[i] = replace(entries[i], task_id=task_id, done=done)
        if now is not None:
            entries = with_overdue(entries, now)
        out[source] = replace(part, entries=tuple(entries))
    return out


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

