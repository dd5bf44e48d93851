"""The reminder service's marks declare the one table they write."""

from __future__ import annotations

from datetime import datetime

from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.reminder_state import (
    REMINDERS_SYNCED_KEY, record_last_seen, record_reminders_synced,
)
from kamdesk.store.queries.settings import APP_LAST_SEEN_KEY, get_json

NOW = datetime(2026, 11, 23, 10, 0, 5, 123)


def test_marks_are_written_and_declared(db):
    for op, arg in ((record_last_seen, NOW), (record_reminders_synced, NOW.date()),
                    (record_last_seen, NOW)):  # again: an update, not a second row
        with track_writes(db.engine) as written:
            changes = db.write(op, arg)
        assert written == {"app_settings"} and written <= changes.names
    assert db.read(get_json, APP_LAST_SEEN_KEY) == "2026-11-23T10:00:05"
    assert db.read(get_json, REMINDERS_SYNCED_KEY) == "2026-11-23"
