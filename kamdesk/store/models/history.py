"""Change history (变更记录): every recorded change to a customer's records.

Written only by :mod:`kamdesk.store.history` (never by an operation directly); read by
:mod:`kamdesk.store.queries.history`; reverted by :mod:`kamdesk.store.ops.history`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base

HISTORY_ACTIONS = ("insert", "update", "delete")


class ChangeRecord(Base):
    """One change: a field's old → new value (``action`` 'update'), or a whole row
    inserted or deleted (``field`` NULL, the row's values as JSON in new/old)."""

    __tablename__ = "change_history"
    __table_args__ = (
        CheckConstraint("action IN ('insert','update','delete')", name="action"),
        Index("ix_change_history_customer", "customer_id", "id"),
        Index("ix_change_history_row", "table_name", "row_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    actor: Mapped[str | None] = mapped_column(String(100))
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    row_id: Mapped[int] = mapped_column(Integer, nullable=False)
    customer_id: Mapped[int | None] = mapped_column(Integer)  # no FK: outlives the customer
    action: Mapped[str] = mapped_column(String(8), nullable=False)
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(Integer)
