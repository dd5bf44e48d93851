"""The KPIs of a review period (month, quarter, year) and their trend, read from the book.

:func:`period_counts` gathers the raw counts for any run of consecutive periods with one
grouped query per source table (customers, orders, contacts, follow-ups, surveys,
complaints, events), whatever the number of periods — so a twelve-period trend costs
the same handful of queries as one review. The rules are in
:mod:`kamdesk.domain.review_kpis`; the definitions in ``docs/kpis.md``; the customers
behind a figure in :mod:`kamdesk.store.queries.kpi_drill_down`. Archived customers
count nowhere. Every figure is as lived up to ``as_of``: a period still under way is
counted up to that day, one not yet begun has no data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection

from kamdesk.domain.activity import activity_cutoffs, classify
from kamdesk.domain.review_kpis import (
    KPI_CODES,
    PeriodCounts,
    Review,
    check_target,
    review_figures,
)
from kamdesk.domain.review_periods import Period
from kamdesk.store.dialect import shifted_date_sql, sum_true_sql
from kamdesk.store.queries.metric_facts import raw_fetcher
from kamdesk.store.queries.settings import get_json, tiering_settings

__all__ = ["KPI_TARGETS_KEY", "BookFacts", "CustomerFlags", "CustomerPeriods", "Trend",
           "book_facts", "cadence_required", "customer_flags", "kpi_targets", "period_counts",
           "period_key_sql", "review", "review_and_trend", "trend"]

#: app_settings key holding ``{kpi code: target}`` (fen for money)
KPI_TARGETS_KEY = "kpi_targets"
#: the group of rows dated before the first period asked for
BEFORE = "<"
_ARCHIVED = "SELECT id FROM customers WHERE status = 'archived'"


def kpi_targets(conn: Connection) -> dict[str, float]:
    """The user's target per KPI code (only the KPIs that have a valid one)."""
    stored = get_json(conn, KPI_TARGETS_KEY, {})
    out: dict[str, float] = {}
    if isinstance(stored, dict):
        for code, value in stored.items():
            try:
                checked = check_target(str(code), value)
            except ValueError:
                continue
            if checked is not None:
                out[str(code)] = checked
    return out


IS_ORDER = "coalesce(kind, 'order') = 'order'"
NEXT_DAY = "'+1 day'"


def period_key_sql(kind: str, column: str) -> str:
    """SQL for the code of the ``kind`` period a date/timestamp text column falls in
    (``2026-11``, ``2026-Q4``, ``2026``) — matches :attr:`Period.code`."""
    column = f"CAST({column} AS TEXT)"  # the stored text on SQLite; PostgreSQL's ISO form
    if kind == "month":
        return f"substr({column}, 1, 7)"
    if kind == "quarter":
        return (f"substr({column}, 1, 4) || '-Q' || "
                f"((CAST(substr({column}, 6, 2) AS INTEGER) + 2) / 3)")
    return f"substr({column}, 1, 4)"


def _bounds(periods: Sequence[Period], as_of: date) -> dict[str, Any]:
    """Parameters: ``lo`` the first day, ``hi`` the day after the last day lived."""
    last = min(periods[-1].end, as_of)
    return {"lo": periods[0].start.isoformat(), "hi": (last + timedelta(days=1)).isoformat()}


def _keyed(periods: Sequence[Period], column: str) -> str:
    return (f"CASE WHEN {column} < :lo THEN '{BEFORE}' "
            f"ELSE {period_key_sql(periods[0].kind, column)} END")


@dataclass
class CustomerPeriods:
    """One customer's history by period code (and :data:`BEFORE` for earlier rows)."""

    start: date | None  # cooperation start as stored (the activity rule's evidence)
    created: date | None  # the day the record was made (an import may postdate history)
    tier: str
    first_touch: date | None = None  # first trade or contact, whichever came first
    orders: dict[str, int] = field(default_factory=dict)
    order_cents: dict[str, int] = field(default_factory=dict)
    net_cents: dict[str, int] = field(default_factory=dict)  # orders − returns
    first_order: date | None = None
    last_trade: dict[str, date] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    last_contact: dict[str, date] = field(default_factory=dict)

    @property
    def since(self) -> date | None:
        """In the book from: the earliest of cooperation start, first trade or contact,
        and the record's creation."""
        days = [d for d in (self.start, self.first_touch, self.created) if d is not None]
        return min(days) if days else None

    @property
    def won_on(self) -> date | None:
        """Won as a customer (新客户): cooperation start, else first order, else created."""
        return self.start or self.first_order or self.created

    def touched(self, day: date | None) -> None:
        if day is not None and (self.first_touch is None or day < self.first_touch):
            self.first_touch = day


@dataclass(frozen=True)
class BookFacts:
    """Per-customer history over a run of periods, read in three grouped queries."""

    periods: tuple[Period, ...]
    as_of: date
    customers: dict[int, CustomerPeriods]
    a_cadence_days: int
    csat_contacts: dict[str, tuple[float, int]]  # period code -> (sum, answers)
    orders_by_key: dict[str, tuple[int, int]]  # period code -> (orders, their fen)


@cache
def _day_of(text: str) -> date:
    return date.fromisoformat(text)


def _day(value: Any) -> date | None:
    """A stored day or timestamp as a date (parsed once per distinct day)."""
    return None if value is None else _day_of(str(value)[:10])


def book_facts(conn: Connection, periods: Sequence[Period], as_of: date) -> BookFacts:
    """Customers, orders and contacts by customer and period (three queries)."""
    fetch = raw_fetcher(conn)
    p = _bounds(periods, as_of)
    customers: dict[int, CustomerPeriods] = {}
    orders_by_key: dict[str, tuple[int, int]] = {}
    for cid, start, created, tier in fetch(
            "SELECT c.id, c.cooperation_start, date(c.created_at), "
            "coalesce(m.value_tier, 'C') FROM customers c "
            "LEFT JOIN customer_metrics m ON m.customer_id = c.id "
            "WHERE c.status != 'archived'", p):
        customers[int(cid)] = CustomerPeriods(_day(start), _day(created), str(tier))
    for cid, key, n, order_cents, net, first, last, first_trade in fetch(
            f"SELECT customer_id, {_keyed(periods, 'occurred_on')} AS k, "
            f"{sum_true_sql(conn, IS_ORDER)}, "
            "SUM(CASE WHEN coalesce(kind, 'order') = 'order' THEN amount_cents ELSE 0 END), "
            "SUM(amount_cents), "
            "MIN(CASE WHEN coalesce(kind, 'order') = 'order' THEN occurred_on END), "
            "MAX(occurred_on), MIN(occurred_on) FROM trades WHERE occurred_on < :hi "
            f"AND customer_id NOT IN ({_ARCHIVED}) GROUP BY customer_id, k", p):
        c = customers.get(int(cid))
        if c is None:
            continue
        c.orders[key], c.order_cents[key], c.net_cents[key] = int(n), int(order_cents), int(net)
        so_far = orders_by_key.get(key, (0, 0))
        orders_by_key[key] = (so_far[0] + int(n), so_far[1] + int(order_cents))
        first_day = _day(first)
        if first_day is not None and (c.first_order is None or first_day < c.first_order):
            c.first_order = first_day
        last_day = _day(last)
        if last_day is not None:
            c.last_trade[key] = last_day
        c.touched(_day(first_trade))
    csat: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for cid, key, n, last, sat_sum, sat_n, first in fetch(
            f"SELECT customer_id, {_keyed(periods, 'occurred_at')} AS k, COUNT(*), "
            "MAX(occurred_at), SUM(satisfaction), COUNT(satisfaction), MIN(occurred_at) "
            "FROM interactions "
            f"WHERE occurred_at < :hi AND customer_id NOT IN ({_ARCHIVED}) "
            "GROUP BY customer_id, k", p):
        c = customers.get(int(cid))
        if c is None:
            continue
        c.contacts[key] = int(n)
        c.touched(_day(first))
        last_day = _day(last)
        if last_day is not None:
            c.last_contact[key] = last_day
        if key != BEFORE and sat_n:
            csat[key][0] += float(sat_sum)
            csat[key][1] += int(sat_n)
    return BookFacts(tuple(periods), as_of, customers,
                     tiering_settings(conn).cadence_days("A"),
                     {k: (float(v[0]), int(v[1])) for k, v in csat.items()}, orders_by_key)


def cadence_required(period: Period, lived_end: date, cadence_days: int) -> int:
    """Contacts an A-tier customer owes in the part of ``period`` lived by ``lived_end``:
    one per full cadence, at least one."""
    lived = (lived_end - period.start).days + 1
    return max(1, lived // max(1, cadence_days))


class CustomerFlags(NamedTuple):
    """Where one customer stands in one period (for the counts and the drill-down)."""

    buyer: bool
    repeat_buyer: bool
    in_churn_base: bool
    churned: bool
    new: bool
    has_ltv: bool
    ltv_net_cents: int
    a_tier: bool
    a_on_cadence: bool
    contacts: int


def customer_flags(conn: Connection, facts: BookFacts) -> dict[Period, dict[int, CustomerFlags]]:
    """Every customer's standing in every period of ``facts`` (periods not begun by
    ``as_of`` are left out) — the drill-down's rows."""
    return _walk(conn, facts, keep_rows=True)[1]


#: the order of a period's tallies in :func:`_walk`
_TALLIES = ("buyers", "repeat_buyers", "churn_base", "churned", "new_customers",
            "ltv_customers", "ltv_revenue_cents", "a_customers", "a_on_cadence")


def _walk(conn: Connection, facts: BookFacts, keep_rows: bool
          ) -> tuple[dict[Period, list[int]], dict[Period, dict[int, CustomerFlags]]]:
    """One pass per customer over the periods, carrying its running totals: the tallies
    per period (in :data:`_TALLIES` order) and, when asked, each customer's flags."""
    settings = tiering_settings(conn)
    lived = [(p, p.clipped_end(facts.as_of)) for p in facts.periods]
    steps: list[Any] = [(p, p.code, end, p.start - timedelta(days=1),
                         activity_cutoffs(p.start - timedelta(days=1), settings),
                         activity_cutoffs(end, settings),
                         cadence_required(p, end, facts.a_cadence_days), [0] * len(_TALLIES),
                         {})
                        for p, end in lived if end is not None]
    for cid, c in facts.customers.items():
        orders_upto = c.orders.get(BEFORE, 0)
        net_upto = c.net_cents.get(BEFORE, 0)
        last_trade = c.last_trade.get(BEFORE)
        last_contact = c.last_contact.get(BEFORE)
        since, start, a_tier, won_on = c.since, c.start, c.tier == "A", c.won_on
        first_order = c.first_order
        for period, key, end, day_before, at_start, at_end, required, t, rows in steps:
            base = (since is not None and since <= day_before
                    and classify(last_contact, last_trade, start, at_start) != "churned")
            n = c.orders.get(key, 0)
            orders_upto += n
            net_upto += c.net_cents.get(key, 0)
            trade = c.last_trade.get(key)
            if trade is not None:
                last_trade = trade
            contact = c.last_contact.get(key)
            if contact is not None:
                last_contact = contact
            if since is not None and since > end:
                continue  # not a customer yet
            churned = base and classify(last_contact, last_trade, start, at_end) == "churned"
            has_ltv = first_order is not None and first_order <= end
            new = won_on is not None and period.start <= won_on <= end
            contacts = c.contacts.get(key, 0)
            on_cadence = a_tier and contacts >= required
            if n:
                t[0] += 1
                t[1] += orders_upto >= 2
            if base:
                t[2] += 1
                t[3] += churned
            t[4] += new
            if has_ltv:
                t[5] += 1
                t[6] += net_upto
            if a_tier:
                t[7] += 1
                t[8] += on_cadence
            if keep_rows:
                rows[cid] = CustomerFlags(n > 0, n > 0 and orders_upto >= 2, base, churned,
                                          new, has_ltv, net_upto if has_ltv else 0, a_tier,
                                          on_cadence, contacts)
    return {s[0]: s[7] for s in steps}, {s[0]: s[8] for s in steps}


def _by_key(rows: Iterable[Any]) -> dict[str, tuple[Any, ...]]:
    return {str(r[0]): tuple(r[1:]) for r in rows}


def period_counts(conn: Connection, periods: Sequence[Period],
                  as_of: date) -> dict[Period, PeriodCounts]:
    """Counts for each of ``periods`` (consecutive, one kind, oldest first); a period
    not begun by ``as_of`` gets empty counts."""
    periods = tuple(periods)
    facts = book_facts(conn, periods, as_of)
    standing = _walk(conn, facts, keep_rows=False)[0]
    fetch = raw_fetcher(conn)
    p = _bounds(periods, as_of)
    key = period_key_sql(periods[0].kind, "{col}")
    def n_true(condition: str) -> str:
        return sum_true_sql(conn, condition)

    surveys = _by_key(fetch(
        f"SELECT {key.format(col='responded_on')}, coalesce(SUM(csat), 0), COUNT(csat), "
        f"{n_true('nps >= 9')}, {n_true('nps BETWEEN 7 AND 8')}, {n_true('nps <= 6')} "
        "FROM survey_responses "
        "WHERE responded_on >= :lo AND responded_on < :hi "
        f"AND customer_id NOT IN ({_ARCHIVED}) GROUP BY 1", p))
    followups = _by_key(fetch(
        f"SELECT {key.format(col='i.deadline')}, COUNT(*), " + n_true(
            "EXISTS (SELECT 1 FROM interactions j WHERE j.customer_id = i.customer_id "
            " AND j.occurred_at > i.occurred_at AND j.occurred_at < "
            f"{shifted_date_sql(conn, 'i.deadline', NEXT_DAY)})") + " "
        "FROM interactions i WHERE i.deadline >= :lo AND i.deadline < :hi "
        f"AND i.customer_id NOT IN ({_ARCHIVED}) GROUP BY 1", p))
    complaints = _by_key(fetch(
        f"SELECT {key.format(col='received_at')}, " + n_true(
            "response_deadline IS NOT NULL AND responded_at IS NOT NULL "
            " AND responded_at < :hi AND responded_at <= response_deadline") + ", " + n_true(
            "response_deadline IS NOT NULL AND ("
            " (responded_at IS NOT NULL AND responded_at < :hi"
            "  AND responded_at > response_deadline)"
            " OR ((responded_at IS NULL OR responded_at >= :hi) AND response_deadline < :hi))"
        ) + ", COUNT(*), " + n_true(
            "status IN ('resolved', 'closed') AND (resolved_at IS NULL OR resolved_at < :hi)") + " "
        "FROM complaints WHERE received_at >= :lo AND received_at < :hi "
        f"AND customer_id NOT IN ({_ARCHIVED}) GROUP BY 1", p))
    events = _by_key(fetch(
        f"SELECT {key.format(col='e.held_on')}, {n_true('a.invited')}, "
        f"{n_true('a.invited AND a.attended')} "
        "FROM event_attendance a JOIN events e ON e.id = a.event_id "
        "WHERE e.held_on >= :lo AND e.held_on < :hi "
        f"AND a.customer_id NOT IN ({_ARCHIVED}) GROUP BY 1", p))
    out: dict[Period, PeriodCounts] = {}
    for period in periods:
        code = period.code
        tally = standing.get(period)
        if tally is None:
            out[period] = PeriodCounts()
            continue
        s = surveys.get(code, (0, 0, 0, 0, 0))
        f = followups.get(code, (0, 0))
        c = complaints.get(code, (0, 0, 0, 0))
        e = events.get(code, (0, 0))
        csat_sum, csat_n = facts.csat_contacts.get(code, (0.0, 0))
        n_orders, order_cents = facts.orders_by_key.get(code, (0, 0))
        out[period] = PeriodCounts(
            csat_sum=float(s[0] or 0) + csat_sum, csat_answers=int(s[1] or 0) + csat_n,
            nps_promoters=int(s[2] or 0), nps_passives=int(s[3] or 0),
            nps_detractors=int(s[4] or 0),
            buyers=tally[0], repeat_buyers=tally[1], churn_base=tally[2], churned=tally[3],
            new_customers=tally[4], ltv_customers=tally[5], ltv_revenue_cents=tally[6],
            orders=n_orders, order_revenue_cents=order_cents,
            followups_due=int(f[0] or 0), followups_on_time=int(f[1] or 0),
            complaints_on_time=int(c[0] or 0), complaints_late=int(c[1] or 0),
            complaints_received=int(c[2] or 0), complaints_resolved=int(c[3] or 0),
            invitations=int(e[0] or 0), attended=int(e[1] or 0),
            a_customers=tally[7], a_on_cadence=tally[8],
        )
    return out


Trend = dict[str, list[tuple[Period, int | float | None]]]


def _wanted(codes: str | Iterable[str]) -> list[str]:
    wanted = list(KPI_CODES) if codes == "all" else [codes] if isinstance(codes, str) \
        else list(codes)
    unknown = [c for c in wanted if c not in KPI_CODES]
    if unknown:
        raise KeyError(unknown[0])
    return wanted


def _trend_of(counts: dict[Period, PeriodCounts], periods: Sequence[Period],
              wanted: list[str]) -> Trend:
    out: Trend = {c: [] for c in wanted}
    for before, now in zip(periods, periods[1:], strict=False):
        figures = {f.code: f.value for f in review_figures(counts[now], counts[before])}
        for c in wanted:
            out[c].append((now, figures[c]))
    return out


def review(conn: Connection, period: Period, as_of: date) -> Review:
    """The period's review: every KPI with its target, the previous period's value and
    the change (three periods are read, for the growth KPI's previous value)."""
    periods = period.last_n(3)
    counts = period_counts(conn, periods, as_of)
    figures = review_figures(counts[periods[2]], counts[periods[1]], counts[periods[0]],
                             kpi_targets(conn))
    return Review(period, period.previous(), as_of, figures)


def trend(conn: Connection, codes: str | Iterable[str], period: Period, as_of: date,
          n: int = 12) -> Trend:
    """The last ``n`` periods ending with ``period`` for each KPI in ``codes`` (``"all"``
    for every KPI; KeyError for an unknown code), oldest first:
    ``{code: [(period, value), ...]}``. One read of ``n + 1`` periods (the extra one
    feeds the first growth figure)."""
    wanted = _wanted(codes)
    periods = period.last_n(n + 1)
    return _trend_of(period_counts(conn, periods, as_of), periods, wanted)


def review_and_trend(conn: Connection, period: Period, as_of: date,
                     n: int = 12) -> tuple[Review, Trend]:
    """:func:`review` and ``trend(conn, "all", period, as_of, n)`` from one read — what
    the Reports screen and the review PDF need (n ≥ 2)."""
    periods = period.last_n(max(n, 2) + 1)
    counts = period_counts(conn, periods, as_of)
    figures = review_figures(counts[periods[-1]], counts[periods[-2]], counts[periods[-3]],
                             kpi_targets(conn))
    return (Review(period, period.previous(), as_of, figures),
            _trend_of(counts, periods[-(n + 1):], list(KPI_CODES)))
