"""Index the RFM expression the customer list sorts by.

Revision ID: 0005_rfm_sort_index
Revises: 0004_cjk_search_tokens
Create Date: 2026-11-23

Landed migrations are never edited: a user's existing database must open.
"""
from alembic import op

revision = "0005_rfm_sort_index"
down_revision = "0004_cjk_search_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # an expression needs its parentheses
        op.execute("CREATE INDEX IF NOT EXISTS ix_metrics_rfm ON customer_metrics "
                   "((r_score * 100 + f_score * 10 + m_score))")
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_metrics_rfm ON customer_metrics "
               "(r_score * 100 + f_score * 10 + m_score)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_metrics_rfm")
