"""What a sheet says is stored as what it is, and an import can be taken back.

- ``customers.declared_contribution_cents``: 表1's 年度贡献值, the customer's *declared*
  annual contribution (fen) — a fact the user stated, never booked as an invented trade;
  value tiering falls back to it when the customer has no orders in the window;
- ``customers.stated_value_tier`` (A/B/C) and ``customers.stated_activity``
  (active/silent/churned): 表1's 客户类型 as the user classified the customer; shown beside
  the computed tiers; ``customers.tier_source`` says which one is in effect for that
  customer (``stated``/``computed``; NULL follows the book's setting);
- ``customers.declared_last_contact_at``: 表1's 最近互动时间, kept as the date the sheet gives
  (activity counts from the later of it and the contact log) instead of an invented contact;
- ``import_batches`` and ``import_batch_rows``: every import is recorded with the rows it
  inserted and the values it overwrote, so the whole import can be undone afterwards.

Revision ID: 0011_faithful_import
Revises: 0010_service_states
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_faithful_import"
down_revision = "0010_service_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column without a CHECK needs no table rebuild on SQLite; the codes are checked
    # by the operations (as contract statuses are).
    op.add_column("customers", sa.Column("declared_contribution_cents", sa.BigInteger(),
                                         nullable=True))
    op.add_column("customers", sa.Column("stated_value_tier", sa.String(length=1),
                                         nullable=True))
    op.add_column("customers", sa.Column("stated_activity", sa.String(length=8), nullable=True))
    op.add_column("customers", sa.Column("tier_source", sa.String(length=8), nullable=True))
    op.add_column("customers", sa.Column("declared_last_contact_at", sa.DateTime(),
                                         nullable=True))
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("inserted", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_import_batches"),
    )
    op.create_table(
        "import_batch_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.CheckConstraint("action IN ('insert','update')", name="ck_import_batch_rows_action"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"],
                                name="fk_import_batch_rows_batch_id_import_batches",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_import_batch_rows"),
    )
    op.create_index("ix_import_batch_rows_batch", "import_batch_rows", ["batch_id"])
    op.create_index("ix_import_batch_rows_row", "import_batch_rows", ["table_name", "row_id"])


def downgrade() -> None:
    op.drop_table("import_batch_rows")
    op.drop_table("import_batches")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("declared_last_contact_at")
        batch.drop_column("tier_source")
        batch.drop_column("stated_activity")
        batch.drop_column("stated_value_tier")
        batch.drop_column("declared_contribution_cents")
