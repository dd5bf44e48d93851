"""``kamdesk orders CODE``: one customer's orders and returns, headless.

One order per line, newest first: date, kind (``order``/``return``), product line,
quantity, amount in yuan with two decimals (a return's negative, as stored), invoice
number and contract number. Tab-separated by default, CSV with a header with
``--csv``. Codes, not words, so a script reads the same output in any language.
"""

from __future__ import annotations

import argparse
import csv
import sys

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db

COLUMNS = ("date", "kind", "product_line", "quantity", "amount", "invoice_no", "contract")


def add_orders_arguments(o: argparse.ArgumentParser) -> None:
    o.add_argument("code", metavar="CODE", help="the customer's code, e.g. C001")
    o.add_argument("--csv", action="store_true", help="CSV with a header instead of tab-separated")


def run_orders(args: argparse.Namespace) -> int:
    from kamdesk.domain.money import yuan_text
    from kamdesk.store.queries.customers import customer_by_code
    from kamdesk.store.queries.orders import customer_orders

    db = open_db(args)
    try:
        customer = db.read(customer_by_code, args.code)
        if customer is None:
            print(f"no customer with code {args.code!r}", file=sys.stderr)
            return EXIT_ERROR
        book = db.read(customer_orders, customer.id)
    finally:
        db.dispose()
    rows = [(o.occurred_on.isoformat(), o.kind, o.product_line or "",
             "" if o.quantity is None else str(o.quantity), yuan_text(o.amount_cents),
             o.invoice_no or "", o.contract_number or "") for o in book.rows]
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    else:
        for row in rows:
            print("\t".join(v.replace("\t", " ").replace("\n", " ") for v in row))
    return EXIT_OK
