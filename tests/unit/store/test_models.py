from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kamdesk.store.models import (
    Customer,
    Interaction,
    KeyDate,
    Person,
    SurveyResponse,
    Task,
    Transaction,
)


def _customer(session, code="C001", name="A公司"):
    c = Customer(code=code, name=name, industry="制造业", cooperation_start=date(2024, 1, 1))
    session.add(c)
    session.flush()
    return c


def test_person_without_customer_is_refused(db):
    with db.session() as s:
        s.add(Person(name="王总", customer_id=None))
        with pytest.raises(IntegrityError):
            s.flush()


def test_person_with_unknown_customer_is_refused(db):
    with db.session() as s:
        s.add(Person(name="王总", customer_id=999))
        with pytest.raises(IntegrityError):
            s.flush()


def test_money_is_exact(db):
    with db.session() as s:
        c = _customer(s)
        # 0.10 + 0.20 is not 0.30 in floats; in fen it must be exactly 30.
        for cents in (10, 20) * 5000:
            s.add(Transaction(customer_id=c.id, occurred_on=date(2026, 1, 1), amount_cents=cents))
        s.add(Transaction(customer_id=c.id, occurred_on=date(2026, 1, 2),
                          amount_cents=9_007_199_254_740_993))  # > 2**53: floats would round
        s.commit()
        total = s.scalar(select(func.sum(Transaction.amount_cents)))
    assert total == 150_000 + 9_007_199_254_740_993
    assert isinstance(total, int)


def test_customer_with_history_cannot_be_deleted(db):
    with db.session() as s:
        c = _customer(s)
        s.add(Interaction(customer_id=c.id, occurred_at=datetime(2026, 1, 1, 10), channel="phone",
                          topic="回访"))
        s.commit()
        s.delete(c)
        with pytest.raises(IntegrityError):
            s.commit()


def test_customer_without_history_deletes_with_people_and_key_dates(db):
    with db.session() as s:
        c = _customer(s)
        p = Person(customer_id=c.id, name="李经理")
        s.add(p)
        s.flush()
        s.add(KeyDate(customer_id=c.id, person_id=p.id, kind="birthday", calendar="lunar",
                      month=8, day=15))
        s.add(Task(title="回访", customer_id=c.id, person_id=p.id))
        s.commit()
        s.delete(c)
        s.commit()
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(KeyDate)) == 0
        assert s.scalar(select(func.count()).select_from(Task)) == 0


def test_deleting_a_person_keeps_their_tasks(db):
    with db.session() as s:
        c = _customer(s)
        p = Person(customer_id=c.id, name="李经理")
        s.add(p)
        s.flush()
        s.add(Task(title="回访", customer_id=c.id, person_id=p.id))
        s.commit()
        s.delete(p)
        s.commit()
        task = s.scalars(select(Task)).one()
        assert task.person_id is None


@pytest.mark.parametrize("field,value", [
    ("satisfaction", 6), ("channel", "fax"),
])
def test_interaction_checks(db, field, value):
    with db.session() as s:
        c = _customer(s)
        kwargs = dict(customer_id=c.id, occurred_at=datetime(2026, 1, 1), channel="phone", topic="x")
        kwargs[field] = value
        s.add(Interaction(**kwargs))
        with pytest.raises(IntegrityError):
            s.flush()


def test_survey_needs_a_score(db):
    with db.session() as s:
        c = _customer(s)
        s.add(SurveyResponse(customer_id=c.id, responded_on=date(2026, 1, 1)))
        with pytest.raises(IntegrityError):
            s.flush()


def test_customer_codes_are_unique(db):
    with db.session() as s:
        _customer(s)
        with pytest.raises(IntegrityError):
            _customer(s, name="重复")


def test_share_of_wallet_is_decimal(db):
    with db.session() as s:
        c = _customer(s)
        c.share_of_wallet_pct = Decimal("33.33")
        s.commit()
        s.expire_all()
        assert s.get(Customer, c.id).share_of_wallet_pct == Decimal("33.33")


@pytest.mark.sqlite_only(reason="SQLite pragmas and FTS5 query plans")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        # The fixture opens test databases with synchronous=OFF; that the app uses FULL
        # is proven in tests/unit/store/test_engine.py.
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 0  # OFF
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_editing_next_action_moves_its_task(db):
    from datetime import date, datetime

    from kamdesk.store.ops.customers import create_customer
    from kamdesk.store.ops.interactions import log_contact, update_interaction

    now = datetime(2026, 11, 23, 10)
    with db.session() as s:
        cid = create_customer(s, name="甲公司").value
        logged = log_contact(s, customer_id=cid, occurred_at=now, channel="phone", topic="回访",
                             next_action="发报价", deadline=date(2026, 11, 27), now=now).value
        update_interaction(s, logged.interaction_id, now=now, next_action="发正式报价",
                           deadline=date(2026, 12, 2))
        task = s.get(Task, logged.task_id)
        assert (task.title, task.due_at.date(), task.remind_at) == (
            "发正式报价", date(2026, 12, 2), datetime(2026, 12, 1, 9))
        update_interaction(s, logged.interaction_id, now=now, next_action=None)
        assert s.get(Task, logged.task_id) is None
        update_interaction(s, logged.interaction_id, now=now, next_action="回访",
                           deadline=date(2026, 12, 5))
        assert s.query(Task).filter(Task.interaction_id == logged.interaction_id).count() == 1


@pytest.mark.sqlite_only(reason="SQLite pragmas and FTS5 query plans")
def test_short_chinese_search_uses_the_index(db):
    from kamdesk.store.ops.customers import create_customer
    from kamdesk.store.queries.customers import CustomerQuery, fetch_page
    from kamdesk.store.search_sqlite import match_clause

    with db.session() as s:
        for name in ("宁波丰源制造有限公司", "上海昌盛商贸", "丰田汽车"):
            create_customer(s, name=name)
        s.commit()
    with db.engine.connect() as conn:
        def names(q):
            return sorted(r.name for r in fetch_page(conn, CustomerQuery(search=q), 0, 10))
        assert names("丰") == ["丰田汽车", "宁波丰源制造有限公司"]
        assert names("丰源") == ["宁波丰源制造有限公司"]
        assert names("昌盛商") == ["上海昌盛商贸"]
        sql, _ = match_clause("丰源")
        plan = " ".join(str(r) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql.replace("?", "'\"x\"'")).fetchall())
        assert "VIRTUAL TABLE INDEX" in plan
