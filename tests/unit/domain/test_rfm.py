"""RFM quintile scores and segments, pinned on small bases with ties."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import pairwise, product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamdesk.domain.rfm import (
    SEGMENTS,
    RfmScore,
    quintile_scores,
    rfm_scores,
    segment_for,
    segment_label,
    segments_for,
)


def test_ten_distinct_values_fall_into_exact_quintiles() -> None:
    assert quintile_scores(list(range(10))) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_five_distinct_values_score_one_to_five() -> None:
    assert quintile_scores([50, 10, 40, 20, 30]) == [5, 1, 4, 2, 3]


def test_equal_values_share_a_mid_rank_score() -> None:
    # 10 and 10: lower 0, equal 2 -> 1 + 5*2//10 = 2; then 3, 4, 5.
    assert quintile_scores([10, 10, 20, 30, 40]) == [2, 2, 3, 4, 5]
    assert quintile_scores([7, 7, 7, 7]) == [3, 3, 3, 3]
    assert quintile_scores([123]) == [3]
    assert quintile_scores([]) == []


def test_scores_do_not_depend_on_input_order() -> None:
    values = [(i * 7919) % 23 for i in range(60)]
    by_value = dict(zip(values, quintile_scores(values)))
    shuffled = values[:]
    random.Random(3).shuffle(shuffled)
    assert quintile_scores(shuffled) == [by_value[v] for v in shuffled]


def test_recency_more_recent_scores_higher() -> None:
    last_trades = [date(2024, 3, 1) - timedelta(days=30 * i) for i in range(5)]
    scores = rfm_scores(last_trades, [1, 1, 1, 1, 1], [5, 4, 3, 2, 1])
    assert [s.r for s in scores] == [5, 4, 3, 2, 1]
    assert [s.f for s in scores] == [3, 3, 3, 3, 3]
    assert scores[0] == RfmScore(5, 3, 5)


def test_rfm_scores_needs_parallel_lists() -> None:
    with pytest.raises(ValueError):
        rfm_scores([date(2024, 1, 1)], [1, 2], [3])


@pytest.mark.parametrize(
    ("r", "f", "m", "segment"),
    [
        (5, 5, 5, "champions"),
        (5, 4, 3, "champions"),  # FM = (4 + 3 + 1) // 2 = 4
        (5, 1, 1, "new"),
        (4, 1, 1, "promising"),
        (5, 2, 3, "potential_loyalist"),
        (4, 3, 2, "potential_loyalist"),
        (4, 4, 5, "loyal"),
        (3, 5, 4, "loyal"),
        (3, 3, 3, "need_attention"),
        (3, 1, 2, "about_to_sleep"),
        (2, 3, 4, "at_risk"),
        (1, 3, 3, "at_risk"),
        (2, 5, 5, "cant_lose"),
        (1, 5, 4, "cant_lose"),
        (2, 1, 2, "hibernating"),
        (1, 2, 1, "lost"),
        (1, 1, 1, "lost"),
    ],
)
def test_segment_map(r: int, f: int, m: int, segment: str) -> None:
    assert segment_for(r, f, m) == segment


def test_every_score_has_a_segment_and_every_segment_is_reachable() -> None:
    triples = list(product(range(1, 6), repeat=3))
    found = {segment_for(*t) for t in triples}
    assert found == set(SEGMENTS)
    rs, fs, ms = zip(*triples)
    assert segments_for(rs, fs, ms) == [segment_for(*t) for t in triples]


@pytest.mark.parametrize("bad", [(0, 3, 3), (3, 6, 3), (3, 3, 0)])
def test_segment_for_refuses_scores_outside_one_to_five(bad: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError):
        segment_for(*bad)


def test_segment_labels() -> None:
    assert segment_label("champions", "zh_CN") == "重要价值客户"
    assert segment_label("loyal", "zh_CN") == "忠诚客户"
    assert segment_label("cant_lose", "en") == "Can't lose"
    assert segment_label("lost", "zh_CN") == "流失客户"
    assert all(len(key) <= 24 for key in SEGMENTS)  # fits customer_metrics.segment


@given(st.lists(st.integers(min_value=-10**12, max_value=10**12), max_size=300))
def test_scores_are_one_to_five_and_monotone(values: list[int]) -> None:
    scores = quintile_scores(values)
    assert len(scores) == len(values)
    assert all(1 <= s <= 5 for s in scores)
    pairs = sorted(zip(values, scores))
    for (v1, s1), (v2, s2) in pairwise(pairs):
        assert s1 <= s2
        if v1 == v2:
            assert s1 == s2
