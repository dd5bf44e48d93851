"""Attached files of a book that lives on a server (team mode, issue #17).

A personal book keeps attached files in a folder beside it (:mod:`.document_store`). A
server book is opened from several computers, so a file one colleague attaches must
open on another's: its bytes live in the database (``document_contents``, keyed by
SHA-256). :class:`ServerDocumentStore` keeps the :class:`DocumentStore` interface the
panel and the backups use; its folder is only a local cache (the system viewer needs a
file) filled from the database on first open.

- ``put``: the file is copied into the cache (checked and hashed as always), then its
  bytes are written to the database once per content;
- ``has`` / ``viewable_path``: the database is the truth; the cache is refilled from it;
- removing the last row that uses a file keeps its bytes (Undo needs them) until the
  undo is given up (``discard_set_aside``), then they go if still unused.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.io.document_store import TEMP, DocumentStore, StoredFile, store_for_database
from kamdesk.store.ops.documents import (
    MAX_DOCUMENT_BYTES,
    drop_unused_document_content,
    store_document_content,
)
from kamdesk.store.queries.documents import document_content, has_document_content

if TYPE_CHECKING:
    from kamdesk.store.database import Database

__all__ = ["ServerDocumentStore", "cache_folder_for", "document_store_for"]


def cache_folder_for(location: str, data_dir: Path) -> Path:
    """The local cache of one server book's files (by a hash of its URL, no password)."""
    from sqlalchemy.engine import make_url

    shown = make_url(location).render_as_string(hide_password=True)
    return data_dir / "documents" / ("server-" + hashlib.sha256(shown.encode()).hexdigest()[:16])


class ServerDocumentStore(DocumentStore):
    def __init__(self, root: str | Path, db: Database) -> None:
        super().__init__(root)
        self.db = db

    def put(self, source: str | Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> StoredFile:
        cached = super().put(source, max_bytes)
        content = self.path(cached.sha256).read_bytes()
        added = bool(self.db.write(store_document_content, cached.sha256, content).value)
        return StoredFile(cached.sha256, cached.size_bytes, added=added)

    def has(self, sha256: str) -> bool:
        try:
            return bool(self.db.read(has_document_content, sha256))
        except ValueError:
            return False

    def _fill_cache(self, sha256: str) -> bool:
        if super().has(sha256):
            return True
        content = self.db.read(document_content, sha256)
        if content is None or hashlib.sha256(content).hexdigest() != sha256:
            return False
        (self.root / TEMP).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root / TEMP, prefix="get-")
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o400)
        os.replace(tmp, final)
        return True

    def viewable_path(self, sha256: str, name: str) -> Path | None:
        if not self._fill_cache(sha256):
            return None
        return super().viewable_path(sha256, name)

    def adopt(self, blob: Path, sha256: str) -> bool:
        if self.has(sha256):
            return True
        return super().adopt(blob, sha256) and self.put(self.path(sha256)).sha256 == sha256

    def delete(self, sha256: str) -> None:
        super().delete(sha256)
        self.db.write(drop_unused_document_content, sha256)

    def take_back(self, sha256: str) -> None:
        super().take_back(sha256)  # the bytes stayed in the database

    def discard_set_aside(self, sha256: str) -> None:
        super().discard_set_aside(sha256)
        self.db.write(drop_unused_document_content, sha256)


def document_store_for(db: Database) -> DocumentStore:
    """Where the attached files of the open book ``db`` are read and written: in the
    database for a server book, in the folder beside the file for a personal one
    (:func:`kamdesk.io.document_store.store_for_database`, unchanged)."""
    from kamdesk.paths import app_paths, is_url

    if is_url(db.location) and not db.is_sqlite:
        return ServerDocumentStore(cache_folder_for(db.location, app_paths().data_dir), db)
    return store_for_database(db.location)
