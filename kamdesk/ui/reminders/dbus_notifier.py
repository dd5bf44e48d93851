"""Reminders through the desktop's own notification service (freedesktop, over D-Bus).

GNOME has no tray, so without this a GNOME user only ever saw KAMDesk's in-app pop-up.
Every Linux desktop (GNOME, KDE, Xfce, …) runs ``org.freedesktop.Notifications`` on the
session bus: each reminder becomes a notification with Open / Done / Snooze buttons, and
the server's ``ActionInvoked`` signal is turned into the same ``action_requested`` the
tray and the pop-up emit, so the reminder service carries the action out the same way.

``Notify`` takes a uint32 ``replaces_id``; a Python int in a hand-built message would go
out as int32 and strict servers reject the call, so the call goes through the
introspected ``QDBusInterface`` (whose meta-object marshals the declared types). If the
service does not answer, the reminders go to the fallback notifier (the in-app pop-up).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from kamdesk.store.queries.reminders import ReminderRow
from kamdesk.ui.context import AppContext
from kamdesk.ui.reminders.notifier import POPUP_ROWS, Notifier, pick_notifier

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CALL_TIMEOUT_MS = 3000
# ActionInvoked keys -> the reminder service's actions ("default" is a click on the body)
ACTIONS = {"default": "open", "open": "open", "done": "done", "snooze": "snooze"}


def notification_service_available(bus: QDBusConnection) -> bool:
    """True when ``bus`` is connected and a notification server is registered on it."""
    if not bus.isConnected():
        return False
    reply = bus.interface().isServiceRegistered(SERVICE)
    return bool(reply.isValid() and reply.value())


class DBusNotifier(Notifier):
    """One desktop notification per reminder (the first few; then one "and N more")."""

    kind = "dbus"

    def __init__(self, ctx: AppContext, bus: QDBusConnection, fallback: Notifier,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.fallback = fallback
        fallback.action_requested.connect(self.action_requested)
        self.iface = QDBusInterface(SERVICE, PATH, INTERFACE, bus, self)
        self.iface.setTimeout(CALL_TIMEOUT_MS)
        self.shown: dict[int, int] = {}  # notification id -> task id (0: the summary)
        for name, slot in (("ActionInvoked", "on_action_invoked(QDBusMessage)"),
                           ("NotificationClosed", "on_notification_closed(QDBusMessage)")):
            bus.connect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot))  # type: ignore[call-overload]

    # -- showing -----------------------------------------------------------------------
    def notify(self, rows: list[ReminderRow], missed: bool = False) -> None:
        if not rows:
            return
        try:
            for row in rows[:POPUP_ROWS]:
                self._show(row, missed)
            if len(rows) > POPUP_ROWS:
                more = len(rows) - POPUP_ROWS
                nid = self._send(self.tr("KAMDesk reminders"),
                                 self.tr("…and %n more reminder(s)", "", more), ["default", ""])
                self.shown[nid] = 0
        except RuntimeError:
            log.warning("desktop notification failed; using the in-app pop-up", exc_info=True)
            self.fallback.notify(rows, missed)

    def _show(self, row: ReminderRow, missed: bool) -> None:
        who = " ".join(x for x in (row.customer_code, row.customer_name) if x)
        when = row.due_at.strftime("%Y-%m-%d %H:%M") if row.due_at else ""
        if missed:
            when = (when + " · " if when else "") + self.tr("missed")
        body = "\n".join(x for x in (who, when) if x)
        actions = ["default", self.tr("Open"), "open", self.tr("Open"),
                   "done", self.tr("Done"), "snooze", self.tr("Snooze 15 min")]
        self.shown[self._send(row.title, body, actions)] = row.task_id or 0

    def _send(self, summary: str, body: str, actions: list[str]) -> int:
        hints = {"category": "x-kamdesk.reminder", "desktop-entry": "kamdesk"}
        nid = QMetaObject.invokeMethod(
            self.iface, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
            Q_ARG(str, "KAMDesk"), Q_ARG("uint", 0), Q_ARG(str, "appointment-soon"),
            Q_ARG(str, summary), Q_ARG(str, body), Q_ARG("QStringList", actions),
            Q_ARG("QVariantMap", hints), Q_ARG(int, -1))
        if not nid:
            raise RuntimeError(f"Notify failed: {self.iface.lastError().message()}")
        return int(str(nid))

    # -- answers from the server ---------------------------------------------------------
    @Slot(QDBusMessage)
    def on_action_invoked(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) < 2:
            return
        task_id = self.shown.get(int(str(args[0])))
        action = ACTIONS.get(str(args[1]))
        if task_id is None or action is None:
            return  # another application's notification
        if task_id == 0:
            self.action_requested.emit("show_list", 0, None)
        else:
            self.action_requested.emit(action, task_id, "15m" if action == "snooze" else None)

    @Slot(QDBusMessage)
    def on_notification_closed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self.shown.pop(int(str(args[0])), None)

    # -- handled elsewhere / quitting ------------------------------------------------------
    def remove(self, task_id: int) -> None:
        self.fallback.remove(task_id)
        for nid in [n for n, t in self.shown.items() if t == task_id]:
            self._close(nid)

    def close(self) -> None:
        self.fallback.close()
        for nid in list(self.shown):
            self._close(nid)

    def _close(self, nid: int) -> None:
        self.shown.pop(nid, None)
        try:
            QMetaObject.invokeMethod(self.iface, "CloseNotification",
                                     Qt.ConnectionType.DirectConnection, Q_ARG("uint", nid))
        except RuntimeError:
            log.debug("CloseNotification %s failed", nid, exc_info=True)


def pick_desktop_notifier(ctx: AppContext, parent: QWidget | None,
                          tray: QSystemTrayIcon | None = None,
                          bus: QDBusConnection | None = None) -> Notifier:
    """The desktop's notification service when there is one (Linux and other D-Bus
    desktops), else the tray's messages, else the in-app pop-up (:func:`pick_notifier`).

    QSettings ``reminders/notifier`` = 'popup' or 'tray' skips the desktop service.
    """
    fallback = pick_notifier(ctx, parent, tray)
    choice = str(ctx.settings.value("reminders/notifier", "auto"))
    if choice not in ("auto", "desktop"):
        return fallback
    bus = bus if bus is not None else QDBusConnection.sessionBus()
    if not notification_service_available(bus):
        return fallback
    return DBusNotifier(ctx, bus, fallback, parent)
