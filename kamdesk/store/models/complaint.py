"""Complaints with an owner and a response deadline (首问负责制, answer within 24 h)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Timestamps, Versioned

SEVERITIES = ("low", "medium", "high", "critical")
COMPLAINT_STATUSES = ("open", "responded", "resolving", "resolved", "closed")


class Complaint(Versioned, Timestamps, Base):
    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint("severity IN ('low','medium','high','critical')", name="severity"),
        CheckConstraint("status IN ('open','responded','resolving','resolved','closed')",
                        name="status"),
        CheckConstraint(
            "satisfaction_after IS NULL OR satisfaction_after BETWEEN 1 AND 5", name="satisfaction"
        ),
        Index("ix_complaints_customer", "customer_id"),
        Index("ix_complaints_status_deadline", "status", "response_deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str | None] = mapped_column(String(24))
    category: Mapped[str | None] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(12), default="medium", server_default="medium")
    description: Mapped[str] = mapped_column(Text)
    response_deadline: Mapped[datetime | None] = mapped_column(DateTime)
    responded_at: Mapped[datetime | None] = mapped_column(DateTime)
    owner: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12), default="open", server_default="open")
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    follow_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    satisfaction_after: Mapped[int | None] = mapped_column(SmallInteger)
    lessons: Mapped[str | None] = mapped_column(Text)


class ComplaintHandover(Base):
    """首问负责制: whoever received a complaint owns it until it is handed over, explicitly;
    every hand-over is kept."""

    __tablename__ = "complaint_handovers"
    __table_args__ = (Index("ix_complaint_handovers_complaint", "complaint_id", "handed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False
    )
    from_owner: Mapped[str | None] = mapped_column(String(100))
    to_owner: Mapped[str] = mapped_column(String(100))
    handed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
