from datetime import date, datetime

import pytest
from sqlalchemy import event

from kamdesk.store.queries import contact_log as q
from kamdesk.store.queries.customers import pick_customer
import factories as customer_ops
import factories as people_ops
from kamdesk.store.ops.interactions import log_contact

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def book(db):
    """Two customers, three people, five contacts over a month."""
    with db.session() as s:
        a = customer_ops.create_customer(s, name="中国移动", code="C001", owner="李娜")
        b = customer_ops.create_customer(s, name="华为技术", code="C002", owner="王强")
        wang = people_ops.create_person(s, a.id, name="王总", is_primary=True)
        zhao = people_ops.create_person(s, a.id, name="赵工")
        ren = people_ops.create_person(s, b.id, name="任总")
        old = people_ops.create_person(s, b.id, name="离职的人", archived=True)

        def log(cid, when, channel, topic, **kw):
            return log_contact(s, customer_id=cid, occurred_at=when, channel=channel,
                               topic=topic, now=NOW, **kw).value.interaction_id

        ids = {
            "a_oct": log(a.id, datetime(2026, 10, 20, 9), "visit", "Q3供货回顾",
                         feedback="对交货速度满意，希望增加新品折扣", owner="李娜",
                         person_ids=[zhao.id, wang.id]),
            "b_nov1": log(b.id, datetime(2026, 11, 1, 14), "phone", "沉默客户回访",
                          feedback="近期忙于门店装修", issue="不知道新品", owner="王强",
                          person_ids=[ren.id]),
            "a_nov10": log(a.id, datetime(2026, 11, 10, 16), "email", "Price list 2027",
                           next_action="Send 100% discount sheet", deadline=date(2026, 11, 30),
                           owner="李娜"),
            "b_nov22": log(b.id, datetime(2026, 11, 22, 23, 59), "wechat", "节日问候",
                           owner="王强"),
            "a_nov23": log(a.id, datetime(2026, 11, 23, 9, 30), "phone", "新品折扣方案",
                           owner="李娜", person_ids=[wang.id]),
        }
        s.commit()
        people_ids = {"wang": wang.id, "zhao": zhao.id, "ren": ren.id, "old": old.id}
        return {"a": a.id, "b": b.id, "ids": ids, "people": people_ids}


def _page(db, query, offset=0, limit=50):
    with db.engine.connect() as conn:
        return q.count(conn, query), q.fetch_page(conn, query, offset, limit)


def test_everything_newest_first_with_customer_and_people(db, book):
    total, rows = _page(db, q.LogQuery())
    assert total == 5
    assert [r.topic for r in rows] == [
        "新品折扣方案", "节日问候", "Price list 2027", "沉默客户回访", "Q3供货回顾"]
    first = rows[0]
    assert (first.customer_code, first.customer_name, first.channel) == ("C001", "中国移动", "phone")
    assert first.occurred_at == datetime(2026, 11, 23, 9, 30)
    assert first.people == ("王总",)
    oldest = rows[-1]
    # Primary contact first, whatever order they were ticked in.
    assert oldest.people == ("王总", "赵工")
    assert oldest.person_ids == (book["people"]["wang"], book["people"]["zhao"])
    assert rows[2].deadline == date(2026, 11, 30) and rows[2].people == ()


def test_date_range_is_inclusive_of_whole_days(db, book):
    total, rows = _page(db, q.LogQuery(date_from=date(2026, 11, 1), date_to=date(2026, 11, 22)))
    assert total == 3
    # 23:59 on the last day is in, 09:30 the day after is not.
    assert {r.topic for r in rows} == {"沉默客户回访", "Price list 2027", "节日问候"}
    total, _ = _page(db, q.LogQuery(date_from=date(2026, 11, 23)))
    assert total == 1


def test_filters_combine(db, book):
    assert _page(db, q.LogQuery(channel="phone"))[0] == 2
    assert _page(db, q.LogQuery(owner="王强"))[0] == 2
    total, rows = _page(db, q.LogQuery(customer_id=book["a"], channel="phone"))
    assert total == 1 and rows[0].topic == "新品折扣方案"
    assert _page(db, q.LogQuery(customer_id=book["b"], owner="李娜"))[0] == 0


def test_text_matches_topic_feedback_issue_and_next_action(db, book):
    assert {r.topic for r in _page(db, q.LogQuery(text="折扣"))[1]} == {"新品折扣方案", "Q3供货回顾"}
    assert {r.topic for r in _page(db, q.LogQuery(text="装修"))[1]} == {"沉默客户回访"}
    assert {r.topic for r in _page(db, q.LogQuery(text="price"))[1]} == {"Price list 2027"}
    # every word must match, in any of the columns
    assert {r.topic for r in _page(db, q.LogQuery(text="新品 装修"))[1]} == {"沉默客户回访"}


def test_text_wildcards_are_literal(db, book):
    assert {r.topic for r in _page(db, q.LogQuery(text="100%"))[1]} == {"Price list 2027"}
    assert _page(db, q.LogQuery(text="_"))[0] == 0


def test_paging(db, book):
    with db.engine.connect() as conn:
        pages = [q.fetch_page(conn, q.LogQuery(), off, 2) for off in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 1]
    ids = [r.id for p in pages for r in p]
    assert len(set(ids)) == 5


def test_a_page_costs_two_statements(db, book):
    statements: list[str] = []

    def count_it(conn, cursor, statement, *args):  # noqa: ANN001
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count_it)
    try:
        with db.engine.connect() as conn:
            rows = q.fetch_page(conn, q.LogQuery(), 0, 50)
    finally:
        event.remove(db.engine, "before_cursor_execute", count_it)
    assert len(rows) == 5
    assert len(statements) == 2


@pytest.mark.sqlite_only(reason="SQLite query plan")
def test_query_uses_the_time_index(db, book):
    with db.engine.connect() as conn:
        for query, index in ((q.LogQuery(), "ix_interactions_when"),
                             (q.LogQuery(customer_id=book["a"]), "ix_interactions_customer_when")):
            compiled = _compiled_page_sql(conn, query)
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + compiled[0], compiled[1]))
            assert index in plan, plan
            assert "TEMP B-TREE" not in plan, plan


def _compiled_page_sql(conn, query):
    """The page statement with its parameters, as SQLite receives it."""
    captured: list[tuple[str, tuple]] = []

    def grab(c, cursor, statement, parameters, *args):  # noqa: ANN001
        if not captured:
            captured.append((statement, parameters))

    event.listen(conn.engine, "before_cursor_execute", grab)
    try:
        q.fetch_page(conn, query, 0, 10)
    finally:
        event.remove(conn.engine, "before_cursor_execute", grab)
    return captured[0]


def test_fetch_one_and_missing(db, book):
    with db.engine.connect() as conn:
        row = q.fetch_one(conn, book["ids"]["b_nov1"])
        assert row is not None and row.issue == "不知道新品" and row.people == ("任总",)
        assert q.fetch_one(conn, 999_999) is None


def test_owners_and_choices(db, book):
    with db.engine.connect() as conn:
        assert q.owners(conn) == sorted(["李娜", "王强"])
        conn.exec_driver_sql("UPDATE interactions SET owner = '张伟' WHERE owner = '王强'")
        # owners of customers and of contacts, each once
        assert q.owners(conn) == sorted(["李娜", "王强", "张伟"])
        c = pick_customer(conn, book["a"])
        assert c is not None and (c.code, c.name, c.owner) == ("C001", "中国移动", "李娜")
        assert pick_customer(conn, 12345) is None
        a_people = q.people_to_involve(conn, book["a"])
        assert [p.name for p in a_people] == ["王总", "赵工"] and a_people[0].is_primary
        # archived people are left out unless an interaction already names them
        assert [p.name for p in q.people_to_involve(conn, book["b"])] == ["任总"]
        assert {p.name for p in q.people_to_involve(conn, book["b"],
                                                     also=[book["people"]["old"]])} == {
            "任总", "离职的人"}


def test_deleted_interaction_disappears_from_the_log(db, book):
    from kamdesk.store.ops.interactions import delete_interaction, restore_interaction

    with db.session() as s:
        snap = delete_interaction(s, book["ids"]["a_oct"], today=NOW.date()).value
        s.commit()
    assert _page(db, q.LogQuery())[0] == 4
    with db.session() as s:
        restore_interaction(s, snap, today=NOW.date())
        s.commit()
    total, rows = _page(db, q.LogQuery())
    assert total == 5 and rows[-1].people == ("王总", "赵工")
