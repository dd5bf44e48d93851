"""``kamdesk due`` and ``kamdesk ical``: reminders and the calendar, headless.

``due`` is meant for a terminal or a cron job on a machine where the window is not
running; ``ical`` feeds a phone or Outlook calendar. Both only read the database.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta

from kamdesk import cli

DEFAULT_WITHIN = "7d"
ICAL_DAYS_BACK = 30
ICAL_DAYS_AHEAD = 365


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time (YYYY-MM-DDTHH:MM): {text!r}") from None


def _add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = sub.add_parser("due", help="list due and overdue reminders (one per line)")
    d.add_argument("--within", default=DEFAULT_WITHIN, metavar="WINDOW",
                   help="look ahead this far: 30m, 12h, 7d, 2w (default 7d)")
    d.add_argument("--now", type=_moment, default=None, metavar="YYYY-MM-DDTHH:MM",
                   help="pretend it is this time (default: the clock)")
    d.add_argument("--sync", action="store_true",
                   help="first create reminder tasks for upcoming key dates and renewals, "
                        "as the window does at start")

    i = sub.add_parser("ical", help="export tasks, visits, key dates and renewals as .ics")
    i.add_argument("--out", required=True, metavar="FILE.ics")
    i.add_argument("--customer", metavar="CODE", help="only this customer (its code, e.g. C012)")
    i.add_argument("--from", dest="date_from", type=cli._date, default=None, metavar="YYYY-MM-DD",
                   help=f"first day (default: {ICAL_DAYS_BACK} days ago)")
    i.add_argument("--to", dest="date_to", type=cli._date, default=None, metavar="YYYY-MM-DD",
                   help=f"last day (default: {ICAL_DAYS_AHEAD} days ahead)")
    i.add_argument("--tz", default=None, metavar="ZONE",
                   help="time zone of the times, e.g. Asia/Shanghai (default: this machine's)")


cli._EXTRA_PARSERS.append(_add_parsers)


@cli.command("due")
def cmd_due(args: argparse.Namespace) -> int:
    from kamdesk.domain.reminders import parse_within
    from kamdesk.store.calendar_queries import due_reminders

    try:
        within = parse_within(args.within)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return cli.EXIT_USAGE
    now = args.now or datetime.now().replace(microsecond=0)
    db = cli._open(args)
    if args.sync:
        from kamdesk.store.key_date_reminders import sync_reminder_tasks

        with db.session() as s:
            sync_reminder_tasks(s, now.date(), args.lang or "en", now=now)
            s.commit()
    with db.engine.connect() as conn:
        rows = due_reminders(conn, now, within)
    for row in rows:
        print(format_due_line(row, now))
    if not rows:
        print(f"nothing due within {args.within}", file=sys.stderr)
    return cli.EXIT_OK


def format_due_line(row, now: datetime) -> str:  # type: ignore[no-untyped-def]
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


@cli.command("ical")
def cmd_ical(args: argparse.Namespace) -> int:
    from kamdesk.io.ical import write_ical
    from kamdesk.io.ical_feed import iter_calendar_items_for_ical
    from kamdesk.store.calendar_queries import customer_by_code

    today = date.today()
    start = args.date_from or today - timedelta(days=ICAL_DAYS_BACK)
    end = args.date_to or today + timedelta(days=ICAL_DAYS_AHEAD)
    if end < start:
        print("--to must not be before --from", file=sys.stderr)
        return cli.EXIT_USAGE
    db = cli._open(args)
    with db.engine.connect() as conn:
        customer_id = None
        if args.customer:
            found = customer_by_code(conn, args.customer)
            if found is None:
                print(f"no customer with code {args.customer!r}", file=sys.stderr)
                return cli.EXIT_ERROR
            customer_id = found[0]
        items = iter_calendar_items_for_ical(conn, start, end, customer_id, args.lang or "en")
    try:
        write_ical(items, args.out, tz_name=args.tz)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return cli.EXIT_USAGE
    except OSError as exc:
        print(f"cannot write {args.out}: {exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    print(f"wrote {len(items)} item(s) from {start} to {end} to {args.out}")
    return cli.EXIT_OK
