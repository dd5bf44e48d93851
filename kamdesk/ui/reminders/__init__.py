"""Desktop reminders: one timer for the next reminder, tray or pop-up notifications,
the bell list, close-to-tray and start at login.

``install_reminders(window, ctx)`` is the one entry point the app calls after the
main window is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from kamdesk.ui.context import AppContext
    from kamdesk.ui.reminders.service import ReminderService


def install_reminders(window: QMainWindow, ctx: AppContext, **kwargs: object) -> ReminderService:
    """Create and start the reminder service (see :mod:`kamdesk.ui.reminders.service`)."""
    from kamdesk.ui.reminders.service import install_reminders as _install

    return _install(window, ctx, **kwargs)  # type: ignore[arg-type]


__all__ = ["install_reminders"]
