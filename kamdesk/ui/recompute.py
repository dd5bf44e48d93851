"""Recompute tiers, RFM, health and cadence off the UI thread.

The bulk recompute (the operation :func:`kamdesk.store.ops.metrics.recompute_all_metrics`)
takes seconds on a big book, so it runs in a QThread through ``Database.write`` on its own
connection; widgets are only touched back on the UI thread, through a queued signal. It runs

* at start-up when the figures are older than today (checked in the thread too, so
  start-up pays nothing when they are current),
* after the tiering settings change (forced),
* just after midnight while the app stays open, since "overdue" and the activity
  windows move with the day.

When it is done, the Changes the operation returned (``customer_metrics``,
``tier_changes``, ``app_settings``) are announced and every screen showing figures refreshes.

One writer race is handled: a contact logged while the recompute reads would be
overwritten by figures read before it (the customer would pop back up as overdue).
So a change to the facts during a run schedules one more run right after it.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from kamdesk.store.ops import Changes
from kamdesk.ui.context import AppContext

log = logging.getLogger(__name__)

#: tables whose change during a run makes its result out of date
FACT_TABLES = frozenset({
    "interactions", "trades", "people", "complaints", "survey_responses", "customers",
    "key_dates", "contracts",
})


class _Worker(QThread):
    """Runs one recompute; reports (customers recomputed, -1 when skipped as current;
    error text or ''; the operation's Changes or None)."""

    done = Signal(int, str, object)

    def __init__(self, ctx: AppContext, today: date, force: bool) -> None:
        super().__init__()
        self._db = ctx.db
        self._today = today
        self._force = force

    def run(self) -> None:
        from kamdesk.store.metrics import metrics_stale
        from kamdesk.store.ops.metrics import recompute_all_metrics

        try:
            if not self._force and not self._db.read(metrics_stale, self._today):
                self.done.emit(-1, "", None)
                return
            changes = self._db.write(recompute_all_metrics, self._today)
        except Exception as exc:  # reported on the UI thread; the app goes on
            log.exception("recomputing customer metrics failed")
            self.done.emit(0, str(exc) or type(exc).__name__, None)
            return
        self.done.emit(int(changes.value), "", changes)


class MetricsRecomputer(QObject):
    """The one background recompute of an :class:`AppContext`; see the module docstring.

    ``request(force=False)`` starts a run, or queues exactly one more if a run is under
    way (a second request never runs two recomputes at once).
    """

    #: a run started
    started = Signal()
    #: a run ended: customers recomputed, or -1 when the figures were already current
    finished = Signal(int)
    #: a run failed (message)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricsRecomputer")
        self.ctx = ctx
        self._worker: _Worker | None = None
        self._again: bool | None = None  # None: nothing queued; else queued with force
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight)
        ctx.changed.connect(self._on_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._arm_midnight()

    # -- public -------------------------------------------------------------------------
    def request(self, force: bool = False) -> None:
        if self.is_running():
            self._again = bool(force or self._again)
            return
        self._start(force)

    def is_running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Block until the current run ends (tests, quitting); True when none is left.

        The result is delivered by the event loop, so callers that need the
        announcement should wait on :attr:`finished` instead."""
        worker = self._worker
        return worker is None or worker.wait(timeout_ms)

    @Slot()
    def shutdown(self) -> None:
        """Let a run in progress finish its transaction before the process ends: a
        QThread destroyed while running would abort the app."""
        self._midnight.stop()
        self._again = None
        if self._worker is not None:
            self._worker.wait()

    # -- internals ------------------------------------------------------------------------
    def _start(self, force: bool) -> None:
        worker = _Worker(self.ctx, self.ctx.clock.today(), force)
        worker.done.connect(self._on_done)
        self._worker = worker
        self._again = None
        worker.start(QThread.Priority.LowPriority)
        self.started.emit()

    @Slot(int, str, object)
    def _on_done(self, count: int, error: str, changes: Changes | None) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()  # it has returned from run(); let the thread wind down
            worker.deleteLater()
        if error:
            self.ctx.status.emit(self.tr("Could not update tiers: %1").replace("%1", error))
            self.failed.emit(error)
        elif count >= 0 and changes is not None:
            self.ctx.announce(changes, initiator=self)
            self.ctx.status.emit(self.tr("Tiers and contact rhythm updated for %n customer(s).",
                                         "", count))
        self.finished.emit(count)
        if self._again is not None:
            self._start(self._again)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.is_running() and tables & FACT_TABLES:
            # Read before this change, the run's figures will be stale: go once more.
            self._again = True

    def _arm_midnight(self) -> None:
        now = self.ctx.clock.now()
        next_day = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        delay = next_day + timedelta(seconds=30) - now
        # QTimer takes a 32-bit millisecond count; a day always fits.
        self._midnight.start(max(1000, min(int(delay.total_seconds() * 1000), 86_400_000 + 60_000)))

    def _on_midnight(self) -> None:
        self.request(force=False)
        self._arm_midnight()


def schedule_recompute(ctx: AppContext, parent: QObject | None = None,
                       force: bool = False) -> MetricsRecomputer:
    """Start a recompute if the figures are stale (or always with ``force``).

    There is one recomputer per context: the first call creates it (a child of
    ``parent``, or of the context), later calls reuse it, so the start-up check and a
    settings change can never run two recomputes at once. Returns it, for tests and
    for screens that want to show progress.
    """
    from shiboken6 import isValid

    recomputer = getattr(ctx, "_metrics_recomputer", None)
    if recomputer is None or not isValid(recomputer):
        recomputer = MetricsRecomputer(ctx, parent or ctx)
        ctx._metrics_recomputer = recomputer  # type: ignore[attr-defined]
    recomputer.request(force)
    return recomputer
