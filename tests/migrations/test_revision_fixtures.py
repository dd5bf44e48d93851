"""Every landed revision's filled fixture upgrades to head with every row and value kept.

The fixtures are built by tests/fixtures/revisions/make_fixtures.py (one per revision,
every table filled); a landed migration without its fixture fails here.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from revision_rows import (
    FIXTURES,
    check_file,
    connect_ro,
    differences,
    revision_of,
    rows_by_key,
    tables,
)

from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import ensure_schema, known_revisions
from kamdesk.store.schema_version import HEAD_REVISION

REVISIONS = sorted(known_revisions())


def test_every_landed_revision_has_a_filled_fixture():
    assert sorted(p.stem for p in FIXTURES.glob("*.sqlite3")) == REVISIONS
    for revision in REVISIONS:
        path = FIXTURES / f"{revision}.sqlite3"
        assert path.stat().st_size < 200_000, path.name
        conn = connect_ro(path)
        try:
            assert revision_of(conn) == revision
            empty = [t for t in tables(conn)
                     if not conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
            assert empty == [], (revision, empty)
            assert check_file(conn) == []
        finally:
            conn.close()


def _upgraded_copy(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{revision}.sqlite3"
    shutil.copy(FIXTURES / path.name, path)
    engine = make_engine(str(path), synchronous="OFF")
    try:
        report = ensure_schema(engine, tmp_path / "backups")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    expected = "current" if revision == HEAD_REVISION else "upgraded"
    assert (report.action, report.to_revision) == (expected, HEAD_REVISION)
    return path


@pytest.mark.parametrize("revision", REVISIONS)
def test_fixture_upgrades_to_head_keeping_every_row(revision, tmp_path):
    path = _upgraded_copy(revision, tmp_path)
    old, new = connect_ro(FIXTURES / path.name), connect_ro(path)
    try:
        assert revision_of(new) == HEAD_REVISION
        assert differences(old, new) == []
        assert check_file(new) == []
        # Rows the upgrade derives: one metrics row per customer, one search row too,
        # and the search index finds a customer by a short Chinese query.
        customers = new.execute("SELECT count(*) FROM customers").fetchone()[0]
        assert new.execute("SELECT count(*) FROM customer_metrics").fetchone()[0] == customers
        assert new.execute("SELECT count(*) FROM customer_fts").fetchone()[0] == customers
        assert new.execute("SELECT rowid FROM customer_fts WHERE customer_fts MATCH "
                           "'\"微众科\"'").fetchall() == [(2,)]
    finally:
        old.close()
        new.close()


def test_generated_tasks_of_old_books_get_title_codes(tmp_path):
    """0006 rewrites the generated titles it recognises (REWRITTEN in revision_rows)."""
    path = _upgraded_copy("0005_rfm_sort_index", tmp_path)
    conn = connect_ro(path)
    try:
        tasks = rows_by_key(conn, "tasks")
    finally:
        conn.close()
    assert tasks[(1,)]["title_code"] == "key_date"
    assert json.loads(tasks[(1,)]["title_params"])["person"] == "王建国"
    assert tasks[(1,)]["notes"] is None
    assert (tasks[(2,)]["title_code"], tasks[(2,)]["title"]) \
        == ("renewal", "2024-2025年度变压器框架协议 (HT-2024-001) · 华东电网")
    assert (tasks[(3,)]["title_code"], json.loads(tasks[(3,)]["title_params"])["action"]) \
        == ("cadence", "contact")
    assert (tasks[(3,)]["title"], tasks[(3,)]["snoozed_until"]) \
        == ("深圳前海微众科技有限公司", "2026-03-06 09:00:00")
    assert (tasks[(4,)]["title_code"], tasks[(4,)]["title"]) == ("plan_action", "季度高层拜访")
    assert tasks[(4,)]["notes"] is None
    assert tasks[(5,)]["title_code"] is None and tasks[(5,)]["title"] == "寄送报价"


def test_outstanding_is_derived_for_credit_customers(tmp_path):
    path = _upgraded_copy("0007_trade_book", tmp_path)
    conn = sqlite3.connect(path)
    try:
        got = dict(conn.execute("SELECT customer_id, outstanding_cents FROM customer_metrics"))
    finally:
        conn.close()
    # Customer 1: orders and a return 216,000,050 less payments 140,000,000; customer 2
    # has no credit limit (NULL); customer 3 a limit of 0 and no orders.
    assert got == {1: 76_000_050, 2: None, 3: 0}
