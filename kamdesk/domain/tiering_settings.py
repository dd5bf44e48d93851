"""The knobs of the tiering method, persisted by the app as JSON.

Defaults are the method's own numbers (top 20 % / middle 60 %, silent after 3 months,
churned after 6, contact every 14/30/90 days). They live in one frozen object so a
recompute is a pure function of (facts, settings, today) and can be re-run or compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Final, Literal

__all__ = ["LANGS", "TIERING_METHODS", "TIER_SOURCES", "Lang", "TieringMethod",
           "TieringSettings"]

# Every tiering module produces bilingual labels; the language tag is shared here because
# all of them already depend on the settings.
Lang = Literal["en", "zh_CN"]
LANGS: Final[tuple[Lang, ...]] = ("en", "zh_CN")

TieringMethod = Literal["share", "cumulative"]
TIERING_METHODS: Final[tuple[TieringMethod, ...]] = ("share", "cumulative")
#: Whose classification is in effect for a customer that does not choose
#: (``customers.tier_source`` NULL): the user's stated 客户类型, or the computed one.
TIER_SOURCES: Final[tuple[str, ...]] = ("stated", "computed")

_FORMAT_VERSION: Final = 1


@dataclass(frozen=True, slots=True)
class TieringSettings:
    """Thresholds for value tiers, activity states and the maintenance cadence.

    ``method='share'`` ranks customers and cuts by head-count (top 20 % are A);
    ``method='cumulative'`` is classic ABC analysis by revenue (the customers making the
    first 80 % of revenue are A, the next 15 % B, the rest C). The shares of the method
    not in use are kept so switching back and forth loses nothing.
    """

    window_months: int = 12
    method: TieringMethod = "share"
    top_share: float = 0.20
    middle_share: float = 0.60
    cumulative_a_share: float = 0.80
    cumulative_b_share: float = 0.15
    active_months: int = 3
    churn_months: int = 6
    cadence_a_days: int = 14
    cadence_b_days: int = 30
    cadence_c_days: int = 90
    executive_visit_days: int = 91
    satisfaction_check_days: int = 91
    #: The book's default (docs/tiering.md): "stated" — a classification the user typed
    #: (表1's 客户类型) stays in effect until they switch it; customers without one are
    #: computed either way.
    tier_source: str = "stated"

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError("invalid tiering settings: " + "; ".join(problems))

    def cadence_days(self, value_tier: str) -> int:
        """Days between routine contacts for a value tier ('A', 'B' or 'C')."""
        if value_tier == "A":
            return self.cadence_a_days
        if value_tier == "B":
            return self.cadence_b_days
        if value_tier == "C":
            return self.cadence_c_days
        raise ValueError(f"unknown value tier {value_tier!r}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; carries a format number so a later layout can be read back."""
        data: dict[str, Any] = {"format": _FORMAT_VERSION}
        for f in fields(self):
            data[f.name] = getattr(self, f.name)
        return data

    @classmethod
    def from_dict(cls, data: object) -> TieringSettings:
        """Read settings saved by any version, never failing at start-up.

        A settings file may come from an older or newer app or be edited by hand, so
        unknown keys are ignored, missing or unusable values take the default, and a
        group of values that contradict each other (e.g. shares adding up past 100 %)
        falls back to the defaults of that group only, keeping the user's other choices.
        """
        defaults = cls()
        if not isinstance(data, dict):
            return defaults
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = _coerce(data[f.name], getattr(defaults, f.name))
            if value is not None:
                values[f.name] = value
        for group in _GROUPS:
            trial = {name: values.get(name, getattr(defaults, name)) for name in group}
            if _group_problems(trial):
                for name in group:
                    values.pop(name, None)
        return cls(**values)


# Fields checked together: each group must be consistent on its own, so from_dict can
# drop just the offending group.
_GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("window_months",),
    ("method",),
    ("top_share", "middle_share"),
    ("cumulative_a_share", "cumulative_b_share"),
    ("active_months", "churn_months"),
    ("cadence_a_days",),
    ("cadence_b_days",),
    ("cadence_c_days",),
    ("executive_visit_days",),
    ("satisfaction_check_days",),
    ("tier_source",),
)


def _coerce(raw: object, default: object) -> object | None:
    """The value converted to the default's type, or None when it cannot be used."""
    if isinstance(raw, bool):
        # JSON true/false must not pass as 1/0 months or a 100 % share.
        return None
    if isinstance(default, bool):
        return None
    if isinstance(default, int):
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        return None
    if isinstance(default, float):
        if isinstance(raw, (int, float)) and math.isfinite(raw):
            return float(raw)
        return None
    if isinstance(default, str):
        return raw if isinstance(raw, str) else None
    return None


def _group_problems(values: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for name in ("window_months", "active_months", "churn_months", "cadence_a_days",
                 "cadence_b_days", "cadence_c_days", "executive_visit_days",
                 "satisfaction_check_days"):
        if name in values and not (isinstance(values[name], int) and values[name] >= 1):
            problems.append(f"{name} must be a whole number >= 1")
    for name in ("top_share", "middle_share", "cumulative_a_share", "cumulative_b_share"):
        if name in values and not 0.0 <= values[name] <= 1.0:
            problems.append(f"{name} must be between 0 and 1")
    if "tier_source" in values and values["tier_source"] not in TIER_SOURCES:
        problems.append(f"tier_source must be one of {TIER_SOURCES}")
    if "method" in values and values["method"] not in TIERING_METHODS:
        problems.append(f"method must be one of {TIERING_METHODS}")
    if ("top_share" in values and "middle_share" in values
            and values["top_share"] + values["middle_share"] > 1.0 + 1e-9):
        problems.append("top_share + middle_share must not exceed 1")
    if ("cumulative_a_share" in values and "cumulative_b_share" in values
            and values["cumulative_a_share"] + values["cumulative_b_share"] > 1.0 + 1e-9):
        problems.append("cumulative_a_share + cumulative_b_share must not exceed 1")
    if ("active_months" in values and "churn_months" in values
            and not values["active_months"] < values["churn_months"]):
        problems.append("active_months must be shorter than churn_months")
    return problems


def _problems(settings: TieringSettings) -> list[str]:
    values = {f.name: getattr(settings, f.name) for f in fields(settings)}
    return _group_problems(values)
