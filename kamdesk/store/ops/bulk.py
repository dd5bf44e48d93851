"""Inserting many rows fast, for the bulk operations (imports of 100k customers).

A Core ``insert(table)`` with a list of dicts spends ~15 µs a row building parameters;
at 100k rows a table that is most of an import. Here the statement is built once from
the table's own columns, each column's bind processor (dates, datetimes) is looked up
once and applied only where there is one, and the driver's ``executemany`` takes plain
tuples. Other databases than SQLite get the ordinary Core insert.

:func:`bulk_load` gives SQLite a page cache big enough for the indexes of 100k new
rows for the length of an import (the default 2 MB spills and rereads pages many
times over); it changes nothing on disk and nothing about what a commit makes durable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

#: the page cache (KiB) an import runs with: the indexes of 100k customers fit in it
BULK_CACHE_KIB = 262_144


#: a bulk insert this large into a table holding no more rows builds its indexes after
BULK_INDEX_ROWS = 10_000


def _connection(conn: Connection | Session) -> Connection:
    return conn.connection() if isinstance(conn, Session) else conn


def _in_transaction(connection: Connection) -> bool:
    return bool(getattr(connection.connection.dbapi_connection, "in_transaction", False))


@contextmanager
def bulk_load(conn: Connection | Session, cache_kib: int = BULK_CACHE_KIB,
              write: bool = True) -> Iterator[None]:
    """Run a bulk write with a large SQLite page cache, then give the memory back.

    ``PRAGMA cache_size`` is a per-connection memory setting: no effect on the file,
    the journal or durability, allowed inside the caller's transaction. With ``write``
    the caller's transaction is opened now (``BEGIN IMMEDIATE``, if the driver has not
    opened it yet), so every statement of the import — the reads it matches against
    and :func:`indexes_set_aside` included — is inside the one transaction the caller
    commits or rolls back."""
    connection = _connection(conn)
    if connection.dialect.name != "sqlite":
        yield
        return
    if write and not _in_transaction(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    if before is not None and int(before) < 0 and -int(before) >= cache_kib:
        yield  # already at least this large
        return
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(cache_kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")


def insert_rows(session: Session, table: Table, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        session.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    processors = [(i, p) for i, name in enumerate(columns)
                  if (p := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
                  is not None]
    if processors:
        # The same value repeats down a column (every row's created_at is one stamp):
        # format it once per run of equal values, not once per row.
        last: dict[int, tuple[Any, Any]] = {}
        converted = []
        for row in rows:
            values = list(row)
            for i, process in processors:
                value = values[i]
                if value is None:
                    continue
                seen = last.get(i)
                if seen is not None and seen[0] == value:
                    values[i] = seen[1]
                else:
                    values[i] = process(value)
                    last[i] = (value, values[i])
            converted.append(tuple(values))
        rows = converted
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))


@contextmanager
def indexes_set_aside(conn: Connection | Session, table: str, adding: int) -> Iterator[None]:
    """Around a bulk insert of ``adding`` rows into ``table`` (SQLite, at least
    :data:`BULK_INDEX_ROWS`, the table holding no more rows than that): drop the
    table's secondary indexes and build them again from their stored definitions after
    the insert. Building an index from all its keys at once is several times cheaper
    than inserting 100k keys one by one. Only inside an open transaction, so a failure
    leaves the old indexes in place; unique indexes stay (they check the insert)."""
    connection = _connection(conn)
    if (connection.dialect.name != "sqlite" or adding < BULK_INDEX_ROWS
            or not _in_transaction(connection)):
        yield
        return
    ex = connection.exec_driver_sql
    held = int(ex(f'SELECT count(*) FROM "{table}"').scalar() or 0)
    if held > adding:
        yield
        return
    indexes = [(name, sql) for name, sql in ex(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).fetchall()
        if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in indexes:
        ex(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _name, sql in indexes:
            ex(sql)
