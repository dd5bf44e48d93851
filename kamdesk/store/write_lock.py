"""Taking SQLite's write lock with a bounded, visible wait: one writer at a time.

SQLite lets one connection write at a time. The window, a CLI import and a backup tool
may all have the book open; whoever comes second used to wait silently inside
``busy_timeout`` (the window froze for 5 s) and then fail with a "database is locked"
traceback. Here every write transaction of :meth:`Database.write` starts with
``BEGIN IMMEDIATE`` — the write lock is taken up front, so a transaction never fails
half-way for lack of it — and the wait for it is cut into short slices: after each
slice the waiter is told how long it has waited (the CLI prints a line, the window
shows what it waits for), and after ``bound_s`` it gives up with :class:`WriteBusy`,
having written nothing.

Who is told: the :class:`WriteWait` of the database (the CLI sets one), unless the
current thread set its own with :func:`waiting_feedback` (the GUI runner does, for
the duration of one save on the UI thread only, so worker threads never touch widgets).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kamdesk.store.engine import BUSY_TIMEOUT_MS

#: how long one attempt waits inside SQLite before the waiter is told again
WAIT_SLICE_MS = 250
#: the default bound: what SQLite's busy_timeout gave before
DEFAULT_BOUND_S = BUSY_TIMEOUT_MS / 1000

OnWait = Callable[[float], None]


class WriteBusy(Exception):
    """Another connection held the write lock for longer than the bound; nothing was written."""

    def __init__(self, waited_s: float) -> None:
        super().__init__(f"the database stayed locked for {waited_s:.1f} s")
        self.waited_s = waited_s


@dataclass(frozen=True)
class WriteWait:
    """How long a writer waits for the lock (``bound_s``) and whom it tells meanwhile
    (``on_wait(seconds_waited)``, called after every slice spent waiting)."""

    bound_s: float = DEFAULT_BOUND_S
    on_wait: OnWait | None = None


_local = threading.local()


@contextmanager
def waiting_feedback(on_wait: OnWait) -> Iterator[None]:
    """Within this block, writes on this thread report their waiting to ``on_wait``."""
    previous = getattr(_local, "on_wait", None)
    _local.on_wait = on_wait
    try:
        yield
    finally:
        _local.on_wait = previous


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


def take_write_lock(session: Session, wait: WriteWait,
                    clock: Callable[[], float] = time.monotonic) -> None:
    """Start ``session``'s transaction with ``BEGIN IMMEDIATE`` (SQLite only), waiting
    at most ``wait.bound_s`` for another writer to finish; raises :class:`WriteBusy`."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    on_wait = getattr(_local, "on_wait", None) or wait.on_wait
    start = clock()
    conn.exec_driver_sql(f"PRAGMA busy_timeout={WAIT_SLICE_MS}")
    try:
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not _is_busy(exc):
                    raise
            waited = clock() - start
            if waited >= wait.bound_s:
                raise WriteBusy(waited)
            if on_wait is not None:
                on_wait(waited)
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
