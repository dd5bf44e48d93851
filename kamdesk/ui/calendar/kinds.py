"""How each kind of calendar entry looks: one colour and one icon, used by the grid,
the day list and the reminder pop-ups so a kind is recognisable everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

from kamdesk.store.queries.calendar import KINDS
from kamdesk.ui.icons import icon

# Picked to stay apart for the common kinds of colour blindness (blue/orange carry the
# most frequent pair, tasks and key dates) and readable as a pale tint behind text.
KIND_COLOURS: dict[str, str] = {
    "task": "#3574f0",
    "visit": "#2e9d5b",
    "call": "#0f8fa0",
    "key_date": "#e07b12",
    "festival": "#d13b3b",
    "event": "#8e5cd9",
    "renewal": "#9a7b0a",
    "complaint": "#c2185b",
}
KIND_ICONS: dict[str, str] = {
    "task": "task", "visit": "visit", "call": "phone", "key_date": "gift",
    "festival": "festival", "event": "event", "renewal": "contract", "complaint": "warning",
}
OVERDUE_COLOUR = "#c62828"

__all__ = ["KINDS", "KIND_COLOURS", "KIND_ICONS", "OVERDUE_COLOUR", "kind_colour", "kind_icon"]


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#5b6b7c"))


def kind_icon(kind: str) -> QIcon:
    return icon(KIND_ICONS.get(kind, "calendar"))
