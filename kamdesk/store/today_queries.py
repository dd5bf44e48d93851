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
* complaints: ``ix_complaints_status_deadline``; renewals: ``ix_contracts_end``;
* key dates: one scan of the narrow ``key_dates`` table keeps the rows whose month and
  day can fall in the window (~2 % of them); each distinct rule is then evaluated once
  by the domain (leap years, lunar months).

Snoozing a cadence touch is the one write here, because only Today has that kind of
snooze (see :func:`snooze_cadence`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Generic, TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from kamdesk.domain.greetings import suggest_greeting
from kamdesk.domain.key_dates import KeyDateRule, occurrence_in_year, years_since

T = TypeVar("T")

WINDOW_DAYS = 7  # key dates and festivals: today and the six days after it
COMPLAINT_WARNING = timedelta(hours=24)  # the method's "answer within 24 hours"
LAPSED_CONTRACT_DAYS = 30  # a contract still marked active shortly after its end is news too
CADENCE_SNOOZE_PREFIX = "cadence:"
TIERS = ("A", "B", "C")


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """The first rows of a section and how many there are in all."""

    rows: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


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
class KeyDateDue:
    #: None for a cooperation anniversary derived from the customer's start date
    key_date_id: int | None
    customer_id: int
    customer_name: str
    value_tier: str
    person_id: int | None
    person_name: str | None
    kind: str  # birthday | anniversary | founding | custom
    title: str | None
    on: date
    days_until: int
    years: int | None
    greeting: str


@dataclass(frozen=True, slots=True)
class FestivalDue:
    key: str
    name: str
    on: date
    days_until: int
    #: a draft per value tier, (tier, text), since a festival concerns every customer
    greetings: tuple[tuple[str, str], ...]
    #: how many current customers each tier has, (tier, count)
    customers_by_tier: tuple[tuple[str, int], ...]

    def greeting(self, tier: str) -> str:
        return dict(self.greetings)[tier]


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

    @property
    def overdue(self) -> bool:
        return self.minutes_left < 0


@dataclass(frozen=True, slots=True)
class RenewalDue:
    id: int
    customer_id: int
    customer_name: str
    number: str
    title: str
    end_on: date
    #: negative for a contract that has already ended but is still marked active
    days_left: int
    value_cents: int | None
    status: str


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
    #: the next moment today when something snoozed comes back (the screen re-reads then)
    wake_at: datetime | None = field(default=None)


# -- conversions (SQLite hands back ISO strings for raw SQL) ---------------------------
def _dt(v: object) -> datetime | None:
    if v is None or isinstance(v, datetime):
        return v  # type: ignore[return-value]
    return datetime.fromisoformat(str(v))


def _day(v: object) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _ts(d: datetime) -> str:
    # The same text form SQLAlchemy stores DateTime in, so string comparison is time order.
    return d.strftime("%Y-%m-%d %H:%M:%S.%f")


def end_of_day(d: date) -> datetime:
    return datetime.combine(d, time.max)


# -- tasks -----------------------------------------------------------------------------
# Hidden while snoozed: a snooze counts unless it is older than the reminder time (the
# user moved the reminder after snoozing), the rule of domain.reminders.effective_due.
_SNOOZED = ("(t.snoozed_until IS NOT NULL AND t.snoozed_until > :now "
            "AND (t.remind_at IS NULL OR t.snoozed_until > t.remind_at))")
# Due or reminded by tonight. A task with neither time belongs to no day (a cadence
# snooze, see snooze_cadence, is such a row), so it never shows here.
_TASK_TODAY = "t.done_at IS NULL AND (t.due_at <= :end OR t.remind_at <= :end)"
# The earlier of due and reminder time (SQLite's two-argument min() is NULL if either is).
_WHEN = "min(coalesce(t.due_at, t.remind_at), coalesce(t.remind_at, t.due_at))"


def _task_counts(conn: Connection, now: datetime) -> tuple[int, datetime | None]:
    """How many tasks show today and when the next snoozed one comes back, in one pass
    over the same index range the list reads."""
    row = conn.execute(text(
        f"SELECT sum(CASE WHEN {_SNOOZED} THEN 0 ELSE 1 END), "
        f"min(CASE WHEN {_SNOOZED} AND t.snoozed_until <= :end THEN t.snoozed_until END) "
        f"FROM tasks t WHERE {_TASK_TODAY}"),
        {"now": _ts(now), "end": _ts(end_of_day(now.date()))}).one()
    return int(row[0] or 0), _dt(row[1])


def due_tasks(conn: Connection, now: datetime, limit: int = 100) -> Listing[DueTask]:
    """Open tasks due or to be reminded of by the end of today, earliest first."""
    total, _wake = _task_counts(conn, now)
    return Listing(_task_rows(conn, now, limit), total)


def _task_rows(conn: Connection, now: datetime, limit: int) -> tuple[DueTask, ...]:
    p = {"now": _ts(now), "end": _ts(end_of_day(now.date())), "limit": limit}
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
        "t.remind_at FROM ("
        f" SELECT * FROM (SELECT t.*, {_WHEN} AS w FROM tasks t WHERE t.done_at IS NULL "
        f"  AND t.due_at <= :end AND NOT {_SNOOZED} "
        "  ORDER BY t.due_at, t.priority, t.id LIMIT :limit)"
        " UNION"
        f" SELECT * FROM (SELECT t.*, {_WHEN} AS w FROM tasks t WHERE t.done_at IS NULL "
        f"  AND t.remind_at <= :end AND NOT {_SNOOZED} "
        "  ORDER BY t.remind_at, t.priority, t.id LIMIT :limit)"
        ") t LEFT JOIN customers c ON c.id = t.customer_id "
        "ORDER BY t.w, t.priority, t.id LIMIT :limit"), p):
        due, remind = _dt(r[7]), _dt(r[8])
        when = min(x for x in (due, remind) if x is not None)
        rows.append(DueTask(
            id=r[0], title=r[1], kind=r[2], priority=int(r[3] or 2), source=r[4],
            customer_id=r[5], customer_name=r[6], due_at=due, remind_at=remind, when=when,
            overdue=(due or remind or now) < now,
        ))
    return tuple(rows)


# -- cadence ---------------------------------------------------------------------------
# Open cadence snoozes: no due time, so they sit in one short range of ix_tasks_open_due.
_CADENCE_SNOOZES = ("s.done_at IS NULL AND s.due_at IS NULL AND s.source = 'cadence' "
                    "AND s.snoozed_until > :now")


def cadence_overdue(conn: Connection, now: datetime, limit: int = 50) -> Listing[CadenceDue]:
    """Customers whose next touch is overdue, high value first, most overdue first.

    "Overdue" is read as ``next_due_on`` before today rather than the stored
    ``overdue_days``: the two agree on the day of a recompute, and the date stays right
    when the metrics are a day old (a laptop woken after midnight), counting the days
    from today. It also lets one index serve both orders: walking
    ``ix_metrics_next_due`` upwards is "most overdue first", and a tier's first
    ``limit`` rows turn up within a few hundred entries.

    Customers whose touch was snoozed on Today (:func:`snooze_cadence`) stay out until
    the snooze ends. The total is an index-only count less the snoozed ones; a
    customer archived since the last recompute is still counted until the next one
    (the list itself leaves them out).
    """
    today = now.date()
    p: dict[str, object] = {"now": _ts(now), "today": today.isoformat()}
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
            "WHERE +m.value_tier = :tier AND m.next_due_on < :today AND c.status != 'archived' "
            "AND NOT EXISTS (SELECT 1 FROM tasks s WHERE s.customer_id = m.customer_id "
            f"AND {_CADENCE_SNOOZES}) "
            "ORDER BY m.next_due_on, m.customer_id LIMIT :limit"), p):
            due = _day(r[5])
            assert due is not None
            rows.append(CadenceDue(r[0], r[1], r[2], r[3], r[4], (today - due).days, due, r[6],
                                   r[7], r[8]))
    total = int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics WHERE next_due_on < :today"), p).scalar_one())
    snoozed = int(conn.execute(text(
        "SELECT count(DISTINCT s.customer_id) FROM tasks s "
        "JOIN customer_metrics m ON m.customer_id = s.customer_id "
        f"WHERE {_CADENCE_SNOOZES} AND m.next_due_on < :today"), p).scalar_one())
    return Listing(tuple(rows), max(len(rows), total - snoozed))


def _cadence_wake(conn: Connection, now: datetime) -> datetime | None:
    return _dt(conn.execute(text(
        f"SELECT min(s.snoozed_until) FROM tasks s WHERE {_CADENCE_SNOOZES} "
        "AND s.snoozed_until <= :end"),
        {"now": _ts(now), "end": _ts(end_of_day(now.date()))}).scalar())


def snooze_cadence(session: Session, customer_id: int, until: datetime, title: str,
                   now: datetime) -> int:
    """Keep an overdue customer off Today until ``until``; returns the task id.

    Recorded as one open task per customer (``source='cadence'``) that has no due or
    reminder time, only ``snoozed_until``: with no date it never shows as a task of
    its own, so the customer comes back as the same cadence row once the snooze ends
    instead of twice (row and task). ``notified_at`` is set to the snooze end so the
    reminder scheduler does not pop it up as well: Today, the start screen, is where a
    cadence touch is shown. Snoozing again moves the same row.
    """
    from kamdesk.store.models import Task

    key = f"{CADENCE_SNOOZE_PREFIX}{customer_id}"
    task = session.query(Task).filter(Task.source_key == key).one_or_none()
    if task is None:
        task = Task(title=title, customer_id=customer_id, source="cadence", source_key=key,
                    kind="call", priority=2)
        session.add(task)
    task.title = title
    task.due_at = None
    task.remind_at = None
    task.done_at = None
    task.snoozed_until = until
    task.notified_at = until
    task.updated_at = now
    session.flush()
    return task.id


# -- silent customers ------------------------------------------------------------------
def _default_rows(conn: Connection) -> int:
    """Metrics rows still at their defaults (never computed, or archived at the last
    recompute). They alone lack a next due date, and their default activity is
    'silent', so this index-only count is what to take off index-only counts."""
    return int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics WHERE next_due_on IS NULL")).scalar_one())


def silent_customers(conn: Connection, limit: int = 20) -> Listing[SilentCustomer]:
    """Silent customers to win back, the biggest revenue first (they are worth a call most).

    Rows never computed (a customer added since the last recompute) carry the default
    'silent' and are left out: a customer added today has not gone quiet.
    """
    silent = int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics "
        "WHERE value_tier IN ('A','B','C') AND activity = 'silent'")).scalar_one())
    rows = [
        SilentCustomer(r[0], r[1], r[2], r[3], int(r[4] or 0), _dt(r[5]), _day(r[6]), r[7], r[8])
        for r in conn.execute(text(
            "SELECT m.customer_id, c.code, c.name, m.value_tier, m.revenue_12m_cents, "
            "m.last_interaction_at, m.last_trade_on, m.key_contact_name, m.key_contact_phone "
            "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
            "WHERE m.activity = 'silent' AND m.next_due_on IS NOT NULL "
            "AND c.status != 'archived' "
            "ORDER BY m.revenue_12m_cents DESC, m.customer_id LIMIT :limit"), {"limit": limit})
    ]
    return Listing(tuple(rows), max(len(rows), silent - _default_rows(conn)))


# -- complaints ------------------------------------------------------------------------
def complaints_due(conn: Connection, now: datetime, limit: int = 50,
                   warning: timedelta = COMPLAINT_WARNING) -> Listing[ComplaintDue]:
    """Open complaints not yet answered whose response deadline is past or within 24 h."""
    p = {"horizon": _ts(now + warning), "limit": limit}
    where = ("k.status = 'open' AND k.response_deadline <= :horizon "
             "AND k.responded_at IS NULL")
    total = conn.execute(text(f"SELECT count(*) FROM complaints k WHERE {where}"), p).scalar_one()
    rows = []
    for r in conn.execute(text(
        "SELECT k.id, k.customer_id, c.name, k.severity, k.category, k.description, "
        "k.received_at, k.response_deadline, k.owner FROM complaints k "
        f"JOIN customers c ON c.id = k.customer_id WHERE {where} "
        "ORDER BY k.response_deadline, k.id LIMIT :limit"), p):
        deadline = _dt(r[7])
        assert deadline is not None
        minutes = int((deadline - now).total_seconds() // 60)
        rows.append(ComplaintDue(r[0], r[1], r[2], r[3], r[4], r[5], _dt(r[6]), deadline, r[8],
                                 minutes))
    return Listing(tuple(rows), int(total))


# -- contracts -------------------------------------------------------------------------
def renewals_due(conn: Connection, today: date, limit: int = 50) -> Listing[RenewalDue]:
    """Active or signed contracts ending within their own renewal notice period.

    Each contract has its own notice (default 60 days), so the index range runs to the
    longest notice on file and the per-row notice is checked on that short range. A
    contract that ended up to 30 days ago but is still marked active is listed too
    (negative days left): nobody has renewed or closed it.
    """
    longest = conn.execute(text(
        "SELECT max(renewal_notice_days) FROM contracts WHERE status IN ('active','signed')")
    ).scalar()
    if longest is None:
        return Listing((), 0)
    p = {"from": (today - timedelta(days=LAPSED_CONTRACT_DAYS)).isoformat(),
         "to": (today + timedelta(days=int(longest))).isoformat(),
         "today": today.isoformat(), "limit": limit}
    where = ("k.end_on >= :from AND k.end_on <= :to AND k.status IN ('active','signed') "
             "AND julianday(k.end_on) - julianday(:today) <= k.renewal_notice_days")
    total = conn.execute(text(f"SELECT count(*) FROM contracts k WHERE {where}"), p).scalar_one()
    rows = []
    for r in conn.execute(text(
        "SELECT k.id, k.customer_id, c.name, k.number, k.title, k.end_on, k.value_cents, "
        "k.status FROM contracts k JOIN customers c ON c.id = k.customer_id "
        f"WHERE {where} ORDER BY k.end_on, k.id LIMIT :limit"), p):
        end = _day(r[5])
        assert end is not None
        rows.append(RenewalDue(r[0], r[1], r[2], r[3], r[4], end, (end - today).days, r[6],
                               r[7]))
    return Listing(tuple(rows), int(total))


# -- key dates and festivals -----------------------------------------------------------
#: value tiers whose cooperation anniversaries and founding days are derived from the
#: customer record. The method reserves that personal care for high-value accounts,
#: and every customer has a start date: deriving them for all would bury the week
#: under anniversaries nobody acts on. A key date typed in is always shown. Same rule
#: as the Calendar (store.calendar_queries), so both screens agree.
DERIVED_TIERS = ("A",)


def _spans(days: list[date]) -> dict[int, tuple[int, int]]:
    """The window as one (first day, last day) span per month.

    29 February joins when 28 February of a common year is in the window, because
    that is where the domain keeps it."""
    import calendar

    spans: dict[int, list[int]] = {}
    for d in days:
        spans.setdefault(d.month, []).append(d.day)
        if d.month == 2 and d.day == 28 and not calendar.isleap(d.year):
            spans[2].append(29)
    return {m: (min(ds), max(ds)) for m, ds in sorted(spans.items())}


def _month_day_sql(days: list[date], prefix: str) -> tuple[str, dict[str, int]]:
    """"(k.month, k.day) falls on one of these days" for the key_dates columns."""
    parts, params = [], {}
    for i, (m, (first, last)) in enumerate(_spans(days).items()):
        parts.append(f"(k.month = :{prefix}m{i} AND k.day BETWEEN :{prefix}a{i} AND :{prefix}b{i})")
        params[f"{prefix}m{i}"], params[f"{prefix}a{i}"], params[f"{prefix}b{i}"] = m, first, last
    return "(" + " OR ".join(parts) + ")", params


def _date_text_sql(days: list[date], column: str, prefix: str) -> tuple[str, dict[str, str]]:
    """The same for a DATE column, stored as 'YYYY-MM-DD' text: compare 'MM-DD'."""
    parts, params = [], {}
    for i, (m, (first, last)) in enumerate(_spans(days).items()):
        parts.append(f"substr({column}, 6, 5) BETWEEN :{prefix}a{i} AND :{prefix}b{i}")
        params[f"{prefix}a{i}"], params[f"{prefix}b{i}"] = f"{m:02d}-{first:02d}", f"{m:02d}-{last:02d}"
    return "(" + " OR ".join(parts) + ")", params


def _lunar_days(days: list[date]) -> list[tuple[int, int]]:
    """Lunar (month, day) of each solar day; on the 29th of a 29-day month the 30th as
    well, since a 三十 date is kept on the month's last day. Leap months are not told
    apart here: each candidate is checked against its full rule afterwards."""
    from kamdesk.domain.lunar import lunar_month_days, solar_to_lunar

    out: list[tuple[int, int]] = []
    for d in days:
        lunar = solar_to_lunar(d)
        out.append((lunar.month, lunar.day))
        if lunar.day == 29 and lunar_month_days(lunar.year, lunar.month, lunar.leap) == 29:
            out.append((lunar.month, 30))
    return out


def _lunar_ranges(pairs: list[tuple[int, int]]) -> tuple[str, dict[str, int]]:
    spans: dict[int, list[int]] = {}
    for m, d in pairs:
        spans.setdefault(m, []).append(d)
    parts, params = [], {}
    for i, (m, ds) in enumerate(sorted(spans.items())):
        parts.append(f"(k.month = :lm{i} AND k.day BETWEEN :la{i} AND :lb{i})")
        params[f"lm{i}"], params[f"la{i}"], params[f"lb{i}"] = m, min(ds), max(ds)
    return "(" + " OR ".join(parts) + ")", params


class _Occurrences:
    """Where each distinct rule falls in the window, each evaluated once: thousands of
    birthdays share a few dozen (calendar, month, day) rules in a week.

    Evaluated year by year across all rules (:meth:`prepare`), not rule by rule:
    ``lunar_python`` keeps only the last lunar year it set up (~20 ms each), so
    alternating years rule after rule would set them up again for every rule.
    """

    def __init__(self, first: date, last: date) -> None:
        from kamdesk.domain.lunar import solar_to_lunar

        self.first, self.last = first, last
        # An occurrence inside the window belongs to a lunar year between the lunar
        # years of the window's ends (and a solar one between its solar years).
        self._years = {
            "solar": range(first.year, last.year + 1),
            "lunar": range(solar_to_lunar(first).year, solar_to_lunar(last).year + 1),
        }
        self._day: dict[tuple[object, ...], date | None] = {}
        self._rule: dict[tuple[object, ...], KeyDateRule] = {}

    def prepare(self, keys: Iterable[tuple[object, ...]]) -> None:
        todo: list[tuple[int, tuple[object, ...]]] = []
        for key in set(keys):
            if key in self._day:
                continue
            self._day[key] = None
            try:
                self._rule[key] = KeyDateRule(*key)  # type: ignore[arg-type]
            except ValueError:
                continue  # an impossible stored day (31 April) never falls
            todo += [(year, key) for year in self._years[str(key[0])]]
        todo.sort(key=lambda t: t[0])
        for year, key in todo:
            day = occurrence_in_year(self._rule[key], year)
            if day is not None and self.first <= day <= self.last:
                known = self._day[key]
                self._day[key] = day if known is None else min(known, day)

    def day(self, key: tuple[object, ...]) -> date | None:
        """The rule's first day in the window: next_occurrence(rule, first) when that
        falls in the window, without looking years ahead for the rules that do not."""
        if key not in self._day:
            self.prepare([key])
        return self._day[key]

    def rule(self, key: tuple[object, ...]) -> KeyDateRule:
        return self._rule[key]


def key_dates_ahead(conn: Connection, today: date, lang: str, days: int = WINDOW_DAYS,
                    limit: int = 50) -> Listing[KeyDateDue]:
    """Birthdays, anniversaries and other key dates from today through ``days - 1`` days
    ahead, soonest first and high-value customers first on one day, each with a draft
    greeting matched to the customer's value tier.

    Cooperation anniversaries (合作周年) and founding days are also derived from the
    customer record for the tiers in :data:`DERIVED_TIERS`, unless the customer has a
    key date of that kind typed in.
    """
    window = [today + timedelta(days=i) for i in range(days)]
    last = window[-1]
    occ = _Occurrences(today, last)
    solar_sql, params = _month_day_sql(window, "s")
    lunar_sql, lunar_params = _lunar_ranges(_lunar_days(window))
    params.update(lunar_params)
    # (day, tier, customer name, sort id, payload)
    found: list[tuple[date, str, str, int, tuple]] = []  # type: ignore[type-arg]
    candidates = conn.execute(text(
        "SELECT k.id, k.customer_id, c.name, m.value_tier, k.person_id, p.name, k.kind, "
        "k.title, k.calendar, k.month, k.day, k.leap_month, k.year, k.recurrence "
        "FROM key_dates k JOIN customers c ON c.id = k.customer_id "
        "LEFT JOIN customer_metrics m ON m.customer_id = k.customer_id "
        "LEFT JOIN people p ON p.id = k.person_id "
        f"WHERE ((k.calendar = 'solar' AND {solar_sql}) OR (k.calendar = 'lunar' AND {lunar_sql})) "
        "AND c.status != 'archived' AND (p.id IS NULL OR p.archived = 0)"), params).all()
    keys = [(r[8], int(r[9]), int(r[10]), bool(r[11]), r[12], r[13]) for r in candidates]
    occ.prepare(keys)
    for r, key in zip(candidates, keys, strict=True):
        day = occ.day(key)
        if day is not None:
            found.append((day, r[3] or "C", r[2], r[0], ("keydate", key, r)))
    md_sql_c, md_params = _date_text_sql(window, "c.cooperation_start", "c")
    md_sql_f, f_params = _date_text_sql(window, "c.founded_on", "f")
    md_params.update(f_params)
    tiers = ",".join(f"'{t}'" for t in DERIVED_TIERS)
    for r in conn.execute(text(
        "SELECT c.id, c.name, m.value_tier, c.cooperation_start, c.founded_on, "
        "EXISTS (SELECT 1 FROM key_dates k WHERE k.customer_id = c.id AND k.kind = 'anniversary'), "
        "EXISTS (SELECT 1 FROM key_dates k WHERE k.customer_id = c.id AND k.kind = 'founding') "
        "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        f"WHERE m.value_tier IN ({tiers}) AND c.status != 'archived' "
        f"AND ({md_sql_c} OR {md_sql_f})"), md_params):
        for kind, raw, typed_in in (("anniversary", r[3], r[5]), ("founding", r[4], r[6])):
            origin = _day(raw)
            if origin is None or typed_in:
                continue
            # A yearly solar rule on the start's month and day is exactly
            # domain.key_dates.cooperation_anniversary (29 Feb kept on 28 Feb), cached.
            day = occ.day(("solar", origin.month, origin.day, False, None, "yearly"))
            if day is not None and day.year > origin.year:
                found.append((day, r[2] or "C", r[1], -r[0],
                              ("derived", kind, r, day.year - origin.year)))
    # Soonest first; on one day the high-value customers first.
    found.sort(key=lambda f: (f[0], f[1], f[2], f[3]))
    rows: list[KeyDateDue] = []
    for day, tier, _name, _id, payload in found[:limit]:
        if payload[0] == "derived":
            _src, kind, r, years = payload
            rows.append(KeyDateDue(
                None, r[0], r[1], tier, None, None, kind, None, day, (day - today).days, years,
                suggest_greeting(kind, tier, lang, None, r[1], years=years)))  # type: ignore[arg-type]
            continue
        _src, key, r = payload
        kind = r[6]
        years = years_since(occ.rule(key), day) if r[12] is not None else None
        if years is not None and years < 1:
            years = None
        # A birthday's age is private: the greeting names the occasion, not the number.
        greet_years = years if kind in ("anniversary", "founding") else None
        rows.append(KeyDateDue(
            r[0], r[1], r[2], tier, r[4], r[5], kind, r[7], day, (day - today).days, years,
            suggest_greeting(_greeting_kind(kind), tier, lang,  # type: ignore[arg-type]
                             r[5], r[2], years=greet_years)))
    return Listing(tuple(rows), len(found))


def _greeting_kind(kind: str) -> str:
    return kind if kind in ("birthday", "anniversary", "founding") else "custom"


def festivals_ahead(conn: Connection, today: date, lang: str,
                    days: int = WINDOW_DAYS) -> tuple[FestivalDue, ...]:
    """Festivals of the coming week, each with a draft greeting per value tier and how
    many customers each tier has (a festival concerns the whole book)."""
    from kamdesk.domain.festivals import festivals_between

    found = festivals_between(today, today + timedelta(days=days - 1))
    if not found:
        return ()
    counts = dict.fromkeys(TIERS, 0)
    for tier, n in conn.execute(text(
            "SELECT value_tier, count(*) FROM customer_metrics GROUP BY value_tier")):
        if tier in counts:
            counts[tier] = int(n)
    counts["C"] = max(0, counts["C"] - _default_rows(conn))  # defaults are tier C
    return tuple(
        FestivalDue(
            f.key, f.name(lang), f.date, (f.date - today).days,
            tuple((t, suggest_greeting("festival", t, lang, None, "",  # type: ignore[arg-type]
                                       festival_key=f.key)) for t in TIERS),
            tuple(counts.items()),
        )
        for f in found
    )


# -- everything ------------------------------------------------------------------------
def next_wake(conn: Connection, now: datetime) -> datetime | None:
    """When the next snoozed task or cadence touch comes back today, if one does."""
    times = [t for t in (_task_counts(conn, now)[1], _cadence_wake(conn, now)) if t is not None]
    return min(times, default=None)


def today_data(conn: Connection, now: datetime, lang: str) -> TodayData:
    """Everything the Today screen shows, read on one connection."""
    today = now.date()
    task_total, task_wake = _task_counts(conn, now)
    wakes = [t for t in (task_wake, _cadence_wake(conn, now)) if t is not None]
    return TodayData(
        now=now,
        tasks=Listing(_task_rows(conn, now, 100), task_total),
        cadence=cadence_overdue(conn, now),
        key_dates=key_dates_ahead(conn, today, lang),
        festivals=festivals_ahead(conn, today, lang),
        silent=silent_customers(conn),
        complaints=complaints_due(conn, now),
        renewals=renewals_due(conn, today),
        wake_at=min(wakes, default=None),
    )
