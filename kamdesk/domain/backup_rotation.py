"""Which automatic backups to keep: 7 daily, 4 weekly and 12 monthly ones.

A pure rule over the moments the backups were taken (no files, no clock), so it can be
tested over any run of dates. The usual grandfather-father-son scheme, as backup tools
state it: for each period length (day, ISO week, month) the newest backup of each of the
most recent N periods that *have* a backup is kept; a backup kept by any of the three
rules stays. Counting periods that have a backup rather than calendar periods means a
laptop left in a drawer for a month still comes back to 7 daily copies, not to none.
The newest backup is always kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RotationPolicy:
    """How many periods of each length keep their newest backup."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


DEFAULT_POLICY = RotationPolicy()


def day_of(moment: datetime) -> Hashable:
    return moment.date()


def week_of(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def month_of(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def newest_per_period(moments: Iterable[datetime], period: Callable[[datetime], Hashable],
                      count: int) -> set[datetime]:
    """The newest moment of each of the ``count`` most recent periods that hold one."""
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for moment in sorted(set(moments), reverse=True):
        if len(seen) >= count:
            break
        key = period(moment)
        if key not in seen:
            seen.add(key)
            kept.add(moment)
    return kept


def backups_to_keep(moments: Iterable[datetime],
                    policy: RotationPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The moments (of ``moments``) whose backups stay; every other one may go."""
    every = set(moments)
    if not every:
        return set()
    return ({max(every)}
            | newest_per_period(every, day_of, policy.daily)
            | newest_per_period(every, week_of, policy.weekly)
            | newest_per_period(every, month_of, policy.monthly))


def backups_to_remove(moments: Iterable[datetime],
                      policy: RotationPolicy = DEFAULT_POLICY) -> set[datetime]:
    every = set(moments)
    return every - backups_to_keep(every, policy)
