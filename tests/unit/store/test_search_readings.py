"""Search finds people and customers by either reading of a polyphonic character, and
rows written by the importer, by hand and by a re-index hold the same search text."""

import random

import pytest

import factories as customer_ops
import factories as people_ops
from pg_support import search_rows, search_table
from sqlalchemy import text

from kamdesk.io.import_tables import import_file
from kamdesk.store.database import open_database
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.search_index import (
    SEARCH_INDEX_KEY,
    SEARCH_INDEX_VERSION,
    rebuild_search_index,
    reindex_if_stale,
)
from kamdesk.store.queries.customers import pick_customers
from kamdesk.store import search_sqlite
from kamdesk.store.search import matching_ids_sql


def _found(db, typed):
    with db.engine.connect() as conn:
        sub, params = matching_ids_sql(conn, typed)
        ids = {r[0] for r in conn.execute(text(sub), params)}
        return {r[0] for r in conn.execute(text("SELECT name FROM customers WHERE id IN "
                                                f"({','.join(map(str, ids)) or 'NULL'})"))}


def test_a_person_is_found_by_the_surname_reading_and_the_common_one(db):
    with db.session() as s:
        acme = customer_ops.create_customer(s, name="北京恒泰科技")
        people_ops.create_person(s, acme.id, name="单文华")
        zeng = customer_ops.create_customer(s, name="上海华信贸易")
        people_ops.create_person(s, zeng.id, name="曾国强")
        s.commit()
    for typed in ("swh", "dwh", "shanwenhua", "danwenhua"):
        assert _found(db, typed) == {"北京恒泰科技"}, typed
    for typed in ("zgq", "cgq", "zengguo", "cengguo"):
        assert _found(db, typed) == {"上海华信贸易"}, typed
    with db.engine.connect() as conn:  # the picker too (its ranking reads stored pinyin)
        assert [h.name for h in pick_customers(conn, "swh")] == ["北京恒泰科技"]
        assert [h.name for h in pick_customers(conn, "dwh")] == ["北京恒泰科技"]


def test_a_company_is_found_by_its_place_name_and_the_other_reading(db):
    with db.session() as s:
        customer_ops.create_customer(s, name="长治银行朝阳支行")
        customer_ops.create_customer(s, name="单县食品厂")
        s.commit()
    assert _found(db, "changzhi") == {"长治银行朝阳支行"}
    assert _found(db, "czyhcyzh") == {"长治银行朝阳支行"}
    assert _found(db, "zhangzhi") == {"长治银行朝阳支行"}  # the common reading of 长
    assert _found(db, "sxspc") == {"单县食品厂"} == _found(db, "dxspc")


def _contacts(seed, count):
    r = random.Random(seed)
    surnames = [*"曾单解仇区查翟覃阚乐朴盖王李张", "尉迟", "欧阳"]
    given = "文华国强长乐重朝明静"
    return [(f"{r.choice('北上深广')}{r.choice(['恒泰', '长风', '重光', '华信'])}公司{i}",
             r.choice(surnames) + "".join(r.choice(given) for _ in range(r.randint(1, 2))))
            for i in range(count)]


def _bodies(db):
    with db.engine.connect() as conn:
        return {name: body for name, body in conn.execute(text(
            f"SELECT c.name, f.body FROM customers c JOIN {search_rows(conn)} f ON f.id = c.id"))}


def _stored(db):
    with db.engine.connect() as conn:
        return sorted(conn.execute(text(
            "SELECT c.name, p.name, p.name_pinyin, p.name_initials, c.name_pinyin, "
            "c.name_initials FROM customers c JOIN people p ON p.customer_id = c.id")).all())


def test_imported_and_hand_made_rows_are_indexed_the_same(db, empty_template, tmp_path,
                                                         another_db):
    rows = _contacts(11, 40)
    sheet = tmp_path / "customers.csv"
    sheet.write_text("客户名称,关键联系人\n" + "".join(f"{c},{p}\n" for c, p in rows),
                     encoding="utf-8")
    with db.engine.begin() as conn:
        assert import_file(conn, sheet).written
    by_hand = another_db()
    with by_hand.session() as s:
        for company, person in rows:
            people_ops.create_person(s, customer_ops.create_customer(s, name=company).id,
                                     name=person)
        s.commit()
    assert _stored(db) == _stored(by_hand)
    imported, hand_made = _bodies(db), _bodies(by_hand)
    for company, _person in rows:  # codes differ by design of each path: compare the rest
        assert imported[company].split(" ", 1)[1] == hand_made[company].split(" ", 1)[1]
    before = _bodies(by_hand)
    changes = by_hand.write(rebuild_search_index)
    assert changes.value == len(rows) and _bodies(by_hand) == before
    by_hand.dispose()


def test_an_old_index_is_rebuilt_once_on_open(db, tmp_path):
    with db.session() as s:
        people_ops.create_person(s, customer_ops.create_customer(s, name="华信").id,
                                 name="单文华")
        s.commit()
    with db.engine.begin() as conn:  # as an older KAMDesk left it
        conn.execute(text("UPDATE people SET name_pinyin = 'danwenhua', name_initials = 'dwh'"))
        table, _id = search_table(conn)
        conn.execute(text(f"UPDATE {table} SET body = 'c0001 华信 单文华 danwenhua dwh'"))
        conn.execute(text("DELETE FROM app_settings WHERE key = :k"), {"k": SEARCH_INDEX_KEY})
    assert _found(db, "swh") == set()
    location = db.location
    db.dispose()
    reopened = open_database(location, tmp_path / "backups")
    assert _found(reopened, "swh") == {"华信"} == _found(reopened, "dwh")
    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM app_settings WHERE key = :k"),
                            {"k": SEARCH_INDEX_KEY}).scalar() == str(SEARCH_INDEX_VERSION)
    assert not reopened.write(reindex_if_stale)  # current: nothing written
    reopened.dispose()


def test_rebuild_declares_what_it_writes(db):
    with db.session() as s:
        people_ops.create_person(s, customer_ops.create_customer(s, name="长治").id,
                                 name="曾乐")
        s.commit()
    with track_writes(db.engine) as written, db.session() as s:
        changes = rebuild_search_index(s)
        s.commit()
    assert written <= changes.names | {"customer_fts", "customer_search"}


def test_search_runs_at_once_only_what_the_index_answers():
    from kamdesk.store.search import search_words, searched_at_once

    assert searched_at_once("") and searched_at_once("f")  # filters nothing
    assert searched_at_once("丰") and searched_at_once("丰源") and searched_at_once("fyz")
    assert not searched_at_once("fy") and not searched_at_once("17")  # a scan: wait
    assert search_words("f") == () and search_words("F yz") == ("yz",)


@pytest.mark.parametrize("on_a_thread", [False, True])
def test_the_search_rows_an_import_builds_in_memory_equal_a_rebuild(db, tmp_path, monkeypatch,
                                                                    on_a_thread):
    # on_a_thread: a batch as big as an import's, whose search rows are written by one
    # json_each statement on a worker thread while the customer rows are built
    if on_a_thread:
        monkeypatch.setattr(search_sqlite, "BULK_ROWS", 1)
    # The importer writes its new customers' search text from the values it holds
    # (names read once, people not read back); a rebuild from the database must find
    # nothing to change: phones with and without separators, polyphonic names, no contact.
    r = random.Random(5)
    lines = []
    for i, (company, person) in enumerate(_contacts(23, 60)):
        phone = r.choice(["", f"138{i:08d}", f"0755-8{i:07d}", f"+86 139 {i:04d} {i:04d}"])
        lines.append(f"{company},{person if i % 7 else ''},{phone}\n")
    sheet = tmp_path / "customers.csv"
    sheet.write_text("客户名称,关键联系人,联系方式\n" + "".join(lines), encoding="utf-8")
    with db.engine.begin() as conn:
        assert import_file(conn, sheet).written
    imported = _bodies(db)
    assert len(imported) == 60
    db.write(rebuild_search_index)
    assert _bodies(db) == imported
