"""What the data says about one customer, for an account plan or a pre-visit brief.

The plan's situation, SWOT, objectives and risks are written from these facts
(:mod:`kamdesk.domain.plan_text`); the stakeholder map is read live from the people
table, so it never disagrees with the profile. A handful of indexed single-customer
queries, plain values out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, and_, case, func, select

from kamdesk.domain.contract_life import LIVE_STATES
from kamdesk.domain.plan_text import coverage_gap
from kamdesk.domain.plans import (
    INFLUENCE,
    ROLE_ORDER,
    PlanFacts,
    Stakeholder,
    decode_reasons,
)
from kamdesk.store.models import (
    Complaint,
    Contract,
    Customer,
    CustomerMetrics,
    Interaction,
    Opportunity,
    Person,
    SurveyResponse,
    Transaction,
    interaction_people,
)
from kamdesk.store.queries.receivables import outstanding

__all__ = ["plan_facts", "stakeholders"]

_c = Customer.__table__.c
_m = CustomerMetrics.__table__.c
_p = Person.__table__.c
_i = Interaction.__table__.c
_ip = interaction_people.c
_t = Transaction.__table__.c
_k = Contract.__table__.c
_cp = Complaint.__table__.c
_s = SurveyResponse.__table__.c
_o = Opportunity.__table__.c


def _as_date(v: object) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def plan_facts(conn: Connection, customer_id: int, today: date) -> PlanFacts | None:
    """Everything a plan's situation, risks and objectives start from; None when the
    customer does not exist. A handful of indexed single-customer queries."""
    row = conn.execute(
        select(
            _c.id, _c.code, _c.name, _c.owner, _c.industry, _c.status, _c.potential,
            _c.cooperation_start, _c.explicit_needs, _c.latent_needs, _c.credit_limit_cents,
            _c.share_of_wallet_pct, _m.value_tier, _m.activity, _m.health, _m.health_reasons,
            _m.revenue_12m_cents, _m.revenue_prev_12m_cents, _m.orders_12m, _m.last_trade_on,
            _m.last_interaction_at,
        ).select_from(Customer.__table__.outerjoin(
            CustomerMetrics.__table__, _m.customer_id == _c.id))
        .where(_c.id == customer_id)
    ).first()
    if row is None:
        return None
    year_ago = datetime.combine(today - timedelta(days=365), time())
    end_of_today = datetime.combine(today, time.max)
    interactions_12m = conn.execute(
        select(func.count()).select_from(Interaction.__table__).where(
            _i.customer_id == customer_id, _i.occurred_at >= year_ago,
            _i.occurred_at <= end_of_today)
    ).scalar_one()
    now = datetime.combine(today, time.max)
    comp = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case(
                (and_(_cp.status == "open", _cp.response_deadline < now), 1), else_=0)), 0),
        ).where(_cp.customer_id == customer_id, _cp.status.in_(("open", "responded")))
    ).first()
    nps = conn.execute(
        select(_s.nps).where(_s.customer_id == customer_id, _s.nps.is_not(None))
        .order_by(_s.responded_on.desc(), _s.id.desc()).limit(1)).scalar()
    csat = conn.execute(
        select(_s.csat).where(_s.customer_id == customer_id, _s.csat.is_not(None))
        .order_by(_s.responded_on.desc(), _s.id.desc()).limit(1)).scalar()
    # What the customer owes (orders and returns less payments), as the health score and
    # the credit flag count it: one definition of exposure everywhere.
    exposure = max(0, outstanding(conn, customer_id))
    contracts = tuple(
        (r.number, r.title, r.end_on, r.status) for r in conn.execute(
            select(_k.number, _k.title, _k.end_on, _k.status)
            .where(_k.customer_id == customer_id,
                   _k.status.in_((*LIVE_STATES, "review", "draft")))
            .order_by(_k.end_on))
    )
    opportunities = tuple(
        (r.title, r.stage, r.expected_value_cents) for r in conn.execute(
            select(_o.title, _o.stage, _o.expected_value_cents)
            .where(_o.customer_id == customer_id, _o.stage.not_in(("won", "lost")))
            .order_by(_o.expected_value_cents.desc(), _o.id))
    )
    sow = row.share_of_wallet_pct
    return PlanFacts(
        customer_id=row.id, code=row.code, name=row.name, owner=row.owner,
        industry=row.industry, status=row.status, potential=row.potential,
        cooperation_start=row.cooperation_start, explicit_needs=row.explicit_needs,
        latent_needs=row.latent_needs,
        credit_limit=None if row.credit_limit_cents is None else int(row.credit_limit_cents),
        share_of_wallet_pct=None if sow is None else float(sow),
        value_tier=row.value_tier or "C", activity=row.activity or "silent",
        health=100 if row.health is None else int(row.health),
        health_reasons=decode_reasons(row.health_reasons),
        revenue_12m=int(row.revenue_12m_cents or 0),
        revenue_prev_12m=int(row.revenue_prev_12m_cents or 0),
        orders_12m=int(row.orders_12m or 0), last_trade_on=_as_date(row.last_trade_on),
        last_interaction=_as_date(row.last_interaction_at),
        interactions_12m=int(interactions_12m),
        open_complaints=int(comp[0] or 0) if comp else 0,
        overdue_complaints=int(comp[1] or 0) if comp else 0,
        last_nps=None if nps is None else int(nps),
        last_csat=None if csat is None else float(csat),
        credit_exposure=int(exposure or 0), contracts=contracts,
        open_opportunities=opportunities,
    )


def stakeholders(conn: Connection, customer_id: int, today: date, lang: str = "en"
                 ) -> list[Stakeholder]:
    """The customer's current key people, decision makers first, with coverage gaps."""
    last = {r[0]: _as_date(r[1]) for r in conn.execute(
        select(_ip.person_id, func.max(_i.occurred_at))
        .select_from(interaction_people.join(Interaction.__table__, _i.id == _ip.interaction_id)
                     .join(Person.__table__, _p.id == _ip.person_id))
        .where(_p.customer_id == customer_id)
        .group_by(_ip.person_id))}
    rows = list(conn.execute(
        select(_p.id, _p.name, _p.title, _p.decision_role, _p.attitude,
               _p.relationship_strength, _p.is_primary)
        .where(_p.customer_id == customer_id, _p.archived.is_(False))))
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    rows.sort(key=lambda r: (order.get(r.decision_role, len(order)), not r.is_primary, r.name))
    out = []
    for r in rows:
        strength = int(r.relationship_strength or 3)
        contact = last.get(r.id)
        out.append(Stakeholder(
            person_id=r.id, name=r.name, title=r.title or "", decision_role=r.decision_role,
            attitude=r.attitude or "neutral",
            influence=INFLUENCE.get(r.decision_role or "", "low"), strength=strength,
            last_contact=contact,
            gap=coverage_gap(r.decision_role, r.attitude or "neutral", strength, contact,
                             today, lang),
        ))
    return out
