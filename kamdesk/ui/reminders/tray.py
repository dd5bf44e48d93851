"""The tray icon, and closing the window to the tray so reminders keep coming.

A manager closes the window at the end of a call; if that quit the app, tomorrow's
09:00 reminders would only show as "missed" at the next start. So where a tray exists,
closing hides the window (QSettings ``ui/close_to_tray``, default on) and a one-time
message says where the app went; Quit is in the tray menu. Without a tray, closing
quits as usual — a hidden window with no icon to bring it back would be a trap.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon

CLOSE_TO_TRAY_KEY = "ui/close_to_tray"
HINT_SHOWN_KEY = "ui/close_to_tray_hint_shown"


def _as_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes", "on")


class TrayController(QObject):
    """Owns the tray icon and its menu; filters the window's close event."""

    quit_requested = Signal()

    def __init__(self, window: QMainWindow, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.ctx = ctx
        self.quitting = False
        self.tray = QSystemTrayIcon(icon("kamdesk"), self)
        self.tray.setToolTip("KAMDesk")
        menu = QMenu()
        menu.setObjectName("trayMenu")
        self.open_action = QAction(self.tr("Open KAMDesk"), self)
        self.open_action.triggered.connect(self.show_window)
        self.log_action = QAction(icon("log"), self.tr("Log contact…"), self)
        self.log_action.triggered.connect(self._log_contact)
        self.quit_action = QAction(self.tr("Quit KAMDesk"), self)
        self.quit_action.triggered.connect(self.quit)
        menu.addAction(self.open_action)
        menu.addAction(self.log_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self._menu = menu
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(self._activated)
        self.tray.show()
        window.installEventFilter(self)

    @property
    def close_to_tray(self) -> bool:
        return _as_bool(self.ctx.settings.value(CLOSE_TO_TRAY_KEY), True)

    def set_close_to_tray(self, on: bool) -> None:
        self.ctx.settings.setValue(CLOSE_TO_TRAY_KEY, on)

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _log_contact(self) -> None:
        self.show_window()
        self.ctx.log_contact.emit(0)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            if self.window.isVisible() and not self.window.isMinimized():
                self.window.hide()
            else:
                self.show_window()

    def quit(self) -> None:
        self.quitting = True
        self.quit_requested.emit()
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (obj is self.window and event.type() == QEvent.Type.Close and not self.quitting
                and self.close_to_tray and self.tray.isVisible()):
            save = getattr(self.window, "save_state", None)
            if callable(save):
                save()
            event.ignore()
            self.window.hide()
            if not _as_bool(self.ctx.settings.value(HINT_SHOWN_KEY), False):
                self.ctx.settings.setValue(HINT_SHOWN_KEY, True)
                self.tray.showMessage(
                    "KAMDesk",
                    self.tr("KAMDesk keeps running in the tray so your reminders can reach "
                            "you. Choose Quit from the tray icon's menu to close it."),
                    icon("kamdesk"), 10_000)
            return True
        if obj is self.window and event.type() == QEvent.Type.Close:
            # Closing for real: with a tray the app does not quit on its last window
            # (the window is only hidden then), so end it once the close went through.
            QTimer.singleShot(0, self._quit_if_closed)
        return super().eventFilter(obj, event)

    def _quit_if_closed(self) -> None:
        app = QApplication.instance()
        if app is not None and not self.window.isVisible():
            app.quit()

    def remove(self) -> None:
        self.window.removeEventFilter(self)
        self.tray.hide()
