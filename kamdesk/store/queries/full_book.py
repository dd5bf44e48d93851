"""Reading the whole book, table by table, for the full export (:mod:`kamdesk.io.full_export`).

Every table of the schema is read, in the order its rows can be inserted again (a
table after the tables it refers to), except what is derived from the others and
rebuilt after an import: the figures (``customer_metrics``, recomputed), the search
index (FTS tables, not in the model) and two ``app_settings`` stamps that say when
those were last rebuilt. ``tier_changes`` *is* exported: it is the history of past
recomputes, which no recompute can give back.

Values are turned into JSON's types by their column type, so the file does not depend
on how SQLite happens to store them: dates and datetimes as ISO text, fixed-point
numbers (``Numeric``) as decimal text (exact), booleans as true/false, JSON columns as
their JSON value. Rows come in primary-key order, so two exports of the same book
are the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, func, select

from kamdesk.store.models import Base

__all__ = ["DERIVED_SETTINGS", "DERIVED_TABLES", "TableRows", "book_tables", "json_value",
           "non_empty_tables", "read_table_rows", "schema_revision", "used_document_files"]

#: tables rebuilt from the others after an import (left out of the export)
DERIVED_TABLES = frozenset({"customer_metrics"})
#: app_settings keys that stamp a rebuild of derived data (rewritten by the rebuild)
DERIVED_SETTINGS = frozenset({"search_index_version", "metrics_recomputed"})


@dataclass(frozen=True)
class TableRows:
    name: str
    columns: tuple[str, ...]
    rows: list[list[Any]]


def book_tables() -> list[Table]:
    """The exported tables in insertion order (referred tables first)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED_TABLES]


def json_value(value: Any) -> Any:
    """A column value as JSON holds it (see the module's note)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def read_table_rows(conn: Connection, table: Table) -> TableRows:
    """Every row of ``table`` in primary-key order, values as JSON holds them."""
    columns = tuple(c.name for c in table.columns)
    query = select(*table.columns).order_by(*table.primary_key.columns)
    if table.name == "app_settings":
        query = query.where(table.c.key.not_in(sorted(DERIVED_SETTINGS)))
    rows = [[json_value(v) for v in row] for row in conn.execute(query)]
    return TableRows(table.name, columns, rows)


def non_empty_tables(conn: Connection) -> list[str]:
    """The book's tables that hold rows (``app_settings`` aside: a new book has some)."""
    names = []
    for table in Base.metadata.sorted_tables:
        if table.name == "app_settings":
            continue
        if conn.execute(select(func.count()).select_from(table)).scalar_one():
            names.append(table.name)
    return names


def used_document_files(conn: Connection) -> list[str]:
    """The SHA-256 of every stored file a document row uses."""
    docs = Base.metadata.tables["documents"]
    return list(conn.execute(select(docs.c.sha256).distinct().order_by(docs.c.sha256)).scalars())


def schema_revision(conn: Connection) -> str | None:
    from kamdesk.store.migrate import current_revision

    return current_revision(conn)
