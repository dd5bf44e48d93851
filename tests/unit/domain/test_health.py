"""Health score: each penalty on its boundary, the wording, and the clamp."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamdesk.domain.health import (
    REASON_CODES,
    HealthReason,
    HealthResult,
    describe,
    health_score,
    score_parts,
)


def score(**kwargs: Any) -> HealthResult:
    kwargs.setdefault("days_since_contact", 5)
    kwargs.setdefault("cadence_days", 30)
    return health_score(**kwargs)


def only(result: HealthResult) -> HealthReason:
    assert len(result.reasons) == 1, result.reasons
    return result.reasons[0]


def test_a_well_kept_customer_scores_100() -> None:
    result = score(revenue_window=500, revenue_prev_window=500, people_contacted_180d=3,
                   days_since_decision_maker_contact=20, last_csat=4.5, last_nps=9,
                   credit_limit=1000, credit_exposure=500)
    assert result == HealthResult(100, ())


@pytest.mark.parametrize(
    ("days", "penalty"),
    [(30, 0), (31, 10), (60, 10), (61, 20), (90, 20), (91, 30), (400, 30)],
)
def test_contact_overdue_grows_per_missed_cadence(days: int, penalty: int) -> None:
    result = score(days_since_contact=days)
    assert sum(r.penalty for r in result.reasons) == penalty
    assert result.score == 100 - penalty


def test_contact_overdue_wording() -> None:
    reason = only(score(days_since_contact=74, cadence_days=30))
    assert reason == HealthReason("contact_overdue", 20, {"days": 74, "cadence": 30})
    assert describe(reason, "en") == "no contact for 74 days, cadence is 30"
    assert describe(reason, "zh_CN") == "已 74 天未联系（维护周期 30 天）"


def test_never_contacted() -> None:
    reason = only(score(days_since_contact=None))
    assert (reason.code, reason.penalty) == ("never_contacted", 20)
    assert describe(reason, "zh_CN") == "从未联系"


def test_overdue_complaints() -> None:
    one = only(score(overdue_complaints=1))
    assert (one.code, one.penalty) == ("complaint_overdue", 15)
    assert describe(one, "en") == "open complaint past deadline"
    three = only(score(overdue_complaints=3))
    assert three.penalty == 30
    assert describe(three, "en") == "3 open complaints past deadline"
    assert describe(three, "zh_CN") == "3 项投诉超过处理时限"


@pytest.mark.parametrize(
    ("current", "previous", "pct", "penalty"),
    [
        (65, 100, 35, 10),
        (905, 1000, 10, 5),  # 9.5 % rounds half up to 10 %
        (906, 1000, None, 0),  # 9.4 % -> 9 %: below the 10 % threshold
        (75, 100, 25, 10),
        (76, 100, 24, 5),
        (50, 100, 50, 20),
        (0, 100, 100, 20),
        (150, 100, None, 0),  # growth
        (100, 0, None, 0),  # nothing to compare with
    ],
)
def test_revenue_down_year_on_year(
    current: int, previous: int, pct: int | None, penalty: int
) -> None:
    result = score(revenue_window=current, revenue_prev_window=previous,
                   people_contacted_180d=3, days_since_decision_maker_contact=1)
    if pct is None:
        assert result.reasons == ()
    else:
        assert only(result) == HealthReason("revenue_down", penalty, {"pct": pct})


def test_revenue_down_wording() -> None:
    reason = HealthReason("revenue_down", 10, {"pct": 35})
    assert describe(reason, "en") == "revenue down 35 % year on year"
    assert describe(reason, "zh_CN") == "收入同比下降 35%"


def test_single_point_of_contact_only_for_revenue_customers() -> None:
    reason = only(score(revenue_window=1, people_contacted_180d=1,
                        days_since_decision_maker_contact=0))
    assert (reason.code, reason.penalty) == ("single_point_of_contact", 10)
    assert describe(reason, "en") == "single point of contact"
    assert score(revenue_window=1, people_contacted_180d=2,
                 days_since_decision_maker_contact=0).reasons == ()
    assert score(revenue_window=0, people_contacted_180d=0).reasons == ()


@pytest.mark.parametrize(("days", "penalty"), [(59, 0), (60, 10), (179, 10), (180, 15)])
def test_decision_maker_not_contacted(days: int, penalty: int) -> None:
    result = score(days_since_decision_maker_contact=days)
    assert sum(r.penalty for r in result.reasons) == penalty


def test_decision_maker_wording() -> None:
    reason = only(score(days_since_decision_maker_contact=60))
    assert describe(reason, "en") == "no contact with the decision maker in 60 days"
    assert describe(reason, "zh_CN") == "已 60 天未与决策者联系"


def test_no_decision_maker_on_record_matters_only_with_revenue() -> None:
    reason = only(score(revenue_window=10, people_contacted_180d=2))
    assert (reason.code, reason.penalty) == ("no_decision_maker", 5)
    assert score(revenue_window=0).reasons == ()


@pytest.mark.parametrize(("csat", "penalty"), [(2.5, 15), (2.99, 15), (3.0, 5), (3.9, 5), (4.0, 0)])
def test_low_csat(csat: float, penalty: int) -> None:
    assert sum(r.penalty for r in score(last_csat=csat).reasons) == penalty


def test_csat_and_nps_wording() -> None:
    assert describe(only(score(last_csat=2.5)), "en") == "last satisfaction score 2.5 of 5"
    assert describe(only(score(last_csat=3.0)), "zh_CN") == "最近满意度 3 分（满分 5 分）"
    nps = only(score(last_nps=6))
    assert (nps.code, nps.penalty) == ("nps_detractor", 10)
    assert describe(nps, "en") == "NPS detractor (scored 6 of 10)"
    assert score(last_nps=7).reasons == ()


@pytest.mark.parametrize(
    ("limit", "exposure", "code", "penalty"),
    [
        (100, 120, "credit_usage", 20),
        (100, 100, "credit_usage", 20),
        (100, 90, "credit_usage", 10),
        (1000, 895, "credit_usage", 10),  # 89.5 % rounds to 90 %
        (100, 89, None, 0),
        (None, 10**9, None, 0),  # no limit set: nothing to compare with
        (0, 5, "credit_no_limit", 20),
        (0, 0, None, 0),
    ],
)
def test_credit(limit: int | None, exposure: int, code: str | None, penalty: int) -> None:
    result = score(credit_limit=limit, credit_exposure=exposure)
    if code is None:
        assert result.reasons == ()
    else:
        assert (only(result).code, only(result).penalty) == (code, penalty)


def test_credit_wording() -> None:
    reason = only(score(credit_limit=100, credit_exposure=120))
    assert describe(reason, "en") == "credit used 120 % of limit"
    assert describe(reason, "zh_CN") == "信用额度已使用 120%"


def test_score_clamps_at_zero_and_lists_worst_first() -> None:
    result = score(days_since_contact=400, overdue_complaints=2, revenue_window=10,
                   revenue_prev_window=100, people_contacted_180d=0,
                   days_since_decision_maker_contact=300, last_csat=1.0, last_nps=0,
                   credit_limit=10, credit_exposure=50)
    assert result.score == 0
    # Worst first; equal penalties in REASON_CODES order.
    assert [(r.code, r.penalty) for r in result.reasons] == [
        ("complaint_overdue", 30), ("contact_overdue", 30), ("credit_usage", 20),
        ("revenue_down", 20), ("low_csat", 15), ("decision_maker_not_contacted", 15),
        ("nps_detractor", 10), ("single_point_of_contact", 10),
    ]


def test_reasons_are_json_ready() -> None:
    result = score(days_since_contact=74, last_csat=2.5)
    data = json.loads(json.dumps([r._asdict() for r in result.reasons]))
    assert data[0] == {"code": "contact_overdue", "penalty": 20,
                       "params": {"days": 74, "cadence": 30}}
    assert HealthReason(**data[1]) == result.reasons[1]


def test_describe_survives_unknown_codes_and_missing_params() -> None:
    assert describe(HealthReason("from_the_future", 5, {}), "en") == "from_the_future"
    assert describe(HealthReason("contact_overdue", 10, {}), "zh_CN") == "contact_overdue"


def test_every_code_has_wording_in_both_languages() -> None:
    samples = {"days": 1, "cadence": 1, "count": 2, "pct": 1, "people": 1, "csat": 1.0,
               "nps": 1, "exposure": 1}
    for code in REASON_CODES:
        for lang in ("en", "zh_CN"):
            assert describe(HealthReason(code, 1, samples), lang) != code


@given(
    days=st.none() | st.integers(min_value=0, max_value=5000),
    cadence=st.integers(min_value=1, max_value=365),
    complaints=st.integers(min_value=0, max_value=20),
    revenue=st.integers(min_value=0, max_value=10**12),
    previous=st.integers(min_value=0, max_value=10**12),
    people=st.integers(min_value=0, max_value=20),
    dm_days=st.none() | st.integers(min_value=0, max_value=5000),
    csat=st.none() | st.floats(min_value=1, max_value=5),
    nps=st.none() | st.integers(min_value=0, max_value=10),
    limit=st.none() | st.integers(min_value=0, max_value=10**12),
    exposure=st.integers(min_value=0, max_value=10**12),
)
def test_score_is_0_to_100_and_explained_by_its_reasons(
    days: int | None, cadence: int, complaints: int, revenue: int, previous: int, people: int,
    dm_days: int | None, csat: float | None, nps: int | None, limit: int | None, exposure: int,
) -> None:
    result = health_score(
        days_since_contact=days, cadence_days=cadence, overdue_complaints=complaints,
        revenue_window=revenue, revenue_prev_window=previous, people_contacted_180d=people,
        days_since_decision_maker_contact=dm_days, last_csat=csat, last_nps=nps,
        credit_limit=limit, credit_exposure=exposure,
    )
    assert 0 <= result.score <= 100
    assert result.score == max(0, 100 - sum(r.penalty for r in result.reasons))
    assert all(r.code in REASON_CODES and r.penalty > 0 for r in result.reasons)
    penalties = [r.penalty for r in result.reasons]
    assert penalties == sorted(penalties, reverse=True)
    assert score_parts(days, cadence, complaints, revenue, previous, people, dm_days, csat, nps,
                       limit, exposure) == (result.score, result.reasons)
