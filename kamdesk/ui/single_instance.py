"""One window per book: a second start on the same book brings the first window forward.

Two windows on one database used to open without a word and then take turns at the
write lock. The window now takes a lock file in the data folder named after its book
(:func:`kamdesk.instance.lock_file_path`) and listens on a local socket of the same
name; a second start finds the lock taken, connects to that socket so the first
window raises itself, and exits. A lock left by a crashed window (its process is
gone) is taken over by QLockFile itself; the lock's age never counts as stale
(``setStaleLockTime(0)``), since a window may stay open for weeks.

The socket is a local one (a Unix socket or a Windows named pipe), user-only
(``UserAccessOption``): no network is involved.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from kamdesk.instance import lock_file_path, server_name
from kamdesk.privacy import private_dir, private_file

log = logging.getLogger(__name__)

#: how long the second start waits for the first window to answer
ANSWER_MS = 2000


class SingleInstance(QObject):
    """The claim of this process on one book. :meth:`claim` first; if it returns False,
    :meth:`ask_first_to_raise` and exit; else ``raise_requested`` fires whenever a
    later start asks this window to come forward."""

    raise_requested = Signal()

    def __init__(self, db_location: str, data_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_path = lock_file_path(db_location, data_dir)
        self.name = server_name(db_location)
        self.lock = QLockFile(str(self.lock_path))
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the book's lock (a dead holder's lock is taken over) and start listening;
        False when a live window already holds it."""
        private_dir(self.lock_path.parent)
        if not self.lock.tryLock(0):
            return False
        private_file(self.lock_path)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a crashed window's socket file
        if server.listen(self.name):
            server.newConnection.connect(self._answer)
            self.server = server
        return True

    def _answer(self) -> None:
        assert self.server is not None
        while (conn := self.server.nextPendingConnection()) is not None:
            conn.disconnected.connect(conn.deleteLater)
            conn.disconnectFromServer()
            log.info("another start on this book asked this window to come forward")
            self.raise_requested.emit()

    def ask_first_to_raise(self, timeout_ms: int = ANSWER_MS) -> bool:
        """Ask the window holding the lock to come forward; False when it did not answer."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(b"raise\n")
        sock.waitForBytesWritten(timeout_ms)
        if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            sock.waitForDisconnected(timeout_ms)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, show and activate ``window`` (the desktop may still only flash it)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
