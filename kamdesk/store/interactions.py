"""Logging contacts (沟通记录). A next action with a deadline becomes a reminder task."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import refresh_customer
from kamdesk.store.models import Customer, Interaction, Person, Task
from kamdesk.store.models.interaction import CHANNELS

REMIND_HOUR = 9


@dataclass(frozen=True)
class LoggedContact:
    interaction_id: int
    task_id: int | None


def reminder_for_deadline(deadline: date, now: datetime) -> datetime:
    """09:00 the working day before the deadline; if that has passed, 09:00 on the day;
    if that has passed too, right away — a promise must never be remembered too late."""
    before = datetime.combine(deadline - timedelta(days=1), time(REMIND_HOUR))
    if before > now:
        return before
    on_day = datetime.combine(deadline, time(REMIND_HOUR))
    return on_day if on_day > now else now


def _validate(customer_id: int | None, occurred_at: Any, channel: str, topic: str | None,
              deadline: Any, satisfaction: Any, now: datetime) -> None:
    if not customer_id:
        raise ValidationError("customer", "required")
    if not isinstance(occurred_at, datetime):
        raise ValidationError("occurred_at", "invalid_date")
    if occurred_at > now + timedelta(days=1):
        raise ValidationError("occurred_at", "out_of_range")
    if channel not in CHANNELS:
        raise ValidationError("channel", "invalid_choice")
    if not (topic or "").strip():
        raise ValidationError("topic", "required")
    if deadline is not None and not isinstance(deadline, date):
        raise ValidationError("deadline", "invalid_date")
    if deadline is not None and deadline < occurred_at.date():
        raise ValidationError("deadline", "out_of_range")
    if satisfaction is not None and not 1 <= int(satisfaction) <= 5:
        raise ValidationError("satisfaction", "out_of_range")


def log_contact(
    session: Session, *, customer_id: int, occurred_at: datetime, channel: str, topic: str,
    feedback: str | None = None, issue: str | None = None, next_action: str | None = None,
    owner: str | None = None, deadline: date | None = None, satisfaction: int | None = None,
    person_ids: list[int] | tuple[int, ...] = (), now: datetime | None = None,
) -> LoggedContact:
    now = now or datetime.now()
    _validate(customer_id, occurred_at, channel, topic, deadline, satisfaction, now)
    if session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    people = list(session.scalars(select(Person).where(
        Person.id.in_(person_ids), Person.customer_id == customer_id))) if person_ids else []

    def clean(v: str | None) -> str | None:
        return (v or "").strip() or None

    inter = Interaction(
        customer_id=customer_id, occurred_at=occurred_at, channel=channel, topic=topic.strip(),
        feedback=clean(feedback), issue=clean(issue), next_action=clean(next_action),
        owner=clean(owner), deadline=deadline, satisfaction=satisfaction, people=people,
    )
    session.add(inter)
    session.flush()
    task_id = None
    if inter.next_action and deadline is not None:
        task = Task(
            title=inter.next_action, customer_id=customer_id,
            person_id=people[0].id if people else None, interaction_id=inter.id,
            owner=inter.owner, due_at=datetime.combine(deadline, time(18)),
            remind_at=reminder_for_deadline(deadline, now), priority=2, source="interaction",
            kind="task",
        )
        session.add(task)
        session.flush()
        task_id = task.id
    refresh_customer(session.connection(), customer_id, now.date())
    return LoggedContact(inter.id, task_id)


def update_interaction(session: Session, interaction_id: int, now: datetime | None = None,
                       **fields: Any) -> Interaction:
    now = now or datetime.now()
    inter = session.get(Interaction, interaction_id)
    if inter is None:
        raise ValidationError("interaction", "required")
    person_ids = fields.pop("person_ids", None)
    for key, value in fields.items():
        if key not in ("occurred_at", "channel", "topic", "feedback", "issue", "next_action",
                       "owner", "deadline", "satisfaction"):
            raise ValidationError(key, "invalid_choice")
        setattr(inter, key, value.strip() or None if isinstance(value, str) and key != "topic"
                else value)
    _validate(inter.customer_id, inter.occurred_at, inter.channel, inter.topic, inter.deadline,
              inter.satisfaction, now)
    if person_ids is not None:
        inter.people = list(session.scalars(select(Person).where(
            Person.id.in_(person_ids), Person.customer_id == inter.customer_id)))
    session.flush()
    _sync_follow_up(session, inter, now)
    refresh_customer(session.connection(), inter.customer_id, now.date())
    return inter


def _sync_follow_up(session: Session, inter: Interaction, now: datetime) -> None:
    """Keep the follow-up task in step with an edited next action / deadline.

    An open task follows the edit (title, due, reminder re-armed); a task already
    done is left alone; a next action that gains a deadline gets its task now.
    """
    task = session.scalars(select(Task).where(
        Task.interaction_id == inter.id, Task.source == "interaction")).first()
    if inter.next_action and inter.deadline is not None:
        due = datetime.combine(inter.deadline, time(18))
        if task is None:
            session.add(Task(
                title=inter.next_action, customer_id=inter.customer_id,
                person_id=inter.people[0].id if inter.people else None, interaction_id=inter.id,
                owner=inter.owner, due_at=due, remind_at=reminder_for_deadline(inter.deadline, now),
                priority=2, source="interaction", kind="task"))
        elif task.done_at is None:
            if task.due_at != due:
                task.remind_at = reminder_for_deadline(inter.deadline, now)
                task.snoozed_until = None
                task.notified_at = None
            task.title, task.due_at, task.owner = inter.next_action, due, inter.owner
    elif task is not None and task.done_at is None:
        session.delete(task)  # the promise was withdrawn
    session.flush()


def snapshot_interaction(session: Session, interaction_id: int) -> dict[str, Any]:
    """Everything needed to put a deleted interaction back exactly (for undo)."""
    inter = session.get(Interaction, interaction_id)
    if inter is None:
        raise ValidationError("interaction", "required")
    cols = {c.key: getattr(inter, c.key) for c in Interaction.__table__.columns}
    tasks = [{c.key: getattr(t, c.key) for c in Task.__table__.columns}
             for t in session.scalars(select(Task).where(Task.interaction_id == interaction_id))]
    return {"interaction": cols, "people": [p.id for p in inter.people], "tasks": tasks}


def delete_interaction(session: Session, interaction_id: int,
                       today: date | None = None) -> dict[str, Any]:
    """Delete and return the snapshot that :func:`restore_interaction` puts back.

    Tasks created from it go with it (an undo brings them back too)."""
    snap = snapshot_interaction(session, interaction_id)
    inter = session.get(Interaction, interaction_id)
    for task in session.scalars(select(Task).where(Task.interaction_id == interaction_id)):
        session.delete(task)
    session.delete(inter)
    session.flush()
    refresh_customer(session.connection(), snap["interaction"]["customer_id"],
                     today or date.today())
    return snap


def restore_interaction(session: Session, snap: dict[str, Any],
                        today: date | None = None) -> None:
    data = dict(snap["interaction"])
    inter = Interaction(**data)
    inter.people = list(session.scalars(select(Person).where(Person.id.in_(snap["people"]))))
    session.add(inter)
    session.flush()
    for t in snap["tasks"]:
        session.add(Task(**t))
    session.flush()
    refresh_customer(session.connection(), data["customer_id"], today or date.today())
