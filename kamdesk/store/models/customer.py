"""The customer (客户档案): company facts, strategy and needs."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, DateTime, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kamdesk.store.models.base import Base, Money, Timestamps, Versioned

if TYPE_CHECKING:  # the relationship's other side (no runtime cycle)
    from kamdesk.store.models.person import Person

CUSTOMER_STATUSES = ("prospect", "active", "archived")
TIER_SOURCES = ("stated", "computed")
POTENTIALS = ("high", "medium", "low")


class Customer(Versioned, Timestamps, Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("status IN ('prospect','active','archived')", name="status"),
        CheckConstraint("potential IN ('high','medium','low')", name="potential"),
        CheckConstraint("credit_limit_cents IS NULL OR credit_limit_cents >= 0", name="credit"),
        Index("ix_customers_name", "name"),
        Index("ix_customers_industry_name", "industry", "name"),
        Index("ix_customers_owner", "owner"),
        # Sorting the list by these columns walks an index instead of sorting the book.
        Index("ix_customers_industry", "industry"),
        Index("ix_customers_cooperation_start", "cooperation_start"),
        Index("ix_customers_explicit_needs", "explicit_needs"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    scale: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    website: Mapped[str | None] = mapped_column(String(300))
    cooperation_start: Mapped[date | None] = mapped_column(Date)
    founded_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default="active", server_default="active")
    potential: Mapped[str] = mapped_column(String(8), default="medium", server_default="medium")
    strategy_notes: Mapped[str | None] = mapped_column(Text)
    decision_process: Mapped[str | None] = mapped_column(Text)
    explicit_needs: Mapped[str | None] = mapped_column(Text)
    latent_needs: Mapped[str | None] = mapped_column(Text)
    credit_limit_cents: Mapped[int | None] = mapped_column(Money)
    #: 信用评估: A/B/C/D, checked in store/ops (an ADD COLUMN keeps the upgrade cheap)
    credit_rating: Mapped[str | None] = mapped_column(String(1))
    credit_review_on: Mapped[date | None] = mapped_column(Date)
    #: 表1's 年度贡献值 as the user declared it (fen); tiering falls back to it without orders
    declared_contribution_cents: Mapped[int | None] = mapped_column(Money)
    #: 表1's 客户类型 as the user classified the customer (A/B/C; active/silent/churned)
    stated_value_tier: Mapped[str | None] = mapped_column(String(1))
    stated_activity: Mapped[str | None] = mapped_column(String(8))
    #: which classification is in effect: 'stated' | 'computed' | NULL = the book's setting
    tier_source: Mapped[str | None] = mapped_column(String(8))
    #: 表1's 最近互动时间 as the sheet gives it; activity counts from the later of it and the log
    declared_last_contact_at: Mapped[datetime | None] = mapped_column(DateTime)
    share_of_wallet_pct: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    owner: Mapped[str | None] = mapped_column(String(100))
    # Kept up to date when the name is saved (pypinyin is slow to import at start-up).
    name_pinyin: Mapped[str | None] = mapped_column(String(400))
    name_initials: Mapped[str | None] = mapped_column(String(100))

    people: Mapped[list[Person]] = relationship(  # noqa: F821
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True,
        foreign_keys="Person.customer_id",
    )

    def __repr__(self) -> str:
        return f"<Customer {self.code} {self.name}>"
