"""PostgreSQL search objects: the searchable text in a table with a trigram index.

The counterpart of :mod:`kamdesk.store.search_sqlite` for a team's database (issue
#17), with the same functions, so :mod:`kamdesk.store.search` serves both engines
through one interface. The searchable text (:func:`kamdesk.store.search.body_for`:
code, names, pinyin forms, people's names and phones, lower-case, plus the padded
tokens of one or two Chinese characters) lives in ``customer_search``, one row per
customer, and a GIN index of ``pg_trgm`` trigrams over it answers ``LIKE '%word%'``
from the index, as FTS5's trigram table does on SQLite. A word matches exactly the
rows SQLite's :func:`kamdesk.store.search_sqlite.match_clause` matches: the body
contains the word (or, for one or two Chinese characters, its padded token).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from kamdesk.store.search_sqlite import han_token

SEARCH_TABLE = "customer_search"

#: the statements that create the search objects (also frozen in migration 0002)
CREATE_STATEMENTS = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE IF NOT EXISTS {SEARCH_TABLE} ("
    "customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE, "
    "body TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{SEARCH_TABLE}_trgm ON {SEARCH_TABLE} "
    "USING gin (body gin_trgm_ops)",
)


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x2FA1F


def create_search_objects(conn: Connection) -> None:
    for statement in CREATE_STATEMENTS:
        conn.exec_driver_sql(statement)


def fts_available(conn: Connection) -> bool:
    return conn.execute(text("SELECT to_regclass(:t)"), {"t": SEARCH_TABLE}).scalar() is not None


def replace_rows(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """(customer_id, searchable text) pairs; an existing row is overwritten."""
    if rows:
        conn.execute(text(
            f"INSERT INTO {SEARCH_TABLE} (customer_id, body) VALUES (:cid, :body) "
            "ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body"),
            [{"cid": cid, "body": body} for cid, body in rows])


def delete_rows(conn: Connection, customer_ids: list[int]) -> None:
    for start in range(0, len(customer_ids), 500):
        conn.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE customer_id = ANY(:ids)"),
                     {"ids": [int(c) for c in customer_ids[start:start + 500]]})


def delete_all(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")


def uses_index(word: str) -> bool:
    """Whether the trigram index narrows ``word`` down well: three or more characters,
    or one or two Chinese characters (searched as their three-character padded token)."""
    q = word.strip().lower()
    return len(q) >= 3 or (1 <= len(q) <= 2 and all(is_han(ch) for ch in q))


def like_pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match_clause(query: str) -> tuple[str, tuple[object, ...]]:
    """SQL fragment selecting matching customer ids (one ``?`` placeholder), and its
    parameter, like :func:`kamdesk.store.search_sqlite.match_clause`."""
    q = query.strip().lower()
    if 1 <= len(q) <= 2 and all(is_han(ch) for ch in q):
        q = han_token(q)  # the marked token of search_sqlite.cjk_markers
    return (f"SELECT customer_id FROM {SEARCH_TABLE} WHERE body LIKE ? ESCAPE '\\'",
            (like_pattern(q),))
