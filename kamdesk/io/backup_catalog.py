"""What backups there are and what one holds; the automatic daily backup and its rotation.

A backup is looked at read-only (``mode=ro``: neither the file nor a -wal beside it is
touched), so the preview of File ▸ Restore… and ``kamdesk backups`` can never change
the copy they describe.

Automatic backups are named ``<book>-auto-<YYYYMMDD-HHMMSS>[-n].sqlite3`` beside the
book's other backups; only those are rotated (7 daily, 4 weekly, 12 monthly:
:mod:`kamdesk.domain.backup_rotation`), so a backup the user made, the copy taken
before an upgrade or a restore, is never removed by the app. At most one automatic
backup is made a day, whatever asks for it first (start, an import, quit).
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kamdesk.domain.backup_rotation import DEFAULT_POLICY, RotationPolicy, backups_to_remove
from kamdesk.io.backup import STAMP_FORMAT, BackupError, backup_file
from kamdesk.io.document_store import files_folder_for

log = logging.getLogger(__name__)

STAMP_IN_NAME = re.compile(r"(\d{8}-\d{6})(?:-(\d+))?(?:-[0-9a-f]{12})?\.sqlite3$")


@dataclass(frozen=True)
class BackupPreview:
    """What a backup file holds, as read from it (``revision`` None: not a KAMDesk book)."""

    path: Path
    taken_at: datetime
    size: int
    revision: str | None
    customers: int
    people: int
    contacts: int  # contact log entries
    sound: bool


def taken_at(path: Path) -> datetime:
    """When a backup was taken: the stamp in its name (the ``-n`` of a second backup in
    the same second orders it, as microseconds), else the file's modification time."""
    found = STAMP_IN_NAME.search(path.name)
    if found:
        try:
            moment = datetime.strptime(found.group(1), STAMP_FORMAT)
            return moment.replace(microsecond=int(found.group(2) or 1) - 1)
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def inspect_backup(path: str | Path, check: bool = True) -> BackupPreview:
    """Read ``path`` read-only: its revision and counts, and (``check``) whether it
    passes ``integrity_check``. Raises :class:`BackupError` ('not_kamdesk') for a file
    SQLite cannot read."""
    backup = Path(path)
    if not backup.is_file():
        raise BackupError("no_database", str(backup))
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError("not_kamdesk", str(exc)) from exc
    try:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        except sqlite3.OperationalError:
            revision = None
        except sqlite3.DatabaseError as exc:  # not a database at all
            raise BackupError("not_kamdesk", str(exc)) from exc
        sound = True
        if check:
            try:
                sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            except sqlite3.DatabaseError:
                sound = False
        return BackupPreview(backup, taken_at(backup), backup.stat().st_size, revision,
                             _count(conn, "customers"), _count(conn, "people"),
                             _count(conn, "interactions"), sound)
    finally:
        conn.close()


def check_restorable(path: str | Path, check: bool = True) -> BackupPreview:
    """The preview of a backup that may be restored; else :class:`BackupError`:
    'not_kamdesk', 'damaged' or 'too_new' (written by a newer KAMDesk: refused, never
    "downgraded"). An older revision is fine: the start path upgrades it.

    ``check=False`` skips ``integrity_check`` (the restore itself runs it): a preview
    then costs milliseconds, where the check of a 100,000-customer book (1.2 GB) takes
    about 40 s."""
    preview = inspect_backup(path, check)
    if preview.revision is None:
        raise BackupError("not_kamdesk", str(preview.path))
    if not preview.sound:
        raise BackupError("damaged", str(preview.path))
    from kamdesk.store.migrate import known_revisions

    if preview.revision not in known_revisions():
        raise BackupError("too_new", preview.revision)
    return preview


def automatic_prefix(db_file: Path) -> str:
    return f"{db_file.stem}-auto-"


def automatic_backups(db_file: Path, folder: Path) -> list[Path]:
    """The automatic backups of the book ``db_file`` in ``folder``, oldest first."""
    prefix = automatic_prefix(db_file)
    found = [p for p in folder.glob(f"{prefix}*.sqlite3")
             if STAMP_IN_NAME.fullmatch(p.name[len(prefix):])]
    return sorted(found, key=taken_at)


def automatic_backup_due(db_file: Path, folder: Path, today: date) -> bool:
    """True when no automatic backup was taken today (nor, after a clock jump, later)."""
    return not any(taken_at(p).date() >= today for p in automatic_backups(db_file, folder))


def rotate_automatic_backups(db_file: Path, folder: Path,
                             policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Remove the automatic backups the rotation does not keep (with their files
    folders); returns the removed ones."""
    by_moment = {taken_at(p): p for p in automatic_backups(db_file, folder)}
    removed: list[Path] = []
    for moment in sorted(backups_to_remove(by_moment, policy)):
        path = by_moment[moment]
        try:
            path.unlink()
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", path.name, exc)
            continue
        shutil.rmtree(files_folder_for(path), ignore_errors=True)
        removed.append(path)
    return removed


def make_automatic_backup(db_file: str | Path, folder: str | Path, now: datetime,
                          policy: RotationPolicy = DEFAULT_POLICY,
                          passphrase: str | None = None) -> Path | None:
    """Today's automatic backup of ``db_file`` in ``folder``, then the rotation; None
    when today's was already made. Raises :class:`BackupError` when the copy fails (no
    half copy is left and nothing is rotated away). A protected book's backup is written
    with its ``passphrase``."""
    book, target = Path(db_file), Path(folder)
    if not automatic_backup_due(book, target, now.date()):
        return None
    made = backup_file(book, target, now, prefix=automatic_prefix(book),
                       passphrase=passphrase)
    rotate_automatic_backups(book, target, policy)
    log.info("automatic backup %s", made.name)
    return made


def table_names(db_file: str | Path) -> list[str]:
    """Every table of a book (what a restore changed, for the screens to refresh)."""
    conn = sqlite3.connect(f"{Path(db_file).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    finally:
        conn.close()
