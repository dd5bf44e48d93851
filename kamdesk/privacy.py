"""Files only their owner can read: the customer book is other people's personal data.

A laptop is shared, backed up to servers and sometimes lost; under the usual umask
(022) every file KAMDesk wrote was world-readable (0644 in 0755 folders). Two layers:

1. :func:`restrict_process` sets the process umask to 077 at the start of the window
   and of every CLI command, so everything this process creates — including the files
   SQLite creates by itself (``-wal``, ``-shm``, ``-journal``), Qt's settings file and
   third-party writers (openpyxl, reportlab) — is born user-only.
2. :func:`private_file` / :func:`private_dir` are called where our files are created
   or opened anyway, so a file made by an older version (0644) or by a process with
   another umask is tightened too, and a library that chmods on its own cannot widen it.

Windows has no mode bits: ``os.chmod`` only toggles the read-only flag there. Files in
the user's profile (``%LOCALAPPDATA%``, where platformdirs puts the data) already
inherit an ACL granting only the user, SYSTEM and administrators, so no ACL is set
here (doing it right needs pywin32 or ``icacls`` per file, and a wrong ACL can lock
the user out of their own book). On Windows these functions do nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: the umask of every KAMDesk process: group and others get nothing
PRIVATE_UMASK = 0o077
PRIVATE_FILE_MODE = stat.S_IRUSR | stat.S_IWUSR  # 0600
PRIVATE_DIR_MODE = stat.S_IRWXU  # 0700
#: what SQLite adds next to a database file
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")

ENFORCED = os.name == "posix"


def restrict_process() -> int:
    """Make every file this process creates from now on user-only; returns the old umask."""
    return os.umask(PRIVATE_UMASK)


def private_file(path: str | os.PathLike[str], mode: int = PRIVATE_FILE_MODE) -> None:
    """Take group and other permissions away from ``path`` if it exists (``mode`` may be
    narrower, e.g. 0400 for a stored document). A file we do not own is left alone."""
    if not ENFORCED:
        return
    try:
        st = os.stat(path)
    except OSError:
        return
    if stat.S_IMODE(st.st_mode) & ~mode:
        try:
            os.chmod(path, mode)
        except OSError:  # not ours (a shared folder): nothing we may change
            pass


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700; returns it."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    if ENFORCED:
        try:
            if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
                os.chmod(folder, PRIVATE_DIR_MODE)
        except OSError:
            pass
    return folder


def private_database(db_file: str | os.PathLike[str]) -> None:
    """The database file and the side files SQLite made for it, user-only."""
    private_file(db_file)
    for suffix in SQLITE_SIDE_FILES:
        private_file(f"{os.fspath(db_file)}{suffix}")


def mode_of(path: str | os.PathLike[str]) -> int:
    """The permission bits of ``path`` (for checks and tests)."""
    return stat.S_IMODE(os.stat(path).st_mode)


__all__ = ["ENFORCED", "PRIVATE_DIR_MODE", "PRIVATE_FILE_MODE", "PRIVATE_UMASK",
           "mode_of", "private_database", "private_dir", "private_file",
           "restrict_process"]
