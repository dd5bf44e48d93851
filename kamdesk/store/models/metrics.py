"""Derived per-customer figures, recomputed in bulk, and the tier history.

Kept in their own 1:1 table (not on ``customers``) so a recompute can rewrite all
rows in one pass and the list can sort on an indexed column of any figure.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.dialect import index_expression
from kamdesk.store.models.base import Base, Money


class CustomerMetrics(Base):
    __tablename__ = "customer_metrics"
    __table_args__ = (
        Index("ix_metrics_revenue", "revenue_12m_cents"),
        Index("ix_metrics_last_interaction", "last_interaction_at"),
        Index("ix_metrics_tier", "value_tier", "activity"),
        Index("ix_metrics_health", "health"),
        Index("ix_metrics_next_due", "next_due_on"),
        Index("ix_metrics_key_contact", "key_contact_name"),
        Index("ix_metrics_value_tier", "value_tier"),
        Index("ix_metrics_activity", "activity"),
        Index("ix_metrics_key_contact_phone", "key_contact_phone"),
        # The list's RFM column sorts by this expression (customer_list.SORT_COLUMNS).
        Index("ix_metrics_rfm", index_expression("r_score * 100 + f_score * 10 + m_score")),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    revenue_12m_cents: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    revenue_prev_12m_cents: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    orders_12m: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_trade_on: Mapped[date | None] = mapped_column(Date)
    last_interaction_at: Mapped[datetime | None] = mapped_column(DateTime)
    value_tier: Mapped[str] = mapped_column(String(1), default="C", server_default="C")
    activity: Mapped[str] = mapped_column(String(8), default="silent", server_default="silent")
    r_score: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    f_score: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    m_score: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    segment: Mapped[str | None] = mapped_column(String(24))
    health: Mapped[int] = mapped_column(SmallInteger, default=100, server_default="100")
    health_reasons: Mapped[str | None] = mapped_column(Text)  # JSON list of {code, penalty, params}
    next_due_on: Mapped[date | None] = mapped_column(Date)
    overdue_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    due_action: Mapped[str | None] = mapped_column(String(24))
    key_contact_name: Mapped[str | None] = mapped_column(String(100))
    key_contact_phone: Mapped[str | None] = mapped_column(String(50))
    #: what the customer owes (orders and returns less payments), for customers with a
    #: credit limit; the credit flag reads it (see migration 0008)
    outstanding_cents: Mapped[int | None] = mapped_column(BigInteger)
    computed_on: Mapped[date | None] = mapped_column(Date)


class TierChange(Base):
    __tablename__ = "tier_changes"
    __table_args__ = (Index("ix_tier_changes_customer", "customer_id", "changed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), nullable=False
    )
    changed_on: Mapped[date] = mapped_column(Date)
    dimension: Mapped[str] = mapped_column(String(12))  # 'value_tier' | 'activity'
    old_value: Mapped[str | None] = mapped_column(String(12))
    new_value: Mapped[str] = mapped_column(String(12))
