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

from sqlalchemy import Boolean, Connection, CursorResult, Engine, String, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import Grouping, TextClause
from sqlalchemy.sql.functions import FunctionElement

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


def after_bulk_load(conn: Connection) -> None:
    """After a bulk load that wrote its own ids (a demo book): on PostgreSQL, move the id
    sequences on (:func:`sync_id_sequences`) and ANALYZE, so the first queries are
    planned on the real row counts rather than an empty table's. SQLite: nothing."""
    if is_sqlite(conn):
        return
    sync_id_sequences(conn)
    conn.exec_driver_sql("ANALYZE")


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


def iso_text_sql(bind: Connection, column: str) -> str:
    """A date or timestamp column as its ISO text ('2026-11-23', '2026-11-23 10:00:00'):
    SQLite stores that text already; PostgreSQL casts its DATE/TIMESTAMP."""
    return column if is_sqlite(bind) else f"CAST({column} AS TEXT)"


def days_between_sql(bind: Connection, later: str, earlier: str) -> str:
    """Whole days from ``earlier`` to ``later`` (dates or ISO texts / parameters)."""
    if is_sqlite(bind):
        return f"julianday({later}) - julianday({earlier})"
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


def shifted_date_sql(bind: Connection, column: str, modifier: str) -> str:
    """The day of ``column`` moved by ``modifier`` (a literal or parameter holding e.g.
    '-12 months', an SQLite date modifier that PostgreSQL reads as an interval): ISO
    text on SQLite, a DATE on PostgreSQL (either compares with the column's kind)."""
    if is_sqlite(bind):
        return f"date({column}, {modifier})"
    return f"CAST(CAST({column} AS DATE) + CAST({modifier} AS INTERVAL) AS DATE)"


def day_sql(bind: Connection, column: str) -> str:
    """The day part of a date or timestamp column, comparable with
    :func:`shifted_date_sql`: ISO text on SQLite, a DATE on PostgreSQL."""
    return f"substr({column}, 1, 10)" if is_sqlite(bind) else f"CAST({column} AS DATE)"


def sum_true_sql(bind: Connection, condition: str) -> str:
    """How many rows meet ``condition`` (NULL when it is NULL for every row, as SQLite's
    ``SUM(condition)`` gives; PostgreSQL cannot add booleans)."""
    if is_sqlite(bind):
        return f"SUM({condition})"
    return f"SUM(CASE WHEN {condition} THEN 1 WHEN ({condition}) IS NOT NULL THEN 0 END)"


class iso_text(FunctionElement[str]):  # noqa: N801 - an SQL function's name
    """:func:`iso_text_sql` as an SQLAlchemy expression: ``iso_text(Trade.occurred_on)``."""

    type = String()
    name = "iso_text"
    inherit_cache = True


@compiles(iso_text)
def _iso_text_as_stored(element: iso_text, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(iso_text, "postgresql")
def _iso_text_cast(element: iso_text, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


def null_safe_equal_sql(bind: Connection, left: str, right: str) -> str:
    """``left`` equals ``right``, NULL equal to NULL (SQLite's ``IS``)."""
    if is_sqlite(bind):
        return f"{left} IS {right}"
    return f"{left} IS NOT DISTINCT FROM {right}"


def order_sql(bind: Connection, expression: str, direction: str,
              nullable: bool = True) -> str:
    """``expression direction`` for ORDER BY with SQLite's NULL order on both engines
    (NULL before every value ascending, after descending; PostgreSQL does the opposite).
    A column that is never NULL gets no NULLS clause, so PostgreSQL can walk its index."""
    if is_sqlite(bind) or not nullable:
        return f"{expression} {direction}"
    nulls = "NULLS LAST" if direction.upper() == "DESC" else "NULLS FIRST"
    return f"{expression} {direction} {nulls}"


def unindexed_sql(bind: Connection, column: str) -> str:
    """``column`` written so SQLite's planner will not use an index on it (``+column``:
    a hint to walk a better, ordered index instead); PostgreSQL plans by cost."""
    return f"+{column}" if is_sqlite(bind) else column


def like_sql(bind: Connection) -> str:
    """The operator of SQLite's LIKE (case-insensitive for Latin letters) on ``bind``."""
    return "LIKE" if is_sqlite(bind) else "ILIKE"


class ci_like(FunctionElement[bool]):  # noqa: N801 - an SQL operator's name
    """``column LIKE pattern`` that ignores case on both engines, as SQLite's LIKE does
    (PostgreSQL: ILIKE); ``ci_like(col, pattern, "\\\\")`` adds an ESCAPE character."""

    type = Boolean()
    name = "ci_like"
    inherit_cache = True


def _ci_like(element: ci_like, compiler: Any, operator: str, **kw: Any) -> str:
    parts = [compiler.process(c, **kw) for c in element.clauses.clauses]
    sql = f"{parts[0]} {operator} {parts[1]}"
    return sql + (f" ESCAPE {parts[2]}" if len(parts) > 2 else "")


@compiles(ci_like)
def _ci_like_sqlite(element: ci_like, compiler: Any, **kw: Any) -> str:
    return _ci_like(element, compiler, "LIKE", **kw)


@compiles(ci_like, "postgresql")
def _ci_like_pg(element: ci_like, compiler: Any, **kw: Any) -> str:
    return _ci_like(element, compiler, "ILIKE", **kw)


def day_of(column: Any) -> Any:
    """SQLAlchemy: the ISO day ('2026-11-23') of a timestamp column, as text on both."""
    return iso_text(func.date(column))
