"""Seeing other clients' changes: View ▸ Refresh (F5) and a hint when the book moved.

Screens refresh themselves from what this window's writes announce; they cannot know
what a colleague on the same team database (or a CLI import on the same file) has
committed. So:

- **Refresh** (F5, View menu) announces every table as changed: each screen re-reads
  what it shows, exactly as after a write of its own;
- every :data:`POLL_MS` while the window is the active one, a cheap look at the book
  (:class:`kamdesk.store.change_signal.ChangeSignal`: no table is read) tells whether
  another connection committed; if so, a button in the status bar says so and refreshes
  on a click. Polling stops while the user works in another program. This window's own
  writes are taken as seen as soon as they are announced;
- on PostgreSQL another client's save is also pushed (LISTEN/NOTIFY,
  :class:`~kamdesk.store.change_signal.ChangeListener`) and the hint shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from kamdesk.store.change_signal import BOOK_TABLES, ChangeListener, ChangeSignal
from kamdesk.store.ops import tables
from kamdesk.ui.context import AppContext

# how often an active window looks whether someone else wrote (milliseconds)
POLL_MS = 15_000


class BookRefresher(QObject):
    #: another client's commit was pushed (PostgreSQL NOTIFY), delivered on the UI thread
    pushed = Signal()

    def __init__(self, ctx: AppContext, window: QMainWindow, poll_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.setObjectName("bookRefresher")
        self.ctx = ctx
        self.window = window
        self.signal = ChangeSignal(ctx.db)
        self.action = QAction(self.tr("&Refresh"), window)
        self.action.setObjectName("refreshAction")
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.action.setToolTip(self.tr("Read everything again, with changes made by others"))
        self.action.triggered.connect(self.refresh_all)
        window.addAction(self.action)  # F5 works without the menu open
        self.hint = QPushButton(self.tr("Changed by someone else — Refresh (F5)"))
        self.hint.setObjectName("refreshHint")
        self.hint.setFlat(True)
        self.hint.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hint.clicked.connect(self.refresh_all)
        self.hint.hide()
        window.statusBar().addPermanentWidget(self.hint)
        ctx.changed.connect(self._on_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.listener: ChangeListener | None = None
        if not ctx.db.is_sqlite:  # a server book pushes other clients' saves at once
            self.pushed.connect(self._on_pushed)
            self.listener = ChangeListener(ctx.db, self.pushed.emit)
            self.listener.start()

    def _on_pushed(self) -> None:
        self.signal.seen()
        self.hint.show()

    def _on_changed(self, changes: object) -> None:
        if getattr(changes, "initiator", None) is not self:
            self.signal.seen()  # this window's own write: nothing foreign to hint at

    def window_is_active(self) -> bool:
        return (QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
                and self.window.isActiveWindow())

    def poll(self, even_inactive: bool = False) -> bool:
        """Look whether someone else wrote; show the hint if so. True when it did."""
        if not (even_inactive or self.window_is_active()):
            return False
        if not self.signal.changed():
            return False
        self.hint.show()
        self.ctx.status.emit(self.tr("Someone else changed the book. Press F5 to see it."))
        return True

    def refresh_all(self) -> None:
        """Every screen re-reads what it shows."""
        self.hint.hide()
        self.signal.seen()
        self.ctx.announce(tables(*BOOK_TABLES), initiator=self)

    def stop(self) -> None:
        self.timer.stop()
        self.signal.close()
        if self.listener is not None:
            self.listener.stop()
