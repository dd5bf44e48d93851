"""The monthly review's KPIs (数据复盘, §6 of the method) as pure arithmetic.

Counts come from :mod:`kamdesk.store.queries.kpis`; the rules for turning them into
rates live here so they can be tested without a database and read in one place. A
rate whose denominator is zero is ``None`` ("no data"), never 0 %: a month without a
single complaint has no response timeliness to speak of, and showing 0 % would read
as a failure.

The KPIs that need the orders book (customer lifetime value, average order value and
its growth) work on money in integer fen: an average is rounded to the nearest fen
(halves away from zero), never carried as a float. Their definitions, and every other
KPI's, are written out for the user in ``docs/kpis.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "ACTIVITIES", "TIERS", "KpiInputs", "KpiReport", "compute_kpis", "fen_mean", "growth",
    "mean", "nps", "rate",
]

TIERS: Final = ("A", "B", "C")
ACTIVITIES: Final = ("active", "silent", "churned")


def rate(part: int, whole: int) -> float | None:
    """``part / whole`` as a percentage, one decimal; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return round(100.0 * part / whole, 1)


def mean(total: float, count: int) -> float | None:
    if count <= 0:
        return None
    return round(total / count, 2)


def fen_mean(total_cents: int, count: int) -> int | None:
    """``total / count`` in whole fen, halves rounded away from zero; None when ``count`` is 0.

    Integer arithmetic: ``fen_mean(1, 2) == 1``, ``fen_mean(-1, 2) == -1``, no float drift
    on a book of billions of fen.
    """
    if count <= 0:
        return None
    quotient, remainder = divmod(abs(total_cents), count)
    if 2 * remainder >= count:
        quotient += 1
    return -quotient if total_cents < 0 else quotient


def growth(current: int | float | None, previous: int | float | None) -> float | None:
    """Growth of ``current`` over ``previous`` as a percentage, one decimal.

    None when either is missing or ``previous`` is not positive: growth from nothing (or
    from a net credit) has no meaningful rate.
    """
    if current is None or previous is None or previous <= 0:
        return None
    return round(100.0 * (current - previous) / previous, 1)


def nps(promoters: int, passives: int, detractors: int) -> float | None:
    """Net promoter score: % promoters (9–10) minus % detractors (0–6), −100..100."""
    answers = promoters + passives + detractors
    if answers <= 0:
        return None
    return round(100.0 * (promoters - detractors) / answers, 1)


def nps_from_scores(scores: Iterable[int]) -> float | None:
    p = q = d = 0
    for s in scores:
        if s >= 9:
            p += 1
        elif s >= 7:
            q += 1
        else:
            d += 1
    return nps(p, q, d)


@dataclass(frozen=True)
class KpiInputs:
    """Raw counts for one review window (normally the 12 months up to today)."""

    tier_activity: Mapping[tuple[str, str], int] = field(default_factory=dict)
    customers_with_orders: int = 0  # in the window
    customers_with_repeat_orders: int = 0  # ≥ 2 orders in the window
    new_customers_month: int = 0  # cooperation started this calendar month
    csat_sum: float = 0.0
    csat_count: int = 0
    nps_promoters: int = 0
    nps_passives: int = 0
    nps_detractors: int = 0
    complaints_on_time: int = 0  # answered by the deadline
    complaints_late: int = 0  # answered after it, or still unanswered past it
    complaints_received: int = 0
    complaints_resolved: int = 0
    event_invited: int = 0
    event_attended: int = 0
    # -- the orders book (amounts in fen) --------------------------------------------
    lifetime_customers: int = 0  # customers with at least one order up to the day
    lifetime_revenue_cents: int = 0  # their net revenue (orders − returns) up to the day
    orders_window: int = 0  # orders in the review window (12 months)
    order_revenue_window_cents: int = 0  # their amounts (returns not included)
    orders_prev_window: int = 0  # orders in the 12 months before the window
    order_revenue_prev_window_cents: int = 0


@dataclass(frozen=True)
class KpiReport:
    customers: int
    by_tier: Mapping[str, int]
    by_activity: Mapping[str, int]
    tier_activity: Mapping[tuple[str, str], int]
    churned: int
    churn_rate: float | None
    repurchase_rate: float | None
    new_customers_month: int
    csat_avg: float | None
    csat_answers: int
    nps: float | None
    nps_answers: int
    response_timeliness: float | None
    complaints_due: int
    resolution_rate: float | None
    complaints_received: int
    participation_rate: float | None
    invitations: int
    # -- KPIs that need orders (fen); defaults keep older callers building reports ------
    ltv_cents: int | None = None  # customer lifetime value, mean per customer with orders
    ltv_customers: int = 0
    aov_cents: int | None = None  # average order value (客单价), this window
    aov_orders: int = 0
    aov_prev_cents: int | None = None  # the same for the previous window
    aov_prev_orders: int = 0
    aov_growth: float | None = None  # 客单价增长率, % against the previous window


def compute_kpis(i: KpiInputs) -> KpiReport:
    """Every KPI of the review panel from one set of counts.

    Churn rate is churned customers over all customers in the book (流失率), repurchase
    rate customers with two or more orders over customers with any order (复购率),
    timeliness the share of complaints whose deadline has come that were answered in
    time (沟通响应及时率), resolution the share of complaints received that are
    resolved or closed (问题解决率), participation attended over invited (活动参与率).

    Customer lifetime value (LTV) is the net revenue of the customers with orders,
    from each one's first order up to the day, over their number; average order value
    (客单价) is the amount of the window's orders over their count, and its growth
    (客单价增长率) compares it with the same figure for the window before.
    """
    by_tier = {t: 0 for t in TIERS}
    by_activity = {a: 0 for a in ACTIVITIES}
    for (tier, activity), n in i.tier_activity.items():
        by_tier[tier] = by_tier.get(tier, 0) + n
        by_activity[activity] = by_activity.get(activity, 0) + n
    total = sum(i.tier_activity.values())
    churned = by_activity.get("churned", 0)
    answers = i.nps_promoters + i.nps_passives + i.nps_detractors
    due = i.complaints_on_time + i.complaints_late
    aov = fen_mean(i.order_revenue_window_cents, i.orders_window)
    aov_prev = fen_mean(i.order_revenue_prev_window_cents, i.orders_prev_window)
    return KpiReport(
        customers=total,
        by_tier=by_tier,
        by_activity=by_activity,
        tier_activity=dict(i.tier_activity),
        churned=churned,
        churn_rate=rate(churned, total),
        repurchase_rate=rate(i.customers_with_repeat_orders, i.customers_with_orders),
        new_customers_month=i.new_customers_month,
        csat_avg=mean(i.csat_sum, i.csat_count),
        csat_answers=i.csat_count,
        nps=nps(i.nps_promoters, i.nps_passives, i.nps_detractors),
        nps_answers=answers,
        response_timeliness=rate(i.complaints_on_time, due),
        complaints_due=due,
        resolution_rate=rate(i.complaints_resolved, i.complaints_received),
        complaints_received=i.complaints_received,
        participation_rate=rate(i.event_attended, i.event_invited),
        invitations=i.event_invited,
        ltv_cents=fen_mean(i.lifetime_revenue_cents, i.lifetime_customers),
        ltv_customers=i.lifetime_customers,
        aov_cents=aov,
        aov_orders=i.orders_window,
        aov_prev_cents=aov_prev,
        aov_prev_orders=i.orders_prev_window,
        aov_growth=growth(aov, aov_prev),
    )
