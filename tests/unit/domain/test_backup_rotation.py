"""The rotation rule (7 daily, 4 weekly, 12 monthly) over generated runs of dates."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from kamdesk.domain.backup_rotation import (
    RotationPolicy,
    backups_to_keep,
    backups_to_remove,
    day_of,
    month_of,
    week_of,
)

START = datetime(2025, 1, 1, 9, 30)


def _daily(days: int, start: datetime = START) -> list[datetime]:
    return [start + timedelta(days=n) for n in range(days)]


def _irregular(seed: int, count: int) -> list[datetime]:
    rng = random.Random(seed)
    moment, out = START, []
    for _ in range(count):
        moment += timedelta(hours=rng.choice([1, 5, 20, 24, 24, 30, 72, 24 * 9, 24 * 40]),
                            seconds=rng.randrange(3600))
        out.append(moment)
    return out


def _check_rule(moments: list[datetime], kept: set[datetime], policy: RotationPolicy) -> None:
    assert max(moments) in kept
    for period, count in ((day_of, policy.daily), (week_of, policy.weekly),
                          (month_of, policy.monthly)):
        periods = sorted({period(m) for m in moments}, reverse=True)[:count]
        for key in periods:  # the newest backup of each of the latest periods stays
            assert max(m for m in moments if period(m) == key) in kept
    assert len(kept) <= policy.daily + policy.weekly + policy.monthly
    # Every kept backup is there for one of the rules.
    for m in kept:
        assert any(m == max(x for x in moments if period(x) == period(m))
                   for period in (day_of, week_of, month_of))


@pytest.mark.parametrize("days", [0, 1, 6, 7, 8, 29, 31, 100, 400, 800])
def test_daily_runs(days):
    moments = _daily(days)
    kept = backups_to_keep(moments)
    if not moments:
        assert kept == set()
        return
    _check_rule(moments, kept, RotationPolicy())
    assert kept | backups_to_remove(moments) == set(moments)
    if days >= 400:  # a full year: 7 days + the older weeks + the older months
        assert 18 <= len(kept) <= 23  # overlaps between the rules make it vary
        assert min(kept) >= max(moments) - timedelta(days=12 * 31 + 1)


@pytest.mark.parametrize("seed", range(30))
def test_irregular_runs(seed):
    moments = _irregular(seed, 300)
    kept = backups_to_keep(moments)
    _check_rule(moments, kept, RotationPolicy())


@pytest.mark.parametrize("seed", range(5))
def test_rotating_every_day_equals_rotating_once(seed):
    """The app rotates after each backup; the survivors must be what one rotation over
    the whole history keeps (nothing the rule wants is lost on the way)."""
    moments = _irregular(seed, 250)
    alive: set[datetime] = set()
    for m in moments:
        alive.add(m)
        alive -= backups_to_remove(alive)
    assert alive == backups_to_keep(moments)


def test_keeping_is_idempotent_and_same_second_backups_are_distinct():
    moments = _daily(60) + [START + timedelta(days=59, microseconds=1)]
    kept = backups_to_keep(moments)
    assert backups_to_keep(kept) == kept
    assert START + timedelta(days=59, microseconds=1) in kept  # the later of the two


def test_a_smaller_policy_keeps_fewer():
    moments = _daily(200)
    small = backups_to_keep(moments, RotationPolicy(daily=2, weekly=1, monthly=1))
    assert small == {max(moments), max(moments) - timedelta(days=1)}
