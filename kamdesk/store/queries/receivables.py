"""Reading receivables and credit (应收/信用): what a customer owes, how old it is, the
payments received, and which customers are near or over their credit limit.

Outstanding is the sum of the customer's trade rows (orders positive, returns negative)
less the sum of their payments; it is computed from those rows when read, never stored,
so an order, a return or a payment shows at once everywhere. The rules that split it
into ageing buckets and judge the credit use are in :mod:`kamdesk.domain.receivables`.

The per-customer sums walk ``ix_trades_customer_date`` (customer, date, amount: covering)
and ``ix_payments_customer_date``. The list's "Credit used" sort and filter and Today's
credit section sum every customer with a limit (about 35 ms at 10k customers and 200k
orders); a stored outstanding figure would make them index walks (it needs a column).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from kamdesk.domain.receivables import (
    AMBER_PCT,
    Ageing,
    CreditLevel,
    PaymentAmount,
    TradeAmount,
    ageing,
    allocate,
    credit_level,
    usage_pct,
)
from kamdesk.store.queries.listing import Listing
from kamdesk.store.queries.sql_values import as_date

__all__ = [
    "outstanding_sql", "stored_outstanding_sql",
    "credit_watch_sql", "CreditStanding", "PaymentRow", "OpenOrder",
    "Receivables", "CreditWatch", "outstanding", "credit_standing",
    "open_orders", "receivables", "credit_watch", "payment_customer", "trade_owner",
]


def outstanding_sql(customer: str) -> str:
    """SQL for the outstanding amount of the customer whose id is the expression
    ``customer`` (e.g. ``c.id``): trades (returns included) less payments, in fen."""
    return (f"(coalesce((SELECT sum(t.amount_cents) FROM trades t "
            f"WHERE t.customer_id = {customer}), 0) - "
            f"coalesce((SELECT sum(p.amount_cents) FROM payments p "
            f"WHERE p.customer_id = {customer}), 0))")


def credit_watch_sql(alias: str = "c") -> str:
    """SQL condition: the customer ``alias`` is amber or red (the domain rule
    :func:`~kamdesk.domain.receivables.credit_level`, written once in SQL: something owed
    and at least 80 % of the limit; with an integer amount ``owed * 100 >= max(limit * 80,
    1)`` says both, so the sums run once)."""
    return (f"({alias}.credit_limit_cents IS NOT NULL AND "
            f"{stored_outstanding_sql(alias + '.id')} * 100 >= "
            f"{_at_least_one(f'{alias}.credit_limit_cents * {AMBER_PCT}')})")


def _at_least_one(amount: str) -> str:
    """``max(amount, 1)`` of SQLite, written so PostgreSQL (which has GREATEST) runs it."""
    return f"CASE WHEN {amount} > 1 THEN {amount} ELSE 1 END"


def stored_outstanding_sql(customer: str) -> str:
    """SQL for the outstanding amount kept in the customer's metrics row (migration
    0008; refreshed by every order and payment write and the daily recompute): what
    whole-book lists sort and filter by, where summing every order would be too slow."""
    return (f"coalesce((SELECT sm.outstanding_cents FROM customer_metrics sm "
            f"WHERE sm.customer_id = {customer}), 0)")


@dataclass(frozen=True, slots=True)
class CreditStanding:
    """What the profile header and the payment dialog show about a customer's credit."""

    customer_id: int
    outstanding_cents: int
    credit_limit_cents: int | None
    credit_rating: str | None
    credit_review_on: date | None

    @property
    def level(self) -> CreditLevel:
        return credit_level(self.outstanding_cents, self.credit_limit_cents)

    @property
    def usage_pct(self) -> int | None:
        return usage_pct(self.outstanding_cents, self.credit_limit_cents)


@dataclass(frozen=True, slots=True)
class PaymentRow:
    id: int
    customer_id: int
    received_on: date
    amount_cents: int
    trade_id: int | None
    #: how the named order reads in a list: its number, invoice or date
    order_label: str | None
    method: str | None
    reference: str | None
    notes: str | None
    version: int = 1  # what an edit names as the version it read (ops.versions)


@dataclass(frozen=True, slots=True)
class OpenOrder:
    """An order with something still unpaid (FIFO), for the payment dialog's order combo."""

    trade_id: int
    occurred_on: date
    amount_cents: int
    unpaid_cents: int
    order_no: str | None
    invoice_no: str | None
    product_line: str | None


@dataclass(frozen=True, slots=True)
class Receivables:
    """A customer's payments tab: payments newest first, ageing and credit."""

    standing: CreditStanding
    payments: tuple[PaymentRow, ...]
    ageing: Ageing
    paid_total_cents: int


@dataclass(frozen=True, slots=True)
class CreditWatch:
    """One customer at amber or red, for Today."""

    customer_id: int
    code: str
    name: str
    outstanding_cents: int
    credit_limit_cents: int
    credit_rating: str | None

    @property
    def level(self) -> CreditLevel:
        return credit_level(self.outstanding_cents, self.credit_limit_cents)

    @property
    def usage_pct(self) -> int | None:
        return usage_pct(self.outstanding_cents, self.credit_limit_cents)


# -- one customer --------------------------------------------------------------------------
def outstanding(conn: Connection, customer_id: int) -> int:
    """What the customer owes now (negative: paid ahead)."""
    return int(conn.execute(text(f"SELECT {outstanding_sql(':c')}"),
                            {"c": customer_id}).scalar_one())


def credit_standing(conn: Connection, customer_id: int) -> CreditStanding | None:
    row = conn.execute(text(
        f"SELECT c.credit_limit_cents, c.credit_rating, c.credit_review_on, "
        f"{outstanding_sql('c.id')} FROM customers c WHERE c.id = :c"), {"c": customer_id}).first()
    if row is None:
        return None
    return CreditStanding(customer_id, int(row[3]), None if row[0] is None else int(row[0]),
                          row[1], as_date(row[2]))


def _book(conn: Connection, customer_id: int
          ) -> tuple[list[TradeAmount], list[PaymentAmount], dict[int, tuple]]:  # type: ignore[type-arg]
    trades: list[TradeAmount] = []
    facts: dict[int, tuple] = {}  # type: ignore[type-arg]
    for r in conn.execute(text(
            "SELECT id, occurred_on, amount_cents, order_no, invoice_no, product_line "
            "FROM trades WHERE customer_id = :c ORDER BY occurred_on, id"), {"c": customer_id}):
        d = as_date(r[1])
        assert d is not None
        trades.append(TradeAmount(int(r[0]), d, int(r[2])))
        facts[int(r[0])] = (r[3], r[4], r[5])
    payments = [PaymentAmount(int(r[0]), None if r[1] is None else int(r[1]))
                for r in conn.execute(text(
                    "SELECT amount_cents, trade_id FROM payments WHERE customer_id = :c "
                    "ORDER BY received_on, id"), {"c": customer_id})]
    return trades, payments, facts


def open_orders(conn: Connection, customer_id: int) -> list[OpenOrder]:
    """The customer's orders with something unpaid, oldest first (FIFO allocation)."""
    trades, payments, facts = _book(conn, customer_id)
    unpaid = allocate(trades, payments).open_by_order
    return [OpenOrder(t.trade_id, t.occurred_on, t.amount_cents, unpaid[t.trade_id],
                      *facts[t.trade_id]) for t in trades if t.trade_id in unpaid]


def receivables(conn: Connection, customer_id: int, today: date) -> Receivables | None:
    """Everything the profile's Payments tab shows."""
    standing = credit_standing(conn, customer_id)
    if standing is None:
        return None
    trades, payments, _facts = _book(conn, customer_id)
    rows = tuple(
        PaymentRow(int(r[0]), customer_id, as_date(r[1]) or today, int(r[2]),
                   None if r[3] is None else int(r[3]),
                   r[4] or r[5] or (None if r[6] is None else str(as_date(r[6]))),
                   r[7], r[8], r[9], int(r[10] or 1))
        for r in conn.execute(text(
            "SELECT p.id, p.received_on, p.amount_cents, p.trade_id, t.order_no, "
            "t.invoice_no, t.occurred_on, p.method, p.reference, p.notes, p.version "
            "FROM payments p LEFT JOIN trades t ON t.id = p.trade_id "
            "WHERE p.customer_id = :c ORDER BY p.received_on DESC, p.id DESC"),
            {"c": customer_id}))
    return Receivables(standing, rows, ageing(trades, payments, today),
                       sum(p.amount_cents for p in payments))


def payment_customer(conn: Connection, payment_id: int) -> int | None:
    """The customer a payment belongs to (None: no such payment)."""
    v = conn.execute(text("SELECT customer_id FROM payments WHERE id = :p"),
                     {"p": payment_id}).scalar()
    return None if v is None else int(v)


def trade_owner(conn: Connection, trade_id: int) -> tuple[int, str] | None:
    """(customer id, kind) of a trade row; None if there is none."""
    row = conn.execute(text("SELECT customer_id, kind FROM trades WHERE id = :t"),
                       {"t": trade_id}).first()
    return None if row is None else (int(row[0]), str(row[1] or "order"))


# -- the whole book ---------------------------------------------------------------------
def credit_watch(conn: Connection, limit: int = 50) -> Listing[CreditWatch]:
    """Customers (not archived) at amber or red, the highest use of the limit first."""
    rows = []
    total = 0
    for r in conn.execute(text(
            "WITH watch AS MATERIALIZED ("
            " SELECT c.id, c.code, c.name, c.credit_limit_cents AS lim, c.credit_rating, "
            " coalesce(m.outstanding_cents, 0) AS owed FROM customer_metrics m "
            " JOIN customers c ON c.id = m.customer_id "
            " WHERE m.outstanding_cents > 0 AND c.credit_limit_cents IS NOT NULL "
            " AND c.status != 'archived') "
            "SELECT id, code, name, owed, lim, credit_rating, count(*) OVER () FROM watch "
            f"WHERE owed * 100 >= {_at_least_one(f'lim * {AMBER_PCT}')} "
            "ORDER BY CASE WHEN lim = 0 THEN 1e18 ELSE owed * 1.0 / lim END DESC, id "
            "LIMIT :limit"), {"limit": limit}):
        rows.append(CreditWatch(int(r[0]), r[1], r[2], int(r[3]), int(r[4]), r[5]))
        total = int(r[6])
    return Listing(tuple(rows), total)
