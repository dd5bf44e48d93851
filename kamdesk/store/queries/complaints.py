"""Reading complaints (客户问题处理与投诉): the list with its filters (state, owner,
overdue, customer) and one complaint with its hand-over history. Plain frozen rows out;
how near its deadline a complaint is comes from :mod:`kamdesk.domain.complaints`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, select

from kamdesk.domain.complaints import deadline_level
from kamdesk.store.models import Complaint, ComplaintHandover, Customer, Person

__all__ = ["ComplaintRow", "HandoverRow", "ComplaintDetail", "complaints", "complaint",
           "handovers", "complaint_owners", "OPEN_STATES"]

#: the states of a complaint not yet followed up (the "open ones" filter)
OPEN_STATES = ("open", "responded", "resolving", "resolved")

_q = Complaint.__table__.c
_h = ComplaintHandover.__table__.c
_c = Customer.__table__.c
_p = Person.__table__.c


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    id: int
    customer_id: int
    customer_name: str
    person_id: int | None
    person_name: str | None
    received_at: datetime
    channel: str | None
    category: str | None
    severity: str
    description: str
    response_deadline: datetime | None
    responded_at: datetime | None
    owner: str | None
    status: str
    resolution: str | None
    resolved_at: datetime | None
    follow_up_at: datetime | None
    satisfaction_after: int | None
    lessons: str | None
    version: int = 1  # what an edit names as the version it read (ops.versions)

    def level(self, now: datetime) -> str | None:
        """'red' past the response deadline, 'amber' near it, None otherwise."""
        return deadline_level(self.status, self.received_at, self.response_deadline, now)


@dataclass(frozen=True, slots=True)
class HandoverRow:
    id: int
    from_owner: str | None
    to_owner: str
    handed_at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class ComplaintDetail:
    complaint: ComplaintRow
    handovers: tuple[HandoverRow, ...]


def _select() -> Select[Any]:
    return (select(_q.id, _q.customer_id, _c.name, _q.person_id, _p.name, _q.received_at,
                   _q.channel, _q.category, _q.severity, _q.description, _q.response_deadline,
                   _q.responded_at, _q.owner, _q.status, _q.resolution, _q.resolved_at,
                   _q.follow_up_at, _q.satisfaction_after, _q.lessons, _q.version)
            .join(Customer.__table__, _c.id == _q.customer_id)
            .outerjoin(Person.__table__, _p.id == _q.person_id))


def complaints(conn: Connection, *, customer_id: int | None = None,
               states: tuple[str, ...] | None = None, owner: str | None = None,
               overdue_at: datetime | None = None) -> list[ComplaintRow]:
    """Complaints newest first. ``overdue_at``: only those still unanswered whose
    response deadline has passed at that moment."""
    stmt = _select()
    if customer_id is not None:
        stmt = stmt.where(_q.customer_id == customer_id)
    if states:
        stmt = stmt.where(_q.status.in_(states))
    if owner:
        stmt = stmt.where(_q.owner == owner)
    if overdue_at is not None:
        stmt = stmt.where(_q.status == "open", _q.response_deadline <= overdue_at)
    stmt = stmt.order_by(_q.received_at.desc(), _q.id.desc())
    return [ComplaintRow(*r) for r in conn.execute(stmt)]


def handovers(conn: Connection, complaint_id: int) -> list[HandoverRow]:
    """Every hand-over of one complaint, oldest first."""
    return [HandoverRow(*r) for r in conn.execute(
        select(_h.id, _h.from_owner, _h.to_owner, _h.handed_at, _h.note)
        .where(_h.complaint_id == complaint_id).order_by(_h.handed_at, _h.id))]


def complaint(conn: Connection, complaint_id: int) -> ComplaintDetail | None:
    """One complaint with its hand-over history (None: no such complaint)."""
    r = conn.execute(_select().where(_q.id == complaint_id)).first()
    if r is None:
        return None
    return ComplaintDetail(ComplaintRow(*r), tuple(handovers(conn, complaint_id)))


def complaint_owners(conn: Connection) -> list[str]:
    """Everyone who owns a complaint, by name (the Complaints screen's owner filter)."""
    return [str(r[0]) for r in conn.execute(
        select(_q.owner).where(_q.owner.is_not(None), _q.owner != "")
        .group_by(_q.owner).order_by(_q.owner))]
