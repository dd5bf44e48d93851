"""Reading the customer list's saved views (stored as one JSON list in app_settings)."""

from __future__ import annotations

from sqlalchemy import Connection

from kamdesk.domain.list_views import SavedView
from kamdesk.store.queries.settings import get_json

#: the app_settings key holding the list of saved views
VIEWS_KEY = "customer_list_views"


def saved_views(conn: Connection) -> list[SavedView]:
    """Every saved view, in the order saved (unusable entries skipped)."""
    stored = get_json(conn, VIEWS_KEY, [])
    views = (SavedView.from_dict(v) for v in (stored if isinstance(stored, list) else []))
    return [v for v in views if v is not None]
