"""The customer list under a search, read for a keystroke: the matches once, then only
what the screen shows.

:func:`kamdesk.store.queries.customers.count` and ``fetch_page`` answer a search with the
index's sub-select inside the list query, evaluated once for the count and once more for
the page, and they always count every match and let SQLite drive the page from the
match list. At 100k customers a short query (丰, 133) matches thousands of customers,
and reading each of them (two row look-ups and a sort) costs 10–20 ms, twice.

Here a keystroke is served in three cheap steps, with the same rows in the same order:

1. the matching ids, once (:func:`search_hits`, the search index alone, ~1–2 ms);
2. the first page, by the cheaper of two plans for the *same* SQL ordering. Few
   matches: look each one up and sort them. Many matches: walk the index of the sort
   column in order and keep the rows whose id is among the matches (the ``+`` in
   ``+m.customer_id IN (...)`` stops SQLite from driving the query from the list), so
   40 rows out of 4,500 matches cost a walk over ~900 index entries, not 4,500 look-ups
   and a sort;
3. the count: exact for up to :data:`EXACT_UP_TO` matches (a look-up each), else
   capped at :data:`COUNT_CAP` ("200+", :attr:`SearchPage.exact` false) and the exact
   figure is read later, off the keystroke (:func:`count_among`).

The rows and counts are the list's own reads (``customers.fetch_page`` and
``count``) of the query with its matches attached (``CustomerQuery.search_hits``: one
JSON array for ``json_each`` on SQLite; other databases ignore it and search again),
so they are the same rows in the same order by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from kamdesk.store.queries.customers import (
    SORT_COLUMNS,
    CustomerQuery,
    CustomerRow,
    count,
    fetch_page,
    filter_sql,
)
from kamdesk.store.queries.metric_facts import raw_fetcher
from kamdesk.store.search import matching_ids_sql, search_words

__all__ = ["COUNT_CAP", "EXACT_UP_TO", "SearchPage", "search_hits", "search_page", "rows_among",
           "count_among", "walks_sort_index"]

#: a keystroke counts its rows exactly when the search matches at most this many
#: customers (~2 ms); beyond, it counts to COUNT_CAP and shows "200+"
EXACT_UP_TO = 500
#: the capped count of a keystroke with many matches; the exact count follows
#: (:func:`count_among`)
COUNT_CAP = 200

#: sort keys whose SQL order an index gives (``ORDER BY col, rowid`` walks it without a
#: sort); the others (a computed credit ratio, potential) always use the look-up plan
_UNINDEXED_SORTS = frozenset({"credit", "potential"})

_FROM = "FROM customers c JOIN customer_metrics m ON m.customer_id = c.id"


@dataclass(frozen=True)
class SearchPage:
    """What one keystroke shows: the matching ids, the first rows and the count."""

    #: the ids of the customers the search text matches (before the other filters),
    #: ascending
    hits: tuple[int, ...]
    #: the first rows in the list's order; None when ``hits`` equals the ``known`` hits
    #: the caller passed (its rows are still right, nothing was read)
    rows: list[CustomerRow] | None
    #: the number of rows, or COUNT_CAP when ``exact`` is false (there are more)
    total: int
    exact: bool


def search_hits(conn: Connection, text: str) -> tuple[int, ...] | None:
    """The ids of the customers whose searchable text matches every word of ``text``
    (the list's own rule, :func:`kamdesk.store.search.matching_ids_sql`), or None when
    nothing in ``text`` filters."""
    sub, params = matching_ids_sql(conn, text)
    if not sub:
        return None
    # Straight from the driver on SQLite: thousands of ids, one column, text parameters.
    ids = [r[0] for r in raw_fetcher(conn)(sub, params)]
    ids.sort()
    return tuple(ids)


def walks_sort_index(q: CustomerQuery, hits: int, book_size: int, limit: int) -> bool:
    """Whether the page of ``q`` is cheaper walking the sort column's index than looking
    up each of ``hits`` matches: the walk visits about ``limit × book / hits`` index
    entries (~0.3 µs each), the look-ups cost ~4 µs a match plus the sort. Only when
    nothing but the search filters (another filter would make the walk longer than the
    estimate) and the sort column has an index."""
    if q.sort not in SORT_COLUMNS or q.sort in _UNINDEXED_SORTS or hits <= 0:
        return False
    others = replace(q, search="", include_archived=False, sort="name", descending=False)
    if others != CustomerQuery():
        return False
    return hits * hits * 10 >= limit * max(book_size, 1)


def _among(q: CustomerQuery, hits: tuple[int, ...], walk: bool = False) -> CustomerQuery:
    """``q`` for one read that filters on its known ``hits`` (see
    :attr:`~kamdesk.store.queries.customers.CustomerQuery.search_hits`)."""
    return replace(q, search_hits=hits, walk_sort_index=walk)


def rows_among(conn: Connection, q: CustomerQuery, hits: tuple[int, ...], offset: int,
               limit: int, book_size: int | None = None) -> list[CustomerRow]:
    """Rows ``offset``… of the list for ``q`` given its search ``hits``: exactly
    ``fetch_page(conn, q, offset, limit)``, read by the cheaper plan."""
    if not hits:
        return []
    if book_size is None:
        book_size = _book_size(conn)
    walk = walks_sort_index(q, len(hits), book_size, offset + limit)
    return fetch_page(conn, _among(q, hits, walk), offset, limit)


def count_among(conn: Connection, q: CustomerQuery, hits: tuple[int, ...],
                cap: int | None = None) -> int:
    """The number of rows of the list for ``q`` given its search ``hits`` (exactly
    ``count(conn, q)``); with ``cap``, at most ``cap + 1`` are counted."""
    if not hits:
        return 0
    among = _among(q, hits)
    if cap is None:
        return count(conn, among)
    where, params = filter_sql(conn, among)
    return int(conn.execute(sql_text(
        f"SELECT count(*) FROM (SELECT 1 {_FROM}{where} LIMIT {int(cap) + 1}) AS capped"),
        params
    ).scalar_one())


def _book_size(conn: Connection) -> int:
    """About how many customers the book holds (the largest id: one index probe)."""
    return int(conn.execute(sql_text("SELECT max(id) FROM customers")).scalar() or 0)


def search_page(conn: Connection, q: CustomerQuery, limit: int, *,
                known: tuple[int, ...] | None = None, cap: int | None = None,
                recount: bool = True) -> SearchPage | None:
    """The first ``limit`` rows and the (capped) count of the list for ``q``, whose
    search text must filter (else None: read it as the plain list).

    When the matches equal ``known`` (the caller's current hits: one more letter that
    narrowed nothing), nothing more is read and ``rows`` is None. ``recount=False``
    (only the order changed) skips the count (``total`` is then 0)."""
    if not search_words(q.search):
        return None
    cap = COUNT_CAP if cap is None else cap
    hits = search_hits(conn, q.search)
    if hits is None:
        return None
    if known is not None and hits == known:
        return SearchPage(hits, None, 0, False)
    rows = rows_among(conn, q, hits, 0, limit, _book_size(conn) if hits else 0)
    if not recount:
        return SearchPage(hits, rows, 0, False)
    if len(rows) < limit:  # the whole result is on this page
        return SearchPage(hits, rows, len(rows), True)
    if len(hits) <= max(cap, EXACT_UP_TO):
        return SearchPage(hits, rows, count_among(conn, q, hits), True)
    counted = count_among(conn, q, hits, cap)
    return SearchPage(hits, rows, min(counted, cap), counted <= cap)

