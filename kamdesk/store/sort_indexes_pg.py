"""The customer list's sort indexes on a PostgreSQL (team) book.

The list keeps SQLite's order on both engines: NULL before every value ascending,
after descending, ties broken by the customer id (:func:`kamdesk.store.dialect.order_sql`).
SQLite walks a plain index in that order; PostgreSQL puts NULLs last, so a plain index
cannot give ``ORDER BY x ASC NULLS FIRST, id`` and every sort of a 100k book read and
sorted the whole table (80–180 ms a page). One index per sort column, ``NULLS FIRST``
where the column may be empty and the id as the tie-break, lets the first page be read
off the index in either direction (a backward scan gives ``DESC NULLS LAST``): 3 ms.

The credit-usage sort divides figures of two tables and cannot be indexed; code and
name are unique enough for their own indexes.

Created for a new server book by :mod:`kamdesk.store.migrate` and for an existing one
by migration ``0016_server_sort_indexes`` (which keeps its own copy of this list, as a
landed migration must). SQLite books do not get them.
"""

from __future__ import annotations

from sqlalchemy import Connection

#: (index name, table, indexed columns) — the expressions of ``SORT_COLUMNS`` in
#: :mod:`kamdesk.store.queries.customers`, without the table alias
SORT_INDEXES: tuple[tuple[str, str, str], ...] = (
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


def create_sort_indexes(conn: Connection) -> None:
    """Create the sort indexes on a PostgreSQL book (existing ones are kept)."""
    for name, table, columns in SORT_INDEXES:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
