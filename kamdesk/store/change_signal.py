"""Did another client write to the book? A cheap, honest signal for a refresh hint.

On a team book (or with the CLI importing while the window is open) other programs
commit to the same database. The window polls this every few seconds while it is
active, and says "changed by someone else — refresh" when the book moved.

The signal, per engine:

- **SQLite**: the size and modification time of the book file and its write-ahead log.
  Every commit, by any connection of any process (ORM, Core, the CLI), appends to the
  log or (checkpointed) to the file; reading changes neither. It is a ``stat()``, no
  connection at all, so it never stands in the way of a restore that needs the file to
  itself. (``PRAGMA data_version`` would need one connection held open all the time.)
- **PostgreSQL**: no poll. The write statistics reach other sessions up to a second
  late and count this window's own saves too, so they would hint at one's own writes;
  instead every GUI commit sends ``NOTIFY kamdesk_changes`` naming its client
  (:func:`sender_of`) and each window's :class:`ChangeListener` shows the hint at once
  for any other client's.

The SQLite marks also move on this window's own writes; the caller re-baselines right
after announcing its own write (:meth:`ChangeSignal.seen`), so only a foreign commit in
that instant could be taken for its own.

:data:`BOOK_TABLES` names every table, for a "refresh everything" announcement.

On PostgreSQL a save is also pushed: the GUI runner sends ``NOTIFY kamdesk_changes``
after each commit (:func:`notify_others`, the payload names this process) and a
:class:`ChangeListener` thread of every other client hears it at once, without waiting
for the next poll.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from kamdesk.store.database import Database
from kamdesk.store.models import Base

log = logging.getLogger(__name__)

__all__ = ["BOOK_TABLES", "CHANNEL", "ChangeListener", "ChangeSignal", "notify_others"]

#: every table of the book (what a full refresh announces)
BOOK_TABLES: tuple[str, ...] = tuple(Base.metadata.tables)



class ChangeSignal:
    """``changed()`` is True when the book moved since the last look (:meth:`seen`)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._last: Any = None
        self.seen()

    def _mark(self) -> Any:
        if self.db.is_sqlite:
            path = self.db.file_path
            if not path:
                return None  # an in-memory book has no other clients
            marks: list[tuple[int, int] | None] = []
            for name in (path, path + "-wal"):
                try:
                    st = os.stat(name)
                except FileNotFoundError:
                    marks.append(None)
                else:
                    marks.append((st.st_mtime_ns, st.st_size))
            return tuple(marks)
        # A server book: its write statistics reach other sessions up to a second late
        # and count this window's own saves too, so a poll would hint at one's own
        # writes; the pushed notices (ChangeListener), which name their sender, do it.
        return None

    def _safe_mark(self) -> Any:
        try:
            return self._mark()
        except Exception:  # a book closed, restored or gone away: look again next time
            log.debug("change signal unavailable", exc_info=True)
            return None

    def seen(self) -> None:
        """Take the book as it is now as known (after a refresh or one's own write)."""
        self._last = self._safe_mark()

    def changed(self) -> bool:
        """True when something was committed since :meth:`seen` (then seen again)."""
        now = self._safe_mark()
        if now is None or self._last is None:
            self._last = now
            return False
        moved = now != self._last
        self._last = now
        return bool(moved)

    def close(self) -> None:
        """Nothing is held between looks (kept for symmetry with the listener)."""


# -- PostgreSQL: pushed hints ------------------------------------------------------------
CHANNEL = "kamdesk_changes"
#: names this process in its notifications, so it does not hint at its own saves
THIS_PROCESS = uuid.uuid4().hex


def sender_of(db: Database) -> str:
    """This client's name in its notices: one per open book (a process may hold two
    windows on one server book, each a client of its own)."""
    token = getattr(db, "_change_sender", None)
    if token is None:
        token = f"{THIS_PROCESS}:{id(db)}"
        setattr(db, "_change_sender", token)  # noqa: B010 - a plain attribute of ours
    return str(token)


def notify_others(db: Database) -> None:
    """Tell the other clients of a server book that something was committed (a no-op
    on SQLite; a failure only costs the push, the poll still sees the change)."""
    if db.is_sqlite:
        return
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_notify(:channel, :me)"),
                         {"channel": CHANNEL, "me": sender_of(db)})
            conn.commit()
    except Exception:
        log.debug("NOTIFY failed", exc_info=True)


class ChangeListener(threading.Thread):
    """LISTENs on a server book and calls ``on_change()`` (on this thread) whenever
    another process notified a commit. Ends with :meth:`stop`."""

    def __init__(self, db: Database, on_change: Callable[[], None]) -> None:
        super().__init__(name="kamdesk-change-listener", daemon=True)
        self.url = db.engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False)
        self.on_change = on_change
        self.own = sender_of(db)
        self.listening = threading.Event()
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                self.listening.set()
                while not self.stopping.is_set():
                    for note in conn.notifies(timeout=0.5):
                        if note.payload != self.own:
                            self.on_change()
        except Exception:  # no push then; the poll still sees every change
            log.info("change listener stopped", exc_info=True)
        finally:
            self.listening.set()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=2)
