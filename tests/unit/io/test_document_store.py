"""The document file store: content addressed, atomic, size-limited, missing-tolerant."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import factories as customer_ops
import pytest

from kamdesk.io import document_store as ds
from kamdesk.io.document_store import (
    DocumentStore,
    attach_file,
    files_folder_for,
    forget_removal,
    remove_file,
    store_for_database,
    undo_remove,
)
from kamdesk.store.errors import ValidationError
from kamdesk.store.queries.documents import blob_uses, documents_of_customer


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / "src" / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def _leftovers(store: DocumentStore) -> list[Path]:
    """Files in the store other than complete blobs (a half-written copy would show)."""
    return [p for p in store.root.rglob("*") if p.is_file()
            and p.parent.parent != store.root]


@pytest.mark.sqlite_only(reason="a book file keeps its documents beside it")
def test_the_store_lives_beside_the_database(db):
    store = store_for_database(db.location)
    assert store.root == Path(db.location).with_name("test.files")
    assert files_folder_for("/x/kamdesk-20260101-120000.sqlite3") == Path(
        "/x/kamdesk-20260101-120000.files")
    assert store_for_database("sqlite:////x/a.sqlite3").root == Path("/x/a.files")


def test_same_content_is_stored_once_and_read_only(tmp_path):
    store = DocumentStore(tmp_path / "files")
    a = store.put(_file(tmp_path, "proposal.pdf", b"%PDF same"))
    b = store.put(_file(tmp_path, "copy of proposal.pdf", b"%PDF same"))
    assert a.sha256 == b.sha256 and a.added and not b.added
    assert list(store.blobs()) == [a.sha256]
    path = store.path(a.sha256)
    assert path.read_bytes() == b"%PDF same"
    assert path.parent.name == a.sha256[:2] and path.name == a.sha256[2:]
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert _leftovers(store) == []


def test_a_file_over_the_limit_is_refused_with_nothing_left(tmp_path):
    store = DocumentStore(tmp_path / "files")
    with pytest.raises(ValidationError) as err:
        store.put(_file(tmp_path, "big.bin", b"x" * 2048), max_bytes=1024)
    assert (err.value.field, err.value.code) == ("file", "too_large")
    assert list(store.blobs()) == [] and _leftovers(store) == []


def test_an_unreadable_source_is_a_clear_error(tmp_path):
    store = DocumentStore(tmp_path / "files")
    with pytest.raises(ValidationError) as err:
        store.put(tmp_path / "nowhere.pdf")
    assert err.value.code == "unreadable"
    with pytest.raises(ValidationError):
        store.put(tmp_path)  # a folder is not a file


def test_a_full_disk_leaves_nothing_half_written(tmp_path, monkeypatch):
    store = DocumentStore(tmp_path / "files")
    real_fsync = os.fsync

    def full(fd):  # the data does not fit: the disk says so at the flush
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ds.os, "fsync", full)
    with pytest.raises(OSError) as err:
        store.put(_file(tmp_path, "scan.jpg", b"jpeg" * 100))
    assert ds.is_disk_full(err.value)
    monkeypatch.setattr(ds.os, "fsync", real_fsync)
    assert list(store.blobs()) == [] and _leftovers(store) == []


def test_a_missing_file_is_an_answer_not_an_error(tmp_path):
    store = DocumentStore(tmp_path / "files")
    stored = store.put(_file(tmp_path, "card.png", b"png"))
    os.chmod(store.path(stored.sha256), 0o600)
    store.path(stored.sha256).unlink()
    assert store.has(stored.sha256) is False
    assert store.viewable_path(stored.sha256, "card.png") is None
    assert store.has("not a sha") is False


def test_viewable_path_is_the_stored_file_under_its_name(tmp_path):
    store = DocumentStore(tmp_path / "files")
    stored = store.put(_file(tmp_path, "x", b"contract"))
    view = store.viewable_path(stored.sha256, "合同/扫描件.pdf")
    assert view is not None and view.name == "合同_扫描件.pdf"
    assert view.read_bytes() == b"contract"
    assert store.viewable_path(stored.sha256, "合同/扫描件.pdf") == view  # reused


def test_attach_remove_undo_and_the_last_use_of_a_file(db, tmp_path):
    with db.session() as s:
        cid = customer_ops.create_customer(s, name="远航物流").id
        s.commit()
    store = store_for_database(db.location)
    src = _file(tmp_path, "报价.pdf", b"quote v1")
    first = attach_file(store, db.write, src, customer_id=cid).value
    second = attach_file(store, db.write, src, customer_id=cid, name="again.pdf").value
    rows = db.read(documents_of_customer, cid)
    assert {r.id for r in rows} == {first, second}
    sha = rows[0].sha256
    assert db.read(blob_uses, sha) == 2 and list(store.blobs()) == [sha]

    removed_one = remove_file(store, db.write, first).value
    assert not removed_one.last_use and store.has(sha)  # the other document still uses it
    removed_two = remove_file(store, db.write, second).value
    assert removed_two.last_use and not store.has(sha)  # the last use took the file away
    assert list(store.blobs()) == []

    undo_remove(store, db.write, removed_two)
    assert store.has(sha) and [r.id for r in db.read(documents_of_customer, cid)] == [second]
    removed_two = remove_file(store, db.write, second).value
    forget_removal(store, removed_two)  # undo given up: the file is gone for good
    assert not store.has(sha) and not store.is_set_aside(sha)


def test_a_failed_row_leaves_no_orphan_file(db, tmp_path):
    store = store_for_database(db.location)
    src = _file(tmp_path, "a.pdf", b"orphan?")
    with pytest.raises(ValidationError):
        attach_file(store, db.write, src, customer_id=999)  # no such customer
    assert list(store.blobs()) == []
    # a runner that reports failure with None (the GUI) cleans up too
    assert attach_file(store, lambda *a, **k: None, src, customer_id=1) is None
    assert list(store.blobs()) == []


def test_a_failed_copy_leaves_no_row(db, tmp_path):
    with db.session() as s:
        cid = customer_ops.create_customer(s, name="远航物流").id
        s.commit()
    store = store_for_database(db.location)
    with pytest.raises(ValidationError):
        attach_file(store, db.write, tmp_path / "gone.pdf", customer_id=cid)
    assert db.read(documents_of_customer, cid) == []


def test_collect_garbage_keeps_only_used_files(tmp_path):
    store = DocumentStore(tmp_path / "files")
    keep = store.put(_file(tmp_path, "a", b"a")).sha256
    drop = store.put(_file(tmp_path, "b", b"b")).sha256
    store.set_aside(drop)
    assert store.collect_garbage({keep}) == 0
    assert list(store.blobs()) == [keep] and not store.is_set_aside(drop)
