"""Writing complaints (客户问题处理与投诉): open, respond, resolve, follow up, hand over.

首问负责制: the owner is whoever received the complaint (the signed-in user, passed
in) and changes only through :func:`hand_over`, which keeps a ``complaint_handovers``
row for every move. The response deadline follows from the severity
(:mod:`kamdesk.domain.complaints`) and the hours set in Settings, read here so the
command line and the screens agree. The follow-up visit (事后回访) becomes a task with
source 'complaint'. Each function declares the tables it writes next to the writing.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.complaints import can_move, response_deadline
from kamdesk.domain.reminders import reminder_for_deadline
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Person, Task
from kamdesk.store.models.complaint import SEVERITIES, Complaint, ComplaintHandover
from kamdesk.store.models.interaction import CHANNELS
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import check_loaded, stale_guard
from kamdesk.store.queries.settings import complaint_response_hours

EDITABLE = ("received_at", "channel", "category", "severity", "description", "person_id")


def _clean(v: str | None) -> str | None:
    return (v or "").strip() or None


def _get(session: Session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id)
    if c is None:
        raise ValidationError("complaint", "required")
    return c


def _validate(session: Session, c: Complaint, now: datetime) -> None:
    if not isinstance(c.received_at, datetime):
        raise ValidationError("received_at", "invalid_date")
    if (c.received_at - now).days >= 1:
        raise ValidationError("received_at", "out_of_range")
    if c.channel is not None and c.channel not in CHANNELS:
        raise ValidationError("channel", "invalid_choice")
    if c.severity not in SEVERITIES:
        raise ValidationError("severity", "invalid_choice")
    if not (c.description or "").strip():
        raise ValidationError("description", "required")
    if c.person_id is not None:
        p = session.get(Person, c.person_id)
        if p is None or p.customer_id != c.customer_id:
            raise ValidationError("person", "invalid_choice")




def open_complaint(session: Session, customer_id: int, *, received_at: datetime,
                   description: str, owner: str, severity: str = "medium",
                   channel: str | None = None, category: str | None = None,
                   person_id: int | None = None, deadline: datetime | None = None,
                   now: datetime | None = None) -> Changes:
    """Record a complaint owned by ``owner`` (who received it); ``value`` is its id.

    Without an explicit ``deadline`` the response is due after the hours Settings give
    the severity."""
    now = now or datetime.now()
    customer = session.get(Customer, customer_id) if customer_id else None
    if customer is None:
        raise ValidationError("customer", "required")
    if not (owner or "").strip():
        raise ValidationError("owner", "required")
    c = Complaint(customer_id=customer_id, person_id=person_id, received_at=received_at,
                  channel=_clean(channel), category=_clean(category), severity=severity,
                  description=(description or "").strip(), owner=owner.strip(), status="open")
    _validate(session, c, now)
    if deadline is not None and (not isinstance(deadline, datetime) or deadline < received_at):
        raise ValidationError("response_deadline", "out_of_range")
    c.response_deadline = deadline or response_deadline(
        received_at, severity, complaint_response_hours(session.connection()))
    session.add(c)
    session.flush()  # complaints
    return Changes.of("complaints", c.id).with_value(c.id)


def update_complaint(session: Session, complaint_id: int, now: datetime | None = None, *,
                     expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit what was received (not the owner: see :func:`hand_over`). A new severity or
    receipt time moves the response deadline. With ``expected_version``, a complaint
    saved by someone else since raises :class:`ConflictError`."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    before = (c.received_at, c.severity)
    for key in fields:
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
    mine = {key: _clean(value) if key in ("channel", "category") else value
            for key, value in fields.items()}
    check_loaded(c, expected_version, mine)
    for key, value in mine.items():
        setattr(c, key, value)
    if isinstance(c.description, str):
        c.description = c.description.strip()
    _validate(session, c, now)
    if (c.received_at, c.severity) != before or c.response_deadline is None:
        c.response_deadline = response_deadline(
            c.received_at, c.severity, complaint_response_hours(session.connection()))
    with stale_guard(session, Complaint, complaint_id, expected_version, mine):
        session.flush()  # complaints
    return Changes.of("complaints", c.id).with_value(c.id)


def respond(session: Session, complaint_id: int, at: datetime | None = None,
            now: datetime | None = None) -> Changes:
    """The first response was given (at ``at``, default now)."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    if not can_move(c.status, "responded"):
        raise ValidationError("status", "invalid_transition")
    at = at or now
    if at < c.received_at:
        raise ValidationError("responded_at", "out_of_range")
    c.status, c.responded_at = "responded", at
    session.flush()  # complaints
    return Changes.of("complaints", c.id)


def start_resolving(session: Session, complaint_id: int,
                    now: datetime | None = None) -> Changes:
    """Work on the solution has started (处理中); an unanswered complaint counts as
    answered now."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    if not can_move(c.status, "resolving"):
        raise ValidationError("status", "invalid_transition")
    c.responded_at = c.responded_at or now
    c.status = "resolving"
    session.flush()  # complaints
    return Changes.of("complaints", c.id)


def resolve(session: Session, complaint_id: int, resolution: str,
            now: datetime | None = None) -> Changes:
    """Resolved, with what was done; an unanswered complaint counts as answered now."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    if not can_move(c.status, "resolved"):
        raise ValidationError("status", "invalid_transition")
    if not (resolution or "").strip():
        raise ValidationError("resolution", "required")
    c.responded_at = c.responded_at or now
    c.status, c.resolution, c.resolved_at = "resolved", resolution.strip(), now
    session.flush()  # complaints
    return Changes.of("complaints", c.id)


def follow_up(session: Session, complaint_id: int, visit_on: date,
              satisfaction_after: int | None = None, lessons: str | None = None,
              now: datetime | None = None) -> Changes:
    """事后回访: plan the follow-up visit (a task with source 'complaint' for the owner),
    note the satisfaction after and the lessons learned; the complaint is closed
    (followed up). ``value`` is the task's id."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    if not can_move(c.status, "closed"):
        raise ValidationError("status", "invalid_transition")
    if not isinstance(visit_on, date):
        raise ValidationError("follow_up_on", "invalid_date")
    if satisfaction_after is not None and not 1 <= int(satisfaction_after) <= 5:
        raise ValidationError("satisfaction_after", "out_of_range")
    c.follow_up_at = datetime.combine(visit_on, time(10))
    c.satisfaction_after = satisfaction_after
    c.lessons = _clean(lessons)
    c.status = "closed"
    session.flush()  # complaints
    task = session.scalars(select(Task).where(
        Task.source == "complaint", Task.source_key == f"complaint:{c.id}")).first()
    if task is None:
        task = Task(title=(c.category or c.description)[:200], customer_id=c.customer_id,
                    person_id=c.person_id, owner=c.owner, priority=2, source="complaint",
                    source_key=f"complaint:{c.id}", kind="visit")
        session.add(task)
    task.due_at = c.follow_up_at
    task.remind_at = reminder_for_deadline(visit_on, now)
    session.flush()  # tasks
    return (Changes.of("complaints", c.id) | Changes.of("tasks", task.id)).with_value(task.id)


def hand_over(session: Session, complaint_id: int, to_owner: str, note: str | None = None,
              now: datetime | None = None) -> Changes:
    """Hand the complaint to ``to_owner``; the move is kept in its history. ``value`` is
    the hand-over row's id."""
    now = now or datetime.now()
    c = _get(session, complaint_id)
    to_owner = (to_owner or "").strip()
    if not to_owner:
        raise ValidationError("to_owner", "required")
    if to_owner == c.owner:
        raise ValidationError("to_owner", "duplicate")
    row = ComplaintHandover(complaint_id=c.id, from_owner=c.owner, to_owner=to_owner,
                            handed_at=now, note=_clean(note))
    session.add(row)
    c.owner = to_owner
    session.flush()  # complaint_handovers, complaints
    return (Changes.of("complaints", c.id)
            | Changes.of("complaint_handovers", row.id)).with_value(row.id)


def delete_complaint(session: Session, complaint_id: int, *,
                     expected_version: int | None = None) -> Changes:
    """Delete a complaint with its hand-over history; ``value`` is the snapshot
    :func:`restore_complaint` puts back (undo). Its follow-up task stays.
    ``expected_version``: a complaint changed since it was read is a conflict."""
    c = _get(session, complaint_id)
    check_loaded(c, expected_version, {}, deleting=True)
    handovers = list(session.scalars(select(ComplaintHandover).where(
        ComplaintHandover.complaint_id == complaint_id)))
    snap = {"complaint": {k.key: getattr(c, k.key) for k in Complaint.__table__.columns},
            "handovers": [{k.key: getattr(h, k.key) for k in ComplaintHandover.__table__.columns}
                          for h in handovers]}
    changes = Changes.of("complaints", complaint_id)
    for h in handovers:
        session.delete(h)  # complaint_handovers
        changes = changes.also("complaint_handovers", h.id)
    session.flush()
    session.delete(c)  # complaints
    session.flush()
    return changes.with_value(snap)


def restore_complaint(session: Session, snap: dict[str, Any]) -> Changes:
    """Put a deleted complaint back as it was, hand-overs included (undo)."""
    data = dict(snap["complaint"])
    session.add(Complaint(**data))
    session.flush()  # complaints
    changes = Changes.of("complaints", data["id"])
    for h in snap["handovers"]:
        session.add(ComplaintHandover(**h))  # complaint_handovers
        changes = changes.also("complaint_handovers", h["id"])
    session.flush()
    return changes.with_value(data["id"])
