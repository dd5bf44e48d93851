"""The rules of a complaint (客户问题处理与投诉), kept apart from storage and screens.

首问负责制: whoever receives a complaint owns it until it is explicitly handed over.
The response deadline follows from the severity (one table of defaults below); a
complaint still waiting for its answer turns amber when less than a quarter of its
time is left and red once the deadline has passed. The stored states are
open → responded → resolving → resolved → closed, shown as new → responded →
resolving → resolved → followed up (新建/已响应/处理中/已解决/已回访). Steps may be
skipped forward (a complaint can be resolved straight away) but never taken back.

The hours per severity are defaults: the user sets their own in Settings
(:class:`ResponseHours`, stored with the data).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

#: hours allowed for the first response, by severity (critical 4 h, high 24 h, else 48 h)
RESPONSE_HOURS: Final[dict[str, int]] = {"critical": 4, "high": 24, "medium": 48, "low": 48}

#: each state and the states its actions lead to
NEXT_STATES: Final[dict[str, tuple[str, ...]]] = {
    "open": ("responded", "resolving", "resolved"),
    "responded": ("resolving", "resolved"),
    "resolving": ("resolved",),
    "resolved": ("closed",),
    "closed": (),
}

#: share of the response time left below which a waiting complaint shows amber
NEAR_SHARE: Final = 0.25


#: the longest response time a user may set, in hours (a month)
MAX_RESPONSE_HOURS: Final = 720


@dataclass(frozen=True, slots=True)
class ResponseHours:
    """Hours allowed for the first response: critical, high, and normal (medium, low)."""

    critical: int = RESPONSE_HOURS["critical"]
    high: int = RESPONSE_HOURS["high"]
    normal: int = RESPONSE_HOURS["medium"]

    def problem(self) -> str | None:
        """The field that is out of range (1 … MAX_RESPONSE_HOURS hours), or None."""
        for name in ("critical", "high", "normal"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) \
                    or not 1 <= value <= MAX_RESPONSE_HOURS:
                return name
        return None

    def for_severity(self, severity: str) -> int:
        """Hours for ``severity``; medium, low and unknown ones get the normal time."""
        if severity == "critical":
            return self.critical
        if severity == "high":
            return self.high
        return self.normal

    def to_dict(self) -> dict[str, int]:
        return {"critical": self.critical, "high": self.high, "normal": self.normal}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ResponseHours:
        """From stored settings; anything missing or unusable keeps its default."""
        default = cls()
        values: dict[str, int] = {}
        for name in ("critical", "high", "normal"):
            raw = (data or {}).get(name)
            ok = isinstance(raw, int) and not isinstance(raw, bool) \
                and 1 <= raw <= MAX_RESPONSE_HOURS
            values[name] = raw if ok else getattr(default, name)  # type: ignore[assignment]
        return cls(**values)


def response_deadline(received_at: datetime, severity: str,
                      hours: ResponseHours | None = None) -> datetime:
    """When the first response is due; an unknown severity gets the normal time."""
    return received_at + timedelta(hours=(hours or ResponseHours()).for_severity(severity))


def amber_moment(received_at: datetime, deadline: datetime) -> datetime:
    """When a waiting complaint turns amber (a quarter of its time left)."""
    return deadline - (deadline - received_at) * NEAR_SHARE


def reminder_moment(received_at: datetime, deadline: datetime,
                    notified_at: datetime | None) -> datetime:
    """When a waiting complaint's reminder should ring next: at amber, then again at
    the deadline. Once a reminder was shown at or after a moment, that moment is done;
    a reminder shown after the deadline covers both (no second pop-up)."""
    amber = amber_moment(received_at, deadline)
    if notified_at is None or notified_at < amber:
        return amber
    return deadline


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
