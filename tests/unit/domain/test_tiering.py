"""Calendar months, tiering settings and value tiers, pinned on hand-built books."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamdesk.domain.calendar_math import Window, add_months, months_between, trailing_windows
from kamdesk.domain.tiering_settings import TieringSettings
from kamdesk.domain.value_tier import (
    rank_by_revenue,
    share_counts,
    tier_label,
    tiers_by_cumulative,
    tiers_by_share,
    value_tiers,
)

# ---------------------------------------------------------------- calendar months


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: clamp to 29 Feb
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 5, 31), -3, date(2024, 2, 29)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),  # across the year end
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 3, 20), -24, date(2022, 3, 20)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 20), 0, date(2024, 3, 20)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, n: int, expected: date) -> None:
    assert add_months(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2022, 3, 20), date(2024, 3, 20), 24),
        (date(2022, 3, 20), date(2024, 3, 19), 23),
        (date(2024, 1, 31), date(2024, 2, 29), 1),  # clamped month end counts as a month
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        (date(2024, 3, 20), date(2023, 12, 20), -3),
        (date(2024, 3, 20), date(2023, 12, 21), -2),
        (date(2024, 3, 20), date(2024, 3, 20), 0),
    ],
)
def test_months_between(start: date, end: date, expected: int) -> None:
    assert months_between(start, end) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=-240, max_value=240))
def test_months_between_inverts_add_months(d: date, n: int) -> None:
    later = add_months(d, n)
    if d.day <= 28:  # no clamping, so the shift is exactly n months both ways
        assert months_between(d, later) == n
    # Whatever the clamping, whole months never overshoot.
    whole = months_between(d, later)
    assert (add_months(d, whole) <= later) if whole >= 0 else (add_months(d, whole) >= later)


def test_trailing_windows_are_half_open_and_adjacent() -> None:
    current, previous = trailing_windows(date(2024, 3, 20), 12)
    assert current == Window(after=date(2023, 3, 20), through=date(2024, 3, 20))
    assert previous == Window(after=date(2022, 3, 20), through=date(2023, 3, 20))
    assert date(2023, 3, 20) not in current and date(2023, 3, 20) in previous
    assert date(2023, 3, 21) in current and date(2024, 3, 20) in current
    assert date(2024, 3, 21) not in current
    assert "2024-01-01" not in current


def test_trailing_windows_from_leap_day() -> None:
    current, previous = trailing_windows(date(2024, 2, 29), 12)
    assert current.after == date(2023, 2, 28)
    assert previous.after == date(2022, 2, 28)


# ---------------------------------------------------------------- settings


def test_settings_defaults_are_the_methods_numbers() -> None:
    s = TieringSettings()
    assert (s.window_months, s.method, s.top_share, s.middle_share) == (12, "share", 0.20, 0.60)
    assert (s.cumulative_a_share, s.cumulative_b_share) == (0.80, 0.15)
    assert (s.active_months, s.churn_months) == (3, 6)
    assert (s.cadence_days("A"), s.cadence_days("B"), s.cadence_days("C")) == (14, 30, 90)
    assert (s.executive_visit_days, s.satisfaction_check_days) == (91, 91)
    with pytest.raises(ValueError):
        s.cadence_days("D")


def test_settings_round_trip_through_json() -> None:
    s = TieringSettings(method="cumulative", top_share=0.1, middle_share=0.5, cadence_b_days=21)
    data = json.loads(json.dumps(s.to_dict()))
    assert data["format"] == 1
    assert TieringSettings.from_dict(data) == s


def test_from_dict_tolerates_missing_unknown_and_bad_values() -> None:
    s = TieringSettings.from_dict({
        "active_months": 2,  # kept
        "churn_months": "six",  # unusable: default
        "cadence_a_days": True,  # a JSON boolean is not a number of days
        "cadence_c_days": 60.0,  # a whole float is fine
        "method": "magic",  # unknown method: default
        "colour": "blue",  # unknown key: ignored
    })
    assert s == TieringSettings(active_months=2, cadence_c_days=60)


def test_from_dict_drops_only_the_contradicting_group() -> None:
    s = TieringSettings.from_dict(
        {"top_share": 0.7, "middle_share": 0.6, "active_months": 9, "churn_months": 6,
         "cadence_b_days": 20}
    )
    assert (s.top_share, s.middle_share) == (0.20, 0.60)
    assert (s.active_months, s.churn_months) == (3, 6)
    assert s.cadence_b_days == 20


@pytest.mark.parametrize("data", [None, [], "x", 3])
def test_from_dict_of_non_dict_gives_defaults(data: object) -> None:
    assert TieringSettings.from_dict(data) == TieringSettings()


@pytest.mark.parametrize(
    "kwargs",
    [{"top_share": 0.5, "middle_share": 0.6}, {"active_months": 6}, {"cadence_a_days": 0},
     {"method": "other"}, {"cumulative_a_share": 1.2}],
)
def test_invalid_settings_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        TieringSettings(**kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------- value tiers by share


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (10, (2, 6, 2)),  # exactly 20 % / 60 % / 20 %
        (0, (0, 0, 0)),
        (1, (0, 1, 0)),  # one customer is no "top 20 %"
        (2, (0, 2, 0)),
        (3, (1, 1, 1)),
        (5, (1, 3, 1)),
        (11, (2, 7, 2)),  # 2.2 -> 2, 8.8 -> 9
        (13, (3, 7, 3)),  # 2.6 -> 3, 10.4 -> 10
        (15, (3, 9, 3)),  # 15 * 0.2 is 3.0000000000000004 in floats: still 3
        (100, (20, 60, 20)),
    ],
)
def test_share_counts_round_half_up_to_nearest(n: int, expected: tuple[int, int, int]) -> None:
    assert share_counts(n, 0.20, 0.60) == expected


def test_exactly_twenty_percent_of_ten_revenue_customers_are_a() -> None:
    revenue = {cid: 1000 * cid for cid in range(1, 11)}  # 10 has the most
    revenue.update({11: 0, 12: 0, 13: -50})  # no revenue: C, and not counted in n
    tiers = tiers_by_share(revenue, 0.20, 0.60)
    assert [cid for cid, t in tiers.items() if t == "A"] == [9, 10]
    assert sorted(cid for cid, t in tiers.items() if t == "B") == [3, 4, 5, 6, 7, 8]
    assert sorted(cid for cid, t in tiers.items() if t == "C") == [1, 2, 11, 12, 13]


def test_ties_at_the_cut_go_to_the_smaller_customer_id() -> None:
    # Ten customers; 7, 3 and 5 share the 2nd-largest revenue: only one A seat is left.
    revenue = {1: 900, 7: 500, 3: 500, 5: 500, 2: 300, 4: 200, 6: 100, 8: 90, 9: 80, 10: 70}
    tiers = tiers_by_share(revenue, 0.20, 0.60)
    assert {cid for cid, t in tiers.items() if t == "A"} == {1, 3}
    assert tiers[5] == tiers[7] == "B"
    assert rank_by_revenue(revenue)[:4] == [1, 3, 5, 7]


def test_tiers_do_not_depend_on_input_order() -> None:
    revenue = {cid: (cid * 37) % 11 * 100 for cid in range(1, 40)}
    expected = tiers_by_share(revenue, 0.2, 0.6)
    items = list(revenue.items())
    random.Random(7).shuffle(items)
    assert tiers_by_share(dict(items), 0.2, 0.6) == expected


# ---------------------------------------------------------------- cumulative (ABC)


def test_cumulative_abc_pins_the_eighty_percent_line() -> None:
    # Total 100. Before customer 3 exactly 80 % is made: the A line is already reached.
    revenue = {1: 50, 2: 30, 3: 10, 4: 5, 5: 3, 6: 2, 7: 0}
    tiers = tiers_by_cumulative(revenue, 0.80, 0.15)
    assert tiers == {1: "A", 2: "A", 3: "B", 4: "B", 5: "C", 6: "C", 7: "C"}


def test_cumulative_abc_customer_crossing_the_line_is_a() -> None:
    revenue = {1: 60, 2: 25, 3: 10, 4: 5}  # 60 < 80, so customer 2 (crossing to 85) is A
    assert tiers_by_cumulative(revenue, 0.80, 0.15) == {1: "A", 2: "A", 3: "B", 4: "C"}


def test_cumulative_abc_single_giant_and_no_revenue() -> None:
    # 99 % is made before customer 2, past the 95 % line: it is C, not B.
    assert tiers_by_cumulative({1: 99, 2: 1}, 0.8, 0.15) == {1: "A", 2: "C"}
    assert tiers_by_cumulative({1: 0, 2: 0}, 0.8, 0.15) == {1: "C", 2: "C"}


def test_value_tiers_follows_the_settings_method() -> None:
    revenue = {1: 50, 2: 30, 3: 10, 4: 5, 5: 3, 6: 2}
    assert value_tiers(revenue, TieringSettings()) == tiers_by_share(revenue, 0.2, 0.6)
    cumulative = TieringSettings(method="cumulative")
    assert value_tiers(revenue, cumulative) == tiers_by_cumulative(revenue, 0.8, 0.15)


def test_tier_labels() -> None:
    assert tier_label("A", "zh_CN") == "高价值"
    assert tier_label("B", "zh_CN") == "中价值"
    assert tier_label("C", "en") == "Low value"


# ---------------------------------------------------------------- properties

_REVENUES = st.dictionaries(
    st.integers(min_value=1, max_value=10_000),
    st.integers(min_value=-1000, max_value=10**12),
    max_size=120,
)
_RANK = {"A": 0, "B": 1, "C": 2}


@given(_REVENUES, st.sampled_from([(0.2, 0.6), (0.1, 0.3), (0.25, 0.5), (0.0, 1.0)]))
def test_share_tiers_add_up_and_follow_revenue(
    revenue: dict[int, int], shares: tuple[float, float]
) -> None:
    tiers = tiers_by_share(revenue, *shares)
    assert tiers.keys() == revenue.keys()
    positive = [cid for cid, r in revenue.items() if r > 0]
    counts = tuple(sum(1 for cid in positive if tiers[cid] == t) for t in "ABC")
    assert counts == share_counts(len(positive), *shares)
    assert sum(counts) == len(positive)
    assert all(tiers[cid] == "C" for cid, r in revenue.items() if r <= 0)
    for a in positive:
        for b in positive:
            if revenue[a] > revenue[b]:
                assert _RANK[tiers[a]] <= _RANK[tiers[b]]


@given(_REVENUES)
def test_cumulative_tiers_cover_the_revenue_shares(revenue: dict[int, int]) -> None:
    tiers = tiers_by_cumulative(revenue, 0.8, 0.15)
    assert tiers.keys() == revenue.keys()
    total = sum(r for r in revenue.values() if r > 0)
    a_revenue = sum(r for cid, r in revenue.items() if tiers[cid] == "A" and r > 0)
    if total:
        assert a_revenue >= 0.8 * total - 1e-6  # A makes at least the first 80 %
        assert max((r for r in revenue.values()), default=0) > 0
        top = rank_by_revenue(revenue)[0]
        assert tiers[top] == "A"
