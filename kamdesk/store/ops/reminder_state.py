"""What the reminder service remembers between runs, kept with the data.

Two marks in ``app_settings``: when the app was last seen running (so the next start
knows which reminders it missed while closed) and the day the generated key-date and
renewal reminders were last brought up to date (so that once-a-day work is not
repeated at every start). No screen shows them; they are bookkeeping.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.settings import put_json
from kamdesk.store.queries.settings import APP_LAST_SEEN_KEY

#: app_settings key: the day reminder tasks were last generated from key dates
REMINDERS_SYNCED_KEY = "reminder_tasks_synced"


def record_last_seen(session: Session, moment: dt.datetime) -> Changes:
    """The app is running at ``moment``."""
    put_json(session.connection(), APP_LAST_SEEN_KEY, moment.isoformat(timespec="seconds"))
    return Changes.of("app_settings")


def record_reminders_synced(session: Session, day: dt.date) -> Changes:
    """The generated reminders were brought up to date on ``day``."""
    put_json(session.connection(), REMINDERS_SYNCED_KEY, day.isoformat())
    return Changes.of("app_settings")
