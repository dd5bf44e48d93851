"""What the Today screen shows, as plain frozen rows read in a few short queries.

Today is the start screen, so all of it has to be ready well within 200 ms on a
100,000-customer book (about 110 ms measured, benchmarks/bench_tiers.py). Every section
is a short list (the first ``limit`` rows, most urgent first) plus the total, because
a manager acts on the top of each list and only needs to know how long the rest is.
No index was added for this screen; the existing ones serve:

* tasks: ``ix_tasks_open_due`` / ``ix_tasks_remind`` (both start with ``done_at``);
* cadence: ``ix_metrics_next_due`` walked upwards is "most overdue first", once per
  value tier, and counts the overdue without touching a row;
* silent customers: ``ix_metrics_tier`` (tier, activity) counts them index-only,
  ``ix_metrics_revenue`` gives the biggest first;
* complaints: ``ix_complaints_status_deadline``; renewals: ``ix_contracts_end``
  (:mod:`kamdesk.store.queries.renewals`);
* key dates and festivals: :mod:`kamdesk.store.queries.today_dates`;
* credit near or over the limit: :func:`kamdesk.store.queries.receivables.credit_watch`
  (sums what each customer with a limit owes: ~35 ms at 10k customers).

Titles of generated tasks are rendered in the language asked for
(:mod:`kamdesk.domain.task_titles`). Snoozing a cadence touch, the one write of this
screen, is :func:`kamdesk.store.ops.cadence.snooze_cadence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, text

from kamdesk.domain import task_titles
from kamdesk.domain.complaints import deadline_level
from kamdesk.store.dialect import unindexed_sql
from kamdesk.store.queries.complaint_flags import LEVEL_RANK
from kamdesk.store.queries.customers import CustomerQuery
from kamdesk.store.queries.customers import count as count_customers
from kamdesk.store.queries.listing import Listing
from kamdesk.store.queries.newness import new_customer_sql, new_params
from kamdesk.store.queries.receivables import CreditWatch, credit_watch
from kamdesk.store.queries.renewals import RenewalDue, renewals_due
from kamdesk.store.queries.sql_values import as_date, as_datetime, as_json, sql_timestamp
from kamdesk.store.queries.tasks import (
    COMMITMENT_SOURCES,
    SNOOZED_SQL,
    TODAY_COMMITMENTS,
    count_tasks,
)
from kamdesk.store.queries.today_cadence import (
    CADENCE_SNOOZES_SQL,
    OFF_CADENCE_SQL,
    off_cadence_params,
)
from kamdesk.store.queries.today_dates import (
    TIERS,
    FestivalDue,
    KeyDateDue,
    KeyDay,
    default_metrics_rows,
    festivals_ahead,
    key_dates_and_days,
)

COMPLAINT_WARNING = timedelta(hours=24)  # the method's "answer within 24 hours"


@dataclass(frozen=True, slots=True)
class DueTask:
    id: int
    title: str
    kind: str
    priority: int
    source: str
    customer_id: int | None
    customer_name: str | None
    due_at: datetime | None
    remind_at: datetime | None
    #: when it should be on the user's mind: the earlier of due and reminder time
    when: datetime
    #: past its due time (or, without one, its reminder time)
    overdue: bool


@dataclass(frozen=True, slots=True)
class CadenceDue:
    customer_id: int
    code: str
    name: str
    value_tier: str
    activity: str
    overdue_days: int
    next_due_on: date | None
    due_action: str | None
    key_contact_name: str | None
    key_contact_phone: str | None


@dataclass(frozen=True, slots=True)
class SilentCustomer:
    customer_id: int
    code: str
    name: str
    value_tier: str
    revenue_12m_cents: int
    last_interaction_at: datetime | None
    last_trade_on: date | None
    key_contact_name: str | None
    key_contact_phone: str | None


@dataclass(frozen=True, slots=True)
class ComplaintDue:
    id: int
    customer_id: int
    customer_name: str
    severity: str
    category: str | None
    description: str
    received_at: datetime | None
    response_deadline: datetime
    owner: str | None
    #: negative once the deadline has passed
    minutes_left: int
    #: 'red' past the deadline, 'amber' near it (domain ``deadline_level``), else None
    level: str | None = None

    @property
    def overdue(self) -> bool:
        return self.minutes_left < 0


@dataclass(frozen=True, slots=True)
class TodayData:
    now: datetime
    tasks: Listing[DueTask]
    cadence: Listing[CadenceDue]
    key_dates: Listing[KeyDateDue]
    festivals: tuple[FestivalDue, ...]
    silent: Listing[SilentCustomer]
    complaints: Listing[ComplaintDue]
    renewals: Listing[RenewalDue]
    #: customers at amber (≥ 80 % of the credit limit) or red (over it)
    credit: Listing[CreditWatch] = field(default_factory=lambda: Listing((), 0))
    #: the key dates grouped by day (same tiers as ``key_dates``), for the card's day rows
    key_days: tuple[KeyDay, ...] = ()
    #: the next moment today when something snoozed comes back (the screen re-reads then)
    wake_at: datetime | None = field(default=None)


def end_of_day(d: date) -> datetime:
    return datetime.combine(d, time.max)


# -- tasks -----------------------------------------------------------------------------
# Hidden while snoozed: a snooze counts unless it is older than the reminder time (the
# user moved the reminder after snoozing), the rule of domain.reminders.effective_due.
_SNOOZED = SNOOZED_SQL
# Due or reminded by tonight. A task with neither time belongs to no day (a cadence
# snooze, see snooze_cadence, is such a row), so it never shows here.
_TASK_TODAY = "t.done_at IS NULL AND (t.due_at <= :end OR t.remind_at <= :end)"
# The earlier of due and reminder time (SQLite's two-argument min() is NULL if either is).
_WHEN = ("CASE WHEN coalesce(t.due_at, t.remind_at) <= coalesce(t.remind_at, t.due_at) "
         "THEN coalesce(t.due_at, t.remind_at) ELSE coalesce(t.remind_at, t.due_at) END")


def _task_counts(conn: Connection, now: datetime) -> tuple[int, datetime | None]:
    """How many tasks show today and when the next snoozed one comes back, in one pass
    over the same index range the list reads."""
    row = conn.execute(text(
        f"SELECT sum(CASE WHEN {_SNOOZED} THEN 0 ELSE 1 END), "
        f"min(CASE WHEN {_SNOOZED} AND t.snoozed_until <= :end THEN t.snoozed_until END) "
        f"FROM tasks t WHERE {_TASK_TODAY}"),
        {"now": sql_timestamp(now), "end": sql_timestamp(end_of_day(now.date()))}).one()
    return int(row[0] or 0), as_datetime(row[1])


def due_tasks(conn: Connection, now: datetime, limit: int = 100,
              lang: str = "en") -> Listing[DueTask]:
    """Open tasks due or to be reminded of by the end of today, earliest first."""
    total, _wake = _task_counts(conn, now)
    return Listing(task_rows(conn, now, limit, lang), total)


def task_rows(conn: Connection, now: datetime, limit: int, lang: str = "en",
              sources: tuple[str, ...] | None = None) -> tuple[DueTask, ...]:
    """The first ``limit`` tasks of :func:`due_tasks`, without the count; only those of
    ``sources`` when given (Today's card: the user's own commitments)."""
    p: dict[str, object] = {"now": sql_timestamp(now), "end": sql_timestamp(end_of_day(now.date())),
                            "limit": limit}
    only = ""
    if sources:
        only = " AND t.source IN (" + ", ".join(f":src{i}" for i in range(len(sources))) + ")"
        p.update({f"src{i}": s for i, s in enumerate(sources)})
    rows = []
    # Order: by the earlier of due and reminder time, i.e. when it needs attention.
    # Sorting every open task due today by that expression cost 33 ms at 100k; instead
    # take the first ``limit`` by due time and by reminder time, each walking its own
    # index (ix_tasks_open_due, ix_tasks_remind). The first ``limit`` by the earlier of
    # the two are always among those (a task's rank by its earlier time is no better
    # than its rank by that time alone), so sorting the union gives the same rows.
    # Names are joined for the kept rows only.
    for r in conn.execute(text(
        "SELECT t.id, t.title, t.kind, t.priority, t.source, t.customer_id, c.name, t.due_at, "
        "t.remind_at, t.title_code, t.title_params FROM ("
        f" SELECT * FROM (SELECT t.*, {_WHEN} AS w FROM tasks t WHERE t.done_at IS NULL "
        f"  AND t.due_at <= :end AND NOT {_SNOOZED}{only} "
        "  ORDER BY t.due_at, t.priority, t.id LIMIT :limit) AS by_due"
        " UNION"
        f" SELECT * FROM (SELECT t.*, {_WHEN} AS w FROM tasks t WHERE t.done_at IS NULL "
        f"  AND t.remind_at <= :end AND NOT {_SNOOZED}{only} "
        "  ORDER BY t.remind_at, t.priority, t.id LIMIT :limit) AS by_remind"
        ") t LEFT JOIN customers c ON c.id = t.customer_id "
        "ORDER BY t.w, t.priority, t.id LIMIT :limit"), p):
        due, remind = as_datetime(r[7]), as_datetime(r[8])
        when = min(x for x in (due, remind) if x is not None)
        rows.append(DueTask(
            id=r[0], title=task_titles.render_title(r[9], as_json(r[10]), lang, r[1]),
            kind=r[2], priority=int(r[3] or 2), source=r[4],
            customer_id=r[5], customer_name=r[6], due_at=due, remind_at=remind, when=when,
            overdue=(due or remind or now) < now,
        ))
    return tuple(rows)


# -- cadence ---------------------------------------------------------------------------
_CADENCE_SNOOZES = CADENCE_SNOOZES_SQL


def cadence_overdue(conn: Connection, now: datetime, limit: int = 50) -> Listing[CadenceDue]:
    """Customers whose next touch is overdue, high value first, most overdue first.

    "Overdue" is read as ``next_due_on`` before today rather than the stored
    ``overdue_days``: the two agree on the day of a recompute, and the date stays right
    when the metrics are a day old (a laptop woken after midnight), counting the days
    from today. It also lets one index serve both orders: walking
    ``ix_metrics_next_due`` upwards is "most overdue first", and a tier's first
    ``limit`` rows turn up within a few hundred entries.

    Customers whose touch was snoozed on Today (:func:`snooze_cadence`) stay out until
    the snooze ends. The condition is :data:`OFF_CADENCE_SQL`, and the total is the
    Customers list's own count for it (``CustomerQuery(off_cadence_at=now)``), so the
    card's "see all" lists exactly the number on its badge.
    """
    today = now.date()
    p: dict[str, object] = {**off_cadence_params(now), "today": today.isoformat()}
    rows: list[CadenceDue] = []
    for tier in TIERS:
        if len(rows) >= limit:
            break
        p["tier"], p["limit"] = tier, limit - len(rows)
        # "+m.value_tier": keep the planner on the next-due index (ordered), not the
        # tier index (unordered, a sort of every overdue customer of the tier).
        for r in conn.execute(text(
            "SELECT m.customer_id, c.code, c.name, m.value_tier, m.activity, m.next_due_on, "
            "m.due_action, m.key_contact_name, m.key_contact_phone "
            "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
            f"WHERE {unindexed_sql(conn, 'm.value_tier')} = :tier AND {OFF_CADENCE_SQL} "
            "AND c.status != 'archived' "
            "ORDER BY m.next_due_on, m.customer_id LIMIT :limit"), p):
            due = as_date(r[5])
            assert due is not None
            rows.append(CadenceDue(r[0], r[1], r[2], r[3], r[4], (today - due).days, due, r[6],
                                   r[7], r[8]))
    total = count_customers(conn, CustomerQuery(off_cadence_at=now))
    return Listing(tuple(rows), max(len(rows), total))


def _cadence_wake(conn: Connection, now: datetime) -> datetime | None:
    return as_datetime(conn.execute(text(
        f"SELECT min(s.snoozed_until) FROM tasks s WHERE {_CADENCE_SNOOZES} "
        "AND s.snoozed_until <= :end"),
        {**off_cadence_params(now), "end": sql_timestamp(end_of_day(now.date()))}).scalar())


# -- silent customers ------------------------------------------------------------------
def silent_customers(conn: Connection, limit: int = 20) -> Listing[SilentCustomer]:
    """Silent customers to win back, the biggest revenue first (they are worth a call most).

    Rows never computed (a customer added since the last recompute) carry the default
    'silent' and are left out: a customer added today has not gone quiet. Nor has a
    New one (no history yet, :mod:`kamdesk.domain.newness`): "never contacted" is not
    "gone silent".
    """
    p = new_params(conn)
    new_silent = int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        "WHERE m.activity = 'silent' AND m.last_interaction_at IS NULL "
        f"AND m.value_tier IN ('A','B','C') AND m.computed_on IS NOT NULL AND "
        f"{new_customer_sql(conn)}"),
        p).scalar_one())
    silent = int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics "
        "WHERE value_tier IN ('A','B','C') AND activity = 'silent'")).scalar_one())
    rows = [
        SilentCustomer(r[0], r[1], r[2], r[3], int(r[4] or 0), as_datetime(r[5]), as_date(r[6]),
                       r[7], r[8])
        for r in conn.execute(text(
            "SELECT m.customer_id, c.code, c.name, m.value_tier, m.revenue_12m_cents, "
            "m.last_interaction_at, m.last_trade_on, m.key_contact_name, m.key_contact_phone "
            "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
            "WHERE m.activity = 'silent' AND m.next_due_on IS NOT NULL "
            f"AND c.status != 'archived' AND NOT {new_customer_sql(conn)} "
            "ORDER BY m.revenue_12m_cents DESC, m.customer_id LIMIT :limit"),
            {"limit": limit, **p})
    ]
    return Listing(tuple(rows), max(len(rows), silent - default_metrics_rows(conn) - new_silent))


# -- complaints ------------------------------------------------------------------------
def complaints_due(conn: Connection, now: datetime, limit: int = 50,
                   warning: timedelta = COMPLAINT_WARNING) -> Listing[ComplaintDue]:
    """Open complaints not yet answered whose response deadline is past or within 24 h."""
    p = {"horizon": sql_timestamp(now + warning), "limit": limit}
    where = ("k.status = 'open' AND k.response_deadline <= :horizon "
             "AND k.responded_at IS NULL")
    total = conn.execute(text(f"SELECT count(*) FROM complaints k WHERE {where}"), p).scalar_one()
    rows = []
    for r in conn.execute(text(
        "SELECT k.id, k.customer_id, c.name, k.severity, k.category, k.description, "
        "k.received_at, k.response_deadline, k.owner FROM complaints k "
        f"JOIN customers c ON c.id = k.customer_id WHERE {where} "
        "ORDER BY k.response_deadline, k.id LIMIT :limit"), p):
        deadline = as_datetime(r[7])
        assert deadline is not None
        minutes = int((deadline - now).total_seconds() // 60)
        received = as_datetime(r[6])
        rows.append(ComplaintDue(r[0], r[1], r[2], r[3], r[4], r[5], received, deadline,
                                 r[8], minutes, deadline_level("open", received, deadline, now)))
    # red first, then amber, then the rest; each by deadline (the order read)
    rows.sort(key=lambda c: LEVEL_RANK.get(c.level or "", len(LEVEL_RANK)))
    return Listing(tuple(rows), int(total))


# -- everything ------------------------------------------------------------------------
def next_wake(conn: Connection, now: datetime) -> datetime | None:
    """When the next snoozed task or cadence touch comes back today, if one does."""
    times = [t for t in (_task_counts(conn, now)[1], _cadence_wake(conn, now)) if t is not None]
    return min(times, default=None)


def today_data(conn: Connection, now: datetime, lang: str,
               key_date_tiers: tuple[str, ...] | None = None) -> TodayData:
    """Everything the Today screen shows, read on one connection; key dates only of
    customers in ``key_date_tiers`` when given (the card's tier filter)."""
    today = now.date()
    _all_tasks, task_wake = _task_counts(conn, now)
    wakes = [t for t in (task_wake, _cadence_wake(conn, now)) if t is not None]
    key_dates, key_days = key_dates_and_days(conn, today, lang, key_date_tiers)
    # The tasks card is the user's own commitments; its count is the Tasks screen's
    # for the same filter, so "see all" shows exactly the badge's number.
    return TodayData(
        now=now,
        tasks=Listing(task_rows(conn, now, 100, lang, COMMITMENT_SOURCES),
                      count_tasks(conn, TODAY_COMMITMENTS, now)),
        cadence=cadence_overdue(conn, now),
        key_dates=key_dates,
        key_days=key_days,
        festivals=festivals_ahead(conn, today, lang),
        silent=silent_customers(conn),
        complaints=complaints_due(conn, now),
        renewals=renewals_due(conn, today),
        credit=credit_watch(conn),
        wake_at=min(wakes, default=None),
    )
