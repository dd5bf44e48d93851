"""Customer events (客户活动, 表3) as plain rows: the list with how many were invited and
came, one event with its invitations, and the 表3 export rows — so the Events screen
and the export read the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, case, func, select

from kamdesk.store.dialect import ci_like
from kamdesk.store.models import Customer, Event, EventAttendance, Person

_ET, _AT, _CT, _PT = (Event.__table__, EventAttendance.__table__, Customer.__table__,
                      Person.__table__)
_E, _A, _C, _P = _ET.c, _AT.c, _CT.c, _PT.c


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    name: str
    held_on: date
    kind: str
    location: str | None
    target_participants: int | None
    actual_participants: int | None
    budget_cents: int | None
    satisfaction: Decimal | None
    improvements: str | None
    follow_up_plan: str | None
    invited: int
    attended: int
    #: what an edit names as the version it read (ops.versions); not part of the content
    version: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class InvitationRow:
    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    person_id: int | None
    person_name: str | None
    attended: bool


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventRow
    invitations: tuple[InvitationRow, ...]


def _event_select():  # type: ignore[no-untyped-def]
    counts = (select(
        _A.event_id,
        func.count().label("invited"),
        func.sum(case((_A.attended.is_(True), 1), else_=0)).label("attended"),
    ).where(_A.invited.is_(True)).group_by(_A.event_id).subquery())
    return (select(
        _E.id, _E.name, _E.held_on, _E.kind, _E.location, _E.target_participants,
        _E.actual_participants, _E.budget_cents, _E.satisfaction, _E.improvements,
        _E.follow_up_plan, func.coalesce(counts.c.invited, 0),
        func.coalesce(counts.c.attended, 0), _E.version,
    ).select_from(_ET.outerjoin(counts, counts.c.event_id == _E.id)))


def _row(r) -> EventRow:  # type: ignore[no-untyped-def]
    return EventRow(
        id=r[0], name=r[1], held_on=r[2], kind=r[3], location=r[4], target_participants=r[5],
        actual_participants=r[6], budget_cents=r[7], satisfaction=r[8], improvements=r[9],
        follow_up_plan=r[10], invited=int(r[11]), attended=int(r[12]),
        version=int(r[13]))


def list_events(conn: Connection, text: str = "") -> list[EventRow]:
    """All events, newest first, with invited/attended counts."""
    stmt = _event_select().order_by(_E.held_on.desc(), _E.id.desc())
    if text.strip():
        stmt = stmt.where(ci_like(_E.name, f"%{text.strip()}%"))
    return [_row(r) for r in conn.execute(stmt)]


def event_detail(conn: Connection, event_id: int) -> EventDetail | None:
    """One event and its invitations (customer, person, attended)."""
    r = conn.execute(_event_select().where(_E.id == event_id)).first()
    if r is None:
        return None
    invitations = tuple(InvitationRow(*i) for i in conn.execute(
        select(_A.id, _A.customer_id, _C.code, _C.name, _A.person_id, _P.name, _A.attended)
        .select_from(_AT.join(_CT, _C.id == _A.customer_id).outerjoin(_PT, _P.id == _A.person_id))
        .where(_A.event_id == event_id).order_by(_C.code, _P.name)))
    return EventDetail(_row(r), invitations)
