"""Receivables and credit (应收与信用), the pure rules: which orders a payment settles,
how old the unpaid part is, and when a customer's credit use is a warning.

Kept free of SQL and Qt so the rules are tested on plain numbers and the profile tab,
the customer list, Today and the payment checks all apply the same ones.

Allocation, the way a finance clerk settles an account (先进先出):

1. a payment that names its order settles that order first; what it pays beyond the
   order's open amount joins the pool of step 2;
2. payments that name no order and returns/credit notes (negative order rows) settle
   the oldest open orders first (FIFO);
3. what is left after every order is settled is an unapplied credit (the customer paid
   ahead), shown as such and never as a negative bucket.

The age of an order's unpaid part is counted from the order's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

CreditLevel = Literal["none", "ok", "amber", "red"]

#: credit use at or above these percentages of the limit is a warning (amber) / over (red)
AMBER_PCT: Final = 80
RED_PCT: Final = 100

#: ageing buckets as (code, first day, last day or None); days since the order date
BUCKETS: Final[tuple[tuple[str, int, int | None], ...]] = (
    ("0_30", 0, 30), ("31_60", 31, 60), ("61_90", 61, 90), ("over_90", 91, None),
)


@dataclass(frozen=True, slots=True)
class TradeAmount:
    """One row of the trade book: an order (amount > 0) or a return (amount < 0)."""

    trade_id: int
    occurred_on: date
    amount_cents: int


@dataclass(frozen=True, slots=True)
class PaymentAmount:
    amount_cents: int
    #: the order this payment names, if any
    trade_id: int | None = None


@dataclass(frozen=True, slots=True)
class Allocation:
    #: order id -> its unpaid amount (only orders with something unpaid)
    open_by_order: dict[int, int]
    #: credit left over once every order is settled (paid ahead, or returns beyond orders)
    unapplied_cents: int


@dataclass(frozen=True, slots=True)
class Ageing:
    """The unpaid part of the orders by age; ``cents`` follows :data:`BUCKETS`."""

    cents: tuple[int, int, int, int]
    unapplied_cents: int

    @property
    def total_cents(self) -> int:
        return sum(self.cents)


def allocate(trades: Sequence[TradeAmount], payments: Iterable[PaymentAmount]) -> Allocation:
    """Settle the orders with the payments and returns (the rules in the module doc)."""
    orders = sorted((t for t in trades if t.amount_cents > 0),
                    key=lambda t: (t.occurred_on, t.trade_id))
    open_by_order = {t.trade_id: t.amount_cents for t in orders}
    pool = sum(-t.amount_cents for t in trades if t.amount_cents < 0)
    for p in payments:
        amount = p.amount_cents
        if p.trade_id is not None and p.trade_id in open_by_order:
            settled = min(amount, open_by_order[p.trade_id])
            open_by_order[p.trade_id] -= settled
            amount -= settled
        pool += amount
    for t in orders:
        if pool <= 0:
            break
        settled = min(pool, open_by_order[t.trade_id])
        open_by_order[t.trade_id] -= settled
        pool -= settled
    return Allocation({k: v for k, v in open_by_order.items() if v > 0}, max(0, pool))


def bucket_index(age_days: int) -> int:
    """Which of :data:`BUCKETS` an unpaid amount this many days old falls in (an order
    dated ahead counts as current)."""
    for i, (_code, _first, last) in enumerate(BUCKETS):
        if last is None or age_days <= last:
            return i
    return len(BUCKETS) - 1


def ageing(trades: Sequence[TradeAmount], payments: Iterable[PaymentAmount],
           today: date) -> Ageing:
    """The unpaid part of the orders by age on ``today``."""
    allocation = allocate(trades, payments)
    dates = {t.trade_id: t.occurred_on for t in trades}
    cents = [0, 0, 0, 0]
    for trade_id, unpaid in allocation.open_by_order.items():
        cents[bucket_index((today - dates[trade_id]).days)] += unpaid
    return Ageing((cents[0], cents[1], cents[2], cents[3]), allocation.unapplied_cents)


def credit_level(outstanding_cents: int, limit_cents: int | None) -> CreditLevel:
    """none (no limit set), ok, amber (≥ 80 % of the limit used) or red (≥ 100 %).

    Nothing owed is always ok; with a zero limit anything owed is over the limit.
    The customer list's SQL filter states the same rule (``queries.customers``).
    """
    if limit_cents is None:
        return "none"
    if outstanding_cents <= 0:
        return "ok"
    if outstanding_cents * 100 >= limit_cents * RED_PCT:
        return "red"
    if outstanding_cents * 100 >= limit_cents * AMBER_PCT:
        return "amber"
    return "ok"


def usage_pct(outstanding_cents: int, limit_cents: int | None) -> int | None:
    """Credit used as a whole percentage of the limit (rounded down, so "80 %" is shown
    only once amber applies); None without a positive limit."""
    if not limit_cents or limit_cents <= 0:
        return None
    return max(0, outstanding_cents) * 100 // limit_cents
