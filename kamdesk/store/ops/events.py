"""Writing customer events (客户活动: salons, training, appreciation days, 表3): the
importer's many rows at once, and one event at a time from the Events screen — its
fields, who was invited and who came (``actual_participants`` is the attended count),
and the follow-up tasks for the invited customers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kamdesk.domain.reminders import reminder_for_deadline
from kamdesk.domain.text_clean import clean_line
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Event, EventAttendance, Person, Task
from kamdesk.store.models.event import EVENT_KINDS
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import check_loaded, stale_guard

__all__ = ["EVENT_FIELDS", "NewEvent", "add_events", "create_event", "create_follow_up_tasks",
           "delete_event", "invite", "mark_attendance", "remove_invitations", "restore_event",
           "update_event"]


@dataclass(frozen=True, slots=True)
class NewEvent:
    name: str
    held_on: date
    kind: str = "other"
    target_participants: int | None = None
    actual_participants: int | None = None
    satisfaction: Decimal | None = None
    improvements: str | None = None
    follow_up_plan: str | None = None


def add_events(session: Session, events: Sequence[NewEvent],
               now: datetime | None = None) -> Changes:
    """Insert events; their ids are in the Changes (an import records them to undo)."""
    if not events:
        return Changes()
    stamp = now or datetime.now().replace(microsecond=0)
    session.flush()
    first = int(session.execute(select(func.max(Event.id))).scalar() or 0) + 1
    rows = []
    for eid, e in enumerate(events, start=first):
        name = clean_line(e.name or "")  # one line, no control characters
        if not name:
            raise ValidationError("name", "required")
        if not isinstance(e.held_on, date):
            raise ValidationError("held_on", "invalid_date")
        if e.satisfaction is not None and not 1 <= e.satisfaction <= 5:
            raise ValidationError("satisfaction", "out_of_range")
        rows.append({"id": eid, "name": name, "held_on": e.held_on, "kind": e.kind,
                     "target_participants": e.target_participants,
                     "actual_participants": e.actual_participants,
                     "satisfaction": e.satisfaction, "improvements": e.improvements,
                     "follow_up_plan": e.follow_up_plan, "created_at": stamp,
                     "updated_at": stamp})
    session.execute(insert(cast(Table, Event.__table__)), rows)
    return Changes.of("events", *range(first, first + len(rows)))


# -- one event at a time (the Events screen) ----------------------------------------------
#: the fields a user edits on an event
EVENT_FIELDS = ("name", "held_on", "kind", "location", "target_participants",
                "budget_cents", "satisfaction", "improvements", "follow_up_plan")


def _clean_event_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the user's fields (raise ValidationError on the first bad one)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EVENT_FIELDS:
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    if "name" in out and not out["name"]:
        raise ValidationError("name", "required")
    if "held_on" in out and not isinstance(out["held_on"], date):
        raise ValidationError("held_on", "invalid_date")
    if "kind" in out and out["kind"] not in EVENT_KINDS:
        raise ValidationError("kind", "invalid_choice")
    for key in ("target_participants", "budget_cents"):
        if out.get(key) is not None and (not isinstance(out[key], int) or out[key] < 0):
            raise ValidationError(key, "out_of_range")
    if out.get("satisfaction") is not None:
        try:
            sat = Decimal(str(out["satisfaction"])).quantize(Decimal("0.1"))
        except ArithmeticError:
            raise ValidationError("satisfaction", "invalid_number") from None
        if not 1 <= sat <= 5:
            raise ValidationError("satisfaction", "out_of_range")
        out["satisfaction"] = sat
    return out


def create_event(session: Session, *, name: str, held_on: date, kind: str = "other",
                 location: str | None = None, target_participants: int | None = None,
                 budget_cents: int | None = None, satisfaction: Decimal | float | None = None,
                 improvements: str | None = None, follow_up_plan: str | None = None) -> Changes:
    """Create one event; ``value`` is its id. Writes ``events``."""
    data = _clean_event_fields({
        "name": name, "held_on": held_on, "kind": kind or "other", "location": location,
        "target_participants": target_participants, "budget_cents": budget_cents,
        "satisfaction": satisfaction, "improvements": improvements,
        "follow_up_plan": follow_up_plan})
    event = Event(**data)
    session.add(event)
    session.flush()
    return Changes.of("events", event.id).with_value(event.id)


def update_event(session: Session, event_id: int, *, expected_version: int | None = None,
                 **fields: Any) -> Changes:
    """Edit an event's fields (any of :data:`EVENT_FIELDS`). Writes ``events``. With
    ``expected_version`` (the version the dialog read), an event saved by someone else
    since raises :class:`~kamdesk.store.errors.ConflictError`."""
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError("event", "required")
    mine = _clean_event_fields(fields)
    check_loaded(event, expected_version, mine)
    with stale_guard(session, Event, event_id, expected_version, mine):
        for key, value in mine.items():
            setattr(event, key, value)
        session.flush()
    return Changes.of("events", event_id).with_value(event_id)


def delete_event(session: Session, event_id: int, *,
                 expected_version: int | None = None) -> Changes:
    """Delete an event and its invitations; ``value`` is the snapshot
    :func:`restore_event` puts back (undo). Follow-up tasks already created stay.
    Writes ``events`` and ``event_attendance``. With ``expected_version``, an event
    changed by someone else since raises :class:`~kamdesk.store.errors.ConflictError`
    (``deleting``)."""
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError("event", "required")
    check_loaded(event, expected_version, {}, deleting=True)
    rows = list(session.scalars(select(EventAttendance).where(
        EventAttendance.event_id == event_id)))
    snap = {"event": {c.key: getattr(event, c.key) for c in Event.__table__.columns},
            "attendance": [{c.key: getattr(r, c.key) for c in EventAttendance.__table__.columns}
                           for r in rows]}
    changes = Changes.of("events", event_id) | Changes.of(
        "event_attendance", *[r.id for r in rows])
    with stale_guard(session, Event, event_id, expected_version, {}, deleting=True):
        for r in rows:
            session.delete(r)
        session.flush()
        session.delete(event)
        session.flush()
    return changes.with_value(snap)


def restore_event(session: Session, snap: dict[str, Any]) -> Changes:
    """Put a deleted event and its invitations back exactly (undo).
    Writes ``events`` and ``event_attendance``."""
    session.add(Event(**snap["event"]))
    session.flush()
    rows = [EventAttendance(**r) for r in snap["attendance"]]
    session.add_all(rows)
    session.flush()
    return (Changes.of("events", snap["event"]["id"])
            | Changes.of("event_attendance", *[r.id for r in rows]))


def _sync_actual(session: Session, event_id: int) -> None:
    """``actual_participants`` is the count of attended invitations."""
    event = session.get(Event, event_id)
    if event is not None:
        event.actual_participants = session.scalar(select(func.count()).where(
            EventAttendance.event_id == event_id, EventAttendance.attended.is_(True))) or 0


def invite(session: Session, event_id: int, customer_id: int,
           person_ids: Sequence[int] = ()) -> Changes:
    """Invite a customer (no people: the customer as a whole) or some of its people;
    invitations already there are kept. ``value`` is the new attendance ids.
    Writes ``event_attendance``."""
    if session.get(Event, event_id) is None:
        raise ValidationError("event", "required")
    if not customer_id or session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    wanted: list[int | None] = list(person_ids) or [None]
    ok_people = set(session.scalars(select(Person.id).where(
        Person.customer_id == customer_id, Person.id.in_([p for p in wanted if p]))))
    if any(p is not None and p not in ok_people for p in wanted):
        raise ValidationError("person", "invalid_choice")
    existing = {r.person_id for r in session.scalars(select(EventAttendance).where(
        EventAttendance.event_id == event_id, EventAttendance.customer_id == customer_id))}
    new = [EventAttendance(event_id=event_id, customer_id=customer_id, person_id=p,
                           invited=True, attended=False)
           for p in dict.fromkeys(wanted) if p not in existing]
    session.add_all(new)
    session.flush()
    ids = [r.id for r in new]
    return Changes.of("event_attendance", *ids).with_value(ids)


def remove_invitations(session: Session, attendance_ids: Sequence[int]) -> Changes:
    """Withdraw invitations; the event's attended count follows.
    Writes ``event_attendance`` and ``events``."""
    rows = list(session.scalars(select(EventAttendance).where(
        EventAttendance.id.in_(attendance_ids))))
    events = {r.event_id for r in rows}
    for r in rows:
        session.delete(r)
    session.flush()
    for event_id in events:
        _sync_actual(session, event_id)
    session.flush()
    return Changes.of("event_attendance", *[r.id for r in rows]) | Changes.of("events", *events)


def mark_attendance(session: Session, attendance_ids: Sequence[int], attended: bool) -> Changes:
    """Mark invitations attended (or not); the event's ``actual_participants`` follows.
    Writes ``event_attendance`` and ``events``."""
    rows = list(session.scalars(select(EventAttendance).where(
        EventAttendance.id.in_(attendance_ids))))
    for r in rows:
        r.attended = bool(attended)
    session.flush()
    events = {r.event_id for r in rows}
    for event_id in events:
        _sync_actual(session, event_id)
    session.flush()
    return Changes.of("event_attendance", *[r.id for r in rows]) | Changes.of("events", *events)


def create_follow_up_tasks(session: Session, event_id: int, due_on: date,
                           owner: str | None = None, now: datetime | None = None) -> Changes:
    """One follow-up task per invited customer (the event's follow-up plan as notes);
    a customer who already has this event's task is skipped, so running it twice adds
    nothing. ``value`` is the new task ids. Writes ``tasks``."""
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError("event", "required")
    if not isinstance(due_on, date):
        raise ValidationError("due_on", "invalid_date")
    now = now or datetime.now()
    customers = sorted(set(session.scalars(select(EventAttendance.customer_id).where(
        EventAttendance.event_id == event_id))))
    taken = set(session.scalars(select(Task.source_key).where(
        Task.source_key.like(f"event:{event_id}:%"))))
    new: list[Task] = []
    for customer_id in customers:
        key = f"event:{event_id}:{customer_id}"
        if key in taken:
            continue
        new.append(Task(
            title=event.name[:300], notes=event.follow_up_plan, kind="task",
            customer_id=customer_id, owner=(owner or "").strip() or None,
            due_at=datetime.combine(due_on, time(18)),
            remind_at=reminder_for_deadline(due_on, now), priority=2, source="manual",
            source_key=key))
    session.add_all(new)
    session.flush()
    ids = [t.id for t in new]
    return Changes.of("tasks", *ids).with_value(ids)
