"""Moved to kamdesk.store.queries.* and kamdesk.io.ical_feed; shim until the merge."""
from kamdesk.store.queries.calendar import (  # noqa: F401
    DEFAULT_ANNIVERSARY_TIERS, GENERATED_SOURCES, KINDS, TASK_KINDS, CalendarEntry, CalendarPage,
    calendar_page, customer_by_code, customer_choices, items_between, sort_key, with_overdue,
)
from kamdesk.store.queries.key_dates import KeyDateOccurrence, key_date_occurrences  # noqa: F401
from kamdesk.store.queries.reminders import ReminderRow, reminder_rows, reminder_states  # noqa: F401
from kamdesk.store.queries.reminders import due_task_reminders as due_reminders  # noqa: F401
from kamdesk.store.queries.renewals import (  # noqa: F401
    LIVE_CONTRACT_STATUSES, RenewalDate, renewal_dates, renewal_task_key,
)
