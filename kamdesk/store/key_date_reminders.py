"""Moved to kamdesk.store.ops.key_date_reminders and queries.reminder_plan; shim until the merge."""
from kamdesk.domain.reminder_settings import ReminderSettings  # noqa: F401
from kamdesk.store.ops.key_date_reminders import (  # noqa: F401
    SyncResult, sync_contract_tasks, sync_key_date_tasks, sync_reminder_tasks,
)
from kamdesk.store.queries.reminder_plan import load_reminder_settings  # noqa: F401
