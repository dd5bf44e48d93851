"""Snoozing a customer's overdue maintenance touch (维护节奏) on Today.

Only Today has this kind of snooze: the touch is not a task but a row computed from
the customer's metrics, so "not today" is recorded as one open task per customer
(``source='cadence'``, ``source_key='cadence:{customer}'``) with no due or reminder
time, only ``snoozed_until``. With no date it never shows as a task of its own, so the
customer comes back as the same cadence row once the snooze ends instead of twice (row
and task). ``notified_at`` is set to the snooze end so the reminder scheduler does not
pop it up as well: Today, the start screen, is where a cadence touch is shown.
Snoozing again moves the same row.

The task's title is stored as a code and facts (the touch's action code and the
customer's name) and rendered when shown (:mod:`kamdesk.domain.task_titles`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain import task_titles
from kamdesk.domain.cadence import ACTION_KINDS
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Task
from kamdesk.store.ops.changes import Changes

CADENCE_SNOOZE_PREFIX = "cadence:"


def snooze_cadence(session: Session, customer_id: int, until: datetime, action: str | None,
                   now: datetime) -> Changes:
    """Keep an overdue customer off Today until ``until``; ``value`` is the task id.

    ``action`` is the touch's action code (``CadenceDue.due_action``: 'contact',
    'win_back', …). Anything else (display text from a caller written before titles
    were rendered) is not stored: the title then names the customer alone.
    """
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "required")
    params = {"action": action if action in ACTION_KINDS else None,
              "company": customer.name}
    key = f"{CADENCE_SNOOZE_PREFIX}{customer_id}"
    task = session.scalars(select(Task).where(Task.source_key == key)).one_or_none()
    if task is None:
        task = Task(customer_id=customer_id, source="cadence", source_key=key, kind="call",
                    priority=2)
        session.add(task)  # tasks
    task.title = task_titles.plain_title(task_titles.CADENCE, params)
    task.title_code = task_titles.CADENCE
    task.title_params = params
    task.due_at = None
    task.remind_at = None
    task.done_at = None
    task.snoozed_until = until
    task.notified_at = until
    task.updated_at = now
    session.flush()
    return Changes.of("tasks", task.id).with_value(task.id)
