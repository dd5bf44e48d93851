"""Command line: the same operations as the GUI, headless.

``kamdesk`` with no command opens the GUI. Global options (``--db``) come before
the command: ``kamdesk --db x.sqlite3 demo --customers 200``. Output is plain text,
one record per line, so it can be piped and scripted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from kamdesk import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn
    return register


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kamdesk",
        description="KAMDesk — the key-account manager's desktop. "
        "Without a command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"KAMDesk {__version__}")
    p.add_argument("--db", metavar="PATH", help="database file or URL (default: user data dir; env KAMDESK_DB)")
    p.add_argument("--demo", action="store_true", help="open the window on a separate demo database")
    p.add_argument("--lang", choices=("en", "zh_CN"), help="interface language for this run")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="fill a database with a deterministic demo book of business")
    d.add_argument("--customers", type=int, default=200, metavar="N")
    d.add_argument("--seed", type=int, default=1, metavar="S")
    d.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="date the demo history ends on (default: today)")
    d.add_argument("--interactions", type=float, default=10.0, metavar="AVG",
                   help="average interactions per customer (default 10)")
    d.add_argument("--orders", type=float, default=20.0, metavar="AVG",
                   help="average orders per customer (default 20)")

    sub.add_parser("doctor", help="check the database file is sound (integrity and foreign keys)")

    s = sub.add_parser("search", help="find customers by name, code, contact, phone or pinyin")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20, metavar="N")

    for extra in _EXTRA_PARSERS:
        extra(sub)
    return p


_EXTRA_PARSERS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kamdesk.paths import backup_dir_for, resolve_db
    from kamdesk.store.database import open_database

    location = resolve_db(args.db)
    return open_database(location, backup_dir_for(location))


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_and_stamp

    if args.customers < 1:
        print("--customers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    db = _open(args)
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


@command("doctor")
def cmd_doctor(args: argparse.Namespace) -> int:
    from kamdesk.store.database import integrity_report

    db = _open(args)
    problems = integrity_report(db)
    if problems:
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s) found in {db.location}")
        return EXIT_ERROR
    print(f"ok: {db.location} is sound (schema {db.report.to_revision if db.report else '?'})")
    return EXIT_OK


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    from kamdesk.store.customer_list import CustomerQuery, fetch_page

    db = _open(args)
    with db.engine.connect() as conn:
        rows = fetch_page(conn, CustomerQuery(search=args.query), 0, max(1, args.limit))
    for row in rows:
        last = row.last_interaction_at.date().isoformat() if row.last_interaction_at else "-"
        print(f"{row.code}\t{row.name}\t{row.value_tier}/{row.activity}\t{last}")
    return EXIT_OK if rows else EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    from kamdesk import commands_extra  # noqa: F401  (registers later commands)

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from kamdesk.app import run_gui

        return run_gui(args)
    from kamdesk.store.database import DatabaseProblem

    try:
        return _COMMANDS[args.command](args)
    except DatabaseProblem as exc:
        from kamdesk.messages import database_problem_text

        print(database_problem_text(exc, args.lang or "en"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
