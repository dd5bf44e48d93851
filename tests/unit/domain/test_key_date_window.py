"""The one occurrence engine over a window agrees with the single-rule functions, and
its (month, day) spans never leave out a date that falls in the window."""

from __future__ import annotations

import ast
import datetime as dt
import random
from pathlib import Path

import pytest

from kamdesk.domain.key_dates import (
    KeyDateRule, RuleWindow, lunar_spans, occurrence_years, occurrences_between, solar_spans,
    yearly_occurrences,
)

RULES = [
    ("solar", 2, 29, False, None, "yearly"),
    ("solar", 12, 31, False, 1980, "yearly"),
    ("solar", 1, 1, False, 2027, "once"),
    ("lunar", 12, 30, False, None, "yearly"),  # 腊月三十: kept on 廿九 in short years
    ("lunar", 6, 10, True, 1990, "yearly"),  # 闰六月初十
    ("lunar", 1, 1, False, None, "yearly"),
    ("lunar", 4, 8, False, 2001, "yearly"),
]
WINDOWS = [(dt.date(2025, 1, 15), dt.date(2025, 3, 1)), (dt.date(2026, 12, 20),
           dt.date(2027, 2, 20)), (dt.date(2025, 7, 20), dt.date(2025, 8, 10)),
           (dt.date(2027, 2, 22), dt.date(2027, 3, 3))]


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_window_matches_occurrences_between(start, end):
    window = RuleWindow(start, end)
    window.prepare(RULES)
    for key in RULES:
        days = [day for _year, day in window.occurrences(key)]
        assert days == occurrences_between(KeyDateRule(*key), start, end), key


def _in_spans(spans, month, day):
    return spans is None or any(m == month and a <= day <= b for m, a, b in spans)


def test_spans_let_every_falling_date_through():
    rng = random.Random(10)
    keys = [(calendar, month, day, leap, None, "yearly")
            for month in range(1, 13) for day in (1, 15, 28, 29, 30)
            for calendar, leap in (("solar", False), ("lunar", False), ("lunar", True))
            if not (calendar == "solar" and month == 2 and day == 30)]
    for _ in range(20):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(1200))
        end = start + dt.timedelta(days=rng.choice([0, 6, 41, 120]))
        solar, lunar = solar_spans(start, end), lunar_spans(start, end)
        window = RuleWindow(start, end)
        window.prepare(keys)
        for key in keys:
            if window.occurrences(key):
                spans = solar if key[0] == "solar" else lunar
                assert _in_spans(spans, key[1], key[2]), (key, start, end)
    # 29 February of a leap year's rule is let through on 28 February of a common year
    assert _in_spans(solar_spans(dt.date(2027, 2, 27), dt.date(2027, 2, 28)), 2, 29)


def test_years_and_derived_anniversaries():
    assert occurrence_years(("solar", 5, 1, False, 2000, "yearly"), 2026) == 26
    assert occurrence_years(("solar", 5, 1, False, 2026, "once"), 2026) is None
    assert occurrence_years(("solar", 5, 1, False, None, "yearly"), 2026) is None
    assert yearly_occurrences(dt.date(2020, 2, 29), dt.date(2021, 1, 1),
                              dt.date(2022, 12, 31)) == [(2021, dt.date(2021, 2, 28), 1),
                                                         (2022, dt.date(2022, 2, 28), 2)]
    # the start day itself is no anniversary
    assert yearly_occurrences(dt.date(2026, 3, 1), dt.date(2026, 1, 1),
                              dt.date(2026, 12, 31)) == []


def _imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


def test_festivals_do_not_import_the_lunar_module():
    """lunar labels grid days with festivals; the arrow must not point back."""
    domain = Path(__file__).resolve().parents[3] / "kamdesk" / "domain"
    assert "kamdesk.domain.lunar" not in _imports(domain / "festivals.py")
