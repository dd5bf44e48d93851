"""``kamdesk search``: find customers the way the list's search box does, one per line."""

from __future__ import annotations

import argparse

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db


def add_search_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20, metavar="N")


def run_search(args: argparse.Namespace) -> int:
    from kamdesk.store.queries.customers import CustomerQuery, fetch_page

    db = open_db(args)
    rows = db.read(fetch_page, CustomerQuery(search=args.query), 0, max(1, args.limit))
    for row in rows:
        last = row.last_interaction_at.date().isoformat() if row.last_interaction_at else "-"
        print(f"{row.code}\t{row.name}\t{row.value_tier}/{row.activity}\t{last}")
    return EXIT_OK if rows else EXIT_ERROR
