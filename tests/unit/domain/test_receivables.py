"""Receivables rules without SQL: FIFO settlement, named payments, ageing, credit levels."""

from __future__ import annotations

from datetime import date

from kamdesk.domain.receivables import (
    PaymentAmount,
    TradeAmount,
    ageing,
    allocate,
    bucket_index,
    credit_level,
    usage_pct,
)

TODAY = date(2026, 11, 23)


def _orders():
    return [TradeAmount(1, date(2026, 6, 1), 100_00),    # 175 days old
            TradeAmount(2, date(2026, 9, 10), 200_00),   # 74 days
            TradeAmount(3, date(2026, 11, 1), 300_00)]   # 22 days


def test_payments_settle_the_oldest_orders_first():
    allocation = allocate(_orders(), [PaymentAmount(150_00)])
    assert allocation.open_by_order == {2: 150_00, 3: 300_00}
    assert allocation.unapplied_cents == 0


def test_a_payment_naming_its_order_settles_that_order_and_the_rest_goes_fifo():
    allocation = allocate(_orders(), [PaymentAmount(250_00, trade_id=3)])
    assert allocation.open_by_order == {1: 100_00, 2: 200_00, 3: 50_00}
    allocation = allocate(_orders(), [PaymentAmount(350_00, trade_id=3)])
    assert allocation.open_by_order == {1: 50_00, 2: 200_00}  # the 50 beyond went FIFO


def test_returns_reduce_the_oldest_orders_like_a_payment():
    trades = [*_orders(), TradeAmount(4, date(2026, 11, 20), -120_00)]
    allocation = allocate(trades, [])
    assert allocation.open_by_order == {2: 180_00, 3: 300_00}


def test_paying_ahead_leaves_an_unapplied_credit_never_a_negative_bucket():
    result = ageing(_orders(), [PaymentAmount(700_00)], TODAY)
    assert result.cents == (0, 0, 0, 0)
    assert result.unapplied_cents == 100_00


def test_ageing_buckets_by_the_age_of_the_unpaid_part():
    result = ageing(_orders(), [PaymentAmount(50_00)], TODAY)
    assert result.cents == (300_00, 0, 200_00, 50_00)
    assert result.total_cents == 550_00


def test_bucket_edges():
    assert [bucket_index(d) for d in (-3, 0, 30, 31, 60, 61, 90, 91, 1000)] == \
        [0, 0, 0, 1, 1, 2, 2, 3, 3]


def test_credit_levels_at_80_and_100_percent():
    assert credit_level(500_00, None) == "none"
    assert credit_level(0, 1000_00) == "ok"
    assert credit_level(799_99, 1000_00) == "ok"
    assert credit_level(800_00, 1000_00) == "amber"
    assert credit_level(999_99, 1000_00) == "amber"
    assert credit_level(1000_00, 1000_00) == "red"
    assert credit_level(1_00, 0) == "red"                  # a zero limit: anything owed is over
    assert credit_level(-5_00, 0) == "ok"                  # paid ahead
    assert usage_pct(850_00, 1000_00) == 85
    assert usage_pct(500_00, None) is None and usage_pct(1, 0) is None
