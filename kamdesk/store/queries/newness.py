"""The "New customer" rule (:mod:`kamdesk.domain.newness`) as SQL over stored columns,
for lists that show it per row (customers ``c`` joined with ``customer_metrics`` ``m``).

The evaluation day is the metrics' own (``m.computed_on``, the day the tier and
activity were judged), so a list needs no clock; ``:new_back`` is the tiering window as
an SQLite date modifier (:func:`new_params`). SQLite rolls an overflowing day forward
(31 March less a month is 3 March) where the domain clamps it: a day's difference at
the edge of the window, nothing a user can see.
"""

from __future__ import annotations

from sqlalchemy import Connection

from kamdesk.store.dialect import day_sql, is_sqlite, shifted_date_sql

NEW_CUSTOMER_SQL = (
    "(m.last_trade_on IS NULL AND m.last_interaction_at IS NULL AND m.orders_12m = 0 "
    "AND m.revenue_12m_cents = 0 "
    "AND c.declared_contribution_cents IS NULL AND c.stated_value_tier IS NULL "
    "AND c.stated_activity IS NULL AND (c.created_at IS NULL OR m.computed_on IS NULL OR "
    "substr(c.created_at, 1, 10) >= date(m.computed_on, :new_back)))"
)


def new_customer_sql(conn: Connection) -> str:
    """:data:`NEW_CUSTOMER_SQL` for ``conn``'s engine (on PostgreSQL the window is an
    interval; its month arithmetic clamps the day, like the domain rule)."""
    if is_sqlite(conn):
        return NEW_CUSTOMER_SQL
    return NEW_CUSTOMER_SQL.replace(
        "substr(c.created_at, 1, 10) >= date(m.computed_on, :new_back)",
        f"{day_sql(conn, 'c.created_at')} >= "
        f"{shifted_date_sql(conn, 'm.computed_on', ':new_back')}")


def new_params(conn: Connection) -> dict[str, object]:
    """The parameters :data:`NEW_CUSTOMER_SQL` needs (the tiering window)."""
    from kamdesk.store.queries.settings import tiering_settings

    return {"new_back": f"-{int(tiering_settings(conn).window_months)} months"}
