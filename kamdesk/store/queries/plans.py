"""Reading account plans: the plan list, one plan's periods, one plan with its rows,
and the draft a new period would start from (customers are picked through
:mod:`kamdesk.store.queries.customers`).

Plain values out (:mod:`kamdesk.domain.plans`), for the editor, the Reports screen,
the PDF, the batch export and the CLI. Plans of a customer are ordered by period,
latest first (:func:`kamdesk.domain.plan_periods.period_key`), not by id: a plan for
an earlier period may be written later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, case, func, select

from kamdesk.domain.plan_periods import PeriodError, parse_period, period_key
from kamdesk.domain.plan_text import draft_plan
from kamdesk.domain.plans import (
    ActionItem,
    ObjectiveItem,
    PlanDetail,
    PlanFacts,
    RiskItem,
    Stakeholder,
)
from kamdesk.store.dialect import ci_like
from kamdesk.store.models import (
    AccountPlan,
    Customer,
    CustomerMetrics,
    PlanAction,
    PlanObjective,
    PlanRisk,
    Task,
)
from kamdesk.store.models.plan import ACTION_STATUSES, LEVELS, RISK_KINDS
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders

__all__ = [
    "ACTION_STATUSES", "LEVELS", "RISK_KINDS", "PlanRow", "PlanScreen", "draft_detail",
    "latest_plan_id", "list_plans", "plan_detail", "plan_periods", "plan_screen",
]

_c = Customer.__table__.c
_m = CustomerMetrics.__table__.c
_ap = AccountPlan.__table__.c
_po = PlanObjective.__table__.c
_pa = PlanAction.__table__.c
_pr = PlanRisk.__table__.c
_task = Task.__table__.c


def _period_order(period: str) -> tuple[date, date]:
    """(end, start) of a period; a damaged period sorts as the earliest."""
    try:
        return period_key(period)
    except PeriodError:
        return date.min, date.min


@dataclass(frozen=True)
class PlanRow:
    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    period: str
    status: str
    owner: str | None
    updated_at: datetime | None
    value_tier: str
    activity: str
    objectives: int
    actions: int
    open_actions: int


def list_plans(conn: Connection, customer_id: int | None = None,
               value_tier: str | None = None, search: str | None = None) -> list[PlanRow]:
    """Plans, newest period first within each customer, customers by code."""
    obj = (select(_po.plan_id, func.count().label("n")).group_by(_po.plan_id)).subquery()
    act = (select(_pa.plan_id, func.count().label("n"),
                  func.sum(case((_pa.status.in_(("open", "in_progress")), 1), else_=0))
                  .label("open"))
           .group_by(_pa.plan_id)).subquery()
    stmt = (
        select(_ap.id, _ap.customer_id, _c.code, _c.name, _ap.period, _ap.status, _ap.owner,
               _ap.updated_at, _m.value_tier, _m.activity, obj.c.n.label("objectives"),
               act.c.n.label("actions"), act.c.open.label("open_actions"))
        .select_from(
            AccountPlan.__table__.join(Customer.__table__, _c.id == _ap.customer_id)
            .outerjoin(CustomerMetrics.__table__, _m.customer_id == _ap.customer_id)
            .outerjoin(obj, obj.c.plan_id == _ap.id)
            .outerjoin(act, act.c.plan_id == _ap.id))
    )
    if customer_id is not None:
        stmt = stmt.where(_ap.customer_id == customer_id)
    if value_tier is not None:
        stmt = stmt.where(_m.value_tier == value_tier)
    if search:
        like = f"%{search.strip()}%"
        stmt = stmt.where(ci_like(_c.name, like) | ci_like(_c.code, like)
                          | ci_like(_ap.period, like) | ci_like(_c.name_initials, like.lower()))
    rows = [PlanRow(
        id=r.id, customer_id=r.customer_id, customer_code=r.code, customer_name=r.name,
        period=r.period, status=r.status, owner=r.owner, updated_at=r.updated_at,
        value_tier=r.value_tier or "C", activity=r.activity or "silent",
        objectives=int(r.objectives or 0), actions=int(r.actions or 0),
        open_actions=int(r.open_actions or 0)) for r in conn.execute(stmt)]

    def key(p: PlanRow) -> tuple[Any, ...]:
        end, start = _period_order(p.period)
        return (p.customer_code, -end.toordinal(), -start.toordinal(), -p.id)

    rows.sort(key=key)
    return rows


def plan_periods(conn: Connection, customer_id: int) -> list[tuple[int, str]]:
    """(plan id, period) of one customer, latest period first."""
    rows = [(r[0], r[1]) for r in conn.execute(
        select(_ap.id, _ap.period).where(_ap.customer_id == customer_id))]
    rows.sort(key=lambda item: (*_period_order(item[1]), item[0]), reverse=True)
    return rows


def latest_plan_id(conn: Connection, customer_id: int) -> int | None:
    periods = plan_periods(conn, customer_id)
    return periods[0][0] if periods else None


def plan_detail(conn: Connection, plan_id: int) -> PlanDetail | None:
    """One plan with its rows, as plain values for the editor and the PDF."""
    r = conn.execute(select(AccountPlan.__table__).where(_ap.id == plan_id)).first()
    if r is None:
        return None
    objectives = tuple(ObjectiveItem(o.id, o.metric, o.baseline or "", o.target or "", o.due,
                                     o.status or "open") for o in conn.execute(
        select(PlanObjective.__table__).where(_po.plan_id == plan_id)
        .order_by(_po.position, _po.id)))
    actions = tuple(ActionItem(a.id, a.action, a.owner or "", a.due, a.status, a.task_id,
                               a.done_at is not None) for a in conn.execute(
        select(_pa.id, _pa.action, _pa.owner, _pa.due, _pa.status, _pa.task_id, _task.done_at)
        .select_from(PlanAction.__table__.outerjoin(Task.__table__, _task.id == _pa.task_id))
        .where(_pa.plan_id == plan_id).order_by(_pa.position, _pa.id)))
    risks = tuple(RiskItem(k.id, k.risk, k.kind, k.level, k.mitigation or "") for k in conn.execute(
        select(PlanRisk.__table__).where(_pr.plan_id == plan_id).order_by(_pr.position, _pr.id)))
    return PlanDetail(
        id=r.id, customer_id=r.customer_id, period=r.period, owner=r.owner or "",
        status=r.status, situation_summary=r.situation_summary or "",
        strengths=r.strengths or "", weaknesses=r.weaknesses or "",
        swot_opportunities=r.swot_opportunities or "", threats=r.threats or "",
        strategies=r.strategies or "", opportunities=r.opportunities or "",
        resources_needed=r.resources_needed or "", stakeholder_notes=r.stakeholder_notes or "",
        updated_at=r.updated_at, objectives=objectives, actions=actions, risks=risks,
        version=int(r.version),
    )


def draft_detail(conn: Connection, customer_id: int, period: str, today: date,
                 lang: str = "en") -> PlanDetail | None:
    """What :func:`kamdesk.store.ops.plans.create_plan` would write, without writing it:
    for a PDF of a customer who has no plan yet (the CLI's default) and for previews."""
    period = parse_period(period)
    facts = plan_facts(conn, customer_id, today)
    if facts is None:
        return None
    return draft_plan(facts, stakeholders(conn, customer_id, today, lang), period, today, lang)


@dataclass(frozen=True)
class PlanScreen:
    """What the plan editor shows for one customer: its plans' periods (latest first),
    the plan shown (None: the customer has none yet), the live facts and people."""

    periods: tuple[tuple[int, str], ...]
    detail: PlanDetail | None
    facts: PlanFacts | None
    people: tuple[Stakeholder, ...]


def plan_screen(conn: Connection, customer_id: int, plan_id: int | None, today: date,
                lang: str = "en") -> PlanScreen:
    """Everything the editor loads at once, through one connection (one snapshot):
    plan ``plan_id`` if it is one of the customer's, else their latest plan."""
    periods = tuple(plan_periods(conn, customer_id))
    ids = [pid for pid, _ in periods]
    shown = plan_id if plan_id in ids else (ids[0] if ids else None)
    detail = plan_detail(conn, shown) if shown is not None else None
    return PlanScreen(periods, detail, plan_facts(conn, customer_id, today),
                      tuple(stakeholders(conn, customer_id, today, lang)))

