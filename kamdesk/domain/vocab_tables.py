"""The words of the one vocabulary: for each kind of code, (code, English, 简体中文) rows.

Kept apart from :mod:`kamdesk.domain.vocab` (the API) so the tables can grow without
crowding the functions. Rows are in display order (the order pick lists and reports
use). The wording follows METHOD.md (高价值, 沉默客户, 决策者 …); a code means one
thing everywhere — screen, export, PDF, CLI — so it has one label per language.

Integer codes (priority, satisfaction) are written as strings; :func:`vocab.label`
accepts either.
"""

from __future__ import annotations

from typing import Final

Row = tuple[str, str, str]

TABLES: Final[dict[str, tuple[Row, ...]]] = {
    # -- customers ---------------------------------------------------------------------
    "value_tier": (
        ("A", "High value", "高价值"),
        ("B", "Middle value", "中价值"),
        ("C", "Low value", "低价值"),
    ),
    "activity": (
        ("active", "Active", "活跃"),
        ("silent", "Silent", "沉默"),
        ("churned", "Churned", "流失"),
    ),
    "potential": (
        ("high", "High potential", "高潜力"),
        ("medium", "Medium potential", "中潜力"),
        ("low", "Low potential", "低潜力"),
    ),
    "customer_status": (
        ("prospect", "Prospect", "潜在客户"),
        ("active", "Active customer", "合作客户"),
        ("archived", "Archived", "已归档"),
    ),
    "rfm_segment": (
        ("champions", "Champions", "重要价值客户"),
        ("loyal", "Loyal", "忠诚客户"),
        ("potential_loyalist", "Potential loyalist", "潜力客户"),
        ("new", "New", "新客户"),
        ("promising", "Promising", "有望发展客户"),
        ("need_attention", "Need attention", "需关注客户"),
        ("about_to_sleep", "About to sleep", "即将沉睡客户"),
        ("at_risk", "At risk", "高风险客户"),
        ("cant_lose", "Can't lose", "不能失去的客户"),
        ("hibernating", "Hibernating", "沉睡客户"),
        ("lost", "Lost", "流失客户"),
    ),
    "cadence_action": (
        ("contact", "Contact", "例行联系"),
        ("executive_visit", "Executive visit", "高层互访"),
        ("satisfaction_check", "Satisfaction check", "季度满意度调研"),
        ("win_back", "Win-back call", "沉默客户回访"),
        ("churn_review", "Churn-cause review", "流失原因复盘"),
    ),
    "product_status": (  # domain.penetration: a customer against one product line
        ("buying", "Buying", "在购"),
        ("lapsed", "Lapsed (bought before)", "已停购"),
        ("whitespace", "Opportunity (not bought)", "未购买（机会）"),
    ),
    "tiering_method": (
        ("share", "By share of customers", "按客户数占比"),
        ("cumulative", "By share of revenue (ABC analysis)", "按营收累计占比（ABC 分析）"),
    ),
    # -- contact: interactions, complaints and people's preferred channel share these ----
    "channel": (
        ("visit", "Visit", "拜访"),
        ("phone", "Phone", "电话"),
        ("email", "Email", "邮件"),
        ("wechat", "WeChat", "微信"),
        ("video", "Video call", "视频通话"),
        ("meeting", "Meeting", "会议"),
        ("event", "Event", "活动"),
    ),
    "satisfaction": (
        ("1", "Very dissatisfied", "非常不满意"),
        ("2", "Dissatisfied", "不满意"),
        ("3", "Neutral", "一般"),
        ("4", "Satisfied", "满意"),
        ("5", "Very satisfied", "非常满意"),
    ),
    # -- key people: the decision chain, from who signs to who uses ----------------------
    "decision_role": (
        ("decision_maker", "Decision maker", "决策者"),
        ("economic_buyer", "Economic buyer", "经济决策人"),
        ("influencer", "Influencer", "影响者"),
        ("technical_evaluator", "Technical evaluator", "技术评估人"),
        ("user", "User", "使用者"),
        ("gatekeeper", "Gatekeeper", "把关人"),
        ("coach", "Coach", "内线"),
    ),
    # From champion to opponent; the stored codes are supporter/neutral/opponent, the
    # printed stakeholder map also knows champion and skeptic.
    "attitude": (
        ("champion", "Champion", "坚定支持"),
        ("supporter", "Supportive", "支持"),
        ("neutral", "Neutral", "中立"),
        ("skeptic", "Skeptical", "观望"),
        ("opponent", "Opposed", "反对"),
    ),
    "relationship_strength": (
        ("strong", "Strong", "强"),
        ("medium", "Medium", "中"),
        ("weak", "Weak", "弱"),
        ("none", "None", "无"),
    ),
    # Risk level of a plan risk and a person's influence (高/中/低).
    "level": (
        ("high", "High", "高"),
        ("medium", "Medium", "中"),
        ("low", "Low", "低"),
    ),
    # -- work ----------------------------------------------------------------------------
    "task_kind": (
        ("task", "Task", "任务"),
        ("call", "Call", "电话"),
        ("visit", "Visit", "拜访"),
    ),
    "task_source": (
        ("manual", "Manual", "手动"),
        ("interaction", "From a contact", "来自沟通记录"),
        ("cadence", "Contact rhythm", "维护周期"),
        ("key_date", "Key date", "关键日期"),
        ("contract", "Contract", "合同"),
        ("complaint", "Complaint", "投诉"),
        ("plan", "Account plan", "客户经营计划"),
    ),
    "priority": (
        ("1", "High", "高"),
        ("2", "Normal", "普通"),
        ("3", "Low", "低"),
    ),
    "stage": (
        ("lead", "Lead", "线索"),
        ("first_contact", "First contact", "初步接触"),
        ("demo", "Demo", "方案演示"),
        ("trial", "Trial", "试用体验"),
        ("won", "Contract won", "合同签订"),
        ("lost", "Lost", "已丢单"),
    ),
    "contract_status": (
        ("draft", "Draft", "草稿"),
        ("review", "In review", "审核中"),
        ("signed", "Signed", "已签订"),
        ("active", "In force", "生效中"),
        ("amended", "Amended", "已变更"),
        ("renewed", "Renewed", "已续签"),
        ("expired", "Expired", "已到期"),
        ("terminated", "Terminated", "已终止"),
        ("archived", "Archived", "已归档"),
    ),
    "import_action": (
        ("insert", "Added", "新增"),
        ("update", "Updated", "更新"),
    ),
    "tier_source": (
        ("stated", "As stated in the sheet", "按表格填报"),
        ("computed", "Computed from the book", "按业务数据计算"),
    ),
    "trade_kind": (
        ("order", "Order", "订单"),
        ("return", "Return / credit note", "退货/红字冲销"),
    ),
    "credit_rating": (
        ("A", "A — excellent", "A 级（优良）"),
        ("B", "B — good", "B 级（良好）"),
        ("C", "C — watch", "C 级（关注）"),
        ("D", "D — high risk", "D 级（高风险）"),
    ),
    "payment_method": (
        ("bank_transfer", "Bank transfer", "银行转账"),
        ("acceptance_bill", "Acceptance bill", "承兑汇票"),
        ("cheque", "Cheque", "支票"),
        ("cash", "Cash", "现金"),
        ("online", "Online payment", "在线支付"),
        ("other", "Other", "其他"),
    ),
    # credit use against the limit (domain/receivables.credit_level)
    "credit_level": (
        ("none", "No limit set", "未设信用额度"),
        ("ok", "Within limit", "额度内"),
        ("amber", "Near limit", "接近额度"),
        ("red", "Over limit", "超出额度"),
    ),
    # ageing of the unpaid part of the orders (domain/receivables.BUCKETS)
    "ageing_bucket": (
        ("0_30", "0–30 days", "0–30 天"),
        ("31_60", "31–60 days", "31–60 天"),
        ("61_90", "61–90 days", "61–90 天"),
        ("over_90", "Over 90 days", "90 天以上"),
    ),
    "complaint_status": (
        # Stored open/responded/resolving/resolved/closed; closed reads followed up (事后回访).
        ("open", "New", "新建"),
        ("responded", "Responded", "已响应"),
        ("resolving", "Resolving", "处理中"),
        ("resolved", "Resolved", "已解决"),
        ("closed", "Followed up", "已回访"),
    ),
    "severity": (
        ("low", "Low", "低"),
        ("medium", "Medium", "中"),
        ("high", "High", "高"),
        ("critical", "Critical", "严重"),
    ),
    "event_kind": (
        ("salon", "Customer salon", "客户沙龙"),
        ("training", "Training", "培训"),
        ("user_day", "User day", "用户日"),
        ("appreciation", "Appreciation dinner", "答谢宴会"),
        ("webinar", "Webinar", "线上研讨会"),
        ("site_visit", "Site visit", "参观考察"),
        ("launch", "Product launch", "新品发布会"),
        ("other", "Other", "其他"),
    ),
    # -- key dates and the calendar --------------------------------------------------------
    "key_date_kind": (
        ("birthday", "Birthday", "生日"),
        ("anniversary", "Cooperation anniversary", "合作周年"),
        ("founding", "Founding day", "成立纪念日"),
        ("custom", "Custom", "自定义"),
    ),
    "calendar_kind": (
        ("solar", "Solar calendar", "公历"),
        ("lunar", "Lunar calendar", "农历"),
    ),
    "recurrence": (
        ("yearly", "Every year", "每年"),
        ("once", "Once", "仅一次"),
    ),
    # What the Calendar screen's kind filter and legend call each kind of entry.
    "calendar_entry": (
        ("task", "Tasks", "任务"),
        ("visit", "Visits", "拜访"),
        ("call", "Calls", "电话"),
        ("key_date", "Key dates", "关键日期"),
        ("festival", "Festivals", "节日"),
        ("event", "Events", "活动"),
        ("renewal", "Renewals", "续签"),
        ("complaint", "Complaints", "投诉"),
    ),
    # -- account plans -------------------------------------------------------------------
    "plan_status": (
        ("draft", "Draft", "草稿"),
        ("final", "Final", "定稿"),
    ),
    "objective_status": (
        ("open", "Not started", "未开始"),
        ("on_track", "On track", "进展正常"),
        ("at_risk", "At risk", "有风险"),
        ("achieved", "Achieved", "已达成"),
        ("missed", "Missed", "未达成"),
    ),
    "plan_action_status": (
        ("open", "Not started", "未开始"),
        ("in_progress", "In progress", "进行中"),
        ("done", "Done", "已完成"),
        ("dropped", "Dropped", "已放弃"),
    ),
    # The printed plan's status column: objectives and actions mapped onto one scale.
    "plan_progress": (
        ("not_started", "Not started", "未开始"),
        ("in_progress", "In progress", "进行中"),
        ("on_track", "On track", "进展正常"),
        ("at_risk", "At risk", "有风险"),
        ("off_track", "Behind", "落后"),
        ("overdue", "Overdue", "已逾期"),
        ("blocked", "Blocked", "受阻"),
        ("done", "Done", "已完成"),
        ("achieved", "Achieved", "已达成"),
        ("cancelled", "Cancelled", "已取消"),
    ),
    # Stored kinds first (credit … other), then those a printed plan may also carry.
    "risk_kind": (
        ("credit", "Credit", "信用风险"),
        ("market", "Market", "市场风险"),
        ("single_contact", "Single point of contact", "单点联系"),
        ("contract", "Contract", "合同风险"),
        ("other", "Other", "其他"),
        ("competition", "Competition", "竞争风险"),
        ("relationship", "Relationship", "关系风险"),
        ("delivery", "Delivery", "交付风险"),
        ("price", "Pricing", "价格风险"),
    ),
    # -- messages: the fields a ValidationError names and what went wrong -------------------
    "field": (
        ("book", "Database", "数据库"),
        ("name", "Name", "名称"),
        ("code", "Code", "编号"),
        ("short_name", "Short name", "简称"),
        ("customer", "Customer", "客户"),
        ("change", "Change", "变更"),
        ("industry", "Industry", "行业"),
        ("region", "Region", "地区"),
        ("founded_on", "Founded on", "成立日期"),
        ("cooperation_start", "Cooperation since", "合作起始日"),
        ("credit_limit_cents", "Credit limit", "信用限额"),
        ("credit_rating", "Credit rating", "信用等级"),
        ("credit_review_on", "Credit review date", "信用评估日期"),
        ("payment", "Payment", "回款"),
        ("received_on", "Received on", "回款日期"),
        ("survey", "Survey answer", "满意度调研"),
        ("responded_on", "Answered on", "调研日期"),
        ("csat", "CSAT (1–5)", "满意度（1-5分）"),
        ("nps", "NPS (0–10)", "推荐度（0-10分）"),
        ("comment", "Comment", "意见"),
        ("person_id", "Person", "联系人"),
        ("amount_cents", "Amount", "金额"),
        ("trade_id", "Order", "订单"),
        ("method", "Payment method", "付款方式"),
        ("reference", "Reference", "凭证号"),
        ("share_of_wallet_pct", "Share of wallet", "钱包份额"),
        ("potential", "Potential", "潜力"),
        ("product_lines", "Product lines", "产品线"),
        ("owner", "Owner", "负责人"),
        ("tag", "Tag", "标签"),
        ("colour", "Colour", "颜色"),
        ("website", "Website", "网站"),
        ("email", "Email", "邮件"),
        ("title", "Title", "标题"),
        ("birthday", "Birthday", "生日"),
        ("reports_to_id", "Reports to", "直属上级"),
        ("decision_role", "Decision role", "决策角色"),
        ("attitude", "Attitude", "态度"),
        ("relationship_strength", "Relationship strength", "关系强度"),
        ("topic", "Topic", "沟通主题"),
        ("channel", "Channel", "沟通方式"),
        ("occurred_at", "Date and time", "日期时间"),
        ("deadline", "Deadline", "完成时限"),
        ("satisfaction", "Satisfaction", "满意度"),
        ("expected_value_cents", "Expected value", "预计金额"),
        ("probability", "Probability", "赢单概率"),
        ("plan", "Account plan", "客户经营计划"),
        ("period", "Period", "周期"),
        ("status", "Status", "状态"),
        ("metric", "Metric", "指标"),
        ("baseline", "Baseline", "基线"),
        ("target", "Target", "目标值"),
        ("due", "Due", "截止日期"),
        ("objective_status", "Status", "状态"),
        ("action", "Action", "行动"),
        ("action_status", "Status", "状态"),
        ("risk", "Risk", "风险"),
        ("risk_kind", "Type", "类型"),
        ("risk_level", "Level", "等级"),
        ("mitigation", "Mitigation", "应对措施"),
        ("file", "File", "文件"),
        ("document", "Document", "附件"),
        # contracts
        ("contract", "Contract", "合同"),
        ("number", "Contract number", "合同编号"),
        ("parties", "Parties", "签约方"),
        ("start_on", "Start date", "开始日期"),
        ("end_on", "End date", "结束日期"),
        ("value_cents", "Contract value", "合同金额"),
        ("payment_terms", "Payment terms", "付款条件"),
        ("renewal_notice_days", "Renewal notice", "续约提醒天数"),
        ("to_status", "New status", "新状态"),
        ("changed_on", "Date", "日期"),
        # orders (交易)
        ("order", "Order", "订单"),
        ("occurred_on", "Order date", "下单日期"),
        ("amount_cents", "Amount", "金额"),
        ("kind", "Kind", "类型"),
        ("product_line", "Product line", "产品线"),
        ("quantity", "Quantity", "数量"),
        ("invoice_no", "Invoice no.", "发票号"),
        ("order_no", "Order no.", "订单号"),
        ("notes", "Notes", "备注"),
        # complaints
        ("complaint", "Complaint", "投诉"),
        ("received_at", "Received at", "受理时间"),
        ("category", "Category", "问题类别"),
        ("severity", "Severity", "严重程度"),
        ("description", "Description", "问题描述"),
        ("resolution", "Resolution", "处理结果"),
        ("follow_up_on", "Follow-up visit", "回访日期"),
        ("satisfaction_after", "Satisfaction after", "回访满意度"),
        ("lessons", "Lessons learned", "经验教训"),
        ("to_owner", "New owner", "新负责人"),
        ("responded_at", "Responded at", "响应时间"),
        ("person", "Person", "联系人"),
    ),
    "validation": (
        ("required", "This field is required.", "此项为必填项。"),
        ("duplicate", "This value is already used by another record.", "此值已被其他记录使用。"),
        ("invalid_date", "This is not a valid date.", "日期无效。"),
        ("out_of_range", "This value is out of the allowed range.", "此值超出允许范围。"),
        ("too_long", "This text is too long.", "文字过长。"),
        # team mode (PostgreSQL row-level security): only the owner or a lead may do this
        ("not_yours", "You can hand your own accounts only to a member of the team "
                      "(Reassign owner… on the customer list's rows); only a team lead "
                      "can reassign a colleague's accounts, and only the owner or a lead "
                      "can change one.",
         "您只能把自己的客户转交给团队成员（客户列表行菜单中的“更换负责人…”）；"
         "只有团队主管可以转交同事的客户，只有负责人或主管可以修改客户。"),
        ("invalid_choice", "This value is not allowed here.", "此处不允许使用该值。"),
        ("invalid_number", "This is not a valid number or amount.", "不是有效的数字或金额。"),
        ("must_be_positive", "Enter an amount above zero.", "金额必须大于零。"),
        ("too_far_ahead", "This date is more than a year ahead.", "日期不能晚于一年之后。"),
        ("other_customer", "This order belongs to another customer.", "该订单属于其他客户。"),
        ("exceeds_outstanding", "This is more than the customer owes.",
         "金额超过了该客户的应收余额。"),
        ("end_before_start", "The end date is before the start date.", "结束日期早于开始日期。"),
        ("customer_archived", "This customer is archived; restore the customer first.",
         "该客户已归档，请先恢复该客户。"),
        ("not_draft", "Only a draft can be deleted; archive it instead.",
         "只能删除草稿，其他状态请改为归档。"),
        ("in_use", "Other records (orders, files) refer to this one.",
         "其他记录（订单、附件）引用了此项。"),
        ("invalid_transition", "This change of status is not allowed from the current status.",
         "当前状态不允许变更为该状态。"),
        ("before_last_move", "This date is before the last change in the history.",
         "该日期早于历史记录中的上一次变更。"),
        ("invalid_period",
         "Use a year (2027), a half-year (2027-H1, 2027-H2) or a quarter (2027-Q1 … 2027-Q4).",
         "请填写年份（2027）、半年（2027-H1、2027-H2）或季度（2027-Q1 … 2027-Q4）。"),
        ("too_large", "This file is larger than the 100 MB limit.", "文件超过 100 MB 的上限。"),
        ("book_not_empty", "This database already holds data; a full export is imported only "
         "into an empty database.", "当前数据库已有数据；完整导出只能导入到空数据库。"),
        ("unreadable", "This file cannot be read (moved, deleted or no permission).",
         "无法读取此文件（已移动、已删除或无权限）。"),
        ("amount_not_positive",
         "The amount must be more than zero (a return is entered as a positive amount "
         "of kind Return).",
         "金额必须大于零（退货请选择类型“退货/红字冲销”并填写正数金额）。"),
        ("date_too_far_ahead", "The date is more than a year ahead.", "日期超过一年以后。"),
        ("contract_other_customer", "This contract belongs to another customer.",
         "该合同属于其他客户。"),
        ("ambiguous_customer", "More than one customer has this name; use the code.",
         "有多个客户同名，请使用客户编号。"),
        ("not_revertible", "This change cannot be reverted here.", "此变更不能在此撤销。"),
        ("changed_since", "This field has been changed again since; revert the later "
         "change first.", "此项之后又被修改过，请先撤销较新的变更。"),
        ("row_gone", "This record no longer exists.", "该记录已不存在。"),
    ),
}

# The change history's own words (kinds of record, actions, every recorded field).
from kamdesk.domain.vocab_history import HISTORY_TABLES  # noqa: E402

TABLES.update(HISTORY_TABLES)
