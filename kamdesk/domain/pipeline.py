"""The rules of the new-customer pipeline (初步接触 → 方案演示 → 试用体验 → 合同签订).

Which stages are still open, the order a deal advances in, the win probability a
stage implies, and how deals fare per stage (conversion to the next stage, days spent
in it: :func:`stage_figures`, defined in docs/kpis.md). Pure, so the board, the
operations and reports agree without SQL or Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

#: every stage a deal can be in, in board order (the database checks the same list)
STAGES: Final = ("lead", "first_contact", "demo", "trial", "won", "lost")
#: stages of a deal still being worked on
OPEN_STAGES: Final = ("lead", "first_contact", "demo", "trial")
#: the probability a deal takes when it enters a stage
DEFAULT_PROBABILITY: Final = {"lead": 10, "first_contact": 20, "demo": 40, "trial": 60,
                              "won": 100, "lost": 0}


def next_stage(stage: str) -> str | None:
    """The stage a deal advances to, or None when it is closed (won or lost)."""
    order = [*OPEN_STAGES, "won"]
    return order[order.index(stage) + 1] if stage in OPEN_STAGES else None


# -- conversion and time per stage (issue #12 item 4) ------------------------------------
#: the order a deal advances in; lost is not a step forward
ADVANCE_ORDER: Final = (*OPEN_STAGES, "won")


@dataclass(frozen=True, slots=True)
class StageChange:
    """One row of a deal's stage history: it entered ``to_stage`` at ``changed_at``."""

    opportunity_id: int
    to_stage: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class StageFigures:
    """How deals fared in one open stage.

    ``reached``: deals that ever entered the stage; ``advanced``: of those, deals that
    afterwards entered a later stage (the next one or beyond — skipping counts, lost
    does not); ``conversion`` = advanced / reached (None when none reached it).
    ``stays``: times a deal entered the stage and later left it (for any stage, lost
    included); ``average_days``: their mean length in days (None without a stay).
    A deal still sitting in the stage counts in ``reached`` but not in ``stays``.
    """

    stage: str
    reached: int
    advanced: int
    stays: int
    total_days: float

    @property
    def conversion(self) -> float | None:
        return self.advanced / self.reached if self.reached else None

    @property
    def average_days(self) -> float | None:
        return self.total_days / self.stays if self.stays else None


def stage_figures(history: Iterable[StageChange]) -> dict[str, StageFigures]:
    """Conversion to the next stage and average days in the stage, for every open
    stage, from the deals' stage histories (any order; ties keep their given order)."""
    by_deal: dict[int, list[StageChange]] = {}
    for change in history:
        by_deal.setdefault(change.opportunity_id, []).append(change)
    reached = dict.fromkeys(OPEN_STAGES, 0)
    advanced = dict.fromkeys(OPEN_STAGES, 0)
    stays = dict.fromkeys(OPEN_STAGES, 0)
    days = dict.fromkeys(OPEN_STAGES, 0.0)
    for changes in by_deal.values():
        changes.sort(key=lambda c: c.changed_at)  # stable: ties keep the given order
        for i, change in enumerate(changes):
            stage = change.to_stage
            if stage not in OPEN_STAGES:
                continue
            if i + 1 < len(changes):
                stays[stage] += 1
                days[stage] += (changes[i + 1].changed_at - change.changed_at).total_seconds() \
                    / 86400
        for stage in OPEN_STAGES:
            entries = [i for i, c in enumerate(changes) if c.to_stage == stage]
            if not entries:
                continue
            reached[stage] += 1
            rank = ADVANCE_ORDER.index(stage)
            later = changes[entries[0] + 1:]
            if any(c.to_stage in ADVANCE_ORDER and ADVANCE_ORDER.index(c.to_stage) > rank
                   for c in later):
                advanced[stage] += 1
    return {s: StageFigures(s, reached[s], advanced[s], stays[s], days[s]) for s in OPEN_STAGES}
