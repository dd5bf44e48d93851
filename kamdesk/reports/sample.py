"""Realistic demo content for the reports: tests, the benchmark and the "preview" button.

The account is fictional but shaped like the method's 表1 example (a high-value, active
manufacturing customer, C001). Names deliberately include hanzi outside GB2312
(喆 堃 燊 玥 昇 镕) and one emoji, because those are what break Chinese PDFs in practice.
Everything is deterministic, so tests and benchmarks see the same document every run.
"""

from __future__ import annotations

from datetime import date, timedelta

from kamdesk.reports.labels import normalize_lang
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

CUSTOMER_NAME = "华东精工机械制造有限公司"
CUSTOMER_CODE = "C001"
GENERATED_ON = date(2026, 1, 15)

# Monthly revenue in 万元 for Jan 2024 … Dec 2025: seasonal dip at Spring Festival, a
# strong Q4, and roughly +9 % year on year.
_REVENUE_WAN = (
    98, 62, 121, 126, 131, 128, 117, 122, 138, 141, 150, 168,
    104, 71, 129, 137, 142, 139, 128, 131, 151, 156, 166, 186,
)
_INTERACTIONS = (5, 2, 6, 7, 5, 6, 3, 4, 7, 6, 8, 9, 6, 3, 7, 8, 6, 7, 4, 5, 8, 9, 9, 11)

_ACTION_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("安排陈总与我方销售副总的 Q1 高层互访，确认全年合作框架与新品线试点范围", "王磊"),
    ("整理 2025 年供货与质量数据，制作年度合作价值报告并当面汇报", "王磊"),
    ("针对王玥经理对能耗数据的疑虑，组织技术交流会并提供第三方检测报告", "李工"),
    ("为二号车间免费做一次产线需求诊断，输出改造建议书", "李工"),
    ("投诉 CP-2025-118（交货延迟）完成根因分析，48 小时内回访确认满意度", "客服部 何敏"),
    ("与采购部刘总监沟通 2026 年框架协议续签，提前锁定价格联动条款", "王磊"),
    ("邀请客户参加 4 月制造业客户沙龙，并安排张喆副总做案例分享", "市场部 韩雪"),
    ("完成赵堃财务经理的首次拜访，了解付款审批流程与信用额度需求", "王磊"),
    ("提交智能产线配件试用方案，试用期 60 天，明确验收指标", "解决方案部 郭峰"),
    ("季度满意度调研（CSAT）发放与结果复盘，形成改进清单", "客服部 何敏"),
    ("建立备件安全库存（华东仓），将紧急备件交付周期缩短到 24 小时", "供应链 钱进"),
    ("新任周镕副总到任拜访：递交合作回顾与合作三周年纪念册", "王磊"),
)
_STATUS_CYCLE = ("in_progress", "not_started", "done", "not_started", "overdue", "in_progress",
                 "not_started", "not_started", "in_progress", "not_started", "at_risk", "not_started")


def _months(start_year: int, count: int) -> list[str]:
    return [f"{start_year + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


def _actions(n: int) -> tuple[PlanActionRow, ...]:
    """``n`` distinct rows: the twelve core actions, then quarterly follow-ups of them."""
    rows = []
    for i in range(n):
        text, owner = _ACTION_TEMPLATES[i % len(_ACTION_TEMPLATES)]
        round_no = i // len(_ACTION_TEMPLATES)
        if round_no:
            text = f"第 {round_no + 1} 轮跟进：{text}"
        due = GENERATED_ON + timedelta(days=10 + 9 * i) if i != 4 else date(2026, 1, 10)
        rows.append(PlanActionRow(text, owner, due, _STATUS_CYCLE[i % len(_STATUS_CYCLE)]))
    return tuple(rows)


def sample_plan(lang: str, n_actions: int = 12) -> PlanDocument:
    zh = normalize_lang(lang) == "zh_CN"
    months = _months(2024, len(_REVENUE_WAN))
    revenue = tuple((m, wan * 1_000_000) for m, wan in zip(months, _REVENUE_WAN, strict=True))
    interactions = tuple(zip(months, _INTERACTIONS, strict=True))
    last12 = sum(v for _, v in revenue[-12:])
    prior12 = sum(v for _, v in revenue[-24:-12])
    situation = Situation(
        value_tier="high",
        activity="active",
        health=72,
        health_reasons=(
            "近 12 个月互动 83 次，高层（陈总）最近一次接触在 2025 年 11 月，间隔偏长。",
            "营收同比增长，但钱包份额仍只有 38%，主要竞争对手占据二号车间的全部配件采购。",
            "有 1 起未结投诉（12 月交货延迟），客户已两次催问处理进度；需在 24 小时内给出结论并回访。",
            "最近一次满意度 4.3 分（满分 5 分），NPS 42，对技术支持评价高，对交付周期评价一般。",
        ),
        revenue_12m=last12,
        revenue_trend_pct=round((last12 - prior12) / prior12 * 100, 1),
        share_of_wallet_pct=38.0,
        interactions_12m=sum(_INTERACTIONS[-12:]),
        open_complaints=1,
        last_nps=42,
        last_csat=4.3,
        summary=(
            "华东精工是我司在长三角地区合作时间最长的制造业客户之一，合作已满三年，年度贡献值稳居前 20%。"
            "2025 年营收同比增长约 9%，增长主要来自一号车间的设备更新；二号车间仍由竞争对手供货。"
            "客户今年启动智能化产线改造（预计投资 8,000 万元），这是我们扩大份额的关键窗口；"
            "同时新任分管副总周镕倾向原供应商，决策链出现变化，需要尽快建立联系。"
            "本计划的重点是：稳住核心业务、打开二号车间、补齐决策链覆盖，并把投诉处理做成信任的加分项。"
        ),
    )
    swot = Swot(
        strengths=(
            "三年稳定供货，一号车间设备 100% 由我司提供，运行数据完整",
            "技术支持响应快，客户满意度调研中技术服务得分 4.7",
            "与生产副总张喆关系深厚，是我方在客户内部的坚定支持者",
        ),
        weaknesses=(
            "交付周期长于竞争对手（平均 21 天 vs 14 天），12 月出现延迟投诉",
            "与财务部门几乎没有接触，付款审批环节不透明",
            "高层互访频率不足，陈总最近一次会面已超过两个月",
        ),
        opportunities=(
            "智能化产线改造项目（8,000 万元投资），配件与服务需求明确",
            "二号车间设备将于 2026 年下半年到期更换",
            "客户计划在安徽新建分厂，需要可复制的整体方案",
        ),
        threats=(
            "主要竞争对手以价格战争夺二号车间订单，报价低于我方 8%–12%",
            "新任副总周镕与原供应商关系密切",
            "原材料价格波动，可能压缩框架协议利润空间",
        ),
    )
    objectives = (
        Objective("年度销售额", "1,640 万元", "1,900 万元", date(2026, 12, 31), "on_track"),
        Objective("钱包份额（Share of wallet）", "38%", "45%", date(2026, 12, 31), "on_track"),
        Objective("客户满意度 CSAT", "4.3", "≥ 4.5", date(2026, 6, 30), "at_risk"),
        Objective("智能产线配件渗透", "0 条产线", "3 条产线", date(2026, 9, 30), "not_started"),
        Objective("投诉 24 小时响应率", "86%", "100%", date(2026, 3, 31), "in_progress"),
    )
    strategies = (
        "高层互访常态化：每季度一次高层会晤，由我方销售副总带队，锁定全年合作框架。",
        "以价值而非价格竞争二号车间：用一号车间三年运行数据证明综合成本（TCO）更低，不跟进价格战。",
        "补齐决策链：3 月底前完成财务经理与新任副总的首次拜访，关键人覆盖率达到 100%。",
        "把投诉处理做成信任加分项：首问负责制，24 小时响应，结案后 7 天内回访确认满意度 🎯。",
        "价值共创：邀请客户参与新品共创工作坊，联合发布智能产线改造案例白皮书。",
    )
    stakeholders = (
        StakeholderRow("陈建国", "总经理", "decision_maker", "supporter", "high", "medium",
                       date(2025, 11, 20), "高层互访间隔已超过 2 个月，需安排 Q1 会晤"),
        StakeholderRow("周镕", "副总经理（新任）", "decision_maker", "skeptic", "high", "none",
                       None, "新任分管副总，倾向原供应商，尚未建立联系"),
        StakeholderRow("刘海燕", "采购总监", "economic_buyer", "neutral", "high", "medium",
                       date(2026, 1, 8), None),
        StakeholderRow("张喆", "生产副总", "influencer", "champion", "high", "strong",
                       date(2026, 1, 10), None),
        StakeholderRow("王玥", "设备部经理", "technical_evaluator", "skeptic", "medium", "weak",
                       date(2025, 9, 2), "对新机型能耗数据存疑，需安排技术交流"),
        StakeholderRow("李昇", "一号车间主任", "user", "supporter", "medium", "strong",
                       date(2026, 1, 12), None),
        StakeholderRow("孙燊", "质量部主管", "user", "neutral", "low", "medium",
                       date(2025, 12, 18), None),
        StakeholderRow("赵堃", "财务经理", "gatekeeper", "neutral", "medium", "none",
                       None, "从未接触，付款审批需经其手"),
    )
    opportunities = (
        "智能化产线改造：预计 2026 年 Q2 启动招标，配件与运维服务潜在规模约 600 万元。",
        "二号车间设备更换：下半年到期，约 350 万元，需在 Q2 前完成技术交流与试用。",
        "安徽新分厂：2027 年投产，整体方案可复制一号车间模式，适合提前做需求诊断。",
        "备件年度服务包：将零散备件采购转为年度服务协议，提升复购率与粘性。",
    )
    risks = (
        RiskRow("竞争对手低价抢夺二号车间订单", "competition", "high",
                "以 TCO 测算和一号车间运行数据说话；必要时提供延保等非价格权益，不跟进降价。"),
        RiskRow("新任副总倾向原供应商，决策链变化", "relationship", "high",
                "2 月内完成到任拜访，由陈总引荐；准备合作回顾与价值报告。"),
        RiskRow("交付延迟再次发生引发投诉", "delivery", "medium",
                "建立华东仓安全库存；紧急订单走绿色通道，每周同步交付计划。"),
        RiskRow("客户付款周期延长", "credit", "medium",
                "复核信用额度；与财务经理建立联系，明确审批节点，合同写明逾期条款。"),
        RiskRow("原材料涨价压缩利润", "price", "low",
                "框架协议加入价格联动条款，季度调价，设置上下限。"),
    )
    resources = (
        "销售副总每季度 1 天用于高层互访。",
        "解决方案部 1 名工程师，Q1–Q2 每月 4 人天，用于需求诊断与试用支持。",
        "市场部沙龙与白皮书预算 8 万元。",
        "供应链：华东仓安全库存资金占用约 120 万元。",
    )
    return PlanDocument(
        customer_name=CUSTOMER_NAME,
        customer_code=CUSTOMER_CODE,
        period="2026 年度" if zh else "FY 2026",
        owner="王磊",
        generated_on=GENERATED_ON,
        lang="zh_CN" if zh else "en",
        confidentiality=(
            "内部资料 · 仅限客户经营团队使用，请勿外传"
            if zh
            else "Internal — for the account team only. Do not forward."
        ),
        situation=situation,
        swot=swot,
        objectives=objectives,
        strategies=strategies,
        actions=_actions(n_actions),
        stakeholders=stakeholders,
        opportunities=opportunities,
        risks=risks,
        resources=resources,
        revenue_by_month=revenue,
        interactions_by_month=interactions,
    )


def sample_brief(lang: str) -> BriefDocument:
    zh = normalize_lang(lang) == "zh_CN"
    people = (
        BriefPerson("陈建国", "总经理", "decision_maker", "supporter",
                    "喜欢开门见山，先讲数据再讲方案；偏好上午 10 点前沟通",
                    "忌讳临时改约；不要在饭桌上谈价格",
                    "围棋、长跑，关注行业数字化转型", "周二、周四上午"),
        BriefPerson("张喆", "生产副总", "influencer", "champion",
                    "重视现场，喜欢到车间看设备运行情况",
                    "不喜欢 PPT 太多，讲不清楚就放案例视频",
                    "摄影，孩子今年高考", "工作日下午"),
        BriefPerson("刘海燕", "采购总监", "economic_buyer", "neutral",
                    "一切以书面为准，邮件确认后才推进",
                    "忌讳绕过她直接找老板；不要送贵重礼品",
                    "瑜伽，关注供应链稳定性", "周一至周三"),
        BriefPerson("王玥", "设备部经理", "technical_evaluator", "skeptic",
                    "技术型，喜欢看第三方检测报告和能耗数据",
                    "不接受没有数据支撑的结论",
                    "新能源汽车", "提前一天预约"),
    )
    interactions = (
        BriefInteraction(date(2026, 1, 12), "visit", "一号车间设备巡检与年度回顾",
                         "对设备稳定性满意，希望备件交付再快一些",
                         "1 月 20 日前提交华东仓安全库存方案"),
        BriefInteraction(date(2026, 1, 8), "phone", "2026 年框架协议续签",
                         "采购部希望加入价格联动条款，上限不超过 5%",
                         "法务审核条款后书面回复刘总监"),
        BriefInteraction(date(2025, 12, 22), "email", "12 月交货延迟说明",
                         "客户理解但不满意，要求给出根因和改进措施",
                         "根因分析报告 + 回访，责任人何敏"),
        BriefInteraction(date(2025, 11, 20), "meeting", "高层会晤：2026 合作方向",
                         "陈总关注智能产线改造，希望我们提供整体方案",
                         "Q1 提交智能产线配件试用方案"),
    )
    return BriefDocument(
        customer_name=CUSTOMER_NAME,
        customer_code=CUSTOMER_CODE,
        generated_on=GENERATED_ON,
        lang="zh_CN" if zh else "en",
        tier_label="高价值 · 活跃" if zh else "High value · Active",
        people=people,
        last_interactions=interactions,
        open_promises=(
            "1 月 20 日前提交华东仓安全库存方案（对张喆副总的承诺）",
            "框架协议价格联动条款的书面回复（对刘海燕总监，逾期 3 天）",
            "Q1 提交智能产线配件试用方案（对陈总）",
        ),
        open_complaints=(
            "CP-2025-118 交货延迟（12 月 18 日受理，责任人何敏）：根因报告已完成，待回访确认满意度",
        ),
        upcoming_dates=(
            "1 月 28 日 · 合作三周年",
            "2 月 3 日 · 张喆副总生日",
            "2 月 17 日 · 春节（客户放假 2 月 14 日—22 日）",
        ),
        talking_points=(
            "先汇报 12 月交货延迟的根因与整改（华东仓安全库存），把投诉处理做成加分项。",
            "用一号车间三年运行数据说明综合成本优势，引出二号车间设备更换的技术交流。",
            "请陈总引荐新任周镕副总，约定 2 月到任拜访时间。",
            "确认智能产线改造招标时间表，争取参与前期需求调研 🎯。",
            "合作三周年：准备纪念册，邀请客户参加 4 月制造业客户沙龙。",
        ),
    )
