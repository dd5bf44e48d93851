"""File ▸ Back up now…, File ▸ Restore… (its preview) and the automatic daily backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kamdesk.io.backup import backup_file
from kamdesk.io.backup_catalog import check_restorable
from kamdesk.store.ops import tables
from kamdesk.store.schema_version import HEAD_REVISION
from kamdesk.ui.backup_actions import AutoBackup
from kamdesk.ui.dialogs.restore_dialog import RestoreDialog

pytestmark = pytest.mark.sqlite_only(reason="backups and restores are SQLite files")

NOW = datetime(2026, 11, 23, 10, 0)  # the GUI fixtures' clock

def test_restore_dialog_previews_the_backup(qtbot, demo_ctx, tmp_path):
    backup = backup_file(demo_ctx.db.file_path, tmp_path / "usb", now=NOW)
    before = backup.read_bytes()
    dialog = RestoreDialog(check_restorable(backup, check=False), demo_ctx.db.location)
    qtbot.addWidget(dialog)
    shown = {k: f.text() for k, f in dialog.fields.items()}
    assert shown["taken"] == "2026-11-23 10:00:00"
    assert shown["revision"] == HEAD_REVISION
    assert shown["customers"] == "200"
    assert int(shown["people"]) > 0 and int(shown["contacts"]) > 0
    assert "backed up first" in dialog.note.text()
    assert backup.read_bytes() == before  # the preview only read it


def test_back_up_now_and_restore_from_the_menu(qtbot, demo_ctx, make_window, tmp_path,
                                               monkeypatch):
    w = make_window(demo_ctx)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    backup = w.backups.back_up_now(str(tmp_path / "usb"))
    assert backup is not None and str(backup) in shown[-1]
    with demo_ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customers SET name = 'x' || id")
    heard = []
    demo_ctx.changed.connect(lambda changes: heard.append(set(changes)))
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: RestoreDialog.DialogCode.Accepted)
    assert w.backups.restore(str(backup))
    assert "kept as" in shown[-1]
    assert "customers" in heard[-1] and "interactions" in heard[-1]
    with demo_ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM customers WHERE name LIKE 'x%'").scalar() == 0


def test_a_file_that_is_not_a_backup_is_refused_in_words(qtbot, ctx, make_window, tmp_path,
                                                         monkeypatch):
    w = make_window(ctx)
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"plain text" * 500)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not w.backups.restore(str(bad))
    assert warned == ["This file is not a KAMDesk backup."]


def test_automatic_backup_once_a_day_and_after_an_import(qtbot, ctx, tmp_path):
    auto = AutoBackup(ctx, None)
    folder = Path(ctx.db.location).parent / "backups"
    auto.ctx.announce(tables("import_batches"))
    qtbot.waitUntil(lambda: auto.last_made is not None, timeout=10_000)
    first = auto.last_made
    assert first.parent == folder and first.name.startswith("test-auto-20261123-")
    assert auto.run_if_due() is None  # at most once a day
    ctx.clock.advance(timedelta(days=1))
    auto.at_quit()
    assert auto.last_made != first and auto.last_made.name.startswith("test-auto-20261124-")
    conn = sqlite3.connect(auto.last_made)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_damaged_backup_is_refused_by_the_restore_and_the_book_kept(qtbot, demo_ctx,
                                                                      make_window, tmp_path,
                                                                      monkeypatch):
    backup = backup_file(demo_ctx.db.file_path, tmp_path / "usb", now=NOW)
    conn = sqlite3.connect(backup)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE type='index' "
                        "AND tbl_name='customers' AND rootpage > 1").fetchone()[0]
    conn.close()
    with open(backup, "r+b") as f:
        f.seek((page - 1) * 4096 + 8)
        f.write(b"\xff\x13" * 200)
    w = make_window(demo_ctx)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: RestoreDialog.DialogCode.Accepted)
    assert not w.backups.restore(str(backup))
    assert "damaged" in warned[-1]
    with demo_ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 200
