"""The change history's words: kinds of record, actions, and every recorded field.

Kept apart from :mod:`kamdesk.domain.vocab_tables` (which would pass 500 lines) and
merged into the one vocabulary there. ``history_field`` words every column the history
records (:data:`kamdesk.store.history.TRACKED`), so the History tab never shows a raw
column name; :data:`VALUE_KINDS` says which recorded values are codes and which
vocabulary kind words them.
"""

from __future__ import annotations

from typing import Final

Row = tuple[str, str, str]

HISTORY_TABLES: Final[dict[str, tuple[Row, ...]]] = {
    "history_action": (
        ("insert", "Created", "新建"),
        ("update", "Changed", "修改"),
        ("delete", "Deleted", "删除"),
    ),
    "history_record": (
        ("customers", "Customer", "客户"),
        ("people", "Key person", "关键人"),
        ("contracts", "Contract", "合同"),
        ("trades", "Order", "订单"),
        ("account_plans", "Account plan", "客户计划"),
        ("plan_objectives", "Plan objective", "计划目标"),
        ("plan_actions", "Plan action", "计划行动"),
        ("plan_risks", "Plan risk", "计划风险"),
    ),
    "history_field": (
        # customers
        ("code", "Code", "客户编号"), ("name", "Name", "名称"),
        ("short_name", "Short name", "简称"), ("industry", "Industry", "行业"),
        ("scale", "Size", "规模"), ("region", "Region", "区域"),
        ("address", "Address", "地址"), ("website", "Website", "网站"),
        ("cooperation_start", "Customer since", "合作起始"),
        ("founded_on", "Founded", "成立日期"), ("source", "Source", "客户来源"),
        ("status", "Status", "状态"), ("potential", "Potential", "潜力"),
        ("strategy_notes", "Strategy notes", "策略备注"),
        ("decision_process", "Decision process", "决策流程"),
        ("explicit_needs", "Stated needs", "显性需求"),
        ("latent_needs", "Latent needs", "潜在需求"),
        ("credit_limit_cents", "Credit limit", "信用额度"),
        ("credit_rating", "Credit rating", "信用等级"),
        ("credit_review_on", "Credit review", "信用复核日期"),
        ("declared_contribution_cents", "Declared annual contribution", "填报年度贡献值"),
        ("stated_value_tier", "Stated value tier", "填报价值分类"),
        ("stated_activity", "Stated activity", "填报活跃度"),
        ("tier_source", "Tier source", "分类依据"),
        ("declared_last_contact_at", "Declared last contact", "填报最近互动时间"),
        ("share_of_wallet_pct", "Share of wallet (%)", "钱包份额（%）"),
        ("owner", "Owner", "负责人"),
        # people
        ("customer_id", "Customer", "所属客户"), ("title", "Title", "职务/标题"),
        ("department", "Department", "部门"), ("decision_role", "Decision role", "决策角色"),
        ("attitude", "Attitude", "态度"),
        ("relationship_strength", "Relationship strength", "关系强度"),
        ("phone", "Phone", "电话"), ("mobile", "Mobile", "手机"), ("email", "Email", "邮箱"),
        ("wechat", "WeChat", "微信"),
        ("preferred_contact_time", "Preferred contact time", "偏好联系时间"),
        ("preferred_channel", "Preferred channel", "偏好沟通方式"),
        ("communication_style", "Communication style", "沟通风格"),
        ("concerns", "Concerns", "关注点"), ("interests", "Interests", "兴趣爱好"),
        ("taboos", "Taboos", "禁忌"), ("career_goals", "Career goals", "职业目标"),
        ("notes", "Notes", "备注"), ("reports_to_id", "Reports to", "汇报对象"),
        ("is_primary", "Primary contact", "主要联系人"), ("archived", "Archived", "已归档"),
        # contracts
        ("number", "Contract no.", "合同编号"), ("start_on", "Start", "开始日期"),
        ("end_on", "End", "结束日期"), ("value_cents", "Value", "合同金额"),
        ("renewal_notice_days", "Renewal notice (days)", "续约提醒（天）"),
        ("file_path", "File", "文件"), ("parties", "Parties", "签约方"),
        ("payment_terms", "Payment terms", "付款条件"),
        ("previous_contract_id", "Renews contract", "续签自合同"),
        # orders
        ("occurred_on", "Date", "日期"), ("amount_cents", "Amount", "金额"),
        ("product_line", "Product line", "产品线"), ("quantity", "Quantity", "数量"),
        ("order_no", "Order no.", "订单号"), ("kind", "Kind", "类型"),
        ("invoice_no", "Invoice no.", "发票号"), ("contract_id", "Contract", "合同"),
        # plans
        ("period", "Period", "计划期间"), ("situation_summary", "Situation", "现状概述"),
        ("strengths", "Strengths", "优势"), ("weaknesses", "Weaknesses", "劣势"),
        ("swot_opportunities", "Opportunities (SWOT)", "机会（SWOT）"),
        ("threats", "Threats", "威胁"), ("strategies", "Strategies", "策略"),
        ("opportunities", "Opportunities", "商机"),
        ("resources_needed", "Resources needed", "所需资源"),
        ("stakeholder_notes", "Stakeholders", "干系人"),
        ("plan_id", "Plan", "所属计划"), ("position", "Order in list", "排列顺序"),
        ("metric", "Metric", "指标"), ("baseline", "Baseline", "基线"),
        ("target", "Target", "目标值"), ("due", "Due", "截止日期"),
        ("action", "Action", "行动"), ("task_id", "Task", "关联任务"),
        ("risk", "Risk", "风险"), ("level", "Level", "等级"),
        ("mitigation", "Mitigation", "应对措施"),
    ),
}

#: (table, field) -> the vocabulary kind that words a recorded code of that field
VALUE_KINDS: Final[dict[tuple[str, str], str]] = {
    ("customers", "status"): "customer_status", ("customers", "potential"): "potential",
    ("customers", "credit_rating"): "credit_rating",
    ("customers", "stated_value_tier"): "value_tier",
    ("customers", "stated_activity"): "activity", ("customers", "tier_source"): "tier_source",
    ("people", "decision_role"): "decision_role", ("people", "attitude"): "attitude",
    ("people", "preferred_channel"): "channel", ("contracts", "status"): "contract_status",
    ("trades", "kind"): "trade_kind", ("account_plans", "status"): "plan_status",
    ("plan_objectives", "status"): "objective_status",
    ("plan_actions", "status"): "plan_action_status", ("plan_risks", "kind"): "risk_kind",
    ("plan_risks", "level"): "level",
}
