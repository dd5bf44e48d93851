"""Customer events (salons, training, user days) and who took part (表3 活动效果评估)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Timestamps, Versioned

EVENT_KINDS = (
    "salon", "training", "user_day", "appreciation", "webinar", "site_visit", "launch", "other",
)


class Event(Versioned, Timestamps, Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('salon','training','user_day','appreciation','webinar','site_visit',"
            "'launch','other')", name="kind"
        ),
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                        name="satisfaction"),
        Index("ix_events_date", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="other", server_default="other")
    location: Mapped[str | None] = mapped_column(String(300))
    target_participants: Mapped[int | None] = mapped_column(Integer)
    actual_participants: Mapped[int | None] = mapped_column(Integer)
    satisfaction: Mapped[Decimal | None] = mapped_column(Numeric(3, 1))
    improvements: Mapped[str | None] = mapped_column(Text)
    follow_up_plan: Mapped[str | None] = mapped_column(Text)
    budget_cents: Mapped[int | None] = mapped_column(BigInteger)


class EventAttendance(Base):
    __tablename__ = "event_attendance"
    __table_args__ = (
        UniqueConstraint("event_id", "customer_id", "person_id", name="uq_event_attendance"),
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                        name="satisfaction"),
        Index("ix_event_attendance_customer", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    invited: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    attended: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    feedback: Mapped[str | None] = mapped_column(Text)
