"""The arithmetic shared by the trend chart on screen and in PDFs, on hand-built data."""

from __future__ import annotations

import pytest

from kamdesk.domain.trend import (
    axis_labels,
    change,
    compact_number,
    label_step,
    last_periods,
    runs,
    short_period,
    value_range,
)


def test_last_periods_keeps_the_newest_twelve():
    labels = [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01", "2026-02"]
    values = list(range(14))
    got_labels, got_values = last_periods(labels, values)
    assert got_labels[0] == "2025-03" and got_labels[-1] == "2026-02"
    assert got_values == list(range(2, 14))
    with pytest.raises(ValueError):
        last_periods(["a"], [1, 2])


def test_gaps_break_the_line():
    assert runs([1, 2, None, 4, None, None, 7, 8]) == [[0, 1], [3], [6, 7]]
    assert runs([None, None]) == []
    assert runs([]) == []


def test_value_range_is_round_and_holds_values_and_target():
    assert value_range([]) == (0.0, 1.0)
    assert value_range([None, None]) == (0.0, 1.0)
    lo, hi = value_range([42.0, 47.5, 51.0], target=60.0)
    assert lo <= 42 and hi >= 60
    assert value_range([3.0, 7.0], include_zero=True)[0] == 0.0
    lo, hi = value_range([-20.0, 15.0])
    assert lo <= -20 and hi >= 15
    lo, hi = value_range([5.0, 5.0])  # a flat line still gets some room
    assert lo < 5 < hi and lo >= 0  # padding never invents negative values


def test_short_labels_for_a_small_tile():
    assert short_period("2026-11") == "11"
    assert short_period("2026-11", with_year=True) == "26-11"
    assert short_period("2026-Q4") == "Q4" and short_period("2026-Q4", True) == "26Q4"
    assert short_period("2026") == "2026" and short_period("Week 3") == "Week 3"
    assert axis_labels(["2025-11", "2025-12", "2026-01", "2026-02"]) == [
        "25-11", "12", "26-01", "02"]


def test_label_step_and_compact_numbers():
    assert label_step(12, 600, 20) == 1
    assert label_step(12, 120, 20) == 3
    assert label_step(1, 10, 50) == 1
    assert compact_number(1234) == "1.2k" and compact_number(2_500_000) == "2.5M"
    assert compact_number(-1500) == "-1.5k" and compact_number(40) == "40"
    assert compact_number(0.5) == "0.5" and compact_number(3.25) == "3.2"
    assert change([None, 40, None, 52]) == (40, 52) and change([1, None]) is None
