"""Which key dates fall in a window: the one reader of the key-date engine.

Today, the Calendar, the reminder generator and the iCalendar feed all call
:func:`key_date_occurrences`; the rules themselves (leap years, lunar and leap months,
derived anniversaries) live in :mod:`kamdesk.domain.key_dates`.

Volume rules (a 100k-customer book must still paint a month quickly):

* key dates are narrowed in SQL by (month, day) spans before the date rules run, and
  each distinct rule is evaluated once per window;
* two passes: the rules alone (a few narrow columns) to find the days, then names and
  titles only for the occurrences kept (a per-day cap keeps few on a crowded day);
* cooperation anniversaries and founding days *derived* from ``customers`` (not typed
  in as a key date) are read only for customers in ``anniversary_tiers`` — by default
  value tier A (see :data:`kamdesk.domain.key_dates.DEFAULT_ANNIVERSARY_TIERS`). A key
  date the manager entered by hand is always read, whatever the tier: entering it is
  the decision that it matters. A derived date is skipped for a customer who has a
  hand-entered one of the same kind, so the two never show twice.

Archived customers, and key dates of archived people (someone who left), fall nowhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, exists, false, func, or_, select

from kamdesk.domain.key_dates import (
    DEFAULT_ANNIVERSARY_TIERS,
    RuleKey,
    RuleWindow,
    lunar_of,
    lunar_spans,
    occurrence_years,
    solar_spans,
    yearly_occurrences,
)
from kamdesk.store.dialect import iso_text
from kamdesk.store.models import Customer, CustomerMetrics, KeyDate, Person
from kamdesk.store.queries.key_date_days import MAX_DAYS, stored_in_days
from kamdesk.store.queries.sql_values import as_date, in_chunks, latest_datetime


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

    @property
    def company(self) -> str:
        """The name a manager uses for the customer: the short one if there is one."""
        return self.customer_short or self.customer_name


class DayCap:
    """Keeps at most ``limit`` entries per day and kind, counting every entry per day.

    A 100k-customer book has hundreds of birthdays on one day; no grid can show them
    and building rows for them is what makes a month slow. The counts still say
    "+N more", and a single day can be asked for without a limit.
    """

    def __init__(self, limit: int | None, full_day: dt.date | None = None,
                 full_limit: int | None = None) -> None:
        self.limit = limit
        #: one day kept to a larger limit (the Calendar's selected day, whose full list
        #: the day panel shows), so one read of a month serves the grid and the panel
        self.full_day = full_day if limit is not None else None
        self.full_limit = full_limit
        self.totals: dict[dt.date, int] = {}
        self._kept: dict[tuple[dt.date, str], int] = {}

    def limit_of(self, day: dt.date) -> int | None:
        return self.full_limit if day == self.full_day else self.limit

    def keep(self, day: dt.date, kind: str) -> bool:
        self.totals[day] = self.totals.get(day, 0) + 1
        limit = self.limit_of(day)
        if limit is None:
            return True
        n = self._kept.get((day, kind), 0)
        if n >= limit:
            return False
        self._kept[(day, kind)] = n + 1
        return True

    def add_total(self, day: dt.date, n: int) -> None:
        """Count entries kept out in SQL (only the first few of them were read)."""
        self.totals[day] = self.totals.get(day, 0) + n


class _StoredDetails(NamedTuple):
    kind: str
    title: str | None
    calendar: str
    remind_days_before: int | None
    customer_id: int
    person_id: int | None
    customer_name: str
    customer_short: str | None
    customer_code: str
    value_tier: str | None
    person_name: str | None


#: the columns of :class:`_StoredDetails`, in its order
_DETAIL_COLUMNS = (KeyDate.kind, KeyDate.title, KeyDate.calendar, KeyDate.remind_days_before,
                   KeyDate.customer_id, KeyDate.person_id, Customer.name, Customer.short_name,
                   Customer.code, CustomerMetrics.value_tier, Person.name)


class _CustomerDetails(NamedTuple):
    name: str
    short_name: str | None
    code: str
    value_tier: str | None


# (day, customer id, source, row id, year, years)
_Found = tuple[dt.date, int, str, int, int, int | None]


def key_date_occurrences(
    conn: Connection,
    start: dt.date,
    end: dt.date,
    customer_id: int | None = None,
    anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS,
    per_day_limit: int | None = None,
    cap: DayCap | None = None,
) -> list[KeyDateOccurrence]:
    """Key dates falling in ``[start, end]`` (both included), hand-entered and derived,
    sorted by day.

    ``anniversary_tiers``: value tiers whose cooperation anniversaries and founding
    days are derived from the customer record; None or empty derives none.
    ``per_day_limit`` keeps only the first few of each day; pass a shared ``cap``
    instead to count them with the other kinds of a calendar page.
    """
    if end < start:
        return []
    cap = cap or DayCap(per_day_limit)
    window = RuleWindow(start, end)
    # Capped (a calendar page of a big book): the rules alone first, names only for the
    # few kept per day. Uncapped (Today's week, reminders): everything in one pass.
    eager = cap.limit is None
    stored: dict[int, _StoredDetails] = {}
    derived: dict[int, _CustomerDetails] = {}
    # the per-day SQL (key_date_days) is written for SQLite; a server reads the candidates
    if eager or (end - start).days >= MAX_DAYS or conn.dialect.name != "sqlite":
        found = _stored_candidates(conn, start, end, customer_id, window,
                                   stored if eager else None)
        if anniversary_tiers:
            found += _derived_candidates(conn, start, end, customer_id,
                                         tuple(anniversary_tiers), derived if eager else None)
        found.sort()
        kept = [f for f in found if cap.keep(f[0], "key_date")]
    else:  # a calendar page: each day counted and capped in SQL (key_date_days)
        kept = _capped(conn, start, end, customer_id, anniversary_tiers, cap)
    if not eager:
        stored = _stored_details(conn, [f[3] for f in kept if f[2] == "keydate"])
        derived = _customer_details(conn, [f[3] for f in kept if f[2] != "keydate"])
    out: list[KeyDateOccurrence] = []
    for day, _cid, source, row_id, year, years in kept:
        if source == "keydate":
            d = stored.get(row_id)
            if d is None:
                continue
            lunar_month: int | None = None
            lunar_day: int | None = None
            leap = False
            if d.calendar == "lunar":
                _y, lunar_month, lunar_day, leap = lunar_of(day)
            out.append(KeyDateOccurrence(
                source_key=f"keydate:{row_id}:{year}", key_date_id=row_id, kind=d.kind,
                calendar=d.calendar, date=day, year=year, years=years,
                customer_id=d.customer_id, customer_name=d.customer_name,
                customer_short=d.customer_short, customer_code=d.customer_code,
                value_tier=d.value_tier, person_id=d.person_id, person_name=d.person_name,
                stored_title=d.title, remind_days_before=d.remind_days_before,
                lunar_month=lunar_month, lunar_day=lunar_day, lunar_leap=leap,
            ))
        else:
            c = derived.get(row_id)
            if c is None:
                continue
            out.append(KeyDateOccurrence(
                source_key=f"{source}:{row_id}:{year}", key_date_id=None,
                kind="anniversary" if source == "coop" else "founding", calendar="solar",
                date=day, year=year, years=years, customer_id=row_id,
                customer_name=c.name, customer_short=c.short_name, customer_code=c.code,
                value_tier=c.value_tier,
                person_id=None, person_name=None, stored_title=None, remind_days_before=None,
            ))
    return out


def _capped(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
            anniversary_tiers: Iterable[str] | None, cap: DayCap) -> list[_Found]:
    """What ``cap`` keeps of the window's typed-in and derived dates, the typed-in ones
    counted and capped per day in SQL: the first of a day among both are among the
    first ``limit`` of each, in the same (day, customer, source, id) order."""
    assert cap.limit is not None
    stored, totals = stored_in_days(conn, start, end, customer_id, cap.limit, cap.full_day,
                                    cap.full_limit)
    found: list[_Found] = list(stored)
    if anniversary_tiers:
        derived = _derived_candidates(conn, start, end, customer_id, tuple(anniversary_tiers),
                                      None)
        found += derived
        for f in derived:
            totals[f[0]] = totals.get(f[0], 0) + 1
    found.sort()
    kept: list[_Found] = []
    per_day: dict[dt.date, int] = {}
    for f in found:
        n = per_day.get(f[0], 0)
        limit = cap.limit_of(f[0])
        if limit is None or n < limit:
            per_day[f[0]] = n + 1
            kept.append(f)
    for day in sorted(totals):
        cap.add_total(day, totals[day])
    return kept


def _spans_clause(spans: list[tuple[int, int, int]] | None):  # type: ignore[no-untyped-def]
    if spans is None:
        return None
    if not spans:
        return false()
    return or_(*(and_(KeyDate.month == m, KeyDate.day >= first, KeyDate.day <= last)
                 for m, first, last in spans))


def _stored_candidates(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                       window: RuleWindow, details: dict[int, _StoredDetails] | None
                       ) -> list[_Found]:
    """Stored key dates falling in the window; with ``details``, their names too."""
    solar = KeyDate.calendar == "solar"
    clause = _spans_clause(solar_spans(start, end))
    if clause is not None:
        solar = and_(solar, clause)
    lunar = KeyDate.calendar == "lunar"
    clause = _spans_clause(lunar_spans(start, end))
    if clause is not None:
        lunar = and_(lunar, clause)
    columns = [KeyDate.id, KeyDate.customer_id, KeyDate.calendar, KeyDate.month, KeyDate.day,
               KeyDate.leap_month, KeyDate.year, KeyDate.recurrence]
    q = (
        select(*columns, *(_DETAIL_COLUMNS if details is not None else ()))
        .join(Customer, Customer.id == KeyDate.customer_id)
        .outerjoin(Person, Person.id == KeyDate.person_id)
        .where(Customer.status != "archived", or_(Person.id.is_(None), Person.archived.is_(False)),
               or_(solar, lunar))
    )
    if details is not None:
        q = q.outerjoin(CustomerMetrics, CustomerMetrics.customer_id == KeyDate.customer_id)
    if customer_id is not None:
        q = q.where(KeyDate.customer_id == customer_id)
    rows: list[Any] = list(conn.execute(q))
    rules: list[RuleKey] = [(r[2], int(r[3]), int(r[4]), bool(r[5]), r[6], r[7]) for r in rows]
    window.prepare(rules)
    out: list[_Found] = []
    for r, rule in zip(rows, rules, strict=True):
        falls = window.occurrences(rule)
        for year, day in falls:
            out.append((day, r[1], "keydate", r[0], year, occurrence_years(rule, year)))
        if falls and details is not None:
            details[r[0]] = _StoredDetails(*r[len(columns):])
    return out


def _derived_candidates(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                        tiers: tuple[str, ...], details: dict[int, _CustomerDetails] | None
                        ) -> list[_Found]:
    """Cooperation anniversaries and founding days of customers in ``tiers``, in one
    pass over those customers; with ``details``, their names too."""
    spans = solar_spans(start, end)
    kinds = (("anniversary", Customer.cooperation_start, "coop"),
             ("founding", Customer.founded_on, "founded"))

    def falls(col):  # type: ignore[no-untyped-def]
        if spans is None:
            return col.is_not(None)
        # Dates are stored as 'YYYY-MM-DD' text: compare 'MM-DD' (no date parsing).
        month_day = func.substr(iso_text(col), 6, 5)
        return or_(false(), *(month_day.between(f"{m:02d}-{first:02d}", f"{m:02d}-{last:02d}")
                              for m, first, last in spans))

    # Whether the customer has a key date of the kind typed in: probed only for the
    # rows that survived the day filter.
    typed_in = [exists().where(KeyDate.customer_id == Customer.id, KeyDate.kind == kind)
                for kind, _col, _source in kinds]
    names = (Customer.name, Customer.short_name, Customer.code, CustomerMetrics.value_tier)
    q = (
        select(Customer.id, *(col for _kind, col, _source in kinds), *typed_in,
               *(names if details is not None else ()))
        .join(CustomerMetrics, CustomerMetrics.customer_id == Customer.id)
        .where(CustomerMetrics.value_tier.in_(tiers), Customer.status != "archived",
               or_(*(falls(col) for _kind, col, _source in kinds)))
    )
    if customer_id is not None:
        q = q.where(Customer.id == customer_id)
    out: list[_Found] = []
    for r in conn.execute(q):
        cid = r[0]
        for i, (_kind, _col, source) in enumerate(kinds):
            origin = as_date(r[1 + i])
            if origin is None or r[3 + i]:
                continue
            found = yearly_occurrences(origin, start, end)
            for year, day, years in found:
                out.append((day, cid, source, cid, year, years))
            if found and details is not None:
                details[cid] = _CustomerDetails._make(r[5:9])
    return out


def _stored_details(conn: Connection, ids: list[int]) -> dict[int, _StoredDetails]:
    out: dict[int, _StoredDetails] = {}
    for chunk in in_chunks(sorted(set(ids))):
        q = (
            select(KeyDate.id, *_DETAIL_COLUMNS)
            .join(Customer, Customer.id == KeyDate.customer_id)
            .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == KeyDate.customer_id)
            .outerjoin(Person, Person.id == KeyDate.person_id)
            .where(KeyDate.id.in_(chunk))
        )
        rows: list[Any] = list(conn.execute(q))
        for r in rows:
            out[r[0]] = _StoredDetails(*r[1:])
    return out


def _customer_details(conn: Connection, ids: list[int]) -> dict[int, _CustomerDetails]:
    out: dict[int, _CustomerDetails] = {}
    for chunk in in_chunks(sorted(set(ids))):
        q = (select(Customer.id, Customer.name, Customer.short_name, Customer.code,
                    CustomerMetrics.value_tier)
             .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Customer.id)
             .where(Customer.id.in_(chunk)))
        for r in conn.execute(q):
            out[r[0]] = _CustomerDetails(*r[1:])
    return out


# -- the rules themselves, for exports that repeat them instead of listing days --------


@dataclass(frozen=True, slots=True)
class KeyDateRuleRow:
    """One key date as its rule, with the current names it is worded from.

    ``source`` is 'keydate' (typed in; ``row_id`` is the key date's id) or 'coop' /
    'founded' (derived from the customer record; ``row_id`` is the customer's id).
    ``updated`` is the last change of every record the exported text is made of: the
    key date, its person and its customer — so renaming a person restamps that
    person's dates and nothing else.
    """

    source: str
    row_id: int
    kind: str
    calendar: str
    month: int
    day: int
    leap_month: bool
    year: int | None
    recurrence: str
    stored_title: str | None
    customer_id: int
    customer_name: str
    customer_short: str | None
    customer_code: str
    person_name: str | None
    updated: dt.datetime | None

    @property
    def rule(self) -> RuleKey:
        return (self.calendar, self.month, self.day, self.leap_month, self.year,
                self.recurrence)

    @property
    def company(self) -> str:
        return self.customer_short or self.customer_name


def key_date_rules(conn: Connection, customer_id: int | None = None,
                   anniversary_tiers: Iterable[str] | None = DEFAULT_ANNIVERSARY_TIERS
                   ) -> list[KeyDateRuleRow]:
    """Every key date that can fall somewhere — typed in, and derived for customers in
    ``anniversary_tiers`` under the rules of :func:`key_date_occurrences` — as rules,
    ordered by source and id (so an export lists them in a stable order)."""
    q = (
        select(KeyDate.id, KeyDate.kind, KeyDate.calendar, KeyDate.month, KeyDate.day,
               KeyDate.leap_month, KeyDate.year, KeyDate.recurrence, KeyDate.title,
               KeyDate.customer_id, Customer.name, Customer.short_name, Customer.code,
               Person.name, KeyDate.updated_at, Person.updated_at, Customer.updated_at)
        .join(Customer, Customer.id == KeyDate.customer_id)
        .outerjoin(Person, Person.id == KeyDate.person_id)
        .where(Customer.status != "archived",
               or_(Person.id.is_(None), Person.archived.is_(False)))
        .order_by(KeyDate.id)
    )
    if customer_id is not None:
        q = q.where(KeyDate.customer_id == customer_id)
    out = [KeyDateRuleRow("keydate", r[0], r[1], r[2], int(r[3]), int(r[4]), bool(r[5]), r[6],
                          r[7], r[8], r[9], r[10], r[11], r[12], r[13],
                          latest_datetime(r[14], r[15], r[16]))
           for r in conn.execute(q)]
    tiers = tuple(anniversary_tiers or ())
    if not tiers:
        return out
    kinds = (("anniversary", Customer.cooperation_start, "coop"),
             ("founding", Customer.founded_on, "founded"))
    typed_in = [exists().where(KeyDate.customer_id == Customer.id, KeyDate.kind == kind)
                for kind, _col, _source in kinds]
    dq = (
        select(Customer.id, Customer.name, Customer.short_name, Customer.code,
               Customer.updated_at, *(col for _k, col, _s in kinds), *typed_in)
        .join(CustomerMetrics, CustomerMetrics.customer_id == Customer.id)
        .where(CustomerMetrics.value_tier.in_(tiers), Customer.status != "archived")
        .order_by(Customer.id)
    )
    if customer_id is not None:
        dq = dq.where(Customer.id == customer_id)
    derived: list[KeyDateRuleRow] = []
    for r in conn.execute(dq):
        for i, (kind, _col, source) in enumerate(kinds):
            origin = as_date(r[5 + i])
            if origin is None or r[7 + i]:
                continue
            derived.append(KeyDateRuleRow(
                source, r[0], kind, "solar", origin.month, origin.day, False,
                origin.year + 1, "yearly", None, r[0], r[1], r[2], r[3], None,
                latest_datetime(r[4])))
    derived.sort(key=lambda row: (row.source, row.row_id))
    return out + derived
