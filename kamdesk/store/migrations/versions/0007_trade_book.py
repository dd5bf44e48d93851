"""The trade side of a real book: returns, invoices, payments, credit, contract life, files.

- ``trades``: ``kind`` (order/return), ``invoice_no``, ``contract_id``;
- ``customers``: ``credit_rating`` (A–D) and ``credit_review_on``;
- ``contracts``: ``parties``, ``payment_terms``, ``previous_contract_id`` (a renewal's
  predecessor), and the status CHECK dropped (the states are checked by the operations;
  the list grew to amended/archived): the only table rebuilt, a small one;
- new ``payments`` (回款), ``contract_events`` (the dated history of a contract's states)
  and ``documents`` (附件: files kept in the data folder by their SHA-256).

Existing contracts get their current state as the first history entry.

Revision ID: 0007_trade_book
Revises: 0006_task_title_codes
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here: the models change later, this upgrade must not.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_trade_book"
down_revision = "0006_task_title_codes"
branch_labels = None
depends_on = None


def _contracts_as_they_were() -> sa.Table:
    """The 0001 contracts table without its status CHECK: what the rebuild copies."""
    return sa.Table(
        "contracts", sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("value_cents", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=12), server_default="draft", nullable=False),
        sa.Column("renewal_notice_days", sa.SmallInteger(), server_default="60",
                  nullable=False),
        sa.Column("file_path", sa.String(length=1000), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on",
                           name="ck_contracts_dates"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_contracts_customer_id_customers",
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name="pk_contracts"),
        sa.UniqueConstraint("number", name="uq_contracts_number"),
        sa.Index("ix_contracts_customer", "customer_id"),
        sa.Index("ix_contracts_end", "end_on"),
    )


def upgrade() -> None:
    # One rebuild of trades (SQLite cannot add a foreign key in place): seconds once,
    # on a book of millions of orders, under the upgrade's backup and transaction.
    with op.batch_alter_table("trades") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=8), server_default="order",
                                   nullable=False))
        batch.add_column(sa.Column("invoice_no", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("contract_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_trades_contract_id_contracts", "contracts",
                                 ["contract_id"], ["id"], ondelete="SET NULL")
    op.create_index("ix_trades_contract", "trades", ["contract_id"])
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("credit_rating", sa.String(length=1), nullable=True))
        batch.add_column(sa.Column("credit_review_on", sa.Date(), nullable=True))
    with op.batch_alter_table("contracts", recreate="always",
                              copy_from=_contracts_as_they_were()) as batch:
        batch.add_column(sa.Column("parties", sa.Text(), nullable=True))
        batch.add_column(sa.Column("payment_terms", sa.Text(), nullable=True))
        batch.add_column(sa.Column("previous_contract_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_contracts_previous_contract_id_contracts", "contracts",
                                 ["previous_contract_id"], ["id"], ondelete="SET NULL")
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("trade_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="ck_payments_amount"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_payments_customer_id_customers", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["trade_id"], ["trades.id"],
                                name="fk_payments_trade_id_trades", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_payments"),
    )
    op.create_index("ix_payments_customer_date", "payments", ["customer_id", "received_on"])
    op.create_index("ix_payments_trade", "payments", ["trade_id"])
    op.create_table(
        "contract_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"],
                                name="fk_contract_events_contract_id_contracts",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_contract_events"),
    )
    op.create_index("ix_contract_events_contract", "contract_events",
                    ["contract_id", "changed_on"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_documents_customer_id_customers", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"],
                                name="fk_documents_contract_id_contracts", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"],
                                name="fk_documents_interaction_id_interactions",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_customer", "documents", ["customer_id"])
    op.create_index("ix_documents_contract", "documents", ["contract_id"])
    op.create_index("ix_documents_interaction", "documents", ["interaction_id"])
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    # Each existing contract's history starts with the state it is in.
    op.execute(
        "INSERT INTO contract_events (contract_id, changed_on, from_status, to_status, note, "
        "created_at) SELECT id, COALESCE(start_on, DATE(created_at)), NULL, status, NULL, "
        "CURRENT_TIMESTAMP FROM contracts")


def downgrade() -> None:
    op.drop_table("documents")
    op.drop_table("contract_events")
    op.drop_table("payments")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("previous_contract_id")
        batch.drop_column("payment_terms")
        batch.drop_column("parties")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("credit_review_on")
        batch.drop_column("credit_rating")
    with op.batch_alter_table("trades") as batch:
        batch.drop_index("ix_trades_contract")
        batch.drop_column("contract_id")
        batch.drop_column("invoice_no")
        batch.drop_column("kind")
