"""Putting back indexes a book lost.

Until this build, a recompute that rewrote the whole metrics table dropped its indexes
outside the transaction (Python's sqlite3 commits DDL issued before any DML at once):
when that rewrite then failed or was rolled back, the book kept its rows but not their
indexes, and every sorted page of the customer list read the whole table from then on.
Opening a book now creates any index the models define that the file lacks (SQLite
only; a server book's indexes are the migrations' and ``sort_indexes_pg``'s).
"""

from __future__ import annotations

from sqlalchemy import Connection, Index

__all__ = ["missing_indexes", "restore_indexes"]


def missing_indexes(conn: Connection) -> list[Index]:
    """The indexes of the models that an SQLite book does not have."""
    from kamdesk.store.models import Base

    if conn.dialect.name != "sqlite":
        return []
    present = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    tables = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [index for table in Base.metadata.sorted_tables if table.name in tables
            for index in sorted(table.indexes, key=lambda i: str(i.name))
            if index.name not in present]


def restore_indexes(conn: Connection) -> list[str]:
    """Create the missing indexes in the caller's transaction; their names."""
    missing = missing_indexes(conn)
    for index in missing:
        index.create(conn)  # known missing: no reflection (it skips expression indexes)
    return [str(index.name) for index in missing]
