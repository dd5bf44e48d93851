"""The copy of a user's book taken before its schema is upgraded: one per upgrade, and
never a file that looks like a good backup but is not.

Why each step:
- SQLite's online backup API gives a consistent copy even with WAL and readers open;
- the copy is written under a ``.part`` name, checked with ``PRAGMA integrity_check``
  and fsynced, and only then linked to its final ``.sqlite3`` name (a hard link never
  replaces an existing file, so two backups in the same second both survive); a kill
  at any moment leaves at worst a ``.part`` file, which the next attempt removes;
- one backup per upgrade: the name carries the from→to revisions and a fingerprint of
  the book's content, so a retry after an interrupted upgrade (whose transaction rolled
  back, leaving the book as it was) finds the backup it already made instead of writing
  another full copy; a book changed since then (an older KAMDesk used in between) has
  another fingerprint and gets a fresh backup.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

#: Pages copied per step of the backup API (other readers get the file between steps).
BACKUP_STEP_PAGES = 256
#: Called after each step with (status, remaining, total) pages: a seam for progress, tests.
on_backup_step: Callable[[int, int, int], None] | None = None
PART_SUFFIX = ".part"
#: A ``.part`` older than this is left over from a killed attempt, not being written.
STALE_PART_SECONDS = 600


class UpgradeBackupError(Exception):
    """The pre-upgrade copy could not be made or failed its check: do not upgrade."""


def backup_prefix(db_file: Path, from_revision: str, to_revision: str) -> str:
    """The start of every pre-upgrade backup name for this book and revision step."""
    return f"{db_file.stem}-before-upgrade-{from_revision}-to-{to_revision}-"


def content_fingerprint(conn: sqlite3.Connection) -> str:
    """12 hex digits over the schema and every row of every stored table: equal for a
    book that was not written between two looks (an interrupted upgrade's rolled-back
    transaction writes nothing that stays). It reads the book once, as the backup does."""
    digest = hashlib.sha256()
    tables = conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    for kind, name, sql in tables:
        digest.update(repr((kind, name, sql)).encode())
        if kind != "table" or (sql or "").upper().startswith("CREATE VIRTUAL"):
            continue  # a virtual table's rows live in its shadow tables, hashed as tables
        quoted = '"' + name.replace('"', '""') + '"'
        cursor = conn.execute(f"SELECT * FROM {quoted}")
        while batch := cursor.fetchmany(5000):  # one read of the book, in C-sized gulps
            digest.update(repr(batch).encode())
    return digest.hexdigest()[:12]


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_parts(folder: Path, prefix: str, ours: Path) -> None:
    """Remove ``ours`` (this attempt's name, left by a killed earlier one) and any other
    ``.part`` of this upgrade old enough not to be in the middle of being written."""
    now = time.time()
    for part in folder.glob(f"{prefix}*{PART_SUFFIX}"):
        try:
            if part == ours or now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
        except OSError:
            pass  # another attempt's file, or already gone: not ours to insist on


def _link_unique(tmp: Path, stem: str) -> Path:
    """Give ``tmp`` the first free name ``stem.sqlite3``, ``stem-2.sqlite3``…, never
    replacing a file that is there; ``tmp`` is gone afterwards."""
    for n in range(1, 1000):
        final = tmp.with_name(f"{stem}.sqlite3" if n == 1 else f"{stem}-{n}.sqlite3")
        try:
            os.link(tmp, final)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if final.exists():
                continue
            os.replace(tmp, final)
            return final
        tmp.unlink()
        return final
    raise UpgradeBackupError(f"no free backup name for {stem}")


def copy_verified(src: sqlite3.Connection, tmp: Path) -> None:
    """Copy ``src`` into ``tmp`` with the backup API, check it, make it a standalone
    user-only file and fsync it; raises :class:`UpgradeBackupError` when the check fails.
    Every backup KAMDesk writes (:mod:`kamdesk.io.backup` too) is copied by this."""
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst, pages=BACKUP_STEP_PAGES, progress=on_backup_step)
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        # A standalone file, as a user would open it: no -wal beside it to lose.
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
    if ok != "ok":
        raise UpgradeBackupError(f"the backup copy failed its integrity check: {ok}")
    os.chmod(tmp, 0o600)  # the customers' personal data: the user's eyes only
    _fsync_file(tmp)


def pre_upgrade_backup(db_file: Path, backup_dir: Path, from_revision: str,
                       to_revision: str, now: datetime | None = None) -> Path:
    """The verified copy of ``db_file`` taken before upgrading it ``from_revision`` →
    ``to_revision``: the one made earlier when the book has not changed since, else a
    new one in ``backup_dir``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    prefix = backup_prefix(db_file, from_revision, to_revision)
    src = sqlite3.connect(db_file)
    try:
        fingerprint = content_fingerprint(src)
        tmp = backup_dir / f"{prefix}{fingerprint}.sqlite3{PART_SUFFIX}"
        remove_stale_parts(backup_dir, prefix, ours=tmp)
        made = sorted(backup_dir.glob(f"{prefix}*-{fingerprint}*.sqlite3"))
        if made:
            return made[0]
        try:
            copy_verified(src, tmp)
            stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
            final = _link_unique(tmp, f"{prefix}{stamp}-{fingerprint}")
        except (sqlite3.Error, OSError) as exc:
            raise UpgradeBackupError(str(exc)) from exc
        finally:
            if tmp.exists():
                tmp.unlink()
        fsync_dir(backup_dir)
        return final
    finally:
        src.close()
