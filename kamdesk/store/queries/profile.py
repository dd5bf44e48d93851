"""Everything the customer profile shows, as plain frozen rows.

The profile is opened often and a big account has hundreds of contacts and orders, so
each function here is one query (the contact log two: the rows, then every person
named on them) and nothing is loaded as Session-bound ORM objects. Queries go through
the Core tables rather than raw SQL text so dates come back as ``date``/``datetime``
on any backend.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, and_, case, func, select

from kamdesk.domain.health import HealthReason
from kamdesk.domain.key_dates import KeyDateRule, next_occurrence
from kamdesk.store.models import (
    Customer,
    CustomerMetrics,
    Interaction,
    KeyDate,
    Person,
    Task,
    TierChange,
    Transaction,
    interaction_people,
)

__all__ = [
    "ProfileHeader", "CustomerOverview", "PersonRow", "InteractionRow", "TaskRow",
    "TierChangeRow", "KeyDateRow",
    "header", "overview", "people", "person", "interactions", "tasks",
    "tier_history", "key_dates", "birthday_of", "decode_reasons", "open_task_count",
]

_c = Customer.__table__.c
_m = CustomerMetrics.__table__.c
_p = Person.__table__.c
_i = Interaction.__table__.c
_ip = interaction_people.c
_t = Transaction.__table__.c
_task = Task.__table__.c
_tc = TierChange.__table__.c
_kd = KeyDate.__table__.c


# -- header -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProfileHeader:
    id: int
    code: str
    name: str
    short_name: str | None
    status: str
    potential: str
    owner: str | None
    value_tier: str
    activity: str
    last_contact_at: datetime | None
    next_due_on: date | None
    due_action: str | None
    overdue_days: int
    health: int
    health_reasons: tuple[HealthReason, ...]
    segment: str | None
    r_score: int
    f_score: int
    m_score: int
    revenue_12m_cents: int
    revenue_prev_12m_cents: int
    orders_12m: int
    last_trade_on: date | None
    computed_on: date | None
    #: too little history to judge (:mod:`kamdesk.domain.newness`)
    is_new: bool = False
    #: for an executive visit / satisfaction check touch: 'not_yet_done' when there is
    #: no record of one (:func:`kamdesk.domain.cadence.extra_state`)
    extra_state: str | None = None


def decode_reasons(raw: str | None) -> tuple[HealthReason, ...]:
    """The stored JSON back into reasons; a damaged value shows no reasons rather than
    stopping the profile from opening."""
    if not raw:
        return ()
    try:
        items = json.loads(raw)
        return tuple(HealthReason(str(it["code"]), int(it.get("penalty", 0)),
                                  dict(it.get("params") or {})) for it in items)
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()


def header(conn: Connection, customer_id: int) -> ProfileHeader | None:
    # Outer join: a customer created by an older build may lack its metrics row.
    row = conn.execute(
        select(
            _c.id, _c.code, _c.name, _c.short_name, _c.status, _c.potential, _c.owner,
            _m.value_tier, _m.activity, _m.last_interaction_at, _m.next_due_on, _m.due_action,
            _m.overdue_days, _m.health, _m.health_reasons, _m.segment, _m.r_score, _m.f_score,
            _m.m_score, _m.revenue_12m_cents, _m.revenue_prev_12m_cents, _m.orders_12m,
            _m.last_trade_on, _m.computed_on, _c.created_at, _c.declared_contribution_cents,
            _c.stated_value_tier, _c.stated_activity,
        ).select_from(Customer.__table__.outerjoin(
            CustomerMetrics.__table__, _m.customer_id == _c.id))
        .where(_c.id == customer_id)
    ).first()
    if row is None:
        return None
    from kamdesk.domain.newness import is_new_customer
    from kamdesk.store.queries.settings import tiering_settings

    evaluated = row.computed_on or (row.created_at.date() if row.created_at else None)
    traded = bool(row.orders_12m or row.revenue_12m_cents)
    is_new = evaluated is not None and not traded and is_new_customer(
        last_trade=row.last_trade_on, last_contact=row.last_interaction_at,
        declared_contribution=row.declared_contribution_cents,
        stated_tier=row.stated_value_tier, stated_activity=row.stated_activity,
        first_record=row.created_at.date() if row.created_at else None,
        today=evaluated, window_months=tiering_settings(conn).window_months)
    extra = None
    if row.due_action in ("executive_visit", "satisfaction_check") and evaluated is not None:
        from kamdesk.domain.cadence import extra_state
        from kamdesk.store.queries.metric_facts import gather_facts

        facts = gather_facts(conn, evaluated, tiering_settings(conn).window_months,
                             [customer_id])
        if facts:
            f = facts[0]
            extra = extra_state(row.due_action, f.last_executive_visit
                                if row.due_action == "executive_visit"
                                else f.last_satisfaction_check)
    return ProfileHeader(
        id=row.id, code=row.code, name=row.name, short_name=row.short_name, status=row.status,
        potential=row.potential, owner=row.owner, value_tier=row.value_tier or "C",
        activity=row.activity or "silent", last_contact_at=row.last_interaction_at,
        next_due_on=row.next_due_on, due_action=row.due_action,
        overdue_days=int(row.overdue_days or 0),
        health=100 if row.health is None else int(row.health),
        health_reasons=decode_reasons(row.health_reasons), segment=row.segment,
        r_score=int(row.r_score or 0), f_score=int(row.f_score or 0),
        m_score=int(row.m_score or 0), revenue_12m_cents=int(row.revenue_12m_cents or 0),
        revenue_prev_12m_cents=int(row.revenue_prev_12m_cents or 0),
        orders_12m=int(row.orders_12m or 0), last_trade_on=row.last_trade_on,
        computed_on=row.computed_on, is_new=is_new, extra_state=extra,
    )


# -- overview -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CustomerOverview:
    """Every editable customer field: the Overview tab shows it, the edit dialog
    starts from it."""

    id: int
    code: str
    name: str
    short_name: str | None
    industry: str | None
    scale: str | None
    region: str | None
    address: str | None
    website: str | None
    cooperation_start: date | None
    founded_on: date | None
    source: str | None
    status: str
    potential: str
    strategy_notes: str | None
    decision_process: str | None
    explicit_needs: str | None
    latent_needs: str | None
    credit_limit_cents: int | None
    share_of_wallet_pct: Decimal | None
    owner: str | None
    #: what a save names as the version it was edited from (see ops.versions)
    version: int = 1

    def months_of_cooperation(self, today: date) -> int | None:
        s = self.cooperation_start
        if s is None:
            return None
        return max(0, (today.year - s.year) * 12 + today.month - s.month - (today.day < s.day))


_OVERVIEW_FIELDS = tuple(f for f in CustomerOverview.__dataclass_fields__)


def overview(conn: Connection, customer_id: int) -> CustomerOverview | None:
    row = conn.execute(
        select(*(_c[f] for f in _OVERVIEW_FIELDS)).where(_c.id == customer_id)
    ).first()
    if row is None:
        return None
    data = dict(row._mapping)
    if data["share_of_wallet_pct"] is not None:
        data["share_of_wallet_pct"] = Decimal(str(data["share_of_wallet_pct"]))
    return CustomerOverview(**data)


# -- people -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    customer_id: int
    name: str
    title: str | None
    department: str | None
    decision_role: str | None
    attitude: str
    relationship_strength: int
    phone: str | None
    mobile: str | None
    email: str | None
    wechat: str | None
    preferred_contact_time: str | None
    preferred_channel: str | None
    communication_style: str | None
    concerns: str | None
    interests: str | None
    taboos: str | None
    career_goals: str | None
    notes: str | None
    reports_to_id: int | None
    reports_to_name: str | None
    is_primary: bool
    archived: bool
    version: int = 1


_PERSON_FIELDS = tuple(f for f in PersonRow.__dataclass_fields__ if f != "reports_to_name")


def people(conn: Connection, customer_id: int, include_archived: bool = True) -> list[PersonRow]:
    """Primary contact first, then by name; archived people last."""
    boss = Person.__table__.alias("boss")
    q = (select(*(_p[f] for f in _PERSON_FIELDS), boss.c.name.label("reports_to_name"))
         .select_from(Person.__table__.outerjoin(boss, boss.c.id == _p.reports_to_id))
         .where(_p.customer_id == customer_id)
         .order_by(_p.archived, _p.is_primary.desc(), _p.name, _p.id))
    if not include_archived:
        q = q.where(_p.archived.is_(False))
    return [_person(r) for r in conn.execute(q)]


def person(conn: Connection, person_id: int) -> PersonRow | None:
    boss = Person.__table__.alias("boss")
    r = conn.execute(
        select(*(_p[f] for f in _PERSON_FIELDS), boss.c.name.label("reports_to_name"))
        .select_from(Person.__table__.outerjoin(boss, boss.c.id == _p.reports_to_id))
        .where(_p.id == person_id)
    ).first()
    return None if r is None else _person(r)


def _person(r) -> PersonRow:  # type: ignore[no-untyped-def]
    data = dict(r._mapping)
    data["is_primary"] = bool(data["is_primary"])
    data["archived"] = bool(data["archived"])
    data["relationship_strength"] = int(data["relationship_strength"] or 3)
    data["attitude"] = data["attitude"] or "neutral"
    return PersonRow(**data)


# -- contact log --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class InteractionRow:
    id: int
    occurred_at: datetime
    channel: str
    topic: str
    feedback: str | None
    issue: str | None
    next_action: str | None
    owner: str | None
    deadline: date | None
    satisfaction: int | None
    people: tuple[str, ...]
    person_ids: tuple[int, ...]


def interactions(conn: Connection, customer_id: int, limit: int | None = None
                 ) -> list[InteractionRow]:
    """Newest first. Two queries whatever the count: the rows, then everyone named on
    any of them (joined in Python), never one query per row."""
    q = (select(_i.id, _i.occurred_at, _i.channel, _i.topic, _i.feedback, _i.issue,
                _i.next_action, _i.owner, _i.deadline, _i.satisfaction)
         .where(_i.customer_id == customer_id)
         .order_by(_i.occurred_at.desc(), _i.id.desc()))
    if limit is not None:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    if not rows:
        return []
    names: dict[int, list[tuple[int, str]]] = defaultdict(list)
    # Filtering by customer (indexed) rather than by a long IN list of interaction ids.
    pq = (select(_ip.interaction_id, _p.id, _p.name)
          .select_from(interaction_people.join(Interaction.__table__,
                                               _i.id == _ip.interaction_id)
                       .join(Person.__table__, _p.id == _ip.person_id))
          .where(_i.customer_id == customer_id)
          .order_by(_ip.interaction_id, _p.is_primary.desc(), _p.name))
    for iid, pid, pname in conn.execute(pq):
        names[iid].append((pid, pname))
    out = []
    for r in rows:
        named = names.get(r.id, [])
        out.append(InteractionRow(
            r.id, r.occurred_at, r.channel, r.topic, r.feedback, r.issue, r.next_action,
            r.owner, r.deadline, r.satisfaction, tuple(n for _pid, n in named),
            tuple(pid for pid, _n in named),
        ))
    return out


# -- tasks --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    title: str
    notes: str | None
    kind: str
    person_name: str | None
    owner: str | None
    due_at: datetime | None
    remind_at: datetime | None
    done_at: datetime | None
    priority: int
    source: str

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def overdue_days(self, now: datetime) -> int:
        if self.done_at is not None or self.due_at is None or self.due_at >= now:
            return 0
        return max(1, (now.date() - self.due_at.date()).days)


def tasks(conn: Connection, customer_id: int) -> list[TaskRow]:
    """Open tasks first, earliest due on top (undated ones after them); then done
    tasks, most recently finished first."""
    q = (select(_task.id, _task.title, _task.notes, _task.kind, _p.name.label("person_name"),
                _task.owner, _task.due_at, _task.remind_at, _task.done_at, _task.priority,
                _task.source)
         .select_from(Task.__table__.outerjoin(Person.__table__, _p.id == _task.person_id))
         .where(_task.customer_id == customer_id)
         .order_by(_task.done_at.is_not(None),
                   case((and_(_task.done_at.is_(None), _task.due_at.is_(None)), 1), else_=0),
                   case((_task.done_at.is_(None), _task.due_at), else_=None),
                   _task.done_at.desc(), _task.id))
    return [TaskRow(r.id, r.title, r.notes, r.kind, r.person_name, r.owner, r.due_at,
                    r.remind_at, r.done_at, int(r.priority or 2), r.source)
            for r in conn.execute(q)]


# -- tier history -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TierChangeRow:
    changed_on: date
    dimension: str  # 'value_tier' | 'activity'
    old_value: str | None
    new_value: str


def tier_history(conn: Connection, customer_id: int) -> list[TierChangeRow]:
    """Newest first."""
    return [TierChangeRow(r.changed_on, r.dimension, r.old_value, r.new_value)
            for r in conn.execute(
                select(_tc.changed_on, _tc.dimension, _tc.old_value, _tc.new_value)
                .where(_tc.customer_id == customer_id)
                .order_by(_tc.changed_on.desc(), _tc.id.desc()))]


# -- key dates ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KeyDateRow:
    id: int
    kind: str
    title: str | None
    person_id: int | None
    person_name: str | None
    calendar: str
    month: int
    day: int
    leap_month: bool
    year: int | None
    recurrence: str
    remind_days_before: int | None
    next_on: date | None  # next solar occurrence on or after the day asked about
    version: int = 1  # what an edit names as the version it read (ops.versions)

    def rule(self) -> KeyDateRule:
        return KeyDateRule(self.calendar, self.month, self.day,  # type: ignore[arg-type]
                           self.leap_month, self.year, self.recurrence)  # type: ignore[arg-type]


def _key_date_query():  # type: ignore[no-untyped-def]
    return (select(_kd.id, _kd.kind, _kd.title, _kd.person_id, _p.name.label("person_name"),
                   _kd.calendar, _kd.month, _kd.day, _kd.leap_month, _kd.year, _kd.recurrence,
                   _kd.remind_days_before, _kd.version)
            .select_from(KeyDate.__table__.outerjoin(Person.__table__, _p.id == _kd.person_id)))


def _key_date(r, today: date | None) -> KeyDateRow:  # type: ignore[no-untyped-def]
    nxt = None
    if today is not None:
        try:
            nxt = next_occurrence(KeyDateRule(r.calendar, r.month, r.day, bool(r.leap_month),
                                              r.year, r.recurrence), today)
        except ValueError:
            nxt = None  # an impossible stored date is shown, just without a next day
    return KeyDateRow(r.id, r.kind, r.title, r.person_id, r.person_name, r.calendar, r.month,
                      r.day, bool(r.leap_month), r.year, r.recurrence, r.remind_days_before, nxt,
                      int(r.version or 1))


def key_dates(conn: Connection, customer_id: int, today: date | None = None
              ) -> list[KeyDateRow]:
    """The customer's key dates, soonest next occurrence first when ``today`` is given
    (so the list reads as "what is coming"), otherwise by month and day."""
    rows = [_key_date(r, today) for r in conn.execute(
        _key_date_query().where(_kd.customer_id == customer_id)
        .order_by(_kd.month, _kd.day, _kd.id))]
    if today is not None:
        rows.sort(key=lambda k: (k.next_on is None, k.next_on or date.max))
    return rows


def birthday_of(conn: Connection, person_id: int, today: date | None = None
                ) -> KeyDateRow | None:
    r = conn.execute(_key_date_query().where(and_(_kd.person_id == person_id,
                                                  _kd.kind == "birthday"))
                     .order_by(_kd.id).limit(1)).first()
    return None if r is None else _key_date(r, today)


def open_task_count(conn: Connection, customer_id: int) -> int:
    return int(conn.execute(select(func.count()).select_from(Task.__table__).where(
        _task.customer_id == customer_id, _task.done_at.is_(None))).scalar_one())
