"""The reminder service: scheduler, notifier, tray and the bell, wired to the window.

Created once after the main window is shown (:func:`install_reminders`). At start it
generates the reminder tasks for upcoming key dates and renewals, reports what was
missed while the app was closed, and from then on fires each reminder on time.
Complaints waiting for their first response get a reminder task each
(:mod:`kamdesk.store.ops.complaint_reminders`), kept in step whenever complaints change
and after one was shown (amber first, then the deadline); a pipeline deal's stage target
date gets one too, synced at every start. The same actions (open, done, snooze) are
carried out here whichever surface asked.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QWidget

from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.ops.complaint_reminders import KEY_PREFIX, sync_complaint_reminders
from kamdesk.store.ops.reminder_state import REMINDERS_SYNCED_KEY, record_reminders_synced
from kamdesk.store.queries.reminders import ReminderRow
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import announce_written, run_op, run_quietly
from kamdesk.ui.reminders.dbus_notifier import pick_desktop_notifier
from kamdesk.ui.reminders.notifications import BellButton, NotificationCenter, NotificationPanel
from kamdesk.ui.reminders.notifier import (
    CustomSnoozeDialog,
    Notifier,
    tray_available,
)
from kamdesk.ui.reminders.scheduler import ReminderScheduler
from kamdesk.ui.reminders.tray import TrayController

log = logging.getLogger(__name__)

class ReminderService(QObject):
    def __init__(self, window: QMainWindow, ctx: AppContext, *, use_tray: bool | None = None,
                 watchdog_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        want_tray = tray_available() if use_tray is None else use_tray and tray_available()
        self.tray: TrayController | None = TrayController(window, ctx, self) if want_tray else None
        self.notifier: Notifier = pick_desktop_notifier(ctx, window,
                                                        self.tray.tray if self.tray else None)
        self.center = NotificationCenter(self)
        self.panel = NotificationPanel(ctx, self.center, window)
        self.bell = BellButton(self.center, self.panel)
        kwargs = {} if watchdog_ms is None else {"watchdog_ms": watchdog_ms}
        self.scheduler = ReminderScheduler(ctx, self, **kwargs)
        self.scheduler.fired.connect(self._fired)
        self.scheduler.missed.connect(self._missed)
        self.scheduler.day_changed.connect(lambda _d: self.sync_generated())
        self.scheduler.day_changed.connect(lambda _d: self.sync_stage_targets())
        for source in (self.notifier, self.panel):
            source.action_requested.connect(self.handle)
        self.ask_custom_snooze = self._ask_custom_snooze  # seam for tests
        self._complaints_soon = QTimer(self)
        self._complaints_soon.setSingleShot(True)
        self._complaints_soon.setInterval(0)
        self._complaints_soon.timeout.connect(self.sync_complaints)
        ctx.changed.connect(self._on_changed)
        self._add_bell()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
            if self.tray is not None:
                # The window is hidden, not closed, when it goes to the tray; the app
                # ends through the tray's Quit.
                app.setQuitOnLastWindowClosed(False)
        self._stopped = False

    def _add_bell(self) -> None:
        toolbar = self.window.findChild(QToolBar, "mainToolbar")
        if toolbar is not None:
            toolbar.addWidget(self.bell)
        else:
            self.window.addToolBar(self.tr("Reminders")).addWidget(self.bell)

    # -- life cycle --------------------------------------------------------------------
    def start(self) -> None:
        # Generating key-date and renewal reminders reads every key date (about a
        # second on a 100k book): once a day is enough, and the day change re-runs it.
        if self._synced_on() != self.ctx.clock.today().isoformat():
            self.sync_generated()
        self.sync_complaints()
        self.sync_stage_targets()  # cheap (open deals only): every start
        self.scheduler.start()

    def _synced_on(self) -> str | None:
        from kamdesk.store.queries.settings import get_json

        value = self.ctx.db.read(get_json, REMINDERS_SYNCED_KEY)
        return value if isinstance(value, str) else None

    def shutdown(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.scheduler.stop()
        self.notifier.close()
        if self.tray is not None:
            self.tray.remove()

    def sync_generated(self) -> None:
        """Create or update the reminder tasks of upcoming key dates and renewals."""
        from kamdesk.store.ops.key_date_reminders import sync_reminder_tasks

        now = self.ctx.clock.now()
        # A failure is logged, never a message box at start-up (reminders of manual
        # tasks must still run); the "synced on" mark is bookkeeping no screen shows.
        failure = "could not generate key-date reminders"
        changes = run_quietly(self.ctx, sync_reminder_tasks, now.date(), self.ctx.lang,
                              now=now, failure=failure, announce=False)
        if changes is None or run_quietly(self.ctx, record_reminders_synced, now.date(),
                                          failure=failure, announce=False) is None:
            return
        if changes:
            announce_written(self.ctx, changes, self)

    def sync_complaints(self) -> None:
        """Bring the complaints' deadline reminders up to date (amber, then deadline)."""
        run_quietly(self.ctx, sync_complaint_reminders, self.ctx.clock.now(),
                    failure="could not update complaint reminders", initiator=self)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "complaints" in tables and not self._stopped:
            self._complaints_soon.start()

    def _after_shown(self, rows: list[ReminderRow]) -> None:
        if any((r.source_key or "").startswith(KEY_PREFIX) for r in rows):
            self._complaints_soon.start()  # the amber one was shown: ring at the deadline

    def sync_stage_targets(self) -> None:
        """Create or update the pipeline's stage-target reminders (deals edited by an
        older build, or imported, get theirs here; the pipeline's own writes keep them
        in step at once)."""
        from kamdesk.store.ops.key_date_reminders import sync_stage_target_tasks

        run_quietly(self.ctx, sync_stage_target_tasks, self.ctx.clock.now(),
                    failure="could not generate stage-target reminders", initiator=self)

    # -- showing -----------------------------------------------------------------------
    def _fired(self, rows: list[ReminderRow]) -> None:
        self.center.add(rows, self.ctx.clock.now(), missed=False)
        self.notifier.notify(rows, missed=False)
        self._after_shown(rows)

    def _missed(self, rows: list[ReminderRow]) -> None:
        self.center.add(rows, self.ctx.clock.now(), missed=True)
        self.notifier.notify(rows, missed=True)
        self._after_shown(rows)

    # -- actions -----------------------------------------------------------------------
    def handle(self, action: str, task_id: int, extra: object = None) -> None:
        if action == "show_list":
            self.show_window()
            self.panel.popup_under(self.bell)
        elif action == "open":
            self.open(task_id)
        elif action == "done":
            self.done(task_id)
        elif action == "snooze":
            self.snooze(task_id, str(extra or "15m"))

    def show_window(self) -> None:
        if self.tray is not None:
            self.tray.show_window()
        else:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def open(self, task_id: int) -> None:
        from kamdesk.store.queries.reminders import reminder_rows

        self.show_window()
        rows = self.ctx.db.read(reminder_rows, [task_id], self.ctx.lang)
        if rows and rows[0].customer_id is not None:
            self.ctx.open_customer.emit(rows[0].customer_id)
        if rows:
            from kamdesk.ui.calendar.task_dialog import TaskDialog

            dlg = TaskDialog(self.ctx, self.window, task_id=task_id)
            self.last_dialog = dlg
            dlg.open()

    def done(self, task_id: int) -> None:
        if run_op(self.ctx, task_ops.complete_task, task_id, self.ctx.clock.now(),
                  initiator=self, parent=self.window) is None:
            return
        self._handled(task_id)
        self.ctx.status.emit(self.tr("Done."))

    def snooze(self, task_id: int, kind: str) -> dt.datetime | None:
        from kamdesk.domain.reminders import snooze_until

        now = self.ctx.clock.now()
        if kind == "custom":
            chosen = self.ask_custom_snooze(now)
            if chosen is None:
                return None
            until = snooze_until("custom", now, chosen)
        else:
            until = snooze_until(kind, now)  # type: ignore[arg-type]
        if run_op(self.ctx, task_ops.snooze_task, task_id, until,
                  initiator=self, parent=self.window) is None:
            return None
        self._handled(task_id)
        self.ctx.status.emit(self.tr("Snoozed until %1").replace(
            "%1", until.strftime("%Y-%m-%d %H:%M")))
        return until

    def _ask_custom_snooze(self, now: dt.datetime) -> dt.datetime | None:
        parent: QWidget = self.window
        dlg = CustomSnoozeDialog(now, parent)
        if dlg.exec():
            until = dlg.until()
            return until if until > now else None
        return None

    def _handled(self, task_id: int) -> None:
        self.center.remove(task_id)
        self.notifier.remove(task_id)


def install_reminders(window: QMainWindow, ctx: AppContext, *, use_tray: bool | None = None,
                      start: bool = True) -> ReminderService:
    """Create and start the reminder service for ``window`` (call after ``show()``)."""
    service = ReminderService(window, ctx, use_tray=use_tray)
    if start:
        service.start()
    return service
