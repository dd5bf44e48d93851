"""How early a key date or a renewal is reminded, read leniently from the settings.

The lead times live in ``app_settings`` under :data:`kamdesk.store.settings.REMINDER_KEY`
as JSON, for example::

    {"days_before": {"birthday": 3, "anniversary": 7, "founding": 7, "custom": 3},
     "default_days_before": 3, "time": "09:00", "horizon_days": 30,
     "anniversary_tiers": ["A"]}

Every field is optional; per-kind numbers may also sit at the top level
(``{"birthday": 5}``). A key date's own ``remind_days_before`` beats the setting.
A hand-edited or older value never stops reminders: what cannot be read is the default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kamdesk.domain.key_dates import DEFAULT_ANNIVERSARY_TIERS, KEY_DATE_KINDS

DEFAULT_DAYS_BEFORE = 3
DEFAULT_HORIZON_DAYS = 30
DEFAULT_REMIND_TIME = dt.time(9, 0)
MAX_DAYS_BEFORE = 366


@dataclass(frozen=True)
class ReminderSettings:
    days_before: Mapping[str, int] = field(default_factory=dict)
    default_days_before: int = DEFAULT_DAYS_BEFORE
    remind_time: dt.time = DEFAULT_REMIND_TIME
    horizon_days: int = DEFAULT_HORIZON_DAYS
    anniversary_tiers: tuple[str, ...] = DEFAULT_ANNIVERSARY_TIERS

    def days_for(self, kind: str, own: int | None = None) -> int:
        """Lead time for one key date: its own setting, else its kind's, else the default."""
        if own is not None and own >= 0:
            return min(int(own), MAX_DAYS_BEFORE)
        return self.days_before.get(kind, self.default_days_before)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ReminderSettings:
        data = data if isinstance(data, Mapping) else {}

        def days(value: object) -> int | None:
            try:
                n = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return None
            return n if 0 <= n <= MAX_DAYS_BEFORE else None

        per_kind: dict[str, int] = {}
        nested = data.get("days_before")
        for kind in (*KEY_DATE_KINDS, "renewal"):
            for source in (data, nested if isinstance(nested, Mapping) else {}):
                n = days(source.get(kind))
                if n is not None:
                    per_kind[kind] = n
        default = days(data.get("default_days_before"))
        if isinstance(nested, int | str) and days(nested) is not None:
            default = days(nested)
        remind_time = DEFAULT_REMIND_TIME
        try:
            remind_time = dt.time.fromisoformat(str(data.get("time", "")))
        except ValueError:
            pass
        horizon = days(data.get("horizon_days")) or DEFAULT_HORIZON_DAYS
        tiers_raw = data.get("anniversary_tiers", DEFAULT_ANNIVERSARY_TIERS)
        tiers = tuple(t for t in (tiers_raw or ()) if t in ("A", "B", "C")) \
            if isinstance(tiers_raw, list | tuple) else DEFAULT_ANNIVERSARY_TIERS
        return cls(per_kind, DEFAULT_DAYS_BEFORE if default is None else default,
                   remind_time.replace(second=0, microsecond=0), horizon, tiers)
