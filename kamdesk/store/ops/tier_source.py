"""Switching from the user's stated classification (表1's 客户类型) to computed tiers,
for one customer or for the whole book, and the figures recomputed at once.

``customers.tier_source``: 'stated' | 'computed' | NULL (the book's setting,
``TieringSettings.tier_source``, 'stated' by default — docs/tiering.md).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from kamdesk.store import history
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import Customer
from kamdesk.store.ops.changes import Changes, tables
from kamdesk.store.ops.settings import save_tiering_settings
from kamdesk.store.queries.settings import tiering_settings

__all__ = ["set_book_tier_source", "set_customer_tier_source"]

_SOURCES = ("stated", "computed")


def set_customer_tier_source(session: Session, customer_id: int, source: str | None,
                             today: date, now: datetime | None = None) -> Changes:
    """Use ``source`` for this customer (None: follow the book); figures recomputed."""
    if source is not None and source not in _SOURCES:
        raise ValidationError("tier_source", "invalid_choice", source)
    session.flush()
    customers = cast(Table, Customer.__table__)
    before = history.snapshot(session, customers, [customer_id])
    done = session.execute(text(
        "UPDATE customers SET tier_source = :s, updated_at = :now, version = version + 1 "
        "WHERE id = :c"),
        {"s": source, "c": customer_id, "now": now or datetime.now().replace(microsecond=0)})
    if not done.rowcount:  # type: ignore[attr-defined]
        raise ValidationError("customer", "required")
    history.record_update(session, "customers", before,
                          history.snapshot(session, customers, [customer_id]))
    session.expire_all()
    recompute_metrics(session.connection(), today)
    return (Changes.of("customers", customer_id)
            | tables("customer_metrics", "tier_changes", "app_settings")).with_value(customer_id)


def set_book_tier_source(session: Session, source: str, today: date) -> Changes:
    """The book's default for customers that do not choose; figures recomputed."""
    if source not in _SOURCES:
        raise ValidationError("tier_source", "invalid_choice", source)
    settings = replace(tiering_settings(session.connection()), tier_source=source)
    changes = save_tiering_settings(session, settings)
    recompute_metrics(session.connection(), today)
    return changes | tables("customer_metrics", "tier_changes", "app_settings")
