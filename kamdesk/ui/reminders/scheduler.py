"""When to show a reminder: one timer armed for the next due time, nothing polled.

The rules (what is due, what was missed, what a snooze means) live in
:mod:`kamdesk.domain.reminders`; this object only applies them to the database at
the right moments:

* at start, reminders that fell due while the app was closed are reported once as
  *missed* (the "last seen" time is kept in ``app_settings``), the rest as due now;
* a single-shot precise QTimer is armed for the earliest future reminder and re-armed
  whenever tasks change;
* a coarse watchdog (once a minute) compares the wall clock with the monotonic clock:
  a jump means the laptop slept or the clock was set, and a QTimer measured in
  monotonic time would otherwise fire hours late. It also notices a new day (to
  generate the next key-date reminders) and refreshes "last seen".

Every reminder shown is marked notified with the clock's time, so it never fires twice
for the same due time; snoozing moves the due time past that mark, which re-arms it.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

from kamdesk.domain.reminders import (
    ReminderState,
    effective_due,
    is_due,
    next_wakeup,
    split_missed,
)
from kamdesk.store.ops.reminder_state import record_last_seen
from kamdesk.store.ops.tasks import mark_notified
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op, run_quietly

log = logging.getLogger(__name__)

# Reminders further ahead than this are not loaded; the timer wakes at the horizon to
# look again, so a book with years of future reminders costs one small query.
HORIZON = dt.timedelta(hours=6)
WATCHDOG_MS = 60_000
# Wall clock and monotonic clock may disagree by timer slack; more than this is a jump.
JUMP_TOLERANCE = dt.timedelta(seconds=90)
LAST_SEEN_EVERY = 5  # watchdog ticks between "last seen" writes
_MAX_TIMER_MS = 2**31 - 1


def _parse_moment(value: object) -> dt.datetime | None:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


class ReminderScheduler(QObject):
    #: reminders due now (list of kamdesk.store.calendar_queries.ReminderRow)
    fired = Signal(list)
    #: reminders that fell due while the app was closed, once, at start
    missed = Signal(list)
    #: the calendar day changed (or the clock jumped to another day)
    day_changed = Signal(object)
    #: the wall clock jumped relative to the monotonic clock (sleep, clock set)
    clock_jumped = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None,
                 watchdog_ms: int = WATCHDOG_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.started_at: dt.datetime | None = None
        self.next_due: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check_now)
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(watchdog_ms)
        self._watchdog.timeout.connect(self._watch)
        self._rearm_soon = QTimer(self)
        self._rearm_soon.setSingleShot(True)
        self._rearm_soon.setInterval(0)
        self._rearm_soon.timeout.connect(self.arm)
        self._last_wall = ctx.clock.now()
        self._last_mono = time.monotonic()
        self._ticks = 0
        self._busy = False
        ctx.changed.connect(self._on_changed)

    # -- life cycle --------------------------------------------------------------------
    def start(self) -> None:
        """Report missed and due reminders, then arm the timer and the watchdog."""
        from kamdesk.store.queries.reminders import reminder_states
        from kamdesk.store.queries.settings import APP_LAST_SEEN_KEY, get_json

        now = self.ctx.clock.now()
        self.started_at = now
        last_seen = _parse_moment(self.ctx.db.read(get_json, APP_LAST_SEEN_KEY))
        states = self.ctx.db.read(reminder_states, now)
        missed, due = split_missed(states, now, last_seen)
        if last_seen is None:
            # The very first start of this book (a fresh --demo, an import): it was
            # never closed, so nothing was "missed while closed". Reminders of the last
            # day ring as due now; older ones are marked shown without a pop-up (they
            # are overdue on Today, not a list of a hundred in the corner).
            recent = dt.datetime.combine(now.date() - dt.timedelta(days=1), dt.time.min)
            old = [s for s in missed if (effective_due(s) or now) < recent]
            self._deliver(old, now, None)
            due = [s for s in missed if s not in old] + due
        else:
            self._deliver(missed, now, self.missed)
        self._deliver(due, now, self.fired)
        self.save_last_seen(now)
        self._reset_watch(now)
        self._watchdog.start()
        self.arm()

    def stop(self) -> None:
        self._timer.stop()
        self._watchdog.stop()
        self._rearm_soon.stop()
        try:
            self.save_last_seen()
        except Exception:  # noqa: BLE001 - quitting must not fail on a locked database
            log.exception("could not save the last-seen time")

    def save_last_seen(self, when: dt.datetime | None = None) -> None:
        """Remember the app was running, so a later start knows what it missed."""
        # Bookkeeping no screen shows: not announced (announcing app_settings would
        # make Today re-read every few minutes); a failure is logged.
        run_quietly(self.ctx, record_last_seen, when or self.ctx.clock.now(),
                    failure="could not save the last-seen time", announce=False)

    # -- the timer ---------------------------------------------------------------------
    def _states(self, until: dt.datetime) -> list[ReminderState]:
        from kamdesk.store.queries.reminders import reminder_states

        return self.ctx.db.read(reminder_states, until)

    def arm(self) -> None:
        """Fire what is due already, then set the one timer for the next reminder (or
        for the horizon, to look again)."""
        if self._busy:
            return
        now = self.ctx.clock.now()
        states = self._states(now + HORIZON)
        due = [s for s in states if is_due(s, now)]
        if due:
            self._deliver(due, now, self.fired)
            states = [s for s in states if s not in due]
        self.next_due = next_wakeup(states, now)
        target = self.next_due or (now + HORIZON)
        ms = max(0, int((target - now).total_seconds() * 1000))
        self._timer.start(min(ms, _MAX_TIMER_MS))

    def check_now(self) -> None:
        """Fire everything due at the clock's current time and re-arm (the timer's
        slot; tests call it after moving a FixedClock)."""
        self.arm()

    def timer_interval_ms(self) -> int:
        return self._timer.interval() if self._timer.isActive() else -1

    def _deliver(self, states: list[ReminderState], now: dt.datetime,
                 signal: SignalInstance | None) -> None:
        if not states:
            return
        from kamdesk.store.queries.reminders import reminder_rows

        ids = [s.task_id for s in states]
        self._busy = True
        try:
            if run_op(self.ctx, mark_notified, ids, now, initiator=self) is None:
                return
            rows = (self.ctx.db.read(reminder_rows, ids, self.ctx.lang)
                    if signal is not None else [])
            if rows and signal is not None:
                signal.emit(rows)
        finally:
            self._busy = False

    def _on_changed(self, tables: frozenset[str]) -> None:
        # Marking reminders shown is this object's own write; it re-arms itself after.
        if "tasks" in tables and getattr(tables, "initiator", None) is not self:
            self._rearm_soon.start()

    # -- watchdog ----------------------------------------------------------------------
    def _reset_watch(self, now: dt.datetime) -> None:
        self._last_wall = now
        self._last_mono = time.monotonic()

    def _watch(self) -> None:
        now = self.ctx.clock.now()
        mono = time.monotonic()
        expected = self._last_wall + dt.timedelta(seconds=mono - self._last_mono)
        jumped = abs(now - expected) > JUMP_TOLERANCE
        new_day = now.date() != self._last_wall.date()
        self._last_wall, self._last_mono = now, mono
        self._ticks += 1
        if self._ticks % LAST_SEEN_EVERY == 0:
            try:
                self.save_last_seen(now)
            except Exception:  # noqa: BLE001 - a busy database must not stop reminders
                log.exception("could not save the last-seen time")
        if new_day:
            self.day_changed.emit(now.date())
        if jumped:
            log.info("clock jump detected (expected %s, now %s): re-arming", expected, now)
            self.clock_jumped.emit()
        if jumped or new_day:
            self.arm()

    def watch_now(self) -> None:
        """Run the watchdog check at once (tests; resume notifications)."""
        self._watch()
