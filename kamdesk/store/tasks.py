"""Tasks and reminders: create, complete, snooze, reschedule, mark as shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Task


def create_task(session: Session, *, title: str, **fields: Any) -> Task:
    if not (title or "").strip():
        raise ValidationError("title", "required")
    if "priority" in fields and fields["priority"] not in (1, 2, 3):
        raise ValidationError("priority", "out_of_range")
    task = Task(title=title.strip(), **fields)
    session.add(task)
    session.flush()
    return task


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise ValidationError("task", "required")
    return task


def complete_task(session: Session, task_id: int, now: datetime) -> Task:
    task = _get(session, task_id)
    task.done_at = now
    session.flush()
    return task


def reopen_task(session: Session, task_id: int) -> Task:
    task = _get(session, task_id)
    task.done_at = None
    session.flush()
    return task


def snooze_task(session: Session, task_id: int, until: datetime) -> Task:
    task = _get(session, task_id)
    task.snoozed_until = until
    session.flush()
    return task


def reschedule_task(session: Session, task_id: int, due_at: datetime) -> Task:
    """Move a task to another day; its reminder moves by the same amount."""
    task = _get(session, task_id)
    if task.due_at is not None and task.remind_at is not None:
        task.remind_at = task.remind_at + (due_at - task.due_at)
    elif task.remind_at is not None:
        task.remind_at = due_at
    task.due_at = due_at
    task.snoozed_until = None
    task.notified_at = None
    session.flush()
    return task


def mark_notified(session: Session, task_ids: list[int], now: datetime) -> None:
    for task in session.query(Task).filter(Task.id.in_(task_ids)):
        task.notified_at = now
    session.flush()
