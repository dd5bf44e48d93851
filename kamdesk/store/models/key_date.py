"""Key dates (重要日期) for personalised care: birthdays, anniversaries, founding days.

Stored as month/day (+ lunar flag and leap month) rather than a DATE, because a lunar
birthday falls on a different solar day every year.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Timestamps, Versioned

KEY_DATE_KINDS = ("birthday", "anniversary", "founding", "custom")


class KeyDate(Versioned, Timestamps, Base):
    __tablename__ = "key_dates"
    __table_args__ = (
        CheckConstraint("kind IN ('birthday','anniversary','founding','custom')", name="kind"),
        CheckConstraint("calendar IN ('solar','lunar')", name="calendar"),
        CheckConstraint("recurrence IN ('yearly','once')", name="recurrence"),
        CheckConstraint("month BETWEEN 1 AND 12 AND day BETWEEN 1 AND 31", name="month_day"),
        CheckConstraint("recurrence = 'yearly' OR year IS NOT NULL", name="once_has_year"),
        Index("ix_key_dates_customer", "customer_id"),
        Index("ix_key_dates_person", "person_id"),
        # Today and the calendar look key dates up by (calendar, month, day).
        # the calendar's per-day counts and caps read from this index alone (0015)
        Index("ix_key_dates_rules", "calendar", "month", "day", "leap_month", "recurrence",
              "year", "customer_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(String(200))
    calendar: Mapped[str] = mapped_column(String(8), default="solar", server_default="solar")
    month: Mapped[int] = mapped_column(SmallInteger)
    day: Mapped[int] = mapped_column(SmallInteger)
    leap_month: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    year: Mapped[int | None] = mapped_column(SmallInteger)
    recurrence: Mapped[str] = mapped_column(String(8), default="yearly", server_default="yearly")
    remind_days_before: Mapped[int | None] = mapped_column(SmallInteger)
    notes: Mapped[str | None] = mapped_column(Text)
