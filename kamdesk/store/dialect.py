"""The few places where SQLite and PostgreSQL need different SQL, in one module.

KAMDesk runs on SQLite (a personal book) and on PostgreSQL (a team's database, issue
#17). Most SQL is written as SQLAlchemy expressions and is portable as it stands; what
is not — an expression index, "insert unless it exists", booleans compared as 0/1 in
raw SQL — goes through a helper here, so code elsewhere never tests the dialect name
itself for SQL's sake (file handling, WAL and backups are another matter: those are
SQLite-only by nature and say so where they are).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine
from sqlalchemy.sql.elements import Grouping, TextClause

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def dialect_name(bind: Connection | Engine | Any) -> str:
    """``"sqlite"`` or ``"postgresql"`` (whatever the bind's dialect calls itself)."""
    return str(bind.dialect.name)


def is_sqlite(bind: Connection | Engine | Any) -> bool:
    return dialect_name(bind) == SQLITE


def is_postgresql(bind: Connection | Engine | Any) -> bool:
    return dialect_name(bind) == POSTGRESQL


class IndexExpression(TextClause):
    """A text expression for ``Index(...)`` that PostgreSQL gets in parentheses (it
    requires them around an expression in CREATE INDEX) and SQLite gets as written
    (its stored CREATE INDEX text stays what older versions wrote)."""

    def self_group(self, against: Any = None) -> Any:  # PostgreSQL's DDL calls this
        return Grouping(self)


def index_expression(sql: str) -> IndexExpression:
    return IndexExpression(sql)


def insert_or_ignore(table: str, columns: tuple[str, ...], conflict: tuple[str, ...],
                     bind: Connection) -> str:
    """``INSERT ... VALUES`` that skips a row whose ``conflict`` key already exists,
    with named parameters ``:column`` (SQLite's ``INSERT OR IGNORE``)."""
    cols = ", ".join(columns)
    values = ", ".join(f":{c}" for c in columns)
    if is_sqlite(bind):
        return f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({values})"
    return (f"INSERT INTO {table} ({cols}) VALUES ({values}) "
            f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING")


@lru_cache(maxsize=256)
def _format_placeholders(sql: str) -> str:
    """``sql`` with its qmark placeholders (``?`` outside quoted literals) as ``%s`` and
    every ``%`` doubled: the same statement in the format paramstyle of psycopg."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append(ch)
    return "".join(out)


def driver_sql(bind: Connection, sql: str) -> str:
    """A statement written with SQLite's ``?`` placeholders, in the paramstyle of the
    connection's driver (unchanged on SQLite)."""
    if bind.dialect.paramstyle == "qmark":
        return sql
    return _format_placeholders(sql)


def run_qmark(conn: Connection, sql: str,
              params: Any = None) -> CursorResult[*tuple[Any, ...]]:
    """``conn.exec_driver_sql`` for a statement written with ``?`` placeholders (the
    fast ``executemany`` path of bulk writers), on any driver. Values go to the driver
    as they are, so booleans must be Python bools (SQLite stores them as 0/1)."""
    if params is None:
        return conn.exec_driver_sql(driver_sql(conn, sql))
    return conn.exec_driver_sql(driver_sql(conn, sql), params)


def sync_id_sequences(conn: Connection, tables: tuple[str, ...] | None = None) -> None:
    """After rows were inserted with explicit ids (a demo book, a bulk import that
    numbers its rows itself): move PostgreSQL's id sequences of ``tables`` (default:
    every table with a serial ``id``) past the largest id, so the next ordinary insert
    does not collide. SQLite needs nothing (its next rowid follows the largest)."""
    if is_sqlite(conn):
        return
    if tables is None:
        tables = tuple(name for (name,) in conn.exec_driver_sql(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
            "AND table_schema = current_schema() AND column_default LIKE 'nextval(%%'"))
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce(max(id), 0) + 1, false) FROM \"{table}\"")
