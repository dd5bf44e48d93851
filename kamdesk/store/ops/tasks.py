"""Writing tasks and reminders (跟进任务): create, edit, finish, snooze, move, delete.

The bulk forms (done, snooze, reassign several at once) serve the Tasks screen; bulk
done returns the ids it finished so undo reopens exactly those.

A task with ``remind_at`` is a reminder; ``snoozed_until`` and ``notified_at`` are the
reminder's state (see :mod:`kamdesk.domain.reminders`). Every edit that moves *when* a
reminder rings clears the snooze and the "already shown" mark, so it rings again at the
new time. Each function returns the :class:`Changes` it made: the ``tasks`` rows, and
``plan_actions`` when deleting a task unlinks the plan actions that pointed at it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from kamdesk.store import history
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import PlanAction, Task
from kamdesk.store.models.task import TASK_KINDS, TASK_SOURCES
from kamdesk.store.ops.changes import NOTHING, Changes
from kamdesk.store.ops.versions import bumped, check_loaded, stale_guard

#: what :func:`update_task` may set besides the timing (which has rules of its own)
EDITABLE = ("title", "customer_id", "person_id", "kind", "priority", "notes", "owner")
#: the source key of the task that keeps a customer's cadence touch snoozed on Today


def _changed(*task_ids: int | None) -> Changes:
    return Changes.of("tasks", *task_ids)


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise ValidationError("task", "required")
    return task


def _check(fields: dict[str, Any]) -> None:
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError("title", "required")
    if "priority" in fields and fields["priority"] not in (1, 2, 3):
        raise ValidationError("priority", "out_of_range")
    if "kind" in fields and fields["kind"] not in TASK_KINDS:
        raise ValidationError("kind", "invalid_choice")
    if "source" in fields and fields["source"] not in TASK_SOURCES:
        raise ValidationError("source", "invalid_choice")
    for key in ("due_at", "remind_at"):
        if fields.get(key) is not None and not isinstance(fields[key], datetime):
            raise ValidationError(key, "invalid_date")


def _clean(key: str, value: Any) -> Any:
    if key == "title":
        return value.strip()
    if key in ("notes", "owner") and isinstance(value, str):
        return value if value.strip() else None
    return value


def create_task(session: Session, *, title: str, **fields: Any) -> Changes:
    """Add a task; ``value`` is its id. ``fields`` are Task columns (due_at, remind_at,
    kind, priority, customer_id, person_id, notes, owner, source, source_key…)."""
    _check({"title": title, **fields})
    task = Task(title=title.strip(), **fields)
    session.add(task)
    session.flush()
    return _changed(task.id).with_value(task.id)


def update_task(session: Session, task_id: int, *, expected_version: int | None = None,
                **fields: Any) -> Changes:
    """Edit a task: any of :data:`EDITABLE`, plus ``due_at`` and ``remind_at``.

    A new ``due_at`` moves the task as :func:`reschedule_task` does (the reminder keeps
    its distance to the due time); a ``remind_at`` given as well is then set as given
    and re-armed. Fields not passed stay as they are. With ``expected_version``, a task
    saved by someone else since raises :class:`ConflictError`.
    """
    unknown = set(fields) - {*EDITABLE, "due_at", "remind_at"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "invalid_choice")
    _check(fields)
    task = _get(session, task_id)
    check_loaded(task, expected_version, {k: _clean(k, v) for k, v in fields.items()})
    if "due_at" in fields and fields["due_at"] != task.due_at:
        _move(task, fields["due_at"])
    if "remind_at" in fields:
        task.remind_at = fields["remind_at"]
        task.snoozed_until = None
        task.notified_at = None
    for key in EDITABLE:
        if key in fields:
            setattr(task, key, _clean(key, fields[key]))
    if "title" in fields or "notes" in fields:
        # The user typed the words: a generated task's title is no longer rendered
        # from its code (it would hide the edit); the words are now the user's.
        task.title_code = None
        task.title_params = None
    with stale_guard(session, Task, task_id, expected_version, fields):
        session.flush()
    return _changed(task.id)


def complete_task(session: Session, task_id: int, now: datetime) -> Changes:
    _get(session, task_id).done_at = now
    session.flush()
    return _changed(task_id)


def reopen_task(session: Session, task_id: int) -> Changes:
    _get(session, task_id).done_at = None
    session.flush()
    return _changed(task_id)


def complete_tasks(session: Session, task_ids: Iterable[int], now: datetime) -> Changes:
    """Mark several tasks done; ``value`` is the ids that were open (what
    :func:`reopen_tasks` takes back on undo — tasks already done stay done)."""
    ids = list(dict.fromkeys(task_ids))
    opened = list(session.scalars(select(Task.id).where(Task.id.in_(ids),
                                                        Task.done_at.is_(None))))
    if not opened:
        return NOTHING.with_value(())
    session.execute(update(Task).where(Task.id.in_(opened)).values(done_at=now, **bumped(Task)))
    session.flush()
    return _changed(*opened).with_value(tuple(opened))


def reopen_tasks(session: Session, task_ids: Iterable[int]) -> Changes:
    """Undo of :func:`complete_tasks`: open these tasks again."""
    ids = list(dict.fromkeys(task_ids))
    if not ids:
        return NOTHING
    session.execute(update(Task).where(Task.id.in_(ids)).values(done_at=None, **bumped(Task)))
    session.flush()
    return _changed(*ids)


def snooze_tasks(session: Session, task_ids: Iterable[int], until: datetime) -> Changes:
    """Snooze several open tasks until ``until`` (done ones are left alone)."""
    if not isinstance(until, datetime):
        raise ValidationError("snoozed_until", "invalid_date")
    ids = list(dict.fromkeys(task_ids))
    hit = list(session.scalars(select(Task.id).where(Task.id.in_(ids), Task.done_at.is_(None))))
    if not hit:
        return NOTHING
    session.execute(update(Task).where(Task.id.in_(hit))
                    .values(snoozed_until=until, **bumped(Task)))
    session.flush()
    return _changed(*hit)


def reassign_tasks(session: Session, task_ids: Iterable[int], owner: str | None) -> Changes:
    """Give several tasks to ``owner`` (None or blank: nobody)."""
    ids = list(dict.fromkeys(task_ids))
    if not ids:
        return NOTHING
    session.execute(update(Task).where(Task.id.in_(ids))
                    .values(owner=_clean("owner", owner), **bumped(Task)))
    session.flush()
    return _changed(*ids)


def snooze_task(session: Session, task_id: int, until: datetime) -> Changes:
    _get(session, task_id).snoozed_until = until
    session.flush()
    return _changed(task_id)


def _move(task: Task, due_at: datetime | None) -> None:
    """New due time; the reminder moves by the same amount and rings again."""
    if due_at is not None and task.due_at is not None and task.remind_at is not None:
        task.remind_at = task.remind_at + (due_at - task.due_at)
    elif task.remind_at is not None:
        task.remind_at = due_at
    task.due_at = due_at
    task.snoozed_until = None
    task.notified_at = None


def reschedule_task(session: Session, task_id: int, due_at: datetime) -> Changes:
    """Move a task to another day; its reminder moves by the same amount."""
    _check({"due_at": due_at})
    _move(_get(session, task_id), due_at)
    session.flush()
    return _changed(task_id)


def mark_notified(session: Session, task_ids: Iterable[int], now: datetime) -> Changes:
    """Record that these reminders were shown at ``now`` (so they never fire twice)."""
    ids = list(dict.fromkeys(task_ids))
    found = [] if not ids else list(session.scalars(select(Task.id).where(Task.id.in_(ids))))
    if found:
        # bookkeeping, not an edit: the version stays, so a task open in a dialog while
        # its reminder pops up saves without a conflict
        session.execute(update(Task).where(Task.id.in_(found)).values(notified_at=now),
                        execution_options={"synchronize_session": False})
        session.expire_all()
    return _changed(*found) if found else NOTHING


def delete_task(session: Session, task_id: int, *,
                expected_version: int | None = None) -> Changes:
    """Delete a task; ``value`` is the snapshot :func:`restore_task` puts back (undo).
    With ``expected_version``, a task changed by someone else since raises
    :class:`ConflictError` (``deleting``).

    Plan actions that pointed at it lose the link (the database would null it anyway);
    the snapshot remembers them so undo links them again.
    """
    task = _get(session, task_id)
    check_loaded(task, expected_version, {}, deleting=True)
    linked = list(session.scalars(select(PlanAction.id).where(PlanAction.task_id == task_id)))
    snapshot = {"task": {c.key: getattr(task, c.key) for c in Task.__table__.columns},
                "plan_actions": linked}
    changes = _changed(task_id)
    if linked:
        actions = cast(Table, PlanAction.__table__)
        before = history.snapshot(session, actions, linked)
        session.execute(update(PlanAction).where(PlanAction.task_id == task_id)
                        .values(task_id=None))
        history.record_update(session, "plan_actions", before,
                              history.snapshot(session, actions, linked))
        changes = changes.also("plan_actions", *linked)
    with stale_guard(session, Task, task_id, expected_version, {}, deleting=True):
        session.delete(task)
        session.flush()
    return changes.with_value(snapshot)


def restore_task(session: Session, snapshot: dict[str, Any]) -> Changes:
    """Put a deleted task back exactly as it was (undo of :func:`delete_task`)."""
    task = Task(**snapshot["task"])
    session.add(task)
    session.flush()
    changes = _changed(task.id)
    links = list(snapshot.get("plan_actions") or ())
    if links:
        actions = cast(Table, PlanAction.__table__)
        before = history.snapshot(session, actions, links)
        session.execute(update(PlanAction).where(PlanAction.id.in_(links))
                        .values(task_id=task.id))
        history.record_update(session, "plan_actions", before,
                              history.snapshot(session, actions, links))
        changes = changes.also("plan_actions", *links)
    session.flush()
    return changes.with_value(task.id)
