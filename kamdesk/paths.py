"""Where KAMDesk keeps its files.

Resolved in a function (never at import time) so tests and ``--db`` can point
everything elsewhere. The live database stays in the user data dir rather than
Documents, because synced folders (OneDrive, iCloud) have corrupted SQLite files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "KAMDesk"
DB_FILENAME = "kamdesk.sqlite3"
DB_ENV = "KAMDESK_DB"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    backup_dir: Path
    export_dir: Path
    log_dir: Path

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILENAME


def app_paths() -> AppPaths:
    import platformdirs

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    docs = Path(platformdirs.user_documents_dir())
    return AppPaths(
        data_dir=data,
        backup_dir=data / "backups",
        export_dir=docs / APP_NAME,
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resolve_db(cli_value: str | None, paths: AppPaths | None = None) -> str:
    """The database to open: ``--db`` beats ``KAMDESK_DB`` beats the default file.

    Returns either a filesystem path or an SQLAlchemy URL (``postgresql://…``) so a
    team can later point the same app at a shared server.
    """
    value = cli_value or os.environ.get(DB_ENV)
    if value:
        return value
    return str((paths or app_paths()).default_db)


def is_url(value: str) -> bool:
    return "://" in value


def backup_dir_for(db: str, paths: AppPaths | None = None) -> Path:
    """Backups of the default database go to the data dir's backups folder; backups of
    an explicit file go next to it, so a test or demo database never writes into the
    user's real folders."""
    if not is_url(db):
        p = Path(db).resolve()
        default = (paths or app_paths()).default_db.resolve()
        if p != default:
            return p.parent / "backups"
    return (paths or app_paths()).backup_dir
