"""``kamdesk import FILE.vcf``: phone contacts into key people, headless — the same
reader and operation as the window's Import, with every problem named by card number
and vCard property."""

from __future__ import annotations

import argparse
import sys

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db

PROBLEM_TEXT = {
    "required": "is missing", "invalid_date": "is not a date",
    "invalid_choice": "is not a phone number or e-mail address",
    "out_of_range": "has a year outside 1900–2100", "unreadable": "cannot be read",
    "unknown_customer": "names no known customer (use --customer CODE)",
    "ambiguous_customer": "matches more than one customer (use --customer CODE)",
    "other_customer": "belongs to a key person of another customer",
}


def run_vcard_import(args: argparse.Namespace) -> int:
    from kamdesk.io.vcard_read import read_vcards
    from kamdesk.store.errors import ValidationError
    from kamdesk.store.ops.people_import import import_contacts

    try:
        contacts, problems = read_vcards(args.file)
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    db = open_db(args)
    try:
        report = db.write(import_contacts, contacts, getattr(args, "customer", None),
                          dry_run=args.dry_run, read_problems=problems).value
    except ValidationError:
        print(f"no customer with the code {args.customer}", file=sys.stderr)
        return EXIT_ERROR
    for p in sorted(report.problems, key=lambda p: p.card):
        value = f" ({p.value!r})" if p.value else ""
        print(f"card {p.card}: {p.prop or 'card'}{value} {PROBLEM_TEXT.get(p.code, p.code)}",
              file=sys.stderr)
    for o in report.outcomes:
        for fieldname, old, new in o.differences:
            print(f"card {o.card}: {o.name} ({o.customer_code}) {fieldname} differs, kept "
                  f"{old!r} (card has {new!r})")
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {report.total} contacts: {report.count('created')} new, "
          f"{report.count('updated')} updated, {report.count('unchanged')} unchanged, "
          f"{len(report.skipped_cards)} skipped (cards {report.skipped_cards or '-'})")
    return EXIT_OK
