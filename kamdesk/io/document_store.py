"""The files attached to customers (附件), kept in a folder beside the database.

Why a folder of its own and not the user's original path: an original gets renamed,
moved, edited or deleted, and a CRM that points at it loses the signed contract the day
someone tidies their desktop. So every attached file is *copied* in, named by its
SHA-256 (``<db folder>/<db stem>.files/ab/cdef…``):

- the same file attached twice (to a customer and to its contract) is stored once;
- a stored file never changes (it is made read-only), so backups may hard-link it;
- a copy is written to a temporary file and renamed into place, so a full disk or an
  unreadable source leaves nothing half-written under a real name;
- a file that went missing (restored from an old backup, deleted by hand) is reported as
  missing by :meth:`DocumentStore.has`; nothing here raises on it.

The database row (:mod:`kamdesk.store.ops.documents`) and the file are written in an
order that leaves no orphan: the file first, then the row; a failed row removes the file
it had just added. Removing the last row that uses a file sets the file aside
(``removed/``) rather than deleting it, so Undo can bring it back; the set-aside copy is
dropped once the undo is given up (:meth:`DocumentStore.discard_set_aside`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kamdesk.paths import app_paths, is_url
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.documents import (
    MAX_DOCUMENT_BYTES,
    RemovedDocument,
    attach_document,
    remove_document,
    restore_document,
)

CHUNK = 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
#: folders inside the store that hold no blobs (blobs live in two-hex-digit folders)
SET_ASIDE = "removed"
VIEWS = "view"
TEMP = "tmp"

#: ``db.write`` or a GUI runner: ``write(op, *args, **kwargs) -> Changes | None``
#: (None when the write failed and the user has already been told).
Writer = Callable[..., "Changes | None"]


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size_bytes: int
    #: True if this call added the file (False: the same content was already stored)
    added: bool


def files_folder_for(db_file: str | Path) -> Path:
    """``<folder>/<stem>.files`` beside a database file (the live one or a backup)."""
    p = Path(db_file)
    return p.with_name(p.stem + ".files")


def store_for_database(location: str) -> DocumentStore:
    """The document store of the database at ``location`` (a path or an SQLAlchemy URL).

    A file database keeps its documents beside it, so copying the two together copies
    everything; a server database keeps them in the user's data folder."""
    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///"):]
    if is_url(location):
        return DocumentStore(app_paths().data_dir / "documents")
    return DocumentStore(files_folder_for(location))


class DocumentStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # -- where things are ------------------------------------------------------------
    def path(self, sha256: str) -> Path:
        """Where the file with this SHA-256 is (or would be) stored."""
        if not _SHA.match(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        """True if the file is there; a missing file is an answer, never an error."""
        try:
            return self.path(sha256).is_file()
        except (OSError, ValueError):
            return False

    def blobs(self) -> Iterator[str]:
        """The SHA-256 of every stored file."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if len(folder.name) != 2 or not folder.is_dir():
                continue
            for f in sorted(folder.iterdir()):
                if _SHA.match(folder.name + f.name):
                    yield folder.name + f.name

    # -- adding ----------------------------------------------------------------------
    def put(self, source: str | Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> StoredFile:
        """Copy ``source`` in (once per content) and say under which SHA-256.

        Raises ValidationError('file', 'too_large' | 'unreadable') for a file the user
        must change, OSError (e.g. ENOSPC) when the store cannot be written; in every
        failure nothing is left behind.
        """
        src = Path(source)
        try:
            if not src.is_file():
                raise ValidationError("file", "unreadable", str(src))
            if src.stat().st_size > max_bytes:
                raise ValidationError("file", "too_large", str(src))
            reader = open(src, "rb")  # noqa: SIM115 - closed below, errors told apart
        except OSError as exc:
            raise ValidationError("file", "unreadable", str(exc)) from exc
        (self.root / TEMP).mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root / TEMP, prefix="put-")
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            with reader, os.fdopen(fd, "wb") as out:
                while True:
                    try:
                        chunk = reader.read(CHUNK)
                    except OSError as exc:
                        raise ValidationError("file", "unreadable", str(exc)) from exc
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > max_bytes:  # grew while we read it
                        raise ValidationError("file", "too_large", str(src))
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.is_file():
                return StoredFile(sha, size, added=False)
            final.parent.mkdir(parents=True, exist_ok=True)
            _read_only(tmp)
            os.replace(tmp, final)
            return StoredFile(sha, size, added=True)
        finally:
            if tmp.exists():
                _unlink(tmp)

    def adopt(self, blob: Path, sha256: str) -> bool:
        """Copy a stored file from another store (a backup) if this one lacks it and its
        content still matches its name; True if the file is now here."""
        if self.has(sha256):
            return True
        try:
            got = self.put(blob, max_bytes=2**62)
        except ValidationError:
            return False
        if got.sha256 != sha256:  # damaged in the backup: never store it under a wrong name
            if got.added:
                self.delete(got.sha256)
            return False
        return True

    # -- removing ----------------------------------------------------------------------
    def delete(self, sha256: str) -> None:
        """Delete a stored file for good (no error if it is already gone)."""
        target = self.path(sha256)
        if target.exists():
            _unlink(target)
            _remove_empty(target.parent)

    def set_aside(self, sha256: str) -> None:
        """Move a file no row uses any more out of the store, where Undo can find it."""
        target = self.path(sha256)
        if not target.exists():
            return
        aside = self.root / SET_ASIDE
        aside.mkdir(parents=True, exist_ok=True)
        os.replace(target, aside / sha256)
        _remove_empty(target.parent)

    def take_back(self, sha256: str) -> None:
        """Put a set-aside file back (Undo of a removal)."""
        aside = self.root / SET_ASIDE / sha256
        if not aside.exists():
            return
        if self.has(sha256):  # attached again meanwhile: the store already has it
            _unlink(aside)
            return
        self.path(sha256).parent.mkdir(parents=True, exist_ok=True)
        os.replace(aside, self.path(sha256))

    def is_set_aside(self, sha256: str) -> bool:
        return (self.root / SET_ASIDE / sha256).exists()

    def discard_set_aside(self, sha256: str) -> None:
        """The undo of a removal was given up: delete its set-aside file."""
        aside = self.root / SET_ASIDE / sha256
        if aside.exists():
            _unlink(aside)

    def collect_garbage(self, used: Iterable[str]) -> int:
        """Delete stored files no row uses, everything set aside and the viewer links;
        returns how many stored files went. For a tidy-up when no undo is pending."""
        keep = set(used)
        gone = 0
        for sha in list(self.blobs()):
            if sha not in keep:
                self.delete(sha)
                gone += 1
        for folder in (SET_ASIDE, VIEWS, TEMP):
            shutil.rmtree(self.root / folder, ignore_errors=True)
        return gone

    # -- opening -----------------------------------------------------------------------
    def viewable_path(self, sha256: str, name: str) -> Path | None:
        """The stored file under the name the user knows it by, for the system viewer
        (which picks the program from the extension). A hard link to the stored file
        where the disk allows it, else a read-only copy; None if the file is missing."""
        source = self.path(sha256)
        if not source.is_file():
            return None
        folder = self.root / VIEWS / sha256[:16]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / safe_file_name(name)
        if target.exists():
            try:
                if target.samefile(source):
                    return target
            except OSError:
                pass
            _unlink(target)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
            _read_only(target)
        return target


def safe_file_name(name: str) -> str:
    """A name the file system accepts: no folders, no characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip().strip(".")
    return cleaned[:200] or "document"


def _read_only(path: Path) -> None:
    os.chmod(path, stat.S_IRUSR)  # read-only, and only for the user (kamdesk.privacy)


def _unlink(path: Path) -> None:
    try:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)  # Windows refuses to delete read-only
    except OSError:
        pass
    path.unlink(missing_ok=True)


def _remove_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (or gone): fine


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno == errno.ENOSPC


# -- the file and its row, in an order that leaves no orphan ------------------------------
def attach_file(store: DocumentStore, write: Writer, source: str | Path, *, customer_id: int,
                contract_id: int | None = None, interaction_id: int | None = None,
                name: str | None = None, notes: str | None = None,
                now: datetime | None = None) -> Changes | None:
    """Copy ``source`` into the store, then record it; ``value`` is the new document id.

    The file goes first: a failed copy raises before any row exists. If the row then
    fails (or ``write`` reports failure with None), a file this call added is deleted
    again, so no stored file is left that no row uses."""
    stored = store.put(source)
    kwargs: dict[str, Any] = dict(
        customer_id=customer_id, contract_id=contract_id, interaction_id=interaction_id,
        name=name or Path(source).name, sha256=stored.sha256, size_bytes=stored.size_bytes,
        notes=notes, now=now)
    try:
        changes = write(attach_document, **kwargs)
    except BaseException:
        if stored.added:
            store.delete(stored.sha256)
        raise
    if changes is None and stored.added:
        store.delete(stored.sha256)
    return changes


def remove_file(store: DocumentStore, write: Writer, document_id: int, *,
                expected_version: int | None = None) -> Changes | None:
    """Remove a document; if no other row uses its file, the file is set aside (Undo can
    bring it back, :func:`undo_remove`). ``value`` is the :class:`RemovedDocument`.
    ``expected_version`` (the version the list read) makes a removal of a document
    someone changed meanwhile a conflict (see :func:`remove_document`)."""
    changes = write(remove_document, document_id, expected_version=expected_version)
    if changes is not None:
        removed: RemovedDocument = changes.value
        if removed.last_use:
            store.set_aside(removed.sha256)
    return changes


def undo_remove(store: DocumentStore, write: Writer, removed: RemovedDocument) -> Changes | None:
    """Put a removed document back, its file first."""
    store.take_back(removed.sha256)
    try:
        changes = write(restore_document, removed.snapshot)
    except BaseException:
        if removed.last_use:
            store.set_aside(removed.sha256)
        raise
    if changes is None and removed.last_use:
        store.set_aside(removed.sha256)
    return changes


def forget_removal(store: DocumentStore, removed: RemovedDocument) -> None:
    """The undo of ``removed`` will not happen: its set-aside file can go for good."""
    if removed.last_use:
        store.discard_set_aside(removed.sha256)
