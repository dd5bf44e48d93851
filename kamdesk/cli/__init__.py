"""Command line: the same operations as the GUI, headless.

``kamdesk`` with no command opens the GUI. Global options (``--db``) come before
the command: ``kamdesk --db x.sqlite3 demo --customers 200``. Output is plain text,
one record per line, so it can be piped and scripted.

Exit codes: 0 done, 1 error (explained on stderr), 2 usage, 75 the book was busy
(another program — the window, an import — held the write lock for 30 s; nothing
was written, try again), 130 interrupted.

Every command is listed in :data:`COMMANDS` below, in the order ``--help`` shows them;
a command module only defines its arguments and its ``run_*`` function, it registers
nothing itself. Importing this package costs only argparse: each command imports the
store, io and reports modules it needs when it runs, so the window starts as fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kamdesk import __version__
from kamdesk.cli import (
    backups,
    calendar,
    contracts,
    db,
    demo,
    imports,
    io,
    kpis,
    orders,
    plans,
    protect,
    search,
    team,
    tiers,
    transfer,
)
from kamdesk.cli.common import EXIT_BUSY, EXIT_ERROR, EXIT_OK, EXIT_USAGE

__all__ = ["COMMANDS", "ENCRYPTION_COMMANDS", "EXIT_BUSY", "EXIT_ERROR", "EXIT_OK",
           "EXIT_USAGE", "Command", "build_parser", "main", "offered_commands"]

EXIT_INTERRUPTED = 130  # what a shell reports for Ctrl+C (128 + SIGINT)


@dataclass(frozen=True)
class Command:
    """One sub-command: its name and one-line help, the function that adds its
    arguments to its sub-parser, and the function that runs it (returns the exit code)."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: tuple[Command, ...] = (
    Command("demo", "fill a database with a deterministic demo book of business",
            demo.add_demo_arguments, demo.run_demo),
    Command("doctor", "check the database file is sound (integrity and foreign keys)",
            db.add_doctor_arguments, db.run_doctor),
    Command("search", "find customers by name, code, contact, phone or pinyin",
            search.add_search_arguments, search.run_search),
    Command("import", "import a customers / contact log / events / orders table (CSV or XLSX)",
            io.add_import_arguments, io.run_import),
    Command("imports", "list the recorded imports (id, when, kind, file, rows)",
            imports.add_imports_arguments, imports.run_imports),
    Command("undo-import", "take a whole import back (refused if its rows were edited since)",
            imports.add_undo_arguments, imports.run_undo_import),
    Command("duplicates", "list customers that look like one company; --merge KEEP DROP",
            imports.add_duplicates_arguments, imports.run_duplicates),
    Command("export", "export customers (表1) or the contact log (表2) to CSV/XLSX",
            io.add_export_arguments, io.run_export),
    Command("vcard", "export key people as vCard 3.0 (.vcf)",
            io.add_vcard_arguments, io.run_vcard),
    Command("backup", "make a verified copy of the database (--to FOLDER: e.g. a USB stick)",
            db.add_backup_arguments, db.run_backup),
    Command("backups", "list the automatic backups (date, size, schema revision)",
            backups.add_backups_arguments, backups.run_backups),
    Command("restore", "make the book a backup again (the current book is kept first)",
            backups.add_restore_arguments, backups.run_restore),
    Command("encrypt", "protect the book with a passphrase (SQLCipher; the book is kept "
                       "first)", protect.add_new_passphrase_arguments, protect.run_encrypt),
    Command("decrypt", "remove the book's passphrase (the protected book is kept first)",
            protect.add_decrypt_arguments, protect.run_decrypt),
    Command("rekey", "change the book's passphrase (the book is kept first)",
            protect.add_new_passphrase_arguments, protect.run_rekey),
    Command("due", "list due and overdue reminders (one per line)",
            calendar.add_due_arguments, calendar.run_due),
    Command("ical", "export tasks, visits, key dates and renewals as .ics",
            calendar.add_ical_arguments, calendar.run_ical),
    Command("orders", "print a customer's orders and returns (one per line)",
            orders.add_orders_arguments, orders.run_orders),
    Command("tiers", "print value tier, activity, potential, RFM, health and next touch "
                     "per customer",
            tiers.add_tiers_arguments, tiers.run_tiers),
    Command("contracts", "list contracts (number, customer, status, end, value, days left); "
                         "--expiring 90d for the renewals to start",
            contracts.add_contracts_arguments, contracts.run_contracts),
    Command("kpis", "print every KPI of the monthly review (LTV, average order value, churn, "
                    "NPS…)",
            kpis.add_kpis_arguments, kpis.run_kpis),
    Command("plan", "write a customer's account plan as PDF",
            plans.add_plan_arguments, plans.run_plan),
    Command("brief", "write the one-page pre-visit brief of a customer as PDF",
            plans.add_brief_arguments, plans.run_brief),
    Command("team", "set up a team on a PostgreSQL book: init, add-member ROLE [--lead], "
                    "remove-member ROLE, list",
            team.add_team_arguments, team.run_team),
    Command("migrate-to", "move the book (attached files too) into a team database or another "
                          "file, resumable; prints row counts per table, source against target",
            transfer.add_migrate_to_arguments, transfer.run_migrate_to),
)


#: the commands that exist only with the SQLCipher binding (``kamdesk[encryption]``)
ENCRYPTION_COMMANDS = frozenset({"encrypt", "decrypt", "rekey"})


def offered_commands() -> tuple[Command, ...]:
    """:data:`COMMANDS`, without the encryption ones when the binding is missing."""
    from kamdesk.store.cipher import encryption_available

    if encryption_available():
        return COMMANDS
    return tuple(c for c in COMMANDS if c.name not in ENCRYPTION_COMMANDS)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kamdesk",
        description="KAMDesk — the key-account manager's desktop. "
        "Without a command, opens the window.",
        epilog="exit codes: 0 ok, 1 error, 2 usage, 3 empty file, 4 not a KAMDesk "
        "database, 5 damaged or truncated, 6 written by a newer KAMDesk, 7 read-only, "
        "8 locked by another program, 9 disk full, 10 wrong passphrase, 11 protected "
        "book but no encryption support, 12 changed by someone else meanwhile (nothing "
        "saved; run again), 75 busy, 130 interrupted",
    )
    p.add_argument("--version", action="version", version=f"KAMDesk {__version__}")
    p.add_argument("--db", metavar="PATH",
                   help="database file or URL (default: user data dir; env KAMDESK_DB)")
    p.add_argument("--demo", action="store_true",
                   help="open the window on a separate demo database")
    p.add_argument("--lang", choices=("en", "zh_CN"), help="interface language for this run")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation on a temporary book (migrate, write and "
                   "read, Qt, a Chinese PDF) and exit 0, or 1 naming the failing step")
    p.add_argument("--user", metavar="NAME",
                   help="who makes this run's changes, in the change history (default: "
                   "the OS user)")
    from kamdesk.store.cipher import PASSPHRASE_ENV, encryption_available

    if encryption_available():
        p.add_argument("--passphrase-file", metavar="FILE",
                       help="the passphrase of a protected book, on the first line of FILE "
                       f"(or env {PASSPHRASE_ENV})")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for command in offered_commands():
        command.add_arguments(sub.add_parser(command.name, help=command.help))
    return p


def run_command(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run the command it names, or open the window if it names none."""
    args = build_parser().parse_args(argv)
    from kamdesk.privacy import restrict_process

    restrict_process()  # every file this run creates is user-only (kamdesk.privacy)
    from kamdesk.paths import resolve_db
    from kamdesk.store.team.credentials import is_postgres_url, use_keyring_passwords

    if is_postgres_url(resolve_db(args.db)):  # a team book: its password is in the keyring
        use_keyring_passwords()
    if args.self_test:
        from kamdesk.cli.self_test import run_self_test

        return run_self_test(args)
    if args.command is None:
        from kamdesk.app import run_gui

        return run_gui(args)
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from kamdesk.store.database import DatabaseProblem

    by_name = {command.name: command for command in COMMANDS}
    try:
        return by_name[args.command].run(args)
    except (DatabaseProblem, DBAPIError, sqlite3.DatabaseError) as exc:
        return report_database_problem(args, exc)
    except OSError as exc:
        if exc.errno != 28:  # ENOSPC: the disk is full; other OS errors are the command's
            raise
        return report_database_problem(args, exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        if not _is_conflict(exc):
            raise
        return report_conflict(args, exc)


def _is_conflict(exc: BaseException) -> bool:
    from sqlalchemy.orm.exc import StaleDataError

    from kamdesk.store.errors import ConflictError

    return isinstance(exc, (ConflictError, StaleDataError))


def report_conflict(args: argparse.Namespace, exc: BaseException) -> int:
    """A save refused by the version check (another client saved the record first):
    one line in the run's language, exit code :data:`EXIT_CONFLICT`."""
    from kamdesk.cli.common import EXIT_CONFLICT
    from kamdesk.domain.vocab import pick

    print(pick(args.lang, "Someone else changed this record while this command was "
               "running; nothing was saved. Run it again.",
               "运行期间此记录已被他人修改；未保存任何内容。请重新运行。"), file=sys.stderr)
    return EXIT_CONFLICT


def report_database_problem(args: argparse.Namespace, exc: BaseException) -> int:
    """One clear line in the run's language (no traceback, SQL or data) and the exit
    code of its kind (:data:`kamdesk.cli.common.EXIT_FOR_PROBLEM`)."""
    from kamdesk.cli.common import problem_exit_code
    from kamdesk.messages import database_problem_text
    from kamdesk.paths import resolve_db
    from kamdesk.store.database import as_problem

    problem = as_problem(exc, resolve_db(args.db))
    print(database_problem_text(problem, args.lang or "en"), file=sys.stderr)
    return problem_exit_code(problem.kind)


def main(argv: Sequence[str] | None = None) -> int:
    """The entry point of ``kamdesk``, ``kamdesk-cli`` and ``python -m kamdesk``.

    A reader that closes the pipe early (``kamdesk search x | head -1``) has all it
    wanted: that is not an error and gets no traceback. As Python's documentation on
    SIGPIPE recommends, the output is flushed here so the error surfaces inside the
    ``try``, and stdout is then pointed at devnull so the flush at interpreter exit
    cannot raise it again.
    """
    try:
        code = run_command(argv)
        if sys.stdout is not None:  # None in a Windows GUI launch (no console)
            sys.stdout.flush()
        return code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
