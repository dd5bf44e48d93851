"""Contracts and their renewal window (合同执行与续签)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Money, Timestamps

CONTRACT_STATUSES = ("draft", "review", "signed", "active", "expired", "terminated", "renewed")


class Contract(Timestamps, Base):
    __tablename__ = "contracts"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft','review','signed','active','expired','terminated','renewed')",
            name="status",
        ),
        CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on", name="dates"),
        Index("ix_contracts_customer", "customer_id"),
        Index("ix_contracts_end", "end_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    number: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    value_cents: Mapped[int | None] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(12), default="draft", server_default="draft")
    renewal_notice_days: Mapped[int] = mapped_column(SmallInteger, default=60, server_default="60")
    file_path: Mapped[str | None] = mapped_column(String(1000))
    notes: Mapped[str | None] = mapped_column(Text)
