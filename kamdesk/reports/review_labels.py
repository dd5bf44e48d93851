"""The fixed words of the monthly review PDF (月度复盘) in English and Chinese, and how
its figures are written (a KPI's value, target, change; "no data" as a dash).

Kept apart from :mod:`kamdesk.reports.labels` (the account plan's words) so each report's
vocabulary stays readable in one place; codes of stored values (severity, complaint
state, tier) are worded by :mod:`kamdesk.domain.vocab`.
"""

from __future__ import annotations

from typing import Final

from kamdesk.domain import vocab
from kamdesk.reports.plan_data import format_money

__all__ = ["DASH", "change_text", "value_text", "word"]

#: what a figure without data shows: never 0, never 0 %
DASH: Final = "—"

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Monthly Review", "月度复盘"),
    "title_quarter": ("Quarterly Review", "季度复盘"),
    "title_year": ("Annual Review", "年度复盘"),
    "kicker_zh": ("", "  ·  PERIOD REVIEW"),
    "period": ("Period", "复盘周期"),
    "compared_with": ("Compared with", "对比周期"),
    "as_of": ("Review day", "复盘日期"),
    "cover_on_target": ("KPIs on target", "达标指标"),
    "cover_complaints": ("Complaints received", "收到投诉"),
    "cover_moved_down": ("Customers moved down", "降级客户"),
    "cover_actions": ("Actions for the meeting", "待议行动"),
    "s_kpis": ("KPIs against target", "关键指标与目标"),
    "s_trends": ("Trends, last 12 periods", "近12期趋势"),
    "s_tiers": ("Tier movements", "客户分级变动"),
    "s_complaints": ("Top complaints", "重点投诉"),
    "s_actions": ("Actions", "行动清单"),
    "h_kpi": ("KPI", "指标"),
    "h_value": ("Value", "本期"),
    "h_target": ("Target", "目标"),
    "h_previous": ("Previous", "上期"),
    "h_change": ("Change", "变化"),
    "h_status": ("Status", "达标"),
    "on_target": ("On target", "达标"),
    "off_target": ("Off target", "未达标"),
    "no_target": ("No target", "未设目标"),
    "kpi_note": ("“—” means no data in the period (nothing to count), not zero. Change is "
                 "against {prev}, in points for rates. Targets are set in Reports or with "
                 "kamdesk kpis --set-target.",
                 "“—”表示本期没有可统计的数据，而不是 0。变化为与{prev}相比，比率按百分点计。"
                 "目标可在“报表”中或用 kamdesk kpis --set-target 设置。"),
    "trend_note": ("Dashed orange line: the target.", "橙色虚线为目标值。"),
    "h_move": ("Move", "变动"),
    "h_customers": ("Customers", "客户数"),
    "h_customer": ("Customer", "客户"),
    "h_on": ("On", "日期"),
    "h_now_tier": ("Tier now", "当前分级"),
    "value_tier": ("Value tier", "价值分级"),
    "activity": ("Activity", "活跃度"),
    "first_tier": ("new", "新"),
    "moved_down": ("Moved down in the period", "本期降级客户"),
    "no_moves": ("No tier or activity changes were recorded in the period.",
                 "本期没有记录到客户分级或活跃度变动。"),
    "and_more": ("and {n} more", "另有 {n} 个"),
    "h_severity": ("Severity", "严重程度"),
    "h_received": ("Received", "收到时间"),
    "h_state": ("State", "状态"),
    "h_response": ("Response", "响应"),
    "h_owner": ("Owner", "负责人"),
    "on_time": ("On time", "按时"),
    "late": ("Late", "超时"),
    "pending": ("Waiting", "待响应"),
    "complaints_summary": ("{n} received in the period, {resolved} resolved or followed up, "
                           "{late} answered late or not yet answered past the deadline.",
                           "本期收到 {n} 件，已解决或已回访 {resolved} 件，"
                           "超时响应或逾期未响应 {late} 件。"),
    "no_complaints": ("No complaints were received in the period.", "本期没有收到投诉。"),
    "actions_intro": ("What the meeting should decide, most urgent first: complaints past "
                      "their response deadline (a customer is waiting now), KPIs off target "
                      "with the customers behind them, high-value customers that moved down, "
                      "and account-plan actions past due.",
                      "按紧急程度排列，供例会决策：逾期未响应的投诉（客户正在等待）、"
                      "未达标指标及其背后的客户、降级的高价值客户、已逾期的客户计划行动。"),
    "no_actions": ("Nothing needs a decision: no overdue complaints or plan actions, every "
                   "KPI with a target is on it.",
                   "没有需要决策的事项：无逾期投诉或计划行动，设有目标的指标均已达标。"),
    "act_complaint": ("Answer the {severity} complaint of {customer} received {received} — "
                      "{days} past its deadline; owner: {owner}.",
                      "答复 {customer} 的{severity}级投诉（{received} 收到，已逾期 {days}），"
                      "负责人：{owner}。"),
    "act_kpi": ("{kpi} is {value} against a target of {target}: act on {customers}.",
                "{kpi}为 {value}，目标 {target}：重点跟进 {customers}。"),
    "act_kpi_none": ("{kpi} is {value} against a target of {target}.",
                     "{kpi}为 {value}，目标 {target}。"),
    "act_tier": ("Review {customer}: {move} on {on}.", "复盘 {customer}：{on} {move}。"),
    "act_plan": ("{customer}: “{action}” was due {due} ({days} late); owner: {owner}.",
                 "{customer}：“{action}”应于 {due} 完成（已逾期 {days}），负责人：{owner}。"),
    "days": ("{n} d", "{n} 天"),
    "hours": ("{n} h", "{n} 小时"),
    "nobody": ("unassigned", "未指定"),
    "more_items": ("… and {n} more.", "……另有 {n} 项。"),
}


def word(key: str, lang: str) -> str:
    """The fixed wording for ``key`` in ``lang`` (KeyError for an unknown key)."""
    en, zh = _WORDS[key]
    return vocab.pick(lang, en, zh)


def value_text(value: float | None, unit: str) -> str:
    """A KPI's value or target as printed: ``87.5%``, ``+12.0`` (NPS), ``4.25`` (CSAT),
    ``12``, ``¥1,234.50``; a dash for no data."""
    if value is None:
        return DASH
    if unit == "fen":
        return format_money(int(round(value)))
    if unit == "count":
        return f"{int(value):,}"
    if unit == "score_1_5":
        return f"{value:.2f}"
    if unit == "score":
        return f"{value:.1f}"
    if unit == "percent_change":
        return f"{value:+.1f}%"
    return f"{value:.1f}%"


def change_text(change: float | None, unit: str, change_pct: float | None, lang: str) -> str:
    """The change against the previous period with its direction: ``▲ 3.2 pts``,
    ``▼ ¥120.00 (−8.0%)``, ``= 0``; a dash when either period has no data."""
    if change is None:
        return DASH
    arrow = "▲" if change > 0 else "▼" if change < 0 else "="
    size = abs(change)
    if unit == "fen":
        body = format_money(int(round(size)))
    elif unit == "count":
        body = f"{int(size):,}"
    elif unit == "score_1_5":
        body = f"{size:.2f}"
    elif unit in ("percent", "percent_change"):
        body = f"{size:.1f}" + vocab.pick(lang, " pts", " 个百分点")
    else:
        body = f"{size:.1f}"
    if change_pct is not None and unit in ("fen", "count"):
        body += f" ({change_pct:+.1f}%)"
    return f"{arrow} {body}"
