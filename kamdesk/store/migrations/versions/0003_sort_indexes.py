"""Indexes for sorting the customer list by any column and for key-date lookups.

Revision ID: 0003_sort_indexes
Revises: 0002_metrics_search
Create Date: 2026-11-23

Landed migrations are never edited: a user's existing database must open.
Never import the live ORM classes here; they change later.
"""
from alembic import op

revision = "0003_sort_indexes"
down_revision = "0002_metrics_search"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_customers_industry", "customers", ["industry"]),
    ("ix_customers_cooperation_start", "customers", ["cooperation_start"]),
    ("ix_customers_explicit_needs", "customers", ["explicit_needs"]),
    ("ix_metrics_value_tier", "customer_metrics", ["value_tier"]),
    ("ix_metrics_activity", "customer_metrics", ["activity"]),
    ("ix_metrics_key_contact_phone", "customer_metrics", ["key_contact_phone"]),
    ("ix_key_dates_calendar_month_day", "key_dates", ["calendar", "month", "day"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
