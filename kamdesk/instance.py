"""Which window owns a book: the names of its lock file and local socket (no Qt here).

One book, one window (issue #14 item 4). The window takes a lock file in the data
folder, named after the database it opens; a second window on the same book finds it
taken and asks the first, through a local socket of the same name, to come to the
front (:mod:`kamdesk.ui.single_instance`). The CLI reads the same lock file to say
*who* it is waiting for ("KAMDesk (the window)") without importing Qt.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from kamdesk.paths import app_paths, is_url


def book_key(db_location: str) -> str:
    """A short stable name for the book at ``db_location`` (a path or a URL)."""
    ident = db_location if is_url(db_location) else str(Path(db_location).expanduser().resolve())
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]


def lock_file_path(db_location: str, data_dir: Path | None = None) -> Path:
    """The window's lock file for this book, in the data folder."""
    folder = data_dir if data_dir is not None else app_paths().data_dir
    return folder / f"window-{book_key(db_location)}.lock"


def server_name(db_location: str) -> str:
    """The local socket name the window listens on (per user, so two accounts on one
    machine never talk to each other's window)."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (a service): still unique per book
        user = "user"
    user_key = hashlib.sha256(user.encode("utf-8")).hexdigest()[:8]
    return f"kamdesk-{user_key}-{book_key(db_location)}"


def window_is_open(db_location: str, data_dir: Path | None = None) -> bool:
    """Whether a live KAMDesk window holds this book's lock (QLockFile's first line
    is the holder's process id)."""
    try:
        first = lock_file_path(db_location, data_dir).read_text(encoding="utf-8").split("\n", 1)[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
