"""Reading orders (交易): a customer's order book, one order to edit, the choices the
order dialog offers (product lines, the customer's contracts), the credit check before
saving, and what the orders importer needs to match its rows (customers by code or
name, the orders already there).

Amounts are as stored: a return's is negative (see :mod:`kamdesk.store.ops.orders`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from kamdesk.store.queries.receivables import credit_standing

__all__ = ["ContractChoice", "CreditCheck", "CustomerOrders", "CustomerRef", "OrderLine",
           "YearTotal", "contracts_for_orders", "credit_check", "customer_orders",
           "customer_refs", "existing_order_keys", "order_for_edit", "order_identity",
           "product_lines"]


@dataclass(frozen=True, slots=True)
class OrderLine:
    id: int
    customer_id: int
    occurred_on: date
    kind: str
    amount_cents: int  # as stored: negative for a return
    product_line: str | None
    quantity: int | None
    invoice_no: str | None
    order_no: str | None
    contract_id: int | None
    contract_number: str | None
    notes: str | None
    version: int = 1  # what an edit names as the version it read (ops.versions)

    @property
    def entered_cents(self) -> int:
        """The amount as the user enters it (a return's is positive too)."""
        return abs(self.amount_cents)


@dataclass(frozen=True, slots=True)
class YearTotal:
    year: int
    count: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class CustomerOrders:
    rows: tuple[OrderLine, ...]  # newest first
    count: int  # orders, not returns
    total_cents: int  # net of returns
    by_year: tuple[YearTotal, ...]  # newest year first

    @property
    def average_cents(self) -> int:
        """Average order value, net of returns."""
        return self.total_cents // self.count if self.count else 0


_LINE_SELECT = (
    "SELECT t.id, t.customer_id, t.occurred_on, t.kind, t.amount_cents, t.product_line, "
    "t.quantity, t.invoice_no, t.order_no, t.contract_id, k.number, t.notes, t.version "
    "FROM trades t LEFT JOIN contracts k ON k.id = t.contract_id ")


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _line(r: tuple) -> OrderLine:  # type: ignore[type-arg]
    return OrderLine(int(r[0]), int(r[1]), _day(r[2]), r[3] or "order", int(r[4] or 0), r[5],
                     None if r[6] is None else int(r[6]), r[7], r[8],
                     None if r[9] is None else int(r[9]), r[10], r[11], int(r[12] or 1))


def customer_orders(conn: Connection, customer_id: int) -> CustomerOrders:
    """A customer's orders and returns, newest first, with totals per year (one query)."""
    rows = tuple(_line(tuple(r)) for r in conn.execute(text(
        f"{_LINE_SELECT}WHERE t.customer_id = :c ORDER BY t.occurred_on DESC, t.id DESC"),
        {"c": customer_id}))
    years: dict[int, list[int]] = {}
    for o in rows:
        acc = years.setdefault(o.occurred_on.year, [0, 0])
        acc[0] += o.kind != "return"
        acc[1] += o.amount_cents
    by_year = tuple(YearTotal(y, c, t) for y, (c, t) in sorted(years.items(), reverse=True))
    count = sum(1 for o in rows if o.kind != "return")
    return CustomerOrders(rows, count, sum(o.amount_cents for o in rows), by_year)


def order_for_edit(conn: Connection, trade_id: int) -> OrderLine | None:
    row = conn.execute(text(f"{_LINE_SELECT}WHERE t.id = :id"), {"id": trade_id}).first()
    return None if row is None else _line(tuple(row))


def product_lines(conn: Connection) -> list[str]:
    """The product lines the book has, most used first (the dialog's pick list)."""
    return [r[0] for r in conn.execute(text(
        "SELECT product_line FROM trades WHERE product_line IS NOT NULL AND product_line != '' "
        "GROUP BY product_line ORDER BY count(*) DESC, product_line"))]


@dataclass(frozen=True, slots=True)
class ContractChoice:
    id: int
    number: str
    title: str
    status: str


def contracts_for_orders(conn: Connection, customer_id: int) -> list[ContractChoice]:
    """The customer's contracts an order may name, current ones first."""
    return [ContractChoice(int(r[0]), r[1], r[2], r[3]) for r in conn.execute(text(
        "SELECT id, number, title, status FROM contracts WHERE customer_id = :c "
        "ORDER BY status IN ('terminated','archived','expired'), start_on DESC, id DESC"),
        {"c": customer_id})]


@dataclass(frozen=True, slots=True)
class CreditCheck:
    """Outstanding (应收 = orders − payments) against the credit limit, with an order
    about to be saved."""

    limit_cents: int | None
    outstanding_cents: int
    extra_cents: int

    @property
    def after_cents(self) -> int:
        return self.outstanding_cents + self.extra_cents

    @property
    def over_limit(self) -> bool:
        """True when the customer has a limit and this order takes them past it."""
        return (self.limit_cents is not None and self.extra_cents > 0
                and self.after_cents > self.limit_cents)


def credit_check(conn: Connection, customer_id: int, extra_cents: int) -> CreditCheck:
    """What saving ``extra_cents`` more of orders would do to the customer's credit
    (what is owed as the receivables count it)."""
    standing = credit_standing(conn, customer_id)
    if standing is None:
        return CreditCheck(None, 0, extra_cents)
    return CreditCheck(standing.credit_limit_cents, standing.outstanding_cents, extra_cents)


# -- for the orders importer -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CustomerRef:
    id: int
    code: str
    name: str
    status: str


def customer_refs(conn: Connection) -> list[CustomerRef]:
    """Every customer's id, code, name and status (an orders sheet names customers by
    code, or by exact name when it has no code column)."""
    return [CustomerRef(int(r[0]), r[1], r[2], r[3]) for r in conn.execute(text(
        "SELECT id, code, name, status FROM customers ORDER BY id"))]


OrderKey = tuple[int, str, int, str]


def order_identity(customer_id: int, occurred_on: date | str, stored_cents: int,
                   invoice_no: str | None, product_line: str | None) -> OrderKey:
    """Two rows with the same key are the same order: same customer, day and (stored)
    amount, and the same invoice number — or, without one, the same product line."""
    invoice = (invoice_no or "").strip()
    detail = f"invoice:{invoice}" if invoice else f"product:{(product_line or '').strip()}"
    day = occurred_on.isoformat() if isinstance(occurred_on, date) else str(occurred_on)[:10]
    return (int(customer_id), day, int(stored_cents), detail)


def existing_order_keys(conn: Connection, customer_ids: Iterable[int]) -> Counter[OrderKey]:
    """How many orders of each :func:`order_identity` the customers already have."""
    ids = sorted({int(i) for i in customer_ids})
    keys: Counter[OrderKey] = Counter()
    for start in range(0, len(ids), 900):  # SQLite's limit on bound values
        chunk = ",".join(str(i) for i in ids[start:start + 900])
        for r in conn.execute(text(
                "SELECT customer_id, occurred_on, amount_cents, invoice_no, product_line "
                f"FROM trades WHERE customer_id IN ({chunk})")):
            keys[order_identity(r[0], r[1], int(r[2]), r[3], r[4])] += 1
    return keys
