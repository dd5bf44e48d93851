"""The one place the GUI writes: run a store operation, commit, announce what it changed.

Screens and dialogs never open a session, commit or build SQL. They call
:func:`run_op` with a function of :mod:`kamdesk.store.ops`; the runner

1. opens a short-lived session and runs the operation in one transaction
   (:meth:`kamdesk.store.database.Database.write`), committing only if it returns;
2. announces the :class:`~kamdesk.store.ops.Changes` the operation *returned* on the
   context's change bus, tagged with the initiating widget, so every screen refreshes
   only what it shows and the initiator may skip refreshing itself;
3. turns failures into words in the UI language: a validation error names the field,
   a locked, read-only, corrupt or full database says so; nothing half-written stays.
   A save from a stale read (:class:`~kamdesk.store.errors.ConflictError`: someone else
   saved the record meanwhile) shows both versions and lets the user keep theirs, save
   theirs over, or go back to editing (:mod:`kamdesk.ui.dialogs.conflict`).
4. while another program (a CLI import, a backup) holds the write lock, says so in the
   status bar with a busy cursor, and gives up after the database's bound
   (:mod:`kamdesk.store.write_lock`) with a message; the form that asked stays open
   with its input, since the runner returns None.

Slow operations (imports, bulk changes) go through :func:`run_op_in_background`, which
runs the same operation on a worker thread and announces on the UI thread.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QStatusBar, QWidget
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kamdesk.messages import database_problem_text
from kamdesk.store.change_signal import notify_others
from kamdesk.store.database import DatabaseProblem, classify_error
from kamdesk.store.errors import ConflictError, ValidationError
from kamdesk.store.ops import Changes
from kamdesk.store.ops.versions import conflict_from_stale
from kamdesk.store.team.refusals import refused_by_row_security
from kamdesk.store.write_lock import waiting_feedback
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext

log = logging.getLogger(__name__)

P = ParamSpec("P")
Op = Callable[Concatenate[Session, P], Changes]

# Failures of the database itself (not of the input) that the user is told about in words.
STORE_FAILURES: tuple[type[BaseException], ...] = (
    DBAPIError, sqlite3.DatabaseError, OSError, DatabaseProblem)


class WaitingForWriter:
    """Shows that a save waits for another program's write lock: a busy cursor and a
    status-bar line counting the seconds, repainted at once (no event loop runs while
    the save waits, so no other write can start underneath it)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.shown_s = -1

    def __call__(self, waited: float) -> None:
        seconds = int(waited)
        if seconds == self.shown_s:
            return
        if self.shown_s < 0:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.shown_s = seconds
        self.ctx.status.emit(QCoreApplication.translate(
            "ops", "Waiting for another program (an import, a backup) to finish writing "
            "to the book… %1 s").replace("%1", str(seconds)))
        for top in QApplication.topLevelWidgets():
            for bar in top.findChildren(QStatusBar):
                bar.repaint()

    def done(self) -> None:
        if self.shown_s >= 0:
            QApplication.restoreOverrideCursor()
            self.ctx.status.emit("")
            self.shown_s = -1


def failure_text(ctx: AppContext, exc: BaseException) -> str:
    """What went wrong, in the user's language; never a traceback or raw SQL."""
    if isinstance(exc, ValidationError):
        return labels.field_error(labels.field_name(exc.field), labels.validation(exc.code))
    if isinstance(exc, DatabaseProblem):
        return database_problem_text(exc, ctx.lang)
    if refused_by_row_security(exc):  # team book: not this member's account
        return labels.validation("not_yours")
    kind = classify_error(exc)
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        kind = "disk_full"
    return database_problem_text(
        DatabaseProblem(kind, ctx.db.location, type(exc).__name__), ctx.lang)


def report_failure(ctx: AppContext, exc: BaseException, parent: QWidget | None) -> None:
    log.warning("write failed: %s", exc)
    QMessageBox.warning(parent, QCoreApplication.translate("ops", "KAMDesk"),
                        failure_text(ctx, exc))


def run_op(ctx: AppContext, op: Callable[..., Changes], *args: Any,
           initiator: QObject | None = None, parent: QWidget | None = None,
           reraise: tuple[type[BaseException], ...] = (), **kwargs: Any) -> Changes | None:
    """Run ``op(session, *args, **kwargs)`` in one transaction and announce its changes.

    Returns the operation's :class:`Changes` (its ``value`` holds what the operation
    returned, e.g. a new id), or ``None`` when it failed and the user was told why.
    Exceptions listed in ``reraise`` (e.g. ``ValidationError`` for a form that marks the
    field itself, ``HasHistory`` for a delete that offers to archive) are passed on.
    """
    _sign(ctx)
    waiting = WaitingForWriter(ctx)
    try:
        with waiting_feedback(waiting):
            try:
                changes = ctx.db.write(op, *args, **kwargs)
            finally:
                waiting.done()  # before any message box: no busy cursor over it
    except reraise:
        raise
    except StaleDataError as exc:  # an ORM save no operation guarded
        return _settle_conflict(ctx, conflict_from_stale(exc), op, args, kwargs,
                                initiator, parent, reraise)
    except ConflictError as exc:
        return _settle_conflict(ctx, exc, op, args, kwargs, initiator, parent, reraise)
    except ValidationError as exc:
        report_failure(ctx, exc, parent or _as_widget(initiator))
        return None
    except STORE_FAILURES as exc:
        report_failure(ctx, exc, parent or _as_widget(initiator))
        return None
    announce_written(ctx, changes, initiator)
    return changes


def announce_written(ctx: AppContext, changes: Changes, initiator: QObject | None) -> None:
    """Tell this window's screens (and, on a server book, the other clients) what a
    committed write changed."""
    notify_others(ctx.db)  # a server book: other clients hear of it (no-op on SQLite)
    ctx.announce(changes, initiator=initiator)


def run_quietly(ctx: AppContext, op: Callable[..., Changes], *args: Any, failure: str,
                initiator: QObject | None = None, announce: bool = True,
                **kwargs: Any) -> Changes | None:
    """The runner for the app's own background writes (reminders generated at start-up
    and on a timer, the "last seen" mark): one transaction like :func:`run_op`, but a
    failure is logged under ``failure``, never a message box, and ``None`` returned.
    ``announce=False`` is for bookkeeping no screen shows: neither the screens nor the
    other clients of a server book hear of it (a mark written every few minutes would
    otherwise make them re-read)."""
    _sign(ctx)
    try:
        changes = ctx.db.write(op, *args, **kwargs)
    except Exception:  # noqa: BLE001 - background bookkeeping never stops the app
        log.exception(failure)
        return None
    if announce and changes:
        announce_written(ctx, changes, initiator)
    return changes


def conflict_text() -> str:
    return QCoreApplication.translate(
        "ops", "Someone else changed this record while you were editing. "
        "Press F5 to see their version, then make your change again.")


def _settle_conflict(ctx: AppContext, exc: ConflictError, op: Callable[..., Changes],
                     args: tuple[Any, ...], kwargs: dict[str, Any],
                     initiator: QObject | None, parent: QWidget | None,
                     reraise: tuple[type[BaseException], ...]) -> Changes | None:
    """Someone else saved this record since the form read it: show both versions and do
    what the user picks (:mod:`kamdesk.ui.dialogs.conflict`). "Save mine over theirs"
    runs the operation again naming their version; otherwise the screens re-read the
    record, and "keep theirs" closes the initiating form without its edits (or calls
    its ``conflict_kept_theirs()``). Returns the Changes of a save over theirs, else None."""
    from kamdesk.ui.dialogs import conflict as conflict_dialog

    where = parent or _as_widget(initiator)
    log.info("conflict: %s", exc)
    if exc.row_id is None:  # the table is known, the record not: say so and refresh
        QMessageBox.warning(where, QCoreApplication.translate("ops", "KAMDesk"),
                            conflict_text())
        ctx.announce(Changes.of(exc.table) if exc.table else Changes())
        return None
    choice = conflict_dialog.ask_about_conflict(
        exc, where, getattr(initiator, "field_label", None))
    if choice is conflict_dialog.Choice.SAVE_MINE and not exc.gone:
        again = dict(kwargs)
        if "expected_versions" in again:  # an op over several records
            again["expected_versions"] = {**(again["expected_versions"] or {}),
                                          exc.row_id: exc.their_version}
        else:
            again["expected_version"] = exc.their_version
        return run_op(ctx, op, *args, initiator=initiator, parent=parent, reraise=reraise,
                      **again)
    ctx.announce(Changes.of(exc.table, exc.row_id))  # every screen shows theirs now
    if choice is conflict_dialog.Choice.KEEP_THEIRS:
        kept = getattr(initiator, "conflict_kept_theirs", None)
        if callable(kept):
            kept()
        elif isinstance(initiator, QDialog) and not exc.deleting:
            initiator.done(QDialog.DialogCode.Rejected)  # a form: its edits are dropped
    return None


def _sign(ctx: AppContext) -> None:
    """Who the change history records for the next write: the signed-in manager (the
    OS user when none is set)."""
    ctx.db.actor = ctx.owner_name


def _as_widget(obj: QObject | None) -> QWidget | None:
    return obj if isinstance(obj, QWidget) else None


class _OpThread(QThread):
    finished_with = Signal(object, object)  # Changes | None, exception | None

    def __init__(self, ctx: AppContext, op: Callable[..., Changes], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self._db, self._op, self._args, self._kwargs = ctx.db, op, args, kwargs

    def run(self) -> None:
        try:
            changes = self._db.write(self._op, *self._args, **self._kwargs)
        except Exception as exc:  # handed to the UI thread, which explains it
            log.exception("background operation failed")
            self.finished_with.emit(None, exc)
            return
        self.finished_with.emit(changes, None)


_running: set[_OpThread] = set()


def run_op_in_background(
    ctx: AppContext, op: Callable[..., Changes], *args: Any,
    on_done: Callable[[Changes | None], None] | None = None,
    on_error: Callable[[BaseException], bool] | None = None,
    initiator: QObject | None = None, parent: QWidget | None = None, **kwargs: Any,
) -> QThread:
    """Like :func:`run_op`, for slow operations: the write happens on a worker thread
    with its own connection; the announcement, any message and ``on_done`` happen on
    the UI thread. ``on_error`` may claim a failure the caller explains itself (return
    True); ``on_done`` then gets None. Returns the thread (tests wait on its
    ``finished``)."""
    _sign(ctx)
    thread = _OpThread(ctx, op, args, kwargs)
    _running.add(thread)

    def finish(changes: Changes | None, exc: BaseException | None) -> None:
        _running.discard(thread)
        if exc is not None:
            if on_error is not None and on_error(exc):
                pass
            elif isinstance(exc, (ValidationError, *STORE_FAILURES)):
                report_failure(ctx, exc, parent or _as_widget(initiator))
            elif isinstance(exc, (ConflictError, StaleDataError)):  # a bulk change raced
                QMessageBox.warning(parent or _as_widget(initiator),
                                    QCoreApplication.translate("ops", "KAMDesk"),
                                    conflict_text())
            else:
                if on_done is not None:
                    on_done(None)
                raise exc
        elif changes is not None:
            notify_others(ctx.db)
            ctx.announce(changes, initiator=initiator)
        if on_done is not None:
            on_done(changes)

    thread.finished_with.connect(finish)
    thread.start()
    return thread


class _ReadThread(QThread):
    finished_with = Signal(object, object)  # result | None, exception | None

    def __init__(self, ctx: AppContext, query: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self._db, self._query, self._args, self._kwargs = ctx.db, query, args, kwargs

    def run(self) -> None:
        try:
            result = self._db.read(self._query, *self._args, **self._kwargs)
        except Exception as exc:  # handed to the UI thread, which explains it
            log.exception("background read failed")
            self.finished_with.emit(None, exc)
            return
        self.finished_with.emit(result, None)


_reading: set[_ReadThread] = set()


def reads_running() -> int:
    """How many :func:`read_in_background` reads have not finished (benchmarks wait)."""
    return len(_reading)


def read_in_background(ctx: AppContext, query: Callable[..., Any], *args: Any,
                       on_done: Callable[[Any], None], parent: QWidget | None = None,
                       **kwargs: Any) -> QThread:
    """Run a slow read (``query(conn, ...)``) on a worker thread with its own connection
    and hand the plain rows to ``on_done`` on the UI thread, so a whole-book figure
    (the monthly KPIs of a 100k book take seconds) never freezes the window. A failure
    of the database is explained like a failed write; ``on_done`` is then not called."""
    thread = _ReadThread(ctx, query, args, kwargs)
    _reading.add(thread)

    def finish(result: Any, exc: BaseException | None) -> None:
        _reading.discard(thread)
        if exc is None:
            on_done(result)
        elif isinstance(exc, STORE_FAILURES):
            report_failure(ctx, exc, parent)
        else:
            raise exc

    thread.finished_with.connect(finish)
    thread.start()
    return thread
