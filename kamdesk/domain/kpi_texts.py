"""The words around the review's KPIs: how they are grouped, what each one means, what
its figure rests on, and what a row of its drill-down is.

The Reports screen shows a definition in every tile's tooltip and names the standing of
each customer behind a figure; the review PDF and the CLI may use the same words. The
definitions are the short form of ``docs/kpis.md`` ("The review of a period") and must
say the same thing. Pure text, both languages, no Qt.
"""

from __future__ import annotations

from typing import Final

from kamdesk.domain.vocab import pick

__all__ = ["DRILL_VALUE", "DRILL_WHAT", "KPI_BASIS", "KPI_GROUPS", "KPI_TEXTS", "basis_text",
           "drill_value_header", "drill_what", "group_name", "kpi_definition_text"]

#: (group code, English, 中文, KPI codes) in the order the screen shows them; together
#: they hold every KPI once, in :data:`KPI_CODES` order.
KPI_GROUPS: Final[tuple[tuple[str, str, str, tuple[str, ...]], ...]] = (
    ("satisfaction", "Satisfaction", "客户满意", ("csat_avg", "nps")),
    ("customers", "Customers", "客户", ("repurchase_rate", "churn_rate", "new_customers")),
    ("money", "Money", "金额", ("ltv", "aov", "aov_growth")),
    ("service", "Service", "服务", ("contact_timeliness", "response_timeliness",
                                  "resolution_rate")),
    ("events", "Events", "客户活动", ("participation_rate",)),
    ("cadence", "Cadence", "维护节奏", ("a_on_cadence",)),
)

#: the definition of each KPI for one period, short (a tooltip); docs/kpis.md has the rest
KPI_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "csat_avg": (
        "Mean of the satisfaction scores (1–5) of the surveys answered and of the "
        "satisfaction asked on contacts logged in the period.",
        "本期问卷及联系记录中满意度评分（1–5分）的平均值。"),
    "nps": (
        "% promoters (9–10) minus % detractors (0–6) of the NPS answers in the period "
        "(−100 to 100).",
        "本期NPS答卷中推荐者（9–10分）占比减去贬损者（0–6分）占比（−100至100）。"),
    "repurchase_rate": (
        "Customers who ordered in the period and have at least two orders up to its end, "
        "of the customers who ordered in the period.",
        "本期下单的客户中，截至期末累计下单两次及以上的客户占比。"),
    "churn_rate": (
        "Customers in the book and not churned the day before the period who are churned "
        "at its end, of those customers. Lower is better.",
        "期初前一天在册且未流失的客户中，到期末已流失的占比。越低越好。"),
    "new_customers": (
        "Customers whose cooperation started in the period (without a start date: first "
        "order; without orders: record created).",
        "本期开始合作的客户数（无合作日期按首单日期，无订单按建档日期）。"),
    "ltv": (
        "Net revenue (orders less returns) up to the period's end of the customers with an "
        "order by then, divided by their number.",
        "截至期末有订单的客户，其累计净收入（订单减退货）除以客户数。"),
    "aov": (
        "Amount of the period's orders divided by their number (returns are not orders).",
        "本期订单金额除以订单数（退货不计为订单）。"),
    "aov_growth": (
        "Average order value against the previous period's, in %; no data without orders "
        "in the previous period.",
        "客单价较上期的增长百分比；上期无订单时无数据。"),
    "contact_timeliness": (
        "Contacts whose next-action deadline fell in the period that were followed by "
        "another contact by the deadline, of all those contacts.",
        "下一步行动截止日在本期的联系记录中，在截止日前已再次联系客户的占比。"),
    "response_timeliness": (
        "Complaints received in the period answered by their response deadline, of those "
        "whose deadline has passed or that were answered.",
        "本期收到的投诉中，在响应时限内响应的占比（分母为已到时限或已响应的投诉）。"),
    "resolution_rate": (
        "Complaints received in the period that are resolved or followed up by the review "
        "day, of all complaints received in the period.",
        "本期收到的投诉中，截至复盘日已解决或已回访的占比。"),
    "participation_rate": (
        "Invitations to events held in the period that were attended, of all invitations.",
        "本期举办活动的邀请中，实际参加的占比。"),
    "a_on_cadence": (
        "A-tier customers with at least the contacts their cadence asks for in the period, "
        "of all A-tier customers.",
        "A类客户中，本期联系次数达到维护节奏要求的占比。"),
}

#: what a figure's ``basis`` counts, per KPI (a count has none)
KPI_BASIS: Final[dict[str, tuple[str, str]]] = {
    "csat_avg": ("answers", "份答卷"),
    "nps": ("answers", "份答卷"),
    "repurchase_rate": ("buyers", "位下单客户"),
    "churn_rate": ("customers at the start", "位期初客户"),
    "ltv": ("customers with orders", "位有订单客户"),
    "aov": ("orders", "笔订单"),
    "aov_growth": ("orders the period before", "笔上期订单"),
    "contact_timeliness": ("follow-ups due", "项到期跟进"),
    "response_timeliness": ("complaints due", "件到期投诉"),
    "resolution_rate": ("complaints received", "件收到的投诉"),
    "participation_rate": ("invitations", "份邀请"),
    "a_on_cadence": ("A-tier customers", "位A类客户"),
}

#: the standing of a drill-down row (:class:`~kamdesk.store.queries.kpi_drill_down.DrillRow`
#: ``what``)
DRILL_WHAT: Final[dict[str, tuple[str, str]]] = {
    "promoter": ("Promoter", "推荐者"),
    "passive": ("Passive", "被动者"),
    "detractor": ("Detractor", "贬损者"),
    "answer": ("Answer", "评分"),
    "repeat": ("Repeat buyer", "复购客户"),
    "first_time": ("First-time buyer", "首次购买"),
    "churned": ("Churned", "已流失"),
    "kept": ("Kept", "保留"),
    "new": ("New customer", "新客户"),
    "customer": ("Customer with orders", "有订单客户"),
    "buyer": ("Buyer", "下单客户"),
    "on_time": ("On time", "按时"),
    "late": ("Late", "逾期"),
    "pending": ("Pending", "待处理"),
    "resolved": ("Resolved", "已解决"),
    "unresolved": ("Unresolved", "未解决"),
    "attended": ("Attended", "已参加"),
    "absent": ("Absent", "未参加"),
    "on_cadence": ("On cadence", "按节奏"),
    "behind": ("Behind cadence", "未达节奏"),
}
#: what the number on a drill-down row is, per KPI (the rest have none)
DRILL_VALUE: Final[dict[str, tuple[str, str]]] = {
    "csat_avg": ("Score (1–5)", "评分（1–5）"),
    "nps": ("Score (0–10)", "评分（0–10）"),
    "repurchase_rate": ("Orders in the period", "本期订单数"),
    "ltv": ("Net revenue", "累计净收入"),
    "aov": ("Order amount in the period", "本期订单金额"),
    "aov_growth": ("Order amount in the period", "本期订单金额"),
    "a_on_cadence": ("Contacts in the period", "本期联系次数"),
}


def drill_value_header(code: str, lang: str | None) -> str:
    """The heading of a drill-down's number column; empty when its rows have none."""
    words = DRILL_VALUE.get(code)
    return "" if words is None else pick(lang, *words)


def group_name(group: str, lang: str | None) -> str:
    for code, en, zh, _codes in KPI_GROUPS:
        if code == group:
            return pick(lang, en, zh)
    return group


def kpi_definition_text(code: str, lang: str | None) -> str:
    """The KPI's short definition; the code itself for an unknown KPI."""
    texts = KPI_TEXTS.get(code)
    return code if texts is None else pick(lang, *texts)


def basis_text(code: str, basis: int | None, lang: str | None) -> str:
    """``12 answers`` / ``12 份答卷``; empty when the KPI has no basis."""
    words = KPI_BASIS.get(code)
    if words is None or basis is None:
        return ""
    en, zh = words
    return pick(lang, f"{basis} {en}", f"{basis}{zh}")


def drill_what(what: str, lang: str | None) -> str:
    """The words for a drill-down row's standing; the code itself when unknown."""
    words = DRILL_WHAT.get(what)
    return what if words is None else pick(lang, *words)
