"""The words of an account plan, written from the facts: situation, SWOT, strategies,
objectives, opportunities, coverage gaps and the risks the figures already show.

A new plan starts from the data rather than from a blank page, because a manager edits
a draft far faster than they write one. Everything here is pure text from
:class:`~kamdesk.domain.plans.PlanFacts` in English or Chinese — no SQL, no Qt — so the
editor, the PDF, the batch export and the tests all get the same sentences.

Text lists (strategies, SWOT items, opportunities) are one item a line, which is what a
person types into a box and what the PDF prints as bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Literal

from kamdesk.domain.cadence import strategy_for
from kamdesk.domain.health import HealthReason, describe
from kamdesk.domain.plan_periods import parse_period, period_bounds
from kamdesk.domain.plans import (
    DECISION_MAKER_GAP_DAYS,
    INFLUENCE,
    KEY_PERSON_GAP_DAYS,
    KEY_ROLES,
    NEVER_DAYS,
    OTHER_PERSON_GAP_DAYS,
    RENEWAL_HORIZON_DAYS,
    ObjectiveItem,
    PlanDetail,
    PlanFacts,
    RiskItem,
    Stakeholder,
)
from kamdesk.domain.plural import count_en, noun_en
from kamdesk.domain.vocab import inline, is_zh

__all__ = [
    "coverage_gap", "describe_reason", "draft_plan", "join_lines", "money", "situation_text",
    "split_lines", "suggest_objectives", "suggest_opportunities", "suggest_risks",
    "suggest_strategies", "suggest_swot",
]


def _lang(lang: str) -> Literal["en", "zh_CN"]:
    return "zh_CN" if is_zh(lang) else "en"


def split_lines(text: str | None) -> tuple[str, ...]:
    """One item a line; typed bullets ("- ", "• ", "1. ") are not part of the item."""
    out = []
    for line in (text or "").splitlines():
        s = re.sub(r"^\s*(?:[-*•·]|\d{1,2}[.、)）])\s*", "", line).strip()
        if s:
            out.append(s)
    return tuple(out)


def join_lines(items: Iterable[str]) -> str:
    return "\n".join(i.strip() for i in items if i and i.strip())


def money(fen: int, lang: str) -> str:
    """¥1,234,567 in English, 123.5 万元 in Chinese: whole yuan, which is how a plan talks."""
    yuan = fen / 100
    if is_zh(lang) and abs(yuan) >= 10_000:
        if abs(yuan) >= 100_000_000:
            return f"{yuan / 100_000_000:,.2f} 亿元"
        return f"{yuan / 10_000:,.1f} 万元"
    if is_zh(lang):
        return f"{yuan:,.0f} 元"
    return f"¥{yuan:,.0f}"


def describe_reason(reason: HealthReason, lang: str) -> str:
    """:func:`health.describe`, except that the metrics' stand-in of 9999 days for a
    decision maker never contacted is said in words instead of as a number."""
    if reason.code == "decision_maker_not_contacted" and \
            int(reason.params.get("days", 0)) >= NEVER_DAYS:
        return "从未与决策者联系" if is_zh(lang) else "the decision maker was never contacted"
    return describe(reason, _lang(lang))


# --------------------------------------------------------------------------- people

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
    return (zh if is_zh(lang) else en).format(**params)


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
    elif strength <= 1 and INFLUENCE.get(role or "", "low") == "high":
        gaps.append(_gap_text("weak", lang))
    return ("；" if is_zh(lang) else "; ").join(gaps) or None


# --------------------------------------------------------------------------- suggestions



def situation_text(f: PlanFacts, today: date, lang: str) -> str:
    """The situation summary a new plan starts with: the figures in sentences."""
    zh = is_zh(lang)
    tier = inline("value_tier", f.value_tier, lang)
    act = inline("activity", f.activity, lang)
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
        rev = f"近 12 个月营收 {money(f.revenue_12m, lang)}"
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
    rev = f"Revenue over the last 12 months: {money(f.revenue_12m, lang)}"
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
        extra.append(f"{f.open_complaints} open {noun_en(f.open_complaints, 'complaint')}")
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


def suggest_objectives(f: PlanFacts, period: str, lang: str) -> list[ObjectiveItem]:
    """Measurable starting points with today's figures as baselines.

    Revenue is always there (+10 % as a placeholder the manager overwrites); CSAT and
    share of wallet only when they have been measured, since a baseline of "n/a" makes
    an objective nobody can check.
    """
    zh = is_zh(lang)
    due = period_bounds(period)[1]
    step = 1_000_000 if f.revenue_12m >= 10_000_000 else 10_000  # 1 万元, else 100 元
    target = round(f.revenue_12m * 1.1 / step) * step
    out = [ObjectiveItem(
        None, "营收" if zh else "Revenue", money(f.revenue_12m, lang),
        money(target, lang) if f.revenue_12m > 0 else "", due)]
    if f.last_csat is not None:
        out.append(ObjectiveItem(None,
                                 "客户满意度（CSAT）" if zh else "Customer satisfaction (CSAT)",
                                 f"{f.last_csat:g}", f"≥ {max(4.5, f.last_csat):g}", due))
    if f.share_of_wallet_pct is not None:
        wallet_target = min(100.0, f.share_of_wallet_pct + 5)
        out.append(ObjectiveItem(None, "钱包份额" if zh else "Share of wallet",
                                 f"{f.share_of_wallet_pct:.0f}%", f"{wallet_target:.0f}%", due))
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
        "{count} {noun} past their response deadline",
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
    text = (zh if is_zh(lang) else en).format(**params)
    return RiskItem(None, text, kind, level, zh_m if is_zh(lang) else en_m)


def suggest_risks(f: PlanFacts, today: date, lang: str) -> list[RiskItem]:
    """Risks the figures already show (§7 of the method), worst kinds first."""
    out: list[RiskItem] = []
    reasons = {r.code: r for r in f.health_reasons}
    if f.credit_exposure > 0:
        exposure = money(f.credit_exposure, lang)
        if f.credit_limit is None:
            out.append(_risk("credit_none", "credit", "medium", lang, exposure=exposure))
        elif f.credit_limit <= 0:
            out.append(_risk("credit_zero", "credit", "high", lang, exposure=exposure))
        else:
            pct = round(f.credit_exposure * 100 / f.credit_limit)
            if pct >= 80:
                out.append(_risk("credit_usage", "credit", "high" if pct >= 100 else "medium",
                                 lang, exposure=exposure, pct=pct,
                                 limit=money(f.credit_limit, lang)))
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
        out.append(_risk("complaints", "other", "high", lang, count=f.overdue_complaints,
                         noun=noun_en(f.overdue_complaints, "complaint")))
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
    zh = is_zh(lang)
    s: list[str] = []
    w: list[str] = []
    o: list[str] = []
    t: list[str] = []
    if f.cooperation_start and (today - f.cooperation_start).days >= 365:
        years = (today - f.cooperation_start).days // 365
        s.append(f"合作已 {years} 年" if zh else f"Working together for {count_en(years, 'year')}")
    trend = f.revenue_trend_pct
    if trend is not None and trend > 0:
        s.append(f"营收同比增长 {trend:.1f}%" if zh else f"Revenue up {trend:.1f}% year on year")
    fans = [p.name for p in people if p.attitude == "supporter" and p.strength >= 4]
    if fans:
        names = "、".join(fans[:3]) if zh else ", ".join(fans[:3])
        s.append(f"关键人支持：{names}" if zh else f"Strong supporters: {names}")
    if f.last_csat is not None and f.last_csat >= 4.5:
        s.append(f"满意度高（{f.last_csat:g}/5）" if zh
                 else f"High satisfaction ({f.last_csat:g}/5)")
    for r in f.health_reasons:
        if r.code != "revenue_down":
            w.append(describe_reason(r, lang))
    for text in (f.explicit_needs, f.latent_needs):
        for item in split_lines((text or "").replace("；", "\n").replace(";", "\n")):
            o.append(item)
    if f.potential == "high":
        o.append("客户潜力高" if zh else "High potential customer")
    if trend is not None and trend <= -10:
        t.append(f"营收同比下降 {-trend:.1f}%" if zh
                 else f"Revenue down {-trend:.1f}% year on year")
    opponents = [p.name for p in people if p.attitude == "opponent"]
    if opponents:
        names = "、".join(opponents[:3]) if zh else ", ".join(opponents[:3])
        t.append(f"关键人持反对态度：{names}" if zh else f"Opposed key people: {names}")
    if f.activity in ("silent", "churned"):
        t.append(inline("activity", f.activity, lang) + ("客户，存在流失风险" if zh
                                                             else " customer: risk of losing it"))
    return tuple(s), tuple(w), tuple(o), tuple(t)


def suggest_opportunities(f: PlanFacts, lang: str) -> tuple[str, ...]:
    """Open pipeline opportunities, as the plan's business opportunities."""
    out = []
    for title, stage, value in f.open_opportunities:
        bits = [inline("stage", stage, lang)]
        if value:
            bits.append(money(int(value), lang))
        sep = "，" if is_zh(lang) else ", "
        out.append(f"{title}（{sep.join(bits)}）" if is_zh(lang) else f"{title} ({sep.join(bits)})")
    return tuple(out)


# --------------------------------------------------------------------------- the draft


def draft_plan(f: PlanFacts, people: Sequence[Stakeholder], period: str, today: date,
               lang: str) -> PlanDetail:
    """The plan a new period starts with (``id`` 0, not stored): the situation in
    words, the SWOT the data supports, the method's strategies for the tier, the open
    opportunities, objectives with today's baselines and the risks the figures show."""
    period = parse_period(period)
    s, w, o, t = suggest_swot(f, people, today, lang)
    return PlanDetail(
        id=0, customer_id=f.customer_id, period=period, owner=f.owner or "", status="draft",
        situation_summary=situation_text(f, today, lang), strengths=join_lines(s),
        weaknesses=join_lines(w), swot_opportunities=join_lines(o), threats=join_lines(t),
        strategies=join_lines(suggest_strategies(f.value_tier, f.activity, lang)),
        opportunities=join_lines(suggest_opportunities(f, lang)), resources_needed="",
        stakeholder_notes="", updated_at=None,
        objectives=tuple(suggest_objectives(f, period, lang)), actions=(),
        risks=tuple(suggest_risks(f, today, lang)),
    )
