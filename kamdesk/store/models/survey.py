"""Satisfaction (CSAT 1–5) and NPS (0–10) answers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Versioned


class SurveyResponse(Versioned, Base):
    __tablename__ = "survey_responses"
    __table_args__ = (
        CheckConstraint("csat IS NULL OR csat BETWEEN 1 AND 5", name="csat"),
        CheckConstraint("nps IS NULL OR nps BETWEEN 0 AND 10", name="nps"),
        CheckConstraint("csat IS NOT NULL OR nps IS NOT NULL", name="has_score"),
        Index("ix_survey_customer_date", "customer_id", "responded_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    responded_on: Mapped[date] = mapped_column(Date)
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    nps: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    #: how the answer was collected (a code of the vocabulary's channel kind)
    channel: Mapped[str | None] = mapped_column(String(24))
