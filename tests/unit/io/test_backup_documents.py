"""Backups carry the attached documents; a restore brings the database and its files back."""

from __future__ import annotations

import pytest
import shutil
from datetime import datetime
from pathlib import Path

import factories as customer_ops

from kamdesk.cli import main
from kamdesk.io.backup import backup_file
from kamdesk.io.restore import restore_backup
from kamdesk.io.document_store import (
    DocumentStore,
    attach_file,
    files_folder_for,
    remove_file,
    store_for_database,
)
from kamdesk.store.database import open_database
from kamdesk.store.queries.documents import documents_of_customer

pytestmark = pytest.mark.sqlite_only(reason="backups are copies of the book file")


def _attach(db, tmp_path: Path, data: bytes, name: str) -> tuple[int, str]:
    with db.session() as s:
        cid = customer_ops.create_customer(s, name=f"客户{name}").id
        s.commit()
    src = tmp_path / "src" / name
    src.parent.mkdir(exist_ok=True)
    src.write_bytes(data)
    store = store_for_database(db.location)
    attach_file(store, db.write, src, customer_id=cid)
    return cid, db.read(documents_of_customer, cid)[0].sha256


def test_backup_carries_files_and_restore_brings_them_back(db, tmp_path):
    cid, sha = _attach(db, tmp_path, b"%PDF signed contract", "合同.pdf")
    _, dropped = _attach(db, tmp_path, b"removed before the backup", "old.pdf")
    store = store_for_database(db.location)
    doc_id = db.read(documents_of_customer, cid)[0].id
    remove_file(store, db.write, doc_id + 1)  # the second document: not in the backup
    target = backup_file(db.location, tmp_path / "bk", now=datetime(2026, 11, 23, 10))
    files = files_folder_for(target)
    assert target.name == "kamdesk-20261123-100000.sqlite3" and files.is_dir()
    backup_store = DocumentStore(files)
    assert list(backup_store.blobs()) == [sha]  # only what the backup's rows use
    assert backup_store.path(sha).read_bytes() == b"%PDF signed contract"
    assert not list(target.parent.glob("*.part"))

    live = Path(db.location)
    db.dispose()
    shutil.rmtree(store.root)
    for f in live.parent.glob(live.name + "*"):
        f.unlink()

    restore_backup(target, live)
    again = open_database(str(live), tmp_path / "backups", synchronous="OFF")
    try:
        rows = again.read(documents_of_customer, cid)
        assert [r.name for r in rows] == ["合同.pdf"]
        restored = store_for_database(again.location)
        opened = restored.viewable_path(rows[0].sha256, rows[0].name)
        assert opened is not None and opened.read_bytes() == b"%PDF signed contract"
        assert not restored.has(dropped)
    finally:
        again.dispose()


def test_opening_the_backup_itself_finds_its_files(db, tmp_path):
    cid, sha = _attach(db, tmp_path, b"card", "card.png")
    target = backup_file(db.location, tmp_path / "bk")
    copy = open_database(str(target), tmp_path / "backups2", synchronous="OFF")
    try:
        assert store_for_database(copy.location).has(sha)
        assert copy.read(documents_of_customer, cid)[0].sha256 == sha
    finally:
        copy.dispose()


def test_backup_without_documents_makes_no_files_folder(db, tmp_path):
    target = backup_file(db.location, tmp_path / "bk")
    assert not files_folder_for(target).exists()


def test_cli_backup_reports_the_documents_folder(db, tmp_path, capsys):
    _attach(db, tmp_path, b"x", "x.txt")
    assert main(["--db", db.location, "backup", "--out", str(tmp_path / "bk")]) == 0
    out = capsys.readouterr().out
    assert "backup ->" in out and "documents ->" in out
