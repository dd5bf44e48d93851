"""Restore: make the live book the copy a backup holds, after keeping the book it replaces.

Why the backup API *into* the live file rather than a verified copy renamed over it:
the copy is one SQLite transaction, so a kill at any moment leaves the old book or the
restored one (SQLite's own journal); no live file is renamed under a -wal/-shm (which
Windows refuses while a program holds it); and SQLite itself decides what the old -wal
means. Before copying, the book is switched to ``journal_mode=DELETE``: SQLite
checkpoints every committed frame of the old -wal into the file and deletes -wal and
-shm — which it can only do when no other connection has the book open, so a book
another program (or window) holds is refused instead of written under it. The old WAL
is thereby part of the *old* book that the copy overwrites page by page; it cannot
replay later changes onto the restored one (the trap of copying a backup over the file
by hand next to an old -wal). The start path switches the book back to WAL when it is
next opened and upgrades an older backup's schema like any older book.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.io.backup import (
    STAMP_FORMAT,
    BackupError,
    backup_file,
    error_kind,
    give_final_name,
    reserve_name,
    used_blobs,
)
from kamdesk.io.backup_catalog import BackupPreview, check_restorable
from kamdesk.io.document_store import DocumentStore, files_folder_for

if TYPE_CHECKING:
    from kamdesk.store.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the book it wrote and the copy of the book it replaced."""

    target: Path
    previous_copy: Path | None
    restored: BackupPreview


def _save_current_book(target: Path, safety_dir: Path, now: datetime | None) -> Path | None:
    """The book about to be replaced, kept first: a verified backup, or when the book is
    too damaged to pass the check, its raw bytes (and -wal) under a ``-damaged`` name."""
    if not target.is_file() or target.stat().st_size == 0:
        return None
    prefix = f"{target.stem}-before-restore-"
    try:
        return backup_file(target, safety_dir, now, prefix=prefix)
    except BackupError as exc:
        if exc.kind not in ("not_verified", "other"):
            raise
        log.warning("the current book failed its check; keeping its raw bytes: %s", exc)
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    part, final = reserve_name(safety_dir, f"{prefix}{stamp}-damaged")
    try:
        shutil.copyfile(target, part)
        wal = target.with_name(target.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, final.with_name(final.name + "-wal"))
        give_final_name(part, final)
    finally:
        if part.exists():
            part.unlink()
    return final


def restore_backup(backup_path: str | Path, target_path: str | Path,
                   safety_dir: str | Path | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Make ``target_path`` the database of ``backup_path`` again, with its documents.

    Checked first (:func:`kamdesk.io.backup_catalog.check_restorable`: a KAMDesk book
    that passes ``integrity_check`` and is not from a newer KAMDesk). With
    ``safety_dir`` the current book is backed up there before anything changes. The
    files come next (added to the target's store, never removing any: another backup's
    rows may still want them).

    See the module's docstring for how and why.
    """
    backup = Path(backup_path)
    target = Path(target_path)
    preview = check_restorable(backup)
    try:
        previous = _save_current_book(target, Path(safety_dir), now) if safety_dir else None
        src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except OSError as exc:
        raise BackupError(error_kind(exc), str(exc)) from exc
    try:
        shas = used_blobs(src)
        source = DocumentStore(files_folder_for(backup))
        store = DocumentStore(files_folder_for(target))
        lost = [sha for sha in sorted(shas)
                if not store.has(sha) and not store.adopt(source.path(sha), sha)]
        if lost:
            log.warning("restore %s: %d document file(s) not in the backup",
                        backup.name, len(lost))
        target.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(target, timeout=5)
        try:
            mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise BackupError("in_use", str(target))
            src.backup(dst)
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
        if ok != "ok":
            raise BackupError("damaged", f"after restore: {ok}")
    except sqlite3.Error as exc:
        raise BackupError(error_kind(exc), str(exc)) from exc
    except OSError as exc:
        raise BackupError(error_kind(exc), str(exc)) from exc
    finally:
        src.close()
    return RestoreResult(target, previous, preview)


def restore_into_database(db: Database, backup_path: str | Path, backup_dir: Path,
                          now: datetime | None = None) -> RestoreResult:
    """Restore ``backup_path`` into the open book ``db`` (the window's or the CLI's):
    its pooled connections are closed first (restore needs the book to itself), the
    current book is kept in ``backup_dir``, and afterwards the book goes through the
    start path's schema check, which upgrades an older backup. The same ``db`` object
    then reads the restored book."""
    from kamdesk.store.migrate import ensure_schema

    db.dispose()
    result = restore_backup(backup_path, db.file_path, backup_dir, now)
    db.report = ensure_schema(db.engine, backup_dir)
    db.dispose()
    return result
