"""Complaint rules: the response deadline by severity and the amber/red level."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kamdesk.domain.complaints import (
    RESPONSE_HOURS, ResponseHours, amber_moment, can_move, deadline_level, response_deadline,
)

T0 = datetime(2026, 11, 23, 9)


@pytest.mark.parametrize(("severity", "hours"), [
    ("critical", 4), ("high", 24), ("medium", 48), ("low", 48), ("unknown", 48)])
def test_deadline_follows_severity(severity, hours):
    assert response_deadline(T0, severity) == T0 + timedelta(hours=hours)


def test_defaults_live_in_one_table():
    assert RESPONSE_HOURS == {"critical": 4, "high": 24, "medium": 48, "low": 48}


def test_level_amber_under_a_quarter_left_red_when_past():
    deadline = T0 + timedelta(hours=24)
    assert deadline_level("open", T0, deadline, T0 + timedelta(hours=17)) is None
    assert deadline_level("open", T0, deadline, T0 + timedelta(hours=18, minutes=1)) == "amber"
    assert deadline_level("open", T0, deadline, deadline) == "red"
    assert deadline_level("open", T0, deadline, deadline + timedelta(days=3)) == "red"


def test_answered_complaints_have_no_level():
    deadline = T0 + timedelta(hours=4)
    for status in ("responded", "resolved", "closed"):
        assert deadline_level(status, T0, deadline, deadline + timedelta(days=1)) is None
    assert deadline_level("open", T0, None, T0) is None


def test_state_moves():
    assert can_move("open", "responded") and can_move("open", "resolved")
    assert can_move("responded", "resolved") and can_move("resolved", "closed")
    assert not can_move("open", "closed") and not can_move("closed", "open")


def test_resolving_sits_between_responded_and_resolved():
    assert can_move("responded", "resolving") and can_move("open", "resolving")
    assert can_move("resolving", "resolved")
    assert not can_move("resolving", "responded") and not can_move("resolved", "resolving")
    assert deadline_level("resolving", T0, T0 + timedelta(hours=4), T0 + timedelta(days=1)) is None


def test_response_hours_from_settings():
    hours = ResponseHours(critical=2, high=8, normal=30)
    assert response_deadline(T0, "critical", hours) == T0 + timedelta(hours=2)
    assert response_deadline(T0, "high", hours) == T0 + timedelta(hours=8)
    assert response_deadline(T0, "low", hours) == T0 + timedelta(hours=30)
    assert ResponseHours.from_dict({"critical": 0, "high": "x", "normal": 12}) == \
        ResponseHours(critical=4, high=24, normal=12)
    assert ResponseHours(critical=0).problem() == "critical"
    assert ResponseHours().problem() is None
    assert amber_moment(T0, T0 + timedelta(hours=24)) == T0 + timedelta(hours=18)
