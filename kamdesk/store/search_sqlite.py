"""SQLite-only full-text search objects (the one module allowed SQLite-specific SQL).

An FTS5 trigram table answers substring queries of three or more characters from
its index in well under a millisecond at 100k customers; shorter queries fall back
to a LIKE scan of the same text. On other databases (PostgreSQL) the caller uses
:func:`kamdesk.store.search` 's portable LIKE path instead.
"""

from __future__ import annotations

from sqlalchemy import Connection

FTS_TABLE = "customer_fts"

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "body, tokenize='trigram case_sensitive 0')"
)


def create_search_objects(conn: Connection) -> None:
    conn.exec_driver_sql(CREATE_SQL)


def fts_available(conn: Connection) -> bool:
    row = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)
    ).first()
    return row is not None


def replace_rows(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """(customer_id, searchable text) pairs; rowid is the customer id."""
    conn.exec_driver_sql(
        f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [(cid,) for cid, _ in rows]
    ) if rows else None
    if rows:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)", rows)


def delete_all(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")


def match_clause(query: str) -> tuple[str, tuple[object, ...]]:
    """SQL fragment selecting matching customer ids, and its parameters.

    Trigram FTS needs at least 3 characters; for shorter input LIKE on the same
    column still avoids scanning the wide customers table.
    """
    q = query.strip().lower()
    if len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (phrase,)
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return f"SELECT rowid FROM {FTS_TABLE} WHERE body LIKE ? ESCAPE '\\'", (pattern,)
