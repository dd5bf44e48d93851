"""A colleague's book joining a database that already holds the team's (``kamdesk
migrate-to URL --join``, issue #17 item 4): the lead's book is moved in first, then a
second personal book numbered from the same codes. Nothing of the first changes; the
second arrives whole (counts of this move match table by table), its clashing codes and
contract numbers get new ones and are reported, a tag of the same name is shared, the
team's settings stay while the lists of ids merge, and each book's move is remembered.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pg_support import fresh_database, require_pg  # noqa: E402
from transfer_support import create_schema_on_pg, enrich  # noqa: E402

from kamdesk.io.book_transfer import TransferRefused, transfer_book  # noqa: E402
from kamdesk.io.document_store import DocumentStore, files_folder_for, store_for_database  # noqa: E402
from kamdesk.store.database import open_database  # noqa: E402
from kamdesk.store.demo import generate_demo  # noqa: E402

pytestmark = pytest.mark.sqlite_only(
    reason="moves personal (SQLite) books; the join into PostgreSQL runs in the SQLite pass")


class Killed(Exception):
    """Stands for the process dying between two batches."""


def _move(db, target, store, **kw):  # type: ignore[no-untyped-def]
    return transfer_book(db.engine, db.location, store_for_database(db.location),
                         target.engine, store, **kw)


def _second_book(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Another manager's book: its own demo (codes from C001 too), the lead's tag name,
    another tiering method, a contract number the lead's book also has."""
    db = open_database(str(tmp_path / "colleague.sqlite3"), tmp_path / "b2", synchronous="OFF")
    generate_demo(db.engine, 25, seed=99, today=date(2026, 11, 23))
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO tags (name, colour) VALUES ('重点', '#00ff00')"))
        cid = c.execute(text("SELECT min(id) FROM customers")).scalar_one()
        c.execute(text("INSERT INTO customer_tags (customer_id, tag_id) "
                       "SELECT :c, id FROM tags WHERE name = '重点'"), {"c": cid})
        c.execute(text("INSERT INTO app_settings (key, value) VALUES ('tiering', :v) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                  {"v": json.dumps({"method": "cumulative"})})
        ids = [r[0] for r in c.execute(text("SELECT id FROM customers ORDER BY id LIMIT 2"))]
        c.execute(text("INSERT INTO app_settings (key, value) VALUES ('not_duplicates', :v)"),
                  {"v": json.dumps([ids])})
    return db


def _rows(engine, sql: str) -> list:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql))]


def _join_and_check(lead, colleague, target, store) -> None:  # type: ignore[no-untyped-def]
    first = _move(lead, target, store)
    assert first.ok and not first.renamed
    lead_rows = _rows(target.engine, "SELECT id, code, name, owner FROM customers ORDER BY id")
    with target.engine.begin() as c:  # the team's own setting
        c.execute(text("DELETE FROM app_settings WHERE key = 'tiering'"))
        c.execute(text("INSERT INTO app_settings (key, value) VALUES ('tiering', :v)"),
                  {"v": json.dumps({"method": "window"})})

    with pytest.raises(TransferRefused) as refused:
        _move(colleague, target, store)
    assert refused.value.code == "target_not_empty"

    calls: list[str] = []
    with pytest.raises(Killed):  # interrupted, then continued without repeating --join
        _move(colleague, target, store, join=True, owner="zhao", batch_size=10,
              on_batch=lambda s, r: calls.append(s) or (
                  len(calls) == 4 and (_ for _ in ()).throw(Killed)))
    report = _move(colleague, target, store, batch_size=10)
    assert report.resumed and report.ok, [c for c in report.tables if not c.ok]

    # the lead's customers are untouched; the colleague's are all there, owned by zhao
    assert _rows(target.engine, "SELECT id, code, name, owner FROM customers WHERE id IN "
                 f"({','.join(str(r[0]) for r in lead_rows)}) ORDER BY id") == lead_rows
    theirs = _rows(colleague.engine, "SELECT code, name FROM customers ORDER BY id")
    moved = _rows(target.engine, "SELECT code, name, owner FROM customers WHERE id > "
                  f"{max(r[0] for r in lead_rows)} ORDER BY id")
    assert [m[1] for m in moved] == [t[1] for t in theirs]
    assert {m[2] for m in moved} == {"zhao"}
    codes = [r[0] for r in _rows(target.engine, "SELECT code FROM customers")]
    assert len(codes) == len(set(codes)) == len(lead_rows) + len(theirs)
    renames = dict(report.renamed["customers"])
    assert renames and all(old in {r[1] for r in lead_rows} for old in renames)
    for (old, name), (code, moved_name, _o) in zip(theirs, moved, strict=True):
        assert code == renames.get(old, old) and moved_name == name
    numbers = [r[0] for r in _rows(target.engine, "SELECT number FROM contracts")]
    assert len(numbers) == len(set(numbers))
    assert all(new == f"{old}-2" for old, new in report.renamed.get("contracts", []))

    # one tag 重点, carried by a customer of each book; the team's settings stay
    assert _rows(target.engine, "SELECT count(*) FROM tags WHERE name = '重点'") == [(1,)]
    assert _rows(target.engine, "SELECT count(*) FROM customer_tags ct JOIN tags t ON "
                 "t.id = ct.tag_id WHERE t.name = '重点'") == [(2,)]
    settings = dict(_rows(target.engine, "SELECT key, value FROM app_settings"))
    assert json.loads(settings["tiering"]) == {"method": "window"}
    pairs = json.loads(settings["not_duplicates"])
    assert len(pairs) == 2 and all(isinstance(p, list) and len(p) == 2 for p in pairs)
    assert all(cid > max(r[0] for r in lead_rows) for cid in pairs[1])

    # each book's move is remembered: both commands say they are done
    again = _move(colleague, target, store, join=True)
    assert again.already_done and again.renamed == report.renamed
    assert _move(lead, target, store).already_done


def test_a_colleagues_book_joins_the_team_book(demo_db, tmp_path):  # type: ignore[no-untyped-def]
    enrich(demo_db, tmp_path)
    colleague = _second_book(tmp_path)
    target = open_database(str(tmp_path / "team.sqlite3"), tmp_path / "backups",
                           synchronous="OFF")
    try:
        _join_and_check(demo_db, colleague, target,
                        DocumentStore(files_folder_for(target.file_path)))
    finally:
        target.dispose()
        colleague.dispose()


@pytest.mark.postgres
def test_a_colleagues_book_joins_the_team_book_on_postgresql(demo_db, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    require_pg()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    enrich(demo_db, tmp_path)
    colleague = _second_book(tmp_path)
    with fresh_database("joinbook") as url:
        create_schema_on_pg(url)
        target = open_database(url, tmp_path / "backups")
        try:
            _join_and_check(demo_db, colleague, target, None)
        finally:
            target.dispose()
            colleague.dispose()


@pytest.mark.postgres
def test_a_lead_moves_a_colleagues_book_into_the_team_book_for_them(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    # Row security on: the lead runs the move with --owner; afterwards the colleague sees
    # their own account and every moved one, and the other manager sees none of them.
    require_pg()
    from team_support import team_book

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    colleague = _second_book(tmp_path)
    with team_book() as book:
        target = open_database(book.url_as(book.lead), tmp_path / "backups")
        try:
            report = _move(colleague, target, None, join=True, owner=book.alice)
            assert report.ok, [c for c in report.tables if not c.ok]
            assert {old for old, _new in report.renamed["customers"]} == {"C001", "C002"}
        finally:
            target.dispose()
            colleague.dispose()
        for role, seen in ((book.alice, 26), (book.bob, 1)):
            engine = book.engine_as(role)
            try:
                with engine.connect() as c:
                    assert c.execute(text("SELECT count(*) FROM customers")).scalar_one() == seen
            finally:
                engine.dispose()
