"""The calendar's entries as iCalendar items: what the .ics export contains.

The store answers "what falls on which day" (:mod:`kamdesk.store.queries.calendar`);
this module decides how each entry looks in a phone or Outlook calendar — VEVENT or
VTODO, all-day or timed, which alarm, which UID — and :mod:`kamdesk.io.ical` writes the
file. The data layer never imports this export format; the arrow points from here to it.

Key dates are exported as rules, not as the days of the range: a solar yearly date is
one event with ``RRULE:FREQ=YEARLY`` (so the phone keeps the birthday next year
without a new export), a lunar one is written year by year. Everything is worded at
export from today's names in the language asked for, and stamped with the last change
of the records it is made of — never with the time of the export — so an unchanged
book exports to the same bytes and a calendar sees which entries really changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection

from kamdesk.domain.key_date_text import lunar_detail, occurrence_title, with_company
from kamdesk.domain.key_dates import (
    DEFAULT_ANNIVERSARY_TIERS,
    RuleWindow,
    lunar_of,
    occurrence_years,
)
from kamdesk.domain.reminder_settings import ReminderSettings
from kamdesk.io.ical import CalendarItem
from kamdesk.store.queries.calendar import KINDS, TASK_KINDS, CalendarEntry, items_between
from kamdesk.store.queries.key_dates import KeyDateRuleRow, key_date_rules
from kamdesk.store.queries.reminder_plan import load_reminder_settings


def ical_uid(entry: CalendarEntry) -> str | None:
    """Stable UID of an exported entry; None for entries that are not exported
    (festivals are in every calendar already)."""
    kind, _, rest = entry.key.partition(":")
    if kind == "festival":
        return None
    if kind == "keydate":
        kd_id, _, year = rest.partition(":")
        return f"keydate-{kd_id}-{year}@kamdesk"
    if kind == "contract_end":
        return f"contract-end-{rest}@kamdesk"
    return f"{kind}-{rest.replace(':', '-')}@kamdesk"


def _titled(e: CalendarEntry) -> str:
    """A phone calendar shows only the summary: say whose date it is."""
    return with_company(e.title, e.customer_short or e.customer_name)


def calendar_item(e: CalendarEntry, settings: ReminderSettings) -> CalendarItem | None:
    """One entry as an iCalendar item; None for entries that are not exported (and
    for key dates: they are exported as rules, by :func:`key_date_items`).

    Calls become to-dos like tasks (the iCalendar kinds have no 'call'); visits become
    one-hour events.
    """
    uid = ical_uid(e)
    if uid is None:
        return None
    customer = e.customer_name
    description = "\n".join(x for x in (e.detail if e.kind != "complaint" else "",
                                         e.notes or "") if x)
    if e.kind in TASK_KINDS:
        assert isinstance(e.start, dt.datetime)
        alarm = None
        if e.remind_at is not None and e.remind_at <= e.start:
            alarm = e.start - e.remind_at
        is_visit = e.kind == "visit"
        return CalendarItem(
            uid=uid, kind="visit" if is_visit else "task", title=e.title,
            description=description, start=e.start,
            end=e.start + dt.timedelta(hours=1) if is_visit else None, all_day=False,
            alarm_before=alarm, customer=customer, done=e.done, updated=e.updated,
        )
    if e.kind == "renewal":
        return CalendarItem(
            uid=uid, kind="renewal", title=_titled(e), description=description,
            start=e.day, end=None, all_day=True,
            alarm_before=dt.timedelta(days=1) if e.subkind == "notice" else None,
            customer=customer, updated=e.updated,
        )
    if e.kind == "complaint":
        return CalendarItem(
            uid=uid, kind="complaint", title=_titled(e), description=e.detail,
            start=e.start, end=None, all_day=False,
            alarm_before=None if e.done else dt.timedelta(hours=2), customer=customer,
            updated=e.updated,
        )
    if e.kind == "event":
        return CalendarItem(
            uid=uid, kind="event", title=e.title, description=e.detail, start=e.day,
            end=None, all_day=True, alarm_before=None, customer=None, updated=e.updated,
        )
    return None


#: how many occurrences of a lunar yearly key date are written: calendars cannot
#: repeat by the lunar calendar, so each year is its own event
LUNAR_YEARS = 10
#: RRULE of a solar yearly date; 29 February is kept on the last day of February
#: (28 February in common years), as everywhere in the app
YEARLY = "FREQ=YEARLY"
YEARLY_FEB_LAST = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"


def key_date_uid(row: KeyDateRuleRow, year: int | None = None) -> str:
    """'keydate-5@kamdesk' for a repeating event, 'keydate-5-2026@kamdesk' for the
    occurrence of one (lunar) year; 'coop-17@kamdesk' / 'founded-17@kamdesk' for dates
    derived from the customer record."""
    suffix = "" if year is None else f"-{year}"
    return f"{row.source}-{row.row_id}{suffix}@kamdesk"


def _key_date_item(row: KeyDateRuleRow, day: dt.date, uid: str, lang: str, days: int,
                   years: int | None, rrule: str | None,
                   lunar: tuple[int, int, int, bool] | None = None) -> CalendarItem:
    """Worded now, from the current names: a renamed person's birthday follows.
    ``lunar`` is the lunar date of ``day`` for a lunar rule."""
    detail = lunar_detail(lang, lunar[1], lunar[2], lunar[3]) if lunar is not None else ""
    title = occurrence_title(row.kind, lang, who=row.person_name or row.company, years=years,
                             typed_title=row.stored_title)
    return CalendarItem(
        uid=uid, kind="key_date", title=with_company(title, row.company), description=detail,
        start=day, end=None, all_day=True, alarm_before=dt.timedelta(days=days),
        customer=row.customer_name, updated=row.updated, rrule=rrule,
    )


def _lunar_dates(days: Iterable[dt.date]) -> dict[dt.date, tuple[int, int, int, bool]]:
    """The lunar dates of many days, converted in order: the lunar library sets up one
    lunar year at a time (tens of ms), so jumping between years rule by rule would
    set them up again for every occurrence."""
    return {day: lunar_of(day) for day in sorted(set(days))}


def key_date_items(rows: list[KeyDateRuleRow], start: dt.date, end: dt.date,
                   settings: ReminderSettings, lang: str) -> list[CalendarItem]:
    """Key dates whose first occurrence on or after ``start`` is not after ``end``.

    A solar yearly date is ONE event repeating yearly from that occurrence, titled
    without the count ("Cooperation anniversary", not "3rd …": the title is the same
    every year). A lunar yearly date falls on another solar day each year, which no
    calendar can repeat, so it is written as :data:`LUNAR_YEARS` events, one per
    lunar year from that occurrence, each with its own count. A one-off date is one
    event.
    """
    solar_window = RuleWindow(start, end)
    lunar_window = RuleWindow(start, dt.date(start.year + LUNAR_YEARS + 1, 12, 31))
    lunar_yearly = {r.rule for r in rows if r.calendar == "lunar" and r.recurrence == "yearly"}
    solar_window.prepare(r.rule for r in rows if r.rule not in lunar_yearly)
    lunar_window.prepare(lunar_yearly)
    chosen: list[tuple[KeyDateRuleRow, list[tuple[int, dt.date]]]] = []
    for row in rows:
        if row.calendar == "lunar" and row.recurrence == "yearly":
            falls = lunar_window.occurrences(row.rule)
            if falls and falls[0][1] <= end:
                chosen.append((row, falls[:LUNAR_YEARS]))
        elif falls := solar_window.occurrences(row.rule):
            chosen.append((row, falls[:1]))
    lunar = _lunar_dates(day for row, falls in chosen if row.calendar == "lunar"
                         for _year, day in falls)
    out: list[CalendarItem] = []
    for row, falls in chosen:
        days = settings.days_for(row.kind)
        if row.calendar == "lunar" and row.recurrence == "yearly":
            for year, day in falls:
                out.append(_key_date_item(row, day, key_date_uid(row, year), lang, days,
                                          occurrence_years(row.rule, year), None, lunar[day]))
            continue
        if row.recurrence == "once":
            year, day = falls[0]
            out.append(_key_date_item(row, day, key_date_uid(row, year), lang, days, None,
                                      None, lunar.get(day)))
            continue
        rrule = YEARLY_FEB_LAST if (row.month, row.day) == (2, 29) else YEARLY
        out.append(_key_date_item(row, falls[0][1], key_date_uid(row), lang, days, None, rrule))
    return out


def _order(item: CalendarItem) -> tuple[dt.date, str]:
    start = item.start.date() if isinstance(item.start, dt.datetime) else item.start
    return start, item.uid


def iter_calendar_items_for_ical(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    customer_id: int | None = None,
    lang: str = "en",
    kinds: Iterable[str] | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
) -> list[CalendarItem]:
    """The entries of ``[start, end]`` as :class:`~kamdesk.io.ical.CalendarItem` values,
    in a stable order, with UIDs derived from database identity ('task-42@kamdesk',
    'keydate-5@kamdesk', 'renewal-7@kamdesk'), so importing a newer export replaces
    entries instead of duplicating them. Texts follow ``lang`` and today's names; each
    item is stamped with the last change of the records it is made of, so exporting
    unchanged data twice gives the same bytes."""
    settings = load_reminder_settings(conn)
    wanted = [k for k in (KINDS if kinds is None else kinds) if k != "festival"]
    others = [k for k in wanted if k != "key_date"]
    items: list[CalendarItem] = []
    if others:
        entries = items_between(conn, start, end, others, customer_id, lang,
                                anniversary_tiers=anniversary_tiers)
        items = [item for e in entries if (item := calendar_item(e, settings)) is not None]
    if "key_date" in wanted and start <= end:
        rows = key_date_rules(conn, customer_id, anniversary_tiers)
        items += key_date_items(rows, start, end, settings, lang)
    items.sort(key=_order)
    return items
