"""Indexes the Calendar's month reads walk (issue #15 item 8: a month open ≤ 150 ms at
100k customers), measured on the 100k benchmark book:

- ``ix_tasks_kind_due`` on tasks (kind, due_at): the first few tasks of each day and
  kind, and each day's count, are one short index seek each (the tasks of a month page
  150 → 16 ms; the month open ~210 → ~65 ms CPU).
- (``customers (status)`` and ``people (archived)`` also sped the key-date read up, but
  without table statistics SQLite then takes them for selective and walks every person
  for each customer's key contact during an import: left out.)
- ``ix_key_dates_rules`` on key_dates (calendar, month, day, leap_month, recurrence,
  year, customer_id, person_id) replaces ``ix_key_dates_calendar_month_day`` (its first
  three columns): a day's dates are counted and capped from the index alone (36 → 20 ms).

Revision ID: 0015_calendar_indexes
Revises: 0014_team_book
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

from alembic import op

revision = "0015_calendar_indexes"
down_revision = "0014_team_book"
branch_labels = None
depends_on = None

KEY_DATE_RULE_COLUMNS = ["calendar", "month", "day", "leap_month", "recurrence", "year",
                         "customer_id", "person_id"]


def upgrade() -> None:
    op.create_index("ix_tasks_kind_due", "tasks", ["kind", "due_at"])
    op.drop_index("ix_key_dates_calendar_month_day", table_name="key_dates")
    op.create_index("ix_key_dates_rules", "key_dates", KEY_DATE_RULE_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_key_dates_rules", table_name="key_dates")
    op.create_index("ix_key_dates_calendar_month_day", "key_dates",
                    ["calendar", "month", "day"])
    op.drop_index("ix_tasks_kind_due", table_name="tasks")
