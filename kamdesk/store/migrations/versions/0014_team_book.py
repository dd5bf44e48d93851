"""What a book shared by a team needs (issue #17), harmless on a personal book.

- ``version`` (integer, starts at 1) on every record a person edits in a dialog:
  customers, people, interactions, tasks, trades, payments, contracts, complaints,
  opportunities, events, account_plans, key_dates, survey_responses, documents. An
  update names the version it read (``WHERE version = :read``) and bumps it, so a second
  client saving over a change it has not seen is told, not silently overwriting it.
- ``document_contents``: the bytes of attached files keyed by SHA-256. A personal book
  keeps them in the data folder beside the file; on a server every colleague must be
  able to open them, so they live in the database there.

Revision ID: 0014_team_book
Revises: 0013_tags
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_team_book"
down_revision = "0013_tags"
branch_labels = None
depends_on = None

VERSIONED_TABLES = (
    "customers", "people", "interactions", "tasks", "trades", "payments", "contracts",
    "complaints", "opportunities", "events", "account_plans", "key_dates",
    "survey_responses", "documents",
)


def upgrade() -> None:
    # ADD COLUMN with a constant default: no table rebuild on SQLite, no rewrite on
    # PostgreSQL 11+; existing rows read version 1.
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default=sa.text("1")))
    op.create_table(
        "document_contents",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_document_contents"),
    )


def downgrade() -> None:
    op.drop_table("document_contents")
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
