"""What falls on which day: the read side of the Calendar screen, the .ics export and
the key-date reminder generator.

Everything dated in the book of business is folded into one list of plain
:class:`CalendarEntry` rows, so the grid, the agenda and the export share one set of
rules about what is shown where.

Volume rules (a 100k-customer book must still paint a month quickly):

* Every query is bounded by the visible range and uses an index (tasks by due time,
  contracts by end date, events by date); key dates are narrowed in SQL by month (and
  day) before the Python date rules run, and each distinct rule is evaluated once.
* Cooperation anniversaries and founding days *derived* from ``customers`` (not typed
  in as a key date) are shown only for customers in ``anniversary_tiers`` — by default
  value tier A. Every customer has a cooperation start, so showing all of them would
  bury a 100k-customer month under thousands of anniversaries nobody will act on,
  and the method reserves personal anniversary care for high-value accounts (tier B/C
  get festival and birthday greetings). A key date the manager entered by hand is
  always shown, whatever the tier: entering it is the decision that it matters. A
  derived date is skipped for a customer who has a hand-entered one of the same kind,
  so the two never show twice. Pass ``anniversary_tiers=("A", "B", "C")`` to see all.
* Tasks generated from key dates and contracts (``source`` 'key_date'/'contract') are
  not listed as tasks: the key date or renewal entry stands for them and carries their
  ``task_id`` and done state, so the same birthday never appears twice on one day.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, exists, extract, func, or_, select

from kamdesk.store.models import (
    Complaint, Contract, Customer, CustomerMetrics, Event, EventAttendance, KeyDate, Person, Task,
)

if TYPE_CHECKING:
    from kamdesk.domain.reminders import ReminderState
    from kamdesk.io.ical import CalendarItem

KINDS: tuple[str, ...] = (
    "task", "visit", "call", "key_date", "festival", "event", "renewal", "complaint",
)
TASK_KINDS = ("task", "visit", "call")
GENERATED_SOURCES = ("key_date", "contract")
DEFAULT_ANNIVERSARY_TIERS: tuple[str, ...] = ("A",)
# Contracts whose renewal still matters; drafts are not binding, the rest are over.
LIVE_CONTRACT_STATUSES = ("signed", "active")

_KIND_ORDER = {k: i for i, k in enumerate(
    ("festival", "key_date", "renewal", "event", "complaint", "visit", "call", "task"))}
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One thing on one day.

    ``key`` is unique and stable across queries ('task:42', 'keydate:5:2026',
    'coop:17:2026', 'founded:17:2026', 'renewal:7', 'contract_end:7', 'complaint:3',
    'event:2', 'festival:mid_autumn:2026'); ``id`` is the row id in the table the
    entry comes from (0 for festivals). ``start`` is a ``date`` for all-day entries and
    a ``datetime`` otherwise. ``task_id`` is the task itself for task kinds, or the
    reminder task generated for a key date or renewal, if there is one.
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

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def movable(self) -> bool:
        """Only the user's own open tasks move; dates of record (birthdays) do not."""
        return self.kind in TASK_KINDS and not self.done


@dataclass(frozen=True, slots=True)
class KeyDateOccurrence:
    """A key date on its day, hand-entered ('keydate:…') or derived from the customer
    record ('coop:…', 'founded:…'). ``year`` is the year the occurrence belongs to —
    the *lunar* year for lunar rules — so ``source_key`` is unique per occurrence."""

    source_key: str
    key_date_id: int | None
    kind: str  # birthday | anniversary | founding | custom
    calendar: str
    date: dt.date
    year: int
    years: int | None
    customer_id: int
    customer_name: str
    customer_short: str | None
    customer_code: str
    value_tier: str | None
    person_id: int | None
    person_name: str | None
    stored_title: str | None
    remind_days_before: int | None
    lunar_month: int | None = None
    lunar_day: int | None = None
    lunar_leap: bool = False


# -- small helpers -------------------------------------------------------------------


def _zh(lang: str) -> bool:
    return lang.lower().replace("-", "_").startswith("zh")


def _as_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def _as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value  # type: ignore[return-value]
    return dt.datetime.fromisoformat(str(value))


def _chunks(values: list, size: int = _CHUNK) -> Iterator[list]:  # type: ignore[type-arg]
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _month_day_clause(month_col, day_col,  # type: ignore[no-untyped-def]
                      start: dt.date, end: dt.date):
    """A superset filter on (month, day) columns for yearly dates inside [start, end].

    29 February is let through whenever the range reaches 28 February of a common
    year, because that is where the domain rule keeps it.
    """
    if (end - start).days >= 365:
        return None
    parts = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        first = start.day if (y, m) == (start.year, start.month) else 1
        last = end.day if (y, m) == (end.year, end.month) else 31
        if m == 2 and last >= 28 and not _calendar.isleap(y):
            last = 31
        parts.append(and_(month_col == m, day_col >= first, day_col <= last))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return or_(*parts)


def _months_in(start: dt.date, end: dt.date) -> list[int] | None:
    if (end - start).days >= 330:
        return None
    months = set()
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.add(m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return sorted(months)


def _lunar_months_in(start: dt.date, end: dt.date) -> list[int] | None:
    """Lunar month numbers touched by the range (leap months share their number)."""
    if (end - start).days >= 330:
        return None
    months: set[int] = set()
    day = start
    while day <= end:
        months.add(_lunar_of(day)[1])
        day += dt.timedelta(days=1)
    return sorted(months)


@lru_cache(maxsize=8192)
def _occurrence(calendar: str, month: int, day: int, leap: bool, first_year: int | None,
                recurrence: str, year: int) -> dt.date | None:
    """Pure and memoised across queries: paging month by month asks the same rules."""
    from kamdesk.domain.key_dates import KeyDateRule, occurrence_in_year

    try:
        rule = KeyDateRule(calendar, month, day, leap, first_year,  # type: ignore[arg-type]
                           recurrence)  # type: ignore[arg-type]
        return occurrence_in_year(rule, year)
    except ValueError:
        return None  # a row the domain refuses (e.g. 31 April) is skipped, not fatal


@lru_cache(maxsize=4096)
def _lunar_of(day: dt.date) -> tuple[int, int, int, bool]:
    from kamdesk.domain.lunar import solar_to_lunar

    ld = solar_to_lunar(day)
    return ld.year, ld.month, ld.day, ld.leap


class _RuleCache:
    """Evaluates each distinct key-date rule once per query: thousands of birthdays
    share a few hundred (month, day) pairs.

    Rules are evaluated year by year, never rule by rule, because ``lunar_python``
    caches only the last lunar year it computed (~50 ms each): alternating years
    would recompute it for every rule.
    """

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self._cache: dict[tuple[object, ...], list[tuple[int, dt.date]]] = {}

    def years(self, calendar: str) -> range:
        if calendar == "lunar":
            # Exact: an occurrence inside the range belongs to a lunar year between the
            # lunar years of its ends.
            return range(_lunar_of(self.start)[0], _lunar_of(self.end)[0] + 1)
        return range(self.start.year, self.end.year + 1)

    def prepare(self, rules: Iterable[tuple[str, int, int, bool, int | None, str]]) -> None:
        todo = [r for r in set(rules) if r not in self._cache]
        for r in todo:
            self._cache[r] = []
        by_year = sorted((y, r) for r in todo for y in self.years(r[0]))  # type: ignore[type-var]
        for y, r in by_year:
            occ = _occurrence(*r, y)  # type: ignore[misc]
            if occ is not None and self.start <= occ <= self.end:
                self._cache[r].append((y, occ))

    def occurrences(self, calendar: str, month: int, day: int, leap: bool, year: int | None,
                    recurrence: str) -> list[tuple[int, dt.date]]:
        key = (calendar, month, day, leap, year, recurrence)
        if key not in self._cache:
            self.prepare([key])  # type: ignore[list-item]
        return self._cache[key]

    @staticmethod
    def lunar_of(day: dt.date) -> tuple[int, int, bool]:
        _, m, d, leap = _lunar_of(day)
        return m, d, leap


# -- key dates -----------------------------------------------------------------------


class _DayCap:
    """Keeps at most ``limit`` entries per day and kind, counting every entry per day.

    A 100k-customer book has hundreds of birthdays on one day; no grid can show them
    and building rows for them is what makes a month slow. The counts still say
    "+N more", and a single day can be asked for without a limit.
    """

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.totals: dict[dt.date, int] = {}
        self._kept: dict[tuple[dt.date, str], int] = {}

    def keep(self, day: dt.date, kind: str) -> bool:
        self.totals[day] = self.totals.get(day, 0) + 1
        if self.limit is None:
            return True
        n = self._kept.get((day, kind), 0)
        if n >= self.limit:
            return False
        self._kept[(day, kind)] = n + 1
        return True


def key_date_occurrences(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    customer_id: int | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
    per_day_limit: int | None = None,
    _cap: _DayCap | None = None,
) -> list[KeyDateOccurrence]:
    """Key dates falling in ``[start, end]`` (both included), hand-entered and derived,
    sorted by day.

    ``anniversary_tiers``: value tiers whose cooperation anniversaries and founding
    days are derived from the customer record (see the module docstring); None or
    empty derives none. ``per_day_limit`` keeps only the first few of each day.

    Two passes: the rules alone (a few narrow columns) to find the days, then names
    and titles only for the occurrences kept.
    """
    if end < start:
        return []
    cap = _cap or _DayCap(per_day_limit)
    cache = _RuleCache(start, end)
    # (day, customer_id, source, row id, year, years)
    found: list[tuple[dt.date, int, str, int, int, int | None]] = []
    found += _stored_candidates(conn, start, end, customer_id, cache)
    if anniversary_tiers:
        found += _derived_candidates(conn, start, end, customer_id, tuple(anniversary_tiers))
    found.sort()
    kept = [f for f in found if cap.keep(f[0], "key_date")]
    stored = _stored_details(conn, [f[3] for f in kept if f[2] == "keydate"])
    derived = _customer_details(conn, [f[3] for f in kept if f[2] != "keydate"])
    out: list[KeyDateOccurrence] = []
    for day, _cid, source, row_id, year, years in kept:
        if source == "keydate":
            d = stored.get(row_id)
            if d is None:
                continue
            lm = ld = None
            leap = False
            if d["calendar"] == "lunar":
                lm, ld, leap = cache.lunar_of(day)
            out.append(KeyDateOccurrence(
                source_key=f"keydate:{row_id}:{year}", key_date_id=row_id, kind=d["kind"],
                calendar=d["calendar"], date=day, year=year, years=years,
                customer_id=d["customer_id"], customer_name=d["customer_name"],
                customer_short=d["customer_short"], customer_code=d["customer_code"],
                value_tier=d["value_tier"], person_id=d["person_id"],
                person_name=d["person_name"], stored_title=d["title"],
                remind_days_before=d["remind_days_before"], lunar_month=lm, lunar_day=ld,
                lunar_leap=leap,
            ))
        else:
            c = derived.get(row_id)
            if c is None:
                continue
            out.append(KeyDateOccurrence(
                source_key=f"{source}:{row_id}:{year}", key_date_id=None,
                kind="anniversary" if source == "coop" else "founding", calendar="solar",
                date=day, year=year, years=years, customer_id=row_id,
                customer_name=c[0], customer_short=c[1], customer_code=c[2], value_tier=c[3],
                person_id=None, person_name=None, stored_title=None, remind_days_before=None,
            ))
    return out


def _stored_candidates(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                       cache: _RuleCache) -> list[tuple[dt.date, int, str, int, int, int | None]]:
    solar = and_(KeyDate.calendar == "solar")
    day_clause = _month_day_clause(KeyDate.month, KeyDate.day, start, end)
    if day_clause is not None:
        solar = and_(solar, day_clause)
    lunar = and_(KeyDate.calendar == "lunar")
    lunar_months = _lunar_months_in(start, end)
    if lunar_months is not None:
        lunar = and_(lunar, KeyDate.month.in_(lunar_months))
    q = (
        select(KeyDate.id, KeyDate.customer_id, KeyDate.calendar, KeyDate.month, KeyDate.day,
               KeyDate.leap_month, KeyDate.year, KeyDate.recurrence)
        .join(Customer, Customer.id == KeyDate.customer_id)
        .where(Customer.status != "archived", or_(solar, lunar))
    )
    if customer_id is not None:
        q = q.where(KeyDate.customer_id == customer_id)
    rows = conn.execute(q).all()
    rules = [(r[2], r[3], r[4], bool(r[5]), r[6], r[7]) for r in rows]
    cache.prepare(rules)
    out = []
    for r, rule in zip(rows, rules, strict=True):
        for year, occ in cache.occurrences(*rule):
            years = (year - r[6]) if r[6] is not None and r[7] == "yearly" else None
            out.append((occ, r[1], "keydate", r[0], year, years if years and years > 0 else None))
    return out


def _derived_candidates(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                        tiers: tuple[str, ...]
                        ) -> list[tuple[dt.date, int, str, int, int, int | None]]:
    """Cooperation anniversaries and founding days of customers in ``tiers``, in one
    pass over those customers."""
    months = _months_in(start, end)
    out = []
    for kind, col, source in (("anniversary", Customer.cooperation_start, "coop"),
                              ("founding", Customer.founded_on, "founded")):
        hand_entered = exists().where(KeyDate.customer_id == Customer.id, KeyDate.kind == kind)
        q = (
            select(Customer.id, col)
            .join(CustomerMetrics, CustomerMetrics.customer_id == Customer.id)
            .where(CustomerMetrics.value_tier.in_(tiers), Customer.status != "archived",
                   col.is_not(None))
        )
        if months is not None:
            q = q.where(extract("month", col).in_(months))
        if customer_id is not None:
            q = q.where(Customer.id == customer_id)
        # The NOT EXISTS probe runs only for rows that survived the month filter.
        q = q.where(~hand_entered)
        for cid, raw in conn.execute(q):
            origin = _as_date(raw)
            assert origin is not None
            for year in range(max(start.year, origin.year + 1), end.year + 1):
                last = _calendar.monthrange(year, origin.month)[1]
                occ = dt.date(year, origin.month, min(origin.day, last))
                if start <= occ <= end:
                    out.append((occ, cid, source, cid, year, year - origin.year))
    return out


def _stored_details(conn: Connection, ids: list[int]) -> dict[int, dict[str, object]]:
    out: dict[int, dict[str, object]] = {}
    for chunk in _chunks(sorted(set(ids))):
        q = (
            select(KeyDate.id, KeyDate.kind, KeyDate.title, KeyDate.calendar,
                   KeyDate.remind_days_before, KeyDate.customer_id, KeyDate.person_id,
                   Customer.name, Customer.short_name, Customer.code, CustomerMetrics.value_tier,
                   Person.name)
            .join(Customer, Customer.id == KeyDate.customer_id)
            .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == KeyDate.customer_id)
            .outerjoin(Person, Person.id == KeyDate.person_id)
            .where(KeyDate.id.in_(chunk))
        )
        for r in conn.execute(q):
            out[r[0]] = {
                "kind": r[1], "title": r[2], "calendar": r[3], "remind_days_before": r[4],
                "customer_id": r[5], "person_id": r[6], "customer_name": r[7],
                "customer_short": r[8], "customer_code": r[9], "value_tier": r[10],
                "person_name": r[11],
            }
    return out


def _customer_details(conn: Connection, ids: list[int]
                      ) -> dict[int, tuple[str, str | None, str, str | None]]:
    out = {}
    for chunk in _chunks(sorted(set(ids))):
        q = (select(Customer.id, Customer.name, Customer.short_name, Customer.code,
                    CustomerMetrics.value_tier)
             .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Customer.id)
             .where(Customer.id.in_(chunk)))
        for r in conn.execute(q):
            out[r[0]] = (r[1], r[2], r[3], r[4])
    return out


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def occurrence_title(o: KeyDateOccurrence, lang: str) -> str:
    """What the manager reads on the day: the stored title if they typed one."""
    if o.stored_title:
        return o.stored_title
    zh = _zh(lang)
    who = o.person_name or (o.customer_short or o.customer_name)
    if o.kind == "birthday":
        return f"{who}生日" if zh else f"Birthday: {who}"
    if o.kind == "anniversary":
        if zh:
            return f"合作{o.years}周年" if o.years else "合作周年纪念日"
        return (f"{_ordinal_en(o.years)} cooperation anniversary" if o.years
                else "Cooperation anniversary")
    if o.kind == "founding":
        if zh:
            return f"成立{o.years}周年" if o.years else "公司成立纪念日"
        return f"{_ordinal_en(o.years)} founding anniversary" if o.years else "Founding day"
    return "重要日期" if zh else "Key date"


def occurrence_detail(o: KeyDateOccurrence, lang: str) -> str:
    """The lunar date for a lunar key date (the reason it moves every year)."""
    if o.calendar != "lunar" or o.lunar_month is None or o.lunar_day is None:
        return ""
    if _zh(lang):
        from kamdesk.domain.lunar import lunar_label_zh

        return "农历" + lunar_label_zh(o.lunar_month, o.lunar_day, o.lunar_leap)
    return f"Lunar {'leap ' if o.lunar_leap else ''}{o.lunar_month}/{o.lunar_day}"


# -- contracts -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenewalDate:
    """A contract's renewal notice day ('renewal:ID') or its last day ('contract_end:ID')."""

    key: str
    contract_id: int
    subkind: str  # notice | end
    date: dt.date
    end_on: dt.date
    notice_days: int
    number: str
    title: str
    status: str
    customer_id: int
    customer_name: str
    customer_short: str | None
    customer_code: str
    value_tier: str | None
    updated: dt.datetime | None


def renewal_dates(conn: Connection, start: dt.date, end: dt.date,
                  customer_id: int | None = None, _cap: _DayCap | None = None
                  ) -> list[RenewalDate]:
    """Notice days and end days of live contracts inside ``[start, end]``, by day.

    The notice day is ``end_on - renewal_notice_days``: when the manager must start
    the renewal talk so the contract does not lapse.
    """
    where = [Contract.status.in_(LIVE_CONTRACT_STATUSES), Contract.end_on.is_not(None)]
    if customer_id is not None:
        where.append(Contract.customer_id == customer_id)
    # The notice lead time varies per contract; bound the index range by the longest.
    lead = conn.execute(select(func.max(Contract.renewal_notice_days)).where(
        *where, Contract.end_on >= start)).scalar() or 0
    # First the dates alone (walks the end_on index), then details for those kept.
    found: list[tuple[dt.date, int, str, dt.date, int]] = []
    for cid, raw_end, raw_days in conn.execute(
        select(Contract.id, Contract.end_on, Contract.renewal_notice_days).where(
            *where, Contract.end_on >= start,
            Contract.end_on <= end + dt.timedelta(days=max(0, int(lead))))
    ):
        end_on = _as_date(raw_end)
        assert end_on is not None
        notice_days = max(0, int(raw_days or 0))
        notice = end_on - dt.timedelta(days=notice_days)
        if notice_days and start <= notice <= end:
            found.append((notice, cid, "notice", end_on, notice_days))
        if start <= end_on <= end:
            found.append((end_on, cid, "end", end_on, notice_days))
    found.sort()
    if _cap is not None:
        found = [f for f in found if _cap.keep(f[0], "renewal")]
    details: dict[int, tuple[object, ...]] = {}
    for chunk in _chunks(sorted({f[1] for f in found})):
        for r in conn.execute(
            select(Contract.id, Contract.number, Contract.title, Contract.status,
                   Contract.customer_id, Customer.name, Customer.short_name, Customer.code,
                   CustomerMetrics.value_tier, Contract.updated_at)
            .join(Customer, Customer.id == Contract.customer_id)
            .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Contract.customer_id)
            .where(Contract.id.in_(chunk))
        ):
            details[r[0]] = tuple(r)
    out: list[RenewalDate] = []
    for day, cid, subkind, end_on, notice_days in found:
        r = details[cid]
        out.append(RenewalDate(
            key=f"renewal:{cid}" if subkind == "notice" else f"contract_end:{cid}",
            contract_id=cid, subkind=subkind, date=day, end_on=end_on,
            notice_days=notice_days, number=str(r[1]), title=str(r[2]), status=str(r[3]),
            customer_id=int(r[4]), customer_name=str(r[5]),  # type: ignore[call-overload]
            customer_short=r[6], customer_code=str(r[7]),  # type: ignore[arg-type]
            value_tier=r[8], updated=_as_datetime(r[9]),  # type: ignore[arg-type]
        ))
    return out


def renewal_task_key(contract_id: int, end_on: dt.date) -> str:
    """Source key of the reminder task for one contract term: a renewal that moves the
    end date to a later year starts a new task instead of reviving the done one."""
    return f"renewal:{contract_id}:{end_on.year}"


# -- the calendar --------------------------------------------------------------------


def _linked_tasks(conn: Connection, keys: list[str]) -> dict[str, tuple[int, bool]]:
    found: dict[str, tuple[int, bool]] = {}
    for chunk in _chunks(sorted(set(keys))):
        for tid, key, done_at in conn.execute(
            select(Task.id, Task.source_key, Task.done_at).where(Task.source_key.in_(chunk))
        ):
            found[key] = (tid, done_at is not None)
    return found


def _texts(lang: str) -> dict[str, str]:
    if _zh(lang):
        return {"notice": "续签：", "end": "合同到期：", "complaint": "投诉答复：",
                "complaint_default": "客户投诉"}
    # Short: the month grid has room for a few words; the day list adds the rest.
    return {"notice": "Renew: ", "end": "Contract ends: ", "complaint": "Complaint due: ",
            "complaint_default": "complaint"}


@dataclass(frozen=True)
class CalendarPage:
    """Entries of a range, perhaps capped per day, with the true count of every day."""

    entries: list[CalendarEntry]
    totals: dict[dt.date, int]

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
    overdue. Texts the store makes up (renewal, complaint titles) follow ``lang``.
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
) -> CalendarPage:
    """:func:`items_between` for a screen: at most ``per_day_limit`` entries of each
    kind per day (the first by time), plus the full count of each day for "+N more"."""
    wanted = set(KINDS if kinds is None else kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown calendar kinds: {', '.join(sorted(unknown))}")
    cap = _DayCap(per_day_limit)
    if end < start:
        return CalendarPage([], {})
    out: list[CalendarEntry] = []
    if wanted & set(TASK_KINDS):
        out += _tasks(conn, start, end, sorted(wanted & set(TASK_KINDS)), customer_id, now, cap)
    if "key_date" in wanted:
        out += _key_date_entries(conn, start, end, customer_id, lang, anniversary_tiers, cap)
    if "renewal" in wanted:
        out += _renewal_entries(conn, start, end, customer_id, lang, cap)
    if "complaint" in wanted:
        out += _complaints(conn, start, end, customer_id, lang, now, cap)
    if "event" in wanted:
        out += _events(conn, start, end, customer_id, cap)
    if "festival" in wanted:
        from kamdesk.domain.festivals import festivals_between

        for f in festivals_between(start, end, include_optional_festivals):
            if cap.keep(f.date, "festival"):
                out.append(CalendarEntry(
                    kind="festival", id=0, key=f"festival:{f.key}:{f.date.year}",
                    title=f.name(lang), customer_id=None, customer_name=None, start=f.date,
                    all_day=True, subkind=f.key, detail=f.name_zh,
                ))
    out.sort(key=sort_key)
    return CalendarPage(out, cap.totals)


def sort_key(e: CalendarEntry) -> tuple[object, ...]:
    timed = isinstance(e.start, dt.datetime)
    t = e.start.time() if isinstance(e.start, dt.datetime) else dt.time(0)
    return (e.day, timed, t, _KIND_ORDER.get(e.kind, 99), e.title, e.key)


def _tasks(conn: Connection, start: dt.date, end: dt.date, kinds: list[str],
           customer_id: int | None, now: dt.datetime | None,
           cap: _DayCap) -> list[CalendarEntry]:
    lo = dt.datetime.combine(start, dt.time(0))
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
    where = [Task.due_at >= lo, Task.due_at < hi, Task.kind.in_(kinds),
             or_(Task.source.not_in(GENERATED_SOURCES), Task.source_key.is_(None))]
    if customer_id is not None:
        where.append(Task.customer_id == customer_id)
    q = (
        select(Task.id, Task.title, Task.kind, Task.customer_id, Task.due_at, Task.remind_at,
               Task.done_at, Task.notes, Task.priority, Task.updated_at, Customer.name,
               Customer.short_name, Customer.code, CustomerMetrics.value_tier)
        .outerjoin(Customer, Customer.id == Task.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Task.customer_id)
    )
    capped = cap.limit is not None
    if capped:
        # Count in SQL, then keep the first few per day and kind with a window
        # function, so a day with a thousand tasks costs a thousand index entries,
        # not a thousand Python rows.
        day = func.date(Task.due_at)
        for d, n in conn.execute(select(day, func.count()).where(*where).group_by(day)):
            key = _as_date(d)
            assert key is not None
            cap.totals[key] = cap.totals.get(key, 0) + int(n)
        rn = func.row_number().over(partition_by=(day, Task.kind),
                                    order_by=(Task.due_at, Task.id)).label("rn")
        first = select(Task.id.label("tid"), rn).where(*where).subquery()
        q = q.join(first, first.c.tid == Task.id).where(first.c.rn <= cap.limit)
    else:
        q = q.where(*where)
    out = []
    for r in conn.execute(q):
        due = _as_datetime(r[4])
        assert due is not None
        if not capped:
            cap.keep(due.date(), r[2])
        done = r[6] is not None
        out.append(CalendarEntry(
            kind=r[2], id=r[0], key=f"task:{r[0]}", title=r[1], customer_id=r[3],
            customer_name=r[10], customer_code=r[12], customer_short=r[11], start=due,
            all_day=False, done=done, overdue=bool(now is not None and not done and due < now),
            task_id=r[0], value_tier=r[13], remind_at=_as_datetime(r[5]), notes=r[7],
            priority=int(r[8] or 2), updated=_as_datetime(r[9]),
        ))
    return out


def _key_date_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                      lang: str, tiers: Iterable[str] | None,
                      cap: _DayCap) -> list[CalendarEntry]:
    occs = key_date_occurrences(conn, start, end, customer_id, tiers, _cap=cap)
    linked = _linked_tasks(conn, [o.source_key for o in occs])
    out = []
    for o in occs:
        task = linked.get(o.source_key)
        out.append(CalendarEntry(
            kind="key_date", id=o.key_date_id or o.customer_id, key=o.source_key,
            title=occurrence_title(o, lang), customer_id=o.customer_id,
            customer_name=o.customer_name, customer_code=o.customer_code,
            customer_short=o.customer_short, start=o.date, all_day=True,
            done=bool(task and task[1]), subkind=o.kind, detail=occurrence_detail(o, lang),
            task_id=task[0] if task else None, value_tier=o.value_tier,
            person_name=o.person_name,
        ))
    return out


def _renewal_entries(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                     lang: str, cap: _DayCap) -> list[CalendarEntry]:
    texts = _texts(lang)
    rows = renewal_dates(conn, start, end, customer_id, cap)
    linked = _linked_tasks(conn, [renewal_task_key(r.contract_id, r.end_on) for r in rows])
    out = []
    for r in rows:
        task = linked.get(renewal_task_key(r.contract_id, r.end_on)) if r.subkind == "notice" \
            else None
        out.append(CalendarEntry(
            kind="renewal", id=r.contract_id, key=r.key,
            title=texts["notice" if r.subkind == "notice" else "end"] + r.title,
            customer_id=r.customer_id, customer_name=r.customer_name,
            customer_code=r.customer_code, customer_short=r.customer_short, start=r.date,
            all_day=True, done=bool(task and task[1]), subkind=r.subkind, detail=r.number,
            task_id=task[0] if task else None, value_tier=r.value_tier, updated=r.updated,
        ))
    return out


def _complaints(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                lang: str, now: dt.datetime | None, cap: _DayCap) -> list[CalendarEntry]:
    texts = _texts(lang)
    lo = dt.datetime.combine(start, dt.time(0))
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
    q = (
        select(Complaint.id, Complaint.customer_id, Complaint.response_deadline,
               Complaint.category, Complaint.description, Complaint.status,
               Complaint.responded_at, Complaint.severity, Complaint.updated_at, Customer.name,
               Customer.short_name, Customer.code, CustomerMetrics.value_tier)
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Complaint.customer_id)
        .where(Complaint.response_deadline >= lo, Complaint.response_deadline < hi)
        .order_by(Complaint.response_deadline, Complaint.id)
    )
    if customer_id is not None:
        q = q.where(Complaint.customer_id == customer_id)
    out = []
    for r in conn.execute(q):
        deadline = _as_datetime(r[2])
        assert deadline is not None
        if not cap.keep(deadline.date(), "complaint"):
            continue
        done = r[5] != "open" or r[6] is not None
        what = r[3] or (r[4] or "")[:40] or texts["complaint_default"]
        out.append(CalendarEntry(
            kind="complaint", id=r[0], key=f"complaint:{r[0]}", title=texts["complaint"] + what,
            customer_id=r[1], customer_name=r[9], customer_code=r[11], customer_short=r[10],
            start=deadline, all_day=False, done=done,
            overdue=bool(now is not None and not done and deadline < now), subkind=r[7],
            detail=r[4] or "", value_tier=r[12], updated=_as_datetime(r[8]),
        ))
    return out


def _events(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
            cap: _DayCap) -> list[CalendarEntry]:
    q = (select(Event.id, Event.name, Event.held_on, Event.kind, Event.location,
                Event.updated_at).where(Event.held_on >= start, Event.held_on <= end)
         .order_by(Event.held_on, Event.id))
    if customer_id is not None:
        q = q.where(exists().where(EventAttendance.event_id == Event.id,
                                   EventAttendance.customer_id == customer_id))
    out = []
    for r in conn.execute(q):
        held = _as_date(r[2])
        assert held is not None
        if not cap.keep(held, "event"):
            continue
        out.append(CalendarEntry(
            kind="event", id=r[0], key=f"event:{r[0]}", title=r[1], customer_id=None,
            customer_name=None, start=held, all_day=True, subkind=r[3], detail=r[4] or "",
            updated=_as_datetime(r[5]),
        ))
    return out


def customer_choices(conn: Connection, text: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """(id, code, name) for the customer filter's type-ahead, via the shared search."""
    from kamdesk.store.customer_list import CustomerQuery, fetch_page

    if not text.strip():
        return []
    rows = fetch_page(conn, CustomerQuery(search=text), 0, limit)
    return [(r.id, r.code, r.name) for r in rows]


def customer_by_code(conn: Connection, code: str) -> tuple[int, str, str] | None:
    row = conn.execute(select(Customer.id, Customer.code, Customer.name).where(
        Customer.code == code)).first()
    return (row[0], row[1], row[2]) if row else None


# -- iCalendar -----------------------------------------------------------------------


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


def iter_calendar_items_for_ical(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    customer_id: int | None = None,
    lang: str = "en",
    kinds: Iterable[str] | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
) -> list[CalendarItem]:
    """The entries of ``[start, end]`` as :class:`kamdesk.io.ical.CalendarItem` values
    with UIDs derived from database identity ('task-42@kamdesk',
    'keydate-5-2026@kamdesk', 'renewal-7@kamdesk'), so importing a newer export
    replaces entries instead of duplicating them.

    Calls become to-dos like tasks (the iCalendar kinds have no 'call'); visits become
    one-hour events; key dates carry an alarm at their reminder lead time.
    """
    from kamdesk.io.ical import CalendarItem
    from kamdesk.store.key_date_reminders import load_reminder_settings

    settings = load_reminder_settings(conn)
    wanted = [k for k in (KINDS if kinds is None else kinds) if k != "festival"]
    entries = items_between(conn, start, end, wanted, customer_id, lang,
                            anniversary_tiers=anniversary_tiers)
    out: list[CalendarItem] = []
    for e in entries:
        uid = ical_uid(e)
        if uid is None:
            continue
        customer = e.customer_name
        description = "\n".join(x for x in (e.detail if e.kind != "complaint" else "",
                                             e.notes or "") if x)
        if e.kind in TASK_KINDS:
            assert isinstance(e.start, dt.datetime)
            alarm = None
            if e.remind_at is not None and e.remind_at <= e.start:
                alarm = e.start - e.remind_at
            is_visit = e.kind == "visit"
            out.append(CalendarItem(
                uid=uid, kind="visit" if is_visit else "task", title=e.title,
                description=description, start=e.start,
                end=e.start + dt.timedelta(hours=1) if is_visit else None, all_day=False,
                alarm_before=alarm, customer=customer, done=e.done, updated=e.updated,
            ))
        elif e.kind == "key_date":
            days = settings.days_for(e.subkind or "custom")
            out.append(CalendarItem(
                uid=uid, kind="key_date", title=_with_customer(e), description=description,
                start=e.day, end=None, all_day=True, alarm_before=dt.timedelta(days=days),
                customer=customer,
            ))
        elif e.kind == "renewal":
            out.append(CalendarItem(
                uid=uid, kind="renewal", title=_with_customer(e), description=description,
                start=e.day, end=None, all_day=True,
                alarm_before=dt.timedelta(days=1) if e.subkind == "notice" else None,
                customer=customer, updated=e.updated,
            ))
        elif e.kind == "complaint":
            out.append(CalendarItem(
                uid=uid, kind="complaint", title=_with_customer(e), description=e.detail,
                start=e.start, end=None, all_day=False,
                alarm_before=None if e.done else dt.timedelta(hours=2), customer=customer,
                updated=e.updated,
            ))
        elif e.kind == "event":
            out.append(CalendarItem(
                uid=uid, kind="event", title=e.title, description=e.detail, start=e.day,
                end=None, all_day=True, alarm_before=None, customer=None, updated=e.updated,
            ))
    return out


def _with_customer(e: CalendarEntry) -> str:
    """A phone calendar shows only the summary: say whose date it is."""
    who = e.customer_short or e.customer_name
    return f"{e.title} · {who}" if who and who not in e.title else e.title


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



# -- reminders -----------------------------------------------------------------------


def reminder_states(conn: Connection, until: dt.datetime) -> list[ReminderState]:
    """Open reminders whose time (reminder or snooze) is at or before ``until`` and not
    shown yet for that time: what the scheduler may have to fire or arm a timer for.

    Bounded by ``until`` and by the "not yet notified" test in SQL, so the answer stays
    small however many old, already-shown reminders the book holds.
    """
    from kamdesk.domain.reminders import ReminderState

    pending = or_(Task.notified_at.is_(None), Task.notified_at < Task.remind_at,
                  Task.notified_at < Task.snoozed_until)
    q = select(Task.id, Task.remind_at, Task.snoozed_until, Task.done_at, Task.notified_at).where(
        Task.done_at.is_(None),
        or_(Task.remind_at <= until, Task.snoozed_until <= until),
        pending,
    )
    return [ReminderState(r[0], _as_datetime(r[1]), _as_datetime(r[2]), None,
                          _as_datetime(r[4])) for r in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class ReminderRow:
    """A task as a reminder pop-up or the ``due`` command shows it."""

    task_id: int
    title: str
    kind: str
    notes: str | None
    due_at: dt.datetime | None
    remind_at: dt.datetime | None
    snoozed_until: dt.datetime | None
    notified_at: dt.datetime | None
    done: bool
    customer_id: int | None
    customer_code: str | None
    customer_name: str | None
    source: str

    @property
    def when(self) -> dt.datetime | None:
        """The moment the reminder is about: the due time, else the reminder time."""
        return self.due_at or self.snoozed_until or self.remind_at

    def overdue(self, now: dt.datetime) -> bool:
        return not self.done and self.due_at is not None and self.due_at < now


_REMINDER_COLUMNS = (
    Task.id, Task.title, Task.kind, Task.notes, Task.due_at, Task.remind_at, Task.snoozed_until,
    Task.notified_at, Task.done_at, Task.customer_id, Customer.code, Customer.name, Task.source,
)


def _reminder_row(r) -> ReminderRow:  # type: ignore[no-untyped-def]
    return ReminderRow(r[0], r[1], r[2], r[3], _as_datetime(r[4]), _as_datetime(r[5]),
                       _as_datetime(r[6]), _as_datetime(r[7]), r[8] is not None, r[9], r[10],
                       r[11], r[12])


def reminder_rows(conn: Connection, task_ids: Iterable[int]) -> list[ReminderRow]:
    """Rows for the given tasks, in the order asked."""
    ids = list(dict.fromkeys(task_ids))
    found: dict[int, ReminderRow] = {}
    for chunk in _chunks(ids):
        q = (select(*_REMINDER_COLUMNS).outerjoin(Customer, Customer.id == Task.customer_id)
             .where(Task.id.in_(chunk)))
        for r in conn.execute(q):
            found[r[0]] = _reminder_row(r)
    return [found[i] for i in ids if i in found]


def due_reminders(conn: Connection, now: dt.datetime, within: dt.timedelta) -> list[ReminderRow]:
    """Open tasks due, or with a reminder time, before ``now + within`` — overdue ones
    included, however old — ordered by time. What ``kamdesk due`` prints."""
    until = now + within
    q = (
        select(*_REMINDER_COLUMNS).outerjoin(Customer, Customer.id == Task.customer_id)
        .where(Task.done_at.is_(None),
               or_(Task.due_at <= until, Task.remind_at <= until, Task.snoozed_until <= until))
    )
    rows = [_reminder_row(r) for r in conn.execute(q)]
    rows.sort(key=lambda r: (r.when or until, r.task_id))
    return rows
