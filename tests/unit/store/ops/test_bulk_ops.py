"""The bulk-load helpers an import of 100k customers runs with change nothing but speed:
the page cache is given back, indexes dropped for a bulk insert are built again (or
kept, on a rollback), the search index's bulk setting is reset, and an import through
the bulk paths stores exactly what the row-by-row paths store."""

from __future__ import annotations

import csv
import random
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kamdesk.io.import_tables import import_table
from kamdesk.store import search_sqlite
from kamdesk.store.ops import bulk
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.bulk import bulk_load, indexes_set_aside
from kamdesk.store.ops.customers import CustomerUpsert, KeyContact, upsert_customers

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10)
HEAD = ["客户ID", "客户名称", "行业属性", "合作时长(月)", "年度贡献值(万元)",
        "客户类型(价值/活跃度)", "关键联系人", "联系方式", "核心需求", "最近互动时间"]


def _indexes(conn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY name").fetchall()


def _sheet(path: Path, rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEAD)
        for i in range(1, rows + 1):
            w.writerow([f"K{i:04d}" if rng.random() < 0.9 else "",
                        f"{rng.choice('青岛西安单县朝阳曾乐')}{rng.choice('中科众诚长治')}公司{i}",
                        rng.choice(["制造业", "金融", ""]), rng.randint(1, 120),
                        rng.choice(["12.5", "0.3", "", "—"]),
                        rng.choice(["高价值/活跃", "中价值/沉默", ""]),
                        rng.choice(["单经理", "曾总", "乐工", ""]),
                        rng.choice(["13800138000", "", "+86 139 0000 1111"]),
                        rng.choice(["成本", ""]), f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
    return path


@pytest.mark.sqlite_only(reason="SQLite page cache and index rebuild of bulk loads")
def test_bulk_load_gives_the_cache_back_and_holds_one_transaction(db):
    with db.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with bulk_load(conn):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -bulk.BULK_CACHE_KIB
            assert conn.connection.dbapi_connection.in_transaction
            conn.exec_driver_sql("INSERT INTO app_settings (key, value) VALUES ('x', '1')")
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM app_settings WHERE key = 'x'"
                                    ).scalar() == 0


@pytest.mark.sqlite_only(reason="SQLite page cache and index rebuild of bulk loads")
def test_indexes_set_aside_are_built_again_or_kept_on_failure(db, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_INDEX_ROWS", 2)
    rows = [CustomerUpsert({"name": f"公司{i}", "industry": "金融"}, KeyContact(f"曾{i}", None))
            for i in range(30)]
    with db.engine.connect() as conn:
        before = _indexes(conn)
    with Session(db.engine) as session:
        with bulk_load(session):
            upsert_customers(session, rows, now=NOW, today=TODAY)
        session.commit()
    with db.engine.connect() as conn:
        assert _indexes(conn) == before
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 30
    # A failure inside the bulk insert: the rollback keeps every index.
    with Session(db.engine) as session:
        with pytest.raises(RuntimeError), bulk_load(session), \
                indexes_set_aside(session, "people", 100):
            session.connection().exec_driver_sql("DELETE FROM people")
            raise RuntimeError("disk full")
        session.rollback()
    with db.engine.connect() as conn:
        assert _indexes(conn) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM people").scalar() == 30


@pytest.mark.sqlite_only(reason="SQLite page cache and index rebuild of bulk loads")
def test_indexes_stay_without_an_open_transaction(db, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_INDEX_ROWS", 1)
    with db.engine.connect() as conn:
        before = _indexes(conn)
        assert not conn.connection.dbapi_connection.in_transaction
        with indexes_set_aside(conn, "customers", 10):
            assert _indexes(conn) == before  # never DDL outside the caller's transaction
        conn.rollback()


@pytest.mark.sqlite_only(reason="copies the book file; FTS5 settings")
def test_import_through_the_bulk_paths_stores_what_the_row_paths_store(
        db, tmp_path, monkeypatch):
    sheet = _sheet(tmp_path / "t1.csv", 60, seed=3)
    other = tmp_path / "other.sqlite3"
    db.engine.dispose()
    shutil.copy(str(db.engine.url.database), other)

    def run(database_engine) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
        with Session(database_engine) as session, track_writes(database_engine) as written:
            changes = import_table(session, sheet, today=TODAY, now=NOW)
            session.commit()
        assert written <= changes.names
        with database_engine.connect() as conn:
            out = {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                   for t in ("customers", "people", "customer_metrics", "import_batch_rows")}
            out["fts"] = conn.exec_driver_sql(
                "SELECT rowid, body FROM customer_fts ORDER BY rowid").fetchall()
            out["config"] = conn.exec_driver_sql(
                "SELECT k, v FROM customer_fts_config WHERE k != 'hashsize'").fetchall()
            hashsize = conn.exec_driver_sql(
                "SELECT v FROM customer_fts_config WHERE k = 'hashsize'").scalar()
            assert hashsize in (None, search_sqlite.FTS_HASH_BYTES)
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        return out

    plain = run(db.engine)
    from kamdesk.store.engine import make_engine

    monkeypatch.setattr(bulk, "BULK_INDEX_ROWS", 5)
    monkeypatch.setattr(search_sqlite, "BULK_ROWS", 5)
    engine = make_engine(str(other), synchronous="OFF")
    try:
        fast = run(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT v FROM customer_fts_config WHERE k = "
                                        "'hashsize'").scalar() == search_sqlite.FTS_HASH_BYTES
    finally:
        engine.dispose()
    assert len(plain["customers"]) > 40
    assert fast == plain
