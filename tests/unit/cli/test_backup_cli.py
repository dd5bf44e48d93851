"""``kamdesk backup --to``, ``kamdesk backups`` and ``kamdesk restore``: words, exit codes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.io.backup_catalog import make_automatic_backup
from kamdesk.store.schema_version import HEAD_REVISION

pytestmark = pytest.mark.sqlite_only(reason="backups are copies of the book file")


def _close(db) -> str:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return db.location


def _names(path: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        conn.close()


def test_backup_to_a_folder_then_restore_it(demo_db, tmp_path, capsys):
    live = _close(demo_db)
    stick = tmp_path / "usb stick 备份"
    assert main(["--db", live, "backup", "--to", str(stick)]) == 0
    out = capsys.readouterr().out
    copy = next(stick.glob("kamdesk-*.sqlite3"))
    assert str(copy) in out
    before = _names(live)
    conn = sqlite3.connect(live)
    conn.execute("UPDATE customers SET name = 'x' || id")
    conn.commit()
    conn.close()
    assert main(["--db", live, "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "200 customers" in out and "restored" in out and "before-restore" in out
    assert _names(live) == before


def test_backups_lists_the_automatic_ones(db, tmp_path, capsys):
    live = _close(db)
    folder = Path(live).parent / "backups"
    made = make_automatic_backup(live, folder, datetime(2026, 11, 23, 9, 5, 7))
    assert main(["--db", live, "backups"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("2026-11-23 09:05:07\t") and str(made) in line
    assert f"\t{HEAD_REVISION}\t" in line


def test_refusals_are_words_and_exit_codes(db, tmp_path, capsys):
    live = _close(db)
    assert main(["--db", live, "--lang", "zh_CN", "restore", str(tmp_path / "none.sqlite3")]) == 1
    assert "没有文件" in capsys.readouterr().err
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"hello, not sqlite" * 300)
    assert main(["--db", live, "restore", str(notes)]) == 1
    err = capsys.readouterr().err
    assert "not a KAMDesk backup" in err and "Traceback" not in err
