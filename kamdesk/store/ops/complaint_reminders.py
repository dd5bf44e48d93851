"""Keep one reminder task per complaint waiting for its first response.

A complaint's response deadline should ring like any other reminder — in the tray or
the corner pop-up, with Open, Done and Snooze — so it is written as a task (source
'complaint', ``source_key`` 'complaint_response:{id}', title code
:data:`kamdesk.domain.task_titles.COMPLAINT_RESPONSE`) whose ``remind_at`` the
scheduler arms like the rest. The task rings twice: when the complaint turns amber
and when its deadline passes (:func:`kamdesk.domain.complaints.reminder_moment`). What
was shown is the task's own ``notified_at``, kept in the database, so a restart never
shows the same moment again.

:func:`sync_complaint_reminders` makes the tasks agree with the complaints; it is
idempotent and cheap (waiting complaints only), run at start, when complaints change,
and after one of these reminders was shown (to move it on to the deadline). A
complaint answered since gets its task done; a deleted one loses its open task. A task
the user marked done (dismissed) is left alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain import task_titles
from kamdesk.domain.complaints import is_waiting, reminder_moment
from kamdesk.store.models import Customer, Task
from kamdesk.store.models.complaint import Complaint
from kamdesk.store.ops.changes import Changes

KEY_PREFIX = "complaint_response:"
_PRIORITY = {"critical": 1, "high": 1}


def reminder_key(complaint_id: int) -> str:
    return f"{KEY_PREFIX}{complaint_id}"


def _wanted(c: Complaint, company: str, task: Task | None) -> dict[str, Any]:
    assert c.response_deadline is not None
    params = {"subject": (c.category or c.description.split("\n")[0])[:80],
              "company": company, "deadline": c.response_deadline.isoformat(),
              "severity": c.severity}
    return {
        "title": task_titles.plain_title(task_titles.COMPLAINT_RESPONSE, params),
        "title_code": task_titles.COMPLAINT_RESPONSE, "title_params": params,
        "customer_id": c.customer_id, "person_id": c.person_id, "owner": c.owner,
        "due_at": c.response_deadline, "priority": _PRIORITY.get(c.severity, 2),
        "remind_at": reminder_moment(c.received_at, c.response_deadline,
                                     task.notified_at if task is not None else None),
    }


def sync_complaint_reminders(session: Session, now: datetime) -> Changes:
    """Create, move or close the reminder tasks of complaints; Changes name only the
    tasks really written (none: nothing to announce)."""
    tasks = {t.source_key: t for t in session.scalars(select(Task).where(
        Task.source == "complaint", Task.source_key.like(f"{KEY_PREFIX}%")))}
    waiting = session.execute(
        select(Complaint, Customer.short_name, Customer.name)
        .join(Customer, Customer.id == Complaint.customer_id)
        .where(Complaint.status == "open", Complaint.response_deadline.is_not(None))).all()
    changed: list[Task] = []
    seen: set[str] = set()
    for c, short, name in waiting:
        if not is_waiting(c.status):
            continue
        key = reminder_key(c.id)
        seen.add(key)
        task = tasks.get(key)
        if task is not None and task.done_at is not None:
            continue  # dismissed by the user
        wanted = _wanted(c, short or name, task)
        if task is None:
            task = Task(source="complaint", source_key=key, kind="call", **wanted)
            session.add(task)  # tasks
            changed.append(task)
        elif any(getattr(task, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(task, k, v)  # tasks
            changed.append(task)
    gone: list[int] = []
    for stored_key, task in tasks.items():
        if stored_key in seen or task.done_at is not None:
            continue
        complaint_id = int(str(stored_key)[len(KEY_PREFIX):])
        if session.get(Complaint, complaint_id) is None:
            gone.append(task.id)
            session.delete(task)  # tasks
        else:
            task.done_at = now  # answered since: the reminder is done (tasks)
            changed.append(task)
    session.flush()
    ids = [t.id for t in changed] + gone
    return Changes.of("tasks", *ids) if ids else Changes()
