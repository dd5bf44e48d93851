"""``kamdesk tiers``: every customer's tier, activity, RFM, health and next touch, headless.

The same figures the customer list shows, for a spreadsheet or a script: tab-separated
lines by default, or CSV with a header (``--csv``). Codes, not words, are printed
(``A``, ``silent``, ``win_back``) so the output does not change with the language.
Stale figures are recomputed first, as the window does at start, so the answer is
always today's.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, iso_date, open_db

if TYPE_CHECKING:
    from sqlalchemy import Connection

COLUMNS = ("code", "name", "value_tier", "activity", "potential", "r", "f", "m", "segment",
           "health", "next_due", "due_action", "overdue_days")


def add_tiers_arguments(t: argparse.ArgumentParser) -> None:
    t.add_argument("--customer", metavar="CODE", help="only this customer (its code, e.g. C001)")
    t.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")
    t.add_argument("--recompute", action="store_true",
                   help="recompute every customer's figures first (done anyway when stale)")
    t.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="evaluate as of this day (default: today)")


def tier_rows(conn: Connection, code: str | None) -> Iterator[tuple[object, ...]]:
    """One tuple per customer in :data:`COLUMNS` order (all of them but the archived, or
    the one with ``code``); blanks where a figure does not apply."""
    from sqlalchemy import text

    where = "c.code = :code" if code else "c.status != 'archived'"
    result = conn.execute(text(
        "SELECT c.code, c.name, m.value_tier, m.activity, c.potential, m.r_score, m.f_score, "
        "m.m_score, m.segment, m.health, m.next_due_on, m.due_action, m.overdue_days "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
        f"WHERE {where} ORDER BY c.code"), {"code": code})
    for r in result:
        r_score, f_score, m_score = (int(x or 0) for x in (r[5], r[6], r[7]))
        traded = r_score > 0  # 0/0/0 means "never traded", not a score
        yield (
            r[0], r[1], r[2] or "", r[3] or "", r[4] or "",
            r_score if traded else "", f_score if traded else "", m_score if traded else "",
            r[8] or "", "" if r[9] is None else int(r[9]), str(r[10] or "")[:10], r[11] or "",
            int(r[12] or 0),
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
        if args.recompute or db.read(metrics_stale, today):
            n = recompute_and_stamp(db, today)
            print(f"recomputed figures for {n} customers as of {today.isoformat()}",
                  file=sys.stderr)
        count = 0
        with db.engine.connect() as conn:
            # Streamed: `kamdesk tiers | head` stops early; kamdesk.cli.main handles
            # the closed pipe.
            rows = tier_rows(conn, args.customer)
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
