"""``kamdesk due`` and ``kamdesk ical``: reminders and the calendar, headless.

``due`` is meant for a terminal or a cron job on a machine where the window is not
running; ``ical`` feeds a phone or Outlook calendar. Both only read the database,
except ``due --sync``, which first creates the generated reminder tasks as the window
does at start.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from typing import Protocol

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, iso_date, language, open_db

DEFAULT_WITHIN = "7d"
ICAL_DAYS_BACK = 30
ICAL_DAYS_AHEAD = 365


class DueRow(Protocol):
    """What a due line shows of a reminder row (the store's ``ReminderRow``)."""

    @property
    def when(self) -> datetime | None: ...
    @property
    def remind_at(self) -> datetime | None: ...
    @property
    def snoozed_until(self) -> datetime | None: ...
    @property
    def customer_code(self) -> str | None: ...
    @property
    def customer_name(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    def overdue(self, now: datetime) -> bool: ...


def iso_moment(text: str) -> datetime:
    """argparse type for ``--now``: a date and time, ``YYYY-MM-DDTHH:MM``."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time (YYYY-MM-DDTHH:MM): {text!r}") from None


def add_due_arguments(d: argparse.ArgumentParser) -> None:
    d.add_argument("--within", default=DEFAULT_WITHIN, metavar="WINDOW",
                   help="look ahead this far: 30m, 12h, 7d, 2w (default 7d)")
    d.add_argument("--now", type=iso_moment, default=None, metavar="YYYY-MM-DDTHH:MM",
                   help="pretend it is this time (default: the clock)")
    d.add_argument("--sync", action="store_true",
                   help="first create reminder tasks for upcoming key dates and renewals, "
                        "as the window does at start")


def add_ical_arguments(i: argparse.ArgumentParser) -> None:
    i.add_argument("--out", required=True, metavar="FILE.ics")
    i.add_argument("--customer", metavar="CODE", help="only this customer (its code, e.g. C012)")
    i.add_argument("--from", dest="date_from", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help=f"first day (default: {ICAL_DAYS_BACK} days ago)")
    i.add_argument("--to", dest="date_to", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help=f"last day (default: {ICAL_DAYS_AHEAD} days ahead)")
    i.add_argument("--tz", default=None, metavar="ZONE",
                   help="time zone of the times, e.g. Asia/Shanghai (default: this machine's)")


def run_due(args: argparse.Namespace) -> int:
    from kamdesk.domain.reminders import parse_within
    from kamdesk.store.queries.reminders import due_reminders

    try:
        within = parse_within(args.within)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    now = args.now or datetime.now().replace(microsecond=0)
    db = open_db(args)
    if args.sync:
        # The same operation the window runs at start.
        from kamdesk.store.ops.key_date_reminders import sync_reminder_tasks

        db.write(sync_reminder_tasks, now.date(), language(args), now=now)
    # Every reminder the window would raise — generated key-date, renewal and cadence
    # reminders included, written yet or not — in the language of this run.
    rows = db.read(due_reminders, now, within, language(args))
    for row in rows:
        print(format_due_line(row, now))
    if not rows:
        print(f"nothing due within {args.within}", file=sys.stderr)
    return EXIT_OK


def format_due_line(row: DueRow, now: datetime) -> str:
    """'2026-11-24 09:00<TAB>overdue<TAB>C012 华信制造<TAB>回访王总' — tab-separated so a
    script can cut it; status is overdue (past its due time), due (reminder time
    reached) or upcoming."""
    when = row.when.strftime("%Y-%m-%d %H:%M") if row.when else "-"
    if row.overdue(now):
        status = "overdue"
    else:
        reminder = max((t for t in (row.remind_at, row.snoozed_until) if t), default=None)
        status = "due" if reminder is not None and reminder <= now else "upcoming"
    customer = " ".join(x for x in (row.customer_code, row.customer_name) if x) or "-"
    return f"{when}\t{status}\t{customer}\t{row.title}"


def run_ical(args: argparse.Namespace) -> int:
    from kamdesk.io.ical import write_ical
    from kamdesk.io.ical_feed import iter_calendar_items_for_ical
    from kamdesk.store.queries.customers import customer_by_code

    today = date.today()
    start = args.date_from or today - timedelta(days=ICAL_DAYS_BACK)
    end = args.date_to or today + timedelta(days=ICAL_DAYS_AHEAD)
    if end < start:
        print("--to must not be before --from", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    customer_id = None
    if args.customer:
        found = db.read(customer_by_code, args.customer)
        if found is None:
            print(f"no customer with code {args.customer!r}", file=sys.stderr)
            return EXIT_ERROR
        customer_id = found.id
    items = db.read(iter_calendar_items_for_ical, start, end, customer_id, language(args))
    try:
        write_ical(items, args.out, tz_name=args.tz)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"wrote {len(items)} item(s) from {start} to {end} to {args.out}")
    return EXIT_OK
