"""Writing the customer list's saved views: save (a view of the same name is replaced)
and delete (``value`` is the deleted view, so the list can undo it)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kamdesk.domain.list_views import MAX_VIEWS, SavedView, clean_view_name, view_name_problem
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.settings import put_json
from kamdesk.store.queries.list_views import VIEWS_KEY, saved_views


def save_view(session: Session, view: SavedView) -> Changes:
    """Store ``view`` (replacing one of the same name); ``value`` is its name."""
    name = clean_view_name(view.name)
    problem = view_name_problem(name)
    if problem:
        raise ValidationError("name", problem)
    checked = SavedView.from_dict({**view.to_dict(), "name": name}) or view
    conn = session.connection()
    views = saved_views(conn)
    kept = [v for v in views if v.name != name]
    if len(kept) >= MAX_VIEWS:
        raise ValidationError("name", "out_of_range")
    at = next((i for i, v in enumerate(views) if v.name == name), len(kept))
    kept.insert(at, checked)
    return put_json(conn, VIEWS_KEY, [v.to_dict() for v in kept]).with_value(name)


def delete_view(session: Session, name: str) -> Changes:
    """Forget the view called ``name``; ``value`` is the :class:`SavedView` (None if absent)."""
    conn = session.connection()
    views = saved_views(conn)
    gone = next((v for v in views if v.name == name), None)
    if gone is None:
        return Changes.of("app_settings").with_value(None)
    return put_json(conn, VIEWS_KEY, [v.to_dict() for v in views if v.name != name]
                    ).with_value(gone)
