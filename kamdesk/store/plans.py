"""Moved to domain.plan_*, store.queries.plan* and store.ops.plans; shim until the merge."""

from kamdesk.domain.plan_periods import next_period, period_bounds, period_key  # noqa: F401
from kamdesk.domain.plan_periods import suggest_period  # noqa: F401
from kamdesk.domain.plan_text import coverage_gap, describe_reason, situation_text  # noqa: F401
from kamdesk.domain.plan_text import split_lines, suggest_objectives  # noqa: F401
from kamdesk.domain.plan_text import suggest_opportunities, suggest_risks  # noqa: F401
from kamdesk.domain.plan_text import suggest_strategies, suggest_swot  # noqa: F401
from kamdesk.domain.plans import EDITABLE_FIELDS, OBJECTIVE_STATUSES, PLAN_STATUSES  # noqa: F401
from kamdesk.domain.plans import ROLE_ORDER, ActionItem, ObjectiveItem, PlanDetail  # noqa: F401
from kamdesk.domain.plans import PlanFacts, RiskItem, Stakeholder, decode_reasons  # noqa: F401
from kamdesk.store.ops.plans import action_to_task, add_action, add_objective  # noqa: F401
from kamdesk.store.ops.plans import add_risk, copy_plan, create_plan, delete_action  # noqa: F401
from kamdesk.store.ops.plans import delete_objective, delete_plan, delete_risk  # noqa: F401
from kamdesk.store.ops.plans import move_action, move_objective, move_risk  # noqa: F401
from kamdesk.store.ops.plans import normalize_period, save_plan, update_action  # noqa: F401
from kamdesk.store.ops.plans import update_objective, update_plan, update_risk  # noqa: F401
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders  # noqa: F401
from kamdesk.store.queries.plans import ACTION_STATUSES, LEVELS, RISK_KINDS  # noqa: F401
from kamdesk.store.queries.plans import CustomerPick, PlanRow, customer_by_code  # noqa: F401
from kamdesk.store.queries.plans import customer_by_id, draft_detail, find_customers  # noqa: F401
from kamdesk.store.queries.plans import latest_plan_id, list_plans, plan_detail  # noqa: F401
from kamdesk.store.queries.plans import plan_periods  # noqa: F401
