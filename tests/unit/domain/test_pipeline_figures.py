"""Conversion to the next stage and days per stage, on hand-built stage histories."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kamdesk.domain.pipeline import StageChange, stage_figures

T0 = datetime(2026, 1, 1, 9)


def _history(opportunity_id: int, *steps: tuple[str, int]) -> list[StageChange]:
    return [StageChange(opportunity_id, stage, T0 + timedelta(days=day)) for stage, day in steps]


def test_conversion_and_days_per_stage():
    history = [
        # 1: lead 10 d → first contact 5 d → demo 20 d → won
        *_history(1, ("lead", 0), ("first_contact", 10), ("demo", 15), ("won", 35)),
        # 2: lead 4 d → first contact 6 d → lost
        *_history(2, ("lead", 0), ("first_contact", 4), ("lost", 10)),
        # 3: lead, still there
        *_history(3, ("lead", 2)),
        # 4: created at demo, skipped to trial after 10 d, still in trial
        *_history(4, ("demo", 0), ("trial", 10)),
    ]
    f = stage_figures(reversed(history))  # order of the input does not matter
    assert (f["lead"].reached, f["lead"].advanced) == (3, 2)
    assert f["lead"].conversion == pytest.approx(2 / 3)
    assert (f["lead"].stays, f["lead"].average_days) == (2, pytest.approx(7.0))
    assert (f["first_contact"].reached, f["first_contact"].advanced) == (2, 1)
    assert f["first_contact"].average_days == pytest.approx(5.5)  # (5 + 6) / 2, lost counts
    assert (f["demo"].reached, f["demo"].advanced, f["demo"].conversion) == (2, 2, 1.0)
    assert f["demo"].average_days == pytest.approx(15.0)  # (20 + 10) / 2
    assert (f["trial"].reached, f["trial"].advanced, f["trial"].stays) == (1, 0, 0)
    assert f["trial"].conversion == 0.0 and f["trial"].average_days is None


def test_skipping_a_stage_counts_as_going_on_and_moving_back_does_not():
    history = [
        *_history(1, ("lead", 0), ("trial", 3)),          # skipped two stages
        *_history(2, ("demo", 0), ("first_contact", 2)),  # moved back
    ]
    f = stage_figures(history)
    assert f["lead"].conversion == 1.0
    assert f["demo"].conversion == 0.0 and f["demo"].average_days == pytest.approx(2.0)
    # first contact was entered by deal 2 only (never went forward from there)
    assert (f["first_contact"].reached, f["first_contact"].advanced) == (1, 0)


def test_empty_history_has_no_figures():
    f = stage_figures([])
    assert set(f) == {"lead", "first_contact", "demo", "trial"}
    assert all(x.conversion is None and x.average_days is None for x in f.values())
