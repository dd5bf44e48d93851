"""What every command shares: exit codes, argument types and opening the database.

Kept apart from :mod:`kamdesk.cli` (the parser and the command list) so that command
modules import this and nothing imports the package's ``__init__`` back: no cycle.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kamdesk.store.database import Database
    from kamdesk.store.write_lock import WriteWait

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: another program (the window, an import) held the write lock past the bound; nothing
#: was written, try again (sysexits' EX_TEMPFAIL)
EXIT_BUSY = 75
#: someone else (another client of a team book) saved a record this command changed
#: while it ran; nothing was written, run it again
EXIT_CONFLICT = 12
#: how long a command waits for another writer before giving up, and when it says so
WRITE_WAIT_S = 30.0
SAY_WAITING_AFTER_S = 1.0

#: The exit code of each database problem (``DatabaseProblem.kind``), so a script can
#: tell them apart; documented in ``kamdesk --help`` and docs/cli.md. Anything else: 1.
EXIT_FOR_PROBLEM: dict[str, int] = {
    "empty": 3, "not_sqlite": 4, "foreign": 4, "truncated": 5, "corrupt": 5,
    "too_new": 6, "readonly": 7, "read_only_open": 7, "locked": 8, "disk_full": 9,
    "wrong_passphrase": 10, "no_encryption": 11, "busy": EXIT_BUSY,
}


def problem_exit_code(kind: str) -> int:
    """The documented exit code for a :class:`DatabaseProblem` of ``kind``."""
    return EXIT_FOR_PROBLEM.get(kind, EXIT_ERROR)


def iso_date(text: str) -> date:
    """argparse type for ``YYYY-MM-DD`` options, with a message argparse can print."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def open_db(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (or KAMDESK_DB, or the user data dir), checked and
    migrated by the same :func:`open_database` the window uses (synchronous=FULL)."""
    from kamdesk.paths import backup_dir_for, resolve_db
    from kamdesk.store.database import open_database

    location = resolve_db(args.db)
    db = open_database(location, backup_dir_for(location), passphrase=passphrase_of(args))
    db.write_wait = say_when_waiting(location, language(args))
    db.actor = str(getattr(args, "user", None) or "")  # the change history's "who"
    return db


def passphrase_of(args: argparse.Namespace) -> str | None:
    """The passphrase of a protected book: the first line of ``--passphrase-file``, else
    the environment variable KAMDESK_PASSPHRASE, else None (a plain book)."""
    import os

    from kamdesk.store.cipher import PASSPHRASE_ENV

    file = getattr(args, "passphrase_file", None)
    if file:
        with open(file, encoding="utf-8") as fh:
            return fh.readline().rstrip("\r\n")
    return os.environ.get(PASSPHRASE_ENV) or None


def say_when_waiting(location: str, lang: str, bound_s: float | None = None,
                     after_s: float | None = None) -> WriteWait:
    """A wait for the write lock that prints one line on stderr once it has lasted
    ``after_s`` (naming the window when a KAMDesk window holds this book) and gives up
    after ``bound_s`` (the command then exits with :data:`EXIT_BUSY`)."""
    import sys

    from kamdesk.instance import window_is_open
    from kamdesk.messages import waiting_text
    from kamdesk.store.write_lock import WriteWait

    bound = WRITE_WAIT_S if bound_s is None else bound_s
    after = SAY_WAITING_AFTER_S if after_s is None else after_s
    said = False

    def on_wait(waited: float) -> None:
        nonlocal said
        if not said and waited >= after:
            said = True
            print(waiting_text(location, window_is_open(location), lang), file=sys.stderr,
                  flush=True)

    return WriteWait(bound, on_wait)


def language(args: argparse.Namespace) -> str:
    """The language of this run's words: the global ``--lang``, English by default."""
    return str(getattr(args, "lang", None) or "en")
