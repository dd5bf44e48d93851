"""Moving the attached files' bytes with the book.

A document row holds only the file's SHA-256; the bytes are in the source's document
folder (:func:`kamdesk.io.document_store.store_for_database`) or, for a server source,
its ``document_contents``. They go where the target's app looks for them: into the
target's ``document_contents`` on a server (in the batch's transaction, so a resumed
transfer never writes a file twice), into the folder beside the book for an SQLite
target (content-addressed: a file written again is the same file).

A file the source's rows name but its folder lacks (deleted by hand, restored from an
old backup) cannot be moved; it is listed in the report, and the rows still move.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select

from kamdesk.io.book_transfer import ledger
from kamdesk.io.book_transfer.copier import CopyRun
from kamdesk.io.document_store import DocumentStore
from kamdesk.store.models import Base

__all__ = ["DocumentCounts", "copy_documents", "count_documents", "source_bytes"]

_DOCS = Base.metadata.tables["documents"]
_BYTES = Base.metadata.tables["document_contents"]
_STEP = "documents"
#: files per committed batch (each may be up to 100 MB)
FILES_PER_BATCH = 20


@dataclass(frozen=True)
class DocumentCounts:
    source: int
    target: int
    missing: list[str] = field(default_factory=list)


def used_files(conn: Connection) -> list[str]:
    return list(conn.execute(select(_DOCS.c.sha256).distinct().order_by(_DOCS.c.sha256))
                .scalars())


def source_bytes(source: Engine, store: DocumentStore, sha256: str) -> bytes | None:
    """The bytes of ``sha256`` in the source, checked against their name; None if lost."""
    content: bytes | None = None
    if store.has(sha256):
        content = store.path(sha256).read_bytes()
    else:
        with source.connect() as conn:
            found = conn.execute(select(_BYTES.c.content)
                                 .where(_BYTES.c.sha256 == sha256)).scalar()
        content = bytes(found) if found is not None else None
    if content is None or hashlib.sha256(content).hexdigest() != sha256:
        return None
    return content


def _has_bytes(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(_BYTES.c.sha256).where(_BYTES.c.sha256 == sha256)).first() \
        is not None


def copy_documents(run: CopyRun, source_store: DocumentStore,
                   target_store: DocumentStore | None) -> list[str]:
    """Copy every file the source's documents use; ``target_store`` None means the
    target keeps them in ``document_contents``. Returns the files the source lacks."""
    with run.source.connect() as src:
        todo = used_files(src)  # every time: a file attached between two runs moves too
    missing: list[str] = []
    done = False
    while not done:
        batch = todo[:FILES_PER_BATCH]
        todo = todo[FILES_PER_BATCH:]
        done = not todo
        with run.batch() as conn:
            for sha in batch:
                there = (_has_bytes(conn, sha) if target_store is None
                         else target_store.has(sha))
                if there:
                    continue
                content = source_bytes(run.source, source_store, sha)
                if content is None:
                    missing.append(sha)
                elif target_store is None:
                    conn.execute(insert(_BYTES).values(sha256=sha, content=content))
                else:
                    _write_blob(target_store, sha, content)
            ledger.save_step(conn, _STEP, batch[-1] if batch else None, done)
        run.committed(_STEP, len(batch))
    return missing


def _write_blob(store: DocumentStore, sha256: str, content: bytes) -> None:
    """Put checked bytes into a document folder under their SHA-256."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blob"
        path.write_bytes(content)
        store.adopt(path, sha256)


def count_documents(source: Engine, source_store: DocumentStore, target: Engine,
                    target_store: DocumentStore | None) -> DocumentCounts:
    """Files the source's documents use and has, against those the target has."""
    with source.connect() as conn:
        wanted = used_files(conn)
    missing = [s for s in wanted if not source_store.has(s)]
    if missing:
        with source.connect() as conn:
            missing = [s for s in missing if not _has_bytes(conn, s)]
    if target_store is None:
        with target.connect() as conn:
            there = sum(1 for s in wanted if _has_bytes(conn, s))
    else:
        there = sum(1 for s in wanted if target_store.has(s))
    return DocumentCounts(len(wanted) - len(missing), there, missing)
