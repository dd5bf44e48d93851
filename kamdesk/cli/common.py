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

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


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
    db = open_database(location, backup_dir_for(location))
    db.actor = str(getattr(args, "user", None) or "")  # the change history's "who"
    return db


def language(args: argparse.Namespace) -> str:
    """The language of this run's words: the global ``--lang``, English by default."""
    return str(args.lang or "en")
