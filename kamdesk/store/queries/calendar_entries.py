"""One :class:`CalendarEntry` row per thing on a day, read kind by kind.

Every reader is bounded by the visible range and uses an index (tasks by due time,
contracts by end date, complaints by deadline, events by date; key dates through
:mod:`kamdesk.store.queries.key_dates`), and keeps at most a few per day and kind
through a shared :class:`~kamdesk.store.queries.key_dates.DayCap`.

Tasks generated from key dates and contracts (``source`` 'key_date'/'contract') are
not listed as tasks: the key date or renewal entry stands for them and carries their
``task_id`` and done state, so the same birthday never appears twice on one day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, exists, func, or_, select

from kamdesk.domain import task_titles
from kamdesk.domain.complaints import deadline_level
from kamdesk.domain.key_date_text import lunar_detail, occurrence_title
from kamdesk.domain.vocab import pick
from kamdesk.store.dialect import day_of
from kamdesk.store.models import (
    Complaint,
    Customer,
    CustomerMetrics,
    Event,
    EventAttendance,
    Task,
)
from kamdesk.store.queries.key_dates import DayCap, key_date_occurrences
from kamdesk.store.queries.renewals import renewal_dates, renewal_task_key
from kamdesk.store.queries.sql_values import (
    as_date,
    as_datetime,
    in_chunks,
    latest_datetime,
)
from kamdesk.store.queries.task_days import first_task_ids

TASK_KINDS = ("task", "visit", "call")
GENERATED_SOURCES = ("key_date", "contract")


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One thing on one day.

    ``key`` is unique and stable across queries ('task:42', 'keydate:5:2026',
    'coop:17:2026', 'founded:17:2026', 'renewal:7', 'contract_end:7', 'complaint:3',
    'event:2', 'festival:mid_autumn:2026'); ``id`` is the row id in the table the
    entry comes from (0 for festivals). ``start`` is a ``date`` for all-day entries and
    a ``datetime`` otherwise. ``task_id`` is the task itself for task kinds, or the
    reminder task generated for a key date or renewal, if there is one. ``updated``
    is the last change of the row and of the customer whose name the entry shows (the
    .ics export stamps entries with it).
    """

    kind: str
    id: int
    key: str
    title: str
    customer_id: int | None
    customer_name: str | None
    start: dt.date | dt.datetime
    all_day: bool
    done: bool = False
    overdue: bool = False
    customer_code: str | None = None
    customer_short: str | None = None
    subkind: str | None = None
    detail: str = ""
    task_id: int | None = None
    value_tier: str | None = None
    person_name: str | None = None
    remind_at: dt.datetime | None = None
    notes: str | None = None
    priority: int = 2
    updated: dt.datetime | None = None
    #: complaints: 'red' past the response deadline, 'amber' near it (domain rule)
    level: str | None = None
    #: the source key of the reminder task this entry stands for (key dates, renewal
    #: notices), whether or not that task exists yet
    link: str | None = None

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def movable(self) -> bool:
        """Only the user's own open tasks move; dates of record (birthdays) do not."""
        return self.kind in TASK_KINDS and not self.done


def current_links(conn: Connection, keys: list[str]) -> dict[str, tuple[int, bool]]:
    """(task id, done) of the reminder tasks with these source keys (those that exist)."""
    found: dict[str, tuple[int, bool]] = {}
    for chunk in in_chunks(sorted(set(keys))):
        for tid, key, done_at in conn.execute(
            select(Task.id, Task.source_key, Task.done_at).where(Task.source_key.in_(chunk))
        ):
            if key is not None:
                found[key] = (tid, done_at is not None)
    return found


def task_entries(conn: Connection, start: dt.date, end: dt.date, kinds: list[str],
                 customer_id: int | None, now: dt.datetime | None, cap: DayCap,
                 lang: str = "en") -> list[CalendarEntry]:
    lo = dt.datetime.combine(start, dt.time(0))
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
    where = [Task.due_at >= lo, Task.due_at < hi, Task.kind.in_(kinds),
             or_(Task.source.not_in(GENERATED_SOURCES), Task.source_key.is_(None))]
    if customer_id is not None:
        where.append(Task.customer_id == customer_id)
    q = (
        select(Task.id, Task.title, Task.kind, Task.customer_id, Task.due_at, Task.remind_at,
               Task.done_at, Task.notes, Task.priority, Task.updated_at, Customer.name,
               Customer.short_name, Customer.code, CustomerMetrics.value_tier,
               Task.title_code, Task.title_params, Customer.updated_at)
        .outerjoin(Customer, Customer.id == Task.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Task.customer_id)
    )
    capped = cap.limit is not None
    ids = first_task_ids(conn, start, end, kinds, cap) \
        if capped and customer_id is None else None
    if ids is not None:  # one index seek per day and kind (see task_days)
        rows: list[Any] = []
        for chunk in in_chunks(sorted(ids)):
            rows += conn.execute(q.where(Task.id.in_(chunk))).all()
    elif capped:
        # Count in SQL, then keep the first few per day and kind with a window
        # function, so a day with a thousand tasks costs a thousand index entries,
        # not a thousand Python rows.
        day = day_of(Task.due_at)
        for d, n in conn.execute(select(day, func.count()).where(*where).group_by(day)):
            key = as_date(d)
            assert key is not None
            cap.add_total(key, int(n))
        rn = func.row_number().over(partition_by=(day, Task.kind),
                                    order_by=(Task.due_at, Task.id)).label("rn")
        first = select(Task.id.label("tid"), rn, day.label("day")).where(*where).subquery()
        keep = first.c.rn <= cap.limit
        if cap.full_day is not None:  # the Calendar's selected day, read to its own limit
            wide = cap.full_limit if cap.full_limit is not None else 1 << 30
            keep = first.c.rn <= case((first.c.day == cap.full_day.isoformat(), wide),
                                      else_=cap.limit)
        rows = list(conn.execute(q.join(first, first.c.tid == Task.id).where(keep)))
    else:
        rows = list(conn.execute(q.where(*where)))
    out = []
    for r in rows:
        due = as_datetime(r[4])
        assert due is not None
        if not capped:
            cap.keep(due.date(), r[2])
        done = r[6] is not None
        out.append(CalendarEntry(
            kind=r[2], id=r[0], key=f"task:{r[0]}",
            title=task_titles.render_title(r[14], r[15], lang, r[1]), customer_id=r[3],
            customer_name=r[10], customer_code=r[12], customer_short=r[11], start=due,
            all_day=False, done=done, overdue=bool(now is not None and not done and due < now),
            task_id=r[0], value_tier=r[13], remind_at=as_datetime(r[5]),
            notes=task_titles.render_notes(r[14], r[15], lang, r[7]),
            priority=int(r[8] or 2), updated=latest_datetime(r[9], r[16]),
        ))
    return out


def key_date_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                     lang: str, tiers: Iterable[str] | None,
                     cap: DayCap) -> list[CalendarEntry]:
    occs = key_date_occurrences(conn, start, end, customer_id, tiers, cap=cap)
    linked = current_links(conn, [o.source_key for o in occs])
    out = []
    for o in occs:
        task = linked.get(o.source_key)
        detail = lunar_detail(lang, o.lunar_month, o.lunar_day, o.lunar_leap) \
            if o.calendar == "lunar" else ""
        out.append(CalendarEntry(
            kind="key_date", id=o.key_date_id or o.customer_id, key=o.source_key,
            title=occurrence_title(o.kind, lang, who=o.person_name or o.company, years=o.years,
                                   typed_title=o.stored_title),
            customer_id=o.customer_id, customer_name=o.customer_name,
            customer_code=o.customer_code, customer_short=o.customer_short, start=o.date,
            all_day=True, done=bool(task and task[1]), subkind=o.kind, detail=detail,
            task_id=task[0] if task else None, value_tier=o.value_tier,
            person_name=o.person_name, link=o.source_key,
        ))
    return out


def renewal_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                    lang: str, cap: DayCap) -> list[CalendarEntry]:
    rows = renewal_dates(conn, start, end, customer_id, cap)
    linked = current_links(conn, [renewal_task_key(r.contract_id, r.end_on) for r in rows])
    # Short: the month grid has room for a few words; the day list adds the rest.
    notice, ends = pick(lang, "Renew: ", "续签："), pick(lang, "Contract ends: ", "合同到期：")
    out = []
    for r in rows:
        link = renewal_task_key(r.contract_id, r.end_on) if r.subkind == "notice" else None
        task = linked.get(link) if link else None
        out.append(CalendarEntry(
            kind="renewal", id=r.contract_id, key=r.key,
            title=(notice if r.subkind == "notice" else ends) + r.title,
            customer_id=r.customer_id, customer_name=r.customer_name,
            customer_code=r.customer_code, customer_short=r.customer_short, start=r.date,
            all_day=True, done=bool(task and task[1]), subkind=r.subkind, detail=r.number,
            task_id=task[0] if task else None, value_tier=r.value_tier, updated=r.updated,
            link=link,
        ))
    return out


def complaint_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                      lang: str, now: dt.datetime | None, cap: DayCap) -> list[CalendarEntry]:
    lo = dt.datetime.combine(start, dt.time(0))
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
    q = (
        select(Complaint.id, Complaint.customer_id, Complaint.response_deadline,
               Complaint.category, Complaint.description, Complaint.status,
               Complaint.responded_at, Complaint.severity, Complaint.updated_at, Customer.name,
               Customer.short_name, Customer.code, CustomerMetrics.value_tier,
               Customer.updated_at, Complaint.received_at)
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Complaint.customer_id)
        .where(Complaint.response_deadline >= lo, Complaint.response_deadline < hi)
        .order_by(Complaint.response_deadline, Complaint.id)
    )
    if customer_id is not None:
        q = q.where(Complaint.customer_id == customer_id)
    prefix = pick(lang, "Complaint due: ", "投诉答复：")
    default = pick(lang, "complaint", "客户投诉")
    out = []
    for r in conn.execute(q):
        deadline = as_datetime(r[2])
        assert deadline is not None
        if not cap.keep(deadline.date(), "complaint"):
            continue
        done = r[5] != "open" or r[6] is not None
        what = r[3] or (r[4] or "")[:40] or default
        out.append(CalendarEntry(
            kind="complaint", id=r[0], key=f"complaint:{r[0]}", title=prefix + what,
            customer_id=r[1], customer_name=r[9], customer_code=r[11], customer_short=r[10],
            start=deadline, all_day=False, done=done,
            overdue=bool(now is not None and not done and deadline < now), subkind=r[7],
            detail=r[4] or "", value_tier=r[12], updated=latest_datetime(r[8], r[13]),
            level=None if now is None else deadline_level(
                r[5], as_datetime(r[14]), None if r[6] is not None else deadline, now),
        ))
    return out


def event_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                  cap: DayCap) -> list[CalendarEntry]:
    q = (select(Event.id, Event.name, Event.held_on, Event.kind, Event.location,
                Event.updated_at).where(Event.held_on >= start, Event.held_on <= end)
         .order_by(Event.held_on, Event.id))
    if customer_id is not None:
        q = q.where(exists().where(EventAttendance.event_id == Event.id,
                                   EventAttendance.customer_id == customer_id))
    out = []
    for r in conn.execute(q):
        held = as_date(r[2])
        assert held is not None
        if not cap.keep(held, "event"):
            continue
        out.append(CalendarEntry(
            kind="event", id=r[0], key=f"event:{r[0]}", title=r[1], customer_id=None,
            customer_name=None, start=held, all_day=True, subkind=r[3], detail=r[4] or "",
            updated=as_datetime(r[5]),
        ))
    return out


def festival_entries(start: dt.date, end: dt.date, lang: str, include_optional: bool,
                     cap: DayCap) -> list[CalendarEntry]:
    from kamdesk.domain.festivals import festivals_between

    out = []
    for f in festivals_between(start, end, include_optional):
        if cap.keep(f.date, "festival"):
            out.append(CalendarEntry(
                kind="festival", id=0, key=f"festival:{f.key}:{f.date.year}",
                title=f.name(lang), customer_id=None, customer_name=None, start=f.date,
                all_day=True, subkind=f.key, detail=f.name_zh,
            ))
    return out
