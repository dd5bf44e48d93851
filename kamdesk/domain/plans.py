"""An account plan (客户经营计划) as plain values: the facts it starts from, its rows.

These are the shapes every layer hands around — the store's queries fill them, the
plan's prose (:mod:`kamdesk.domain.plan_text`) is written from them, the editor and
the PDF show them, the operations save them — so they live here, below all of them,
with the method's thresholds that decide what counts as a gap in coverage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from kamdesk.domain.health import NEVER_CONTACTED_DAYS, HealthReason

__all__ = [
    "DECISION_MAKER_GAP_DAYS", "EDITABLE_FIELDS", "INFLUENCE",
    "KEY_PERSON_GAP_DAYS",
    "KEY_ROLES", "NEVER_DAYS", "OBJECTIVE_STATUSES", "OTHER_PERSON_GAP_DAYS", "PLAN_STATUSES",
    "RENEWAL_HORIZON_DAYS", "ROLE_ORDER", "ActionItem", "ObjectiveItem", "PlanDetail",
    "PlanFacts", "RiskItem", "Stakeholder", "decode_reasons",
]

PLAN_STATUSES = ("draft", "final")
OBJECTIVE_STATUSES = ("open", "on_track", "at_risk", "achieved", "missed")
#: the plan's own texts (and owner, status) that the editor saves; the period is the
#: plan's identity and is never edited (copy to a new period instead)
EDITABLE_FIELDS = (
    "owner", "status", "situation_summary", "strengths", "weaknesses", "swot_opportunities",
    "threats", "strategies", "opportunities", "resources_needed", "stakeholder_notes",
)
DECISION_MAKER_GAP_DAYS = 60  # the health score's threshold for a decision maker
KEY_PERSON_GAP_DAYS = 120
OTHER_PERSON_GAP_DAYS = 180
RENEWAL_HORIZON_DAYS = 180
NEVER_DAYS = NEVER_CONTACTED_DAYS  # "known decision maker, never contacted" (domain.health)
KEY_ROLES = ("decision_maker", "economic_buyer", "influencer", "technical_evaluator")
ROLE_ORDER = ("decision_maker", "economic_buyer", "influencer", "technical_evaluator",
              "coach", "user", "gatekeeper")
#: a person's weight in the decision, from their place in the decision chain
INFLUENCE = {"decision_maker": "high", "economic_buyer": "high", "influencer": "medium",
             "technical_evaluator": "medium", "coach": "medium", "user": "low",
             "gatekeeper": "low"}


def decode_reasons(raw: str | None) -> tuple[HealthReason, ...]:
    """Stored health reasons; damaged JSON gives none rather than breaking a plan."""
    if not raw:
        return ()
    try:
        return tuple(HealthReason(str(it["code"]), int(it.get("penalty", 0)),
                                  dict(it.get("params") or {})) for it in json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()


@dataclass(frozen=True)
class PlanFacts:
    """What the data says about a customer, gathered once for a plan or a brief."""

    customer_id: int
    code: str
    name: str
    owner: str | None
    industry: str | None
    status: str
    potential: str
    cooperation_start: date | None
    explicit_needs: str | None
    latent_needs: str | None
    credit_limit: int | None
    share_of_wallet_pct: float | None
    value_tier: str
    activity: str
    health: int
    health_reasons: tuple[HealthReason, ...]
    revenue_12m: int
    revenue_prev_12m: int
    orders_12m: int
    last_trade_on: date | None
    last_interaction: date | None
    interactions_12m: int
    open_complaints: int
    overdue_complaints: int
    last_nps: int | None
    last_csat: float | None
    credit_exposure: int
    contracts: tuple[tuple[str, str, date | None, str], ...]  # number, title, end_on, status
    open_opportunities: tuple[tuple[str, str, int | None], ...]  # title, stage, value

    @property
    def revenue_trend_pct(self) -> float | None:
        if self.revenue_prev_12m <= 0:
            return None
        return round((self.revenue_12m - self.revenue_prev_12m) * 100 / self.revenue_prev_12m, 1)


@dataclass(frozen=True)
class Stakeholder:
    person_id: int
    name: str
    title: str
    decision_role: str | None
    attitude: str
    influence: str  # 'high' | 'medium' | 'low', from the place in the decision chain
    strength: int  # 1–5
    last_contact: date | None
    gap: str | None


@dataclass(frozen=True)
class ObjectiveItem:
    id: int | None
    metric: str
    baseline: str = ""
    target: str = ""
    due: date | None = None
    status: str = "open"


@dataclass(frozen=True)
class ActionItem:
    id: int | None
    action: str
    owner: str = ""
    due: date | None = None
    status: str = "open"
    task_id: int | None = None
    task_done: bool = False


@dataclass(frozen=True)
class RiskItem:
    id: int | None
    risk: str
    kind: str = "other"
    level: str = "medium"
    mitigation: str = ""


@dataclass(frozen=True)
class PlanDetail:
    """One plan with its rows (``id`` 0: a draft written from the data, not stored)."""

    id: int
    customer_id: int
    period: str
    owner: str
    status: str
    situation_summary: str
    strengths: str
    weaknesses: str
    swot_opportunities: str
    threats: str
    strategies: str
    opportunities: str
    resources_needed: str
    stakeholder_notes: str
    updated_at: datetime | None
    objectives: tuple[ObjectiveItem, ...] = field(default=())
    actions: tuple[ActionItem, ...] = field(default=())
    risks: tuple[RiskItem, ...] = field(default=())
    #: what the editor's save names as the version it read (the plan and its rows)
    version: int = field(default=1, compare=False)

    def fields(self) -> dict[str, str]:
        return {f: getattr(self, f) for f in EDITABLE_FIELDS}
