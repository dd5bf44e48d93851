"""What an import of the contact log (表2) or events (表3) already finds in the book:
a contact is the same when it has the same customer, minute, channel and topic; an event
when it has the same name and day. A re-import (or an export read back) adds nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

__all__ = ["contact_key", "held_events", "logged_keys"]

ContactKey = tuple[int, str, str, str]


def contact_key(customer_id: int, occurred_at: datetime | str, channel: str,
                topic: str) -> ContactKey:
    """The key two records of one contact share (to the minute: exports write minutes)."""
    moment = (occurred_at.isoformat(sep=" ") if isinstance(occurred_at, datetime)
              else str(occurred_at))
    return (int(customer_id), moment[:16], channel, topic.strip())


def logged_keys(conn: Connection, customer_ids: Iterable[int]) -> set[ContactKey]:
    """The keys of every contact logged for these customers."""
    ids = sorted(set(customer_ids))
    keys: set[ContactKey] = set()
    for start in range(0, len(ids), 500):
        chunk = ",".join(str(int(i)) for i in ids[start:start + 500])
        keys.update(contact_key(*r) for r in conn.execute(sql_text(
            "SELECT customer_id, occurred_at, channel, topic FROM interactions "
            f"WHERE customer_id IN ({chunk})")))
    return keys


def held_events(conn: Connection) -> set[tuple[str, date]]:
    """(name, day) of every event."""
    return {(str(name).strip(), date.fromisoformat(str(day)[:10])) for name, day in
            conn.execute(sql_text("SELECT name, held_on FROM events"))}
