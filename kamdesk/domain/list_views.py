"""Saved views (保存的视图) of the customer list: a named set of filters, a sort and the
visible columns, as plain data that round-trips through JSON (stored in app_settings).

Only known filter keys and column keys survive :meth:`SavedView.from_dict`, so a view
saved by a newer build (or edited by hand) never breaks the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: the longest view name accepted
VIEW_NAME_MAX = 60
#: the most views kept
MAX_VIEWS = 50

#: filters a view may hold -> the type of their value
FILTER_KEYS: dict[str, type] = {
    "search": str, "industry": str, "value_tier": str, "activity": str, "potential": str,
    "owner": str, "tag_id": int, "overdue_only": bool, "include_archived": bool,
    "credit_watch": bool,
}


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "revenue"
    descending: bool = True
    #: visible column keys, in order; empty: the default columns
    columns: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "filters": dict(self.filters), "sort": self.sort,
                "descending": self.descending, "columns": list(self.columns)}

    @classmethod
    def from_dict(cls, data: Any) -> SavedView | None:
        """The view in ``data``; None when it has no usable name."""
        if not isinstance(data, dict):
            return None
        name = clean_view_name(data.get("name"))
        if view_name_problem(name):
            return None
        raw = data.get("filters")
        raw = raw if isinstance(raw, dict) else {}
        filters = {k: v for k, v in raw.items()
                   if k in FILTER_KEYS and v is not None and type(v) is FILTER_KEYS[k]}
        columns = data.get("columns")
        columns = columns if isinstance(columns, list) else []
        return cls(name, filters, str(data.get("sort") or "revenue"),
                   bool(data.get("descending", True)),
                   tuple(c for c in columns if isinstance(c, str)))


def clean_view_name(name: object) -> str:
    return " ".join(str(name or "").split())


def view_name_problem(name: str) -> str | None:
    """The validation code for a cleaned view name, or None when it is fine."""
    if not name:
        return "required"
    if len(name) > VIEW_NAME_MAX:
        return "too_long"
    return None
