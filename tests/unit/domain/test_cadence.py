"""Next-touch due dates and strategies per tier and activity state."""

from __future__ import annotations

from collections import Counter

from datetime import date, timedelta

import pytest

from kamdesk.domain.cadence import (
    ACTION_KINDS,
    DueTouch,
    action_label,
    cadence_rule,
    due_parts,
    extra_state,
    next_touch,
    strategy_for,
)
from kamdesk.domain.tiering_settings import TieringSettings

TODAY = date(2024, 3, 20)
SETTINGS = TieringSettings()


def touch(
    tier: str, activity: str = "active", last_contact: date | None = None, *,
    executive: date | None = None, satisfaction: date | None = None,
    today: date = TODAY, settings: TieringSettings = SETTINGS,
) -> DueTouch:
    return next_touch(value_tier=tier, activity=activity, last_contact=last_contact, today=today,
                      settings=settings, last_executive_visit=executive,
                      last_satisfaction_check=satisfaction)


def test_a_contact_every_14_days_with_executive_visit_not_yet_due() -> None:
    # Contact due 15 March; the executive visit (10 Jan + 91 days) only on 10 April.
    assert touch("A", last_contact=date(2024, 3, 1), executive=date(2024, 1, 10)) == DueTouch(
        date(2024, 3, 15), 5, "contact"
    )


def test_a_executive_visit_due_before_the_contact_rides_on_it() -> None:
    # Visit due 1 March (1 Dec + 91 days), contact on 24 March: the next touch (24
    # March) is the visit, late by the routine measure, not counted from 1 March (#15).
    assert touch("A", last_contact=date(2024, 3, 10), executive=date(2023, 12, 1)) == DueTouch(
        date(2024, 3, 24), 0, "executive_visit"
    )


def test_a_visit_due_the_same_day_as_the_contact_wins() -> None:
    assert touch("A", last_contact=date(2024, 3, 1), executive=date(2023, 12, 15)) == DueTouch(
        date(2024, 3, 15), 5, "executive_visit"
    )


def test_a_without_any_executive_visit_turns_the_next_contact_into_one() -> None:
    assert touch("A", last_contact=date(2024, 3, 10)) == DueTouch(
        date(2024, 3, 24), 0, "executive_visit"
    )


def test_b_contact_monthly_and_quarterly_satisfaction_check() -> None:
    assert touch("B", last_contact=date(2024, 2, 1), satisfaction=date(2024, 1, 5)) == DueTouch(
        date(2024, 3, 2), 18, "contact"
    )
    assert touch("B", last_contact=date(2024, 3, 1), satisfaction=date(2023, 12, 1)) == DueTouch(
        date(2024, 3, 31), 0, "satisfaction_check"
    )
    # B has no executive visits: that date is ignored.
    assert touch("B", last_contact=date(2024, 3, 1), executive=date(2020, 1, 1),
                 satisfaction=date(2024, 3, 1)).action == "contact"


def test_c_contact_each_quarter_due_today_is_not_overdue() -> None:
    assert touch("C", last_contact=date(2023, 12, 21)) == DueTouch(TODAY, 0, "contact")
    assert touch("C", last_contact=date(2023, 12, 20)) == DueTouch(date(2024, 3, 19), 1, "contact")


def test_never_contacted_is_due_today() -> None:
    assert touch("C") == DueTouch(TODAY, 0, "contact")
    assert touch("A") == DueTouch(TODAY, 0, "executive_visit")


def test_silent_gets_a_win_back_on_the_tier_rhythm() -> None:
    # The method's C002: middle value, silent, last contact 2023-12-20.
    assert touch("B", "silent", date(2023, 12, 20)) == DueTouch(date(2024, 1, 19), 61, "win_back")
    assert touch("A", "silent", date(2024, 1, 1), executive=None).action == "win_back"


def test_churned_gets_a_churn_review() -> None:
    assert touch("C", "churned", date(2023, 6, 1)) == DueTouch(date(2023, 8, 30), 203,
                                                               "churn_review")
    assert touch("C", "churned") == DueTouch(TODAY, 0, "churn_review")


def test_custom_cadence() -> None:
    s = TieringSettings(cadence_a_days=7, executive_visit_days=60)
    assert touch("A", last_contact=date(2024, 3, 15), executive=date(2024, 3, 1),
                 settings=s) == DueTouch(date(2024, 3, 22), 0, "contact")


def test_due_parts_is_next_touch_without_the_object() -> None:
    rule = cadence_rule("A", "active", SETTINGS)
    assert due_parts(rule, date(2024, 3, 10), TODAY, date(2023, 12, 1)) == (
        date(2024, 3, 24), 0, "executive_visit"
    )


def test_an_old_duty_is_not_counted_in_years() -> None:
    # Contacted 37 days ago, last executive visit two and a half years ago: the visit
    # is the next touch, 23 days late (the routine 14), never "905 days overdue".
    today = date(2026, 12, 4)
    got = touch("A", last_contact=today - timedelta(days=37), executive=date(2024, 3, 13),
                today=today)
    assert got == DueTouch(today - timedelta(days=23), 23, "executive_visit")


def test_the_clock_starts_at_the_first_record() -> None:
    # Imported today with a last contact 200 days ago: not late on the day of import.
    rule = cadence_rule("C", "active", SETTINGS)
    due, late, _action = due_parts(rule, TODAY - timedelta(days=200), TODAY, None, TODAY)
    assert (due, late) == (TODAY + timedelta(days=rule.contact_days), 0)
    # A contact after the first record counts from the contact.
    due, late, _ = due_parts(rule, TODAY - timedelta(days=100), TODAY, None,
                             TODAY - timedelta(days=400))
    assert late == 100 - rule.contact_days


def test_an_imported_books_overdue_customers_are_spread_over_the_first_cycle() -> None:
    # 60 A customers imported today, each last contacted 200 days ago: none is late
    # today, and their first touches fall a few a day over the next 14 days instead of
    # all on day 14.
    rule = cadence_rule("A", "active", SETTINGS)
    old = TODAY - timedelta(days=200)
    dues = [due_parts(rule, old, TODAY, TODAY, TODAY, slot=cid)[:2] for cid in range(1, 61)]
    assert all(late == 0 for _due, late in dues)
    days = sorted({(due - TODAY).days for due, _late in dues})
    assert days == list(range(1, 15))
    assert max(Counter((due - TODAY).days for due, _l in dues).values()) <= 5
    # the same customer always gets the same day
    assert due_parts(rule, old, TODAY, TODAY, TODAY, slot=7) == due_parts(
        rule, old, TODAY, TODAY, TODAY, slot=7)
    # a contact 5 days before the import keeps its own due date (9 days after it)
    due, late, _ = due_parts(rule, TODAY - timedelta(days=5), TODAY, TODAY, TODAY, slot=3)
    assert (due, late) == (TODAY + timedelta(days=9), 0)
    # no contact before the first record: a full cycle after it
    due, _late, _ = due_parts(rule, None, TODAY, TODAY, TODAY, slot=3)
    assert due == TODAY + timedelta(days=14)


def test_a_duty_never_done_is_not_yet_done() -> None:
    assert extra_state("executive_visit", None) == "not_yet_done"
    assert extra_state("satisfaction_check", date(2024, 1, 1)) == "done"
    assert extra_state("contact", None) is None


def test_cadence_rules_describe_the_method() -> None:
    a = cadence_rule("A", "active", SETTINGS)
    assert (a.contact_days, a.extra_action, a.extra_days) == (14, "executive_visit", 91)
    assert a.summary("zh_CN") == "每 14 天联系一次，每 91 天高层互访一次，配备专属客户经理"
    b = cadence_rule("B", "active", SETTINGS)
    assert (b.contact_days, b.extra_action) == (30, "satisfaction_check")
    assert "birthday and festival greetings" in b.summary("en")
    c = cadence_rule("C", "active", SETTINGS)
    assert (c.contact_days, c.extra_action, c.summary("en")) == (90, None, "contact every 90 days")
    assert cadence_rule("A", "silent", SETTINGS).action == "win_back"
    assert cadence_rule("B", "churned", SETTINGS).action == "churn_review"


def test_action_labels() -> None:
    assert [action_label(k, "zh_CN") for k in ACTION_KINDS] == [
        "例行联系", "高层互访", "季度满意度调研", "沉默客户回访", "流失原因复盘"
    ]
    assert action_label("win_back", "en") == "Win-back call"


def _keys(tier: str, activity: str) -> list[str]:
    return [p.key for p in strategy_for(tier, activity)]


def test_strategy_per_tier() -> None:
    assert _keys("A", "active") == [
        "exclusive_manager", "executive_visits", "custom_solutions", "value_co_creation",
        "exclusive_rights",
    ]
    assert _keys("B", "active") == [
        "standard_service", "satisfaction_survey", "greetings", "product_tips"
    ]
    assert _keys("C", "active") == ["standard_service", "online_touch"]


def test_strategy_for_silent_and_churned() -> None:
    assert _keys("A", "silent") == ["cause_analysis", "win_back_incentive", "manager_call"] + (
        _keys("A", "active")
    )
    assert _keys("A", "churned") == _keys("C", "churned") == [
        "churn_review", "record_lessons", "win_back_decision"
    ]


def test_strategy_uses_the_methods_vocabulary() -> None:
    zh = " ".join(p.text("zh_CN") for p in strategy_for("A", "active"))
    for term in ("专属客户经理", "高层互访", "价值共创", "专属权益"):
        assert term in zh
    assert "季度满意度调研" in strategy_for("B", "active")[1].zh_CN
    assert "回归激励" in " ".join(p.zh_CN for p in strategy_for("C", "silent"))
    assert strategy_for("C", "churned")[0].text("zh_CN") == "流失原因复盘"
    assert strategy_for("A", "active")[0].text("en").startswith("Exclusive account manager")


def test_strategy_refuses_unknown_tier() -> None:
    with pytest.raises(ValueError):
        strategy_for("D", "active")
