"""The in-app list of reminders shown this session, behind a bell in the toolbar.

A tray message disappears after a few seconds and a pop-up can be closed; the list is
where a reminder stays until it is done or snoozed. Reminders missed while the app was
closed are grouped under their own heading, as they arrive at start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout, QWidget,
)

from kamdesk.store.queries.reminders import ReminderRow
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.reminders.notifier import ReminderRowWidget


#: rows drawn per group; the rest are counted (every one is still on Today/Calendar)
MAX_ROWS_PER_GROUP = 50


@dataclass(frozen=True)
class Notice:
    row: ReminderRow
    shown_at: dt.datetime
    missed: bool
    unread: bool = True


class NotificationCenter(QObject):
    """Reminders fired or missed this session, newest first, one per task."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notices: list[Notice] = []

    def add(self, rows: list[ReminderRow], now: dt.datetime, missed: bool = False) -> None:
        ids = {r.task_id for r in rows}
        kept = [n for n in self._notices if n.row.task_id not in ids]
        self._notices = [Notice(r, now, missed) for r in rows] + kept
        self.changed.emit()

    def remove(self, task_id: int) -> None:
        before = len(self._notices)
        self._notices = [n for n in self._notices if n.row.task_id != task_id]
        if len(self._notices) != before:
            self.changed.emit()

    def clear(self) -> None:
        self._notices = []
        self.changed.emit()

    def mark_all_read(self) -> None:
        if any(n.unread for n in self._notices):
            self._notices = [replace(n, unread=False) for n in self._notices]
            self.changed.emit()

    def notices(self) -> list[Notice]:
        return list(self._notices)

    def row(self, task_id: int) -> ReminderRow | None:
        return next((n.row for n in self._notices if n.row.task_id == task_id), None)

    @property
    def unread_count(self) -> int:
        return sum(1 for n in self._notices if n.unread)


class NotificationPanel(QFrame):
    """The drop-down list under the bell, with the same actions as the pop-up."""

    action_requested = Signal(str, int, object)

    def __init__(self, ctx: AppContext, center: NotificationCenter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.ctx = ctx
        self.center = center
        self.setObjectName("notificationPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(420)
        title = QLabel(self.tr("Reminders"))
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        clear = QPushButton(self.tr("Clear list"))
        clear.setObjectName("notificationClear")
        clear.setFlat(True)
        clear.clicked.connect(center.clear)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(clear)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        scroll.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        center.changed.connect(self._on_center_changed)
        self.rebuild()

    def row_widgets(self) -> list[ReminderRowWidget]:
        return self.content.findChildren(ReminderRowWidget)

    def _on_center_changed(self) -> None:
        # A hidden list is rebuilt when it is next opened; rebuilding on every change
        # cost minutes on a first start with tens of thousands of missed reminders.
        if self.isVisible():
            self.rebuild()

    def rebuild(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(self.content_layout.count() - 1)
            w = item.widget()
            if w is not None:
                w.hide()
                w.setParent(None)  # out of findChildren at once, not at the next loop turn
                w.deleteLater()
        notices = self.center.notices()
        now = self.ctx.clock.now()
        if not notices:
            empty = QLabel(self.tr("No reminders right now."))
            empty.setStyleSheet("color: palette(placeholder-text);")
            self.content_layout.addWidget(empty)
        for missed, heading in ((False, self.tr("Due now")),
                                (True, self.tr("Missed while KAMDesk was closed"))):
            group = [n for n in notices if n.missed == missed]
            if not group:
                continue
            if missed or any(n.missed for n in notices):
                label = QLabel(heading)
                label.setStyleSheet("color: palette(placeholder-text); font-weight: bold;")
                self.content_layout.addWidget(label)
            for n in group[:MAX_ROWS_PER_GROUP]:
                w = ReminderRowWidget(n.row, now, self.content, n.missed)
                w.action_requested.connect(self.action_requested)
                self.content_layout.addWidget(w)
            if len(group) > MAX_ROWS_PER_GROUP:
                more = QLabel(self.tr("… and %n more: see Today and the Calendar", "",
                                      len(group) - MAX_ROWS_PER_GROUP))
                more.setStyleSheet("color: palette(placeholder-text);")
                self.content_layout.addWidget(more)
        self.content_layout.addStretch(1)

    def popup_under(self, widget: QWidget) -> None:
        self.rebuild()
        pos = widget.mapToGlobal(QPoint(widget.width() - self.width(), widget.height()))
        self.move(pos)
        self.show()
        self.center.mark_all_read()


class BellButton(QToolButton):
    """The toolbar bell with the unread count."""

    def __init__(self, center: NotificationCenter, panel: NotificationPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBell")
        self.setIcon(icon("bell"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.center = center
        self.panel = panel
        self.clicked.connect(lambda: panel.popup_under(self))
        center.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        n = self.center.unread_count
        self.setText(str(n) if n else "")
        self.setToolTip(self.tr("%n unread reminder(s)", "", n) if n else self.tr("Reminders"))
        self.setStyleSheet("QToolButton { color: #c62828; font-weight: bold; }" if n else "")
