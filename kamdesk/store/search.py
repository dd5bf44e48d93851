"""Customer search: keeping the searchable text current and matching against it.

The searchable text of a customer holds its code, name, short name, the pinyin
(full and initials) of its name, and its people's names, pinyin and phone numbers,
all lower-case, each term once. Beside each name's pinyin it holds a few other
readings of its polyphonic characters (:func:`kamdesk.store.pinyin.other_search_terms`:
a person's in full and as initials, a company's as initials plus its naive reading in
full), so 单文华 is found by swh (the surname reading) and by dwh. It is rebuilt for a
customer whenever the customer or one of its people is saved, so as-you-type search
never computes pinyin.
A person's pinyin is read as a person's name (surname reading), a company's not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from kamdesk.store import search_pg, search_sqlite
from kamdesk.store.pinyin import other_search_terms, person_name_forms, pinyin_forms

_DIGITS = re.compile(r"\D+")


def backend(conn: Connection) -> Any:
    """The engine's search module: FTS5 on SQLite (:mod:`kamdesk.store.search_sqlite`),
    a ``pg_trgm`` index on PostgreSQL (:mod:`kamdesk.store.search_pg`); both offer
    ``replace_rows``, ``delete_rows``, ``delete_all``, ``uses_index`` and ``match_clause``."""
    return search_sqlite if conn.dialect.name == "sqlite" else search_pg


def body_for(
    code: str, name: str, short_name: str | None,
    people: Iterable[tuple[Any, ...]] = (),
    name_forms: tuple[str, str] | None = None,
    name_others: Iterable[str] | None = None,
) -> str:
    """people: (name, phone, mobile) triples, optionally with the name's stored pinyin
    forms as a fourth item (computed when absent or None). ``name_others``: the
    company name's :func:`other_terms` when the caller has them already."""
    full, initials = name_forms if name_forms is not None else pinyin_forms(name)
    sfull, sinit = pinyin_forms(short_name) if short_name else ("", "")
    parts = [code, name, short_name or "", full, initials, sfull, sinit,
             *(other_terms(name, person=False) if name_others is None else name_others)]
    for person in people:
        pname, phone, mobile = person[:3]
        forms = person[3] if len(person) > 3 else None
        pf, pi = forms if forms is not None else person_name_forms(pname)
        parts += [pname, pf, pi, *other_terms(pname, person=True)]
        for number in (phone, mobile):
            if number:
                parts += [number, _DIGITS.sub("", number)]
    return searchable_text(parts)


def searchable_text(parts: Iterable[str | None]) -> str:
    """The stored search text of these terms: each distinct term once, lower-case,
    then the tokens that let one or two Chinese characters be found from the index.
    Repeats (a phone already all digits, an other reading's initials equal to the
    usual ones) would only make the index bigger: a query never spans two terms."""
    terms = dict.fromkeys(p.lower() for p in parts if p)
    body = " ".join(terms)
    return body + " " + search_sqlite.cjk_markers(body)


@lru_cache(maxsize=65536)
def other_terms(name: str | None, person: bool) -> tuple[str, ...]:
    """The other readings of ``name`` the search text holds
    (:func:`kamdesk.store.pinyin.other_search_terms`; cached: people's names repeat a
    great deal across a book)."""
    return other_search_terms(name, person=person)


def _forms(full: str | None, initials: str | None) -> tuple[str, str] | None:
    """Stored pinyin forms, or None when never stored (rows written by old versions)."""
    return None if full is None or initials is None else (full, initials)


def reindex(conn: Connection, customer_ids: Iterable[int]) -> None:
    """Rebuild the searchable text of the given customers from the database: the one
    way a search row is written (single saves and bulk imports alike). Pinyin already
    stored beside a name is reused rather than computed again."""
    ids = sorted(set(customer_ids))
    if not ids:
        return
    rows: list[tuple[int, str]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join(str(int(i)) for i in chunk)
        people: dict[int, list[tuple[Any, ...]]] = {}
        for cid, pname, phone, mobile, pfull, pinit in conn.execute(text(
            f"SELECT customer_id, name, phone, mobile, name_pinyin, name_initials FROM people "
            f"WHERE customer_id IN ({marks}) AND archived = false ORDER BY id"
        )):
            people.setdefault(cid, []).append((pname, phone, mobile, _forms(pfull, pinit)))
        for cid, code, name, short, full, initials in conn.execute(text(
            f"SELECT id, code, name, short_name, name_pinyin, name_initials FROM customers "
            f"WHERE id IN ({marks})"
        )):
            rows.append((cid, body_for(code, name, short, people.get(cid, ()),
                                       name_forms=_forms(full, initials))))
    backend(conn).replace_rows(conn, rows)


def write_bodies(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """Store (customer id, :func:`body_for` text) pairs the caller built from values it
    holds (the importer's new customers), instead of reading them back: the same rows
    :func:`reindex` would write."""
    if rows:
        backend(conn).replace_rows(conn, rows)


def start_writing_bodies(conn: Connection, rows: list[tuple[int, str]]
                         ) -> Callable[[], None]:
    """:func:`write_bodies`, begun on a worker thread for a big batch (the importer):
    returns the function that waits for it (and raises what it raised). Until then the
    caller must not use ``conn``; its own Python work meanwhile runs on the other core
    (see :func:`kamdesk.store.search_sqlite.start_replacing_rows`)."""
    if rows and conn.dialect.name == "sqlite" and len(rows) >= search_sqlite.BULK_ROWS:
        return search_sqlite.start_replacing_rows(conn, rows)
    write_bodies(conn, rows)
    return lambda: None


def forget(conn: Connection, customer_ids: Iterable[int]) -> None:
    """Drop the searchable text of deleted customers."""
    ids = sorted(set(customer_ids))
    if ids:
        backend(conn).delete_rows(conn, ids)


def search_words(query: str) -> tuple[str, ...]:
    """The words of ``query`` that filter: one Latin letter or digit matches nearly the
    whole book (and scans it), so it does not; a single Chinese character does."""
    return tuple(w for w in query.lower().split() if w and not (len(w) == 1 and w.isascii()))


def searched_at_once(query: str) -> bool:
    """Whether as-you-type search should run ``query`` on this keystroke: every word is
    answered from the index (or the query filters on nothing). A word of two Latin
    letters or digits is a scan of every customer's text (~0.2 s at 100k), so a search
    box waits for the next keystroke or a pause before running it."""
    return all(search_sqlite.uses_index(w) for w in search_words(query))


def matching_ids_sql(conn: Connection, query: str) -> tuple[str, dict[str, object]]:
    """A sub-select of customer ids matching ``query`` (every word must match), or ""
    when nothing in the query is specific enough to filter on."""
    words = list(search_words(query))
    clauses: list[str] = []
    params: dict[str, object] = {}
    for i, word in enumerate(words):
        sql, args = backend(conn).match_clause(word)
        # Convert positional ? to a named parameter for SQLAlchemy text().
        key = f"q{i}"
        clauses.append(sql.replace("?", f":{key}"))
        params[key] = args[0]
    if not clauses:
        return "", {}
    return " INTERSECT ".join(clauses), params
