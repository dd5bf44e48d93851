"""KAMDesk on PostgreSQL (issue #17): two clients starting at once against one fresh
database migrate it once (an advisory lock), and search through ``pg_trgm`` finds what
SQLite's FTS5 finds, word for word, on the same book. These need the server named by
KAMDESK_TEST_PG_ADMIN (skipped without it) and run in both passes of the suite."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest
from pg_support import database_prefix, fresh_database, require_pg
from sqlalchemy import text

from kamdesk.store.database import open_database
from kamdesk.store.demo import generate_demo
from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import SCHEMA_LOCK_KEY, ensure_schema
from kamdesk.store.schema_version import HEAD_REVISION
from kamdesk.store.search import matching_ids_sql, searched_at_once

pytestmark = pytest.mark.postgres


def test_two_clients_migrating_one_fresh_database_at_once_both_start(tmp_path: Path):
    require_pg()
    with fresh_database(database_prefix("lock")) as url:
        engines = [make_engine(url) for _ in range(3)]
        start = threading.Barrier(len(engines))
        reports, errors = [], []

        def client(engine):  # type: ignore[no-untyped-def]
            start.wait()
            try:
                reports.append(ensure_schema(engine, tmp_path))
            except Exception as exc:  # noqa: BLE001 - the assertion below shows it
                errors.append(exc)

        threads = [threading.Thread(target=client, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        assert sorted(r.action for r in reports) == ["created", "current", "current"]
        with engines[0].connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() \
                == [HEAD_REVISION]
            # released: another session takes the lock at once
            assert conn.execute(text("SELECT pg_try_advisory_lock(:k)"),
                                {"k": SCHEMA_LOCK_KEY}).scalar() is True
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK_KEY})
        for engine in engines:
            engine.dispose()


def test_a_client_waits_while_another_holds_the_schema_lock(tmp_path: Path):
    require_pg()
    with fresh_database(database_prefix("lock")) as url:
        holder = make_engine(url)
        with holder.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
            conn.commit()
            done = threading.Event()
            waiter = threading.Thread(target=lambda: (ensure_schema(make_engine(url), tmp_path),
                                                      done.set()))
            waiter.start()
            assert not done.wait(1.0)  # blocked on the lock, nothing created meanwhile
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK_KEY})
            conn.commit()
            waiter.join(60)
            assert done.is_set()
        holder.dispose()


QUERIES = ("华信", "华", "丰源", "恒泰科技", "hx", "huaxin", "hengtai", "zgyd", "王", "王伟",
           "wangwei", "ww", "138", "1380", "c00", "C0012", "ltd", "Apex", "blue river", "有限",
           "northstar trading", "集团 上海", "zz", "no such thing", "%", "_", "a_b", "100%")


def _matches(db, query: str) -> set[int]:
    with db.engine.connect() as conn:
        sub, params = matching_ids_sql(conn, query)
        if not sub:
            return set()
        return {r[0] for r in conn.execute(text(sub), params)}


def test_trigram_search_finds_what_fts5_finds(tmp_path: Path):
    """The same demo book on both engines: every query matches the same customers."""
    require_pg()
    today = date(2026, 11, 23)
    lite = open_database(str(tmp_path / "book.sqlite3"), tmp_path / "b", synchronous="OFF")
    generate_demo(lite.engine, 300, seed=11, today=today)
    with fresh_database(database_prefix("search")) as url:
        pg = open_database(url, tmp_path / "b")
        generate_demo(pg.engine, 300, seed=11, today=today)
        try:
            for query in QUERIES:
                assert _matches(pg, query) == _matches(lite, query), query
            assert any(_matches(pg, q) for q in QUERIES)
            with pg.engine.connect() as conn:  # the index exists and is a trigram GIN
                index = conn.execute(text(
                    "SELECT indexdef FROM pg_indexes WHERE tablename = 'customer_search'"
                    " AND indexdef LIKE '%gin_trgm_ops%'")).scalar()
            assert index is not None
        finally:
            pg.dispose()
            lite.dispose()
    assert searched_at_once("华") and not searched_at_once("hx")


#: sorts no index can serve: credit usage divides two tables' figures
UNINDEXED_SORTS = {"credit"}


def _plan(conn, sql: str, params: dict) -> str:  # type: ignore[no-untyped-def]
    rows = conn.exec_driver_sql("EXPLAIN " + sql, params).scalars().all()
    return "\n".join(rows)


def test_every_list_sort_reads_its_page_off_an_index(tmp_path: Path):
    """A sorted page of the customer list walks an index in SQLite's order (NULLs first
    ascending, ids as tie-break) on PostgreSQL too, both directions, in a book created
    at head and in one upgraded from 0015 (migration 0016). With sorting disabled the
    planner still sorts when no index gives the order, so a missing index shows as a
    Sort node in the plan."""
    require_pg()
    from sqlalchemy import event

    from kamdesk.store.queries import customers as q
    from kamdesk.store.sort_indexes_pg import SORT_INDEXES

    assert set(q.SORT_COLUMNS) - UNINDEXED_SORTS - {"code", "name"} == {
        name.removeprefix("ix_pg_sort_") for name, _t, _c in SORT_INDEXES}
    with fresh_database(database_prefix("sorts")) as url:
        db = open_database(url, tmp_path / "b")
        generate_demo(db.engine, 60, seed=3, today=date(2026, 11, 23))
        with db.engine.begin() as conn:  # an existing book of 0015: without them
            for name, _t, _c in SORT_INDEXES:
                conn.exec_driver_sql(f"DROP INDEX {name}")
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = "
                                 "'0015_calendar_indexes'")
        db.dispose()
        assert ensure_schema(make_engine(url), tmp_path).action == "upgraded"
        db = open_database(url, tmp_path / "b")
        seen: list[tuple[str, dict]] = []
        event.listen(db.engine, "before_cursor_execute",
                     lambda _c, _cur, sql, params, _ctx, _many: seen.append((sql, params)))
        try:
            for key in q.SORT_COLUMNS:
                for descending in (False, True):
                    seen.clear()
                    query = q.CustomerQuery(sort=key, descending=descending)
                    rows = db.read(lambda c, query=query: q.fetch_page(c, query, 0, 20))
                    assert len(rows) == 20
                    sql, params = next((s, p) for s, p in seen if "ORDER BY" in s)
                    with db.engine.begin() as conn:
                        conn.exec_driver_sql("SET LOCAL enable_sort = off")
                        plan = _plan(conn, sql, params)
                    # an incremental sort of ties (code, name: near unique) costs nothing
                    full_sort = re.search(r"(?<!Incremental )Sort  \(", plan) is not None
                    assert full_sort == (key in UNINDEXED_SORTS), (key, descending, plan)
        finally:
            db.dispose()
