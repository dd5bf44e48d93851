"""Two code lists of the service loop grow: a complaint can be *resolving*, an event a site visit.

- ``complaints.status`` gains ``resolving`` (处理中) between responded and resolved, so the
  method's path new → responded → resolving → resolved → followed up is stored as it is;
- ``events.kind`` gains ``site_visit`` (参观考察) and ``launch`` (新品发布会).

SQLite cannot change a CHECK in place: both tables are rebuilt once (they are small — a
book holds hundreds of complaints and events, not millions), under the upgrade's backup.
Each table is written out here with its new CHECK (reflection does not see SQLite CHECK
constraints, so a reflected copy would silently lose them all).

Revision ID: 0010_service_states
Revises: 0009_service_loop
Create Date: 2026-12-04

Landed migrations are never edited: a user's existing database must open. No ORM class
is imported here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_service_states"
down_revision = "0009_service_loop"
branch_labels = None
depends_on = None

_OLD_STATUS = "status IN ('open','responded','resolved','closed')"
_NEW_STATUS = "status IN ('open','responded','resolving','resolved','closed')"
_OLD_KIND = "kind IN ('salon','training','user_day','appreciation','webinar','other')"
_NEW_KIND = ("kind IN ('salon','training','user_day','appreciation','webinar','site_visit',"
             "'launch','other')")


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
    ]


def _complaints(status_check: str) -> sa.Table:
    return sa.Table(
        "complaints", sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("severity", sa.String(length=12), server_default="medium", nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("response_deadline", sa.DateTime(), nullable=True),
        sa.Column("responded_at", sa.DateTime(), nullable=True),
        sa.Column("owner", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=12), server_default="open", nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("follow_up_at", sa.DateTime(), nullable=True),
        sa.Column("satisfaction_after", sa.SmallInteger(), nullable=True),
        sa.Column("lessons", sa.Text(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
        sa.CheckConstraint("severity IN ('low','medium','high','critical')",
                           name="ck_complaints_severity"),
        sa.CheckConstraint(status_check, name="ck_complaints_status"),
        sa.CheckConstraint(
            "satisfaction_after IS NULL OR satisfaction_after BETWEEN 1 AND 5",
            name="ck_complaints_satisfaction"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_complaints_customer_id_customers", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name="fk_complaints_person_id_people", ondelete="SET NULL"),
        sa.Index("ix_complaints_status_deadline", "status", "response_deadline"),
        sa.Index("ix_complaints_customer", "customer_id"),
    )


def _events(kind_check: str) -> sa.Table:
    return sa.Table(
        "events", sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), server_default="other", nullable=False),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("target_participants", sa.Integer(), nullable=True),
        sa.Column("actual_participants", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Numeric(3, 1), nullable=True),
        sa.Column("improvements", sa.Text(), nullable=True),
        sa.Column("follow_up_plan", sa.Text(), nullable=True),
        sa.Column("budget_cents", sa.BigInteger(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.CheckConstraint(kind_check, name="ck_events_kind"),
        sa.CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                           name="ck_events_satisfaction"),
        sa.Index("ix_events_date", "held_on"),
    )


def _rebuild(table: sa.Table) -> None:
    """Rebuild ``table`` as written out here (new CHECK included), copying every row."""
    with op.batch_alter_table(table.name, recreate="always", copy_from=table):
        pass


def upgrade() -> None:
    _rebuild(_complaints(_NEW_STATUS))
    _rebuild(_events(_NEW_KIND))


def downgrade() -> None:
    op.execute("UPDATE complaints SET status = 'responded' WHERE status = 'resolving'")
    op.execute("UPDATE events SET kind = 'other' WHERE kind IN ('site_visit','launch')")
    _rebuild(_complaints(_OLD_STATUS))
    _rebuild(_events(_OLD_KIND))
