"""When a reminder fires — decided here, with the clock passed in, so the scheduler,
the start-up "missed while closed" check and the tests all share one set of rules.

Two rules carry the weight:

* *Never fire twice.* A reminder awaits notification only while ``notified_at`` is
  empty or earlier than its effective due time. Snoozing moves the effective due time
  past ``notified_at``, which is exactly what makes it fire again.
* *Nothing is lost while the laptop is off.* A due time that fell between the app's
  last sign of life and this start is reported as missed, once, at start.

All datetimes given to one call must be of one kind — all naive local time (what the
database stores) or all aware; mixing them raises TypeError from the comparison.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SnoozeKind = Literal["15m", "1h", "tomorrow", "custom"]

# "Tomorrow" means the start of the next working morning, not 24 hours from now.
TOMORROW_AT = dt.time(9, 0)


@dataclass(frozen=True, slots=True)
class ReminderState:
    """The reminder columns of one task."""

    task_id: int
    remind_at: dt.datetime | None
    snoozed_until: dt.datetime | None
    done_at: dt.datetime | None
    notified_at: dt.datetime | None


def effective_due(state: ReminderState) -> dt.datetime | None:
    """When the reminder should be shown: None once done; a later snooze wins.

    A snooze earlier than ``remind_at`` (the user moved the reminder later after
    snoozing) is stale and ignored. A snooze without ``remind_at`` still counts.
    """
    if state.done_at is not None:
        return None
    if state.snoozed_until is None:
        return state.remind_at
    if state.remind_at is None or state.snoozed_until > state.remind_at:
        return state.snoozed_until
    return state.remind_at


def awaits_notification(state: ReminderState) -> bool:
    """True while the current due time has not been shown to the user yet."""
    due = effective_due(state)
    if due is None:
        return False
    return state.notified_at is None or state.notified_at < due


def is_due(state: ReminderState, now: dt.datetime) -> bool:
    """Should fire now: due time reached and not yet notified for that due time."""
    due = effective_due(state)
    return due is not None and due <= now and awaits_notification(state)


def next_wakeup(states: Iterable[ReminderState], now: dt.datetime) -> dt.datetime | None:
    """Earliest due time still in the future, to arm a single timer for.

    Reminders already due are not included: the caller fires those at once.
    """
    future = [
        due
        for s in states
        if (due := effective_due(s)) is not None and due > now and awaits_notification(s)
    ]
    return min(future, default=None)


def split_missed(
    states: Iterable[ReminderState],
    now: dt.datetime,
    app_last_seen: dt.datetime | None,
    app_started: dt.datetime | None = None,
) -> tuple[list[ReminderState], list[ReminderState]]:
    """Split the reminders that should fire into (missed, due_now), each by due time.

    Missed: due after ``app_last_seen`` and before ``app_started`` (default ``now``,
    i.e. the call made at start), so the app was not running to show it; with no
    ``app_last_seen`` (first start) every earlier due time counts as missed.
    Due now: every other due, un-notified reminder — including one that came due
    while the app ran but was never marked notified (a crash), so it still fires.
    Pass ``app_started`` on calls after start-up so that reminders falling due while
    the app runs are never reported as missed.
    """
    started = now if app_started is None else app_started
    missed: list[tuple[dt.datetime, ReminderState]] = []
    due_now: list[tuple[dt.datetime, ReminderState]] = []
    for s in states:
        due = effective_due(s)
        if due is None or due > now or not awaits_notification(s):
            continue
        fell_while_closed = due < started and (app_last_seen is None or due > app_last_seen)
        (missed if fell_while_closed else due_now).append((due, s))
    missed.sort(key=lambda pair: pair[0])
    due_now.sort(key=lambda pair: pair[0])
    return [s for _, s in missed], [s for _, s in due_now]


def mark_notified(state: ReminderState, now: dt.datetime) -> ReminderState:
    """The state after the user has been shown the reminder."""
    return dataclasses.replace(state, notified_at=now)


def snooze(state: ReminderState, until: dt.datetime) -> ReminderState:
    """The state after snoozing; ``notified_at`` stays, the later due time re-arms it."""
    return dataclasses.replace(state, snoozed_until=until)


def snooze_until(
    kind: SnoozeKind,
    now: dt.datetime,
    custom: dt.datetime | dt.timedelta | None = None,
) -> dt.datetime:
    """Due time for a snooze choice. 'tomorrow' is the next day at 09:00 (same tzinfo
    as ``now``); 'custom' takes a datetime or a delay, which must lie in the future."""
    if kind == "15m":
        return now + dt.timedelta(minutes=15)
    if kind == "1h":
        return now + dt.timedelta(hours=1)
    if kind == "tomorrow":
        return dt.datetime.combine(now.date() + dt.timedelta(days=1), TOMORROW_AT, now.tzinfo)
    if kind == "custom":
        if custom is None:
            raise ValueError("a custom snooze needs a time or a delay")
        until = now + custom if isinstance(custom, dt.timedelta) else custom
        if until <= now:
            raise ValueError(f"a snooze must end in the future, got {until.isoformat()}")
        return until
    raise ValueError(f"snooze kind must be '15m', '1h', 'tomorrow' or 'custom', got {kind!r}")


_WITHIN_RE = re.compile(r"\s*([0-9]+)\s*([mhdw])\s*", re.IGNORECASE)
_UNITS: dict[str, str] = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_within(text: str) -> dt.timedelta:
    """Parse a ``--within`` window: '30m', '12h', '7d', '2w' ('m' is minutes).

    Months are deliberately absent: their length varies and 'm' would be ambiguous.
    """
    match = _WITHIN_RE.fullmatch(text or "")
    if match is None:
        raise ValueError(
            f"invalid --within value {text!r}: expected a whole number followed by "
            "m (minutes), h (hours), d (days) or w (weeks), e.g. 30m, 12h, 7d, 2w"
        )
    amount = int(match.group(1))
    if amount == 0:
        raise ValueError(f"invalid --within value {text!r}: the window must be longer than 0")
    try:
        return dt.timedelta(**{_UNITS[match.group(2).lower()]: amount})
    except OverflowError:
        raise ValueError(f"invalid --within value {text!r}: too large") from None


#: the hour a follow-up reminder rings (the deadline's day before, or the day itself)
REMIND_HOUR = 9


def reminder_for_deadline(deadline: dt.date, now: dt.datetime) -> dt.datetime:
    """09:00 the working day before the deadline; if that has passed, 09:00 on the day;
    if that has passed too, right away — a promise must never be remembered too late."""
    before = dt.datetime.combine(deadline - dt.timedelta(days=1), dt.time(REMIND_HOUR))
    if before > now:
        return before
    on_day = dt.datetime.combine(deadline, dt.time(REMIND_HOUR))
    return on_day if on_day > now else now
