"""New customers' ids and codes on a team book, where a member sees only their own rows.

``max(id) + 1`` or "the code after the highest" computed from a member's own rows would
collide with a colleague's; on a team book the administrator's functions
(:data:`kamdesk.store.team.policies.TEAM_FUNCTIONS`) answer for the whole book. Anywhere
else (SQLite, a PostgreSQL book without a team) these return None and the caller keeps
its usual way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _has_team_functions(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.exec_driver_sql(
        "SELECT to_regproc('kamdesk_highest_customer_code') IS NOT NULL").scalar())


def team_customer_ids(conn: Connection, how_many: int) -> list[int] | None:
    """``how_many`` fresh customer ids from the book's sequence, or None (not a team)."""
    if not _has_team_functions(conn):
        return None
    return [int(r[0]) for r in conn.exec_driver_sql(
        "SELECT kamdesk_new_customer_ids(%(n)s)", {"n": how_many})]


def team_highest_code(conn: Connection) -> str | None:
    """The highest ``C…`` code of the whole book, or None (not a team, or none yet)."""
    if not _has_team_functions(conn):
        return None
    found = conn.exec_driver_sql("SELECT kamdesk_highest_customer_code()").scalar()
    return str(found) if found else None
