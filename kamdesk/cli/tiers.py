"""``kamdesk tiers``: every customer's tier, activity, RFM, health, next touch and
12-month revenue, headless.

The same figures the customer list shows, for a spreadsheet or a script: tab-separated
lines by default, or CSV with a header (``--csv``). Codes, not words, are printed
(``A``, ``silent``, ``win_back``) so the output does not change with the language;
``revenue_12m`` is yuan with two decimals. Stale figures are recomputed first, as the
window does at start, so the answer is always today's.

``--as-of DATE`` answers "what were the tiers on that day?": the facts as they stood
then (orders up to that day, contacts up to that day) go through the same domain
rules, in memory; the stored figures are neither read nor overwritten. Facts the book
does not date — a customer's current status, the open/closed state of a complaint,
key people archived since — are taken as they are now.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, iso_date, open_db
from kamdesk.domain.money import yuan_text

if TYPE_CHECKING:
    from sqlalchemy import Connection

COLUMNS = ("code", "name", "value_tier", "activity", "potential", "r", "f", "m", "segment",
           "health", "next_due", "due_action", "overdue_days", "revenue_12m")


def add_tiers_arguments(t: argparse.ArgumentParser) -> None:
    t.add_argument("--customer", metavar="CODE", help="only this customer (its code, e.g. C001)")
    t.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")
    t.add_argument("--recompute", action="store_true",
                   help="recompute every customer's figures first (done anyway when stale)")
    t.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="evaluate as of this day (default: today)")
    t.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the tiers as they stood on this day, computed without storing them")


def tier_rows(conn: Connection, code: str | None) -> Iterator[tuple[object, ...]]:
    """One tuple per customer in :data:`COLUMNS` order (all of them but the archived, or
    the one with ``code``); blanks where a figure does not apply."""
    from sqlalchemy import text

    where = "c.code = :code" if code else "c.status != 'archived'"
    result = conn.execute(text(
        "SELECT c.code, c.name, m.value_tier, m.activity, c.potential, m.r_score, m.f_score, "
        "m.m_score, m.segment, m.health, m.next_due_on, m.due_action, m.overdue_days, "
        "m.revenue_12m_cents "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
        f"WHERE {where} ORDER BY c.code"), {"code": code})
    for r in result:
        r_score, f_score, m_score = (int(x or 0) for x in (r[5], r[6], r[7]))
        traded = r_score > 0  # 0/0/0 means "never traded", not a score
        yield (
            r[0], r[1], r[2] or "", r[3] or "", r[4] or "",
            r_score if traded else "", f_score if traded else "", m_score if traded else "",
            r[8] or "", "" if r[9] is None else int(r[9]), str(r[10] or "")[:10], r[11] or "",
            int(r[12] or 0), "" if r[13] is None else yuan_text(int(r[13])),
        )


def tier_rows_as_of(conn: Connection, code: str | None, as_of: date
                    ) -> Iterator[tuple[object, ...]]:
    """Like :func:`tier_rows`, computed for ``as_of`` from the facts of that day with
    the same rules as a recompute (the whole book: tiers are relative), storing nothing."""
    from sqlalchemy import text

    from kamdesk.domain.scoring import compute_metrics, tiering_revenue
    from kamdesk.store.metrics import gather_facts
    from kamdesk.store.queries.settings import tiering_settings

    settings = tiering_settings(conn)
    facts = gather_facts(conn, as_of, settings.window_months)
    metrics = {m.customer_id: (m, f) for m, f in zip(
        compute_metrics(facts, settings, as_of), facts, strict=True)}
    where = "code = :code" if code else "status != 'archived'"
    for cid, ccode, name, potential in conn.execute(text(
            f"SELECT id, code, name, potential FROM customers WHERE {where} ORDER BY code"),
            {"code": code}):
        pair = metrics.get(cid)
        if pair is None:  # archived now: no figures
            yield (ccode, name, "", "", potential or "", "", "", "", "", "", "", "", 0, "")
            continue
        m, f = pair
        traded = m.r > 0
        yield (
            ccode, name, m.value_tier, m.activity, potential or "",
            m.r if traded else "", m.f if traded else "", m.m if traded else "",
            m.segment or "", m.health, m.next_due.isoformat() if m.next_due else "",
            m.due_action or "", int(m.overdue_days or 0), yuan_text(tiering_revenue(f)),
        )


def one_line(value: object) -> str:
    """The value as text with no tab or line break: one inside a name would split the
    line for the reader."""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def run_tiers(args: argparse.Namespace) -> int:
    from kamdesk.store.metrics import metrics_stale, recompute_and_stamp

    today: date = args.today or date.today()
    db = open_db(args)
    try:
        if args.as_of is None and (args.recompute or db.read(metrics_stale, today)):
            n = recompute_and_stamp(db, today)
            print(f"recomputed figures for {n} customers as of {today.isoformat()}",
                  file=sys.stderr)
        count = 0
        with db.engine.connect() as conn:
            # Streamed: `kamdesk tiers | head` stops early; kamdesk.cli.main handles
            # the closed pipe.
            rows = (tier_rows(conn, args.customer) if args.as_of is None
                    else tier_rows_as_of(conn, args.customer, args.as_of))
            if args.csv:
                writer = csv.writer(sys.stdout, lineterminator="\n")
                writer.writerow(COLUMNS)
                for row in rows:
                    writer.writerow(row)
                    count += 1
            else:
                for row in rows:
                    print("\t".join(one_line(v) for v in row))
                    count += 1
    finally:
        db.dispose()
    if args.customer and not count:
        print(f"no customer with code {args.customer!r}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
