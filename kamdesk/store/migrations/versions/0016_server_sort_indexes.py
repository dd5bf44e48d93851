"""The customer list's sort indexes on a PostgreSQL (team) book (issue #17: the 100k
benchmark on both engines). PostgreSQL sorts NULLs last and the list keeps SQLite's
order (NULLs first ascending, ties by id), so its plain indexes could not give a sorted
page: every sort read the whole table (80–180 ms at 100k). One index per sort column,
``NULLS FIRST`` where it may be empty, with the id as tie-break: ~3 ms. SQLite books
are unchanged (their plain indexes already give that order).

The same list lives in :mod:`kamdesk.store.sort_indexes_pg` for new server books; this
copy stays as it is, as every landed migration does.

Revision ID: 0016_server_sort_indexes
Revises: 0015_calendar_indexes
Create Date: 2026-12-05

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

from alembic import op

revision = "0016_server_sort_indexes"
down_revision = "0015_calendar_indexes"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_pg_sort_industry", "customers", "industry NULLS FIRST, id"),
    ("ix_pg_sort_months", "customers", "cooperation_start NULLS FIRST, id"),
    ("ix_pg_sort_need", "customers", "explicit_needs NULLS FIRST, id"),
    ("ix_pg_sort_owner", "customers", "owner NULLS FIRST, id"),
    ("ix_pg_sort_potential", "customers", "potential, id"),
    ("ix_pg_sort_revenue", "customer_metrics", "revenue_12m_cents, customer_id"),
    ("ix_pg_sort_tier", "customer_metrics", "value_tier, customer_id"),
    ("ix_pg_sort_activity", "customer_metrics", "activity, customer_id"),
    ("ix_pg_sort_key_contact", "customer_metrics", "key_contact_name NULLS FIRST, customer_id"),
    ("ix_pg_sort_phone", "customer_metrics", "key_contact_phone NULLS FIRST, customer_id"),
    ("ix_pg_sort_last_interaction", "customer_metrics",
     "last_interaction_at NULLS FIRST, customer_id"),
    ("ix_pg_sort_health", "customer_metrics", "health, customer_id"),
    ("ix_pg_sort_rfm", "customer_metrics",
     "(r_score * 100 + f_score * 10 + m_score) NULLS FIRST, customer_id"),
    ("ix_pg_sort_next_due", "customer_metrics", "next_due_on NULLS FIRST, customer_id"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table, columns in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _table, _columns in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
