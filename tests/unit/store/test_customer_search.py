"""The keystroke reader of a searched customer list (store/queries/customer_search.py)
gives exactly the list's own rows, order and count, by whichever plan it picks."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from sqlalchemy import event

from kamdesk.store.ops.customers import set_archived
from kamdesk.store.queries import customer_search
from kamdesk.store.queries import customers as customers_query
from kamdesk.store.queries.customer_search import (
    count_among, rows_among, search_hits, search_page, walks_sort_index,
)
from kamdesk.store.queries.customers import SORT_COLUMNS, CustomerQuery, count, fetch_page


def _common_terms(conn) -> list[str]:  # type: ignore[no-untyped-def]
    """Search texts of every density on the demo book: its most common Chinese
    character (many matches), a rarer pair, a name's pinyin initials, a phone prefix."""
    names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM customers")]
    chars = Counter(ch for n in names for ch in set(n) if "\u4e00" <= ch <= "\u9fff")
    common = chars.most_common(1)[0][0]
    rare = next(n[:2] for n in names if n[:2] and all("\u4e00" <= c <= "\u9fff" for c in n[:2]))
    initials = conn.exec_driver_sql(
        "SELECT name_initials FROM customers WHERE length(name_initials) >= 3").first()[0][:3]
    phone = conn.exec_driver_sql(
        "SELECT key_contact_phone FROM customer_metrics WHERE key_contact_phone IS NOT NULL"
    ).first()[0].replace(" ", "").replace("-", "")[:4]
    return [common, rare, initials, phone, f"{common} {initials}", "139", "zzzzq"]


@pytest.mark.parametrize("hits_sent", ["as ids", "searched again"])
def test_same_rows_order_and_count_as_the_list(demo_db, monkeypatch, hits_sent):
    # PostgreSQL gets a few thousand known matches as an id array and more by searching
    # again (customers.ARRAY_HITS_UP_TO); SQLite always as ids. Both: the same rows.
    if hits_sent == "searched again":
        monkeypatch.setattr(customers_query, "ARRAY_HITS_UP_TO", 0)
    with demo_db.session() as s:  # archived customers among the matches
        ids = [r[0] for r in s.connection().exec_driver_sql(
            "SELECT id FROM customers ORDER BY id LIMIT 12")]
        for cid in ids[::3]:
            set_archived(s, cid, True)
        s.commit()
    with demo_db.engine.connect() as conn:
        industry = conn.exec_driver_sql(
            "SELECT industry FROM customers WHERE industry IS NOT NULL").first()[0]
        terms = _common_terms(conn)
        assert len(search_hits(conn, terms[0]) or ()) >= 20  # the walk plan is exercised
        for term in terms:
            for sort in SORT_COLUMNS:
                for descending in (False, True):
                    base = CustomerQuery(search=term, sort=sort, descending=descending)
                    for q in (base, replace(base, include_archived=True),
                              replace(base, industry=industry)):
                        want_count = count(conn, q)
                        page = search_page(conn, q, 15, cap=10)
                        assert page is not None
                        assert page.rows == fetch_page(conn, q, 0, 15), (term, sort)
                        if page.exact:
                            assert page.total == want_count
                        else:
                            assert page.total == 10 < want_count
                        hits = page.hits
                        assert count_among(conn, q, hits) == want_count
                        assert rows_among(conn, q, hits, 15, 7) == fetch_page(conn, q, 15, 7)


def test_capped_count_and_exact_count(demo_db, monkeypatch):
    with demo_db.engine.connect() as conn:
        term = _common_terms(conn)[0]
        q = CustomerQuery(search=term)
        total = count(conn, q)
        assert total > 12
        monkeypatch.setattr(customer_search, "EXACT_UP_TO", 5)
        page = search_page(conn, q, 10, cap=6)
        assert page is not None and not page.exact and page.total == 6
        assert count_among(conn, q, page.hits) == total
        assert count_among(conn, q, page.hits, cap=6) == 7  # counts one past the cap
        monkeypatch.setattr(customer_search, "EXACT_UP_TO", 10_000)
        page = search_page(conn, q, 10, cap=6)
        assert page is not None and page.exact and page.total == total
        # The whole result on the first page: its length is the count, whatever the cap.
        page = search_page(conn, q, total + 5, cap=1)
        assert page is not None and page.exact and page.total == total


def test_unchanged_matches_read_nothing_more(demo_db):
    with demo_db.engine.connect() as conn:
        term = _common_terms(conn)[1]
        first = search_page(conn, CustomerQuery(search=term), 20)
        assert first is not None and first.rows is not None
        again = search_page(conn, CustomerQuery(search=term + " "), 20, known=first.hits)
        assert again is not None and again.rows is None and again.hits == first.hits
        assert search_page(conn, CustomerQuery(search="a"), 20) is None  # filters nothing
        none = search_page(conn, CustomerQuery(search="zzzzq"), 20)
        assert none is not None and none.rows == [] and none.total == 0 and none.exact


def test_walk_plan_only_when_it_is_cheaper_and_unfiltered():
    q = CustomerQuery(search="丰", sort="revenue", descending=True)
    assert walks_sort_index(q, hits=4500, book_size=100_000, limit=20)
    assert not walks_sort_index(q, hits=200, book_size=100_000, limit=20)
    assert not walks_sort_index(replace(q, industry="制造业"), 4500, 100_000, 20)
    assert not walks_sort_index(replace(q, sort="credit"), 4500, 100_000, 20)
    assert walks_sort_index(replace(q, include_archived=True), 4500, 100_000, 20)


@pytest.mark.sqlite_only
def test_the_walk_follows_an_index_for_every_walkable_sort(demo_db, monkeypatch):
    """The walk plan is only cheap if SQLite reads the sort column's index in order
    (no sort of its own) and probes the matches on that index's rowid."""
    monkeypatch.setattr(customer_search, "walks_sort_index", lambda *a, **k: True)
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "ORDER BY" in statement:
            seen.append((statement, parameters))

    event.listen(demo_db.engine, "before_cursor_execute", keep)
    try:
        with demo_db.engine.connect() as conn:
            hits = search_hits(conn, _common_terms(conn)[0])
            assert hits
            for sort in SORT_COLUMNS:
                if sort in ("credit", "potential"):
                    continue
                seen.clear()
                q = CustomerQuery(search="x", sort=sort, descending=True)
                rows_among(conn, q, hits, 0, 20)
                statement, parameters = seen[-1]
                assert "+" in statement.split(" IN (SELECT value FROM json_each")[0][-20:]
                plan = " | ".join(str(r[-1]) for r in conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters).fetchall())
                assert "TEMP B-TREE" not in plan, (sort, plan)
                assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (sort, plan)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", keep)
