"""Who the app is signed in as on a team book (issue #17).

On PostgreSQL each person connects as their own role, and a customer's owner is that
role's name: the role is the default owner of what they create and the "who" of the
change history. On an SQLite book there is no role (None) and the signed-in manager's
name from the settings is used instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection


def signed_in_role(conn: Connection) -> str | None:
    """The PostgreSQL role of this connection, None on SQLite."""
    if conn.dialect.name != "postgresql":
        return None
    return str(conn.exec_driver_sql("SELECT current_user").scalar())
