"""Backups: a consistent copy of the live SQLite file and of its documents, taken while
the app runs.

Every copy is made by the same verified copier as the pre-upgrade backup
(:func:`kamdesk.store.upgrade_backup.copy_verified`: SQLite's online backup API into a
``.part`` file, ``integrity_check``, a standalone user-only file, fsync), and only then
linked to its final name. The name is reserved first by creating its ``.part`` with
``O_EXCL``, and a name whose database or files folder already exists is skipped, so two
backups in the same second get ``…-100000`` and ``…-100000-2`` and never overwrite each
other; a kill at any moment leaves at worst a ``.part``, never a file that looks like a
good backup.

A database without its attached files is half a backup, so the files the copy's rows
use go into a sibling folder (``<name>.files/``, the same layout as the live store:
opening the backup as the database finds them). Stored files never change, so they are
hard-linked where the disk allows it and copied otherwise (a USB stick). The folder is
complete before the database copy gets its final name.

The way back is :mod:`kamdesk.io.restore`; what backups there are and the automatic
daily one, :mod:`kamdesk.io.backup_catalog`.
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
from kamdesk.store.upgrade_backup import (
    PART_SUFFIX,
    UpgradeBackupError,
    copy_verified,
    fsync_dir,
    remove_stale_parts,
)

log = logging.getLogger(__name__)

#: How a backup's name starts when the user asked for it (``kamdesk backup``, "Back up now").
MANUAL_PREFIX = "kamdesk-"
STAMP_FORMAT = "%Y%m%d-%H%M%S"


class BackupError(Exception):
    """A backup or restore that did not happen; ``kind`` picks the words for the user.

    kinds: 'no_database', 'not_verified' (the copy failed its check), 'disk_full',
    'not_kamdesk', 'damaged' (a backup that fails its check), 'too_new', 'in_use'
    (another program has the book open), 'other'.
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def error_kind(exc: BaseException) -> str:
    text = str(exc).lower()
    if getattr(exc, "errno", None) == 28 or "disk is full" in text or "no space" in text:
        return "disk_full"
    if "locked" in text or "busy" in text:
        return "in_use"
    return "other"


def used_blobs(db: sqlite3.Connection) -> set[str]:
    """The stored files a database's rows use (a database from before documents: none)."""
    try:
        return {r[0] for r in db.execute("SELECT DISTINCT sha256 FROM documents")}
    except sqlite3.OperationalError:
        return set()


def copy_files(shas: set[str], source: DocumentStore, folder: Path) -> list[str]:
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


def reserve_name(folder: Path, stem: str) -> tuple[Path, Path]:
    """A ``(part, final)`` pair of names in ``folder`` no other backup holds: the
    ``.part`` is created here (``O_EXCL``: a concurrent backup takes the next name) and
    neither ``final`` nor its files folder exists."""
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        final = folder / f"{name}.sqlite3"
        part = final.with_name(final.name + PART_SUFFIX)
        try:
            fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        if final.exists() or files_folder_for(final).exists():
            part.unlink()
            continue
        return part, final
    raise BackupError("other", f"no free backup name for {stem}")


def give_final_name(part: Path, final: Path) -> None:
    try:
        os.link(part, final)  # never replaces a file
    except FileExistsError:
        raise BackupError("other", f"{final} appeared while it was being written") from None
    except OSError:  # no hard links (FAT on a USB stick): the name was reserved above
        os.replace(part, final)
        return
    part.unlink()


def backup_file(db_file: str | Path, target_dir: str | Path, now: datetime | None = None,
                prefix: str = MANUAL_PREFIX, passphrase: str | None = None) -> Path:
    """Copy the database ``db_file`` and the documents its rows use into ``target_dir``
    as ``<prefix><stamp>.sqlite3`` (``-2``… when that is taken); returns the copy (its
    files are in :func:`files_folder_for` of it). Raises :class:`BackupError`.
    ``passphrase``: the book is protected; the copy is written with the same key
    (:func:`kamdesk.store.cipher.export_verified`), never as plain text."""
    src_path = Path(db_file)
    if not src_path.is_file():
        raise BackupError("no_database", str(src_path))
    folder = Path(target_dir)
    try:
        if not folder.exists():  # a folder we create is private; a chosen one is left as is
            private_dir(folder)
        remove_stale_parts(folder, prefix, ours=folder / "-")
        part, final = reserve_name(folder, prefix + (now or datetime.now()).strftime(STAMP_FORMAT))
    except OSError as exc:
        raise BackupError(error_kind(exc), str(exc)) from exc
    files = files_folder_for(final)
    files_part = files.with_name(files.name + PART_SUFFIX)
    if passphrase is not None:
        from kamdesk.store import cipher

        src = cipher.connect_keyed(src_path, passphrase)
    else:
        src = sqlite3.connect(src_path)
    try:
        if passphrase is not None:
            cipher.export_verified(src_path, part, passphrase, passphrase)
            copy = cipher.connect_keyed(part, passphrase)
        else:
            copy_verified(src, part)
            copy = sqlite3.connect(f"{part.resolve().as_uri()}?mode=ro", uri=True)
        try:
            shas = used_blobs(copy)
        finally:
            copy.close()
        if shas:
            missing = copy_files(shas, DocumentStore(files_folder_for(src_path)), files_part)
            if missing:
                log.warning("backup %s: %d document file(s) were already missing",
                            final.name, len(missing))
            if files_part.exists():
                files_part.replace(files)
        private_file(part)  # user-only whatever the umask (kamdesk.privacy)
        give_final_name(part, final)
        fsync_dir(folder)
    except UpgradeBackupError as exc:
        raise BackupError("not_verified", str(exc)) from exc
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(error_kind(exc), str(exc)) from exc
    except Exception as exc:  # sqlcipher3's errors and a copy that failed its check
        if passphrase is None:
            raise
        raise BackupError("not_verified", type(exc).__name__) from exc
    finally:
        src.close()
        if part.exists():
            part.unlink()
        shutil.rmtree(files_part, ignore_errors=True)
    return final
