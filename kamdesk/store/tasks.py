"""Moved to :mod:`kamdesk.store.ops.tasks`; shim until the merge."""

from kamdesk.store.ops.tasks import (  # noqa: F401
    complete_task, create_task, mark_notified, reopen_task, reschedule_task, snooze_task,
)
