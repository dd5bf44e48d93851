"""The calendar's entries as iCalendar items: what the .ics export contains.

The store answers "what falls on which day" (:mod:`kamdesk.store.queries.calendar`);
this module decides how each entry looks in a phone or Outlook calendar — VEVENT or
VTODO, all-day or timed, which alarm, which UID — and :mod:`kamdesk.io.ical` writes the
file. The data layer never imports this export format; the arrow points from here to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection

from kamdesk.domain.key_date_text import with_company
from kamdesk.domain.key_dates import DEFAULT_ANNIVERSARY_TIERS
from kamdesk.domain.reminder_settings import ReminderSettings
from kamdesk.io.ical import CalendarItem
from kamdesk.store.queries.calendar import KINDS, TASK_KINDS, CalendarEntry, items_between
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
    """One entry as an iCalendar item; None for entries that are not exported.

    Calls become to-dos like tasks (the iCalendar kinds have no 'call'); visits become
    one-hour events; key dates carry an alarm at their reminder lead time.
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
    if e.kind == "key_date":
        days = settings.days_for(e.subkind or "custom")
        return CalendarItem(
            uid=uid, kind="key_date", title=_titled(e), description=description,
            start=e.day, end=None, all_day=True, alarm_before=dt.timedelta(days=days),
            customer=customer,
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


def iter_calendar_items_for_ical(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    customer_id: int | None = None,
    lang: str = "en",
    kinds: Iterable[str] | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
) -> list[CalendarItem]:
    """The entries of ``[start, end]`` as :class:`~kamdesk.io.ical.CalendarItem` values
    with UIDs derived from database identity ('task-42@kamdesk',
    'keydate-5-2026@kamdesk', 'renewal-7@kamdesk'), so importing a newer export
    replaces entries instead of duplicating them. Texts follow ``lang``."""
    settings = load_reminder_settings(conn)
    wanted = [k for k in (KINDS if kinds is None else kinds) if k != "festival"]
    entries = items_between(conn, start, end, wanted, customer_id, lang,
                            anniversary_tiers=anniversary_tiers)
    return [item for e in entries if (item := calendar_item(e, settings)) is not None]
