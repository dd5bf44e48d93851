"""Writing payments received (回款): record, edit, delete (with an undo snapshot) and put
back a payment against a customer and, optionally, one of its orders.

A payment is checked against the book before it is written: a positive amount, a date
no more than a year ahead, an order of the same customer (an order, not a return), and
no more than the customer owes (orders − returns − other payments), so the receivables
never go negative by a typing slip. Each operation also brings the customer's derived
row up to date (the health score may weigh what is owed) and says so in its Changes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain import vocab
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Payment
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.metrics import refresh_customer_metrics
from kamdesk.store.ops.versions import check_loaded, stale_guard
from kamdesk.store.queries.receivables import outstanding, trade_owner

__all__ = ["EDITABLE", "add_payment", "update_payment", "delete_payment", "restore_payment",
           "snapshot_payment"]

#: the fields a payment's edit may set
EDITABLE = ("received_on", "amount_cents", "trade_id", "method", "reference", "notes")
#: how far ahead a payment may be dated (a post-dated acceptance bill, not a typo)
MAX_DAYS_AHEAD = 366


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
        out[key] = (value.strip() or None) if isinstance(value, str) else value
    return out


def _validate(session: Session, customer_id: int, data: dict[str, Any], today: date,
              owed_before: int) -> None:
    """The rules of the module doc; ``owed_before`` is what the customer owes without
    this payment (so an edit is checked against the rest of the book)."""
    received_on = data.get("received_on")
    if not isinstance(received_on, date):
        raise ValidationError("received_on", "invalid_date")
    if (received_on - today).days > MAX_DAYS_AHEAD:
        raise ValidationError("received_on", "too_far_ahead")
    amount = data.get("amount_cents")
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise ValidationError("amount_cents", "invalid_number")
    if amount <= 0:
        raise ValidationError("amount_cents", "must_be_positive")
    method = data.get("method")
    if method is not None and method not in vocab.codes("payment_method"):
        raise ValidationError("method", "invalid_choice")
    for key, size in (("reference", 64),):
        if data.get(key) is not None and len(data[key]) > size:
            raise ValidationError(key, "too_long")
    trade_id = data.get("trade_id")
    if trade_id is not None:
        owner = trade_owner(session.connection(), int(trade_id))
        if owner is None:
            raise ValidationError("trade_id", "required")
        if owner[0] != customer_id:
            raise ValidationError("trade_id", "other_customer")
        if owner[1] != "order":
            raise ValidationError("trade_id", "invalid_choice")
    if amount > owed_before:
        raise ValidationError("amount_cents", "exceeds_outstanding",
                              str(max(0, owed_before)))


def add_payment(session: Session, *, customer_id: int, received_on: date, amount_cents: int,
                trade_id: int | None = None, method: str | None = None,
                reference: str | None = None, notes: str | None = None,
                today: date | None = None) -> Changes:
    """Record a payment; ``value`` is its id."""
    today = today or date.today()
    if not customer_id or session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    data = _clean({"received_on": received_on, "amount_cents": amount_cents,
                   "trade_id": trade_id, "method": method, "reference": reference,
                   "notes": notes})
    session.flush()
    _validate(session, customer_id, data, today, outstanding(session.connection(), customer_id))
    payment = Payment(customer_id=customer_id, **data)
    session.add(payment)
    session.flush()
    return (Changes.of("payments", payment.id)
            | refresh_customer_metrics(session, customer_id, today)).with_value(payment.id)


def update_payment(session: Session, payment_id: int, *, today: date | None = None,
                   expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit a payment (any of :data:`EDITABLE`); ``value`` is its id. With
    ``expected_version``, a payment saved by someone else since raises ConflictError."""
    today = today or date.today()
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise ValidationError("payment", "required")
    mine = _clean(fields)
    check_loaded(payment, expected_version, mine)
    data = {key: getattr(payment, key) for key in EDITABLE} | mine
    session.flush()
    owed_before = outstanding(session.connection(), payment.customer_id) + payment.amount_cents
    _validate(session, payment.customer_id, data, today, owed_before)
    with stale_guard(session, Payment, payment_id, expected_version, mine):
        for key, value in data.items():
            setattr(payment, key, value)
        session.flush()
    return (Changes.of("payments", payment.id)
            | refresh_customer_metrics(session, payment.customer_id, today)).with_value(payment.id)


def snapshot_payment(session: Session, payment_id: int) -> dict[str, Any]:
    """Every column of a payment, to put it back exactly (undo)."""
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise ValidationError("payment", "required")
    return {c.key: getattr(payment, c.key) for c in Payment.__table__.columns}


def delete_payment(session: Session, payment_id: int, today: date | None = None, *,
                   expected_version: int | None = None) -> Changes:
    """Delete a payment; ``value`` is the snapshot :func:`restore_payment` puts back.
    With ``expected_version``, a payment changed by someone else since raises
    :class:`ConflictError` (``deleting``)."""
    snap = snapshot_payment(session, payment_id)
    payment = session.get(Payment, payment_id)
    check_loaded(payment, expected_version, {}, deleting=True)
    with stale_guard(session, Payment, payment_id, expected_version, {}, deleting=True):
        session.delete(payment)
        session.flush()
    return (Changes.of("payments", payment_id)
            | refresh_customer_metrics(session, snap["customer_id"], today or date.today())
            ).with_value(snap)


def restore_payment(session: Session, snap: dict[str, Any], today: date | None = None
                    ) -> Changes:
    """Put a deleted payment back as it was (undo). It was valid when it was deleted, so
    only what may have gone since is checked: the customer, and the order it named (a
    deleted order leaves the payment unassigned, as deleting the order would have)."""
    data = dict(snap)
    if session.get(Customer, data["customer_id"]) is None:
        raise ValidationError("customer", "required")
    if data.get("trade_id") is not None:
        owner = trade_owner(session.connection(), int(data["trade_id"]))
        if owner is None or owner[0] != data["customer_id"]:
            data["trade_id"] = None
    if session.scalar(select(Payment.id).where(Payment.id == data.get("id"))) is not None:
        data.pop("id")  # the id was taken meanwhile: a new one
    payment = Payment(**data)
    session.add(payment)
    session.flush()
    return (Changes.of("payments", payment.id)
            | refresh_customer_metrics(session, payment.customer_id, today or date.today())
            ).with_value(payment.id)
