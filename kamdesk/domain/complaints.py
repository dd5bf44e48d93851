"""The rules of a complaint (客户问题处理与投诉), kept apart from storage and screens.

首问负责制: whoever receives a complaint owns it until it is explicitly handed over.
The response deadline follows from the severity (one table of defaults below); a
complaint still waiting for its answer turns amber when less than a quarter of its
time is left and red once the deadline has passed. The stored states are
open → responded → resolved → closed, shown as new → responded → resolved → followed
up (新建/已响应/已解决/已回访); "resolving" is not a separate stored state.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

#: hours allowed for the first response, by severity (critical 4 h, high 24 h, else 48 h)
RESPONSE_HOURS: Final[dict[str, int]] = {"critical": 4, "high": 24, "medium": 48, "low": 48}

#: each state and the states its actions lead to
NEXT_STATES: Final[dict[str, tuple[str, ...]]] = {
    "open": ("responded", "resolved"),
    "responded": ("resolved",),
    "resolved": ("closed",),
    "closed": (),
}

#: share of the response time left below which a waiting complaint shows amber
NEAR_SHARE: Final = 0.25


def response_deadline(received_at: datetime, severity: str) -> datetime:
    """When the first response is due; an unknown severity gets the longest time."""
    hours = RESPONSE_HOURS.get(severity, max(RESPONSE_HOURS.values()))
    return received_at + timedelta(hours=hours)


def can_move(status: str, to_status: str) -> bool:
    return to_status in NEXT_STATES.get(status, ())


def is_waiting(status: str) -> bool:
    """Still waiting for its first response (the deadline only binds then)."""
    return status == "open"


def deadline_level(status: str, received_at: datetime | None, deadline: datetime | None,
                   now: datetime) -> str | None:
    """'red' when the response deadline has passed, 'amber' when less than 25 % of the
    time is left, None otherwise (answered, or no deadline)."""
    if not is_waiting(status) or deadline is None:
        return None
    if now >= deadline:
        return "red"
    if received_at is None or deadline <= received_at:
        return None
    left = (deadline - now) / (deadline - received_at)
    return "amber" if left < NEAR_SHARE else None


LEVEL_COLOURS: Final[dict[str, str]] = {"red": "#c62828", "amber": "#ef6c00"}
