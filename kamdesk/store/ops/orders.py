"""Writing orders (交易, the ``trades`` table): what a customer bought, the facts behind
revenue, RFM and the value tier. Today only the importer adds them, many at once; the
metrics that depend on them are recomputed by the caller once for the whole batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Transaction
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes

__all__ = ["NewOrder", "add_orders"]


@dataclass(frozen=True, slots=True)
class NewOrder:
    customer_id: int
    occurred_on: date
    amount_cents: int
    notes: str | None = None


def add_orders(session: Session, orders: Sequence[NewOrder]) -> Changes:
    """Insert orders in one statement per batch (ids not tracked)."""
    if not orders:
        return Changes()
    for order in orders:
        if not isinstance(order.occurred_on, date):
            raise ValidationError("occurred_on", "invalid_date")
        if order.amount_cents < 0:
            raise ValidationError("amount_cents", "out_of_range")
    insert_rows(session, cast(Table, Transaction.__table__),
                ("customer_id", "occurred_on", "amount_cents", "notes"),
                [(o.customer_id, o.occurred_on, o.amount_cents, o.notes) for o in orders])
    return Changes.of("trades")
