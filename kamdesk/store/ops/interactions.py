"""Writing the contact log (沟通记录). A next action with a deadline becomes a reminder task.

Every function here also brings the customer's derived row (``customer_metrics``: last
contact, activity, health, next touch) up to date at once, and may add a
``tier_changes`` row when the activity state moves; the Changes say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kamdesk.domain.reminders import reminder_for_deadline
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Interaction, Person, Task
from kamdesk.store.models.interaction import CHANNELS
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.metrics import refresh_customer_metrics
from kamdesk.store.ops.versions import check_loaded, stale_guard


@dataclass(frozen=True)
class LoggedContact:
    interaction_id: int
    task_id: int | None
    #: when the follow-up task's reminder rings (None: no task)
    remind_at: datetime | None = None


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
) -> Changes:
    """Log one contact; ``value`` is a :class:`LoggedContact`."""
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
    remind_at = None
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
        task_id, remind_at = task.id, task.remind_at
    metrics = refresh_customer_metrics(session, customer_id, now.date())
    return (Changes.of("interactions", inter.id) | Changes.of("tasks", task_id)
            | metrics).with_value(
        LoggedContact(inter.id, task_id, remind_at))


def update_interaction(session: Session, interaction_id: int, now: datetime | None = None,
                       *, expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit a logged contact; its follow-up task follows. ``value`` is the Interaction.
    With ``expected_version``, a contact saved by someone else since raises
    :class:`ConflictError`."""
    now = now or datetime.now()
    inter = session.get(Interaction, interaction_id)
    if inter is None:
        raise ValidationError("interaction", "required")
    person_ids = fields.pop("person_ids", None)
    mine: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in ("occurred_at", "channel", "topic", "feedback", "issue", "next_action",
                       "owner", "deadline", "satisfaction"):
            raise ValidationError(key, "invalid_choice")
        mine[key] = (value.strip() or None if isinstance(value, str) and key != "topic"
                     else value)
    check_loaded(inter, expected_version, mine)
    for key, value in mine.items():
        setattr(inter, key, value)
    _validate(inter.customer_id, inter.occurred_at, inter.channel, inter.topic, inter.deadline,
              inter.satisfaction, now)
    if person_ids is not None:
        inter.people = list(session.scalars(select(Person).where(
            Person.id.in_(person_ids), Person.customer_id == inter.customer_id)))
    with stale_guard(session, Interaction, interaction_id, expected_version, mine):
        session.flush()
    task_changes = _sync_follow_up(session, inter, now)
    metrics = refresh_customer_metrics(session, inter.customer_id, now.date())
    return (Changes.of("interactions", inter.id) | task_changes | metrics).with_value(inter)


def _sync_follow_up(session: Session, inter: Interaction, now: datetime) -> Changes:
    """Keep the follow-up task in step with an edited next action / deadline.

    An open task follows the edit (title, due, reminder re-armed); a task already
    done is left alone; a next action that gains a deadline gets its task now.
    """
    task = session.scalars(select(Task).where(
        Task.interaction_id == inter.id, Task.source == "interaction")).first()
    touched: list[int | None] = []
    if inter.next_action and inter.deadline is not None:
        due = datetime.combine(inter.deadline, time(18))
        if task is None:
            task = Task(
                title=inter.next_action, customer_id=inter.customer_id,
                person_id=inter.people[0].id if inter.people else None, interaction_id=inter.id,
                owner=inter.owner, due_at=due, remind_at=reminder_for_deadline(inter.deadline, now),
                priority=2, source="interaction", kind="task")
            session.add(task)
            session.flush()
            touched.append(task.id)
        elif task.done_at is None:
            if task.due_at != due:
                task.remind_at = reminder_for_deadline(inter.deadline, now)
                task.snoozed_until = None
                task.notified_at = None
            task.title, task.due_at, task.owner = inter.next_action, due, inter.owner
            touched.append(task.id)
    elif task is not None and task.done_at is None:
        touched.append(task.id)
        session.delete(task)  # the promise was withdrawn
    session.flush()
    return Changes.of("tasks", *touched) if touched else Changes()


def snapshot_interaction(session: Session, interaction_id: int) -> dict[str, Any]:
    """Everything needed to put a deleted interaction back exactly (for undo)."""
    inter = session.get(Interaction, interaction_id)
    if inter is None:
        raise ValidationError("interaction", "required")
    cols = {c.key: getattr(inter, c.key) for c in Interaction.__table__.columns}
    tasks = [{c.key: getattr(t, c.key) for c in Task.__table__.columns}
             for t in session.scalars(select(Task).where(Task.interaction_id == interaction_id))]
    return {"interaction": cols, "people": [p.id for p in inter.people], "tasks": tasks}


def delete_interactions(session: Session, interaction_ids: list[int] | tuple[int, ...],
                        today: date | None = None, *,
                        expected_versions: dict[int, int] | None = None) -> Changes:
    """Delete contacts; ``value`` is the list of snapshots :func:`restore_interactions`
    puts back (for undo). Tasks created from them go with them (and come back too).
    ``expected_versions`` (id -> version read): a contact changed by someone else since
    raises :class:`ConflictError` (``deleting``)."""
    changes = Changes()
    snaps: list[dict[str, Any]] = []
    customers: set[int] = set()
    for interaction_id in interaction_ids:
        snap = snapshot_interaction(session, interaction_id)
        inter = session.get(Interaction, interaction_id)
        check_loaded(inter, (expected_versions or {}).get(interaction_id), {}, deleting=True)
        for task in session.scalars(select(Task).where(Task.interaction_id == interaction_id)):
            changes = changes.also("tasks", task.id)
            session.delete(task)
        session.delete(inter)
        changes = changes.also("interactions", interaction_id)
        snaps.append(snap)
        customers.add(snap["interaction"]["customer_id"])
    session.flush()
    for customer_id in sorted(customers):
        changes = changes | refresh_customer_metrics(session, customer_id, today or date.today())
    return changes.with_value(snaps)


def delete_interaction(session: Session, interaction_id: int,
                       today: date | None = None, *,
                       expected_version: int | None = None) -> Changes:
    """Delete one contact; ``value`` is its snapshot (see :func:`delete_interactions`)."""
    changes = delete_interactions(
        session, [interaction_id], today,
        expected_versions=None if expected_version is None
        else {interaction_id: expected_version})
    return changes.with_value(changes.value[0])


def restore_interactions(session: Session, snaps: list[dict[str, Any]],
                         today: date | None = None) -> Changes:
    """Put deleted contacts back exactly as they were (undo)."""
    changes = Changes()
    customers: set[int] = set()
    for snap in snaps:
        data = dict(snap["interaction"])
        inter = Interaction(**data)
        inter.people = list(session.scalars(
            select(Person).where(Person.id.in_(snap["people"]))))
        session.add(inter)
        session.flush()
        changes = changes.also("interactions", inter.id)
        for t in snap["tasks"]:
            session.add(Task(**t))
            changes = changes.also("tasks", t.get("id"))
        customers.add(data["customer_id"])
    session.flush()
    for customer_id in sorted(customers):
        changes = changes | refresh_customer_metrics(session, customer_id, today or date.today())
    return changes


def restore_interaction(session: Session, snap: dict[str, Any],
                        today: date | None = None) -> Changes:
    return restore_interactions(session, [snap], today)


# -- many contacts at once (the importer) -------------------------------------------------
@dataclass(frozen=True, slots=True)
class NewInteraction:
    customer_id: int
    occurred_at: datetime
    channel: str
    topic: str
    feedback: str | None = None
    issue: str | None = None
    next_action: str | None = None
    owner: str | None = None
    deadline: date | None = None


def validate_contact(row: NewInteraction, now: datetime) -> None:
    """The rules every logged contact obeys (ValidationError naming the field), for a
    caller that reports bad rows one by one before writing (the importer)."""
    _validate(row.customer_id, row.occurred_at, row.channel, row.topic, row.deadline, None, now)


def add_interactions(session: Session, rows: list[NewInteraction] | tuple[NewInteraction, ...],
                     now: datetime, open_from: date | None = None) -> Changes:
    """Insert many contacts; a next action with a deadline on or after ``open_from``
    (default: any) becomes a follow-up task, as :func:`log_contact` does. The caller
    recomputes the metrics once for the batch. The new contacts' ids are in the Changes."""
    if not rows:
        return Changes()
    for row in rows:
        validate_contact(row, now)
    stamp = now.replace(microsecond=0)

    def clean(v: str | None) -> str | None:
        return (v or "").strip() or None

    # Ids given here (after the highest) so the follow-up tasks can name them without
    # RETURNING, which SQLite would answer one row at a time.
    first = int(session.execute(select(func.max(Interaction.id))).scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    insert_rows(session, cast(Table, Interaction.__table__), (
        "id", "customer_id", "occurred_at", "channel", "topic", "feedback", "issue",
        "next_action", "owner", "deadline", "created_at", "updated_at"), [
        (iid, r.customer_id, r.occurred_at, r.channel, r.topic.strip(), clean(r.feedback),
         clean(r.issue), clean(r.next_action), clean(r.owner), r.deadline, stamp, stamp)
        for iid, r in zip(ids, rows, strict=True)])
    tasks = [{"title": clean(r.next_action), "kind": "task", "customer_id": r.customer_id,
              "interaction_id": iid, "owner": clean(r.owner),
              "due_at": datetime.combine(r.deadline, time(18)),
              "remind_at": reminder_for_deadline(r.deadline, now), "priority": 2,
              "source": "interaction", "created_at": stamp, "updated_at": stamp}
             for r, iid in zip(rows, ids, strict=True)
             if clean(r.next_action) and r.deadline is not None
             and (open_from is None or r.deadline >= open_from)]
    changes = Changes.of("interactions", *ids)
    if tasks:
        session.execute(insert(cast(Table, Task.__table__)), tasks)
        changes = changes | Changes.of("tasks")
    return changes
