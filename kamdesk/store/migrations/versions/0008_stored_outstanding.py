"""Keep what each customer owes in the metrics row.

``customer_metrics.outstanding_cents``: orders and returns less payments, for customers
with a credit limit (NULL otherwise). The credit flag on Today, the customer list's
"Credit used" column and its filter read it instead of summing millions of orders and
payments at every look; every write of an order or a payment refreshes the customer's
row, and the daily recompute writes it for the whole book.

Revision ID: 0008_stored_outstanding
Revises: 0007_trade_book
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_stored_outstanding"
down_revision = "0007_trade_book"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customer_metrics",
                  sa.Column("outstanding_cents", sa.BigInteger(), nullable=True))
    op.execute(
        "UPDATE customer_metrics SET outstanding_cents = "
        "coalesce((SELECT sum(t.amount_cents) FROM trades t "
        "          WHERE t.customer_id = customer_metrics.customer_id), 0) - "
        "coalesce((SELECT sum(p.amount_cents) FROM payments p "
        "          WHERE p.customer_id = customer_metrics.customer_id), 0) "
        "WHERE customer_id IN (SELECT id FROM customers WHERE credit_limit_cents IS NOT NULL)")


def downgrade() -> None:
    with op.batch_alter_table("customer_metrics") as batch:
        batch.drop_column("outstanding_cents")
