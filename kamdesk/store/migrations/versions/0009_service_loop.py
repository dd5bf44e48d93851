"""The service loop's missing facts: survey channel, event budget, complaint hand-overs.

- ``survey_responses.channel``: how the answer was collected (visit, phone, online…);
- ``events.budget_cents``: what an event was planned to cost (exact fen);
- ``complaint_handovers``: 首问负责制 — a complaint stays with whoever received it until it
  is explicitly handed over; each hand-over is kept (from, to, when, why).

Revision ID: 0009_service_loop
Revises: 0008_stored_outstanding
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_service_loop"
down_revision = "0008_stored_outstanding"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("survey_responses", sa.Column("channel", sa.String(length=24), nullable=True))
    op.add_column("events", sa.Column("budget_cents", sa.BigInteger(), nullable=True))
    op.create_table(
        "complaint_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("from_owner", sa.String(length=100), nullable=True),
        sa.Column("to_owner", sa.String(length=100), nullable=False),
        sa.Column("handed_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name="fk_complaint_handovers_complaint_id_complaints",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_complaint_handovers"),
    )
    op.create_index("ix_complaint_handovers_complaint", "complaint_handovers",
                    ["complaint_id", "handed_at"])


def downgrade() -> None:
    op.drop_table("complaint_handovers")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("budget_cents")
    with op.batch_alter_table("survey_responses") as batch:
        batch.drop_column("channel")
