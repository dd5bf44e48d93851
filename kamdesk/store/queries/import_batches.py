"""The recorded imports, newest first (``kamdesk imports``, File ▸ Undo last import…)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

__all__ = ["ImportBatchRow", "last_undoable_batch", "list_batches"]


@dataclass(frozen=True)
class ImportBatchRow:
    id: int
    started_at: datetime
    file_name: str
    kind: str
    inserted: int
    updated: int
    undone_at: datetime | None


def _moment(v: object) -> datetime | None:
    return None if v is None else datetime.fromisoformat(str(v))


def list_batches(conn: Connection, limit: int = 100) -> list[ImportBatchRow]:
    return [ImportBatchRow(r[0], _moment(r[1]), r[2], r[3], r[4], r[5],  # type: ignore[arg-type]
                           _moment(r[6])) for r in conn.execute(sql_text(
        "SELECT id, started_at, file_name, kind, inserted, updated, undone_at "
        "FROM import_batches ORDER BY id DESC LIMIT :n"), {"n": limit})]


def last_undoable_batch(conn: Connection) -> ImportBatchRow | None:
    """The newest import not undone yet."""
    return next((b for b in list_batches(conn, 50) if b.undone_at is None), None)
