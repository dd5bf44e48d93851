"""Account plans (客户计划): one per customer per period, never overwritten."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kamdesk.store.models.base import Base, Timestamps, Versioned

ACTION_STATUSES = ("open", "in_progress", "done", "dropped")
RISK_KINDS = ("credit", "market", "single_contact", "contract", "other")
LEVELS = ("low", "medium", "high")


class AccountPlan(Versioned, Timestamps, Base):
    __tablename__ = "account_plans"
    __table_args__ = (
        UniqueConstraint("customer_id", "period", name="uq_account_plans_customer_period"),
        CheckConstraint("status IN ('draft','final')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=False
    )
    period: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(8), default="draft", server_default="draft")
    situation_summary: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)
    weaknesses: Mapped[str | None] = mapped_column(Text)
    swot_opportunities: Mapped[str | None] = mapped_column(Text)
    threats: Mapped[str | None] = mapped_column(Text)
    strategies: Mapped[str | None] = mapped_column(Text)
    opportunities: Mapped[str | None] = mapped_column(Text)
    resources_needed: Mapped[str | None] = mapped_column(Text)
    stakeholder_notes: Mapped[str | None] = mapped_column(Text)

    objectives: Mapped[list[PlanObjective]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlanObjective.position"
    )
    actions: Mapped[list[PlanAction]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlanAction.position"
    )
    risks: Mapped[list[PlanRisk]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlanRisk.position"
    )


class PlanObjective(Base):
    __tablename__ = "plan_objectives"
    __table_args__ = (Index("ix_plan_objectives_plan", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("account_plans.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    metric: Mapped[str] = mapped_column(String(300))
    baseline: Mapped[str | None] = mapped_column(String(100))
    target: Mapped[str | None] = mapped_column(String(100))
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open", server_default="open")


class PlanAction(Base):
    __tablename__ = "plan_actions"
    __table_args__ = (
        CheckConstraint("status IN ('open','in_progress','done','dropped')", name="status"),
        Index("ix_plan_actions_plan", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("account_plans.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(100))
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open", server_default="open")
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))


class PlanRisk(Base):
    __tablename__ = "plan_risks"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('credit','market','single_contact','contract','other')", name="kind"
        ),
        CheckConstraint("level IN ('low','medium','high')", name="level"),
        Index("ix_plan_risks_plan", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("account_plans.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    risk: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="other", server_default="other")
    level: Mapped[str] = mapped_column(String(8), default="medium", server_default="medium")
    mitigation: Mapped[str | None] = mapped_column(Text)
