"""Maintenance cadence (维护节奏) and the tier strategies of the method.

Each customer has one "next touch": the date it is due and what kind of touch it should
be. A and B customers also owe a quarterly extra (an executive visit, a satisfaction
check); rather than showing it as a second reminder it upgrades the next routine
contact, since a visit or a survey call is itself a contact. Silent and churned
customers keep their tier's rhythm but the touch becomes a win-back or a churn review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Final, Literal

from kamdesk.domain import vocab
from kamdesk.domain.tiering_settings import Lang, TieringSettings

__all__ = [
    "ACTION_KINDS",
    "ActionKind",
    "CadenceRule",
    "DueTouch",
    "StrategyPoint",
    "action_label",
    "cadence_rule",
    "due_parts",
    "extra_state",
    "next_touch",
    "strategy_for",
]

ActionKind = Literal["contact", "executive_visit", "satisfaction_check", "win_back", "churn_review"]
ACTION_KINDS: Final[tuple[ActionKind, ...]] = (
    "contact", "executive_visit", "satisfaction_check", "win_back", "churn_review",
)


def action_label(kind: str, lang: Lang) -> str:
    """The touch's word (例行联系, 高层互访 …) from the one vocabulary."""
    return vocab.label("cadence_action", kind, lang)


@dataclass(frozen=True, slots=True)
class CadenceRule:
    """How often a customer is touched and with what.

    ``extra_action`` / ``extra_days`` is the quarterly duty on top of routine contact
    (A: executive visit, B: satisfaction check), or None.
    """

    contact_days: int
    action: ActionKind
    extra_action: ActionKind | None
    extra_days: int | None
    summary_en: str
    summary_zh_CN: str

    def summary(self, lang: Lang) -> str:
        return self.summary_en if lang == "en" else self.summary_zh_CN


def cadence_rule(value_tier: str, activity: str, settings: TieringSettings) -> CadenceRule:
    days = settings.cadence_days(value_tier)
    if activity == "silent":
        return CadenceRule(
            days, "win_back", None, None,
            f"silent: win-back call, then every {days} days",
            f"沉默客户：回访挽回，之后每 {days} 天联系一次",
        )
    if activity == "churned":
        return CadenceRule(
            days, "churn_review", None, None,
            f"churned: review why the customer left, then every {days} days",
            f"流失客户：复盘流失原因，之后每 {days} 天跟进一次",
        )
    if value_tier == "A":
        extra = settings.executive_visit_days
        return CadenceRule(
            days, "contact", "executive_visit", extra,
            f"contact every {days} days, executive visit every {extra} days, "
            "exclusive account manager",
            f"每 {days} 天联系一次，每 {extra} 天高层互访一次，配备专属客户经理",
        )
    if value_tier == "B":
        extra = settings.satisfaction_check_days
        return CadenceRule(
            days, "contact", "satisfaction_check", extra,
            f"contact every {days} days, satisfaction check every {extra} days, "
            "birthday and festival greetings",
            f"每 {days} 天联系一次，每 {extra} 天满意度调研一次，生日及节日问候",
        )
    return CadenceRule(
        days, "contact", None, None,
        f"contact every {days} days", f"每 {days} 天联系一次",
    )


@dataclass(frozen=True, slots=True)
class DueTouch:
    next_due: date
    overdue_days: int
    action: ActionKind


def next_touch(
    *,
    value_tier: str,
    activity: str,
    last_contact: date | None,
    today: date,
    settings: TieringSettings,
    last_executive_visit: date | None = None,
    last_satisfaction_check: date | None = None,
    tracking_start: date | None = None,
    slot: int | None = None,
) -> DueTouch:
    """When the next touch is due, how many days late it is, and what it should be.

    Routine contact is due ``cadence`` days after the last contact (or, for a contact
    from before the customer's first record ``tracking_start``, as :func:`due_parts`
    says), or today if there is neither. The quarterly extra is due ``extra_days``
    after the last one; never having had one makes the next routine contact that extra
    (not an alarm dated today). When the extra falls due first or on the same day it
    wins, since it counts as a contact too.
    """
    rule = cadence_rule(value_tier, activity, settings)
    last_extra = (
        last_executive_visit if rule.extra_action == "executive_visit" else last_satisfaction_check
    )
    return DueTouch(*due_parts(rule, last_contact, today, last_extra, tracking_start, slot))


@cache
def _days(n: int) -> timedelta:
    # Building a timedelta costs three times a cached lookup, twice per customer in a
    # bulk recompute; only a handful of cadence lengths ever occur.
    return timedelta(n)


def due_parts(
    rule: CadenceRule, last_contact: date | None, today: date, last_extra: date | None,
    tracking_start: date | None = None, slot: int | None = None,
) -> tuple[date, int, ActionKind]:
    """:func:`next_touch` for an already chosen rule, as (next_due, overdue_days, action).

    Split out for the bulk recompute, which builds the nine possible rules once and
    skips the result object; ``last_extra`` is the last executive visit or satisfaction
    check, whichever the rule asks for.

    What "overdue" is measured from has to be reasonable, or an old book floods Today
    with "905 days overdue" the day it is opened:

    * a contact the user made before the customer was in KAMDesk (an imported
      最近互动时间, before ``tracking_start``, the customer's first record in this book)
      cannot make the customer late on the day of the import. Its own due date stands
      when it is still ahead then; one already past is moved into the first cycle after
      the import, on day ``1 + slot % cadence`` (``slot``: the customer's id), so an
      imported book's overdue customers come up a few a day instead of all on one day
      (without a slot: the day a cycle after the import). A customer with no contact
      before its first record starts a full cycle after it;
    * a quarterly extra that is overdue (or was never done) does not raise an alarm
      dated in the past: it upgrades the next routine touch, whose date and lateness
      are the routine ones. "Never done" is told apart by the screens
      (:func:`extra_state`), not by a count of days.
    """
    cycle = _days(rule.contact_days)
    if tracking_start is None or (last_contact is not None and last_contact >= tracking_start):
        due = today if last_contact is None else last_contact + cycle
    elif last_contact is not None and last_contact + cycle > tracking_start:
        due = last_contact + cycle  # due after the import: its own date
    elif last_contact is not None and slot is not None:
        due = tracking_start + _days(1 + slot % rule.contact_days)
    else:
        due = tracking_start + cycle
    action = rule.action
    if rule.extra_days is not None:
        extra_due = due if last_extra is None else last_extra + _days(rule.extra_days)
        if extra_due <= due:
            action = rule.extra_action or action
        # An extra due before the routine touch rides on it (the routine date stays).
    overdue = (today - due).days
    return due, (max(0, overdue)), action


ExtraState = Literal["done", "not_yet_done"]


def extra_state(due_action: str | None, last_extra: date | None) -> ExtraState | None:
    """Whether the quarterly duty a touch asks for was ever done: ``'not_yet_done'``
    when the touch is an executive visit / satisfaction check with no record of one
    (the screens say "not yet done" instead of counting days), ``'done'`` when there
    is one, None for a routine touch."""
    if due_action not in ("executive_visit", "satisfaction_check"):
        return None
    return "done" if last_extra is not None else "not_yet_done"


@dataclass(frozen=True, slots=True)
class StrategyPoint:
    key: str
    en: str
    zh_CN: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh_CN


_HIGH: Final[tuple[StrategyPoint, ...]] = (
    StrategyPoint("exclusive_manager", "Exclusive account manager, one-to-one service",
                  "专属客户经理，一对一服务"),
    StrategyPoint("executive_visits", "Regular executive visits", "定期高层互访"),
    StrategyPoint("custom_solutions", "Custom solutions for the customer's needs",
                  "针对客户需求的定制化解决方案"),
    StrategyPoint("value_co_creation",
                  "Value co-creation: product workshops, joint white papers",
                  "价值共创：邀请参与产品研讨会、联合发布白皮书"),
    StrategyPoint("exclusive_rights",
                  "Exclusive rights: priority supply, free training, joint marketing",
                  "专属权益：优先供货、免费培训、联合营销"),
)
_MIDDLE: Final[tuple[StrategyPoint, ...]] = (
    StrategyPoint("standard_service", "Standard service", "标准化服务"),
    StrategyPoint("satisfaction_survey", "Quarterly satisfaction survey", "季度满意度调研"),
    StrategyPoint("greetings", "Birthday and holiday greetings", "生日及节日问候"),
    StrategyPoint("product_tips", "Product tips and usage advice", "产品使用技巧推送"),
)
_LOW: Final[tuple[StrategyPoint, ...]] = (
    StrategyPoint("standard_service", "Standard service", "标准化服务"),
    StrategyPoint("online_touch",
                  "Cost-efficient online touch: industry news by email or WeChat",
                  "低成本线上触达：通过邮件、微信推送行业资讯"),
)
_SILENT: Final[tuple[StrategyPoint, ...]] = (
    StrategyPoint("cause_analysis", "Analyse why the customer went silent", "分析客户沉默原因"),
    StrategyPoint("win_back_incentive",
                  "Win-back incentive: discount, trial of new products",
                  "回归激励：折扣优惠、新品试用"),
    StrategyPoint("manager_call", "Account manager calls to learn what changed",
                  "客户经理致电了解客户变化"),
)
_CHURNED: Final[tuple[StrategyPoint, ...]] = (
    StrategyPoint("churn_review", "Review the causes of churn", "流失原因复盘"),
    StrategyPoint("record_lessons", "Record the lessons learned", "记录经验教训"),
    StrategyPoint("win_back_decision", "Decide whether and how to win the customer back",
                  "评估是否及如何挽回客户"),
)
_BY_TIER: Final[dict[str, tuple[StrategyPoint, ...]]] = {"A": _HIGH, "B": _MIDDLE, "C": _LOW}


def strategy_for(value_tier: str, activity: str) -> tuple[StrategyPoint, ...]:
    """The method's strategy bullets, used to pre-fill an account plan.

    A silent customer gets the win-back points first and keeps its tier's points (a
    silent high-value account is still a high-value account); a churned one gets only
    the churn review, since tier privileges make no sense until it is back.
    """
    if value_tier not in _BY_TIER:
        raise ValueError(f"unknown value tier {value_tier!r}")
    if activity == "churned":
        return _CHURNED
    if activity == "silent":
        return _SILENT + _BY_TIER[value_tier]
    return _BY_TIER[value_tier]
