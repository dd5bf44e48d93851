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

``--period 2026-11|2026-Q4|2026`` reviews one month, quarter or year instead of the
trailing twelve months (:mod:`kamdesk.store.queries.kpi_review`): one line per KPI with
``kpi, value, unit, basis, target, previous, change`` (the previous period's value and
the change against it, in the KPI's unit: points for rates). Without ``--period`` the
trailing-window report is printed exactly as before (four columns), so existing scripts
keep parsing it. ``--pdf FILE`` also writes the review PDF of the period (the month of
``--as-of`` or today when no ``--period`` is given) in the ``--lang`` language; stdout
still carries only the KPI lines, the PDF's path goes to stderr. ``--set-target CODE
VALUE`` stores the target of a period KPI (yuan for money; ``none`` clears it).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, iso_date, language, open_db

if TYPE_CHECKING:
    from kamdesk.domain.kpis import KpiReport
    from kamdesk.domain.review_kpis import Review

COLUMNS = ("kpi", "value", "unit", "basis")
PERIOD_COLUMNS = (*COLUMNS, "target", "previous", "change")


def add_kpis_arguments(k: argparse.ArgumentParser) -> None:
    k.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="review the book as it stood on this day (default: today); "
                        "nothing stored changes")
    k.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")
    k.add_argument("--period", default=None, metavar="2026-11|2026-Q4|2026",
                   help="review one month, quarter or year (with target, previous and change) "
                        "instead of the trailing 12 months")
    k.add_argument("--pdf", default=None, metavar="FILE",
                   help="also write the monthly review PDF (月度复盘) of the period to FILE "
                        "(default period: the month of --as-of, or this month); the KPI "
                        "lines still go to stdout, where the PDF went to stderr")
    k.add_argument("--set-target", dest="set_target", nargs=2, default=None,
                   metavar=("KPI", "VALUE"),
                   help="store the target of a period KPI (yuan for money, 'none' clears it) "
                        "and exit")


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


def number(value: int | float | None, unit: str) -> str:
    """A period KPI's value (or target, or change) as printed: yuan for fen, one decimal
    for rates and the NPS, two for a CSAT average, whole counts; blank for no data."""
    if value is None:
        return ""
    if unit == "fen":
        return yuan(int(round(value)))
    if unit == "count":
        return str(int(value))
    if unit == "score_1_5":
        return f"{value:.2f}"
    return f"{value:.1f}"


def period_rows(r: Review) -> Iterator[tuple[str, ...]]:
    """(kpi, value, unit, basis, target, previous, change) per KPI, in the review's order."""
    for f in r.figures:
        unit = "yuan" if f.unit == "fen" else f.unit
        yield (f.code, number(f.value, f.unit), unit, "" if f.basis is None else str(f.basis),
               number(f.target, f.unit), number(f.previous, f.unit), number(f.change, f.unit))


def review(args: argparse.Namespace, today: date) -> KpiReport:
    """The review as of ``args.as_of`` (or ``today``), recomputing tiers as needed."""
    from kamdesk.store.queries.kpis import kpi_report

    return on_the_day(args, today, kpi_report)


def on_the_day(args: argparse.Namespace, today: date, query: Any, *extra: Any) -> Any:
    """``query(conn, *extra, as_of)`` on the book as of ``args.as_of`` (or ``today``):
    stale figures recomputed and kept for today, recomputed and rolled back for another
    day."""
    from kamdesk.store.metrics import metrics_stale, recompute_and_stamp, recompute_metrics

    as_of: date = args.as_of or today
    db = open_db(args)
    try:
        if as_of == today:
            if db.read(metrics_stale, today):
                n = recompute_and_stamp(db, today)
                print(f"recomputed figures for {n} customers as of {today.isoformat()}",
                      file=sys.stderr)
            read: Any = db.read  # the query's parameters vary with the caller
            return read(query, *extra, today)
        # Another day: tiers and activity as they stood then, computed in a transaction
        # that is rolled back, so the stored (today's) figures stay as they are.
        with db.engine.connect() as conn:
            with conn.begin() as transaction:
                recompute_metrics(conn, as_of)
                report = query(conn, *extra, as_of)
                transaction.rollback()
        return report
    finally:
        db.dispose()


def review_with_pdf(conn: Any, period: Any, lang: str, pdf: Path, as_of: date) -> Review:
    """The period's review on ``conn``, after writing its PDF to ``pdf`` from the same
    connection (so ``--as-of`` sees the same recomputed book for both)."""
    from kamdesk.reports.review_pdf import render_review_pdf
    from kamdesk.store.queries.kpi_review import review as period_review

    render_review_pdf(conn, period, as_of, lang, pdf)
    result: Review = period_review(conn, period, as_of)
    return result


def set_target(args: argparse.Namespace) -> int:
    """``--set-target KPI VALUE``: validate, store, say what was stored."""
    from kamdesk.domain.money import parse_money
    from kamdesk.domain.review_kpis import KPI_CODES, definition
    from kamdesk.store.errors import ValidationError
    from kamdesk.store.ops.kpi_targets import set_kpi_target

    code, text = args.set_target
    if code not in KPI_CODES:
        print(f"kamdesk kpis: unknown KPI {code!r} (one of {', '.join(KPI_CODES)})",
              file=sys.stderr)
        return EXIT_USAGE
    unit = definition(code).unit
    value: float | None
    try:
        if text.strip().lower() in ("none", ""):
            value = None
        elif unit == "fen":
            value = parse_money(text, allow_negative=False)
        else:
            value = float(text)
            if unit == "count" and value == int(value):
                value = int(value)
    except ValueError:
        print(f"kamdesk kpis: not a number: {text!r}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        changes = db.write(set_kpi_target, code, value)
    except ValidationError as exc:
        print(f"kamdesk kpis: target {code} {text!r}: {exc.code}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.dispose()
    stored = changes.value
    print(f"{code}\t{number(stored, unit) if stored is not None else 'none'}")
    return EXIT_OK


def run_kpis(args: argparse.Namespace) -> int:
    if args.set_target is not None:
        return set_target(args)
    columns: tuple[str, ...] = COLUMNS
    rows: Iterator[tuple[str, ...]]
    if args.period is not None or args.pdf is not None:
        from kamdesk.domain.review_periods import (
            ReviewPeriodError,
            parse_review_period,
            period_containing,
        )
        from kamdesk.store.queries.kpi_review import review as period_review

        today = date.today()
        try:
            period = parse_review_period(args.period) if args.period is not None \
                else period_containing(args.as_of or today)
        except ReviewPeriodError as exc:
            print(f"kamdesk kpis: --period {args.period!r}: {exc.code} "
                  "(expected 2026-11, 2026-Q4 or 2026)", file=sys.stderr)
            return EXIT_USAGE
        if args.pdf is None:
            rows = period_rows(on_the_day(args, today, period_review, period))
        else:
            pdf = Path(args.pdf).expanduser()
            if not pdf.parent.is_dir():
                print(f"kamdesk kpis: --pdf {args.pdf!r}: no such folder {str(pdf.parent)!r}",
                      file=sys.stderr)
                return EXIT_USAGE
            try:
                result = on_the_day(args, today, review_with_pdf, period, language(args), pdf)
            except OSError as exc:
                print(f"kamdesk kpis: --pdf {args.pdf!r}: {exc.strerror or exc}",
                      file=sys.stderr)
                return EXIT_ERROR
            rows = period_rows(result)
            print(f"review PDF for {period.code} written to {pdf}", file=sys.stderr)
        columns = PERIOD_COLUMNS
    else:
        rows = kpi_rows(review(args, date.today()))
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            print("\t".join(row))
    return EXIT_OK
