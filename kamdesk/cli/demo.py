"""``kamdesk demo``: fill a database with a deterministic book of business.

For trying the app, for screenshots and for the benchmarks, which build their books
with exactly this command's options.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, iso_date, open_db


def add_demo_arguments(d: argparse.ArgumentParser) -> None:
    d.add_argument("--customers", type=int, default=200, metavar="N")
    d.add_argument("--seed", type=int, default=1, metavar="S")
    d.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="date the demo history ends on (default: today)")
    d.add_argument("--interactions", type=float, default=10.0, metavar="AVG",
                   help="average interactions per customer (default 10)")
    d.add_argument("--orders", type=float, default=20.0, metavar="AVG",
                   help="average orders per customer (default 20)")


def run_demo(args: argparse.Namespace) -> int:
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_and_stamp

    if args.customers < 1:
        print("--customers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        stats = generate_demo(db.engine, args.customers, args.seed, args.today,
                              args.interactions, args.orders)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    recompute_and_stamp(db, args.today or date.today())
    print(f"demo data: {stats.customers} customers, {stats.people} people, "
          f"{stats.interactions} interactions, {stats.trades} orders, {stats.tasks} tasks "
          f"in {stats.seconds:.1f} s -> {db.location}")
    return EXIT_OK
