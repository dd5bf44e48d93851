"""Moved to :mod:`kamdesk.store.queries.settings` and :mod:`kamdesk.store.ops.settings`; shim until the merge."""
from kamdesk.store.ops.settings import put_json  # noqa: F401
from kamdesk.store.queries.settings import (  # noqa: F401
    APP_LAST_SEEN_KEY, REMINDER_KEY, TIERING_KEY, get_json, tiering_settings,
)
