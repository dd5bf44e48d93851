"""The upgrade machinery keeps every row, even through a table rebuild."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest

from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import (
    SchemaTooNew, ensure_schema, run_upgrade, script_head,
)
from kamdesk.store.schema_version import HEAD_REVISION

FIRST = "0001_initial"


def _fill_first_revision(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO customers (id, code, name, status, potential, created_at, updated_at)"
                     " VALUES (1, 'C001', '中国移动', 'active', 'high', '2024-01-01', '2024-01-01')")
        conn.execute("INSERT INTO people (id, customer_id, name, attitude, relationship_strength, "
                     "is_primary, archived, created_at, updated_at) "
                     "VALUES (1, 1, '王总', 'supporter', 4, 1, 0, '2024-01-01', '2024-01-01')")
        for i in range(1, 21):
            conn.execute("INSERT INTO interactions (id, customer_id, occurred_at, channel, topic, "
                         "created_at, updated_at) VALUES (?, 1, '2024-03-15 10:00:00', 'visit', "
                         "'Q1供货回顾', '2024-01-01', '2024-01-01')", (i,))
            conn.execute("INSERT INTO interaction_people VALUES (?, 1)", (i,))
            conn.execute("INSERT INTO trades (customer_id, occurred_on, amount_cents) "
                         "VALUES (1, '2024-03-01', ?)", (i * 100,))
    conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("customers", "people", "interactions", "interaction_people", "trades")}
    finally:
        conn.close()


def test_schema_version_constant_matches_scripts():
    assert script_head() == HEAD_REVISION


def test_upgrade_from_first_revision_keeps_everything(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    run_upgrade(engine, FIRST)
    engine.dispose()
    _fill_first_revision(path)
    before = _counts(path)

    engine = make_engine(str(path))
    report = ensure_schema(engine, tmp_path / "backups")
    engine.dispose()
    assert report.action == "upgraded"
    assert report.from_revision == FIRST and report.to_revision == HEAD_REVISION
    assert report.backup is not None and report.backup.exists()
    assert _counts(path) == before
    conn = sqlite3.connect(path)
    # The new revision's derived rows exist and search finds the old customer by name.
    assert conn.execute("SELECT count(*) FROM customer_metrics").fetchone()[0] == 1
    assert conn.execute("SELECT rowid FROM customer_fts WHERE customer_fts MATCH '\"中国移\"'"
                        ).fetchall() == [(1,)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_migrated_schema_equals_fresh_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kamdesk.store.models import Base

    engine = make_engine(str(tmp_path / "m.sqlite3"))
    run_upgrade(engine, "head")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(ctx, Base.metadata)
                 if not (d[0] == "remove_table" and d[1].name.startswith("customer_fts"))]
    engine.dispose()
    assert diffs == []


REBUILD = '''
"""test-only: rebuild the customers table in batch mode"""
from alembic import op
import sqlalchemy as sa

revision = "9999_test_rebuild"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("customers", recreate="always") as batch:
        batch.add_column(sa.Column("test_flag", sa.Integer(), nullable=True))


def downgrade():
    pass
'''


def test_batch_rebuild_of_customers_keeps_child_rows(tmp_path):
    versions = tmp_path / "extra_versions"
    versions.mkdir()
    (versions / "9999_test_rebuild.py").write_text(textwrap.dedent(REBUILD.format(head=HEAD_REVISION)))
    path = tmp_path / "db.sqlite3"
    engine = make_engine(str(path))
    run_upgrade(engine, FIRST)
    engine.dispose()
    _fill_first_revision(path)
    before = _counts(path)

    engine = make_engine(str(path))
    report = ensure_schema(engine, tmp_path / "backups", extra_version_dirs=[versions],
                           expected_head="9999_test_rebuild")
    engine.dispose()
    assert report.to_revision == "9999_test_rebuild"
    assert _counts(path) == before  # with foreign keys ON this would cascade-delete children
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(customers)")]
    assert "test_flag" in cols
    conn.close()


def test_batch_rebuild_with_foreign_keys_on_would_lose_rows(tmp_path):
    """Shows the trap the machinery avoids, so the test above cannot pass vacuously."""
    path = tmp_path / "trap.sqlite3"
    engine = make_engine(str(path))
    run_upgrade(engine, FIRST)
    engine.dispose()
    _fill_first_revision(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    # What a batch rebuild does: copy, DROP the old table, rename.
    with pytest.raises(sqlite3.IntegrityError):
        with conn:
            conn.execute("DROP TABLE customers")  # RESTRICT children refuse the implicit delete
    conn.close()


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    engine = make_engine(str(path))
    ensure_schema(engine, tmp_path / "b")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(SchemaTooNew):
        ensure_schema(engine, tmp_path / "b")
    engine.dispose()
