"""Follow-ups and reminders. A task with ``remind_at`` is a reminder.

``notified_at`` records when the user was last shown it, so a reminder is never
fired twice for the same due time, and one that fell due while the laptop was off
is recognised as missed at the next start.

A task the app generates (a key-date greeting, "prepare renewal", a snoozed cadence
touch) stores ``title_code`` and the facts of its title in ``title_params``; its title
and notes are rendered when shown, in the language in use
(:mod:`kamdesk.domain.task_titles`). ``title`` then holds the facts alone (names and
numbers). A task without a code has the title the user typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Timestamps, Versioned

TASK_SOURCES = ("manual", "interaction", "cadence", "key_date", "contract", "complaint", "plan")
TASK_KINDS = ("task", "call", "visit")


class Task(Versioned, Timestamps, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint(
            "source IN ('manual','interaction','cadence','key_date','contract','complaint','plan')",
            name="source",
        ),
        CheckConstraint("kind IN ('task','call','visit')", name="kind"),
        CheckConstraint("priority BETWEEN 1 AND 3", name="priority"),
        Index("ix_tasks_open_due", "done_at", "due_at"),
        Index("ix_tasks_remind", "done_at", "remind_at"),
        Index("ix_tasks_customer", "customer_id"),
        Index("ix_tasks_kind_due", "kind", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8), default="task", server_default="task")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL")
    )
    owner: Mapped[str | None] = mapped_column(String(100))
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    remind_at: Mapped[datetime | None] = mapped_column(DateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime)
    notified_at: Mapped[datetime | None] = mapped_column(DateTime)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    priority: Mapped[int] = mapped_column(SmallInteger, default=2, server_default="2")
    source: Mapped[str] = mapped_column(String(12), default="manual", server_default="manual")
    # What generated the task (e.g. "keydate:12:2026"), so regenerating never duplicates.
    source_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    # Generated tasks: what the title says, as a code and facts (revision 0006).
    title_code: Mapped[str | None] = mapped_column(String(24))
    # JSONB on PostgreSQL: comparable, so a UNION of task rows can drop duplicates
    title_params: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql"))
