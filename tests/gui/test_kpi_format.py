"""How a review KPI's value, change and target read on a tile, per unit."""

from __future__ import annotations

from kamdesk.ui.reports.kpi_format import (
    change_text,
    is_improvement,
    target_input_text,
    value_text,
)


def test_values_per_unit_and_no_data():
    assert value_text("percent", 42.04, "en") == "42.0%"
    assert value_text("percent_change", -3.25, "en") == "-3.2%"
    assert value_text("score", 20, "en") == "+20" and value_text("score", 0, "en") == "0"
    assert value_text("score_1_5", 4.5, "en") == "4.50"
    assert value_text("count", 1234, "en") == "1,234"
    assert value_text("fen", 2_113_500, "en") == "¥21,135"
    assert value_text("fen", 25_327_100, "zh_CN") == "25.3万"
    for unit in ("percent", "score", "count", "fen"):
        assert value_text(unit, None, "en") == ""  # no data is never 0


def test_changes_in_the_kpis_own_unit():
    assert change_text("percent", 2.5, "en") == "+2.5 pts"
    assert change_text("percent", -1.0, "zh_CN") == "-1.0个百分点"
    assert change_text("fen", -468_500, "en") == "−¥4,685"
    assert change_text("count", 3, "en") == "+3"
    assert change_text("score", None, "en") == ""
    assert is_improvement("higher", 2) is True
    assert is_improvement("lower", 2) is False  # churn going up
    assert is_improvement("lower", -1) is True
    assert is_improvement("higher", 0) is None and is_improvement("higher", None) is None


def test_targets_as_typed():
    assert target_input_text("fen", 150_000) == "1500"
    assert target_input_text("fen", 150_050) == "1500.50"
    assert target_input_text("percent", 90.0) == "90"
    assert target_input_text("count", 5) == "5"
    assert target_input_text("score", None) == ""
