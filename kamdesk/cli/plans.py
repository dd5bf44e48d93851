"""``kamdesk plan`` and ``kamdesk brief``: the account plan and the pre-visit brief as
PDF files, headless (a cron job, a script before a sales meeting, a machine without a
display).

The language is the global ``--lang`` (default English), the same switch that sets
the window's language, so a Chinese user gets the same words on paper as on screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, iso_date, language, open_db
from kamdesk.privacy import private_file

if TYPE_CHECKING:
    from sqlalchemy import Connection


class PickedCustomer(Protocol):
    """What these commands use of the customer found by its code."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...


def add_plan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("customer", metavar="CUSTOMER", help="customer code, e.g. C012")
    p.add_argument("--period", metavar="P",
                   help="2027, 2027-H1 or 2027-Q3 (default: the customer's latest plan, "
                        "or a draft for this year generated from the data if there is none)")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--letter", action="store_true", help="US Letter paper instead of A4")
    p.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="date the report as of this day (default: today)")


def add_brief_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument("customer", metavar="CUSTOMER", help="customer code, e.g. C012")
    b.add_argument("--out", required=True, metavar="FILE.pdf")
    b.add_argument("--letter", action="store_true", help="US Letter paper instead of A4")
    b.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="date the report as of this day (default: today)")


def find_customer(conn: Connection, code: str) -> PickedCustomer | None:
    """The customer with this code, or None after saying so on stderr."""
    from kamdesk.store.queries.customers import customer_by_code

    found = customer_by_code(conn, code)
    if found is None:
        print(f"no customer with code {code!r}", file=sys.stderr)
    return found


def write_pdf(render: Callable[..., int], doc: object, out: str, letter: bool) -> int:
    """Render ``doc`` to ``out`` and print '<file><TAB><n> page(s)'."""
    target = Path(out).expanduser()
    if target.parent and not target.parent.exists():
        print(f"folder does not exist: {target.parent}", file=sys.stderr)
        return EXIT_ERROR
    try:
        pages = render(doc, target, pagesize="Letter" if letter else "A4")
    except OSError as exc:
        print(f"cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    private_file(target)  # user-only whatever the umask (kamdesk.privacy)
    print(f"{target}\t{pages} page(s)")
    return EXIT_OK


def run_plan(args: argparse.Namespace) -> int:
    from kamdesk.reports.from_store import plan_document
    from kamdesk.store.errors import ValidationError
    from kamdesk.store.ops.plans import normalize_period
    from kamdesk.store.queries.plans import plan_periods

    today: date = args.today or date.today()
    lang = language(args)
    period = None
    if args.period:
        try:
            period = normalize_period(args.period)
        except ValidationError:
            print(f"not a plan period: {args.period!r} (use 2027, 2027-H1 or 2027-Q3)",
                  file=sys.stderr)
            return EXIT_USAGE
    db = open_db(args)
    with db.engine.connect() as conn:
        customer = find_customer(conn, args.customer)
        if customer is None:
            return EXIT_ERROR
        periods = plan_periods(conn, customer.id)
        if period is None:
            plan_id = periods[0][0] if periods else None
        else:
            plan_id = next((pid for pid, p in periods if p == period), None)
            if plan_id is None:
                known = ", ".join(p for _, p in periods) or "none"
                print(f"{customer.code} has no plan for {period} (plans: {known})",
                      file=sys.stderr)
                return EXIT_ERROR
        doc = plan_document(conn, plan_id, customer.id, lang, today)
    if plan_id is None:
        print(f"{customer.code} has no saved plan: printing a draft for {doc.period} "
              "generated from the data", file=sys.stderr)
    from kamdesk.reports.plan_pdf import render_plan_pdf

    return write_pdf(render_plan_pdf, doc, args.out, args.letter)


def run_brief(args: argparse.Namespace) -> int:
    from kamdesk.reports.from_store import brief_document

    today: date = args.today or date.today()
    db = open_db(args)
    with db.engine.connect() as conn:
        customer = find_customer(conn, args.customer)
        if customer is None:
            return EXIT_ERROR
        doc = brief_document(conn, customer.id, language(args), today)
    from kamdesk.reports.brief_pdf import render_brief_pdf

    return write_pdf(render_brief_pdf, doc, args.out, args.letter)
