"""Reminder timing with an injected clock: due, snooze, missed-while-closed, no repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.domain.reminders import (
    ReminderState,
    awaits_notification,
    effective_due,
    is_due,
    mark_notified,
    next_wakeup,
    parse_within,
    snooze,
    snooze_until,
    split_missed,
)

T = dt.datetime
NOW = T(2025, 10, 6, 10, 0)


def state(
    task_id: int = 1,
    remind_at: dt.datetime | None = None,
    snoozed_until: dt.datetime | None = None,
    done_at: dt.datetime | None = None,
    notified_at: dt.datetime | None = None,
) -> ReminderState:
    return ReminderState(task_id, remind_at, snoozed_until, done_at, notified_at)


def test_effective_due() -> None:
    assert effective_due(state(remind_at=NOW)) == NOW
    later = NOW + dt.timedelta(hours=1)
    assert effective_due(state(remind_at=NOW, snoozed_until=later)) == later
    # A snooze older than a moved-out reminder is stale.
    assert effective_due(state(remind_at=later, snoozed_until=NOW)) == later
    assert effective_due(state(snoozed_until=NOW)) == NOW
    assert effective_due(state(remind_at=NOW, done_at=NOW)) is None
    assert effective_due(state()) is None


def test_is_due_fires_once() -> None:
    s = state(remind_at=NOW)
    assert not is_due(s, NOW - dt.timedelta(seconds=1))
    assert is_due(s, NOW)
    shown = mark_notified(s, NOW + dt.timedelta(seconds=2))
    assert not is_due(shown, NOW + dt.timedelta(hours=5))
    assert not awaits_notification(shown)


def test_snooze_refires() -> None:
    shown = mark_notified(state(remind_at=NOW), NOW)
    snoozed = snooze(shown, snooze_until("15m", NOW))
    assert effective_due(snoozed) == NOW + dt.timedelta(minutes=15)
    assert not is_due(snoozed, NOW + dt.timedelta(minutes=14))
    assert is_due(snoozed, NOW + dt.timedelta(minutes=15))
    again = mark_notified(snoozed, NOW + dt.timedelta(minutes=15))
    assert not is_due(again, NOW + dt.timedelta(days=1))


def test_done_never_due() -> None:
    assert not is_due(state(remind_at=NOW, done_at=NOW), NOW + dt.timedelta(days=1))


def test_next_wakeup() -> None:
    states = [
        state(1, remind_at=NOW - dt.timedelta(hours=1)),  # already due: fired by caller
        state(2, remind_at=NOW + dt.timedelta(hours=3)),
        state(3, remind_at=NOW + dt.timedelta(hours=1), done_at=NOW),
        state(4, remind_at=NOW + dt.timedelta(hours=2)),
        state(5, remind_at=NOW, snoozed_until=NOW + dt.timedelta(minutes=30), notified_at=NOW),
    ]
    assert next_wakeup(states, NOW) == NOW + dt.timedelta(minutes=30)
    assert next_wakeup(states[:1], NOW) is None
    assert next_wakeup([], NOW) is None


def test_split_missed_at_start() -> None:
    last_seen = T(2025, 10, 3, 18, 0)  # laptop closed Friday evening
    states = [
        state(1, remind_at=T(2025, 10, 4, 9, 0)),  # Saturday: missed
        state(2, remind_at=T(2025, 10, 5, 9, 0), notified_at=T(2025, 10, 5, 9, 0)),  # shown
        state(3, remind_at=T(2025, 10, 3, 17, 0)),  # fell while running, never shown
        state(4, remind_at=NOW),  # exactly now
        state(5, remind_at=NOW + dt.timedelta(minutes=1)),  # future
        state(6, remind_at=T(2025, 10, 4, 8, 0), done_at=T(2025, 10, 3, 12, 0)),  # done
        state(
            7,
            remind_at=T(2025, 10, 2, 9, 0),
            notified_at=T(2025, 10, 2, 9, 0),
            snoozed_until=T(2025, 10, 5, 12, 0),
        ),  # snooze ran out while closed
    ]
    missed, due_now = split_missed(states, NOW, last_seen)
    assert [s.task_id for s in missed] == [1, 7]
    assert [s.task_id for s in due_now] == [3, 4]


def test_split_missed_first_run_and_while_running() -> None:
    states = [state(1, remind_at=NOW - dt.timedelta(days=2))]
    missed, due_now = split_missed(states, NOW, None)
    assert [s.task_id for s in missed] == [1] and due_now == []
    # Later, on a timer tick: a reminder that fell after start is due, not missed.
    started = NOW - dt.timedelta(hours=2)
    ticking = [state(2, remind_at=NOW - dt.timedelta(minutes=1))]
    missed, due_now = split_missed(ticking, NOW, NOW - dt.timedelta(seconds=30), started)
    assert missed == [] and [s.task_id for s in due_now] == [2]


def test_snooze_until() -> None:
    assert snooze_until("15m", NOW) == NOW + dt.timedelta(minutes=15)
    assert snooze_until("1h", NOW) == NOW + dt.timedelta(hours=1)
    assert snooze_until("tomorrow", T(2025, 12, 31, 23, 30)) == T(2026, 1, 1, 9, 0)
    assert snooze_until("tomorrow", T(2025, 10, 6, 0, 5)) == T(2025, 10, 7, 9, 0)
    aware = T(2025, 10, 6, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert snooze_until("tomorrow", aware).tzinfo == aware.tzinfo
    assert snooze_until("custom", NOW, T(2025, 10, 8, 14, 0)) == T(2025, 10, 8, 14, 0)
    assert snooze_until("custom", NOW, dt.timedelta(days=2)) == NOW + dt.timedelta(days=2)
    with pytest.raises(ValueError):
        snooze_until("custom", NOW)
    with pytest.raises(ValueError):
        snooze_until("custom", NOW, NOW - dt.timedelta(minutes=1))
    with pytest.raises(ValueError):
        snooze_until("2d", NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7d", dt.timedelta(days=7)),
        ("12h", dt.timedelta(hours=12)),
        ("30m", dt.timedelta(minutes=30)),
        ("2w", dt.timedelta(weeks=2)),
        (" 7 D ", dt.timedelta(days=7)),
    ],
)
def test_parse_within(text: str, expected: dt.timedelta) -> None:
    assert parse_within(text) == expected


@pytest.mark.parametrize(
    "text", ["", "7", "d", "7y", "-7d", "1.5h", "0d", "7d\n1h", "99999999999w"]
)
def test_parse_within_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="--within"):
        parse_within(text)
