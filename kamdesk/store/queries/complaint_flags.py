"""Which complaints to flag (客户投诉 24 小时响应): amber when near the response
deadline, red once past it, for Today, the calendar and the customer list.

The level itself is a rule of :mod:`kamdesk.domain.complaints` (``deadline_level``),
so every place colours a complaint the same way as the profile tab. Only complaints
still waiting for their first response carry a level; they are few, so each reader
fetches the waiting ones through an index (``ix_complaints_status_deadline`` or
``ix_complaints_customer``) and applies the rule in Python. The customer list asks
once per page of rows (:func:`customer_page_with_complaints`), never per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, select, text

from kamdesk.domain.complaints import deadline_level
from kamdesk.store.models import Complaint, Customer
from kamdesk.store.queries.customers import CustomerQuery, CustomerRow, PageKey, fetch_page
from kamdesk.store.queries.sql_values import in_chunks

__all__ = ["FlaggedComplaint", "LEVEL_RANK", "flagged_complaints", "complaint_levels",
           "customer_page_with_complaints", "worse_level"]

_q = Complaint.__table__.c
_c = Customer.__table__.c

#: red before amber wherever flags are sorted or combined
LEVEL_RANK = {"red": 0, "amber": 1}


@dataclass(frozen=True, slots=True)
class FlaggedComplaint:
    id: int
    customer_id: int
    customer_name: str
    severity: str
    category: str | None
    description: str
    received_at: datetime
    response_deadline: datetime
    owner: str | None
    #: 'red' (past the response deadline) or 'amber' (less than a quarter of the time left)
    level: str


def worse_level(a: str | None, b: str | None) -> str | None:
    """The more urgent of two levels (red over amber over none)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if LEVEL_RANK[a] <= LEVEL_RANK[b] else b


def _waiting():  # type: ignore[no-untyped-def]
    """Complaints that still owe their first response and have a deadline."""
    return (_q.status == "open", _q.responded_at.is_(None), _q.response_deadline.is_not(None))


def flagged_complaints(conn: Connection, now: datetime) -> list[FlaggedComplaint]:
    """Complaints amber or red at ``now``: red first, then by deadline."""
    rows = conn.execute(
        select(_q.id, _q.customer_id, _c.name, _q.severity, _q.category, _q.description,
               _q.received_at, _q.response_deadline, _q.owner, _q.status)
        .join(Customer.__table__, _c.id == _q.customer_id)
        .where(*_waiting()).order_by(_q.response_deadline, _q.id))
    out = []
    for r in rows:
        level = deadline_level(r.status, r.received_at, r.response_deadline, now)
        if level is not None:
            out.append(FlaggedComplaint(r.id, r.customer_id, r.name, r.severity, r.category,
                                        r.description, r.received_at, r.response_deadline,
                                        r.owner, level))
    out.sort(key=lambda f: (LEVEL_RANK[f.level], f.response_deadline, f.id))
    return out


def complaint_levels(conn: Connection, customer_ids: Iterable[int],
                     now: datetime) -> dict[int, str]:
    """customer id -> its most urgent complaint level; customers without one are absent.
    One grouped read per chunk of ids (a page of the list is one chunk)."""
    from kamdesk.store.queries.sql_values import as_datetime

    out: dict[int, str] = {}
    for chunk in in_chunks(sorted(set(customer_ids))):
        # Plain SQL (the test of _waiting()): the list asks this for every page it
        # shows, each search keystroke included, and building the expression cost
        # more than the read.
        marks = ",".join(str(int(cid)) for cid in chunk)
        for cid, status, received_at, deadline in conn.execute(text(
                "SELECT customer_id, status, received_at, response_deadline FROM complaints "
                f"WHERE customer_id IN ({marks}) AND status = 'open' AND responded_at IS NULL "
                "AND response_deadline IS NOT NULL")):
            level = deadline_level(status, as_datetime(received_at), as_datetime(deadline),
                                   now)
            worst = worse_level(out.get(cid), level)
            if worst is not None:
                out[cid] = worst
    return out


def customer_page_with_complaints(conn: Connection, q: CustomerQuery, offset: int, limit: int,
                                  now: datetime, after: PageKey | None = None
                                  ) -> list[CustomerRow]:
    """A page of the customer list with ``complaint_level`` filled: the page's read plus
    one read of its customers' waiting complaints. ``after``: see
    :func:`~kamdesk.store.queries.customers.fetch_page`."""
    rows = fetch_page(conn, q, offset, limit, after)
    levels = complaint_levels(conn, (r.id for r in rows), now)
    if not levels:
        return rows
    return [replace(r, complaint_level=levels[r.id]) if r.id in levels else r for r in rows]


__all__ += ["with_complaint_levels"]


def with_complaint_levels(conn: Connection, rows: list[CustomerRow],
                          now: datetime) -> list[CustomerRow]:
    """``rows`` of the customer list with ``complaint_level`` filled (one grouped read of
    their customers' waiting complaints), however the rows were read."""
    levels = complaint_levels(conn, (r.id for r in rows), now)
    if not levels:
        return rows
    return [replace(r, complaint_level=levels[r.id]) if r.id in levels else r for r in rows]
