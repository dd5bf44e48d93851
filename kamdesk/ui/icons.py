"""Icons from ``resources/icons`` (own SVGs), with a theme/standard fallback."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from kamdesk.resources import resource_path


@lru_cache(maxsize=128)
def icon(name: str) -> QIcon:
    try:
        return QIcon(str(resource_path("icons", f"{name}.svg")))
    except FileNotFoundError:
        return QIcon.fromTheme(name)
