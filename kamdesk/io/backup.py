"""Backups: a consistent copy of the live SQLite file and of its documents, taken while
the app runs; and the way back (restore).

Uses SQLite's online backup API, which copies a consistent snapshot even with WAL
and other connections open; the copy is checked with ``integrity_check`` before it is
given its final name, so a full disk never leaves a broken backup that looks good.

A database without its attached files is half a backup, so the files the copy's rows
use go into a sibling folder (``kamdesk-<stamp>.files/``, the same layout as the live
store: opening the backup as the database finds them). Stored files never change, so
they are hard-linked where the disk allows it (a backup then costs no space for them)
and copied otherwise (another drive). The folder is complete before the database copy
gets its final name.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from kamdesk.io.document_store import SET_ASIDE, DocumentStore, files_folder_for
from kamdesk.privacy import private_dir, private_file

log = logging.getLogger(__name__)


class BackupError(Exception):
    pass


def _used_blobs(db: sqlite3.Connection) -> set[str]:
    try:
        return {r[0] for r in db.execute("SELECT DISTINCT sha256 FROM documents")}
    except sqlite3.OperationalError:  # a database from before documents existed
        return set()


def _copy_files(shas: set[str], source: DocumentStore, folder: Path) -> list[str]:
    """Link or copy the stored files ``shas`` into ``folder`` (a store layout); returns
    the ones missing from the source (reported, not fatal: the rows are still worth
    keeping)."""
    missing: list[str] = []
    target = DocumentStore(folder)
    for sha in sorted(shas):
        blob = source.path(sha)
        if not blob.is_file():  # removed after the snapshot: its undo copy still has it
            blob = source.root / SET_ASIDE / sha
        if not blob.is_file():
            missing.append(sha)
            continue
        dest = target.path(sha)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(blob, dest)
        except OSError:
            shutil.copy2(blob, dest)
    return missing


def backup_file(db_file: str | Path, target_dir: str | Path, now: datetime | None = None) -> Path:
    """Copy the database ``db_file`` and the documents its rows use into ``target_dir``;
    returns the new database copy (its files are in :func:`files_folder_for` of it)."""
    src_path = Path(db_file)
    if not src_path.exists():
        raise BackupError(f"no database at {src_path}")
    folder = Path(target_dir)
    if not folder.exists():  # a folder we create is private; a chosen one is left as is
        private_dir(folder)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"kamdesk-{stamp}.sqlite3"
    tmp = target.with_name(target.name + ".part")
    files = files_folder_for(target)
    files_tmp = files.with_name(files.name + ".part")
    src = sqlite3.connect(src_path)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
            shas = _used_blobs(dst)
        finally:
            dst.close()
        if ok != "ok":
            raise BackupError(f"backup copy failed its integrity check: {ok}")
        shutil.rmtree(files_tmp, ignore_errors=True)
        if shas:
            missing = _copy_files(shas, DocumentStore(files_folder_for(src_path)), files_tmp)
            if missing:
                log.warning("backup %s: %d document file(s) were already missing: %s",
                            target, len(missing), ", ".join(missing))
            if files_tmp.exists():
                shutil.rmtree(files, ignore_errors=True)
                files_tmp.replace(files)
        private_file(tmp)  # user-only whatever the umask (kamdesk.privacy)
        tmp.replace(target)
    except sqlite3.OperationalError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        src.close()
        if tmp.exists():
            tmp.unlink()
        shutil.rmtree(files_tmp, ignore_errors=True)
    return target


def restore_backup(backup_path: str | Path, target_path: str | Path) -> Path:
    """Make ``target_path`` the database of ``backup_path`` again, with its documents.

    The app must not have ``target_path`` open. The files come first (added to the
    target's store, never removing any: another backup's rows may still want them),
    then the database is copied in with SQLite's backup API, which replaces the
    target in one transaction (a stale ``-wal`` beside it cannot creep back in).
    """
    backup = Path(backup_path)
    target = Path(target_path)
    if not backup.is_file():
        raise BackupError(f"no backup at {backup}")
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        try:
            ok = src.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"not a KAMDesk backup: {exc}") from exc
        if ok != "ok":
            raise BackupError(f"the backup failed its integrity check: {ok}")
        shas = _used_blobs(src)
        source = DocumentStore(files_folder_for(backup))
        store = DocumentStore(files_folder_for(target))
        lost = [sha for sha in sorted(shas)
                if not store.has(sha) and not store.adopt(source.path(sha), sha)]
        if lost:
            log.warning("restore %s: %d document file(s) not in the backup: %s",
                        backup, len(lost), ", ".join(lost))
        target.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.OperationalError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        src.close()
    return target
