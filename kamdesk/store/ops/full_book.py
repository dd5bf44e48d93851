"""Loading a whole book into an empty database: the write half of the full export
(:mod:`kamdesk.io.full_export` reads the file, :mod:`kamdesk.store.queries.full_book`
says what a book's tables are).

Rows go in with their own ids, so every relation between them holds as it did. Tables
come in insertion order (referred tables first); a reference to a row that may come
later (``people.reports_to_id``, ``contracts.previous_contract_id``: a table that refers
to itself) is written empty first and filled in once every row of the table is in, so
foreign keys are never violated on the way. Then the derived data is rebuilt as always:
the search index (:func:`rebuild_search_index`) and the figures
(:func:`recompute_all_metrics`). One transaction: a failure leaves the book empty.

Only an empty book is loaded (``ValidationError('book', 'book_not_empty')``): merging two
books with the same ids has no faithful meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, DateTime, Numeric, Table, bindparam, text, update
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes, tables
from kamdesk.store.ops.metrics import recompute_all_metrics
from kamdesk.store.ops.search_index import rebuild_search_index
from kamdesk.store.queries.full_book import DERIVED_SETTINGS, book_tables, non_empty_tables

__all__ = ["BookRows", "load_full_book"]

_BATCH = 5000


@dataclass(frozen=True)
class BookRows:
    """One table as the file holds it: column names and rows of JSON values."""

    columns: tuple[str, ...]
    rows: Sequence[Sequence[Any]]


def column_value(column: Column[Any], value: Any) -> Any:
    """A JSON value back as the column's Python type (the reverse of ``json_value``)."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Numeric) and kind.asdecimal:
        return Decimal(str(value))
    return value


def _later_references(table: Table, order: dict[str, int]) -> list[str]:
    """Columns of ``table`` referring to a table not yet loaded when it is (itself)."""
    return sorted({fk.parent.name for fk in table.foreign_keys
                   if order.get(fk.column.table.name, -1) >= order[table.name]})


def load_full_book(session: Session, book: Mapping[str, BookRows], today: date,
                   now: datetime | None = None) -> Changes:
    """Insert every table of ``book`` (name -> rows) into this empty database, then
    rebuild the search index and recompute the figures for ``today``.

    ``value`` is {table: rows inserted}. A table or column this schema does not have is
    refused (``ValidationError('book', 'invalid_choice', name)``); columns the file lacks
    (made by an older schema) take their defaults.
    """
    conn = session.connection()
    if non_empty_tables(conn):
        raise ValidationError("book", "book_not_empty", ", ".join(non_empty_tables(conn)))
    loadable = book_tables()
    order = {t.name: i for i, t in enumerate(loadable)}
    unknown = sorted(set(book) - set(order))
    if unknown:
        raise ValidationError("book", "invalid_choice", ", ".join(unknown))
    changes = Changes()
    counts: dict[str, int] = {}
    for table in loadable:
        data = book.get(table.name)
        if data is None or not data.rows:
            continue
        strange = [c for c in data.columns if c not in table.c]
        if strange:
            raise ValidationError("book", "invalid_choice",
                                  f"{table.name}: {', '.join(strange)}")
        if table.name == "app_settings":
            changes |= _load_settings(conn, data)
            counts[table.name] = len(data.rows)
            continue
        later = [c for c in _later_references(table, order) if c in data.columns]
        columns = [table.c[name] for name in data.columns]
        held = [data.columns.index(name) for name in later]
        rows = []
        for raw in data.rows:
            values = [column_value(col, v) for col, v in zip(columns, raw, strict=True)]
            for i in held:
                values[i] = None
            rows.append(tuple(values))
        for start in range(0, len(rows), _BATCH):
            insert_rows(session, table, data.columns, rows[start:start + _BATCH])
        if later:
            _fill_later_references(session, table, data, later)
        counts[table.name] = len(rows)
        # Bulk: the ids are every id of the table, which was empty before.
        changes |= tables(table.name)
    changes |= rebuild_search_index(session)
    changes |= recompute_all_metrics(session, today, now)
    return changes.with_value(counts)


def _fill_later_references(session: Session, table: Table, data: BookRows,
                           later: list[str]) -> None:
    keys = [c.name for c in table.primary_key.columns]
    key_at = [data.columns.index(k) for k in keys]
    for name in later:
        at = data.columns.index(name)
        params = [{**{f"k_{k}": raw[i] for k, i in zip(keys, key_at, strict=True)},
                   "v": column_value(table.c[name], raw[at])}
                  for raw in data.rows if raw[at] is not None]
        if not params:
            continue
        where = [table.c[k] == bindparam(f"k_{k}") for k in keys]
        # a column stamped on update (updated_at) keeps the file's value
        kept = {c.name: c for c in table.columns if c.onupdate is not None}
        session.execute(update(table).where(*where).values({**kept, name: bindparam("v")}),
                        params)


def _load_settings(conn: Any, data: BookRows) -> Changes:
    """The file's settings replace the new book's (never the rebuild stamps)."""
    key_at, value_at = data.columns.index("key"), data.columns.index("value")
    for raw in data.rows:
        key = raw[key_at]
        if key in DERIVED_SETTINGS:
            continue
        conn.execute(text("DELETE FROM app_settings WHERE key = :k"), {"k": key})
        conn.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                     {"k": key, "v": raw[value_at]})
    return tables("app_settings")
