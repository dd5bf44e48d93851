"""Relationship health (合作健康度) as a 0–100 score that explains itself.

A bare number invites "why?", so the score is 100 minus a list of penalties, each a
reason with a code and the figures behind it. The codes and params are stored (as JSON)
and rendered in the user's language later by :func:`describe`, so changing the UI
language does not require a recompute.

Penalties (the score is clamped to 0..100):

====================================  ======================================  =========
reason (code)                         when                                    penalty
====================================  ======================================  =========
contact_overdue (days, cadence)       days since contact > cadence            10 per cadence
                                                                              period late
                                                                              (begun), max 30
never_contacted                       no contact on record                    20
complaint_overdue (count)             open complaints past their deadline     15 each, max 30
revenue_down (pct)                    window revenue vs previous window       5 at ≥10 %,
                                                                              10 at ≥25 %,
                                                                              20 at ≥50 %
single_point_of_contact (people)      revenue > 0, ≤ 1 key person contacted   10
                                      in 180 days
decision_maker_not_contacted (days)   ≥ 60 days since decision-maker contact  10; 15 at ≥180
no_decision_maker                     revenue > 0, no decision maker known    5
low_csat (csat)                       last CSAT < 4 (of 5)                    5; 15 below 3
nps_detractor (nps)                   last NPS 0–6                            10
credit_usage (pct)                    exposure ≥ 90 % of the credit limit     10; 20 at ≥100 %
credit_no_limit (exposure)            exposure > 0 with a zero credit limit   20
====================================  ======================================  =========

Percentages are whole numbers rounded half up, computed in integers from fen amounts.
Credit exposure is what the customer owes (应收): its orders and returns up to the day
less its payments up to the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Final, NamedTuple

from kamdesk.domain.tiering_settings import Lang

__all__ = [
    "REASON_CODES",
    "HealthReason",
    "HealthResult",
    "describe",
    "health_score",
    "score_parts",
]


class HealthReason(NamedTuple):
    """One penalty and the figures behind it.

    A named tuple rather than a frozen dataclass: a recompute creates several per
    customer for 100,000 customers, and tuples are built about twice as fast. ``params``
    holds only ints and floats so the store can save reasons as JSON
    (``reason._asdict()``).
    """

    code: str
    penalty: int
    params: dict[str, int | float]


@dataclass(frozen=True, slots=True)
class HealthResult:
    score: int
    reasons: tuple[HealthReason, ...]


# Reasons are listed worst first; equal penalties keep this order so output is stable.
REASON_CODES: Final[tuple[str, ...]] = (
    "complaint_overdue", "credit_no_limit", "credit_usage", "contact_overdue",
    "never_contacted", "revenue_down", "low_csat", "decision_maker_not_contacted",
    "nps_detractor", "single_point_of_contact", "no_decision_maker",
)
_PENALTY: Final = itemgetter(1)
# The hot path builds reasons with tuple.__new__ directly: the named tuple's own
# __new__ is a Python function and costs half again as much, several times per customer.
_new: Final = tuple.__new__


def _pct(part: int, whole: int) -> int:
    """100 × part / whole rounded half up, for whole > 0."""
    return (200 * part + whole) // (2 * whole)


def health_score(
    *,
    days_since_contact: int | None,
    cadence_days: int,
    overdue_complaints: int = 0,
    revenue_window: int = 0,
    revenue_prev_window: int = 0,
    people_contacted_180d: int = 0,
    days_since_decision_maker_contact: int | None = None,
    last_csat: float | None = None,
    last_nps: int | None = None,
    credit_limit: int | None = None,
    credit_exposure: int = 0,
) -> HealthResult:
    """Score one customer.

    ``days_since_decision_maker_contact`` is None when no decision maker is on record; a
    known decision maker who was never contacted should be passed as the days since the
    cooperation started (or since the person was added), not as None.
    """
    return HealthResult(*score_parts(
        days_since_contact, cadence_days, overdue_complaints, revenue_window,
        revenue_prev_window, people_contacted_180d, days_since_decision_maker_contact,
        last_csat, last_nps, credit_limit, credit_exposure,
    ))


def score_parts(
    days_since_contact: int | None,
    cadence_days: int,
    overdue_complaints: int,
    revenue_window: int,
    revenue_prev_window: int,
    people_contacted_180d: int,
    days_since_decision_maker_contact: int | None,
    last_csat: float | None,
    last_nps: int | None,
    credit_limit: int | None,
    credit_exposure: int,
) -> tuple[int, tuple[HealthReason, ...]]:
    """:func:`health_score` as (score, reasons), positional: the bulk recompute's hot path,
    where keyword passing and the result object are a measurable share of the time."""
    reasons: list[HealthReason] = []
    add = reasons.append
    total = 0
    # Appended in REASON_CODES order; the stable sort at the end keeps it among ties.
    if overdue_complaints > 0:
        penalty = min(30, 15 * overdue_complaints)
        total += penalty
        add(_new(HealthReason, ("complaint_overdue", penalty, {"count": overdue_complaints})))

    if credit_limit is not None and credit_exposure > 0:
        if credit_limit <= 0:
            total += 20
            add(_new(HealthReason, ("credit_no_limit", 20, {"exposure": credit_exposure})))
        else:
            used = _pct(credit_exposure, credit_limit)
            if used >= 90:
                penalty = 20 if used >= 100 else 10
                total += penalty
                add(_new(HealthReason, ("credit_usage", penalty, {"pct": used})))

    if days_since_contact is None:
        total += 20
        add(_new(HealthReason, ("never_contacted", 20, {})))
    elif days_since_contact > cadence_days:
        late = days_since_contact - cadence_days
        periods = -(-late // cadence_days)  # begun cadence periods missed (ceil)
        penalty = 10 * min(3, periods)
        total += penalty
        add(_new(HealthReason, (
            "contact_overdue", penalty, {"days": days_since_contact, "cadence": cadence_days}
        )))

    if revenue_prev_window > 0 and revenue_window < revenue_prev_window:
        drop = _pct(revenue_prev_window - revenue_window, revenue_prev_window)
        if drop >= 10:
            penalty = 20 if drop >= 50 else 10 if drop >= 25 else 5
            total += penalty
            add(_new(HealthReason, ("revenue_down", penalty, {"pct": drop})))

    if last_csat is not None and last_csat < 4:
        penalty = 15 if last_csat < 3 else 5
        total += penalty
        add(_new(HealthReason, ("low_csat", penalty, {"csat": last_csat})))

    has_revenue = revenue_window > 0
    if days_since_decision_maker_contact is not None and days_since_decision_maker_contact >= 60:
        penalty = 15 if days_since_decision_maker_contact >= 180 else 10
        total += penalty
        add(_new(HealthReason, (
            "decision_maker_not_contacted", penalty, {"days": days_since_decision_maker_contact}
        )))

    if last_nps is not None and last_nps <= 6:
        total += 10
        add(_new(HealthReason, ("nps_detractor", 10, {"nps": last_nps})))

    if has_revenue and people_contacted_180d <= 1:
        total += 10
        add(_new(HealthReason, (
            "single_point_of_contact", 10, {"people": people_contacted_180d}
        )))

    if has_revenue and days_since_decision_maker_contact is None:
        total += 5
        add(_new(HealthReason, ("no_decision_maker", 5, {})))

    if len(reasons) > 1:
        # Stable even in reverse, so equal penalties stay in REASON_CODES order.
        reasons.sort(key=_PENALTY, reverse=True)
    return (100 - total if total < 100 else 0), tuple(reasons)


def _num(value: object) -> str:
    # 4.0 reads as "4", 3.5 as "3.5": scores are entered with one decimal at most.
    return f"{value:g}" if isinstance(value, float) else str(value)


_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "contact_overdue": {
        "en": "no contact for {days} days, cadence is {cadence}",
        "zh_CN": "已 {days} 天未联系（维护周期 {cadence} 天）",
    },
    "never_contacted": {"en": "never contacted", "zh_CN": "从未联系"},
    "complaint_overdue": {
        "en": "{count} open complaints past deadline",
        "zh_CN": "{count} 项投诉超过处理时限",
    },
    "revenue_down": {
        "en": "revenue down {pct} % year on year",
        "zh_CN": "收入同比下降 {pct}%",
    },
    "single_point_of_contact": {
        "en": "single point of contact",
        "zh_CN": "单点联系（仅与一位关键人保持联系）",
    },
    "decision_maker_not_contacted": {
        "en": "no contact with the decision maker in {days} days",
        "zh_CN": "已 {days} 天未与决策者联系",
    },
    "no_decision_maker": {"en": "no decision maker on record", "zh_CN": "未登记决策者"},
    "low_csat": {
        "en": "last satisfaction score {csat} of 5",
        "zh_CN": "最近满意度 {csat} 分（满分 5 分）",
    },
    "nps_detractor": {
        "en": "NPS detractor (scored {nps} of 10)",
        "zh_CN": "NPS 贬损者（评分 {nps}/10）",
    },
    "credit_usage": {
        "en": "credit used {pct} % of limit",
        "zh_CN": "信用额度已使用 {pct}%",
    },
    "credit_no_limit": {
        "en": "credit outstanding with a zero credit limit",
        "zh_CN": "信用额度为零但有未结欠款",
    },
}


#: what the gathered facts give as "days since the decision maker was contacted" when a
#: decision maker is on record but was never contacted
NEVER_CONTACTED_DAYS = 9999


def describe(reason: HealthReason, lang: Lang) -> str:
    """One reason as a short phrase for the UI or a PDF.

    An unknown code (written by a newer version) or missing params fall back to the bare
    code rather than raising, so an old app can still open a newer database.
    """
    if reason.code == "complaint_overdue" and reason.params.get("count") == 1:
        return "open complaint past deadline" if lang == "en" else "有投诉超过处理时限"
    if reason.code == "decision_maker_not_contacted" and \
            int(reason.params.get("days", 0) or 0) >= NEVER_CONTACTED_DAYS:
        # The facts' stand-in for "a decision maker on record, never contacted".
        return "the decision maker was never contacted" if lang == "en" else "从未与决策者联系"
    texts = _TEXT.get(reason.code)
    if texts is None:
        return reason.code
    try:
        return texts[lang].format(**{k: _num(v) for k, v in reason.params.items()})
    except (KeyError, IndexError):
        return reason.code
