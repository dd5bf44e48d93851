"""Activity states on the method's boundaries: exactly 3 and exactly 6 months."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.domain.activity import (
    ActivityCutoffs,
    activity_cutoffs,
    activity_label,
    activity_state,
    classify,
)
from kamdesk.domain.tiering_settings import TieringSettings

TODAY = date(2024, 3, 20)
SETTINGS = TieringSettings()


def state(
    *, interaction: date | None = None, trade: date | None = None, start: date | None = None,
    today: date = TODAY, settings: TieringSettings = SETTINGS,
) -> str:
    return activity_state(last_interaction=interaction, last_trade=trade,
                          cooperation_start=start, today=today, settings=settings)


def test_cutoffs() -> None:
    assert activity_cutoffs(TODAY, SETTINGS) == ActivityCutoffs(
        active_after=date(2023, 12, 20), churn_on_or_before=date(2023, 9, 20)
    )


def test_interaction_exactly_three_months_ago_is_silent() -> None:
    # The method's C002: last interaction 2023-12-20 is listed as silent on 2024-03-20.
    assert state(interaction=date(2023, 12, 20), trade=date(2023, 12, 20)) == "silent"


def test_a_day_inside_three_months_is_active() -> None:
    assert state(interaction=date(2023, 12, 21), trade=date(2023, 5, 1)) == "active"
    assert state(interaction=date(2023, 1, 1), trade=date(2023, 12, 21)) == "active"
    assert state(interaction=TODAY) == "active"


def test_future_dated_touch_counts_as_active() -> None:
    assert state(interaction=date(2024, 4, 1), trade=date(2022, 1, 1)) == "active"


def test_trade_exactly_six_months_ago_is_churned() -> None:
    assert state(interaction=date(2023, 10, 1), trade=date(2023, 9, 20)) == "churned"
    assert state(interaction=date(2023, 10, 1), trade=date(2023, 9, 21)) == "silent"


def test_recent_interaction_without_trade_for_months_is_active_not_churned() -> None:
    assert state(interaction=date(2024, 3, 1), trade=date(2023, 1, 1)) == "active"


def test_interaction_between_three_and_six_months_does_not_save_an_old_trade() -> None:
    assert state(interaction=date(2023, 11, 20), trade=date(2023, 8, 1)) == "churned"


def test_no_touch_at_all_is_silent() -> None:
    assert state() == "silent"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2023, 9, 20), "churned"),  # 6 full months of cooperation without a trade
        (date(2023, 9, 21), "silent"),
        (date(2023, 12, 20), "silent"),
        (date(2023, 12, 21), "active"),  # cooperation just started: a touch in itself
        (None, "silent"),  # unknown start: cannot tell how long it went without buying
    ],
)
def test_never_traded_customer(start: date | None, expected: str) -> None:
    assert state(interaction=date(2023, 10, 1), start=start) == expected


def test_cooperation_start_does_not_override_an_old_trade() -> None:
    assert state(trade=date(2023, 1, 1), start=date(2022, 1, 1)) == "churned"


def test_month_end_clamping_of_the_cutoff() -> None:
    today = date(2024, 5, 31)  # three months back is 29 Feb 2024
    assert state(interaction=date(2024, 2, 29), trade=date(2024, 1, 1), today=today) == "silent"
    assert state(interaction=date(2024, 3, 1), today=today) == "active"


def test_settings_change_the_windows() -> None:
    short = TieringSettings(active_months=1, churn_months=2)
    assert state(interaction=date(2024, 2, 20), trade=date(2024, 2, 1), settings=short) == (
        "silent"
    )
    assert state(interaction=date(2024, 2, 20), trade=date(2024, 1, 20), settings=short) == (
        "churned"
    )


def test_classify_matches_activity_state() -> None:
    cutoffs = activity_cutoffs(TODAY, SETTINGS)
    assert classify(date(2024, 1, 1), None, None, cutoffs) == "active"
    assert classify(None, date(2023, 10, 1), None, cutoffs) == "silent"


def test_labels() -> None:
    assert [activity_label(a, "zh_CN") for a in ("active", "silent", "churned")] == [
        "活跃", "沉默", "流失"
    ]
    assert activity_label("silent", "en") == "Silent"
