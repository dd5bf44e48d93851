"""Settings stored with the data (JSON in ``app_settings``)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

TIERING_KEY = "tiering"
REMINDER_KEY = "reminders"
APP_LAST_SEEN_KEY = "app_last_seen"


def get_json(conn: Connection, key: str, default: Any = None) -> Any:
    row = conn.execute(text("SELECT value FROM app_settings WHERE key = :k"), {"k": key}).first()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def put_json(conn: Connection, key: str, value: Any) -> None:
    payload = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    updated = conn.execute(
        text("UPDATE app_settings SET value = :v WHERE key = :k"), {"k": key, "v": payload}
    ).rowcount
    if not updated:
        conn.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                     {"k": key, "v": payload})


def tiering_settings(conn: Connection):  # type: ignore[no-untyped-def]
    from kamdesk.domain.tiering_settings import TieringSettings

    return TieringSettings.from_dict(get_json(conn, TIERING_KEY, {}) or {})


def save_tiering_settings(conn: Connection, settings) -> None:  # type: ignore[no-untyped-def]
    put_json(conn, TIERING_KEY, settings.to_dict())
