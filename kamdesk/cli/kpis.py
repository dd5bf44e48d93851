"""``kamdesk kpis``: every KPI of the monthly review (数据复盘), headless.

The same figures as the Reports screen's panel, one per line — ``kpi``, ``value``,
``unit`` and ``basis`` (what the figure was computed from: the denominator of a rate,
the answers behind an average) — tab-separated, or CSV with a header (``--csv``). Codes,
not words, so a script's parsing does not change with the language; money in yuan with
two decimals, rates in percent with one, blank where there is no data (a rate over
nothing is not 0 %). Definitions: ``docs/kpis.md``.

``--as-of`` reviews the book as it stood on an earlier day: the tiers and activity are
recomputed for that day inside a transaction that is rolled back, so nothing stored
changes. Without it, stale figures are recomputed (and kept) first, as ``kamdesk tiers``
and the window do.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from kamdesk.cli.common import EXIT_OK, iso_date, open_db

if TYPE_CHECKING:
    from kamdesk.domain.kpis import KpiReport

COLUMNS = ("kpi", "value", "unit", "basis")


def add_kpis_arguments(k: argparse.ArgumentParser) -> None:
    k.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="review the book as it stood on this day (default: today); "
                        "nothing stored changes")
    k.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")


def yuan(fen: int | None) -> str:
    """Fen as yuan with two decimals, exactly (integer maths); blank for no data."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def kpi_rows(k: KpiReport) -> Iterator[tuple[str, str, str, str]]:
    """(kpi, value, unit, basis) for every KPI of the review, in the panel's order."""
    from kamdesk.domain.kpis import ACTIVITIES, TIERS

    yield "customers", str(k.customers), "count", ""
    for tier in TIERS:
        yield f"tier_{tier}", str(k.by_tier.get(tier, 0)), "count", str(k.customers)
    for act in ACTIVITIES:
        yield f"activity_{act}", str(k.by_activity.get(act, 0)), "count", str(k.customers)
    for tier in TIERS:
        for act in ACTIVITIES:
            yield (f"tier_{tier}_{act}", str(k.tier_activity.get((tier, act), 0)), "count",
                   str(k.by_tier.get(tier, 0)))
    yield "churn_rate", percent(k.churn_rate), "percent", str(k.customers)
    yield "repurchase_rate", percent(k.repurchase_rate), "percent", ""
    yield "new_customers_month", str(k.new_customers_month), "count", ""
    yield ("csat_avg", "" if k.csat_avg is None else f"{k.csat_avg:.2f}", "score_1_5",
           str(k.csat_answers))
    yield "nps", "" if k.nps is None else f"{k.nps:.1f}", "score", str(k.nps_answers)
    yield "response_timeliness", percent(k.response_timeliness), "percent", str(k.complaints_due)
    yield "resolution_rate", percent(k.resolution_rate), "percent", str(k.complaints_received)
    yield "participation_rate", percent(k.participation_rate), "percent", str(k.invitations)
    yield "ltv", yuan(k.ltv_cents), "yuan", str(k.ltv_customers)
    yield "aov", yuan(k.aov_cents), "yuan", str(k.aov_orders)
    yield "aov_previous", yuan(k.aov_prev_cents), "yuan", str(k.aov_prev_orders)
    yield "aov_growth", percent(k.aov_growth), "percent", ""


def review(args: argparse.Namespace, today: date) -> KpiReport:
    """The review as of ``args.as_of`` (or ``today``), recomputing tiers as needed."""
    from kamdesk.store.metrics import metrics_stale, recompute_and_stamp, recompute_metrics
    from kamdesk.store.queries.kpis import kpi_report

    as_of: date = args.as_of or today
    db = open_db(args)
    try:
        if as_of == today:
            if db.read(metrics_stale, today):
                n = recompute_and_stamp(db, today)
                print(f"recomputed figures for {n} customers as of {today.isoformat()}",
                      file=sys.stderr)
            return db.read(kpi_report, today)
        # Another day: tiers and activity as they stood then, computed in a transaction
        # that is rolled back, so the stored (today's) figures stay as they are.
        with db.engine.connect() as conn:
            with conn.begin() as transaction:
                recompute_metrics(conn, as_of)
                report = kpi_report(conn, as_of)
                transaction.rollback()
        return report
    finally:
        db.dispose()


def run_kpis(args: argparse.Namespace) -> int:
    report = review(args, date.today())
    rows = kpi_rows(report)
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    else:
        for row in rows:
            print("\t".join(row))
    return EXIT_OK
