"""Showing a reminder: the system tray's message, or KAMDesk's own corner pop-up.

:func:`pick_notifier` decides on ``QSystemTrayIcon.isSystemTrayAvailable()`` — not on
``supportsMessages()``, which is True even where no tray will ever show (offscreen,
stock GNOME). Without a tray the pop-up is used: a small tool window in the corner of
the screen that never takes keyboard focus, so a reminder firing while the manager
types a contact note does not swallow the next keystrokes.

Both notifiers only *ask* for actions (``action_requested``); the reminder service
carries them out, so the tray message, the pop-up and the notification list behave
the same.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateTimeEdit, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QMenu, QPushButton,
    QSystemTrayIcon, QToolButton, QVBoxLayout, QWidget,
)

from kamdesk.store.queries.reminders import ReminderRow
from kamdesk.ui.calendar.kinds import OVERDUE_COLOUR, kind_icon
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon

POPUP_ROWS = 3
SNOOZE_KINDS = ("15m", "1h", "tomorrow", "custom")


def _who(row: ReminderRow) -> str:
    return " ".join(x for x in (row.customer_code, row.customer_name) if x)


class _ElidedLabel(QLabel):
    """A one-line label that shortens its text with … to the width it gets."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setMinimumWidth(40)
        from PySide6.QtWidgets import QSizePolicy

        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().setText(self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, max(10, self.width())))
        super().resizeEvent(event)


class ReminderRowWidget(QFrame):
    """One reminder with Open, Done and Snooze; used by the pop-up and the list."""

    action_requested = Signal(str, int, object)  # action, task id, snooze kind

    def __init__(self, row: ReminderRow, now: dt.datetime, parent: QWidget | None = None,
                 missed: bool = False) -> None:
        super().__init__(parent)
        self.row = row
        self.setObjectName(f"reminderRow_{row.task_id}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kind_label = QLabel()
        kind_label.setPixmap(kind_icon(row.kind).pixmap(18, 18))
        # Single lines, elided: a reminder must keep the same height wherever it shows
        # (word-wrapped labels in a frameless pop-up grow and overlap).
        self.title_label = _ElidedLabel(row.title)
        self.title_label.setObjectName("reminderTitle")
        f = self.title_label.font()
        f.setBold(True)
        self.title_label.setFont(f)
        self.customer_label = _ElidedLabel(_who(row))
        self.customer_label.setObjectName("reminderCustomer")
        self.customer_label.setVisible(bool(_who(row)))
        when = []
        if row.due_at is not None:
            when.append(self.tr("due %1").replace("%1", row.due_at.strftime("%Y-%m-%d %H:%M")))
        if row.overdue(now):
            when.append(self.tr("overdue"))
        elif missed:
            when.append(self.tr("missed"))
        self.when_label = _ElidedLabel(" · ".join(when))
        self.when_label.setObjectName("reminderWhen")
        if row.overdue(now):
            self.when_label.setStyleSheet(f"color: {OVERDUE_COLOUR};")
        self.setToolTip("\n".join(x for x in (row.title, _who(row), " · ".join(when),
                                                (row.notes or "")[:300]) if x))

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("reminderOpen")
        self.done_button = QPushButton(icon("done"), self.tr("Done"))
        self.done_button.setObjectName("reminderDone")
        self.snooze_button = QToolButton()
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_button.setIcon(icon("snooze"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        names = {"15m": self.tr("15 minutes"), "1h": self.tr("1 hour"),
                 "tomorrow": self.tr("Tomorrow 9:00"), "custom": self.tr("Custom…")}
        self.snooze_actions = {}
        for kind in SNOOZE_KINDS:
            act = menu.addAction(names[kind])
            act.setObjectName(f"snooze_{kind}")
            act.triggered.connect(lambda _c=False, k=kind: self._ask("snooze", k))
            self.snooze_actions[kind] = act
        self.snooze_button.setMenu(menu)
        for b in (self.open_button, self.done_button, self.snooze_button):
            # Buttons must not take focus from whatever the user is typing in.
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(lambda: self._ask("open"))
        self.done_button.clicked.connect(lambda: self._ask("done"))

        top = QHBoxLayout()
        top.addWidget(kind_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title_label)
        text.addWidget(self.customer_label)
        text.addWidget(self.when_label)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.snooze_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(buttons)

    def _ask(self, action: str, extra: object = None) -> None:
        self.action_requested.emit(action, self.row.task_id, extra)


class Notifier(QObject):
    """Base: shows reminders and asks for actions."""

    action_requested = Signal(str, int, object)  # action, task id (0 = none), extra

    kind = "base"

    def notify(self, rows: list[ReminderRow], missed: bool = False) -> None:
        raise NotImplementedError

    def remove(self, task_id: int) -> None:
        """The reminder was handled elsewhere; stop showing it."""

    def close(self) -> None:
        """The app is quitting."""


class TrayNotifier(Notifier):
    """The desktop's own notification, through the tray icon. A click on the message
    opens the in-app list, where the actions are."""

    kind = "tray"

    def __init__(self, ctx: AppContext, tray: QSystemTrayIcon,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tray = tray
        tray.messageClicked.connect(lambda: self.action_requested.emit("show_list", 0, None))
        self.last_message: tuple[str, str] | None = None

    def notify(self, rows: list[ReminderRow], missed: bool = False) -> None:
        if not rows:
            return
        if missed:
            title = self.tr("Missed while KAMDesk was closed (%1)").replace("%1", str(len(rows)))
        elif len(rows) == 1:
            who = rows[0].customer_name or ""
            title = self.tr("Reminder: %1").replace("%1", who) if who else self.tr("Reminder")
        else:
            title = self.tr("%1 reminders").replace("%1", str(len(rows)))
        lines = []
        for row in rows[:4]:
            when = row.due_at.strftime("%H:%M") + " " if row.due_at else ""
            who = f" — {row.customer_name}" if row.customer_name and len(rows) > 1 else ""
            lines.append(f"{when}{row.title}{who}")
        if len(rows) > 4:
            lines.append(self.tr("…and %1 more").replace("%1", str(len(rows) - 4)))
        body = "\n".join(lines)
        self.last_message = (title, body)
        self.tray.showMessage(title, body, icon("kamdesk"), 15_000)


class ReminderPopup(QWidget):
    """The in-app pop-up in the bottom-right corner; never takes keyboard focus."""

    action_requested = Signal(str, int, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.ctx = ctx
        self.setObjectName("reminderPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(380)
        self.rows: list[ReminderRow] = []
        self.missed = False
        self.missed_ids: set[int] = set()
        frame = QFrame(self)
        frame.setObjectName("reminderPopupFrame")
        frame.setStyleSheet(
            "#reminderPopupFrame { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 8px; }")
        self.header = QLabel()
        self.header.setObjectName("reminderPopupHeader")
        f = self.header.font()
        f.setBold(True)
        self.header.setFont(f)
        close = QToolButton()
        close.setObjectName("reminderPopupClose")
        close.setText("×")
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(self.tr("Hide (the reminders stay in the list under the bell)"))
        close.clicked.connect(self.hide)
        bell = QLabel()
        bell.setPixmap(icon("bell").pixmap(18, 18))
        head = QHBoxLayout()
        head.addWidget(bell)
        head.addWidget(self.header, 1)
        head.addWidget(close)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        self.more = QPushButton()
        self.more.setObjectName("reminderPopupMore")
        self.more.setFlat(True)
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more.clicked.connect(lambda: self.action_requested.emit("show_list", 0, None))
        inner = QVBoxLayout(frame)
        inner.addLayout(head)
        inner.addLayout(self.body)
        inner.addWidget(self.more)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def show_rows(self, rows: list[ReminderRow], missed: bool) -> None:
        """Add reminders to what is showing (newest first); at start the missed ones
        and the ones due now arrive one after the other and share the pop-up."""
        known = {r.task_id for r in rows}
        if self.isVisible():
            rows = rows + [r for r in self.rows if r.task_id not in known]
            self.missed_ids = {i for i in self.missed_ids if i not in known}
        else:
            self.missed_ids = set()
        if missed:
            self.missed_ids |= known
        # Missed ones first: they are the oldest and the reason the pop-up opened.
        self.rows = sorted(rows, key=lambda r: r.task_id not in self.missed_ids)
        self.missed = bool(self.rows) and all(r.task_id in self.missed_ids for r in self.rows)
        self._rebuild()
        self._place()
        self.show()
        self.raise_()

    def remove(self, task_id: int) -> None:
        if any(r.task_id == task_id for r in self.rows):
            self.rows = [r for r in self.rows if r.task_id != task_id]
            self.missed_ids.discard(task_id)
            if not self.rows:
                self.hide()
            else:
                self._rebuild()
                self._place()

    def row_widgets(self) -> list[ReminderRowWidget]:
        return self.findChildren(ReminderRowWidget)

    def _rebuild(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.setParent(None)  # out of findChildren at once, not at the next loop turn
                w.deleteLater()
        now = self.ctx.clock.now()
        n_missed = sum(1 for r in self.rows if r.task_id in self.missed_ids)
        if self.missed:
            self.header.setText(self.tr("Missed while KAMDesk was closed (%1)").replace(
                "%1", str(len(self.rows))))
        elif n_missed:
            self.header.setText(self.tr("%1 reminders, %2 missed while KAMDesk was closed")
                                .replace("%1", str(len(self.rows))).replace("%2", str(n_missed)))
        else:
            self.header.setText(self.tr("Reminder") if len(self.rows) == 1 else
                                self.tr("%1 reminders").replace("%1", str(len(self.rows))))
        for row in self.rows[:POPUP_ROWS]:
            w = ReminderRowWidget(row, now, self, row.task_id in self.missed_ids)
            w.action_requested.connect(self.action_requested)
            self.body.addWidget(w)
        hidden = len(self.rows) - POPUP_ROWS
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("+%1 more — show all").replace("%1", str(max(0, hidden))))

    def _place(self) -> None:
        self.adjustSize()
        parent = self.parentWidget()
        # QWidget.screen called unbound: the main window defines its own screen(key).
        screen = (QWidget.screen(parent) if parent is not None else None) or \
            QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.move(QPoint(area.right() - self.width() - 16, area.bottom() - self.height() - 16))


class PopupNotifier(Notifier):
    kind = "popup"

    def __init__(self, ctx: AppContext, parent_widget: QWidget | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.popup = ReminderPopup(ctx, parent_widget)
        self.popup.action_requested.connect(self.action_requested)

    def notify(self, rows: list[ReminderRow], missed: bool = False) -> None:
        if rows:
            self.popup.show_rows(rows, missed)

    def remove(self, task_id: int) -> None:
        self.popup.remove(task_id)

    def close(self) -> None:
        self.popup.hide()


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def pick_notifier(ctx: AppContext, parent: QWidget | None,
                  tray: QSystemTrayIcon | None = None) -> Notifier:
    """The tray's messages when there is a visible tray icon, else the pop-up.

    QSettings ``reminders/notifier`` = 'popup' forces the pop-up (some desktops show
    tray messages for a second only); 'tray' is honoured only if a tray exists.
    """
    choice = str(ctx.settings.value("reminders/notifier", "auto"))
    if choice != "popup" and tray is not None and tray_available() and tray.isVisible():
        return TrayNotifier(ctx, tray, parent)
    return PopupNotifier(ctx, parent, parent)


class CustomSnoozeDialog(QDialog):
    """Snooze until a chosen moment (must lie in the future)."""

    def __init__(self, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QDateTime

        self.setWindowTitle(self.tr("Snooze until"))
        self.edit = QDateTimeEdit()
        self.edit.setObjectName("snoozeUntil")
        self.edit.setAccessibleName(self.windowTitle())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = now + dt.timedelta(hours=2)
        self.edit.setDateTime(QDateTime(start.year, start.month, start.day, start.hour, 0, 0))
        self.edit.setMinimumDateTime(QDateTime(now.year, now.month, now.day, now.hour,
                                               now.minute, 0).addSecs(60))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def until(self) -> dt.datetime:
        v = self.edit.dateTime()
        d, t = v.date(), v.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
