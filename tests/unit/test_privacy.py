"""Privacy by default (issue #14 item 6): the book, its side files, backups, exports,
documents, the log and the settings are user-only whatever the umask."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import pytest

from kamdesk.privacy import (
    ENFORCED,
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    mode_of,
    private_dir,
    private_file,
    restrict_process,
)

pytestmark = pytest.mark.skipif(not ENFORCED, reason="mode bits are POSIX only (see privacy.py)")


@pytest.fixture
def usual_umask():
    """The umask most desktops start programs with (files 0644, folders 0755)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _first_write(database):
    from kamdesk.store.ops.changes import Changes
    from kamdesk.store.ops.settings import put_json

    def op(session):
        put_json(session.connection(), "privacy_probe", 1)
        return Changes.of("app_settings")

    database.write(op)


def test_an_old_world_readable_book_and_its_side_files_are_tightened(tmp_path, usual_umask):
    from kamdesk.store.database import open_database

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:  # an SQLite file with no tables yet, left 0644
        conn.execute("CREATE TABLE t (a)")
        conn.execute("DROP TABLE t")
    conn.close()
    assert mode_of(path) == 0o644
    db = open_database(str(path), tmp_path / "backups", synchronous="OFF")
    try:
        _first_write(db)
        modes = {s: mode_of(f"{path}{s}") for s in ("", "-wal", "-shm")}
    finally:
        db.dispose()
    # SQLite gives -wal/-shm the mode of the database file: once that is 0600, so are they.
    assert modes == {"": 0o600, "-wal": 0o600, "-shm": 0o600}, modes
    print(f"\nunder umask 022: {modes}")


def test_under_the_process_umask_everything_new_is_born_private(tmp_path):
    from kamdesk.store.database import open_database

    old = os.umask(0o022)
    try:
        restrict_process()
        path = tmp_path / "new" / "book.sqlite3"
        db = open_database(str(path), tmp_path / "backups", synchronous="OFF")
        _first_write(db)
        modes = {s: mode_of(f"{path}{s}") for s in ("", "-wal", "-shm")}
        db.dispose()
        (tmp_path / "any.txt").write_text("x")
        assert mode_of(tmp_path / "any.txt") == PRIVATE_FILE_MODE
        assert mode_of(path.parent) == PRIVATE_DIR_MODE
    finally:
        os.umask(old)
    assert set(modes.values()) == {0o600}, modes


@pytest.mark.sqlite_only(reason="makes a file backup of the book (SQLite by nature)")
def test_exports_backups_documents_are_user_only_under_the_usual_umask(
        tmp_path, usual_umask, demo_db):
    from kamdesk.cli.plans import write_pdf
    from kamdesk.io.backup import backup_file
    from kamdesk.io.document_store import DocumentStore
    from kamdesk.io.export_tables import write_rows
    from kamdesk.io.ical import write_ical
    from kamdesk.io.vcard import write_vcards

    out = tmp_path / "out"
    out.mkdir()
    write_rows(out / "c.csv", ["name"], [["张三"]])
    write_rows(out / "c.xlsx", ["name"], [["张三"]])
    write_ical([], out / "cal.ics", now=None)
    with demo_db.engine.connect() as conn:
        write_vcards(conn, out / "people.vcf")
    assert write_pdf(lambda doc, target, pagesize: target.write_bytes(b"%PDF-1.4") and 1,
                     None, str(out / "plan.pdf"), False) == 0
    copy = backup_file(demo_db.file_path, tmp_path / "backups")
    src = tmp_path / "contract.txt"
    src.write_text("合同")
    stored = DocumentStore(tmp_path / "docs").put(src)
    modes = {p.name: mode_of(p) for p in sorted(out.iterdir())}
    modes[copy.name] = mode_of(copy)
    assert set(modes.values()) == {0o600}, modes
    assert mode_of(tmp_path / "backups") == PRIVATE_DIR_MODE  # a folder the backup made
    assert mode_of(DocumentStore(tmp_path / "docs").path(stored.sha256)) == 0o400
    print(f"\nunder umask 022: {modes}; stored document 0400, new backup folder 0700")


def test_the_log_folder_and_file_are_private(tmp_path, usual_umask):
    import logging

    import kamdesk.log as kl

    before = list(logging.getLogger().handlers)
    try:
        path = kl.setup_logging(tmp_path / "logs")
        logging.getLogger("kamdesk.test").warning("hello")
        assert mode_of(path.parent) == PRIVATE_DIR_MODE and mode_of(path) == PRIVATE_FILE_MODE
    finally:
        for h in logging.getLogger().handlers[:]:
            if h not in before:
                logging.getLogger().removeHandler(h)
                h.close()
        kl._configured = None


def test_settings_file_and_data_folder_are_made_private(tmp_path, usual_umask, qapp):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "cfg" / "KAMDesk.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/lang", "zh_CN")
    settings.sync()
    assert mode_of(settings.fileName()) == 0o644
    private_file(settings.fileName())  # what run_gui does at start and at quit
    assert mode_of(settings.fileName()) == PRIVATE_FILE_MODE
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    assert mode_of(private_dir(folder)) == PRIVATE_DIR_MODE


def test_run_gui_and_cli_set_the_private_umask(tmp_path, monkeypatch):
    from kamdesk.cli import main

    old = os.umask(0o022)
    try:
        assert main(["--db", str(tmp_path / "b.sqlite3"), "demo", "--customers", "3",
                     "--today", date(2026, 11, 23).isoformat()]) == 0
        assert os.umask(0o022) == 0o077
        assert mode_of(tmp_path / "b.sqlite3") == 0o600
        assert {mode_of(p) for p in tmp_path.glob("b.sqlite3*")} == {0o600}
    finally:
        os.umask(old)
