"""SQLite-only full-text search objects (the one module allowed SQLite-specific SQL).

An FTS5 trigram table answers substring queries of three or more characters from
its index in well under a millisecond at 100k customers; shorter queries fall back
to a LIKE scan of the same text. On other databases (PostgreSQL) the caller uses
:func:`kamdesk.store.search` 's portable LIKE path instead.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

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


#: FTS5's own limit on the terms it holds in memory before writing a segment (1 MB)
FTS_HASH_BYTES = 1 << 20
#: the limit while a bulk of rows goes in: fewer, larger segments and far less merging
#: (an import of 100k customers: a quarter less CPU for the index)
BULK_HASH_BYTES = 32 << 20
BULK_ROWS = 5000


def _set_hashsize(conn: Connection, size: int) -> None:
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', {int(size)})")


def replace_rows(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """(customer_id, searchable text) pairs; rowid is the customer id."""
    if rows:
        delete_rows(conn, [cid for cid, _ in rows])
        bulk = len(rows) >= BULK_ROWS
        if bulk:  # a setting of the index (in its config table), back to FTS5's own below
            _set_hashsize(conn, BULK_HASH_BYTES)
        try:
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)", rows)
        finally:
            if bulk:
                _set_hashsize(conn, FTS_HASH_BYTES)


def start_replacing_rows(conn: Connection, rows: list[tuple[int, str]]
                         ) -> Callable[[], None]:
    """:func:`replace_rows` on a worker thread, as ONE statement reading the rows from a
    JSON parameter (``json_each``): a single ``sqlite3_step`` that tokenises every body
    with the GIL released, so the caller's Python work goes on meanwhile (an
    ``executemany`` on a thread would need the GIL back for every row and wait behind
    the caller's work each time). Returns the function that waits for the thread and
    raises what it raised. The caller must not touch ``conn`` until then.

    A driver connection that refuses use from another thread (``check_same_thread``)
    is written from this one instead when waited for."""
    raw: Any = conn.connection.driver_connection
    payload = json.dumps(rows, ensure_ascii=False)
    failed: list[BaseException] = []

    def write() -> None:
        cur = raw.cursor()
        try:
            cur.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN "
                        "(SELECT json_extract(value, '$[0]') FROM json_each(?))", (payload,))
            cur.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', "
                        f"{int(BULK_HASH_BYTES)})")
            try:
                cur.execute(f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT "
                            "json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                            "FROM json_each(?)", (payload,))
            finally:
                cur.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES "
                            f"('hashsize', {int(FTS_HASH_BYTES)})")
        finally:
            cur.close()

    def run() -> None:
        try:
            write()
        except BaseException as exc:  # handed to the waiting caller
            failed.append(exc)

    worker = threading.Thread(target=run, name="kamdesk-search-rows", daemon=True)
    worker.start()

    def wait() -> None:
        worker.join()
        if failed:
            if isinstance(failed[0], sqlite3.ProgrammingError) and "thread" in str(failed[0]):
                write()  # this connection is bound to its thread: write it here
                return
            raise failed[0]

    return wait


def delete_rows(conn: Connection, customer_ids: list[int]) -> None:
    # A few hundred ids a statement: one DELETE a row costs an import of 100k customers
    # a second in statement overhead alone.
    for start in range(0, len(customer_ids), 500):
        marks = ",".join(str(int(cid)) for cid in customer_ids[start:start + 500])
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})")


def delete_all(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")


#: set between Chinese characters so one or two of them make a three-character token
MARK = "\ue000"


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x2FA1F


_HAN_RUN = re.compile("[\u3400-\u9fff\U00020000-\U0002fa1f]+")


def cjk_markers(text: str) -> str:
    """Each run of Chinese characters in ``text`` once more, with a mark before, between
    and after its characters ("丰源" → MARK 丰 MARK 源 MARK).

    A trigram index cannot answer one- or two-character queries, and Chinese names are
    searched by one or two characters all the time (typing 丰 then 丰源). In the marked
    run every character stands as MARK 丰 MARK and every adjacent pair as 丰 MARK 源:
    three-character tokens the index holds, so those queries use it instead of
    scanning every row. (Search index version 3; version 2 spelled each character and
    pair out separately, four times the text for the same tokens.)
    """
    runs: list[str] = []
    # Runs found by a regex, not a Python test per character: this runs for every
    # customer an import writes. A run inside one already marked adds no token.
    for run in _HAN_RUN.findall(text):
        if not any(run in kept for kept in runs):
            runs.append(run)
    return " ".join(MARK + MARK.join(run) + MARK for run in runs)


def han_token(q: str) -> str:
    """The marked token that finds one or two Chinese characters (see cjk_markers)."""
    return MARK + q + MARK if len(q) == 1 else q[0] + MARK + q[1]


def uses_index(word: str) -> bool:
    """Whether :func:`match_clause` answers ``word`` from the index (three or more
    characters, or one or two Chinese characters) rather than scanning every row."""
    q = word.strip().lower()
    return len(q) >= 3 or (1 <= len(q) <= 2 and all(_is_han(ch) for ch in q))


def match_clause(query: str) -> tuple[str, tuple[object, ...]]:
    """SQL fragment selecting matching customer ids, and its parameters.

    Trigram FTS answers three or more characters from its index; one or two Chinese
    characters use the marked tokens of :func:`cjk_markers`; anything else that short
    falls back to LIKE on the same column (still narrower than the customers table).
    """
    q = query.strip().lower()
    if 1 <= len(q) <= 2 and all(_is_han(ch) for ch in q):
        token = han_token(q)
        return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (f'"{token}"',)
    if len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (phrase,)
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return f"SELECT rowid FROM {FTS_TABLE} WHERE body LIKE ? ESCAPE '\\'", (pattern,)
