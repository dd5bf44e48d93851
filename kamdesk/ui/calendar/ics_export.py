"""Export the calendar (or one customer's part of it) to an iCalendar file, for
Outlook, Google or the phone: the last month and the coming year, with stable UIDs so
importing a newer export replaces entries instead of duplicating them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kamdesk.ui.context import AppContext

EXPORT_DAYS_BACK = 30
EXPORT_DAYS_AHEAD = 365


class CalendarExport(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window

    def ask_save_path(self, suggested: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export to calendar"), str(suggested),
            self.tr("iCalendar files (*.ics)"))
        return path

    def export(self, customer_id: int | None, customer_code: str,
               ask_save_path: Callable[[Path], str]) -> Path | None:
        """Ask where, write the file, say how many entries went; None if cancelled or
        the file could not be written (the user was told why)."""
        from kamdesk.io.ical import write_ical
        from kamdesk.paths import app_paths
        from kamdesk.io.ical_feed import iter_calendar_items_for_ical

        folder = app_paths().export_dir
        name = "kamdesk-calendar.ics"
        if customer_id is not None:
            name = f"kamdesk-{customer_code or customer_id}.ics"
        path = ask_save_path(folder / name)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        today = self.ctx.clock.today()
        try:
            items = self.ctx.db.read(
                iter_calendar_items_for_ical, today - dt.timedelta(days=EXPORT_DAYS_BACK),
                today + dt.timedelta(days=EXPORT_DAYS_AHEAD), customer_id, self.ctx.lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_ical(items, target)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self._window, self.tr("Export to calendar"),
                                self.tr("The calendar could not be written:\n%1").replace(
                                    "%1", str(exc)))
            return None
        self.ctx.status.emit(self.tr("Exported %1 calendar entries to %2").replace(
            "%1", str(len(items))).replace("%2", str(target)))
        return target
