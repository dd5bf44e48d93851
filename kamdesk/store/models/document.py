"""A file kept with a customer, a contract or a contact (附件).

The file itself is copied into the app's data folder under its SHA-256 (content
addressed: the same file attached twice is stored once, and a renamed or moved original
never breaks the link); this row holds the name the user knows it by and what it is for.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base, Versioned


class Document(Versioned, Base):
    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_customer", "customer_id"),
        Index("ix_documents_contract", "contract_id"),
        Index("ix_documents_interaction", "interaction_id"),
        Index("ix_documents_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), nullable=False
    )
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="SET NULL"))
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    notes: Mapped[str | None] = mapped_column(Text)


class DocumentContent(Base):
    """The bytes of an attached file, keyed by SHA-256 (migration 0014). Used where the
    book lives on a server, so every colleague can open what one of them attached; a
    personal book keeps the bytes in its data folder instead."""

    __tablename__ = "document_contents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
