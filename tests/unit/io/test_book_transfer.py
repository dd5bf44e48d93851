"""Moving a book into another database (``kamdesk migrate-to``, issue #17 item 4).

A demo book enriched with every kind of id reference (tests/transfer_support.py) is
moved SQLite -> SQLite and SQLite -> PostgreSQL; the counts match table by table, a
canonical dump (ids replaced by natural keys) of both books is equal, the attached
file's bytes open on the target, and a move interrupted after a few batches continues
on the next run and ends with exactly one copy of every row.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pg_support import fresh_database, require_pg  # noqa: E402
from transfer_support import DOC_BYTES, canonical_dump, create_schema_on_pg, enrich  # noqa: E402

from kamdesk.io.book_transfer import TransferRefused, transfer_book  # noqa: E402
from kamdesk.io.book_transfer.ledger import has_ledger  # noqa: E402
from kamdesk.io.book_transfer.plan import transfer_tables  # noqa: E402
from kamdesk.io.document_store import (  # noqa: E402
    DocumentStore,
    attach_file,
    files_folder_for,
    forget_removal,
    remove_file,
    store_for_database,
)
from kamdesk.io.server_documents import document_store_for  # noqa: E402
from kamdesk.store.database import open_database  # noqa: E402

pytestmark = pytest.mark.sqlite_only(reason="moves a personal (SQLite) book; the move to PostgreSQL runs in the SQLite pass")


class Killed(Exception):
    """Stands for the process dying between two batches."""


@pytest.fixture
def book(demo_db, tmp_path):  # type: ignore[no-untyped-def]
    facts = enrich(demo_db, tmp_path)
    return demo_db, facts


@pytest.fixture
def sqlite_target(tmp_path) -> Iterator:  # type: ignore[no-untyped-def]
    target = open_database(str(tmp_path / "team.sqlite3"), tmp_path / "backups",
                           synchronous="OFF")
    yield target, DocumentStore(files_folder_for(target.file_path))
    target.dispose()


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return {p.name: c.execute(select(func.count()).select_from(p.table)).scalar_one()
                for p in transfer_tables() if p.name != "app_settings"}


def _move(db, target, store, **kw):  # type: ignore[no-untyped-def]
    return transfer_book(db.engine, db.location, store_for_database(db.location),
                         target.engine, store, **kw)


def _check_moved(db, target, report) -> None:  # type: ignore[no-untyped-def]
    assert report.ok, [c for c in report.tables if not c.ok]
    assert {c.table for c in report.tables} == {p.name for p in transfer_tables()}
    assert report.documents.source == report.documents.target == 1
    assert _counts(target.engine) == _counts(db.engine)
    assert canonical_dump(target.engine) == canonical_dump(db.engine)
    with target.engine.connect() as c:
        assert not has_ledger(c)


def test_sqlite_to_sqlite_keeps_every_row_and_relation(book, sqlite_target):  # type: ignore[no-untyped-def]
    db, facts = book
    target, store = sqlite_target
    report = _move(db, target, store, batch_size=700)
    _check_moved(db, target, report)
    with target.engine.connect() as c:
        far = c.execute(text("SELECT id FROM customers WHERE code = 'GAP-1'")).scalar_one()
        with db.engine.connect() as s:
            assert far != s.execute(text("SELECT id FROM customers WHERE code = 'GAP-1'")
                                    ).scalar_one()
        assert c.execute(text("SELECT p.name FROM people p WHERE p.customer_id = :c"),
                         {"c": far}).scalar_one() == "李远"
        view = c.execute(text("SELECT value FROM app_settings "
                              "WHERE key = 'customer_list_views'")).scalar_one()
        tag = c.execute(text("SELECT id FROM tags WHERE name = '重点'")).scalar_one()
        assert f'"tag_id": {tag}' in view
        tagged = c.execute(text("SELECT c.code FROM customer_tags t JOIN customers c "
                                "ON c.id = t.customer_id")).scalar_one()
        assert tagged == facts["tagged_code"]
        keys = set(c.execute(text("SELECT source_key FROM tasks "
                                  "WHERE source_key IS NOT NULL")).scalars())
        action = c.execute(text("SELECT min(id) FROM plan_actions")).scalar_one()
        assert f"plan_action:{action}" in keys
        assert "keydate:-999999:2026" in keys  # a key date the book no longer has: a ghost
        sha = c.execute(text("SELECT sha256 FROM documents")).scalar_one()
    assert store.path(sha).read_bytes() == DOC_BYTES


def test_an_interrupted_move_continues_and_copies_each_row_once(book, sqlite_target):  # type: ignore[no-untyped-def]
    db, _facts = book
    target, store = sqlite_target
    seen = []

    def die_after_five(step: str, rows: int) -> None:
        seen.append(step)
        if len(seen) == 5:
            raise Killed

    with pytest.raises(Killed):
        _move(db, target, store, batch_size=500, on_batch=die_after_five)
    partial = _counts(target.engine)
    assert 0 < sum(partial.values()) < sum(_counts(db.engine).values())
    with pytest.raises(Killed):  # killed again, in another table
        seen.clear()
        _move(db, target, store, batch_size=500, on_batch=die_after_five)
    with db.engine.begin() as c:  # the book is used between two runs: a new customer
        c.execute(text("INSERT INTO customers (code, name, status, potential, version, "
                       "created_at, updated_at) VALUES ('NEW-1', '新客户', 'active', "
                       "'medium', 1, '2026-11-23 10:00:00', '2026-11-23 10:00:00')"))
    report = _move(db, target, store, batch_size=500)
    assert report.resumed
    _check_moved(db, target, report)
    again = _move(db, target, store)  # the same command once more: done, nothing copied
    assert again.already_done and again.ok
    assert _counts(target.engine) == _counts(db.engine)


def test_a_target_with_other_data_or_another_move_is_refused(book, sqlite_target, demo_db,
                                                             tmp_path):  # type: ignore[no-untyped-def]
    db, _facts = book
    target, store = sqlite_target
    with target.engine.begin() as c:
        c.execute(text("INSERT INTO tags (name, colour) VALUES ('x', '#000000')"))
    with pytest.raises(TransferRefused) as refused:
        _move(db, target, store)
    assert refused.value.code == "target_not_empty"
    with target.engine.begin() as c:
        c.execute(text("DELETE FROM tags"))

    with pytest.raises(Killed):
        _move(db, target, store, on_batch=lambda step, rows: (_ for _ in ()).throw(Killed))
    other = open_database(str(tmp_path / "other.sqlite3"), tmp_path / "backups",
                          synchronous="OFF")
    try:
        with pytest.raises(TransferRefused) as refused:
            _move(other, target, store)
        assert refused.value.code == "other_transfer"
    finally:
        other.dispose()


@pytest.mark.postgres
def test_sqlite_to_postgresql(book, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    require_pg()
    db, _facts = book
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with fresh_database("migrateto") as url:
        create_schema_on_pg(url)
        target = open_database(url, tmp_path / "backups")
        with target.engine.begin() as c:  # ids a colleague's rows already took
            c.execute(text("SELECT setval('customers_id_seq', 5000)"))
        try:
            with pytest.raises(Killed):
                calls = []
                _move(db, target, None, batch_size=400,
                      on_batch=lambda s, r: calls.append(s) or (
                          len(calls) == 7 and (_ for _ in ()).throw(Killed)))
            report = _move(db, target, None, batch_size=400)
            assert report.resumed
            _check_moved(db, target, report)
            with target.engine.connect() as c:
                sha, name = c.execute(text("SELECT sha256, name FROM documents")).one()
            server_store = document_store_for(target)
            assert server_store.has(sha)
            opened = server_store.viewable_path(sha, name)
            assert opened is not None and opened.read_bytes() == DOC_BYTES
            # a file attached on the server book lives in the database, not a folder
            new_file = tmp_path / "offer.txt"
            new_file.write_bytes("报价单".encode())
            with target.engine.connect() as c:
                cid = c.execute(text("SELECT min(id) FROM customers")).scalar_one()
            added = attach_file(server_store, target.write, new_file, customer_id=cid)
            assert added is not None
            with target.engine.connect() as c:
                assert c.execute(text("SELECT count(*) FROM document_contents")).scalar_one() == 2
            removed = remove_file(server_store, target.write, added.value)
            assert removed is not None and server_store.has(removed.value.sha256)  # undo
            forget_removal(server_store, removed.value)
            assert not server_store.has(removed.value.sha256)
        finally:
            target.dispose()
