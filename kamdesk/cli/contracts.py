"""``kamdesk contracts``: the contracts on the book, headless, for a script or a spreadsheet.

One tab-separated line per contract (or CSV with a header, ``--csv``): number, customer
code, title, status code, start, end, value in yuan with two decimals, days to the end.
``CODE`` narrows to one customer; ``--expiring 90d`` to the live contracts (signed, in
force, amended) that end within that many days — the renewal talks to start. Codes, not
words, are printed so the output does not change with the language.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, iso_date, open_db

COLUMNS = ("number", "customer", "title", "status", "start", "end", "value_yuan",
           "days_to_end")

_SPAN = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE)
_DAYS_PER = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


def span_days(text: str) -> int:
    """argparse type for ``--expiring``: ``90d``, ``90``, ``12w``, ``3m`` (30 days), ``1y``."""
    m = _SPAN.match(text)
    if m is None:
        raise argparse.ArgumentTypeError(f"not a span of days (e.g. 90d, 12w, 3m): {text!r}")
    return int(m.group(1)) * _DAYS_PER[m.group(2).lower()]


def yuan(fen: int | None) -> str:
    """Exact yuan with two decimals (integer arithmetic: no float rounding)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def add_contracts_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", nargs="?", metavar="CODE", help="only this customer's contracts")
    p.add_argument("--expiring", type=span_days, metavar="SPAN",
                   help="only live contracts ending within this span (e.g. 90d)")
    p.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")
    p.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="count days from this day (default: today)")


def _one_line(value: object) -> str:
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def run_contracts(args: argparse.Namespace) -> int:
    from kamdesk.store.queries.contracts import book_contracts
    from kamdesk.store.queries.customers import customer_by_code

    today: date = args.today or date.today()
    db = open_db(args)
    try:
        if args.code and db.read(customer_by_code, args.code) is None:
            print(f"no customer with code {args.code!r}", file=sys.stderr)
            return EXIT_ERROR
        rows = db.read(book_contracts, today, args.code, args.expiring)
    finally:
        db.dispose()
    lines = [(r.number, r.customer_code, r.title, r.status,
              "" if r.start_on is None else r.start_on.isoformat(),
              "" if r.end_on is None else r.end_on.isoformat(), yuan(r.value_cents),
              "" if r.days_to_end is None else r.days_to_end) for r in rows]
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(lines)
    else:
        for line in lines:
            print("\t".join(_one_line(v) for v in line))
    return EXIT_OK
