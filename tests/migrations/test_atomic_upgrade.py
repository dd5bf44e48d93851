"""An upgrade is one transaction, and its backup is made once, verified, never half-named.

Before, pysqlite committed each DDL statement on its own: an upgrade that failed (or was
killed) half-way left a file stamped at the old revision holding the new tables, which
no later start could upgrade ("table app_settings already exists").
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from revision_rows import FIXTURES, check_file, connect_ro, differences, revision_of

from kamdesk.store import upgrade_backup
from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import ensure_schema
from kamdesk.store.schema_version import HEAD_REVISION
from kamdesk.store.upgrade_backup import (
    PART_SUFFIX,
    UpgradeBackupError,
    backup_prefix,
    pre_upgrade_backup,
)

OLDEST = "0001_initial"

FAILING = '''
"""test-only: a last step that fails after the real ones ran"""
from alembic import op

revision = "9999_test_fails"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE test_half_done (x INTEGER)")
    op.execute("DELETE FROM customers")
    raise RuntimeError("power cut, as far as the upgrade can tell")


def downgrade():
    pass
'''


def _fixture_copy(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite3"
    shutil.copy(FIXTURES / f"{revision}.sqlite3", path)
    return path


def test_a_failing_upgrade_leaves_the_old_revision_with_every_row(tmp_path):
    versions = tmp_path / "versions"
    versions.mkdir()
    script = textwrap.dedent(FAILING.format(head=HEAD_REVISION))
    (versions / "9999_test_fails.py").write_text(script)
    path = _fixture_copy(OLDEST, tmp_path)
    engine = make_engine(str(path), synchronous="OFF")
    with pytest.raises(RuntimeError, match="power cut"):
        ensure_schema(engine, tmp_path / "backups", extra_version_dirs=[versions],
                      expected_head="9999_test_fails")
    engine.dispose()
    old, now = connect_ro(FIXTURES / f"{OLDEST}.sqlite3"), connect_ro(path)
    try:
        assert revision_of(now) == OLDEST
        names = {r[0] for r in now.execute("SELECT name FROM sqlite_master")}
        # Nothing of 0002…head nor of the failing step stayed: not one table.
        assert not names & {"app_settings", "customer_metrics", "payments", "test_half_done"}
        assert differences(old, now) == []
        assert check_file(now) == []
        assert now.execute("PRAGMA foreign_keys").fetchone() == (0,)  # per connection
    finally:
        old.close()
        now.close()
    # The next start (this build's real head) upgrades it, reusing the backup.
    engine = make_engine(str(path), synchronous="OFF")
    report = ensure_schema(engine, tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on
    engine.dispose()
    assert report.to_revision == HEAD_REVISION
    assert len(list((tmp_path / "backups").iterdir())) == 2  # one per from→to step


def test_one_backup_per_upgrade_even_when_retried(tmp_path):
    path = _fixture_copy(OLDEST, tmp_path)
    backups = tmp_path / "backups"
    first = pre_upgrade_backup(path, backups, OLDEST, HEAD_REVISION)
    again = pre_upgrade_backup(path, backups, OLDEST, HEAD_REVISION)
    assert again == first and list(backups.iterdir()) == [first]
    assert first.name.startswith(backup_prefix(path, OLDEST, HEAD_REVISION))
    assert first.stat().st_mode & 0o077 == 0
    conn, old = connect_ro(first), connect_ro(FIXTURES / f"{OLDEST}.sqlite3")
    try:
        assert check_file(conn) == [] and differences(old, conn) == []
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
        old.close()
    # The book changed since (an older KAMDesk used in between): a new backup, a new name,
    # in the same second, the first one untouched.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE customers SET owner = '王芳' WHERE id = 2")
    conn.close()
    same_second = datetime(2026, 12, 4, 9, 0, 0)
    changed = pre_upgrade_backup(path, backups, OLDEST, HEAD_REVISION, now=same_second)
    assert changed != first and sorted(backups.iterdir()) == sorted([first, changed])


def test_two_backups_in_the_same_second_keep_both(tmp_path):
    path = _fixture_copy(OLDEST, tmp_path)
    tmp = tmp_path / "a.part"
    shutil.copy(path, tmp)
    one = upgrade_backup._link_unique(tmp, "book-x")
    shutil.copy(path, tmp)
    two = upgrade_backup._link_unique(tmp, "book-x")
    assert (one.name, two.name) == ("book-x.sqlite3", "book-x-2.sqlite3")
    assert not tmp.exists()


def test_a_failed_backup_leaves_no_file_named_like_a_backup(tmp_path, monkeypatch):
    path = _fixture_copy(OLDEST, tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    stale = backups / f"{backup_prefix(path, OLDEST, HEAD_REVISION)}old{PART_SUFFIX}"
    stale.write_bytes(b"")
    monkeypatch.setattr(upgrade_backup, "STALE_PART_SECONDS", -1)

    def disk_full(status: int, remaining: int, total: int) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(upgrade_backup, "BACKUP_STEP_PAGES", 1)
    monkeypatch.setattr(upgrade_backup, "on_backup_step", disk_full)
    with pytest.raises(UpgradeBackupError, match="disk is full"):
        pre_upgrade_backup(path, backups, OLDEST, HEAD_REVISION)
    assert list(backups.iterdir()) == []  # the failed copy and the stale one are gone
    # …and the upgrade does not start without its backup.
    engine = make_engine(str(path), synchronous="OFF")
    with pytest.raises(UpgradeBackupError):
        ensure_schema(engine, backups)
    engine.dispose()
    conn = connect_ro(path)
    assert revision_of(conn) == OLDEST
    conn.close()


def test_no_room_for_the_backup_is_told_as_disk_full(tmp_path, monkeypatch):
    from kamdesk.store.database import DatabaseProblem, open_database

    def disk_full(status: int, remaining: int, total: int) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(upgrade_backup, "on_backup_step", disk_full)
    path = _fixture_copy(OLDEST, tmp_path)
    with pytest.raises(DatabaseProblem) as problem:
        open_database(str(path), tmp_path / "backups", synchronous="OFF")
    assert problem.value.kind == "disk_full"
