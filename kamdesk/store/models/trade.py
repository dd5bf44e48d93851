"""An order/trade: the input for value tiers and RFM.

The table is called ``trades`` because TRANSACTION is an SQL keyword. ``kind`` says
whether the row is an order or a return/credit note (the only rows allowed a negative
amount; checked in store/ops: a CHECK here would mean rebuilding a table of millions
of rows on upgrade); ``invoice_no`` and ``contract_id`` tie it to the paperwork.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Money, Versioned

TRADE_KINDS = ("order", "return")


class Transaction(Versioned, Base):
    __tablename__ = "trades"
    __table_args__ = (
        Index("ix_trades_customer_date", "customer_id", "occurred_on", "amount_cents"),
        Index("ix_trades_date", "occurred_on"),
        Index("ix_trades_contract", "contract_id"),
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
    kind: Mapped[str] = mapped_column(String(8), default="order", server_default="order")
    invoice_no: Mapped[str | None] = mapped_column(String(64))
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="SET NULL"))
