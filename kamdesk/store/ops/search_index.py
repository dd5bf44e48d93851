"""Rebuilding every name's pinyin and every search row when the reading rules change.

The pinyin stored beside names (``name_pinyin``, ``name_initials``) and the search
text built from it follow the rules in :mod:`kamdesk.store.pinyin`. When those rules
improve (surname readings, place names, other readings of polyphonic characters), a
database written by an older KAMDesk still holds the old readings. Rather than a schema
migration (the schema did not change), the rules carry a version number,
:data:`SEARCH_INDEX_VERSION`, stored in ``app_settings`` once a database is indexed
by them; opening a database whose stored version differs rebuilds the index once
(:func:`reindex_if_stale`, run by :func:`kamdesk.store.database.open_database`), and
``kamdesk doctor --reindex`` rebuilds it on demand (:func:`rebuild_search_index`).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from kamdesk.store import search
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.settings import put_json
from kamdesk.store.pinyin import person_name_forms, pinyin_forms
from kamdesk.store.queries.settings import get_json

#: app_settings key holding the version of the reading rules the index was built by
SEARCH_INDEX_KEY = "search_index_version"
#: raise when the pinyin or search-text rules change: databases then re-index on open
#: (1: first readings and phrases; 2: surnames, place names, other readings;
#: 3: each term once, Chinese characters marked in place, a company's other readings as
#: initials (and its naive reading in full) — a third less text to index)
SEARCH_INDEX_VERSION = 3

_BATCH = 5000


def stored_search_index_version(session: Session) -> int | None:
    value = get_json(session.connection(), SEARCH_INDEX_KEY)
    return value if isinstance(value, int) else None


def rebuild_search_index(session: Session) -> Changes:
    """Recompute every customer's and person's stored pinyin, rewrite every search
    row, and stamp the rules' version. ``value`` is the number of customers indexed."""
    conn = session.connection()
    for table, forms in (("customers", pinyin_forms), ("people", person_name_forms)):
        rows = conn.execute(text(f"SELECT id, name FROM {table}")).all()
        for start in range(0, len(rows), _BATCH):
            updates = []
            for row_id, name in rows[start:start + _BATCH]:
                full, initials = forms(name)
                updates.append({"i": row_id, "f": full, "n": initials})
            conn.execute(text(f"UPDATE {table} SET name_pinyin = :f, name_initials = :n "
                              f"WHERE id = :i"), updates)
    ids = [cid for (cid,) in conn.execute(text("SELECT id FROM customers"))]
    search.backend(conn).delete_all(conn)  # one emptying beats deleting row by row
    for start in range(0, len(ids), _BATCH):
        search.reindex(conn, ids[start:start + _BATCH])
    return (Changes.of("customers", *ids) | Changes.of("people")
            | put_json(conn, SEARCH_INDEX_KEY, SEARCH_INDEX_VERSION)).with_value(len(ids))


def reindex_if_stale(session: Session) -> Changes:
    """Rebuild the index when it was built by other rules than this build's; an empty
    book is only stamped. Nothing is written when the index is current."""
    if stored_search_index_version(session) == SEARCH_INDEX_VERSION:
        return Changes()
    conn = session.connection()
    if conn.execute(text("SELECT 1 FROM customers LIMIT 1")).first() is None:
        return put_json(conn, SEARCH_INDEX_KEY, SEARCH_INDEX_VERSION)
    return rebuild_search_index(session)
