"""The new-customer pipeline: 初步接触 → 方案演示 → 试用体验 → 合同签订."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kamdesk.store.models.base import Base, Money, Timestamps, Versioned

STAGES = ("lead", "first_contact", "demo", "trial", "won", "lost")
_STAGE_SQL = "('lead','first_contact','demo','trial','won','lost')"


class Opportunity(Versioned, Timestamps, Base):
    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint(f"stage IN {_STAGE_SQL}", name="stage"),
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability"),
        Index("ix_opportunities_customer", "customer_id"),
        Index("ix_opportunities_stage", "stage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(16), default="lead", server_default="lead")
    owner: Mapped[str | None] = mapped_column(String(100))
    stage_target_date: Mapped[date | None] = mapped_column(Date)
    expected_value_cents: Mapped[int | None] = mapped_column(Money)
    probability: Mapped[int] = mapped_column(SmallInteger, default=10, server_default="10")
    lost_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    stage_history: Mapped[list[OpportunityStageChange]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True,
        order_by="OpportunityStageChange.changed_at",
    )


class OpportunityStageChange(Base):
    __tablename__ = "opportunity_stage_changes"
    __table_args__ = (Index("ix_stage_changes_opportunity", "opportunity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), nullable=False
    )
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
