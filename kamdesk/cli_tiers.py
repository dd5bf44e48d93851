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

from kamdesk import cli

COLUMNS = ("code", "name", "value_tier", "activity", "potential", "r", "f", "m", "segment",
           "health", "next_due", "due_action", "overdue_days")


def _add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = sub.add_parser(
        "tiers", help="print value tier, activity, potential, RFM, health and next touch "
                      "per customer")
    t.add_argument("--customer", metavar="CODE", help="only this customer (its code, e.g. C001)")
    t.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")
    t.add_argument("--recompute", action="store_true",
                   help="recompute every customer's figures first (done anyway when stale)")
    t.add_argument("--today", type=cli._date, default=None, metavar="YYYY-MM-DD",
                   help="evaluate as of this day (default: today)")


cli._EXTRA_PARSERS.append(_add_parser)


def _rows(conn, code: str | None) -> Iterator[tuple[object, ...]]:  # type: ignore[no-untyped-def]
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


def _clean(value: object) -> str:
    # A tab or newline inside a name would split the line for the reader.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


@cli.command("tiers")
def cmd_tiers(args: argparse.Namespace) -> int:
    from kamdesk.store.metrics import metrics_stale, recompute_and_stamp

    today: date = args.today or date.today()
    db = cli._open(args)
    try:
        with db.engine.connect() as conn:
            stale = metrics_stale(conn, today)
        if args.recompute or stale:
            n = recompute_and_stamp(db, today)
            print(f"recomputed figures for {n} customers as of {today.isoformat()}",
                  file=sys.stderr)
        count = 0
        with db.engine.connect() as conn:
            rows = _rows(conn, args.customer)
            try:
                if args.csv:
                    writer = csv.writer(sys.stdout, lineterminator="\n")
                    writer.writerow(COLUMNS)
                    for row in rows:
                        writer.writerow(row)
                        count += 1
                else:
                    for row in rows:
                        print("\t".join(_clean(v) for v in row))
                        count += 1
                sys.stdout.flush()
            except BrokenPipeError:
                # `kamdesk tiers | head`: the reader has all it wanted; not an error.
                import os

                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return cli.EXIT_OK
    finally:
        db.dispose()
    if args.customer and not count:
        print(f"no customer with code {args.customer!r}", file=sys.stderr)
        return cli.EXIT_ERROR
    return cli.EXIT_OK
