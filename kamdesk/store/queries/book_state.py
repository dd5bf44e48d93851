"""Whether the book has anything in it yet.

A fresh book would show zeros everywhere; the screens ask this to show the next step
instead (:mod:`kamdesk.ui.empty_state`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def book_is_empty(conn: Connection) -> bool:
    """True while the book has no customer at all (archived ones count)."""
    return conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM customers)")).scalar() == 1
