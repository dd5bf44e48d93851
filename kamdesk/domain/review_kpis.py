"""The monthly review's KPIs for one period (数据复盘 by month, quarter or year).

The store counts (:mod:`kamdesk.store.queries.kpi_review`); the rules that turn the
counts of one :class:`~kamdesk.domain.review_periods.Period` into figures, compare them
with the period before and with the user's target, and check a target's range live
here, pure, so each one is tested on hand-built numbers and read in one place. The
definitions are written out for the user in ``docs/kpis.md``.

A rate over nothing is ``None`` (no data), never 0 %; money is integer fen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from kamdesk.domain.kpis import fen_mean, growth, mean, nps, rate
from kamdesk.domain.review_periods import Period

__all__ = [
    "KPI_CODES", "KPI_DEFINITIONS", "TARGET_RANGES", "KpiDefinition", "KpiFigure",
    "PeriodCounts", "Review", "Unit", "change_of", "check_target", "definition",
    "figure_values", "meets", "review_figures",
]

#: ``percent`` 0–100; ``percent_change`` a growth rate in % (may be negative); ``score``
#: the NPS −100…100; ``score_1_5`` a CSAT average; ``count`` a number of customers;
#: ``fen`` money in integer fen (shown as yuan).
Unit = Literal["percent", "percent_change", "score", "score_1_5", "count", "fen"]
Value = int | float | None


@dataclass(frozen=True, slots=True)
class KpiDefinition:
    """What a KPI is: its code, unit, which way is better, and its name in both languages."""

    code: str
    unit: Unit
    better: Literal["higher", "lower"]
    en: str
    zh: str

    def name(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


#: Every KPI of the period review, in the order the panel, the CLI and the PDF show them.
KPI_DEFINITIONS: Final[tuple[KpiDefinition, ...]] = (
    KpiDefinition("csat_avg", "score_1_5", "higher", "CSAT average", "客户满意度(CSAT)"),
    KpiDefinition("nps", "score", "higher", "NPS", "净推荐值(NPS)"),
    KpiDefinition("repurchase_rate", "percent", "higher", "Repurchase rate", "复购率"),
    KpiDefinition("churn_rate", "percent", "lower", "Churn rate", "流失率"),
    KpiDefinition("new_customers", "count", "higher", "New customers won", "新客户开发数"),
    KpiDefinition("ltv", "fen", "higher", "Customer lifetime value", "客户生命周期价值(LTV)"),
    KpiDefinition("aov", "fen", "higher", "Average order value", "客单价"),
    KpiDefinition("aov_growth", "percent_change", "higher", "Average order value growth",
                  "客单价增长率"),
    KpiDefinition("contact_timeliness", "percent", "higher", "Contact follow-up timeliness",
                  "沟通响应及时率"),
    KpiDefinition("response_timeliness", "percent", "higher", "Complaints answered on time",
                  "投诉按时响应率"),
    KpiDefinition("resolution_rate", "percent", "higher", "Complaint resolution rate",
                  "问题解决率"),
    KpiDefinition("participation_rate", "percent", "higher", "Event participation rate",
                  "活动参与率"),
    KpiDefinition("a_on_cadence", "percent", "higher", "A-tier customers contacted on cadence",
                  "A类客户按节奏维护率"),
)
KPI_CODES: Final[tuple[str, ...]] = tuple(d.code for d in KPI_DEFINITIONS)
_BY_CODE: Final = {d.code: d for d in KPI_DEFINITIONS}

#: the range a target may take, per unit (inclusive)
TARGET_RANGES: Final[dict[str, tuple[float, float]]] = {
    "percent": (0, 100), "percent_change": (-100, 10_000), "score": (-100, 100),
    "score_1_5": (1, 5), "count": (0, 1_000_000), "fen": (0, 10**15),
}


def definition(code: str) -> KpiDefinition:
    """The KPI's definition; KeyError for an unknown code."""
    return _BY_CODE[code]


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """Raw counts for one period, as lived up to the review day (see docs/kpis.md)."""

    csat_sum: float = 0.0
    csat_answers: int = 0
    nps_promoters: int = 0
    nps_passives: int = 0
    nps_detractors: int = 0
    buyers: int = 0  # customers with an order in the period
    repeat_buyers: int = 0  # … of whom with ≥ 2 orders up to the period's end
    churn_base: int = 0  # customers in the book, not churned, the day before the period
    churned: int = 0  # … of whom churned by the period's (lived) end
    new_customers: int = 0  # cooperation started (else created) in the period
    ltv_customers: int = 0  # customers with an order up to the period's end
    ltv_revenue_cents: int = 0  # their net revenue (orders − returns) up to then
    orders: int = 0  # orders in the period
    order_revenue_cents: int = 0  # their amounts
    followups_due: int = 0  # logged next actions whose deadline fell in the period
    followups_on_time: int = 0  # … followed by a contact by the deadline
    complaints_on_time: int = 0  # received in the period, answered by the deadline
    complaints_late: int = 0  # … answered after it, or unanswered past it
    complaints_received: int = 0
    complaints_resolved: int = 0  # … resolved or followed up by the review day
    invitations: int = 0  # invitations to events held in the period
    attended: int = 0
    a_customers: int = 0  # A-tier customers in the book
    a_on_cadence: int = 0  # … with the contacts their cadence asks for in the period


def figure_values(c: PeriodCounts) -> dict[str, tuple[Value, int | None]]:
    """Every KPI's (value, basis) for one period's counts, without the growth KPI
    (which needs the period before: :func:`review_figures` adds it).

    ``basis`` is what the figure rests on — a rate's denominator, the answers behind an
    average — or None where it has none (a count)."""
    return {
        "csat_avg": (mean(c.csat_sum, c.csat_answers), c.csat_answers),
        "nps": (nps(c.nps_promoters, c.nps_passives, c.nps_detractors),
                c.nps_promoters + c.nps_passives + c.nps_detractors),
        "repurchase_rate": (rate(c.repeat_buyers, c.buyers), c.buyers),
        "churn_rate": (rate(c.churned, c.churn_base), c.churn_base),
        "new_customers": (c.new_customers, None),
        "ltv": (fen_mean(c.ltv_revenue_cents, c.ltv_customers), c.ltv_customers),
        "aov": (fen_mean(c.order_revenue_cents, c.orders), c.orders),
        "contact_timeliness": (rate(c.followups_on_time, c.followups_due), c.followups_due),
        "response_timeliness": (rate(c.complaints_on_time,
                                     c.complaints_on_time + c.complaints_late),
                                c.complaints_on_time + c.complaints_late),
        "resolution_rate": (rate(c.complaints_resolved, c.complaints_received),
                            c.complaints_received),
        "participation_rate": (rate(c.attended, c.invitations), c.invitations),
        "a_on_cadence": (rate(c.a_on_cadence, c.a_customers), c.a_customers),
    }


def change_of(unit: str, value: Value, previous: Value) -> float | None:
    """The change against the previous period, in the KPI's own unit: points for a
    rate or a score, fen for money, customers for a count (``value − previous``).
    None when either side has no data."""
    if value is None or previous is None:
        return None
    if unit in ("count", "fen"):
        return value - previous
    return round(float(value) - float(previous), 2)


@dataclass(frozen=True, slots=True)
class KpiFigure:
    """One KPI of one period.

    ``value`` in ``unit`` (fen as int for money); ``basis`` what it rests on (None for a
    count); ``target`` the user's target or None; ``previous`` the same KPI for the
    period before; ``change`` = value − previous in the same unit (points for rates);
    ``change_pct`` the relative change in % (:func:`kamdesk.domain.kpis.growth`, only
    for counts and money); ``better`` which way is good; ``on_target`` whether the
    value meets the target that way (None without a value or a target).
    """

    code: str
    value: Value
    unit: Unit
    basis: int | None
    target: float | None
    previous: Value
    change: float | None
    change_pct: float | None
    better: Literal["higher", "lower"]
    on_target: bool | None


@dataclass(frozen=True, slots=True)
class Review:
    """A period's review: the period, the one it is compared with, the review day, and
    one :class:`KpiFigure` per KPI in :data:`KPI_CODES` order."""

    period: Period
    previous_period: Period
    as_of: date
    figures: tuple[KpiFigure, ...]

    def figure(self, code: str) -> KpiFigure:
        for f in self.figures:
            if f.code == code:
                return f
        raise KeyError(code)


def meets(better: str, value: Value, target: float | None) -> bool | None:
    if value is None or target is None:
        return None
    return value >= target if better == "higher" else value <= target


def review_figures(current: PeriodCounts, previous: PeriodCounts,
                   before_previous: PeriodCounts | None = None,
                   targets: Mapping[str, float] | None = None) -> tuple[KpiFigure, ...]:
    """One :class:`KpiFigure` per KPI, in :data:`KPI_CODES` order.

    ``before_previous`` (the period before the previous one) only feeds the previous
    value of ``aov_growth``; without it that previous value is None."""
    targets = targets or {}
    now, then = figure_values(current), figure_values(previous)
    aov_now, aov_then = now["aov"][0], then["aov"][0]
    now["aov_growth"] = (growth(aov_now, aov_then), previous.orders)
    if before_previous is not None:
        older = figure_values(before_previous)["aov"][0]
        then["aov_growth"] = (growth(aov_then, older), before_previous.orders)
    else:
        then["aov_growth"] = (None, None)
    out = []
    for d in KPI_DEFINITIONS:
        value, basis = now[d.code]
        prev = then[d.code][0]
        change_pct = growth(value, prev) if d.unit in ("count", "fen") else None
        target = targets.get(d.code)
        out.append(KpiFigure(d.code, value, d.unit, basis, target, prev,
                             change_of(d.unit, value, prev), change_pct, d.better,
                             meets(d.better, value, target)))
    return tuple(out)


def check_target(code: str, value: float | None) -> float | None:
    """A target for ``code`` as stored, or raise ``ValueError(code)`` with ``.args[0]``
    ``unknown_kpi`` / ``invalid_choice`` / ``out_of_range``. None clears the target.

    Counts and money must be whole numbers (fen for money)."""
    if code not in _BY_CODE:
        raise ValueError("unknown_kpi")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("invalid_choice")
    unit = _BY_CODE[code].unit
    if value != value:  # NaN
        raise ValueError("invalid_choice")
    if unit in ("count", "fen") and float(value) != int(value):
        raise ValueError("invalid_choice")
    low, high = TARGET_RANGES[unit]
    if not low <= value <= high:
        raise ValueError("out_of_range")
    return int(value) if unit in ("count", "fen") else float(value)
