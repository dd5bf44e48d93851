"""Words printed on the PDFs, in the UI's two languages.

The PDFs are not translated through Qt (.ts/.qm) because the reports must build without
Qt (CLI, tests, a worker process), and a printed account plan needs headings tuned for
paper rather than for buttons. Stored codes (roles, tiers, channels …) are worded by the
one vocabulary, :mod:`kamdesk.domain.vocab`, exactly as on screen.

Enumerated fields (decision role, attitude, status, level …) may arrive either as codes
(``"decision_maker"``) or as text the user typed; :func:`term` translates known codes and
known wordings and passes anything else through untouched, so a custom role still prints.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from kamdesk.domain import vocab

Lang = Literal["en", "zh_CN"]

_LABELS: dict[str, tuple[str, str]] = {
    # key: (English, 简体中文)
    "plan_title": ("Key Account Plan", "客户经营计划"),
    "brief_title": ("Pre-visit Brief", "拜访简报"),
    "period": ("Plan period", "计划周期"),
    "owner": ("Account manager", "客户经理"),
    "generated_on": ("Prepared on", "编制日期"),
    "value_tier": ("Value tier", "价值分层"),
    "activity": ("Activity", "活跃度"),
    "cover_label": ("Cover", "封面"),
    "page_of": ("Page {n} of {m}", "第 {n} 页 / 共 {m} 页"),
    # sections
    "situation": ("Situation", "现状分析"),
    "swot": ("SWOT analysis", "SWOT 分析"),
    "objectives": ("Objectives", "经营目标"),
    "strategies": ("Strategies", "核心策略"),
    "actions": ("Action plan", "行动计划"),
    "stakeholders": ("Stakeholder map", "关键人地图"),
    "opportunities": ("Opportunities", "业务机会"),
    "risks": ("Risks and mitigations", "风险与应对"),
    "resources": ("Resources needed", "所需资源"),
    "trends": ("Trends", "经营数据趋势"),
    # situation
    "summary": ("Summary", "概述"),
    "health_reasons": ("What drives the health score", "健康度说明"),
    "revenue_12m": ("Revenue, last 12 months", "近 12 个月营收"),
    "revenue_trend": ("Trend vs prior 12 months", "同比变化"),
    "share_of_wallet": ("Share of wallet", "钱包份额"),
    "health": ("Relationship health", "合作健康度"),
    "interactions_12m": ("Interactions, 12 months", "近 12 个月互动"),
    "open_complaints_kpi": ("Open complaints", "未结投诉"),
    "last_nps": ("Latest NPS", "最近 NPS"),
    "last_csat": ("Latest CSAT", "最近满意度"),
    "times": ("", " 次"),
    "not_available": ("n/a", "暂无"),
    # SWOT
    "strengths": ("Strengths", "优势 S"),
    "weaknesses": ("Weaknesses", "劣势 W"),
    "swot_opportunities": ("Opportunities", "机会 O"),
    "threats": ("Threats", "威胁 T"),
    # objectives / actions
    "metric": ("Metric", "指标"),
    "baseline": ("Baseline", "基线"),
    "target": ("Target", "目标值"),
    "due": ("Due", "完成时限"),
    "status": ("Status", "状态"),
    "row_no": ("#", "序号"),
    "action": ("Action item", "行动事项"),
    "action_owner": ("Owner", "负责人"),
    # stakeholders
    "name": ("Name", "姓名"),
    "title": ("Title", "职务"),
    "decision_role": ("Decision role", "决策角色"),
    "attitude": ("Attitude", "态度"),
    "influence": ("Influence", "影响力"),
    "strength": ("Strength", "关系强度"),
    "last_contact": ("Last contact", "最近接触"),
    "gap": ("Coverage gap", "覆盖缺口"),
    "grid_corner": ("Role \\ attitude", "角色 \\ 态度"),
    "gap_legend": (
        "Shaded rows, and names marked * in the map, are coverage gaps to close this period.",
        "底纹行及地图中标 * 的关键人存在覆盖缺口，需在本期补齐。",
    ),
    "never": ("never", "从未"),
    # opportunities: product penetration
    "penetration": ("Product penetration (whitespace)", "产品渗透（空白机会）"),
    "product_line": ("Product line", "产品线"),
    "amount_12m": ("12 months", "近 12 个月金额"),
    "orders_12m": ("Orders", "订单数"),
    "amount_24m": ("24 months", "近 24 个月金额"),
    "orders_24m": ("Orders", "订单数"),
    "product_status": ("Status", "状态"),
    "penetration_summary": (
        "Buys {bought} of {lines} product lines in the last 12 months ({pct}).",
        "近 12 个月购买了 {lines} 条产品线中的 {bought} 条（渗透率 {pct}）。"),
    "penetration_whitespace": (
        "Not bought in 24 months — opportunities to raise: {names}.",
        "近 24 个月未购买、可重点推荐：{names}。"),
    "penetration_lapsed": (
        "Bought before, not in the last 12 months — ask why: {names}.",
        "此前购买、近 12 个月未再购买，需了解原因：{names}。"),
    "penetration_no_lines": (
        "No product lines yet: list them in Settings, or record orders with a product line.",
        "尚无产品线：请在“设置”中列出，或在订单中填写产品线。"),
    "penetration_from_book": (
        "Product lines as found in the orders book (no list kept in Settings).",
        "产品线取自订单记录（设置中未维护产品线清单）。"),
    "off_list": ("not on the list", "不在清单中"),
    "list_separator": (", ", "、"),
    # risks
    "risk": ("Risk", "风险"),
    "kind": ("Type", "类型"),
    "level": ("Level", "等级"),
    "mitigation": ("Mitigation", "应对措施"),
    # charts
    "revenue_chart": ("Monthly revenue (¥ thousand)", "月度营收（万元）"),
    "interactions_chart": ("Interactions per month", "月度互动次数"),
    "chart_recent": ("Last 12 months", "近 12 个月"),
    "chart_earlier": ("Earlier", "此前"),
    "no_data": ("No data recorded.", "暂无数据。"),
    "none_recorded": ("None recorded.", "暂无记录。"),
    # brief
    "key_people": ("Key people", "关键人"),
    "preferences": ("Likes", "偏好"),
    "taboos": ("Avoid", "忌讳"),
    "interests": ("Interests", "兴趣"),
    "best_time": ("Best time", "最佳联系时间"),
    "last_interactions": ("Last three interactions", "最近三次互动"),
    "when": ("Date", "日期"),
    "channel": ("Channel", "方式"),
    "topic": ("Topic", "主题"),
    "feedback": ("Customer said", "客户反馈"),
    "next_action": ("Follow-up", "后续行动"),
    "open_promises": ("Promises we owe", "待兑现承诺"),
    "open_complaints": ("Open complaints", "未结投诉"),
    "upcoming_dates": ("Coming key dates", "近期重要日期"),
    "talking_points": ("Talking points", "谈话要点"),
    "more_items": ("+{n} more in KAMDesk", "另有 {n} 项，详见系统"),
}

# Enumerations: code -> (English, 简体中文, *other spellings users type). The words come
# from the one vocabulary; the other spellings (what people type into a free-text role or
# status, and earlier wordings) are only recognised, never printed. The order of each
# group is the vocabulary's display order, used wherever the report sorts by it (the
# stakeholder grid runs from decision makers to users, from champions to opponents).
Group = dict[str, tuple[str, ...]]


def _group(kind: str, aliases: dict[str, tuple[str, ...]] | None = None,
           rename: dict[str, str] | None = None) -> Group:
    """The vocabulary's ``kind`` as a report group; ``rename`` maps a stored code to the
    report's code (value tier ``A`` is the report's ``high``)."""
    en, zh = vocab.labels(kind, "en"), vocab.labels(kind, "zh_CN")
    out: Group = {}
    for code in vocab.codes(kind):
        key = (rename or {}).get(code, code)
        out[key] = (en[code], zh[code], *(aliases or {}).get(key, ()))
    return out


DECISION_ROLES: Group = _group("decision_role", {
    "decision_maker": ("拍板人",),
    "economic_buyer": ("Budget holder", "预算审批人", "经济决策者"),
    "influencer": ("影响人",),
    "technical_evaluator": ("技术评估者", "技术把关人"),
    "user": ("用户",),
    "gatekeeper": ("把关者", "守门人"),
    "coach": ("教练",),
})
ATTITUDES: Group = _group("attitude", {
    "champion": ("拥护者",),
    "supporter": ("Supporter", "支持者"),
    "skeptic": ("疑虑",),
    "opponent": ("Opponent", "反对者"),
})
LEVELS: Group = _group("level")
STRENGTHS: Group = _group("relationship_strength", {"none": ("未建立",)})
STATUSES: Group = _group("plan_progress", {"on_track": ("正常推进",)})
RISK_KINDS: Group = _group("risk_kind", {"single_contact": ("Single contact",)})
VALUE_TIERS: Group = _group("value_tier", {"medium": ("Mid value",)},
                            rename={"A": "high", "B": "medium", "C": "low"})
ACTIVITIES: Group = _group("activity")
CHANNELS: Group = _group("channel", {
    "visit": ("上门拜访",),
    "phone": ("电话沟通",),
    "video": ("视频会议",),
})

_ALL_GROUPS: tuple[Group, ...] = (
    DECISION_ROLES,
    ATTITUDES,
    STATUSES,
    RISK_KINDS,
    CHANNELS,
    ACTIVITIES,
    LEVELS,
    STRENGTHS,
    VALUE_TIERS,
)

_ZH_NUMERALS = "一二三四五六七八九十"
# Not strftime("%b"): that follows the process locale, which may be Chinese on the very
# machines that print English reports.
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def normalize_lang(lang: str) -> Lang:
    """Map whatever the UI reports (``zh_CN``, ``zh-Hans``, ``zh``) to a report language.

    Anything not Chinese falls back to English rather than failing an export.
    """
    return "zh_CN" if vocab.is_zh(lang) else "en"


def label(key: str, lang: str) -> str:
    """The fixed wording for ``key``; a missing key is a programming error, so it raises."""
    en, zh = _LABELS[key]
    return zh if normalize_lang(lang) == "zh_CN" else en


def canonical(value: str, group: dict[str, tuple[str, ...]]) -> str | None:
    """The code a free-typed or coded value stands for within ``group``, if any."""
    wanted = value.strip().lower()
    if not wanted:
        return None
    for code, spellings in group.items():
        if wanted == code or wanted in (s.lower() for s in spellings):
            return code
    return None


def term(value: str, lang: str, group: dict[str, tuple[str, ...]] | None = None) -> str:
    """Display wording of an enumerated value in ``lang``; unknown values print as typed."""
    groups = (group,) if group is not None else _ALL_GROUPS
    for g in groups:
        code = canonical(value, g)
        if code is not None:
            en, zh = g[code][0], g[code][1]
            return zh if normalize_lang(lang) == "zh_CN" else en
    return value


def section_title(index: int, key: str, lang: str) -> str:
    """Numbered section heading: ``三、经营目标`` in Chinese, ``3. Objectives`` in English."""
    text = label(key, lang)
    if normalize_lang(lang) == "zh_CN" and 1 <= index <= len(_ZH_NUMERALS):
        return f"{_ZH_NUMERALS[index - 1]}、{text}"
    return f"{index}. {text}"


def format_date(value: date | None, lang: str, long: bool = False) -> str:
    """Dates for tables (``2026-03-15``) or for the cover (``2026年3月15日``/``15 Mar 2026``)."""
    if value is None:
        return "—"
    if not long:
        return value.isoformat()
    if normalize_lang(lang) == "zh_CN":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def page_of(n: int, m: int, lang: str) -> str:
    return label("page_of", lang).format(n=n, m=m)
