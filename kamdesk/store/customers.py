"""Moved to :mod:`kamdesk.store.ops.customers`; shim until the merge.

The operations there return :class:`~kamdesk.store.ops.Changes` (a new id in ``value``);
the three wrappers below keep the old return values (the ORM row, None) for callers not
yet converted, and go when they are.
"""

from typing import Any

from sqlalchemy.orm import Session

from kamdesk.store.models import Customer
from kamdesk.store.ops import customers as _ops
from kamdesk.store.ops.customers import EDITABLE, delete_customer, next_code  # noqa: F401
from kamdesk.store.queries.customers import history_counts as _history_counts


def create_customer(session: Session, **fields: Any) -> Customer:
    return session.get(Customer, _ops.create_customer(session, **fields).value)  # type: ignore[return-value]


def update_customer(session: Session, customer_id: int, **fields: Any) -> Customer:
    _ops.update_customer(session, customer_id, **fields)
    return session.get(Customer, customer_id)  # type: ignore[return-value]


def set_archived(session: Session, customer_id: int, archived: bool) -> None:
    _ops.set_archived(session, customer_id, archived)


def history_counts(session: Session, customer_id: int) -> dict[str, int]:
    return _history_counts(session.connection(), customer_id)
