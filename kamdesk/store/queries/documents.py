"""Reading the documents list (附件) of a customer, a contract or a contact, as plain rows.

Each row carries what the list shows (name, size, date) and what it is attached to
(the contract's number, the contact's topic), so the panel needs no second query.
Whether the file itself is still there is the file store's answer
(:mod:`kamdesk.io.document_store`), not the database's; a server book keeps the bytes in
``document_contents`` (:func:`document_content`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Select, func, select

from kamdesk.store.models import Contract, Document, DocumentContent, Interaction

_D = Document.__table__.c
_K = Contract.__table__.c
_I = Interaction.__table__.c
_BYTES = DocumentContent.__table__.c


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    customer_id: int
    contract_id: int | None
    interaction_id: int | None
    name: str
    sha256: str
    size_bytes: int
    added_at: datetime
    notes: str | None
    contract_number: str | None = None
    interaction_topic: str | None = None
    #: what an edit names as the version it read (ops.versions); not part of the content
    version: int = field(default=1, compare=False)


def _rows(conn: Connection, where: object) -> list[DocumentRow]:
    stmt: Select = (
        select(_D.id, _D.customer_id, _D.contract_id, _D.interaction_id, _D.name, _D.sha256,
               _D.size_bytes, _D.added_at, _D.notes, _K.number, _I.topic,
               _D.version)
        .outerjoin(Contract.__table__, _K.id == _D.contract_id)
        .outerjoin(Interaction.__table__, _I.id == _D.interaction_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(_D.added_at.desc(), _D.id.desc()))
    return [DocumentRow(*r) for r in conn.execute(stmt)]


def documents_of_customer(conn: Connection, customer_id: int) -> list[DocumentRow]:
    """All of a customer's documents, its contracts' and contacts' included; newest first."""
    return _rows(conn, _D.customer_id == customer_id)


def documents_of_contract(conn: Connection, contract_id: int) -> list[DocumentRow]:
    return _rows(conn, _D.contract_id == contract_id)


def documents_of_interaction(conn: Connection, interaction_id: int) -> list[DocumentRow]:
    return _rows(conn, _D.interaction_id == interaction_id)


def documents_for(conn: Connection, customer_id: int, contract_id: int | None = None,
                  interaction_id: int | None = None) -> list[DocumentRow]:
    """The list a documents panel shows: a contact's, else a contract's, else the
    customer's whole list."""
    if interaction_id is not None:
        return documents_of_interaction(conn, interaction_id)
    if contract_id is not None:
        return documents_of_contract(conn, contract_id)
    return documents_of_customer(conn, customer_id)


def blob_uses(conn: Connection, sha256: str) -> int:
    """How many documents use the stored file ``sha256``."""
    return int(conn.execute(select(func.count()).where(_D.sha256 == sha256)).scalar() or 0)


def used_blobs(conn: Connection) -> set[str]:
    """Every stored file some document uses (what a backup must carry)."""
    return {r[0] for r in conn.execute(select(_D.sha256).distinct())}


def document_content(conn: Connection, sha256: str) -> bytes | None:
    """The bytes a server book keeps of the attached file ``sha256`` (None: not there)."""
    value = conn.execute(select(_BYTES.content).where(_BYTES.sha256 == sha256)).scalar()
    return bytes(value) if value is not None else None


def has_document_content(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(_BYTES.sha256).where(_BYTES.sha256 == sha256)).first() is not None
