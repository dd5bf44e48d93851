"""compute_metrics end to end, on the method's own example customers."""

from __future__ import annotations

import dataclasses
import gc
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamdesk.domain.calendar_math import add_months
from kamdesk.domain.health import HealthReason
from kamdesk.domain.scoring import CustomerFacts, CustomerMetrics, compute_metrics
from kamdesk.domain.tiering_settings import TieringSettings
from kamdesk.domain.value_tier import share_counts

TODAY = date(2024, 3, 20)
WAN = 10_000 * 100  # 1 万元 in fen


def facts(
    cid: int, *, revenue_wan: float = 0, prev_wan: float | None = None, orders: int = 0,
    trade: date | None = None, interaction: date | None = None, start: date | None = None,
    people: int = 3, dm_days: int | None = 10, potential: str = "medium",
) -> CustomerFacts:
    revenue = int(revenue_wan * WAN)
    return CustomerFacts(
        customer_id=cid, revenue_window=revenue,
        revenue_prev_window=revenue if prev_wan is None else int(prev_wan * WAN),
        order_count_window=orders, last_trade=trade, last_interaction=interaction,
        cooperation_start=start, potential=potential, people_contacted_180d=people,
        days_since_decision_maker_contact=dm_days, overdue_complaints=0, last_csat=None,
        last_nps=None, credit_limit=None, credit_exposure=0,
    )


def method_book() -> list[CustomerFacts]:
    """表1's C001 and C002 among eight other customers, so that 150万 lands in the top
    20 % and 30万 in the middle 60 % of ten revenue customers."""
    return [
        # C001 A公司 制造业: 24 months, 150万, last interaction 2024-03-15.
        facts(1, revenue_wan=150, orders=24, trade=date(2024, 3, 1),
              interaction=date(2024, 3, 15), start=add_months(TODAY, -24), potential="high"),
        # C002 B公司 零售业: 6 months, 30万, last interaction 2023-12-20; one contact
        # person, no decision maker on record, revenue down from 40万.
        facts(2, revenue_wan=30, prev_wan=40, orders=3, trade=date(2023, 12, 20),
              interaction=date(2023, 12, 20), start=add_months(TODAY, -6), people=1,
              dm_days=None),
        facts(3, revenue_wan=200, orders=30, trade=date(2024, 3, 10), interaction=date(2024, 3, 18)),
        facts(4, revenue_wan=100, orders=12, trade=date(2024, 2, 20), interaction=date(2024, 3, 11)),
        facts(5, revenue_wan=80, orders=10, trade=date(2024, 2, 1), interaction=date(2024, 3, 12)),
        facts(6, revenue_wan=50, orders=8, trade=date(2024, 1, 15), interaction=date(2024, 3, 13)),
        facts(7, revenue_wan=40, orders=6, trade=date(2024, 1, 5), interaction=date(2024, 3, 14)),
        facts(8, revenue_wan=20, orders=2, trade=date(2023, 11, 1), interaction=date(2024, 3, 1)),
        facts(9, revenue_wan=10, orders=1, trade=date(2023, 8, 1), interaction=date(2023, 10, 1)),
        facts(10, revenue_wan=5, orders=1, trade=date(2024, 3, 19), interaction=date(2024, 3, 19)),
        facts(11, start=date(2024, 3, 1)),  # signed this month, nothing bought yet
    ]


def by_id(book: list[CustomerFacts], settings_: TieringSettings | None = None
          ) -> dict[int, CustomerMetrics]:
    return {m.customer_id: m for m in
            compute_metrics(book, settings_ or TieringSettings(), TODAY)}


def test_method_example_c001_is_high_value_and_active() -> None:
    c001 = by_id(method_book())[1]
    assert (c001.value_tier, c001.activity) == ("A", "active")
    assert (c001.r, c001.f, c001.m, c001.segment) == (4, 5, 5, "loyal")
    assert (c001.health, c001.health_reasons) == (100, ())
    # Contact due 14 days after 15 March; no executive visit on record yet, so that
    # next contact is the executive visit.
    assert (c001.next_due, c001.overdue_days, c001.due_action) == (
        date(2024, 3, 29), 0, "executive_visit"
    )


def test_method_example_c002_is_middle_value_and_silent() -> None:
    c002 = by_id(method_book())[2]
    assert (c002.value_tier, c002.activity) == ("B", "silent")
    assert (c002.r, c002.f, c002.m, c002.segment) == (2, 2, 2, "hibernating")
    assert (c002.next_due, c002.overdue_days, c002.due_action) == (
        date(2024, 1, 19), 61, "win_back"
    )
    assert c002.health == 45
    assert c002.health_reasons == (
        HealthReason("contact_overdue", 30, {"days": 91, "cadence": 30}),
        HealthReason("revenue_down", 10, {"pct": 25}),
        HealthReason("single_point_of_contact", 10, {"people": 1}),
        HealthReason("no_decision_maker", 5, {}),
    )


def test_whole_method_book() -> None:
    metrics = by_id(method_book())
    assert {cid: m.value_tier for cid, m in metrics.items()} == {
        3: "A", 1: "A", 4: "B", 5: "B", 6: "B", 7: "B", 2: "B", 8: "B", 9: "C", 10: "C", 11: "C",
    }
    assert {cid: m.activity for cid, m in metrics.items()} == {
        1: "active", 2: "silent", 3: "active", 4: "active", 5: "active", 6: "active",
        7: "active", 8: "active", 9: "churned", 10: "active", 11: "active",
    }
    assert {cid: (m.r, m.f, m.m) for cid, m in metrics.items()} == {
        1: (4, 5, 5), 2: (2, 2, 2), 3: (5, 5, 5), 4: (4, 4, 4), 5: (3, 4, 4), 6: (3, 3, 3),
        7: (2, 3, 3), 8: (1, 2, 2), 9: (1, 1, 1), 10: (5, 1, 1), 11: (0, 0, 0),
    }
    assert metrics[3].segment == "champions"
    assert metrics[10].segment == "new"
    assert metrics[9].segment == "lost"
    assert metrics[11].segment is None  # never traded: no RFM
    # Churned C customer, last contact 2023-10-01: review due 90 days later.
    assert (metrics[9].next_due, metrics[9].overdue_days, metrics[9].due_action) == (
        date(2023, 12, 30), 81, "churn_review"
    )
    # Never contacted: due today.
    assert (metrics[11].next_due, metrics[11].overdue_days, metrics[11].due_action) == (
        TODAY, 0, "contact"
    )
    assert metrics[11].health_reasons == (HealthReason("never_contacted", 20, {}),)


def test_cumulative_method_through_settings() -> None:
    # Total 685万; 200 + 150 + 100 + 80 = 530 < 548 (80 %), so customer 6 is A too.
    metrics = by_id(method_book(), TieringSettings(method="cumulative"))
    assert sorted(cid for cid, m in metrics.items() if m.value_tier == "A") == [1, 3, 4, 5, 6]


def test_output_keeps_input_order_and_handles_an_empty_book() -> None:
    book = method_book()
    random.Random(1).shuffle(book)
    assert [m.customer_id for m in compute_metrics(book, TieringSettings(), TODAY)] == [
        f.customer_id for f in book
    ]
    assert compute_metrics([], TieringSettings(), TODAY) == []


def test_duplicate_customer_ids_are_refused() -> None:
    with pytest.raises(ValueError):
        compute_metrics([facts(1), facts(1)], TieringSettings(), TODAY)


def test_rows_are_ordinary_frozen_metrics() -> None:
    for m in compute_metrics(method_book(), TieringSettings(), TODAY):
        rebuilt = CustomerMetrics(**{f.name: getattr(m, f.name)
                                     for f in dataclasses.fields(CustomerMetrics)})
        assert rebuilt == m
        assert repr(rebuilt) == repr(m)
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.health = 0  # type: ignore[misc]
        assert not hasattr(m, "__dict__")


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        compute_metrics(method_book(), TieringSettings(), TODAY)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


_DAYS = st.none() | st.integers(min_value=-10, max_value=1500).map(
    lambda n: TODAY - timedelta(days=n)
)


@st.composite
def customer_facts(draw: st.DrawFn, cid: int) -> CustomerFacts:
    return CustomerFacts(
        customer_id=cid,
        revenue_window=draw(st.sampled_from([0, 0, 100, 5000, 5000, 10**6, 10**9])),
        revenue_prev_window=draw(st.integers(min_value=0, max_value=10**9)),
        order_count_window=draw(st.integers(min_value=0, max_value=50)),
        last_trade=draw(_DAYS),
        last_interaction=draw(_DAYS),
        cooperation_start=draw(_DAYS),
        potential=draw(st.sampled_from(["high", "medium", "low"])),
        people_contacted_180d=draw(st.integers(min_value=0, max_value=5)),
        days_since_decision_maker_contact=draw(st.none() | st.integers(0, 900)),
        overdue_complaints=draw(st.integers(min_value=0, max_value=3)),
        last_csat=draw(st.none() | st.sampled_from([1.0, 2.5, 3.5, 5.0])),
        last_nps=draw(st.none() | st.integers(min_value=0, max_value=10)),
        credit_limit=draw(st.none() | st.integers(min_value=0, max_value=10**7)),
        credit_exposure=draw(st.integers(min_value=0, max_value=2 * 10**7)),
        last_executive_visit=draw(_DAYS),
        last_satisfaction_check=draw(_DAYS),
    )


@st.composite
def books(draw: st.DrawFn) -> list[CustomerFacts]:
    ids = draw(st.lists(st.integers(min_value=1, max_value=10**6), unique=True, max_size=40))
    return [draw(customer_facts(cid)) for cid in ids]


@settings(max_examples=60, deadline=None)
@given(books(), st.randoms(use_true_random=False))
def test_metrics_are_in_range_and_independent_of_order(
    book: list[CustomerFacts], rnd: random.Random
) -> None:
    metrics = compute_metrics(book, TieringSettings(), TODAY)
    for fact, m in zip(book, metrics):
        assert 0 <= m.health <= 100
        assert m.overdue_days >= 0 and m.next_due <= TODAY + timedelta(days=100)
        if fact.last_trade is None:
            assert (m.r, m.f, m.m, m.segment) == (0, 0, 0, None)
        else:
            assert all(1 <= s <= 5 for s in (m.r, m.f, m.m)) and m.segment is not None
    paying = sum(1 for f in book if f.revenue_window > 0)
    counts = tuple(sum(1 for f, m in zip(book, metrics)
                       if f.revenue_window > 0 and m.value_tier == t) for t in "ABC")
    assert counts == share_counts(paying, 0.2, 0.6)
    shuffled = book[:]
    rnd.shuffle(shuffled)
    again = {m.customer_id: m for m in compute_metrics(shuffled, TieringSettings(), TODAY)}
    assert [again[m.customer_id] for m in metrics] == metrics
