"""The metrics table keeps its indexes through a whole-table rewrite that is rolled
back, and a book that lost indexes (to the bug this fixes) gets them back on open."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kamdesk.store import metrics
from kamdesk.store.database import open_database
from kamdesk.store.metrics import recompute_metrics

pytestmark = pytest.mark.sqlite_only(reason="SQLite's DDL and transactions; its own file")


def _indexes(path) -> set[str]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as c:
        return {r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'customer_metrics' AND sql IS NOT NULL")}


def test_a_rolled_back_rewrite_keeps_the_indexes(demo_db, monkeypatch):
    before = _indexes(demo_db.file_path)
    assert len(before) >= 8
    monkeypatch.setattr(metrics, "rewrite_everything", lambda to_write, stored: True)
    monkeypatch.setattr(metrics, "REBUILD_INDEXES_ABOVE", 10)  # the demo has 200 rows
    with demo_db.engine.connect() as conn:
        trans = conn.begin()
        recompute_metrics(conn, date(2027, 2, 1))  # a later day: the whole table
        trans.rollback()
    assert _indexes(demo_db.file_path) == before
    with demo_db.engine.begin() as conn:  # and a committed one builds them again
        recompute_metrics(conn, date(2027, 2, 1))
    assert _indexes(demo_db.file_path) == before


def test_a_book_that_lost_indexes_gets_them_back_on_open(demo_db, tmp_path):
    path = demo_db.file_path
    before = _indexes(path)
    demo_db.dispose()
    with sqlite3.connect(path) as c:
        c.execute("DROP INDEX ix_metrics_revenue")
        c.execute("DROP INDEX ix_metrics_next_due")
    assert _indexes(path) == before - {"ix_metrics_revenue", "ix_metrics_next_due"}
    db = open_database(str(path), tmp_path / "backups")
    try:
        assert _indexes(path) == before
    finally:
        db.dispose()
