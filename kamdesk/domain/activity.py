"""Activity state (活跃度): active 活跃, silent 沉默, churned 流失.

The method: active = recent interaction or trade; silent = "3–6 months without
interaction"; churned = "6+ months without a trade". Read literally, a gap of exactly 3
months is already "3 months without", and the method's own table agrees: C002 (last
interaction 2023-12-20) is listed as silent, which on 2024-03-20 — exactly three months
later — only holds if the boundary day is no longer active. So a gap of *exactly* N
months counts as "N months without", for both cut-offs:

- active:  the latest of last interaction, last trade and cooperation start is *after*
  ``add_months(today, -active_months)`` (2024-03-20 → after 2023-12-20);
- churned: not active, and the last trade is on or before
  ``add_months(today, -churn_months)``; a customer that never traded is churned when its
  cooperation started on or before that day (no trade in 6+ months of cooperation);
- silent:  everything else, including a never-traded customer with no known
  cooperation start (we cannot tell how long it has gone without buying).

Cooperation start counts as a touch so that a customer signed last week is active (and
gets a "contact" task) rather than silent with a win-back task; that is why no separate
"new" state is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from kamdesk.domain import vocab
from kamdesk.domain.calendar_math import add_months
from kamdesk.domain.tiering_settings import Lang, TieringSettings

__all__ = [
    "ACTIVITIES",
    "Activity",
    "ActivityCutoffs",
    "activity_cutoffs",
    "activity_label",
    "activity_state",
    "classify",
]

Activity = Literal["active", "silent", "churned"]
ACTIVITIES: Final[tuple[Activity, ...]] = ("active", "silent", "churned")



def activity_label(activity: str, lang: Lang) -> str:
    """The state's word (活跃/沉默/流失) from the one vocabulary."""
    return vocab.label("activity", activity, lang)


@dataclass(frozen=True, slots=True)
class ActivityCutoffs:
    """The two dates the rules compare against, computed once per evaluation day."""

    active_after: date
    churn_on_or_before: date


def activity_cutoffs(today: date, settings: TieringSettings) -> ActivityCutoffs:
    return ActivityCutoffs(
        active_after=add_months(today, -settings.active_months),
        churn_on_or_before=add_months(today, -settings.churn_months),
    )


def classify(
    last_interaction: date | None,
    last_trade: date | None,
    cooperation_start: date | None,
    cutoffs: ActivityCutoffs,
) -> Activity:
    """The state against precomputed cut-offs; the bulk recompute calls this per customer."""
    active_after = cutoffs.active_after
    if (
        (last_interaction is not None and last_interaction > active_after)
        or (last_trade is not None and last_trade > active_after)
        or (cooperation_start is not None and cooperation_start > active_after)
    ):
        return "active"
    evidence = last_trade if last_trade is not None else cooperation_start
    if evidence is not None and evidence <= cutoffs.churn_on_or_before:
        return "churned"
    return "silent"


def activity_state(
    *,
    last_interaction: date | None,
    last_trade: date | None,
    cooperation_start: date | None,
    today: date,
    settings: TieringSettings,
) -> Activity:
    return classify(last_interaction, last_trade, cooperation_start,
                    activity_cutoffs(today, settings))
