"""Inserting many rows fast, for the bulk operations (imports of 100k customers).

A Core ``insert(table)`` with a list of dicts spends ~15 µs a row building parameters;
at 100k rows a table that is most of an import. Here the statement is built once from
the table's own columns, each column's bind processor (dates, datetimes) is looked up
once and applied only where there is one, and the driver's ``executemany`` takes plain
tuples. Other databases than SQLite get the ordinary Core insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


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
