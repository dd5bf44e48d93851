"""Writing orders (交易, the ``trades`` table): what a customer bought, the facts behind
revenue, RFM and the value tier — entered by hand one at a time, or many at once by
the importer.

**Returns.** A return or credit note (退货/红字) is entered like an order, with a
positive amount, and ``kind='return'``; it is *stored* with the amount negated. So a
sum of ``amount_cents`` over a customer's trades is already net of returns, and every
figure built on it (12-month revenue, RFM's monetary value, the tiers) stays right
without knowing about kinds. Only a row of kind ``return`` ever has a negative amount.

Single writes bring that customer's derived row (``customer_metrics``: 12-month
revenue, last trade, activity, health, next touch) up to date at once, and may add a
``tier_changes`` row when the activity state moves; the Changes say so. Value tier and
RFM are relative to the whole book and follow on the next recompute. The bulk
:func:`add_orders` leaves the metrics to its caller, which recomputes once per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from kamdesk.store import history
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Contract, Customer, Payment, Transaction
from kamdesk.store.models.trade import TRADE_KINDS
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.metrics import refresh_customer_metrics
from kamdesk.store.ops.versions import bumped, check_loaded, stale_guard

__all__ = ["MAX_AMOUNT_CENTS", "MAX_DAYS_AHEAD", "NewOrder", "TRADE_KINDS", "add_order",
           "add_orders", "delete_order", "restore_order", "stored_amount", "update_order",
           "validate_order"]

#: an order may be dated at most this far ahead (a delivery booked for next spring)
MAX_DAYS_AHEAD = 366
#: 100 亿元: anything larger is a typo (a phone number pasted into the amount)
MAX_AMOUNT_CENTS = 10_000_000_000 * 100
MAX_QUANTITY = 1_000_000_000
_LENGTHS = {"product_line": 100, "invoice_no": 64, "order_no": 64}


@dataclass(frozen=True, slots=True)
class NewOrder:
    """One order for :func:`add_orders`; ``amount_cents`` as entered (positive; a
    return's is negated when stored)."""

    customer_id: int
    occurred_on: date
    amount_cents: int
    notes: str | None = None
    product_line: str | None = None
    quantity: int | None = None
    invoice_no: str | None = None
    kind: str = "order"
    order_no: str | None = None


def stored_amount(kind: str, amount_cents: int) -> int:
    """The amount as stored: a return's is negative (see the module's notes)."""
    return -abs(amount_cents) if kind == "return" else amount_cents


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def validate_order(*, customer_id: int | None, occurred_on: Any, amount_cents: Any,
                   kind: str = "order", quantity: Any = None, today: date,
                   **texts: str | None) -> None:
    """The rules every order obeys, without the database (the importer checks its rows
    one by one with it): ValidationError naming the field."""
    if not customer_id:
        raise ValidationError("customer", "required")
    if not isinstance(occurred_on, date):
        raise ValidationError("occurred_on", "invalid_date" if occurred_on else "required")
    if occurred_on > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError("occurred_on", "date_too_far_ahead")
    if kind not in TRADE_KINDS:
        raise ValidationError("kind", "invalid_choice")
    if amount_cents is None:
        raise ValidationError("amount_cents", "required")
    if not isinstance(amount_cents, int) or isinstance(amount_cents, bool):
        raise ValidationError("amount_cents", "invalid_number")
    if amount_cents <= 0:
        raise ValidationError("amount_cents", "amount_not_positive")
    if amount_cents > MAX_AMOUNT_CENTS:
        raise ValidationError("amount_cents", "out_of_range")
    if quantity is not None and (not isinstance(quantity, int) or isinstance(quantity, bool)
                                 or not 0 < quantity <= MAX_QUANTITY):
        raise ValidationError("quantity", "out_of_range")
    for name, value in texts.items():
        limit = _LENGTHS.get(name)
        if limit is not None and value and len(value.strip()) > limit:
            raise ValidationError(name, "too_long")


def _check_customer_and_contract(session: Session, customer_id: int,
                                 contract_id: int | None) -> None:
    status = session.scalar(select(Customer.status).where(Customer.id == customer_id))
    if status is None:
        raise ValidationError("customer", "required")
    if status == "archived":
        raise ValidationError("customer", "customer_archived")
    if contract_id is not None:
        owner = session.scalar(select(Contract.customer_id).where(Contract.id == contract_id))
        if owner is None:
            raise ValidationError("contract", "invalid_choice")
        if owner != customer_id:
            raise ValidationError("contract", "contract_other_customer")


# -- one order by hand ---------------------------------------------------------------------
def add_order(session: Session, *, customer_id: int, occurred_on: date, amount_cents: int,
              kind: str = "order", product_line: str | None = None,
              quantity: int | None = None, invoice_no: str | None = None,
              order_no: str | None = None, contract_id: int | None = None,
              notes: str | None = None, today: date | None = None) -> Changes:
    """Record one order (or return); ``value`` is the new trade's id."""
    today = today or date.today()
    validate_order(customer_id=customer_id, occurred_on=occurred_on, amount_cents=amount_cents,
                   kind=kind, quantity=quantity, today=today, product_line=product_line,
                   invoice_no=invoice_no, order_no=order_no)
    _check_customer_and_contract(session, customer_id, contract_id)
    trade = Transaction(
        customer_id=customer_id, occurred_on=occurred_on,
        amount_cents=stored_amount(kind, amount_cents), kind=kind,
        product_line=_clean(product_line), quantity=quantity, invoice_no=_clean(invoice_no),
        order_no=_clean(order_no), contract_id=contract_id, notes=_clean(notes))
    session.add(trade)
    session.flush()
    changes = Changes.of("trades", trade.id) | refresh_customer_metrics(session, customer_id, today)
    return changes.with_value(trade.id)


#: what :func:`update_order` may change
EDITABLE = ("customer_id", "occurred_on", "amount_cents", "kind", "product_line", "quantity",
            "invoice_no", "order_no", "contract_id", "notes")


def update_order(session: Session, trade_id: int, *, today: date | None = None,
                 expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit an order. ``amount_cents`` is given as entered (positive); when only
    ``kind`` changes, the stored sign follows. Both customers' figures are refreshed
    when the order moves to another customer. With ``expected_version``, an order saved
    by someone else since raises :class:`ConflictError`."""
    today = today or date.today()
    trade = session.get(Transaction, trade_id)
    if trade is None:
        raise ValidationError("order", "required")
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "invalid_choice")
    check_loaded(trade, expected_version, {k: stored_amount(fields.get("kind", trade.kind), v)
                                           if k == "amount_cents" else v
                                           for k, v in fields.items()})
    values: dict[str, Any] = {name: getattr(trade, name) for name in EDITABLE}
    values["amount_cents"] = abs(trade.amount_cents)
    values.update(fields)
    validate_order(customer_id=values["customer_id"], occurred_on=values["occurred_on"],
                   amount_cents=values["amount_cents"], kind=values["kind"],
                   quantity=values["quantity"], today=today,
                   product_line=values["product_line"], invoice_no=values["invoice_no"],
                   order_no=values["order_no"])
    _check_customer_and_contract(session, values["customer_id"], values["contract_id"])
    old_customer = trade.customer_id
    for name in ("product_line", "invoice_no", "order_no", "notes"):
        values[name] = _clean(values[name])
    values["amount_cents"] = stored_amount(values["kind"], values["amount_cents"])
    with stale_guard(session, Transaction, trade_id, expected_version, fields):
        for name, value in values.items():
            setattr(trade, name, value)
        session.flush()
    changes = Changes.of("trades", trade.id)
    for customer_id in sorted({old_customer, trade.customer_id}):
        changes = changes | refresh_customer_metrics(session, customer_id, today)
    return changes.with_value(trade.id)


def delete_order(session: Session, trade_id: int, today: date | None = None, *,
                 expected_version: int | None = None) -> Changes:
    """Delete an order; ``value`` is the snapshot :func:`restore_order` puts back.

    Payments that named this order keep their money on the customer's account; the
    link is cut here (not left to the foreign key's SET NULL, which no one would see)
    and remembered in the snapshot so undo restores it. With ``expected_version``, an
    order changed by someone else since raises :class:`ConflictError` (``deleting``).
    """
    trade = session.get(Transaction, trade_id)
    if trade is None:
        raise ValidationError("order", "required")
    check_loaded(trade, expected_version, {}, deleting=True)
    snap: dict[str, Any] = {
        "trade": {c.key: getattr(trade, c.key) for c in Transaction.__table__.columns},
        "payment_ids": list(session.scalars(
            select(Payment.id).where(Payment.trade_id == trade_id).order_by(Payment.id))),
    }
    changes = Changes.of("trades", trade_id)
    if snap["payment_ids"]:
        session.execute(update(Payment).where(Payment.id.in_(snap["payment_ids"]))
                        .values(trade_id=None, **bumped(Payment)))
        changes = changes.also("payments", *snap["payment_ids"])
    session.delete(trade)
    session.flush()
    changes = changes | refresh_customer_metrics(session, snap["trade"]["customer_id"],
                                         today or date.today())
    return changes.with_value(snap)


def restore_order(session: Session, snap: dict[str, Any], today: date | None = None) -> Changes:
    """Put a deleted order back exactly as it was, id and payment links included (undo)."""
    data = dict(snap["trade"])
    if session.get(Customer, data["customer_id"]) is None:
        raise ValidationError("customer", "required")
    if data.get("contract_id") is not None and session.get(Contract, data["contract_id"]) is None:
        data["contract_id"] = None  # the contract went meanwhile
    session.add(Transaction(**data))
    session.flush()
    changes = Changes.of("trades", data["id"])
    payment_ids = list(session.scalars(select(Payment.id).where(
        Payment.id.in_(snap.get("payment_ids") or []), Payment.trade_id.is_(None))))
    if payment_ids:
        session.execute(update(Payment).where(Payment.id.in_(payment_ids))
                        .values(trade_id=data["id"], **bumped(Payment)))
        changes = changes.also("payments", *payment_ids)
    session.flush()
    return changes | refresh_customer_metrics(session, data["customer_id"], today or date.today())


# -- many orders at once (the importer) ----------------------------------------------------
def add_orders(session: Session, orders: Sequence[NewOrder], today: date | None = None
               ) -> Changes:
    """Insert orders in one statement per batch (ids not tracked). Every row obeys
    :func:`validate_order` and names a current customer (the importer reports an
    archived or unknown one as a row error first); the caller recomputes the metrics
    once for the batch."""
    if not orders:
        return Changes()
    day = today or date.today()
    for order in orders:
        validate_order(customer_id=order.customer_id, occurred_on=order.occurred_on,
                       amount_cents=order.amount_cents, kind=order.kind,
                       quantity=order.quantity, today=day, product_line=order.product_line,
                       invoice_no=order.invoice_no, order_no=order.order_no)
    ids = sorted({o.customer_id for o in orders})
    current: set[int] = set()
    for start in range(0, len(ids), 900):  # SQLite's limit on bound values
        current.update(session.scalars(select(Customer.id).where(
            Customer.id.in_(ids[start:start + 900]), Customer.status != "archived")))
    if len(current) != len(ids):
        raise ValidationError("customer", "customer_archived")
    before = session.scalar(select(func.max(Transaction.id))) or 0
    insert_rows(session, cast(Table, Transaction.__table__),
                ("customer_id", "occurred_on", "amount_cents", "kind", "product_line",
                 "quantity", "invoice_no", "order_no", "notes"),
                [(o.customer_id, o.occurred_on, stored_amount(o.kind, o.amount_cents), o.kind,
                  _clean(o.product_line), o.quantity, _clean(o.invoice_no), _clean(o.order_no),
                  _clean(o.notes)) for o in orders])
    # The change history: one row per imported order ("created by import"), no values.
    history.record_rows(session, "trades", "insert", [
        (tid, cid, None) for tid, cid in session.execute(
            select(Transaction.id, Transaction.customer_id).where(Transaction.id > before))])
    return Changes.of("trades")
