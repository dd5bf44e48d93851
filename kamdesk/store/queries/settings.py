"""Reading the settings stored with the data (JSON values in ``app_settings``).

These settings belong to the book of business, not to one computer: tiering thresholds
and contact rhythm, key-date reminder lead times, when the figures were last recomputed.
They travel with a backup. Writes are in :mod:`kamdesk.store.ops.settings`.

The product lines the user sells are stored here as a plain list; the list in force
(falling back to the lines found in the orders book while the user has kept none) is
read by :func:`kamdesk.store.queries.penetration.product_lines_in_force`.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from kamdesk.domain.complaints import ResponseHours
from kamdesk.domain.penetration import clean_product_lines
from kamdesk.domain.tiering_settings import TieringSettings

TIERING_KEY = "tiering"
REMINDER_KEY = "reminders"
APP_LAST_SEEN_KEY = "app_last_seen"
PRODUCT_LINES_KEY = "product_lines"
COMPLAINT_HOURS_KEY = "complaint_response_hours"


def get_json(conn: Connection, key: str, default: Any = None) -> Any:
    """The stored value of ``key``; ``default`` when absent or unreadable."""
    row = conn.execute(text("SELECT value FROM app_settings WHERE key = :k"), {"k": key}).first()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def tiering_settings(conn: Connection) -> TieringSettings:
    """The tiering settings in force (defaults for anything missing or unusable)."""
    return TieringSettings.from_dict(get_json(conn, TIERING_KEY, {}) or {})


def reminder_settings(conn: Connection) -> dict[str, Any]:
    """The key-date reminder lead times as stored (a copy the caller may change)."""
    stored = get_json(conn, REMINDER_KEY, {})
    return dict(stored) if isinstance(stored, dict) else {}


def stored_product_lines(conn: Connection) -> tuple[str, ...]:
    """The user's own list of product lines, in their order; empty when none is kept."""
    stored = get_json(conn, PRODUCT_LINES_KEY, [])
    if not isinstance(stored, list):
        return ()
    return clean_product_lines(str(x) for x in stored if isinstance(x, str | int | float))


def complaint_response_hours(conn: Connection) -> ResponseHours:
    """Hours allowed for a complaint's first response, by severity (defaults for
    anything missing or unusable)."""
    stored = get_json(conn, COMPLAINT_HOURS_KEY, {})
    return ResponseHours.from_dict(stored if isinstance(stored, dict) else {})
