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
    """The PostgreSQL role of this connection on a team book (one ``team init`` has put
    under row security); None on SQLite and on a server book not set up for a team,
    where the manager's name from the settings owns what they create, as on a laptop."""
    if conn.dialect.name != "postgresql":
        return None
    secured = conn.exec_driver_sql(
        "SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('customers')").scalar()
    if not secured:
        return None
    return str(conn.exec_driver_sql("SELECT current_user").scalar())
