"""Writing the documents list (附件): attach, rename / notes, remove and undo.

Only the rows live here. The files themselves are copied in by
:mod:`kamdesk.io.document_store` (the store may not touch the file system of the app's
data folder: it knows nothing of where that is), which calls these operations after the
file is safely stored, and sets a file aside once :func:`remove_document` says its last
row went (``RemovedDocument.last_use``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Contract, Customer, Document, DocumentContent, Interaction
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import check_loaded, stale_guard

#: the largest file a user may attach (100 MB): bigger files belong in a file server
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
MAX_NAME = 300
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class RemovedDocument:
    """What :func:`restore_document` needs to put a removed document back."""

    snapshot: dict[str, Any]
    sha256: str
    #: no other row uses the file: the caller may set the file aside
    last_use: bool


def _clean_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "required")
    if len(name) > MAX_NAME:
        raise ValidationError("name", "too_long")
    return name


def _clean_notes(notes: str | None) -> str | None:
    return (notes or "").strip() or None


def _check_links(session: Session, customer_id: int, contract_id: int | None,
                 interaction_id: int | None) -> None:
    """A document belongs to one customer; its contract or contact must be that
    customer's too (a scan filed under another customer's contract is lost)."""
    if not customer_id or session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    if contract_id is not None:
        contract = session.get(Contract, contract_id)
        if contract is None or contract.customer_id != customer_id:
            raise ValidationError("contract", "invalid_choice")
    if interaction_id is not None:
        inter = session.get(Interaction, interaction_id)
        if inter is None or inter.customer_id != customer_id:
            raise ValidationError("interaction", "invalid_choice")


def attach_document(session: Session, *, customer_id: int, name: str, sha256: str,
                    size_bytes: int, contract_id: int | None = None,
                    interaction_id: int | None = None, notes: str | None = None,
                    now: datetime | None = None) -> Changes:
    """Record a stored file as a document of a customer (and optionally of one of its
    contracts or contacts); ``value`` is the new document's id."""
    _check_links(session, customer_id, contract_id, interaction_id)
    clean = _clean_name(name)
    if not isinstance(sha256, str) or not _SHA.match(sha256):
        raise ValidationError("file", "invalid_choice")
    if size_bytes < 0:
        raise ValidationError("file", "out_of_range")
    if size_bytes > MAX_DOCUMENT_BYTES:
        raise ValidationError("file", "too_large")
    doc = Document(customer_id=customer_id, contract_id=contract_id,
                   interaction_id=interaction_id, name=clean, sha256=sha256,
                   size_bytes=size_bytes, added_at=(now or datetime.now()).replace(microsecond=0),
                   notes=_clean_notes(notes))
    session.add(doc)
    session.flush()
    return Changes.of("documents", doc.id).with_value(doc.id)


def update_document(session: Session, document_id: int, *, name: str | None = None,
                    notes: str | None = None, expected_version: int | None = None) -> Changes:
    """Rename a document and/or change its notes (``None`` leaves a field as it is;
    empty notes clear them). The stored file is untouched. With ``expected_version``
    (the version the list read), a document changed by someone else since raises
    :class:`~kamdesk.store.errors.ConflictError`."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise ValidationError("document", "required")
    mine: dict[str, Any] = {}
    if name is not None:
        mine["name"] = _clean_name(name)
    if notes is not None:
        mine["notes"] = _clean_notes(notes)
    check_loaded(doc, expected_version, mine)
    with stale_guard(session, Document, document_id, expected_version, mine):
        for key, value in mine.items():
            setattr(doc, key, value)
        session.flush()
    return Changes.of("documents", doc.id)


def _uses(session: Session, sha256: str) -> int:
    return int(session.scalar(
        select(func.count()).select_from(Document).where(Document.sha256 == sha256)) or 0)


def remove_document(session: Session, document_id: int, *,
                    expected_version: int | None = None) -> Changes:
    """Remove a document's row; ``value`` is a :class:`RemovedDocument` (for undo, and
    to tell the caller whether the file is now unused). With ``expected_version``, a
    document changed by someone else since raises
    :class:`~kamdesk.store.errors.ConflictError` (``deleting``)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise ValidationError("document", "required")
    check_loaded(doc, expected_version, {}, deleting=True)
    snapshot = {c.key: getattr(doc, c.key) for c in Document.__table__.columns}
    sha = doc.sha256
    with stale_guard(session, Document, document_id, expected_version, {}, deleting=True):
        session.delete(doc)
        session.flush()
    return Changes.of("documents", document_id).with_value(
        RemovedDocument(snapshot, sha, last_use=_uses(session, sha) == 0))


def restore_document(session: Session, snapshot: dict[str, Any]) -> Changes:
    """Put a removed document back with its old id (undo). Its contract or contact may
    have gone meanwhile; the document then stays with the customer alone."""
    data = dict(snapshot)
    if session.get(Customer, data["customer_id"]) is None:
        raise ValidationError("customer", "required")
    if data.get("contract_id") is not None and session.get(Contract, data["contract_id"]) is None:
        data["contract_id"] = None
    if (data.get("interaction_id") is not None
            and session.get(Interaction, data["interaction_id"]) is None):
        data["interaction_id"] = None
    doc = Document(**data)
    session.add(doc)
    session.flush()
    return Changes.of("documents", doc.id).with_value(doc.id)


# -- the bytes of attached files, on a book that lives on a server (migration 0014) ----
def store_document_content(session: Session, sha256: str, content: bytes) -> Changes:
    """Keep the bytes of an attached file in the database (a server book: every
    colleague must be able to open it). Once per content; ``value`` is True if this call
    added it. The caller has checked that ``content`` hashes to ``sha256``."""
    if not isinstance(sha256, str) or not _SHA.match(sha256):
        raise ValidationError("file", "invalid_choice")
    if session.get(DocumentContent, sha256) is not None:
        return Changes().with_value(False)
    session.add(DocumentContent(sha256=sha256, content=content))
    session.flush()
    return Changes.of("document_contents").with_value(True)


def drop_unused_document_content(session: Session, sha256: str) -> Changes:
    """Delete the stored bytes ``sha256`` if no document row uses them any more;
    ``value`` is True if they went."""
    if _uses(session, sha256):
        return Changes().with_value(False)
    found = session.get(DocumentContent, sha256)
    if found is None:
        return Changes().with_value(False)
    session.delete(found)
    session.flush()
    return Changes.of("document_contents").with_value(True)
