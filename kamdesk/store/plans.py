"""Account plans (客户经营计划): create, copy, edit, read.

A plan belongs to one customer and one period and is never overwritten: planning the
next period makes a new row (the old one stays as the record of what was intended),
and creating a period that already exists is refused. A new plan starts from the data
rather than from a blank page — the situation in words, the method's strategies for
the customer's tier, objectives with today's baselines and the risks the figures
already show — because a manager edits a draft far faster than they write one.

Text lists (strategies, SWOT items, opportunities, resources) are stored one item a
line, which is what a person types into a box and what the PDF prints as bullets.
Key people are not copied into the plan: the stakeholder map is read live from the
people table, so it never disagrees with the profile.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, select
from sqlalchemy.orm import Session

from kamdesk.domain.cadence import strategy_for
from kamdesk.domain.health import HealthReason, describe
from kamdesk.store.errors import ValidationError
from kamdesk.domain.reminders import reminder_for_deadline
from kamdesk.store.models import (
    AccountPlan, Complaint, Contract, Customer, CustomerMetrics, Interaction, Opportunity,
    Person, PlanAction, PlanObjective, PlanRisk, SurveyResponse, Task, Transaction,
    interaction_people,
)
from kamdesk.store.models.plan import ACTION_STATUSES, LEVELS, RISK_KINDS

__all__ = [
    "ACTION_STATUSES", "EDITABLE_FIELDS", "LEVELS", "OBJECTIVE_STATUSES", "PLAN_STATUSES",
    "RISK_KINDS", "ActionItem", "CustomerPick", "ObjectiveItem", "PlanDetail", "PlanFacts",
    "PlanRow", "RiskItem", "Stakeholder",
    "action_to_task", "add_action", "add_objective", "add_risk", "copy_plan", "create_plan",
    "coverage_gap", "customer_by_code", "customer_by_id", "delete_action", "delete_objective",
    "delete_plan", "delete_risk", "describe_reason", "draft_detail", "find_customers",
    "latest_plan_id", "list_plans", "move_action", "move_objective", "move_risk",
    "normalize_period", "next_period", "period_bounds", "period_key", "plan_detail",
    "plan_facts", "plan_periods", "save_plan", "split_lines", "stakeholders",
    "suggest_objectives", "suggest_opportunities", "suggest_period", "suggest_risks",
    "suggest_strategies",
    "suggest_swot", "situation_text", "update_action", "update_objective", "update_plan",
    "update_risk",
]

PLAN_STATUSES = ("draft", "final")
OBJECTIVE_STATUSES = ("open", "on_track", "at_risk", "achieved", "missed")
EDITABLE_FIELDS = (
    "owner", "status", "situation_summary", "strengths", "weaknesses", "swot_opportunities",
    "threats", "strategies", "opportunities", "resources_needed", "stakeholder_notes",
)
EXPOSURE_DAYS = 90  # the same "open credit" window the health score uses
DECISION_MAKER_GAP_DAYS = 60  # the health score's threshold for a decision maker
KEY_PERSON_GAP_DAYS = 120
OTHER_PERSON_GAP_DAYS = 180
RENEWAL_HORIZON_DAYS = 180
NEVER_DAYS = 9999  # what the metrics store for "known decision maker, never contacted"
KEY_ROLES = ("decision_maker", "economic_buyer", "influencer", "technical_evaluator")
ROLE_ORDER = ("decision_maker", "economic_buyer", "influencer", "technical_evaluator",
              "coach", "user", "gatekeeper")
_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]))?$")

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
_ap = AccountPlan.__table__.c
_po = PlanObjective.__table__.c
_pa = PlanAction.__table__.c
_pr = PlanRisk.__table__.c
_task = Task.__table__.c


def _zh(lang: str) -> bool:
    return lang.lower().replace("-", "_").startswith("zh")


def _lang(lang: str) -> str:
    return "zh_CN" if _zh(lang) else "en"


# --------------------------------------------------------------------------- periods


def normalize_period(text: str | None) -> str:
    """``2027``, ``2027-H1`` or ``2027-Q3`` (case and spaces forgiven); anything else is
    refused, because a free-typed "2027上半年" could never be ordered or compared."""
    t = (text or "").strip().upper().replace(" ", "").replace("_", "-").replace("/", "-")
    if not t:
        raise ValidationError("period", "required")
    m = _PERIOD.match(t)
    if m is None:
        raise ValidationError("period", "invalid_period", t)
    if not 1900 <= int(m.group(1)) <= 2200:
        raise ValidationError("period", "out_of_range", t)
    return t


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a period."""
    p = normalize_period(period)
    year = int(p[:4])
    if len(p) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    part = p[5:]
    n = int(part[1])
    if part[0] == "H":
        first, months = 6 * (n - 1) + 1, 6
    else:
        first, months = 3 * (n - 1) + 1, 3
    last_month = first + months - 1
    end = (date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)) \
        - timedelta(days=1)
    return date(year, first, 1), end


def period_key(period: str) -> tuple[date, date]:
    """Sort key, latest last: by end, then by start (2027-Q4 after 2027-H2 after 2027)."""
    start, end = period_bounds(period)
    return end, start


def next_period(period: str) -> str:
    """The period after ``period`` of the same length: 2027 → 2028, 2027-H2 → 2028-H1."""
    p = normalize_period(period)
    year = int(p[:4])
    if len(p) == 4:
        return str(year + 1)
    kind, n = p[5], int(p[6])
    last = 2 if kind == "H" else 4
    return f"{year + 1}-{kind}1" if n == last else f"{year}-{kind}{n + 1}"


def suggest_period(existing: Sequence[str], today: date) -> str:
    """What "New period" proposes: the one after the latest plan, else the year being
    planned — next year once the fourth quarter has started (annual plans are written
    in Q4), otherwise this year."""
    valid = []
    for p in existing:
        try:
            valid.append(normalize_period(p))
        except ValidationError:
            continue
    if valid:
        candidate = next_period(max(valid, key=period_key))
        while candidate in valid:
            candidate = next_period(candidate)
        return candidate
    return str(today.year + 1 if today.month >= 10 else today.year)


# --------------------------------------------------------------------------- small helpers


def split_lines(text: str | None) -> tuple[str, ...]:
    """One item a line; typed bullets ("- ", "• ", "1. ") are not part of the item."""
    out = []
    for line in (text or "").splitlines():
        s = re.sub(r"^\s*(?:[-*•·]|\d{1,2}[.、)）])\s*", "", line).strip()
        if s:
            out.append(s)
    return tuple(out)


def _join(items: Iterable[str]) -> str:
    return "\n".join(i.strip() for i in items if i and i.strip())


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _as_date(v: object) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _money(fen: int, lang: str) -> str:
    """¥1,234,567 in English, 123.5 万元 in Chinese: whole yuan, which is how a plan talks."""
    yuan = fen / 100
    if _zh(lang) and abs(yuan) >= 10_000:
        if abs(yuan) >= 100_000_000:
            return f"{yuan / 100_000_000:,.2f} 亿元"
        return f"{yuan / 10_000:,.1f} 万元"
    if _zh(lang):
        return f"{yuan:,.0f} 元"
    return f"¥{yuan:,.0f}"


def decode_reasons(raw: str | None) -> tuple[HealthReason, ...]:
    """Stored health reasons; damaged JSON gives none rather than breaking a plan."""
    if not raw:
        return ()
    try:
        return tuple(HealthReason(str(it["code"]), int(it.get("penalty", 0)),
                                  dict(it.get("params") or {})) for it in json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()


def describe_reason(reason: HealthReason, lang: str) -> str:
    """:func:`health.describe`, except that the metrics' stand-in of 9999 days for a
    decision maker never contacted is said in words instead of as a number."""
    if reason.code == "decision_maker_not_contacted" and \
            int(reason.params.get("days", 0)) >= NEVER_DAYS:
        return "从未与决策者联系" if _zh(lang) else "the decision maker was never contacted"
    return describe(reason, _lang(lang))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- facts


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
    exposure = conn.execute(
        select(func.coalesce(func.sum(_t.amount_cents), 0)).where(
            _t.customer_id == customer_id,
            _t.occurred_on > today - timedelta(days=EXPOSURE_DAYS), _t.occurred_on <= today)
    ).scalar_one()
    contracts = tuple(
        (r.number, r.title, r.end_on, r.status) for r in conn.execute(
            select(_k.number, _k.title, _k.end_on, _k.status)
            .where(_k.customer_id == customer_id,
                   _k.status.in_(("signed", "active", "review", "draft")))
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


# --------------------------------------------------------------------------- stakeholders


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


_INFLUENCE = {"decision_maker": "high", "economic_buyer": "high", "influencer": "medium",
              "technical_evaluator": "medium", "coach": "medium", "user": "low",
              "gatekeeper": "low"}

_GAP_TEXT = {
    "dm_never": ("decision maker never contacted", "从未与该决策者接触"),
    "dm_days": ("no contact with the decision maker in {days} days", "已 {days} 天未与决策者联系"),
    "never": ("never contacted", "从未接触"),
    "days": ("no contact in {days} days", "已 {days} 天未联系"),
    "opponent": ("opposed: plan how to answer their concerns", "持反对态度：需制定应对方案"),
    "weak": ("weak relationship with an influential person", "与关键影响人关系薄弱"),
}


def _gap_text(key: str, lang: str, **params: Any) -> str:
    en, zh = _GAP_TEXT[key]
    return (zh if _zh(lang) else en).format(**params)


def coverage_gap(role: str | None, attitude: str, strength: int, last_contact: date | None,
                 today: date, lang: str) -> str | None:
    """What is missing in our coverage of one person, in words; None when covered.

    Thresholds follow the method: a decision maker unheard-from for 60 days already
    costs health points; other key roles get four months, everyone else six.
    """
    gaps: list[str] = []
    days = None if last_contact is None else (today - last_contact).days
    if role in ("decision_maker", "economic_buyer"):
        if days is None:
            gaps.append(_gap_text("dm_never" if role == "decision_maker" else "never", lang))
        elif days >= DECISION_MAKER_GAP_DAYS:
            gaps.append(_gap_text("dm_days" if role == "decision_maker" else "days", lang,
                                  days=days))
    elif role in KEY_ROLES:
        if days is None:
            gaps.append(_gap_text("never", lang))
        elif days >= KEY_PERSON_GAP_DAYS:
            gaps.append(_gap_text("days", lang, days=days))
    elif days is not None and days >= OTHER_PERSON_GAP_DAYS:
        gaps.append(_gap_text("days", lang, days=days))
    if attitude == "opponent":
        gaps.append(_gap_text("opponent", lang))
    elif strength <= 1 and _INFLUENCE.get(role or "", "low") == "high":
        gaps.append(_gap_text("weak", lang))
    return ("；" if _zh(lang) else "; ").join(gaps) or None


def stakeholders(conn: Connection, customer_id: int, today: date, lang: str = "en"
                 ) -> list[Stakeholder]:
    """The customer's current key people, decision makers first, with coverage gaps."""
    last = {r[0]: _as_date(r[1]) for r in conn.execute(
        select(_ip.person_id, func.max(_i.occurred_at))
        .select_from(interaction_people.join(Interaction.__table__, _i.id == _ip.interaction_id)
                     .join(Person.__table__, _p.id == _ip.person_id))
        .where(_p.customer_id == customer_id)
        .group_by(_ip.person_id))}
    rows = conn.execute(
        select(_p.id, _p.name, _p.title, _p.decision_role, _p.attitude,
               _p.relationship_strength, _p.is_primary)
        .where(_p.customer_id == customer_id, _p.archived.is_(False))
    ).all()
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    rows.sort(key=lambda r: (order.get(r.decision_role, len(order)), not r.is_primary, r.name))
    out = []
    for r in rows:
        strength = int(r.relationship_strength or 3)
        contact = last.get(r.id)
        out.append(Stakeholder(
            person_id=r.id, name=r.name, title=r.title or "", decision_role=r.decision_role,
            attitude=r.attitude or "neutral",
            influence=_INFLUENCE.get(r.decision_role or "", "low"), strength=strength,
            last_contact=contact,
            gap=coverage_gap(r.decision_role, r.attitude or "neutral", strength, contact,
                             today, lang),
        ))
    return out


# --------------------------------------------------------------------------- suggestions

_TIER_WORD = {"A": ("high-value", "高价值"), "B": ("middle-value", "中价值"),
              "C": ("low-value", "低价值")}
_ACTIVITY_WORD = {"active": ("active", "活跃"), "silent": ("silent", "沉默"),
                  "churned": ("churned", "流失")}
_STAGE_WORD = {"lead": ("lead", "线索"), "first_contact": ("first contact", "初步接触"),
               "demo": ("demo", "方案演示"), "trial": ("trial", "试用体验")}


def _word(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[1] if _zh(lang) else pair[0]


def situation_text(f: PlanFacts, today: date, lang: str) -> str:
    """The situation summary a new plan starts with: the figures in sentences."""
    zh = _zh(lang)
    tier = _word(_TIER_WORD, f.value_tier, lang)
    act = _word(_ACTIVITY_WORD, f.activity, lang)
    trend = f.revenue_trend_pct
    reasons = [describe_reason(r, lang) for r in f.health_reasons]
    parts: list[str] = []
    if zh:
        first = f"{f.name}为{tier}、{act}客户"
        if f.cooperation_start:
            first += f"，自 {f.cooperation_start.year} 年起合作"
        if f.industry:
            first += f"，所属行业：{f.industry}"
        parts.append(first + "。")
        rev = f"近 12 个月营收 {_money(f.revenue_12m, lang)}"
        if trend is not None:
            rev += f"（同比 {trend:+.1f}%）"
        rev += f"，共 {f.orders_12m} 笔订单；同期互动 {f.interactions_12m} 次。"
        parts.append(rev)
        health = f"合作健康度 {f.health} 分"
        health += "：" + "；".join(reasons) + "。" if reasons else "，暂无扣分项。"
        parts.append(health)
        extra = []
        if f.open_complaints:
            extra.append(f"未结投诉 {f.open_complaints} 项")
        if f.last_nps is not None:
            extra.append(f"最近 NPS {f.last_nps} 分")
        if f.last_csat is not None:
            extra.append(f"最近满意度 {f.last_csat:g} 分（满分 5 分）")
        if f.share_of_wallet_pct is not None:
            extra.append(f"钱包份额约 {f.share_of_wallet_pct:.0f}%")
        if extra:
            parts.append("，".join(extra) + "。")
        return "".join(parts)
    first = f"{f.name} is a {tier}, {act} customer"
    if f.cooperation_start:
        first += f", working with us since {f.cooperation_start.year}"
    if f.industry:
        first += f" ({f.industry})"
    parts.append(first + ".")
    rev = f"Revenue over the last 12 months: {_money(f.revenue_12m, lang)}"
    if trend is not None:
        rev += f" ({trend:+.1f}% on the previous 12 months)"
    rev += f" from {f.orders_12m} orders; {f.interactions_12m} interactions in the same period."
    parts.append(rev)
    if reasons:
        parts.append(f"Relationship health {f.health}/100: " + "; ".join(reasons) + ".")
    else:
        parts.append(f"Relationship health {f.health}/100, nothing deducted.")
    extra = []
    if f.open_complaints:
        extra.append(f"{f.open_complaints} open complaint(s)")
    if f.last_nps is not None:
        extra.append(f"latest NPS {f.last_nps}")
    if f.last_csat is not None:
        extra.append(f"latest CSAT {f.last_csat:g} of 5")
    if f.share_of_wallet_pct is not None:
        extra.append(f"share of wallet about {f.share_of_wallet_pct:.0f}%")
    if extra:
        parts.append(extra[0][0].upper() + "; ".join(extra)[1:] + ".")
    return " ".join(parts)


def suggest_strategies(value_tier: str, activity: str, lang: str) -> tuple[str, ...]:
    """The method's maintenance strategy for the tier (``domain.cadence.strategy_for``)."""
    tier = value_tier if value_tier in ("A", "B", "C") else "C"
    return tuple(p.text(_lang(lang)) for p in strategy_for(tier, activity))


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


def suggest_objectives(f: PlanFacts, period: str, lang: str) -> list[ObjectiveItem]:
    """Measurable starting points with today's figures as baselines.

    Revenue is always there (+10 % as a placeholder the manager overwrites); CSAT and
    share of wallet only when they have been measured, since a baseline of "n/a" makes
    an objective nobody can check.
    """
    zh = _zh(lang)
    due = period_bounds(period)[1]
    step = 1_000_000 if f.revenue_12m >= 10_000_000 else 10_000  # 1 万元, else 100 元
    target = round(f.revenue_12m * 1.1 / step) * step
    out = [ObjectiveItem(
        None, "营收" if zh else "Revenue", _money(f.revenue_12m, lang),
        _money(target, lang) if f.revenue_12m > 0 else "", due)]
    if f.last_csat is not None:
        out.append(ObjectiveItem(None, "客户满意度（CSAT）" if zh else "Customer satisfaction (CSAT)",
                                 f"{f.last_csat:g}", f"≥ {max(4.5, f.last_csat):g}", due))
    if f.share_of_wallet_pct is not None:
        target = min(100.0, f.share_of_wallet_pct + 5)
        out.append(ObjectiveItem(None, "钱包份额" if zh else "Share of wallet",
                                 f"{f.share_of_wallet_pct:.0f}%", f"{target:.0f}%", due))
    return out


_RISK = {
    "credit_none": (
        "Orders outstanding ({exposure}) with no credit limit set",
        "存在未结欠款（{exposure}）但未设置信用额度",
        "Run a credit assessment with finance and set a limit before the next order.",
        "与财务共同做信用评估，下一笔订单前设定信用额度。"),
    "credit_zero": (
        "Orders outstanding ({exposure}) with a zero credit limit",
        "信用额度为零但有未结欠款（{exposure}）",
        "Collect the outstanding amount; agree payment terms before new orders.",
        "催收未结款项，新订单前确认付款条件。"),
    "credit_usage": (
        "Credit exposure {exposure} is {pct}% of the {limit} limit",
        "信用敞口 {exposure}，已占信用额度 {limit} 的 {pct}%",
        "Review the limit with finance; agree payment milestones; hold orders above the limit.",
        "与财务复核信用额度，约定付款节点，超额订单暂缓发货。"),
    "market": (
        "Revenue down {pct}% on the previous 12 months",
        "营收同比下降 {pct}%",
        "Find the cause with the customer (market, competitor or our service); offer value, "
        "flexible pricing or shared-risk terms only where justified.",
        "与客户一起查明原因（市场、竞争或我方服务）；以价值竞争为主，必要时采用灵活定价或风险共担。"),
    "single": (
        "Single point of contact: only {people} person in touch in the last 180 days",
        "单点联系：近 180 天仅与 {people} 位关键人保持联系",
        "Build contacts across the decision chain: decision maker, users, technical evaluators.",
        "沿决策链扩大联系面：决策者、使用者、技术评估者。"),
    "no_dm": (
        "No decision maker on record",
        "未登记决策者",
        "Map the decision chain and ask our contact for an introduction to the decision maker.",
        "梳理决策链，请现有联系人引荐决策者。"),
    "dm_never": (
        "The decision maker has never been contacted",
        "从未与决策者接触",
        "Ask our contact for an introduction; arrange an executive visit (高层互访).",
        "请现有联系人引荐，安排一次高层互访。"),
    "dm_gap": (
        "No contact with the decision maker in {days} days",
        "已 {days} 天未与决策者联系",
        "Arrange an executive visit (高层互访) this period.",
        "本期安排一次高层互访。"),
    "contract_expired": (
        "Contract {number} ({title}) ended on {end} and is not renewed",
        "合同 {number}（{title}）已于 {end} 到期，尚未续签",
        "Agree the renewal or a new contract now; confirm terms in writing.",
        "尽快确定续签或新合同，书面确认条款。"),
    "contract_expiring": (
        "Contract {number} ({title}) expires on {end}",
        "合同 {number}（{title}）将于 {end} 到期",
        "Start the renewal review early: cooperation review, terms, price adjustment.",
        "提前启动续签评审：合作回顾、条款与价格调整。"),
    "complaints": (
        "{count} complaint(s) past their response deadline",
        "{count} 项投诉超过处理时限",
        "Owner answers within 24 hours and follows the issue through; visit after it is "
        "resolved to confirm satisfaction.",
        "首问负责，24 小时内响应并跟进到底；解决后回访确认满意度。"),
    "satisfaction": (
        "Low satisfaction: {detail}",
        "满意度偏低：{detail}",
        "Ask what went wrong, agree an improvement list and check again next quarter.",
        "了解不满原因，形成改进清单，下季度复查。"),
    "silent": (
        "Customer has gone silent: no recent contact or order",
        "客户已沉默：近期无互动或订单",
        "Call to learn what changed; offer a win-back incentive (discount, trial).",
        "客户经理致电了解变化，提供回归激励（折扣、新品试用）。"),
    "churned": (
        "Customer has churned: no order for six months or more",
        "客户已流失：六个月以上无订单",
        "Review why the customer left; decide whether and how to win it back.",
        "复盘流失原因，评估是否及如何挽回。"),
}


def _risk(key: str, kind: str, level: str, lang: str, **params: Any) -> RiskItem:
    en, zh, en_m, zh_m = _RISK[key]
    text = (zh if _zh(lang) else en).format(**params)
    return RiskItem(None, text, kind, level, zh_m if _zh(lang) else en_m)


def suggest_risks(f: PlanFacts, today: date, lang: str) -> list[RiskItem]:
    """Risks the figures already show (§7 of the method), worst kinds first."""
    out: list[RiskItem] = []
    reasons = {r.code: r for r in f.health_reasons}
    if f.credit_exposure > 0:
        exposure = _money(f.credit_exposure, lang)
        if f.credit_limit is None:
            out.append(_risk("credit_none", "credit", "medium", lang, exposure=exposure))
        elif f.credit_limit <= 0:
            out.append(_risk("credit_zero", "credit", "high", lang, exposure=exposure))
        else:
            pct = round(f.credit_exposure * 100 / f.credit_limit)
            if pct >= 80:
                out.append(_risk("credit_usage", "credit", "high" if pct >= 100 else "medium",
                                 lang, exposure=exposure, pct=pct,
                                 limit=_money(f.credit_limit, lang)))
    trend = f.revenue_trend_pct
    if trend is not None and trend <= -10:
        drop = round(-trend)
        out.append(_risk("market", "market",
                         "high" if drop >= 50 else "medium" if drop >= 25 else "low",
                         lang, pct=drop))
    if "single_point_of_contact" in reasons:
        people = int(reasons["single_point_of_contact"].params.get("people", 1))
        out.append(_risk("single", "single_contact",
                         "high" if f.value_tier == "A" else "medium", lang, people=people))
    if "no_decision_maker" in reasons:
        out.append(_risk("no_dm", "single_contact", "medium", lang))
    elif "decision_maker_not_contacted" in reasons:
        days = int(reasons["decision_maker_not_contacted"].params.get("days", 60))
        if days >= NEVER_DAYS:
            out.append(_risk("dm_never", "other", "high", lang))
        else:
            out.append(_risk("dm_gap", "other", "high" if days >= 180 else "medium", lang,
                             days=days))
    for number, title, end, status in f.contracts:
        if end is None or status not in ("signed", "active"):
            continue
        left = (end - today).days
        if left < 0 and -left <= 365:
            out.append(_risk("contract_expired", "contract", "high", lang, number=number,
                             title=title, end=end.isoformat()))
        elif 0 <= left <= RENEWAL_HORIZON_DAYS:
            out.append(_risk("contract_expiring", "contract",
                             "high" if left <= 60 else "medium" if left <= 120 else "low",
                             lang, number=number, title=title, end=end.isoformat()))
    if f.overdue_complaints:
        out.append(_risk("complaints", "other", "high", lang, count=f.overdue_complaints))
    low = []
    if f.last_csat is not None and f.last_csat < 4:
        low.append(f"CSAT {f.last_csat:g}/5")
    if f.last_nps is not None and f.last_nps <= 6:
        low.append(f"NPS {f.last_nps}/10")
    if low:
        out.append(_risk("satisfaction", "other", "medium", lang, detail=", ".join(low)))
    if f.activity == "silent":
        out.append(_risk("silent", "other", "high" if f.value_tier == "A" else "medium", lang))
    elif f.activity == "churned":
        out.append(_risk("churned", "other", "high", lang))
    return out


def suggest_swot(f: PlanFacts, people: Sequence[Stakeholder], today: date, lang: str
                 ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(strengths, weaknesses, opportunities, threats) the data supports; the manager
    adds what only they know (competitors, the customer's own plans)."""
    zh = _zh(lang)
    s: list[str] = []
    w: list[str] = []
    o: list[str] = []
    t: list[str] = []
    if f.cooperation_start and (today - f.cooperation_start).days >= 365:
        years = (today - f.cooperation_start).days // 365
        s.append(f"合作已 {years} 年" if zh else f"Working together for {years} year(s)")
    trend = f.revenue_trend_pct
    if trend is not None and trend > 0:
        s.append(f"营收同比增长 {trend:.1f}%" if zh else f"Revenue up {trend:.1f}% year on year")
    fans = [p.name for p in people if p.attitude == "supporter" and p.strength >= 4]
    if fans:
        names = "、".join(fans[:3]) if zh else ", ".join(fans[:3])
        s.append(f"关键人支持：{names}" if zh else f"Strong supporters: {names}")
    if f.last_csat is not None and f.last_csat >= 4.5:
        s.append(f"满意度高（{f.last_csat:g}/5）" if zh else f"High satisfaction ({f.last_csat:g}/5)")
    for r in f.health_reasons:
        if r.code != "revenue_down":
            w.append(describe_reason(r, lang))
    for text in (f.explicit_needs, f.latent_needs):
        for item in split_lines((text or "").replace("；", "\n").replace(";", "\n")):
            o.append(item)
    if f.potential == "high":
        o.append("客户潜力高" if zh else "High potential customer")
    if trend is not None and trend <= -10:
        t.append(f"营收同比下降 {-trend:.1f}%" if zh else f"Revenue down {-trend:.1f}% year on year")
    opponents = [p.name for p in people if p.attitude == "opponent"]
    if opponents:
        names = "、".join(opponents[:3]) if zh else ", ".join(opponents[:3])
        t.append(f"关键人持反对态度：{names}" if zh else f"Opposed key people: {names}")
    if f.activity in ("silent", "churned"):
        t.append(_word(_ACTIVITY_WORD, f.activity, lang) + ("客户，存在流失风险" if zh
                                                             else " customer: risk of losing it"))
    return tuple(s), tuple(w), tuple(o), tuple(t)


def suggest_opportunities(f: PlanFacts, lang: str) -> tuple[str, ...]:
    """Open pipeline opportunities, as the plan's business opportunities."""
    out = []
    for title, stage, value in f.open_opportunities:
        bits = [_word(_STAGE_WORD, stage, lang)]
        if value:
            bits.append(_money(int(value), lang))
        sep = "，" if _zh(lang) else ", "
        out.append(f"{title}（{sep.join(bits)}）" if _zh(lang) else f"{title} ({sep.join(bits)})")
    return tuple(out)


# --------------------------------------------------------------------------- writes


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "required")
    return customer


def _plan(session: Session, plan_id: int) -> AccountPlan:
    plan = session.get(AccountPlan, plan_id)
    if plan is None:
        raise ValidationError("plan", "required")
    return plan


def _refuse_existing(session: Session, customer_id: int, period: str) -> None:
    exists = session.scalar(select(AccountPlan.id).where(
        AccountPlan.customer_id == customer_id, AccountPlan.period == period))
    if exists is not None:
        raise ValidationError("period", "duplicate", period)


def create_plan(session: Session, customer_id: int, period: str, owner: str | None,
                today: date, lang: str = "en") -> AccountPlan:
    """A new plan for ``period``, pre-filled from the data in ``lang``.

    Refuses a period the customer already has a plan for (ValidationError period /
    duplicate): a plan is the record of one period and is never replaced.
    """
    period = normalize_period(period)
    customer = _customer(session, customer_id)
    _refuse_existing(session, customer_id, period)
    conn = session.connection()
    facts = plan_facts(conn, customer_id, today)
    assert facts is not None
    people = stakeholders(conn, customer_id, today, lang)
    s, w, o, t = suggest_swot(facts, people, today, lang)
    plan = AccountPlan(
        customer_id=customer_id, period=period,
        owner=_clean(owner) or customer.owner, status="draft",
        situation_summary=situation_text(facts, today, lang),
        strengths=_join(s), weaknesses=_join(w), swot_opportunities=_join(o), threats=_join(t),
        strategies=_join(suggest_strategies(facts.value_tier, facts.activity, lang)),
        opportunities=_join(suggest_opportunities(facts, lang)),
    )
    session.add(plan)
    session.flush()
    for pos, item in enumerate(suggest_objectives(facts, period, lang)):
        session.add(PlanObjective(plan_id=plan.id, position=pos, metric=item.metric,
                                  baseline=item.baseline, target=item.target, due=item.due,
                                  status=item.status))
    for pos, r in enumerate(suggest_risks(facts, today, lang)):
        session.add(PlanRisk(plan_id=plan.id, position=pos, risk=r.risk, kind=r.kind,
                             level=r.level, mitigation=r.mitigation))
    session.flush()
    return plan


def copy_plan(session: Session, plan_id: int, new_period: str) -> AccountPlan:
    """Carry a plan into ``new_period``: the texts, the objectives (reopened, since
    they are to be achieved again) and the actions still open; finished and dropped
    actions stay behind with the old period, whose row is left untouched."""
    period = normalize_period(new_period)
    old = _plan(session, plan_id)
    _refuse_existing(session, old.customer_id, period)
    new = AccountPlan(customer_id=old.customer_id, period=period, owner=old.owner,
                      status="draft",
                      **{f: getattr(old, f) for f in EDITABLE_FIELDS
                         if f not in ("owner", "status")})
    session.add(new)
    session.flush()
    for pos, o in enumerate(old.objectives):
        session.add(PlanObjective(plan_id=new.id, position=pos, metric=o.metric,
                                  baseline=o.baseline, target=o.target, due=o.due,
                                  status="open"))
    pos = 0
    for a in old.actions:
        if a.status in ("done", "dropped"):
            continue
        # The reminder task (if any) still stands, so the carried action keeps it.
        session.add(PlanAction(plan_id=new.id, position=pos, action=a.action, owner=a.owner,
                               due=a.due, status=a.status, task_id=a.task_id))
        pos += 1
    for pos, r in enumerate(old.risks):
        session.add(PlanRisk(plan_id=new.id, position=pos, risk=r.risk, kind=r.kind,
                             level=r.level, mitigation=r.mitigation))
    session.flush()
    return new


def delete_plan(session: Session, plan_id: int) -> None:
    session.delete(_plan(session, plan_id))
    session.flush()


def update_plan(session: Session, plan_id: int, **fields: Any) -> AccountPlan:
    """Edit a plan's texts, owner or status. The period is not editable: it is the
    plan's identity (copy to a new period instead)."""
    plan = _plan(session, plan_id)
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise ValidationError(key, "invalid_choice")
        value = _clean(value)
        if key == "status" and value not in PLAN_STATUSES:
            raise ValidationError("status", "invalid_choice")
        setattr(plan, key, value)
    session.flush()
    return plan


def _check_objective(o: dict[str, Any]) -> None:
    if not (o.get("metric") or "").strip():
        raise ValidationError("metric", "required")
    if o.get("status", "open") not in OBJECTIVE_STATUSES:
        raise ValidationError("objective_status", "invalid_choice")
    if o.get("due") is not None and not isinstance(o["due"], date):
        raise ValidationError("due", "invalid_date")
    for key, limit in (("metric", 300), ("baseline", 100), ("target", 100)):
        if len(o.get(key) or "") > limit:
            raise ValidationError(key, "too_long")


def _check_action(a: dict[str, Any]) -> None:
    if not (a.get("action") or "").strip():
        raise ValidationError("action", "required")
    if a.get("status", "open") not in ACTION_STATUSES:
        raise ValidationError("action_status", "invalid_choice")
    if a.get("due") is not None and not isinstance(a["due"], date):
        raise ValidationError("due", "invalid_date")
    if len(a.get("owner") or "") > 100:
        raise ValidationError("owner", "too_long")


def _check_risk(r: dict[str, Any]) -> None:
    if not (r.get("risk") or "").strip():
        raise ValidationError("risk", "required")
    if r.get("kind", "other") not in RISK_KINDS:
        raise ValidationError("risk_kind", "invalid_choice")
    if r.get("level", "medium") not in LEVELS:
        raise ValidationError("risk_level", "invalid_choice")


def _next_position(session: Session, model: Any, plan_id: int) -> int:
    top = session.scalar(select(func.max(model.position)).where(model.plan_id == plan_id))
    return 0 if top is None else int(top) + 1


def _strip_all(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}


def add_objective(session: Session, plan_id: int, metric: str, baseline: str = "",
                  target: str = "", due: date | None = None, status: str = "open"
                  ) -> PlanObjective:
    _plan(session, plan_id)
    data = _strip_all(dict(metric=metric, baseline=baseline, target=target, due=due,
                           status=status))
    _check_objective(data)
    row = PlanObjective(plan_id=plan_id, position=_next_position(session, PlanObjective, plan_id),
                        **{k: (v or None) if k in ("baseline", "target") else v
                           for k, v in data.items()})
    session.add(row)
    session.flush()
    return row


def _edit(session: Session, model: Any, row_id: int, check: Any, allowed: tuple[str, ...],
          fields: dict[str, Any]) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError(model.__tablename__, "required")
    current = {k: getattr(row, k) for k in allowed}
    for key in fields:
        if key not in allowed:
            raise ValidationError(key, "invalid_choice")
    current.update(_strip_all(fields))
    check(current)
    for key, value in _strip_all(fields).items():
        setattr(row, key, value if value != "" or key in ("metric", "action", "risk") else None)
    session.flush()
    return row


def update_objective(session: Session, objective_id: int, **fields: Any) -> PlanObjective:
    return _edit(session, PlanObjective, objective_id, _check_objective,
                 ("metric", "baseline", "target", "due", "status"), fields)


def add_action(session: Session, plan_id: int, action: str, owner: str = "",
               due: date | None = None, status: str = "open") -> PlanAction:
    _plan(session, plan_id)
    data = _strip_all(dict(action=action, owner=owner, due=due, status=status))
    _check_action(data)
    row = PlanAction(plan_id=plan_id, position=_next_position(session, PlanAction, plan_id),
                     action=data["action"], owner=data["owner"] or None, due=due,
                     status=status)
    session.add(row)
    session.flush()
    return row


def update_action(session: Session, action_id: int, **fields: Any) -> PlanAction:
    return _edit(session, PlanAction, action_id, _check_action,
                 ("action", "owner", "due", "status"), fields)


def add_risk(session: Session, plan_id: int, risk: str, kind: str = "other",
             level: str = "medium", mitigation: str = "") -> PlanRisk:
    _plan(session, plan_id)
    data = _strip_all(dict(risk=risk, kind=kind, level=level, mitigation=mitigation))
    _check_risk(data)
    row = PlanRisk(plan_id=plan_id, position=_next_position(session, PlanRisk, plan_id),
                   risk=data["risk"], kind=kind, level=level,
                   mitigation=data["mitigation"] or None)
    session.add(row)
    session.flush()
    return row


def update_risk(session: Session, risk_id: int, **fields: Any) -> PlanRisk:
    return _edit(session, PlanRisk, risk_id, _check_risk,
                 ("risk", "kind", "level", "mitigation"), fields)


def _delete(session: Session, model: Any, row_id: int) -> None:
    row = session.get(model, row_id)
    if row is not None:
        session.delete(row)
        session.flush()


def delete_objective(session: Session, objective_id: int) -> None:
    _delete(session, PlanObjective, objective_id)


def delete_action(session: Session, action_id: int) -> None:
    """Removes the plan row only; a reminder task made from it stays on the task list."""
    _delete(session, PlanAction, action_id)


def delete_risk(session: Session, risk_id: int) -> None:
    _delete(session, PlanRisk, risk_id)


def _move(session: Session, model: Any, row_id: int, delta: int) -> None:
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError(model.__tablename__, "required")
    siblings = list(session.scalars(select(model).where(model.plan_id == row.plan_id)
                                    .order_by(model.position, model.id)))
    i = siblings.index(row)
    j = max(0, min(len(siblings) - 1, i + delta))
    siblings.insert(j, siblings.pop(i))
    for pos, item in enumerate(siblings):
        item.position = pos
    session.flush()


def move_objective(session: Session, objective_id: int, delta: int) -> None:
    """Move up (delta < 0) or down; positions are renumbered 0..n-1."""
    _move(session, PlanObjective, objective_id, delta)


def move_action(session: Session, action_id: int, delta: int) -> None:
    _move(session, PlanAction, action_id, delta)


def move_risk(session: Session, risk_id: int, delta: int) -> None:
    _move(session, PlanRisk, risk_id, delta)


def _sync(session: Session, model: Any, plan_id: int, items: Sequence[Any], check: Any,
          columns: tuple[str, ...]) -> dict[int, Any]:
    """Make the plan's rows of ``model`` equal ``items`` (in that order): rows with an id
    are updated, rows without are added, rows no longer listed are deleted."""
    existing = {r.id: r for r in session.scalars(select(model).where(model.plan_id == plan_id))}
    kept: dict[int, Any] = {}
    for pos, item in enumerate(items):
        data = _strip_all({c: getattr(item, c) for c in columns})
        check(data)
        values = {k: (v if v != "" or k in ("metric", "action", "risk") else None)
                  for k, v in data.items()}
        row = existing.get(item.id) if item.id is not None else None
        if row is None:
            row = model(plan_id=plan_id, position=pos, **values)
            session.add(row)
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.position = pos
        session.flush()
        kept[row.id] = row
    for row_id, row in existing.items():
        if row_id not in kept:
            session.delete(row)
    session.flush()
    return kept


def save_plan(session: Session, plan_id: int, fields: dict[str, Any],
              objectives: Sequence[ObjectiveItem], actions: Sequence[ActionItem],
              risks: Sequence[RiskItem], now: datetime | None = None) -> AccountPlan:
    """Write a whole edited plan at once, as the editor's Save does.

    The first invalid row raises ValidationError with ``detail`` = its 1-based row
    number, so the editor can point at it. When ``now`` is given, an action marked done
    also completes its open reminder task: the manager should not tick it off twice.
    """
    plan = update_plan(session, plan_id, **fields)
    for name, items, model, check, cols in (
        ("objectives", objectives, PlanObjective, _check_objective,
         ("metric", "baseline", "target", "due", "status")),
        ("actions", actions, PlanAction, _check_action, ("action", "owner", "due", "status")),
        ("risks", risks, PlanRisk, _check_risk, ("risk", "kind", "level", "mitigation")),
    ):
        for i, item in enumerate(items, start=1):
            try:
                check(_strip_all({c: getattr(item, c) for c in cols}))
            except ValidationError as exc:
                raise ValidationError(exc.field, exc.code, f"{name}:{i}") from None
        _sync(session, model, plan_id, items, check, cols)
    if now is not None:
        for a in session.scalars(select(PlanAction).where(
                PlanAction.plan_id == plan_id, PlanAction.status == "done",
                PlanAction.task_id.is_not(None))):
            task = session.get(Task, a.task_id)
            if task is not None and task.done_at is None:
                task.done_at = now
    session.flush()
    session.expire(plan)
    return plan


def action_to_task(session: Session, action_id: int, now: datetime, lang: str = "en") -> Task:
    """Turn a plan action into a reminder task (source 'plan'), linked both ways.

    Doing it twice returns the task made the first time. The reminder follows the
    contact log's rule: 09:00 the day before the due date, or at once when that has
    passed; an action without a date is recalled tomorrow at 09:00.
    """
    action = session.get(PlanAction, action_id)
    if action is None:
        raise ValidationError("action", "required")
    if action.task_id is not None:
        task = session.get(Task, action.task_id)
        if task is not None:
            return task
    key = f"plan_action:{action.id}"
    task = session.scalar(select(Task).where(Task.source_key == key))
    plan = _plan(session, action.plan_id)
    if task is None:
        if action.due is not None:
            due_at: datetime | None = datetime.combine(action.due, time(18))
            remind_at = reminder_for_deadline(action.due, now)
        else:
            due_at = None
            remind_at = datetime.combine(now.date() + timedelta(days=1), time(9))
        notes = (f"客户经营计划 {plan.period}" if _zh(lang) else f"Account plan {plan.period}")
        task = Task(title=action.action.strip()[:300], notes=notes, kind="task",
                    customer_id=plan.customer_id, owner=action.owner or plan.owner,
                    due_at=due_at, remind_at=remind_at, priority=2, source="plan",
                    source_key=key)
        session.add(task)
        session.flush()
    action.task_id = task.id
    if action.status == "open":
        action.status = "in_progress"
    session.flush()
    return task


# --------------------------------------------------------------------------- reads


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
        stmt = stmt.where((_c.name.like(like)) | (_c.code.like(like)) | (_ap.period.like(like))
                          | (_c.name_initials.like(like.lower())))
    rows = [PlanRow(
        id=r.id, customer_id=r.customer_id, customer_code=r.code, customer_name=r.name,
        period=r.period, status=r.status, owner=r.owner, updated_at=r.updated_at,
        value_tier=r.value_tier or "C", activity=r.activity or "silent",
        objectives=int(r.objectives or 0), actions=int(r.actions or 0),
        open_actions=int(r.open_actions or 0)) for r in conn.execute(stmt)]

    def key(p: PlanRow) -> tuple[Any, ...]:
        try:
            end, start = period_key(p.period)
        except ValidationError:
            end = start = date.min
        return (p.customer_code, -end.toordinal(), -start.toordinal(), -p.id)

    rows.sort(key=key)
    return rows


def plan_periods(conn: Connection, customer_id: int) -> list[tuple[int, str]]:
    """(plan id, period) of one customer, latest period first."""
    rows = [(r[0], r[1]) for r in conn.execute(
        select(_ap.id, _ap.period).where(_ap.customer_id == customer_id))]

    def key(item: tuple[int, str]) -> tuple[Any, ...]:
        try:
            end, start = period_key(item[1])
        except ValidationError:
            end = start = date.min
        return (end, start, item[0])

    rows.sort(key=key, reverse=True)
    return rows


def latest_plan_id(conn: Connection, customer_id: int) -> int | None:
    periods = plan_periods(conn, customer_id)
    return periods[0][0] if periods else None


@dataclass(frozen=True)
class PlanDetail:
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

    def fields(self) -> dict[str, str]:
        return {f: getattr(self, f) for f in EDITABLE_FIELDS}


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
    )


def draft_detail(conn: Connection, customer_id: int, period: str, today: date,
                 lang: str = "en") -> PlanDetail | None:
    """What :func:`create_plan` would write, without writing it: for a PDF of a customer
    who has no plan yet (the CLI's default) and for previews."""
    period = normalize_period(period)
    facts = plan_facts(conn, customer_id, today)
    if facts is None:
        return None
    people = stakeholders(conn, customer_id, today, lang)
    s, w, o, t = suggest_swot(facts, people, today, lang)
    return PlanDetail(
        id=0, customer_id=customer_id, period=period, owner=facts.owner or "", status="draft",
        situation_summary=situation_text(facts, today, lang), strengths=_join(s),
        weaknesses=_join(w), swot_opportunities=_join(o), threats=_join(t),
        strategies=_join(suggest_strategies(facts.value_tier, facts.activity, lang)),
        opportunities=_join(suggest_opportunities(facts, lang)), resources_needed="",
        stakeholder_notes="", updated_at=None,
        objectives=tuple(suggest_objectives(facts, period, lang)), actions=(),
        risks=tuple(suggest_risks(facts, today, lang)),
    )


@dataclass(frozen=True)
class CustomerPick:
    id: int
    code: str
    name: str
    value_tier: str


def find_customers(conn: Connection, text: str = "", limit: int = 50) -> list[CustomerPick]:
    """Customers for the "New plan" picker, by code, name or pinyin initials."""
    stmt = (select(_c.id, _c.code, _c.name, _m.value_tier)
            .select_from(Customer.__table__.outerjoin(
                CustomerMetrics.__table__, _m.customer_id == _c.id))
            .where(_c.status != "archived"))
    t = text.strip()
    if t:
        like = f"%{t}%"
        stmt = stmt.where(_c.name.like(like) | _c.code.like(like)
                          | _c.name_initials.like(like.lower()) | _c.name_pinyin.like(like.lower()))
    stmt = stmt.order_by(_c.code).limit(limit)
    return [CustomerPick(r.id, r.code, r.name, r.value_tier or "C") for r in conn.execute(stmt)]


def _pick(conn: Connection, condition: Any) -> CustomerPick | None:
    r = conn.execute(
        select(_c.id, _c.code, _c.name, _m.value_tier)
        .select_from(Customer.__table__.outerjoin(
            CustomerMetrics.__table__, _m.customer_id == _c.id))
        .where(condition)).first()
    return None if r is None else CustomerPick(r.id, r.code, r.name, r.value_tier or "C")


def customer_by_code(conn: Connection, code: str) -> CustomerPick | None:
    """Exact code, case-insensitive (what a user types on the command line)."""
    return _pick(conn, func.upper(_c.code) == code.strip().upper())


def customer_by_id(conn: Connection, customer_id: int) -> CustomerPick | None:
    return _pick(conn, _c.id == customer_id)
