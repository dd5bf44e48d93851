"""Import batches: what each import inserted and overwrote, so it can be undone as a whole."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base

BATCH_ROW_ACTIONS = ("insert", "update")


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(16))
    inserted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportBatchRow(Base):
    """One row an import inserted, or one row it updated with the values it had before
    (``before_json``: column → old value, only the columns the import changed)."""

    __tablename__ = "import_batch_rows"
    __table_args__ = (
        CheckConstraint("action IN ('insert','update')", name="action"),
        Index("ix_import_batch_rows_batch", "batch_id"),
        Index("ix_import_batch_rows_row", "table_name", "row_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), nullable=False
    )
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))
    before_json: Mapped[str | None] = mapped_column(Text)
