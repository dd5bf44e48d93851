"""Customer search: keeping the searchable text current and matching against it.

The searchable text of a customer holds its code, name, short name, the pinyin
(full and initials) of its name, and its people's names, pinyin and phone numbers,
all lower-case. It is rebuilt for a customer whenever the customer or one of its
people is saved, so as-you-type search never computes pinyin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

from kamdesk.store import search_sqlite
from kamdesk.store.pinyin import pinyin_forms

_DIGITS = re.compile(r"\D+")


def body_for(
    code: str, name: str, short_name: str | None,
    people: Iterable[tuple[str, str | None, str | None]] = (),
    name_forms: tuple[str, str] | None = None,
) -> str:
    """people: (name, phone, mobile) triples."""
    full, initials = name_forms if name_forms is not None else pinyin_forms(name)
    sfull, sinit = pinyin_forms(short_name) if short_name else ("", "")
    parts = [code, name, short_name or "", full, initials, sfull, sinit]
    for pname, phone, mobile in people:
        pf, pi = pinyin_forms(pname)
        parts += [pname, pf, pi]
        for number in (phone, mobile):
            if number:
                parts += [number, _DIGITS.sub("", number)]
    body = " ".join(p for p in parts if p).lower()
    return body + " " + search_sqlite.cjk_markers(body)


def reindex(conn: Connection, customer_ids: Iterable[int]) -> None:
    """Rebuild the searchable text of the given customers from the database."""
    ids = sorted(set(customer_ids))
    if not ids or conn.dialect.name != "sqlite":
        return
    rows: list[tuple[int, str]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join(str(int(i)) for i in chunk)
        people: dict[int, list[tuple[str, str | None, str | None]]] = {}
        for cid, pname, phone, mobile in conn.execute(text(
            f"SELECT customer_id, name, phone, mobile FROM people "
            f"WHERE customer_id IN ({marks}) AND archived = 0"
        )):
            people.setdefault(cid, []).append((pname, phone, mobile))
        for cid, code, name, short in conn.execute(text(
            f"SELECT id, code, name, short_name FROM customers WHERE id IN ({marks})"
        )):
            rows.append((cid, body_for(code, name, short, people.get(cid, ()))))
    search_sqlite.replace_rows(conn, rows)


def matching_ids_sql(conn: Connection, query: str) -> tuple[str, dict[str, object]]:
    """A sub-select of customer ids matching ``query`` (every word must match), or ""
    when nothing in the query is specific enough to filter on."""
    # One Latin letter or digit matches nearly the whole book (and scans it): wait for
    # the second keystroke. A single Chinese character is specific enough to search.
    words = [w for w in query.lower().split() if w and not (len(w) == 1 and w.isascii())]
    clauses: list[str] = []
    params: dict[str, object] = {}
    for i, word in enumerate(words):
        if conn.dialect.name == "sqlite":
            sql, args = search_sqlite.match_clause(word)
            # Convert positional ? to a named parameter for SQLAlchemy text().
            key = f"q{i}"
            clauses.append(sql.replace("?", f":{key}"))
            params[key] = args[0]
        else:  # portable path: LIKE on the customer columns
            key = f"q{i}"
            clauses.append(
                "SELECT id FROM customers WHERE lower(name) LIKE :{k} OR lower(code) LIKE :{k} "
                "OR lower(coalesce(short_name,'')) LIKE :{k} OR name_pinyin LIKE :{k} "
                "OR name_initials LIKE :{k}".format(k=key)
            )
            params[key] = f"%{word}%"
    if not clauses:
        return "", {}
    return " INTERSECT ".join(clauses), params
