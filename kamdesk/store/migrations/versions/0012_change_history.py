"""Change history (变更记录): who changed what in the book, and what it was before.

- ``change_history``: one row per changed field of a customer, person, contract, order
  or plan (account plan, objective, action, risk); one row per inserted or deleted row
  (its values as JSON). ``actor`` is the app's user name (the GUI's signed-in manager,
  the CLI's ``--user`` or OS user); ``customer_id`` is kept without a foreign key so a
  deleted customer's history stays readable; ``batch_id`` names the import that wrote
  the row (imports are summarised one history row per imported row).

Revision ID: 0012_change_history
Revises: 0011_faithful_import
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_change_history"
down_revision = "0011_faithful_import"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=True),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("action IN ('insert','update','delete')",
                           name="ck_change_history_action"),
        sa.PrimaryKeyConstraint("id", name="pk_change_history"),
    )
    op.create_index("ix_change_history_customer", "change_history", ["customer_id", "id"])
    op.create_index("ix_change_history_row", "change_history", ["table_name", "row_id"])


def downgrade() -> None:
    op.drop_table("change_history")
