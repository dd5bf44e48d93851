"""An order/trade: the input for value tiers and RFM.

The table is called ``trades`` because TRANSACTION is an SQL keyword.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Money


class Transaction(Base):
    __tablename__ = "trades"
    __table_args__ = (
        Index("ix_trades_customer_date", "customer_id", "occurred_on", "amount_cents"),
        Index("ix_trades_date", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Money)
    product_line: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[int | None] = mapped_column(Integer)
    order_no: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
