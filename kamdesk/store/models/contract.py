"""Contracts through their whole life (合同全流程) and their renewal window.

``status`` is the current state; every move between states is a dated
:class:`ContractEvent` with a note, so the history survives. A renewal is the next
contract, linked to the one it renews by ``previous_contract_id``. The allowed states
are checked in :mod:`kamdesk.store.ops` (the list grew after the first release, and
widening a CHECK constraint would mean rebuilding a table every user has).
"""

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
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Money, Timestamps, Versioned

#: the whole life: draft → under review → signed → in force → amended → renewed →
#: terminated → archived (plus "expired", which an in-force contract becomes at its end)
CONTRACT_STATUSES = ("draft", "review", "signed", "active", "amended", "renewed", "expired",
                     "terminated", "archived")


class Contract(Versioned, Timestamps, Base):
    __tablename__ = "contracts"
    __table_args__ = (
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
    parties: Mapped[str | None] = mapped_column(Text)
    payment_terms: Mapped[str | None] = mapped_column(Text)
    previous_contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="SET NULL"))


class ContractEvent(Base):
    """One move of a contract between states, dated, with the user's note."""

    __tablename__ = "contract_events"
    __table_args__ = (Index("ix_contract_events_contract", "contract_id", "changed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), nullable=False
    )
    changed_on: Mapped[date] = mapped_column(Date)
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
