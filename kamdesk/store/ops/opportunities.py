"""Writing the new-customer pipeline: create and edit deals, move them between stages.

Every stage move is recorded (``opportunity_stage_changes``) with its date, so a manager
can see how long a deal sat in each stage; winning a deal makes a prospect an active
customer (``customers``). A deal's stage target date is a reminder task (``tasks``,
kept in step on every write here: :func:`kamdesk.store.ops.key_date_reminders.
sync_stage_target_tasks`). Moving a deal to lost records why (``lost_reason``). The
Changes each function returns say exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kamdesk.domain.pipeline import DEFAULT_PROBABILITY, STAGES
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Opportunity, OpportunityStageChange
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.key_date_reminders import sync_stage_target_tasks
from kamdesk.store.ops.versions import check_loaded, stale_guard

EDITABLE = ("title", "owner", "stage_target_date", "expected_value_cents", "probability",
            "notes", "lost_reason")


@dataclass(frozen=True)
class StageMove:
    """What a stage move did: ``activated_customer`` when a win made a prospect active."""

    opportunity_id: int
    from_stage: str
    to_stage: str
    activated_customer: int | None = None


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in fields.items():
        if key not in EDITABLE:
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


def _record_move(session: Session, opportunity_id: int, from_stage: str | None, to_stage: str,
                 now: datetime, note: str | None = None) -> Changes:
    change = OpportunityStageChange(opportunity_id=opportunity_id, from_stage=from_stage,
                                    to_stage=to_stage, changed_at=now, note=note)
    session.add(change)
    session.flush()
    return Changes.of("opportunity_stage_changes", change.id)


def create_opportunity(session: Session, customer_id: int, now: datetime, stage: str = "lead",
                       **fields: Any) -> Changes:
    """A new deal, its entry into ``stage`` recorded; ``value`` is the new id."""
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
    history = _record_move(session, opp.id, None, stage, now)
    reminder = sync_stage_target_tasks(session, now, opp.id)
    return (Changes.of("opportunities", opp.id) | history | reminder).with_value(opp.id)


def update_opportunity(session: Session, opportunity_id: int, now: datetime | None = None,
                       *, expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit a deal's title, owner, value, probability, target date, notes or lost reason
    (its target-date reminder follows). With ``expected_version``, a deal saved by
    someone else since raises :class:`ConflictError`."""
    opp = session.get(Opportunity, opportunity_id)
    if opp is None:
        raise ValidationError("opportunity", "required")
    mine = _clean(fields)
    check_loaded(opp, expected_version, mine)
    with stale_guard(session, Opportunity, opportunity_id, expected_version, mine):
        for key, value in mine.items():
            setattr(opp, key, value)
        session.flush()
    reminder = sync_stage_target_tasks(session, now or datetime.now(), opp.id)
    return (Changes.of("opportunities", opp.id) | reminder).with_value(opp.id)


def move_stage(session: Session, opportunity_id: int, stage: str, now: datetime,
               note: str | None = None, lost_reason: str | None = None) -> Changes:
    """Move a deal to ``stage`` (recorded with ``now``); ``value`` is a :class:`StageMove`.

    The probability follows the stage. Winning makes a prospect customer active, from
    ``now`` if no cooperation start was known. Moving to lost stores ``lost_reason``
    (when given). The deal's target-date reminder follows the stage (a closed deal has
    none). Moving to the same stage writes nothing.
    """
    if stage not in STAGES:
        raise ValidationError("stage", "invalid_choice")
    opp = session.get(Opportunity, opportunity_id)
    if opp is None:
        raise ValidationError("opportunity", "required")
    if opp.stage == stage:
        return Changes().with_value(StageMove(opp.id, stage, stage))
    from_stage = opp.stage
    changes = _record_move(session, opp.id, from_stage, stage, now, note)
    opp.stage = stage
    opp.probability = DEFAULT_PROBABILITY[stage]
    if stage == "lost" and lost_reason is not None:
        opp.lost_reason = lost_reason.strip() or None
    changes = changes.also("opportunities", opp.id)
    activated = None
    if stage == "won":
        customer = session.get(Customer, opp.customer_id)
        if customer is not None and customer.status == "prospect":
            customer.status = "active"
            if customer.cooperation_start is None:
                customer.cooperation_start = now.date()
            activated = customer.id
            changes = changes.also("customers", customer.id)
    session.flush()
    changes = changes | sync_stage_target_tasks(session, now, opp.id)
    return changes.with_value(StageMove(opp.id, from_stage, stage, activated))
