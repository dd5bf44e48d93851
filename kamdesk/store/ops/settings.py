"""Writing the settings stored with the data (``app_settings``).

Each setting is one JSON value under a key. The operations here validate what they are
given and return Changes naming ``app_settings``; saving tiering settings writes only the
settings (the recompute that follows is its own operation,
:func:`kamdesk.store.ops.metrics.recompute_all_metrics`, run in the background).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from kamdesk.domain.complaints import ResponseHours
from kamdesk.domain.penetration import MAX_LINE_LENGTH, MAX_LINES, clean_product_lines
from kamdesk.domain.tiering_settings import TieringSettings
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.changes import Changes
from kamdesk.store.queries.settings import (
    COMPLAINT_HOURS_KEY,
    PRODUCT_LINES_KEY,
    REMINDER_KEY,
    TIERING_KEY,
    reminder_settings,
)

#: the longest key-date reminder lead time accepted, in days
MAX_REMINDER_DAYS = 365


def put_json(conn: Connection, key: str, value: Any) -> Changes:
    """Store ``value`` under ``key`` on a connection already in a transaction.

    The building block of the operations below, and of bulk writes that run on a bare
    connection (the metrics recompute stamps its time with it)."""
    payload = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    updated = conn.execute(
        text("UPDATE app_settings SET value = :v WHERE key = :k"), {"k": key, "v": payload}
    ).rowcount
    if not updated:
        conn.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                     {"k": key, "v": payload})
    return Changes.of("app_settings")


def put_setting(session: Session, key: str, value: Any) -> Changes:
    """Store any JSON-ready ``value`` under ``key``."""
    if not key or not key.strip():
        raise ValidationError("key", "required")
    return put_json(session.connection(), key, value)


def save_tiering_settings(session: Session, settings: TieringSettings) -> Changes:
    """Replace the tiering settings (the domain object has already checked them)."""
    if not isinstance(settings, TieringSettings):
        raise ValidationError("tiering", "invalid_choice")
    return put_json(session.connection(), TIERING_KEY, settings.to_dict())


def save_reminder_lead_times(session: Session, days_before: Mapping[str, Any]) -> Changes:
    """Set how many days before a key date of each kind (birthday, festival…) to remind.

    The other reminder settings stored beside them (time of day, horizon, tiers) are
    kept; a lead time is written at the top level and, when the stored settings use the
    nested ``days_before`` layout, there too, so either reader sees the new value.
    """
    for kind, days in days_before.items():
        if isinstance(days, bool) or not isinstance(days, int):
            raise ValidationError(kind, "invalid_choice")
        if not 0 <= days <= MAX_REMINDER_DAYS:
            raise ValidationError(kind, "out_of_range")
    conn = session.connection()
    stored = reminder_settings(conn)
    nested = stored.get("days_before")
    for kind, days in days_before.items():
        stored[kind] = days
        if isinstance(nested, dict):
            nested[kind] = days
    return put_json(conn, REMINDER_KEY, stored)


def save_product_lines(session: Session, names: Iterable[str]) -> Changes:
    """Keep the user's list of the product lines they sell, in their order.

    Names are trimmed, blanks dropped and duplicates (by case and spacing) kept once. An
    empty list is stored as such: the penetration grid then follows the lines found in
    the orders book again.
    """
    if isinstance(names, str):
        raise ValidationError("product_lines", "invalid_choice")
    given = list(names)
    for name in given:
        if not isinstance(name, str):
            raise ValidationError("product_lines", "invalid_choice")
        if len(" ".join(name.split())) > MAX_LINE_LENGTH:
            raise ValidationError("product_lines", "too_long")
    lines = clean_product_lines(given)
    if len(lines) > MAX_LINES:
        raise ValidationError("product_lines", "out_of_range")
    return put_json(session.connection(), PRODUCT_LINES_KEY, list(lines))


def save_complaint_response_hours(session: Session, hours: ResponseHours) -> Changes:
    """Set the hours allowed for a complaint's first response (critical, high, normal).

    Complaints opened afterwards get deadlines from these; those already open keep theirs."""
    if not isinstance(hours, ResponseHours):
        raise ValidationError("complaint_hours", "invalid_choice")
    bad = hours.problem()
    if bad is not None:
        raise ValidationError(f"complaint_hours_{bad}", "out_of_range")
    return put_json(session.connection(), COMPLAINT_HOURS_KEY, hours.to_dict())


def save_book_settings(session: Session, *, tiering: TieringSettings | None = None,
                       reminder_days: Mapping[str, Any] | None = None,
                       product_lines: Iterable[str] | None = None,
                       complaint_hours: ResponseHours | None = None) -> Changes:
    """Save the settings dialog's database half in one transaction (``None``: unchanged)."""
    changes = Changes()
    if complaint_hours is not None:
        changes |= save_complaint_response_hours(session, complaint_hours)
    if tiering is not None:
        changes |= save_tiering_settings(session, tiering)
    if reminder_days is not None:
        changes |= save_reminder_lead_times(session, reminder_days)
    if product_lines is not None:
        changes |= save_product_lines(session, product_lines)
    return changes
