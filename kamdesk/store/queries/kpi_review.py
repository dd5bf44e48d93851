"""The KPIs of a review period (month, quarter, year), their trend and the customers
behind them, read from the book.

:func:`period_counts` gathers the raw counts for any run of consecutive periods with one
grouped query per source table (surveys, contacts, orders, complaints, events, A-tier
contacts, churn), whatever the number of periods — so a twelve-period trend costs the
same handful of queries as one review. The rules are in
:mod:`kamdesk.domain.review_kpis`; the definitions in ``docs/kpis.md``. Archived
customers count nowhere. Every figure is as lived up to ``as_of``: a period still under
way is counted up to that day, one not yet begun has no data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Connection

from kamdesk.domain.review_kpis import KPI_CODES, PeriodCounts, Review, review_figures
from kamdesk.domain.review_periods import Period

__all__ = ["kpi_targets", "period_counts", "review", "trend"]

#: app_settings key holding ``{kpi code: target}`` (fen for money)
KPI_TARGETS_KEY = "kpi_targets"


def kpi_targets(conn: Connection) -> dict[str, float]:
    """The user's target per KPI code (only the KPIs that have one)."""
    raise NotImplementedError


def period_counts(conn: Connection, periods: Sequence[Period],
                  as_of: date) -> dict[Period, PeriodCounts]:
    """Counts for each of ``periods`` (consecutive, same kind, oldest first)."""
    raise NotImplementedError


def review(conn: Connection, period: Period, as_of: date) -> Review:
    """The period's review: every KPI with its target, the previous period's value and
    the change."""
    periods = period.shifted(-2).last_n(3)
    counts = period_counts(conn, periods, as_of)
    figures = review_figures(counts[periods[2]], counts[periods[1]], counts[periods[0]],
                             kpi_targets(conn))
    return Review(period, period.previous(), as_of, figures)


def trend(conn: Connection, codes: str | Iterable[str], period: Period, as_of: date,
          n: int = 12) -> dict[str, list[tuple[Period, int | float | None]]]:
    """The last ``n`` periods ending with ``period`` for each KPI in ``codes`` (``"all"``
    for every KPI), oldest first: ``{code: [(period, value), ...]}``."""
    raise NotImplementedError


__all__ += ["KPI_CODES"]
