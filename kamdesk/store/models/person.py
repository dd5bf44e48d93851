"""A key person (关键人) at a customer and their place in the decision chain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kamdesk.store.models.base import Base, Timestamps, Versioned

if TYPE_CHECKING:  # the relationship's other side (no runtime cycle)
    from kamdesk.store.models.customer import Customer

DECISION_ROLES = (
    "decision_maker", "economic_buyer", "technical_evaluator", "user",
    "influencer", "gatekeeper", "coach",
)
ATTITUDES = ("supporter", "neutral", "opponent")


class Person(Versioned, Timestamps, Base):
    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(
            "decision_role IS NULL OR decision_role IN ('decision_maker','economic_buyer',"
            "'technical_evaluator','user','influencer','gatekeeper','coach')",
            name="role",
        ),
        CheckConstraint(
            "attitude IN ('supporter','neutral','opponent')", name="attitude"
        ),
        CheckConstraint(
            "relationship_strength BETWEEN 1 AND 5", name="strength"
        ),
        Index("ix_people_customer", "customer_id"),
        Index("ix_people_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A person never exists without their company: NOT NULL, and they go with it.
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    department: Mapped[str | None] = mapped_column(String(100))
    decision_role: Mapped[str | None] = mapped_column(String(24))
    attitude: Mapped[str] = mapped_column(String(12), default="neutral", server_default="neutral")
    relationship_strength: Mapped[int] = mapped_column(SmallInteger, default=3, server_default="3")
    phone: Mapped[str | None] = mapped_column(String(50))
    mobile: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(100))
    preferred_contact_time: Mapped[str | None] = mapped_column(String(100))
    preferred_channel: Mapped[str | None] = mapped_column(String(24))
    communication_style: Mapped[str | None] = mapped_column(Text)
    concerns: Mapped[str | None] = mapped_column(Text)
    interests: Mapped[str | None] = mapped_column(Text)
    taboos: Mapped[str | None] = mapped_column(Text)
    career_goals: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    reports_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    name_pinyin: Mapped[str | None] = mapped_column(String(200))
    name_initials: Mapped[str | None] = mapped_column(String(50))

    customer: Mapped[Customer] = relationship(  # noqa: F821
        back_populates="people", foreign_keys=[customer_id]
    )
    reports_to: Mapped[Person | None] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"<Person {self.name}>"
