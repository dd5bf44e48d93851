"""Backups are verified and uniquely named; automatic ones rotate; a restore gives back
exactly the backup — also next to an old -wal, which must never replay onto it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kamdesk.io.backup import BackupError, backup_file
from kamdesk.io.backup_catalog import (
    automatic_backups,
    check_restorable,
    inspect_backup,
    make_automatic_backup,
)
from kamdesk.io.restore import restore_backup, restore_into_database
from kamdesk.store import upgrade_backup
from kamdesk.store.database import integrity_report, open_database
from kamdesk.store.schema_version import HEAD_REVISION

pytestmark = pytest.mark.sqlite_only(reason="backups and restores are SQLite files")

NOW = datetime(2026, 11, 23, 10, 0, 0)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "revisions"


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read-only, in a stable order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' ORDER BY name")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
                for n in names}
    finally:
        conn.close()


def _close(db) -> Path:
    live = Path(db.location)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return live


# --- making backups -------------------------------------------------------------------

def test_two_backups_in_the_same_second_both_survive(demo_db, tmp_path):
    folder = tmp_path / "bk"
    one = backup_file(demo_db.location, folder, now=NOW)
    two = backup_file(demo_db.location, folder, now=NOW)
    assert one.name == "kamdesk-20261123-100000.sqlite3"
    assert two.name == "kamdesk-20261123-100000-2.sqlite3"
    assert dump(one) == dump(two)
    assert oct(one.stat().st_mode & 0o777) == "0o600"
    assert not list(folder.glob("*.part"))


def _damage_an_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE type='index' "
                        "AND tbl_name='customers' AND rootpage > 1").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(b"\xff\x13" * 200)


def test_a_corrupt_copy_never_becomes_a_backup(demo_db, tmp_path):
    live = _close(demo_db)
    _damage_an_index(live)  # the backup API copies the damage page for page
    folder = tmp_path / "bk"
    with pytest.raises(BackupError) as failed:
        backup_file(live, folder, now=NOW)
    assert failed.value.kind == "not_verified"
    assert list(folder.iterdir()) == []  # no final name, no .part, no files folder


def test_a_full_disk_leaves_nothing_that_looks_like_a_backup(db, tmp_path, monkeypatch):
    def disk_full(status: int, remaining: int, total: int) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(upgrade_backup, "BACKUP_STEP_PAGES", 1)
    monkeypatch.setattr(upgrade_backup, "on_backup_step", disk_full)
    folder = tmp_path / "bk"
    with pytest.raises(BackupError) as failed:
        backup_file(db.location, folder, now=NOW)
    assert failed.value.kind == "disk_full"
    assert list(folder.iterdir()) == []


def test_automatic_backups_once_a_day_and_rotated(db, tmp_path):
    folder = tmp_path / "bk"
    manual = backup_file(db.location, folder, now=NOW - timedelta(days=400))
    book = Path(db.location)
    made = []
    for day in range(45):  # seven weeks over two months
        now = NOW + timedelta(days=day)
        first = make_automatic_backup(book, folder, now)
        assert first is not None and first.name.startswith("test-auto-")
        made.append(first)
        assert make_automatic_backup(book, folder, now + timedelta(hours=8)) is None
    kept = automatic_backups(book, folder)
    assert made[-1] in kept and 7 < len(kept) <= 12
    assert made[-7:] == kept[-7:]  # the last 7 days
    assert manual.exists()  # the user's own backups are never rotated away
    assert not list(folder.glob("*.part"))


# --- preview and refusals -------------------------------------------------------------

def test_preview_reads_counts_and_revision_read_only(demo_db, tmp_path):
    target = backup_file(demo_db.location, tmp_path / "bk", now=NOW)
    before = target.read_bytes()
    preview = inspect_backup(target)
    assert preview.taken_at == NOW and preview.revision == HEAD_REVISION and preview.sound
    assert preview.customers == 200 and preview.people > 0 and preview.contacts > 0
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_newer_or_foreign_file_is_refused_and_the_book_untouched(db, tmp_path):
    newer = backup_file(db.location, tmp_path / "bk", now=NOW)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes(x)")
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all" * 100)
    live = _close(db)
    before = live.read_bytes()
    for path, kind in ((newer, "too_new"), (foreign, "not_kamdesk"), (text, "not_kamdesk"),
                       (tmp_path / "missing.sqlite3", "no_database")):
        with pytest.raises(BackupError) as refused:
            restore_backup(path, live, tmp_path / "safety", now=NOW)
        assert refused.value.kind == kind
    assert live.read_bytes() == before
    assert not (tmp_path / "safety").exists()  # nothing was even backed up


# --- restore --------------------------------------------------------------------------

def test_restore_gives_back_the_backup_row_for_row(demo_db, tmp_path):
    backup = backup_file(demo_db.location, tmp_path / "bk", now=NOW)
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customers SET name = name || ' (later)'")
        conn.exec_driver_sql("DELETE FROM interactions WHERE id % 3 = 0")
    later = dump(Path(demo_db.location))
    result = restore_into_database(demo_db, backup, tmp_path / "safety",
                                   now=NOW + timedelta(hours=1))
    live = Path(demo_db.location)
    assert dump(live) == dump(backup)
    assert result.previous_copy is not None and dump(result.previous_copy) == later
    assert result.restored.customers == 200
    # The same Database object reads the restored book, and it is sound.
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM customers WHERE name LIKE '% (later)'").scalar() == 0
    assert integrity_report(demo_db) == []


WRITER = textwrap.dedent("""
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE customers SET name = 'changed later ' || id")
    conn.commit()
    os._exit(0)  # a crash: the later changes stay in the -wal, never checkpointed
""")


def test_an_old_wal_never_replays_onto_the_restored_book(demo_db, tmp_path):
    backup = backup_file(demo_db.location, tmp_path / "bk", now=NOW)
    live = _close(demo_db)
    subprocess.run([sys.executable, "-c", WRITER, str(live)], check=True, timeout=60)
    wal = live.with_name(live.name + "-wal")
    assert wal.stat().st_size > 0

    # The trap, shown on a copy: a backup copied over the file by hand next to the old
    # -wal gets the later changes replayed onto it.
    trap = tmp_path / "trap"
    trap.mkdir()
    shutil.copy(backup, trap / live.name)
    shutil.copy(wal, trap / wal.name)
    replayed = dump(trap / live.name)["customers"]
    assert any("changed later" in str(row) for row in replayed)

    restore_backup(backup, live, tmp_path / "safety", now=NOW)
    assert not wal.exists()
    assert dump(live) == dump(backup)
    again = open_database(str(live), tmp_path / "backups", synchronous="OFF")
    try:
        with again.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM customers WHERE name LIKE 'changed later%'").scalar() == 0
        assert integrity_report(again) == []
    finally:
        again.dispose()
    assert dump(live) == dump(backup)
    # …and the later changes were not lost either: the book kept before the restore has them.
    kept = next((tmp_path / "safety").glob("*-before-restore-*.sqlite3"))
    names = [str(row) for row in dump(kept)["customers"]]
    assert names and all("changed later" in row for row in names)


def test_restore_is_refused_while_another_program_holds_the_book(db, tmp_path):
    backup = backup_file(db.location, tmp_path / "bk", now=NOW)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO app_settings(key, value) VALUES ('k', 'v')")
    live = Path(db.location)
    before = dump(live)
    holder = sqlite3.connect(live)
    holder.execute("SELECT count(*) FROM customers").fetchone()
    try:
        with pytest.raises(BackupError) as refused:
            restore_backup(backup, live, None, now=NOW)
        assert refused.value.kind == "in_use"
    finally:
        holder.close()
    assert dump(live) == before


def test_an_older_backup_is_upgraded_by_the_start_path(db, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "0009_service_loop.sqlite3", old)
    assert check_restorable(old).revision == "0009_service_loop"
    result = restore_into_database(db, old, tmp_path / "safety", now=NOW)
    assert result.restored.revision == "0009_service_loop"
    assert db.report is not None and db.report.action == "upgraded"
    assert db.report.to_revision == HEAD_REVISION
    assert integrity_report(db) == []
