"""Moved to kamdesk.store.queries.today* and kamdesk.store.ops.cadence; shim until the merge."""
from kamdesk.store.ops.cadence import CADENCE_SNOOZE_PREFIX, snooze_cadence  # noqa: F401
from kamdesk.store.queries.listing import Listing  # noqa: F401
from kamdesk.store.queries.renewals import RenewalDue, renewals_due  # noqa: F401
from kamdesk.store.queries.today import (  # noqa: F401
    COMPLAINT_WARNING, CadenceDue, ComplaintDue, DueTask, SilentCustomer, TodayData,
    cadence_overdue, complaints_due, due_tasks, end_of_day, next_wake, silent_customers,
    task_rows, today_data,
)
from kamdesk.store.queries.today_dates import (  # noqa: F401
    TIERS, WINDOW_DAYS, FestivalDue, KeyDateDue, festivals_ahead, key_dates_ahead,
)
