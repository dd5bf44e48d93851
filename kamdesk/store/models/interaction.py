"""The contact log row (沟通记录)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kamdesk.store.models.base import Base, Timestamps, Versioned

if TYPE_CHECKING:  # the relationship's other side (no runtime cycle)
    from kamdesk.store.models.person import Person

CHANNELS = ("visit", "phone", "email", "wechat", "video", "meeting", "event")

interaction_people = Table(
    "interaction_people",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_interaction_people_person", "person_id"),
)


class Interaction(Versioned, Timestamps, Base):
    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint(
            "channel IN ('visit','phone','email','wechat','video','meeting','event')",
            name="channel",
        ),
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                        name="satisfaction"),
        Index("ix_interactions_customer_when", "customer_id", "occurred_at"),
        Index("ix_interactions_when", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # History protects its customer: delete is refused, archive instead.
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(12))
    topic: Mapped[str] = mapped_column(String(300))
    feedback: Mapped[str | None] = mapped_column(Text)
    issue: Mapped[str | None] = mapped_column(Text)
    next_action: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(100))
    deadline: Mapped[date | None] = mapped_column(Date)
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)

    people: Mapped[list[Person]] = relationship(secondary=interaction_people)  # noqa: F821
