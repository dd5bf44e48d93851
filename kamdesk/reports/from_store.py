"""Building the report documents (:mod:`kamdesk.reports.plan_data`) from the database.

The renderers only know plain values; this module is the one place that reads rows for
them, so the GUI, the CLI, the batch export and the benchmark print exactly the same
plan. Everything is read through one connection with single-customer indexed queries
(trades by customer and date, interactions by customer and time), which keeps a plan
well under the half-second budget on a 100k-customer book.

It deliberately imports no reportlab: building the document is cheap and testable on
its own; only rendering pays for reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, literal_column, select

from kamdesk.domain import vocab
from kamdesk.domain.calendar_math import add_months
from kamdesk.domain.contract_life import LIVE_STATES
from kamdesk.domain.key_dates import KeyDateRule, cooperation_anniversary, next_occurrence
from kamdesk.domain.plan_text import describe_reason, situation_text, split_lines
from kamdesk.domain.plans import ROLE_ORDER, PlanFacts, Stakeholder
from kamdesk.domain.plural import count_en
from kamdesk.domain.task_titles import render_title
from kamdesk.domain.vocab import is_zh
from kamdesk.reports import labels as L
from kamdesk.reports.plan_data import (
    BriefDocument,
    BriefInteraction,
    BriefPerson,
    Objective,
    PlanActionRow,
    PlanDocument,
    RiskRow,
    Situation,
    StakeholderRow,
    Swot,
)
from kamdesk.store.dialect import iso_text
from kamdesk.store.models import (
    Complaint,
    Contract,
    Customer,
    Event,
    EventAttendance,
    Interaction,
    KeyDate,
    Person,
    Task,
    Transaction,
)
from kamdesk.store.queries.penetration import customer_penetration, product_lines_in_force
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders
from kamdesk.store.queries.plans import draft_detail, plan_detail

__all__ = ["BRIEF_DAYS_AHEAD", "TREND_MONTHS", "brief_document", "confidentiality",
           "plan_document"]

TREND_MONTHS = 24
BRIEF_DAYS_AHEAD = 60  # key dates worth mentioning on a visit
RENEWAL_DAYS_AHEAD = 120
BRIEF_INTERACTIONS = 3

_t = Transaction.__table__.c
_i = Interaction.__table__.c
_c = Customer.__table__.c
_p = Person.__table__.c
_kd = KeyDate.__table__.c
_task = Task.__table__.c
_cp = Complaint.__table__.c
_k = Contract.__table__.c
_ev = Event.__table__.c
_ea = EventAttendance.__table__.c

_TIER_CODE = {"A": "high", "B": "medium", "C": "low"}
_OBJECTIVE_STATUS = {"open": "not_started", "missed": "off_track"}
_ACTION_STATUS = {"open": "not_started", "dropped": "cancelled"}


def confidentiality(lang: str) -> str:
    return ("内部资料 · 仅限客户经营团队使用，请勿外传" if is_zh(lang)
            else "Internal — for the account team only. Do not forward.")


def _strength_word(strength: int) -> str:
    return "strong" if strength >= 4 else "medium" if strength == 3 else "weak"


def _month_keys(today: date, months: int) -> list[str]:
    first = add_months(today.replace(day=1), -(months - 1))
    return [f"{d.year}-{d.month:02d}" for d in (add_months(first, i) for i in range(months))]


def _month_of(column: Any) -> Any:
    """'2026-11' of a date or timestamp column; the bounds are literals, so SELECT and
    GROUP BY are the same expression to PostgreSQL too."""
    return func.substr(iso_text(column), literal_column("1"), literal_column("7"))


def revenue_by_month(conn: Connection, customer_id: int, today: date,
                     months: int = TREND_MONTHS) -> tuple[tuple[str, int], ...]:
    """Order value per calendar month, the current (partial) month last; empty months 0."""
    keys = _month_keys(today, months)
    start = date.fromisoformat(keys[0] + "-01")
    got = {r[0]: int(r[1] or 0) for r in conn.execute(
        select(_month_of(_t.occurred_on), func.sum(_t.amount_cents))
        .where(_t.customer_id == customer_id, _t.occurred_on >= start, _t.occurred_on <= today)
        .group_by(_month_of(_t.occurred_on)))}
    return tuple((k, got.get(k, 0)) for k in keys)


def interactions_by_month(conn: Connection, customer_id: int, today: date,
                          months: int = TREND_MONTHS) -> tuple[tuple[str, int], ...]:
    keys = _month_keys(today, months)
    start = datetime.combine(date.fromisoformat(keys[0] + "-01"), time())
    got = {r[0]: int(r[1]) for r in conn.execute(
        select(_month_of(_i.occurred_at), func.count())
        .where(_i.customer_id == customer_id, _i.occurred_at >= start,
               _i.occurred_at <= datetime.combine(today, time.max))
        .group_by(_month_of(_i.occurred_at)))}
    return tuple((k, got.get(k, 0)) for k in keys)


def _situation(facts: PlanFacts, summary: str, lang: str) -> Situation:
    return Situation(
        value_tier=_TIER_CODE.get(facts.value_tier, facts.value_tier),
        activity=facts.activity,
        health=facts.health,
        health_reasons=tuple(describe_reason(r, lang) for r in facts.health_reasons),
        revenue_12m=facts.revenue_12m,
        revenue_trend_pct=facts.revenue_trend_pct,
        share_of_wallet_pct=facts.share_of_wallet_pct,
        interactions_12m=facts.interactions_12m,
        open_complaints=facts.open_complaints,
        last_nps=facts.last_nps,
        last_csat=facts.last_csat,
        summary=summary,
    )


def _stakeholder_rows(people: list[Stakeholder], lang: str) -> tuple[StakeholderRow, ...]:
    return tuple(StakeholderRow(
        name=s.name, title=s.title, decision_role=s.decision_role or "—",
        attitude=s.attitude, influence=s.influence, strength=_strength_word(s.strength),
        last_contact=s.last_contact, gap=s.gap) for s in people)


def _risk_kind(kind: str, lang: str) -> str:
    return vocab.label("risk_kind", kind, lang)


def plan_document(conn: Connection, plan_id: int | None, customer_id: int, lang: str,
                  today: date, period: str | None = None) -> PlanDocument:
    """The printable plan: a stored plan (``plan_id``), or — with ``plan_id`` None — the
    draft :func:`kamdesk.store.ops.plans.create_plan` would make for ``period`` (default: the
    current year), built without saving anything.

    Raises LookupError when the plan or the customer does not exist.
    """
    lang = L.normalize_lang(lang)
    facts = plan_facts(conn, customer_id, today)
    if facts is None:
        raise LookupError(f"customer {customer_id} not found")
    if plan_id is None:
        detail = draft_detail(conn, customer_id, period or str(today.year), today, lang)
    else:
        detail = plan_detail(conn, plan_id)
    if detail is None or detail.customer_id != customer_id:
        raise LookupError(f"plan {plan_id} of customer {customer_id} not found")
    people = stakeholders(conn, customer_id, today, lang)
    summary = detail.situation_summary.strip() or situation_text(facts, today, lang)
    lines = product_lines_in_force(conn)
    return PlanDocument(
        customer_name=facts.name,
        customer_code=facts.code,
        period=detail.period,
        owner=detail.owner or facts.owner or "",
        generated_on=today,
        lang=lang,
        confidentiality=confidentiality(lang),
        situation=_situation(facts, summary, lang),
        swot=Swot(split_lines(detail.strengths), split_lines(detail.weaknesses),
                  split_lines(detail.swot_opportunities), split_lines(detail.threats)),
        objectives=tuple(Objective(o.metric, o.baseline, o.target, o.due,
                                   _OBJECTIVE_STATUS.get(o.status, o.status))
                         for o in detail.objectives),
        strategies=split_lines(detail.strategies),
        actions=tuple(PlanActionRow(a.action, a.owner, a.due,
                                    _ACTION_STATUS.get(a.status, a.status))
                      for a in detail.actions),
        stakeholders=_stakeholder_rows(people, lang),
        opportunities=split_lines(detail.opportunities),
        risks=tuple(RiskRow(r.risk, _risk_kind(r.kind, lang), r.level, r.mitigation)
                    for r in detail.risks),
        resources=split_lines(detail.resources_needed),
        revenue_by_month=revenue_by_month(conn, customer_id, today),
        interactions_by_month=interactions_by_month(conn, customer_id, today),
        penetration=customer_penetration(conn, customer_id, today, lines.names),
        product_lines_from_book=lines.from_book,
    )


# --------------------------------------------------------------------------- brief


def _short_date(d: date, lang: str) -> str:
    if is_zh(lang):
        return f"{d.month}月{d.day}日"
    return f"{d.day} {L.EN_MONTHS[d.month - 1]}"


_KIND_WORDS = {"birthday": ("birthday", "生日"), "anniversary": ("anniversary", "纪念日"),
               "founding": ("founding day", "成立纪念日"), "custom": ("key date", "重要日期")}


def _upcoming(conn: Connection, customer_id: int, start: date | None, today: date,
              lang: str) -> list[tuple[date, str, str]]:
    """(day, text, kind) of key dates, the cooperation anniversary, renewals and events
    in the coming weeks."""
    zh = is_zh(lang)
    horizon = today + timedelta(days=BRIEF_DAYS_AHEAD)
    out: list[tuple[date, str, str]] = []
    for r in conn.execute(
        select(_kd.kind, _kd.title, _kd.calendar, _kd.month, _kd.day, _kd.leap_month, _kd.year,
               _kd.recurrence, _p.name)
        .select_from(KeyDate.__table__.outerjoin(Person.__table__, _p.id == _kd.person_id))
        .where(_kd.customer_id == customer_id)
    ):
        try:
            rule = KeyDateRule(r.calendar, r.month, r.day, bool(r.leap_month), r.year,
                               r.recurrence)
            when = next_occurrence(rule, today)
        except ValueError:
            continue
        if when is None or when > horizon:
            continue
        kind = _KIND_WORDS.get(r.kind, (r.kind, r.kind))
        title = r.title or (f"{r.name or ''}{kind[1]}" if zh else
                            f"{r.name + ' — ' if r.name else ''}{kind[0]}")
        out.append((when, title, "personal"))
    if start is not None:
        when, n = cooperation_anniversary(start, today)
        if when <= horizon:
            out.append((when, f"合作 {n} 周年" if zh else _ordinal_anniversary(n), "personal"))
    for k in conn.execute(
        select(_k.number, _k.title, _k.end_on)
        .where(_k.customer_id == customer_id, _k.status.in_(LIVE_STATES),
               _k.end_on >= today, _k.end_on <= today + timedelta(days=RENEWAL_DAYS_AHEAD))
    ):
        out.append((k.end_on, f"合同 {k.number} 到期（{k.title}）" if zh
                    else f"Contract {k.number} ends ({k.title})", "renewal"))
    for ev in conn.execute(
        select(_ev.name, _ev.held_on)
        .select_from(EventAttendance.__table__.join(Event.__table__, _ev.id == _ea.event_id))
        .where(_ea.customer_id == customer_id, _ev.held_on >= today, _ev.held_on <= horizon)
        .distinct()
    ):
        out.append((ev.held_on, f"活动：{ev.name}" if zh else f"Event: {ev.name}", "event"))
    out.sort(key=lambda x: x[0])
    return out


def _ordinal_anniversary(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} anniversary of our cooperation"


def brief_document(conn: Connection, customer_id: int, lang: str, today: date) -> BriefDocument:
    """The one-page pre-visit brief. Raises LookupError for an unknown customer."""
    lang = L.normalize_lang(lang)
    zh = is_zh(lang)
    facts = plan_facts(conn, customer_id, today)
    if facts is None:
        raise LookupError(f"customer {customer_id} not found")
    now = datetime.combine(today, time.max)

    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    person_rows = list(conn.execute(
        select(_p.name, _p.title, _p.decision_role, _p.attitude, _p.communication_style,
               _p.concerns, _p.taboos, _p.interests, _p.preferred_contact_time, _p.is_primary)
        .where(_p.customer_id == customer_id, _p.archived.is_(False))))
    person_rows.sort(key=lambda r: (order.get(r.decision_role, len(order)), not r.is_primary,
                                    r.name))
    people = []
    for pr in person_rows:
        likes = [x for x in (pr.communication_style,
                             (("关注：" if zh else "cares about ") + pr.concerns)
                             if pr.concerns else None) if x]
        people.append(BriefPerson(
            name=pr.name, title=pr.title or "", role=pr.decision_role or "—",
            attitude=pr.attitude or "neutral", preferences=("；" if zh else "; ").join(likes),
            taboos=pr.taboos or "", interests=pr.interests or "",
            best_time=pr.preferred_contact_time or ""))

    inter_rows = conn.execute(
        select(_i.id, _i.occurred_at, _i.channel, _i.topic, _i.feedback, _i.issue,
               _i.next_action, _i.deadline)
        .where(_i.customer_id == customer_id, _i.occurred_at <= now)
        .order_by(_i.occurred_at.desc()).limit(BRIEF_INTERACTIONS)).all()
    interactions = tuple(BriefInteraction(
        when=r.occurred_at.date() if isinstance(r.occurred_at, datetime) else r.occurred_at,
        channel=r.channel, topic=r.topic, feedback=r.feedback or r.issue or "",
        next_action=r.next_action or "") for r in inter_rows)

    tasks = conn.execute(
        select(_task.title, _task.title_code, _task.title_params, _task.due_at, _task.owner,
               _task.interaction_id)
        .where(_task.customer_id == customer_id, _task.done_at.is_(None),
               _task.source.not_in(("key_date", "cadence")))
        .order_by(_task.due_at.is_(None), _task.due_at)).all()
    promises: list[str] = []
    overdue_promises: list[str] = []
    for t in tasks:
        title = render_title(t.title_code, t.title_params, lang, t.title)
        text = title
        if t.due_at is not None:
            due = t.due_at.date()
            late = (today - due).days
            if late > 0:
                text += f"（逾期 {late} 天）" if zh else f" (overdue {count_en(late, 'day')})"
                overdue_promises.append(title)
            else:
                by = _short_date(due, lang)
                text += f"（{by}前）" if zh else f" (by {by})"
        promises.append(text)
    linked = {t.interaction_id for t in tasks if t.interaction_id}
    for ir in inter_rows[:1]:
        # A promise made last time without a date never became a task: still owed.
        if ir.next_action and ir.id not in linked and ir.deadline is None \
                and ir.next_action not in promises:
            promises.append(ir.next_action)

    complaint_rows = conn.execute(
        select(_cp.category, _cp.description, _cp.received_at, _cp.owner, _cp.status,
               _cp.response_deadline)
        .where(_cp.customer_id == customer_id, _cp.status.in_(("open", "responded")))
        .order_by(_cp.received_at.desc())).all()
    complaints = []
    for cr in complaint_rows:
        head = "" if not cr.category else f"{cr.category}：" if zh else f"{cr.category}: "
        received = _short_date(cr.received_at.date(), lang)
        tail = (f"（{received}受理" + (f"，责任人{cr.owner}" if cr.owner else "") + "）") if zh \
            else (f" (received {received}" + (f", owner {cr.owner}" if cr.owner else "") + ")")
        complaints.append(head + cr.description + tail)

    upcoming = _upcoming(conn, customer_id, facts.cooperation_start, today, lang)
    dates = tuple(f"{_short_date(d, lang)} · {text}" for d, text, _ in upcoming)

    points = _talking_points(facts, complaint_rows, overdue_promises, inter_rows, upcoming,
                             people, today, lang)
    tier = L.term(_TIER_CODE.get(facts.value_tier, facts.value_tier), lang, L.VALUE_TIERS)
    act = L.term(facts.activity, lang, L.ACTIVITIES)
    return BriefDocument(
        customer_name=facts.name, customer_code=facts.code, generated_on=today, lang=lang,
        tier_label=f"{tier} · {act}", people=tuple(people), last_interactions=interactions,
        open_promises=tuple(promises), open_complaints=tuple(complaints),
        upcoming_dates=dates, talking_points=tuple(points),
    )


def _first_item(text: str | None) -> str | None:
    items = split_lines((text or "").replace("；", "\n").replace(";", "\n"))
    return items[0] if items else None


def _talking_points(facts: PlanFacts, complaints: Sequence[Any], overdue: list[str],
                    inters: Sequence[Any], upcoming: list[tuple[date, str, str]],
                    people: list[BriefPerson], today: date, lang: str) -> list[str]:
    """What to raise, most pressing first: what we owe, then what they need, then the
    relationship. The brief prints the first few."""
    zh = is_zh(lang)
    out: list[str] = []
    if complaints:
        c = complaints[0]
        what = c.category or (c.description[:24] if c.description else "")
        out.append(f"先通报投诉处理进展（{what}），确认客户是否满意。" if zh
                   else f"Open with progress on the complaint ({what}); check they are "
                   "satisfied.")
    if overdue:
        out.append(f"为逾期事项致歉并给出完成时间：{overdue[0]}。" if zh
                   else f"Apologise for the overdue promise and give a date: {overdue[0]}.")
    renewal = next((t for _, t, kind in upcoming if kind == "renewal"), None)
    if renewal:
        out.append(f"{renewal}：确认续签意向与条款。" if zh
                   else f"{renewal}: confirm the renewal and its terms.")
    if inters and inters[0].issue:
        out.append(f"跟进上次提出的问题：{inters[0].issue}。" if zh
                   else f"Follow up last time's issue: {inters[0].issue}.")
    need = _first_item(facts.explicit_needs)
    if need:
        out.append(f"回应客户明确需求：{need}。" if zh else f"Answer their stated need: {need}.")
    latent = _first_item(facts.latent_needs)
    if latent:
        out.append(f"试探潜在需求：{latent}，可提供免费需求诊断。" if zh
                   else f"Explore a latent need: {latent}; offer a free needs diagnosis.")
    if facts.open_opportunities:
        title, stage, _ = facts.open_opportunities[0]
        out.append(f"推进商机：{title}。" if zh else f"Move the opportunity forward: {title}.")
    codes = {r.code for r in facts.health_reasons}
    if "decision_maker_not_contacted" in codes or "no_decision_maker" in codes:
        dm = next((p.name for p in people if p.role == "decision_maker"), None)
        out.append((f"争取与决策者{dm}会面，安排高层互访。" if dm
                    else "请对方引荐决策者，梳理决策链。") if zh
                   else (f"Ask for a meeting with the decision maker, {dm}." if dm
                         else "Ask to be introduced to the decision maker."))
    if facts.activity == "silent":
        out.append("了解近期没有合作的原因，介绍回归激励（折扣、新品试用）。" if zh
                   else "Ask what has changed since the last order; mention the win-back offer.")
    personal = next(((d, t) for d, t, kind in upcoming if kind == "personal"), None)
    if personal is not None:
        out.append(f"{_short_date(personal[0], lang)}{personal[1]}，准备问候。" if zh
                   else f"{personal[1]} on {_short_date(personal[0], lang)}: prepare a greeting.")
    if not out:
        out.append("回顾合作情况，了解客户下一阶段的计划与需求。" if zh
                   else "Review the cooperation; ask about their plans and needs for the next "
                   "period.")
    return out
