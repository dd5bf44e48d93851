"""Everything the monthly review PDF (月度复盘) prints, read from the book in one place.

:func:`review_document` runs the store's queries (the period KPIs and their trend, the
customers behind each KPI that misses its target, tier movements, the period's
complaints, what is overdue) and returns one frozen :class:`ReviewDocument`, so the
layout in :mod:`kamdesk.reports.review_pdf` never touches the database and can be
tested on hand-built documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from kamdesk.domain.review_kpis import KpiFigure, Review
from kamdesk.domain.review_periods import Period
from kamdesk.store.queries.kpi_drill_down import drill_down
from kamdesk.store.queries.kpi_review import Trend, review_and_trend
from kamdesk.store.queries.review_facts import (
    ComplaintFact,
    OverdueAction,
    TierMovements,
    complaints_in_period,
    overdue_plan_actions,
    tier_movements,
    unanswered_complaints,
)

__all__ = ["KpiCustomers", "ReviewDocument", "off_target", "review_document"]

#: customers named per off-target KPI in the actions list (the rest are counted)
CUSTOMERS_PER_KPI = 5


@dataclass(frozen=True, slots=True)
class KpiCustomers:
    """The customers behind an off-target KPI that pull it the wrong way (the drill-down's
    flagged rows, one per customer, in the drill-down's order)."""

    code: str
    names: tuple[str, ...]  # at most CUSTOMERS_PER_KPI
    total: int


@dataclass(frozen=True, slots=True)
class ReviewDocument:
    review: Review
    trend: Trend
    lang: str
    tiers: TierMovements
    complaints: tuple[ComplaintFact, ...]  # received in the period, most urgent first
    unanswered: tuple[ComplaintFact, ...]  # any period, unanswered past the deadline
    overdue_actions: tuple[OverdueAction, ...]
    kpi_customers: tuple[KpiCustomers, ...]  # one per off-target KPI, table order

    @property
    def period(self) -> Period:
        return self.review.period

    @property
    def as_of(self) -> date:
        return self.review.as_of


def off_target(review: Review) -> list[KpiFigure]:
    """The KPIs with a value and a target that the value misses, in table order."""
    return [f for f in review.figures if f.on_target is False]


def _customers_behind(conn: Connection, code: str, period: Period,
                      as_of: date) -> KpiCustomers:
    seen: dict[int, str] = {}
    for row in drill_down(conn, code, period, as_of):
        if row.flagged and row.customer_id not in seen:
            seen[row.customer_id] = row.customer_name or row.customer_code
    names = tuple(seen.values())
    return KpiCustomers(code, names[:CUSTOMERS_PER_KPI], len(names))


def review_document(conn: Connection, period: Period, as_of: date,
                    lang: str) -> ReviewDocument:
    """Read the review of ``period`` as lived on ``as_of`` (nothing is written)."""
    review, trend = review_and_trend(conn, period, as_of, 12)
    return ReviewDocument(
        review=review,
        trend=trend,
        lang=lang,
        tiers=tier_movements(conn, period, as_of),
        complaints=tuple(complaints_in_period(conn, period, as_of)),
        unanswered=tuple(unanswered_complaints(conn, as_of)),
        overdue_actions=tuple(overdue_plan_actions(conn, as_of)),
        kpi_customers=tuple(_customers_behind(conn, f.code, period, as_of)
                            for f in off_target(review)),
    )
