from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, insert

from kamdesk.domain.health import HealthReason
from kamdesk.store.queries.orders import customer_orders
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import (
    Contract,
    Customer,
    Interaction,
    Person,
    Task,
    TierChange,
    Transaction,
    interaction_people,
)
from kamdesk.store.ops import key_dates as key_date_ops
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.people import create_person
from kamdesk.store.queries import contracts as contract_queries
from kamdesk.store.queries import profile as pq

NOW = datetime(2026, 11, 23, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def account(db):
    """One customer with two people (boss and report), three contacts, orders,
    a contract, tasks and a tier change."""
    with db.session() as s:
        cid = create_customer(
            s, name="华为技术", short_name="华为", industry="制造业", owner="李经理",
            cooperation_start=date(2020, 3, 1), credit_limit_cents=1_000_000_00,
            explicit_needs="交付稳定", latent_needs="联合营销").value
        c = s.get(Customer, cid)
        boss = s.get(Person, create_person(s, c.id, name="任总", decision_role="decision_maker",
                                           attitude="supporter", is_primary=True).value)
        eng = s.get(Person, create_person(s, c.id, name="张工",
                                          decision_role="technical_evaluator",
                                          reports_to_id=boss.id).value)
        gone = s.get(Person, create_person(s, c.id, name="离职者", archived=True).value)
        for days, who in ((30, [boss.id]), (10, [boss.id, eng.id]), (1, [])):
            log_contact(s, customer_id=c.id, occurred_at=NOW - timedelta(days=days),
                        channel="visit", topic=f"拜访 {days}", person_ids=who, now=NOW)
        for d, amount in ((date(2025, 5, 1), 100_00), (date(2026, 2, 1), 250_00),
                          (date(2026, 9, 1), 50_00)):
            s.add(Transaction(customer_id=c.id, occurred_on=d, amount_cents=amount))
        s.add(Contract(customer_id=c.id, number="HT-1", title="年度合同",
                       start_on=date(2026, 1, 1), end_on=date(2026, 12, 31),
                       value_cents=500_000_00, status="active", renewal_notice_days=60))
        s.add(Contract(customer_id=c.id, number="HT-0", title="旧合同",
                       start_on=date(2025, 1, 1), end_on=date(2025, 12, 31), status="expired"))
        s.add_all([
            Task(title="已完成", customer_id=c.id, done_at=NOW - timedelta(days=2),
                 due_at=NOW - timedelta(days=3)),
            Task(title="晚些", customer_id=c.id, due_at=NOW + timedelta(days=5)),
            Task(title="无日期", customer_id=c.id),
            Task(title="逾期", customer_id=c.id, due_at=NOW - timedelta(days=4),
                 person_id=eng.id),
        ])
        s.add(TierChange(customer_id=c.id, changed_on=date(2026, 10, 2), dimension="activity",
                         old_value="active", new_value="silent"))
        s.add(TierChange(customer_id=c.id, changed_on=date(2026, 11, 1), dimension="activity",
                         old_value="silent", new_value="active"))
        s.commit()
        ids = {"customer": c.id, "boss": boss.id, "eng": eng.id, "gone": gone.id}
    recompute_metrics(db, TODAY)
    return ids


def test_header_has_tiers_health_reasons_and_due(db, account):
    with db.engine.connect() as conn:
        h = pq.header(conn, account["customer"])
    assert h.name == "华为技术" and h.short_name == "华为" and h.owner == "李经理"
    assert h.value_tier in ("A", "B", "C") and h.activity == "active"
    assert h.last_contact_at == NOW - timedelta(days=1)
    assert h.next_due_on is not None and h.due_action
    assert 0 <= h.health <= 100
    assert all(isinstance(r, HealthReason) for r in h.health_reasons)
    assert h.health == 100 - sum(r.penalty for r in h.health_reasons)
    assert h.r_score >= 1 and h.segment


def test_header_of_unknown_customer_is_none(db):
    with db.engine.connect() as conn:
        assert pq.header(conn, 999) is None
        assert pq.overview(conn, 999) is None


def test_decode_reasons_survives_damaged_json():
    assert pq.decode_reasons(None) == ()
    assert pq.decode_reasons("not json") == ()
    assert pq.decode_reasons('[{"code": "never_contacted", "penalty": 20, "params": {}}]') == (
        HealthReason("never_contacted", 20, {}),)


def test_overview_has_every_field(db, account):
    with db.engine.connect() as conn:
        o = pq.overview(conn, account["customer"])
    assert o.industry == "制造业" and o.credit_limit_cents == 1_000_000_00
    assert o.explicit_needs == "交付稳定" and o.latent_needs == "联合营销"
    assert o.months_of_cooperation(TODAY) == 80


def test_people_primary_first_archived_last_with_boss_name(db, account):
    with db.engine.connect() as conn:
        rows = pq.people(conn, account["customer"])
        active = pq.people(conn, account["customer"], include_archived=False)
    assert [p.name for p in rows] == ["任总", "张工", "离职者"]
    assert rows[0].is_primary and rows[2].archived
    assert rows[1].reports_to_id == account["boss"] and rows[1].reports_to_name == "任总"
    assert [p.name for p in active] == ["任总", "张工"]


def test_interactions_newest_first_with_people_names(db, account):
    with db.engine.connect() as conn:
        rows = pq.interactions(conn, account["customer"])
        latest = pq.interactions(conn, account["customer"], limit=1)
    assert [r.topic for r in latest] == ["拜访 1"]
    assert [r.topic for r in rows] == ["拜访 1", "拜访 10", "拜访 30"]
    assert rows[0].people == ()
    assert set(rows[1].people) == {"任总", "张工"} and rows[1].people[0] == "任总"
    assert rows[2].person_ids == (account["boss"],)


def test_interactions_use_two_queries_for_500_rows(db, account):
    cid = account["customer"]
    with db.engine.begin() as conn:
        base = conn.execute(insert(Interaction.__table__).returning(Interaction.__table__.c.id),
                            [{"customer_id": cid, "occurred_at": NOW - timedelta(hours=k + 100),
                              "channel": "phone", "topic": f"电话 {k}"} for k in range(500)]
                            ).scalars().all()
        conn.execute(insert(interaction_people), [
            {"interaction_id": iid, "person_id": account["eng"]} for iid in base])
    statements = []

    def count(*_args):  # type: ignore[no-untyped-def]
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.engine.connect() as conn:
            rows = pq.interactions(conn, cid)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) == 503 and len(statements) == 2
    assert rows == sorted(rows, key=lambda r: r.occurred_at, reverse=True)
    assert all(r.people == ("张工",) for r in rows if r.channel == "phone")


def test_orders_newest_first_with_totals(db, account):
    with db.engine.connect() as conn:
        o = customer_orders(conn, account["customer"])
    assert [r.occurred_on for r in o.rows] == [date(2026, 9, 1), date(2026, 2, 1),
                                               date(2025, 5, 1)]
    assert o.count == 3 and o.total_cents == 400_00 and o.average_cents == 133_33
    assert [(y.year, y.count, y.total_cents) for y in o.by_year] == [(2026, 2, 300_00),
                                                                   (2025, 1, 100_00)]


def test_contracts_latest_first_and_renewal_window(db, account):
    with db.engine.connect() as conn:
        rows = contract_queries.contracts(conn, account["customer"])
    assert [c.number for c in rows] == ["HT-1", "HT-0"]
    assert rows[0].days_to_end(TODAY) == 38 and rows[0].renewal_due(TODAY)
    assert not rows[1].renewal_due(TODAY)


def test_tasks_open_first_by_due_then_done(db, account):
    with db.engine.connect() as conn:
        rows = pq.tasks(conn, account["customer"])
    assert [t.title for t in rows] == ["逾期", "晚些", "无日期", "已完成"]
    assert rows[0].person_name == "张工" and rows[0].overdue_days(NOW) == 4
    assert rows[-1].is_done and rows[-1].overdue_days(NOW) == 0


def test_tier_history_newest_first(db, account):
    with db.engine.connect() as conn:
        rows = pq.tier_history(conn, account["customer"])
    # (the recompute in the fixture may add today's tier moves on top)
    assert [(r.changed_on, r.old_value, r.new_value) for r in rows if r.changed_on < TODAY] == [
        (date(2026, 11, 1), "silent", "active"), (date(2026, 10, 2), "active", "silent")]


def test_birthday_set_replace_and_clear(db, account):
    pid = account["eng"]
    with db.session() as s:
        key_date_ops.set_birthday(s, pid, key_date_ops.Birthday("lunar", 4, 8, leap_month=True),
                                  title="张工生日")
        s.commit()
    with db.engine.connect() as conn:
        b = pq.birthday_of(conn, pid, TODAY)
        dates = pq.key_dates(conn, account["customer"], TODAY)
    assert (b.calendar, b.month, b.day, b.leap_month) == ("lunar", 4, 8, True)
    assert b.title == "张工生日"
    assert b.next_on is not None and b.next_on >= TODAY and b.person_name == "张工"
    assert [k.id for k in dates] == [b.id]
    with db.session() as s:
        key_date_ops.set_birthday(s, pid, key_date_ops.Birthday("solar", 2, 29, year=1980))
        s.commit()
    with db.engine.connect() as conn:
        b2 = pq.birthday_of(conn, pid)
    assert b2.id == b.id and (b2.calendar, b2.month, b2.day, b2.leap_month, b2.year) == (
        "solar", 2, 29, False, 1980)
    assert b2.title == "张工生日"  # kept when no new title is given
    with db.session() as s:
        assert key_date_ops.clear_birthday(s, pid)
        s.commit()
    with db.engine.connect() as conn:
        assert pq.birthday_of(conn, pid) is None


@pytest.mark.parametrize("bad", [key_date_ops.Birthday("solar", 2, 30),
                                 key_date_ops.Birthday("lunar", 1, 31),
                                 key_date_ops.Birthday("solar", 13, 1),
                                 key_date_ops.Birthday("solar", 1, 1, year=1200)])
def test_impossible_birthday_is_refused(db, account, bad):
    with db.session() as s, pytest.raises(ValidationError) as exc:
        key_date_ops.set_birthday(s, account["eng"], bad)
    assert exc.value.field == "birthday"
