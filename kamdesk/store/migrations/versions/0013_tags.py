"""Tags (标签): the user's own coloured labels on customers.

- ``tags``: ``name`` (user text, unique) and ``colour`` (``#rrggbb``).
- ``customer_tags``: which customer carries which tag; both sides cascade on delete.

Revision ID: 0013_tags
Revises: 0012_change_history
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_tags"
down_revision = "0012_change_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "customer_tags",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name="fk_customer_tags_customer_id_customers"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE",
                                name="fk_customer_tags_tag_id_tags"),
        sa.PrimaryKeyConstraint("customer_id", "tag_id", name="pk_customer_tags"),
    )
    op.create_index("ix_customer_tags_tag", "customer_tags", ["tag_id"])


def downgrade() -> None:
    op.drop_table("customer_tags")
    op.drop_table("tags")
