"""The new-customer pipeline: 初步接触 → 方案演示 → 试用体验 → 合同签订.

Every stage move is recorded with its date, so a manager can see how long a deal
sat in each stage; winning a deal makes a prospect an active customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Opportunity, OpportunityStageChange
from kamdesk.store.models.opportunity import STAGES

OPEN_STAGES = ("lead", "first_contact", "demo", "trial")
DEFAULT_PROBABILITY = {"lead": 10, "first_contact": 20, "demo": 40, "trial": 60, "won": 100,
                       "lost": 0}


@dataclass(frozen=True, slots=True)
class PipelineCard:
    id: int
    customer_id: int
    customer_name: str
    title: str
    stage: str
    owner: str | None
    stage_target_date: date | None
    expected_value_cents: int | None
    probability: int
    days_in_stage: int


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in fields.items():
        if key not in ("title", "owner", "stage_target_date", "expected_value_cents",
                       "probability", "notes", "lost_reason"):
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    if "title" in out and not out["title"]:
        raise ValidationError("title", "required")
    p = out.get("probability")
    if p is not None and not 0 <= int(p) <= 100:
        raise ValidationError("probability", "out_of_range")
    v = out.get("expected_value_cents")
    if v is not None and v < 0:
        raise ValidationError("expected_value_cents", "out_of_range")
    return out


def create_opportunity(session: Session, customer_id: int, now: datetime, stage: str = "lead",
                       **fields: Any) -> Opportunity:
    if session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    if stage not in STAGES:
        raise ValidationError("stage", "invalid_choice")
    data = _clean(fields)
    if not data.get("title"):
        raise ValidationError("title", "required")
    data.setdefault("probability", DEFAULT_PROBABILITY[stage])
    opp = Opportunity(customer_id=customer_id, stage=stage, **data)
    session.add(opp)
    session.flush()
    session.add(OpportunityStageChange(opportunity_id=opp.id, from_stage=None, to_stage=stage,
                                       changed_at=now))
    session.flush()
    return opp


def update_opportunity(session: Session, opportunity_id: int, **fields: Any) -> Opportunity:
    opp = session.get(Opportunity, opportunity_id)
    if opp is None:
        raise ValidationError("opportunity", "required")
    for key, value in _clean(fields).items():
        setattr(opp, key, value)
    session.flush()
    return opp


def move_stage(session: Session, opportunity_id: int, stage: str, now: datetime,
               note: str | None = None) -> Opportunity:
    if stage not in STAGES:
        raise ValidationError("stage", "invalid_choice")
    opp = session.get(Opportunity, opportunity_id)
    if opp is None:
        raise ValidationError("opportunity", "required")
    if opp.stage == stage:
        return opp
    session.add(OpportunityStageChange(opportunity_id=opp.id, from_stage=opp.stage, to_stage=stage,
                                       changed_at=now, note=note))
    opp.stage = stage
    opp.probability = DEFAULT_PROBABILITY[stage]
    if stage == "won":
        customer = session.get(Customer, opp.customer_id)
        if customer is not None and customer.status == "prospect":
            customer.status = "active"
            if customer.cooperation_start is None:
                customer.cooperation_start = now.date()
    session.flush()
    return opp


def next_stage(stage: str) -> str | None:
    order = list(OPEN_STAGES) + ["won"]
    return order[order.index(stage) + 1] if stage in OPEN_STAGES else None


def pipeline_cards(conn: Connection, today: date, owner: str | None = None,
                   include_closed_days: int = 90) -> list[PipelineCard]:
    """Open deals, plus deals won or lost in the last ``include_closed_days``."""
    params: dict[str, object] = {"closed_after": (today.toordinal() - include_closed_days)}
    where = ""
    if owner:
        where = " AND o.owner = :owner"
        params["owner"] = owner
    rows = conn.execute(text(
        "SELECT o.id, o.customer_id, c.name, o.title, o.stage, o.owner, o.stage_target_date, "
        "o.expected_value_cents, o.probability, "
        " (SELECT max(changed_at) FROM opportunity_stage_changes s WHERE s.opportunity_id = o.id)"
        " FROM opportunities o JOIN customers c ON c.id = o.customer_id "
        f"WHERE c.status != 'archived'{where} ORDER BY o.stage_target_date IS NULL, "
        "o.stage_target_date, o.id"), params)
    out = []
    for r in rows:
        since = datetime.fromisoformat(str(r[9])).date() if r[9] else today
        days = (today - since).days
        if r[4] in ("won", "lost") and days > include_closed_days:
            continue
        out.append(PipelineCard(r[0], r[1], r[2], r[3], r[4], r[5],
                                date.fromisoformat(str(r[6])) if r[6] else None,
                                r[7], int(r[8]), days))
    return out
