"""The one call the store makes to turn per-customer facts into derived metrics.

Value tiers and RFM scores are relative to the whole customer base, so they are
computed here in bulk (sorts, O(n log n)) and everything per-customer is a single
linear pass: 100,000 customers take about 0.6 s on a 2-core machine, 0.75 s when nearly
every customer has several health problems (benchmarks/bench_scoring.py; budget 0.8 s).
The function is pure: the same facts, settings and day always give the same metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, cast

from kamdesk.domain.activity import ACTIVITIES, Activity, activity_cutoffs, classify
from kamdesk.domain.cadence import ActionKind, CadenceRule, cadence_rule, due_parts
from kamdesk.domain.health import HealthReason, score_parts
from kamdesk.domain.rfm import quintile_scores, segments_for
from kamdesk.domain.tiering_settings import TieringSettings
from kamdesk.domain.value_tier import VALUE_TIERS, ValueTier, value_tiers
from kamdesk.gc_pause import gc_paused

__all__ = ["CustomerFacts", "CustomerMetrics", "MetricParts", "compute_metrics",
           "metric_parts", "new_facts", "tiering_revenue"]


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    """What the store knows about one customer on the evaluation day.

    Money is in minor units (fen). ``revenue_window`` / ``order_count_window`` cover the
    trailing ``settings.window_months`` (see calendar_math.trailing_windows for the exact
    days), ``revenue_prev_window`` the window before it. ``credit_exposure`` is what the
    customer owes: orders and returns less payments, up to the day (0 without a credit
    limit, where the health rule ignores it). ``potential`` is carried for the
    UI and plans; no metric depends on it. The two quarterly-duty dates are optional:
    left as None, the next routine contact of an A/B customer is marked as the executive
    visit / satisfaction check.
    """

    customer_id: int
    revenue_window: int
    revenue_prev_window: int
    order_count_window: int
    last_trade: date | None
    last_interaction: date | None
    cooperation_start: date | None
    potential: str
    people_contacted_180d: int
    days_since_decision_maker_contact: int | None
    overdue_complaints: int
    last_csat: float | None
    last_nps: int | None
    credit_limit: int | None
    credit_exposure: int
    last_executive_visit: date | None = None
    last_satisfaction_check: date | None = None
    #: 表1's declared annual contribution (fen): ranks the customer for its value tier
    #: when it has no orders in the window (never counted as revenue otherwise)
    declared_contribution: int | None = None
    #: the user's stated classification, only when it is in effect for this customer
    #: (see :func:`kamdesk.domain.value_tier.stated_in_effect`); None = computed
    stated_tier: str | None = None
    stated_activity: str | None = None
    #: the customer's first record in this book (its ``created_at`` day): the cadence
    #: clock never starts before it (see :func:`kamdesk.domain.cadence.due_parts`)
    first_record: date | None = None


@dataclass(frozen=True, slots=True)
class CustomerMetrics:
    """Derived figures for one customer; r/f/m are 0 and segment None if it never traded."""

    customer_id: int
    value_tier: ValueTier
    activity: Activity
    r: int
    f: int
    m: int
    segment: str | None
    health: int
    health_reasons: tuple[HealthReason, ...]
    next_due: date
    overdue_days: int
    due_action: ActionKind


def compute_metrics(
    facts: Sequence[CustomerFacts], settings: TieringSettings, today: date
) -> list[CustomerMetrics]:
    """Metrics for every customer in ``facts``, in the same order.

    ``facts`` is the whole base the tiers and RFM quintiles are relative to: pass every
    customer that should be ranked, not a page of them. Customer ids must be unique.
    """
    with gc_paused():
        metrics: list[CustomerMetrics] = []
        append = metrics.append
        for fact, parts in zip(facts, _compute(facts, settings, today), strict=True):
            # Same object the dataclass __init__ would build (see the setters below).
            row = _new(CustomerMetrics)
            _set_customer_id(row, fact.customer_id)
            (tier, activity, r, f, m, segment, score, reasons, next_due, overdue_days,
             action) = parts
            _set_value_tier(row, tier)
            _set_activity(row, activity)
            _set_r(row, r)
            _set_f(row, f)
            _set_m(row, m)
            _set_segment(row, segment)
            _set_health(row, score)
            _set_health_reasons(row, reasons)
            _set_next_due(row, next_due)
            _set_overdue_days(row, overdue_days)
            _set_due_action(row, action)
            append(row)
        return metrics


#: One customer's metrics as a plain tuple, in :class:`CustomerMetrics` field order
#: without the id: (value_tier, activity, r, f, m, segment, health, health_reasons,
#: next_due, overdue_days, due_action).
MetricParts = tuple[ValueTier, Activity, int, int, int, "str | None", int,
                    "tuple[HealthReason, ...]", date, int, ActionKind]


def metric_parts(
    facts: Sequence[CustomerFacts], settings: TieringSettings, today: date,
    computed_out: dict[int, tuple[str, str]] | None = None,
) -> list[MetricParts]:
    """:func:`compute_metrics` as plain tuples, parallel to ``facts``: for the bulk
    recompute, which turns them straight into table rows (no object per customer).

    ``computed_out`` (when given) receives, for every customer whose stated
    classification is in effect and differs from the computed one, the computed
    (value tier, activity) — what the profile shows beside the stated one."""
    with gc_paused():
        return _compute(facts, settings, today, computed_out)


def tiering_revenue(fact: CustomerFacts) -> int:
    """What ranks the customer for its value tier: its revenue in the window, or its
    declared annual contribution when it had no orders in the window."""
    if fact.order_count_window == 0 and fact.declared_contribution is not None:
        return fact.declared_contribution
    return fact.revenue_window


def _compute(
    facts: Sequence[CustomerFacts], settings: TieringSettings, today: date,
    computed_out: dict[int, tuple[str, str]] | None = None,
) -> list[MetricParts]:
    revenue = {fact.customer_id: tiering_revenue(fact) for fact in facts}
    if len(revenue) != len(facts):
        raise ValueError("customer ids in facts must be unique")
    tiers = value_tiers(revenue, settings)

    traded = [fact for fact in facts if fact.last_trade is not None]
    # The filter above guarantees dates; mypy cannot see through it.
    r_scores = quintile_scores(cast("list[date]", [fact.last_trade for fact in traded]))
    f_scores = quintile_scores([fact.order_count_window for fact in traded])
    m_scores = quintile_scores([fact.revenue_window for fact in traded])
    rfm: dict[int, tuple[int, int, int, str | None]] = dict(zip(
        [fact.customer_id for fact in traded],
        zip(r_scores, f_scores, m_scores, segments_for(r_scores, f_scores, m_scores),
            strict=True),
        strict=True,
    ))
    no_rfm: tuple[int, int, int, str | None] = (0, 0, 0, None)

    cutoffs = activity_cutoffs(today, settings)
    # Nine possible rules; building them once keeps string formatting out of the loop.
    rules: dict[str, dict[str, CadenceRule]] = {
        tier: {activity: cadence_rule(tier, activity, settings) for activity in ACTIVITIES}
        for tier in VALUE_TIERS
    }

    metrics: list[MetricParts] = []
    append = metrics.append
    for fact in facts:
        cid = fact.customer_id
        tier = tiers[cid]
        last_contact = fact.last_interaction
        activity = classify(last_contact, fact.last_trade, fact.cooperation_start, cutoffs)
        if fact.stated_tier is not None or fact.stated_activity is not None:
            computed = (tier, activity)
            tier = cast("ValueTier", fact.stated_tier or tier)
            activity = cast("Activity", fact.stated_activity or activity)
            if computed_out is not None and computed != (tier, activity):
                computed_out[cid] = computed
        rule = rules[tier][activity]
        score, reasons = score_parts(
            None if last_contact is None else (today - last_contact).days,
            rule.contact_days,
            fact.overdue_complaints,
            fact.revenue_window,
            fact.revenue_prev_window,
            fact.people_contacted_180d,
            fact.days_since_decision_maker_contact,
            fact.last_csat,
            fact.last_nps,
            fact.credit_limit,
            fact.credit_exposure,
        )
        next_due, overdue_days, action = due_parts(
            rule, last_contact, today,
            fact.last_executive_visit if rule.extra_action == "executive_visit"
            else fact.last_satisfaction_check, fact.first_record, cid,
        )
        append((tier, activity, *rfm.get(cid, no_rfm), score, reasons, next_due,
                overdue_days, action))
    return metrics


# A frozen dataclass's __init__ assigns each field through object.__setattr__, and at
# 1.6 µs a row that was the largest single cost of a 100,000-customer recompute. The
# slots' own descriptors set the same fields for half the price; the result is the
# same frozen CustomerMetrics (equal to one built by the constructor, as a test checks).
_new = object.__new__
(
    _set_customer_id, _set_value_tier, _set_activity, _set_r, _set_f, _set_m, _set_segment,
    _set_health, _set_health_reasons, _set_next_due, _set_overdue_days, _set_due_action,
) = tuple(vars(CustomerMetrics)[f.name].__set__ for f in fields(CustomerMetrics))

(
    _set_cid, _set_revenue, _set_revenue_prev, _set_orders, _set_last_trade,
    _set_last_interaction, _set_start, _set_potential, _set_people_180d, _set_dm_days,
    _set_complaints, _set_csat, _set_nps, _set_limit, _set_exposure,
    _set_executive_visit, _set_satisfaction_check, _set_declared, _set_stated_tier,
    _set_stated_activity, _set_first_record,
) = tuple(vars(CustomerFacts)[f.name].__set__ for f in fields(CustomerFacts))


def new_facts(
    cid: Any, revenue: Any, revenue_prev: Any, orders: Any, last_trade: Any,
    last_interaction: Any, start: Any, potential: Any, people_180d: Any, dm_days: Any,
    complaints: Any, csat: Any, nps: Any, limit: Any, exposure: Any,
    executive_visit: Any, satisfaction_check: Any, declared: Any = None,
    stated_tier: Any = None, stated_activity: Any = None, first_record: Any = None,
) -> CustomerFacts:
    """``CustomerFacts(...)`` with all 17 fields positional, at half the cost, for the
    100,000 built per bulk recompute (the same frozen object, as a test checks)."""
    fact = _new(CustomerFacts)
    _set_cid(fact, cid)
    _set_revenue(fact, revenue)
    _set_revenue_prev(fact, revenue_prev)
    _set_orders(fact, orders)
    _set_last_trade(fact, last_trade)
    _set_last_interaction(fact, last_interaction)
    _set_start(fact, start)
    _set_potential(fact, potential)
    _set_people_180d(fact, people_180d)
    _set_dm_days(fact, dm_days)
    _set_complaints(fact, complaints)
    _set_csat(fact, csat)
    _set_nps(fact, nps)
    _set_limit(fact, limit)
    _set_exposure(fact, exposure)
    _set_executive_visit(fact, executive_visit)
    _set_satisfaction_check(fact, satisfaction_check)
    _set_declared(fact, declared)
    _set_stated_tier(fact, stated_tier)
    _set_stated_activity(fact, stated_activity)
    _set_first_record(fact, first_record)
    return fact
