"""Per-period KPI rules on hand-built counts (issue #12 item 5; docs/kpis.md)."""

from __future__ import annotations

import pytest

from kamdesk.domain.review_kpis import (
    KPI_CODES,
    PeriodCounts,
    change_of,
    check_target,
    definition,
    figure_values,
    review_figures,
)

NOV = PeriodCounts(
    csat_sum=4 + 5 + 2, csat_answers=3,
    nps_promoters=3, nps_passives=1, nps_detractors=1,
    buyers=4, repeat_buyers=3,
    churn_base=20, churned=2,
    new_customers=5,
    ltv_customers=2, ltv_revenue_cents=550_00,
    orders=2, order_revenue_cents=500_00,
    followups_due=4, followups_on_time=3,
    complaints_on_time=3, complaints_late=1, complaints_received=5, complaints_resolved=4,
    invitations=10, attended=7,
    a_customers=8, a_on_cadence=6,
)
OCT = PeriodCounts(buyers=2, repeat_buyers=1, churn_base=20, churned=4, new_customers=4,
                   ltv_customers=2, ltv_revenue_cents=400_00, orders=1,
                   order_revenue_cents=200_00, nps_promoters=1, nps_detractors=1)
SEP = PeriodCounts(orders=2, order_revenue_cents=100_00)


def test_every_formula_on_hand_built_counts():
    v = figure_values(NOV)
    assert v["csat_avg"] == (3.67, 3)
    assert v["nps"] == (40.0, 5)  # (3 − 1) / 5
    assert v["repurchase_rate"] == (75.0, 4)
    assert v["churn_rate"] == (10.0, 20)
    assert v["new_customers"] == (5, None)
    assert v["ltv"] == (275_00, 2)
    assert v["aov"] == (250_00, 2)
    assert v["contact_timeliness"] == (75.0, 4)
    assert v["response_timeliness"] == (75.0, 4)
    assert v["resolution_rate"] == (80.0, 5)
    assert v["participation_rate"] == (70.0, 10)
    assert v["a_on_cadence"] == (75.0, 8)


def test_no_data_is_none_not_zero():
    v = figure_values(PeriodCounts())
    for code in ("csat_avg", "nps", "repurchase_rate", "churn_rate", "ltv", "aov",
                 "contact_timeliness", "response_timeliness", "resolution_rate",
                 "participation_rate", "a_on_cadence"):
        assert v[code][0] is None, code
    assert v["new_customers"] == (0, None)


def test_review_figures_compare_with_the_previous_period_and_the_target():
    figures = review_figures(NOV, OCT, SEP, {"churn_rate": 12.0, "nps": 50.0})
    assert tuple(f.code for f in figures) == KPI_CODES
    by = {f.code: f for f in figures}
    churn = by["churn_rate"]
    assert (churn.value, churn.previous, churn.change) == (10.0, 20.0, -10.0)
    assert churn.target == 12.0 and churn.on_target is True  # lower is better
    assert by["nps"].on_target is False and by["nps"].change == 40.0  # 40 against 0
    aov = by["aov"]
    assert (aov.value, aov.previous, aov.change, aov.change_pct) == (250_00, 200_00, 50_00, 25.0)
    growth = by["aov_growth"]
    assert growth.value == 25.0 and growth.previous == 300.0  # 200 against 50
    assert by["new_customers"].change == 1 and by["new_customers"].change_pct == 25.0
    assert by["csat_avg"].previous is None and by["csat_avg"].change is None
    assert by["csat_avg"].on_target is None


def test_growth_without_the_period_before_the_previous():
    by = {f.code: f for f in review_figures(NOV, OCT)}
    assert by["aov_growth"].previous is None and by["aov_growth"].value == 25.0


def test_change_units():
    assert change_of("percent", 33.3, 30.0) == 3.3
    assert change_of("fen", 100, 250) == -150
    assert change_of("count", None, 3) is None


@pytest.mark.parametrize("code, value, stored", [
    ("churn_rate", 10, 10.0), ("nps", -20, -20.0), ("csat_avg", 4.5, 4.5),
    ("new_customers", 12, 12), ("ltv", 250_000_00, 250_000_00), ("aov_growth", -5, -5.0),
    ("nps", None, None),
])
def test_targets_in_range(code, value, stored):
    assert check_target(code, value) == stored


@pytest.mark.parametrize("code, value, error", [
    ("churn_rate", 101, "out_of_range"), ("nps", -101, "out_of_range"),
    ("csat_avg", 0.5, "out_of_range"), ("new_customers", 1.5, "invalid_choice"),
    ("ltv", -1, "out_of_range"), ("nps", True, "invalid_choice"),
    ("nps", "30", "invalid_choice"), ("nps", float("nan"), "invalid_choice"),
    ("bogus", 1, "unknown_kpi"),
])
def test_targets_out_of_range(code, value, error):
    with pytest.raises(ValueError) as exc:
        check_target(code, value)
    assert exc.value.args[0] == error


def test_definitions_name_both_languages():
    assert definition("churn_rate").better == "lower"
    assert definition("nps").name("zh_CN") == "净推荐值(NPS)"
    assert all(definition(c).name("en") for c in KPI_CODES)
