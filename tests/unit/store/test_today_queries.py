"""What the Today screen is given: each section's rows, order and totals."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from kamdesk.domain.festivals import festivals_between
from kamdesk.domain.lunar import lunar_to_solar
import factories as customer_ops
import factories as people_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.ops.cadence import snooze_cadence
from kamdesk.store.queries import renewals, today_dates
from kamdesk.store.queries import today as tq
from kamdesk.store import metrics
from kamdesk.store.models import Complaint, Contract, KeyDate

NOW = datetime(2026, 11, 23, 10, 0)
TODAY = NOW.date()


def _customer(db, name, *, tier="C", activity="active", next_due=None, revenue=0,
              computed=True, **fields):
    with db.session() as s:
        cid = customer_ops.create_customer(s, name=name, **fields).id
        s.commit()
    if computed:
        with db.engine.begin() as conn:
            conn.execute(text(
                "UPDATE customer_metrics SET value_tier = :t, activity = :a, next_due_on = :d, "
                "overdue_days = :o, revenue_12m_cents = :r, computed_on = :c, due_action = 'contact' "
                "WHERE customer_id = :id"),
                {"t": tier, "a": activity, "d": (next_due or TODAY + timedelta(days=30)).isoformat(),
                 "o": max(0, (TODAY - next_due).days) if next_due else 0, "r": revenue,
                 "c": TODAY.isoformat(), "id": cid})
    return cid


def _task(db, title, **fields):
    with db.session() as s:
        tid = task_ops.create_task(s, title=title, **fields).value
        s.commit()
    return tid


def _add(db, *objects):
    with db.session() as s:
        s.add_all(objects)
        s.commit()


# -- tasks ---------------------------------------------------------------------------------
def test_tasks_due_by_tonight_earliest_first(db):
    cid = _customer(db, "华信制造")
    late = _task(db, "回访王总", customer_id=cid, due_at=NOW - timedelta(days=2))
    later_today = _task(db, "发报价", due_at=NOW.replace(hour=16))
    remind_today = _task(db, "准备续签", due_at=NOW + timedelta(days=5),
                         remind_at=NOW.replace(hour=14))
    _task(db, "明天的事", due_at=NOW + timedelta(days=1))
    done = _task(db, "已完成", due_at=NOW - timedelta(hours=1))
    _task(db, "没有日期")
    with db.session() as s:
        task_ops.complete_task(s, done, NOW)
        s.commit()
    with db.engine.connect() as conn:
        listing = tq.due_tasks(conn, NOW)
    assert [t.id for t in listing.rows] == [late, remind_today, later_today]
    assert listing.total == 3
    first = listing.rows[0]
    assert first.overdue and first.customer_name == "华信制造"
    assert not listing.rows[2].overdue
    assert listing.rows[1].when == NOW.replace(hour=14)


def test_snoozed_task_leaves_today_until_the_snooze_ends(db):
    tid = _task(db, "打电话", due_at=NOW - timedelta(hours=1))
    with db.session() as s:
        task_ops.snooze_task(s, tid, NOW + timedelta(minutes=15))
        s.commit()
    with db.engine.connect() as conn:
        data = tq.today_data(conn, NOW, "en")
        assert data.tasks.total == 0 and data.tasks.rows == ()
        assert data.wake_at == NOW + timedelta(minutes=15)
        back = tq.due_tasks(conn, NOW + timedelta(minutes=16))
    assert [t.id for t in back.rows] == [tid]


def test_snooze_to_tomorrow_hides_a_task_all_day(db):
    tid = _task(db, "打电话", due_at=NOW, remind_at=NOW - timedelta(hours=1))
    with db.session() as s:
        task_ops.snooze_task(s, tid, datetime.combine(TODAY + timedelta(days=1), datetime.min.time())
                             .replace(hour=9))
        s.commit()
    with db.engine.connect() as conn:
        data = tq.today_data(conn, NOW, "en")
    assert data.tasks.total == 0 and data.wake_at is None


# -- cadence -------------------------------------------------------------------------------
def test_cadence_high_value_first_then_most_overdue(db):
    b_old = _customer(db, "B 很久", tier="B", next_due=TODAY - timedelta(days=40))
    a_new = _customer(db, "A 刚过", tier="A", next_due=TODAY - timedelta(days=2))
    a_old = _customer(db, "A 很久", tier="A", next_due=TODAY - timedelta(days=20))
    c_old = _customer(db, "C 很久", tier="C", next_due=TODAY - timedelta(days=99))
    _customer(db, "按时", tier="A", next_due=TODAY)
    _customer(db, "未来", tier="A", next_due=TODAY + timedelta(days=3))
    with db.engine.connect() as conn:
        full = tq.cadence_overdue(conn, NOW)
        short = tq.cadence_overdue(conn, NOW, limit=2)
    assert [c.customer_id for c in full.rows] == [a_old, a_new, b_old, c_old]
    assert [c.overdue_days for c in full.rows] == [20, 2, 40, 99]
    assert full.total == 4
    assert [c.customer_id for c in short.rows] == [a_old, a_new]
    assert short.total == 4 and short.more == 2


def test_archived_customer_is_not_on_the_cadence_list(db):
    cid = _customer(db, "已归档", tier="A", next_due=TODAY - timedelta(days=5))
    with db.session() as s:
        customer_ops.set_archived(s, cid, True)
        s.commit()
    with db.engine.connect() as conn:
        assert tq.cadence_overdue(conn, NOW).rows == ()


def test_snoozing_a_cadence_touch_hides_the_customer_until_then(db):
    cid = _customer(db, "沉默客户", tier="B", activity="silent",
                    next_due=TODAY - timedelta(days=9))
    other = _customer(db, "另一家", tier="B", next_due=TODAY - timedelta(days=3))
    tomorrow_9 = datetime.combine(TODAY + timedelta(days=1), datetime.min.time()).replace(hour=9)
    with db.session() as s:
        first = snooze_cadence(s, cid, NOW + timedelta(hours=1), "win_back", NOW).value
        again = snooze_cadence(s, cid, tomorrow_9, "win_back", NOW).value
        s.commit()
    assert first == again  # one row per customer, moved
    with db.engine.connect() as conn:
        hidden = tq.cadence_overdue(conn, NOW)
        assert [c.customer_id for c in hidden.rows] == [other] and hidden.total == 1
        # The snooze row is no task of its own on Today.
        assert tq.due_tasks(conn, NOW).total == 0
        assert tq.due_tasks(conn, tomorrow_9 + timedelta(hours=1)).total == 0
        back = tq.cadence_overdue(conn, tomorrow_9 + timedelta(minutes=1))
    assert {c.customer_id for c in back.rows} == {cid, other}


# -- key dates and festivals ------------------------------------------------------------
def _key_date(cid, kind, month, day, *, person_id=None, calendar="solar", leap=False,
              year=None, title=None):
    return KeyDate(customer_id=cid, person_id=person_id, kind=kind, month=month, day=day,
                   calendar=calendar, leap_month=leap, year=year, recurrence="yearly",
                   title=title)


def test_key_dates_in_the_window_with_a_greeting_for_the_tier(db):
    a = _customer(db, "华信制造", tier="A")
    c = _customer(db, "小客户", tier="C")
    with db.session() as s:
        wang = people_ops.create_person(s, a, name="王总").id
        li = people_ops.create_person(s, c, name="李经理").id
        gone = people_ops.create_person(s, c, name="离职的人").id
        s.commit()
    _add(db,
         _key_date(a, "birthday", 11, 25, person_id=wang),
         _key_date(c, "birthday", 11, 25, person_id=li),
         _key_date(c, "birthday", 11, 24, person_id=gone),
         _key_date(a, "founding", 11, 30, year=2010),  # the day after the 7-day window
         _key_date(a, "custom", 11, 23, title="新厂投产纪念日"),
         _key_date(c, "birthday", 12, 25, person_id=li))
    with db.session() as s:
        people_ops.set_person_archived(s, gone, True)
        s.commit()
    with db.engine.connect() as conn:
        en = today_dates.key_dates_ahead(conn, TODAY, "en")
        zh = today_dates.key_dates_ahead(conn, TODAY, "zh_CN")
    assert [(k.kind, k.on, k.value_tier) for k in en.rows] == [
        ("custom", TODAY, "A"),
        ("birthday", date(2026, 11, 25), "A"),  # the high-value customer first that day
        ("birthday", date(2026, 11, 25), "C"),
    ]
    assert en.total == 3
    birthday_a, birthday_c = en.rows[1], en.rows[2]
    assert birthday_a.person_name == "王总" and birthday_a.days_until == 2
    # Tier A: the manager offers to bring a gift in person; tier C: a short wish.
    assert "gift" in birthday_a.greeting and "王总" in birthday_a.greeting
    assert "gift" not in birthday_c.greeting and "李经理" in birthday_c.greeting
    assert "生日快乐" in zh.rows[1].greeting


def test_founding_day_counts_its_years(db):
    a = _customer(db, "华信制造", tier="B")
    _add(db, _key_date(a, "founding", 11, 26, year=2010))
    with db.engine.connect() as conn:
        row, = today_dates.key_dates_ahead(conn, TODAY, "zh_CN").rows
    assert row.years == 16 and "16" in row.greeting


def test_lunar_and_leap_month_birthdays(db):
    cid = _customer(db, "农历客户", tier="B")
    _add(db,
         _key_date(cid, "birthday", 6, 10, calendar="lunar", leap=True, title="闰月生日"),
         _key_date(cid, "birthday", 6, 10, calendar="lunar", title="普通六月初十"))
    leap_day = lunar_to_solar(2025, 6, 10, leap=True)  # 2025 has a leap sixth month
    plain_day = lunar_to_solar(2025, 6, 10)
    with db.engine.connect() as conn:
        leap = today_dates.key_dates_ahead(conn, leap_day - timedelta(days=2), "en")
        plain = today_dates.key_dates_ahead(conn, plain_day - timedelta(days=2), "en")
    assert [(k.title, k.on) for k in leap.rows] == [("闰月生日", leap_day)]
    # In a year with that leap month, the leap-month rule keeps to the leap month.
    assert [(k.title, k.on) for k in plain.rows] == [("普通六月初十", plain_day)]


def test_29_february_is_kept_on_the_28th_in_a_common_year(db):
    cid = _customer(db, "闰日客户", tier="B")
    _add(db, _key_date(cid, "birthday", 2, 29))
    with db.engine.connect() as conn:
        row, = today_dates.key_dates_ahead(conn, date(2027, 2, 25), "en").rows
    assert row.on == date(2027, 2, 28)


def test_cooperation_anniversary_derived_for_high_value_only(db):
    a = _customer(db, "大客户", tier="A", cooperation_start=date(2020, 11, 27))
    _customer(db, "中客户", tier="B", cooperation_start=date(2020, 11, 27))
    typed = _customer(db, "已登记", tier="A", cooperation_start=date(2021, 11, 24))
    _add(db, _key_date(typed, "anniversary", 11, 24, year=2021, title="合作纪念"))
    with db.engine.connect() as conn:
        rows = today_dates.key_dates_ahead(conn, TODAY, "en").rows
    derived = [k for k in rows if k.key_date_id is None]
    assert [(k.customer_id, k.kind, k.years, k.on) for k in derived] == [
        (a, "anniversary", 6, date(2026, 11, 27))]
    assert "6th anniversary" in derived[0].greeting
    typed_in = [k for k in rows if k.customer_id == typed]
    assert len(typed_in) == 1 and typed_in[0].key_date_id is not None


def test_festival_of_the_week_has_a_greeting_per_tier(db):
    _customer(db, "大客户", tier="A")
    _customer(db, "中客户", tier="B")
    _customer(db, "新客户", computed=False)  # never computed: counted in no tier
    mid_autumn = next(f for f in festivals_between(date(2026, 9, 1), date(2026, 10, 31))
                      if f.key == "mid_autumn")
    with db.engine.connect() as conn:
        festivals = today_dates.festivals_ahead(conn, mid_autumn.date - timedelta(days=3), "zh_CN")
        none = today_dates.festivals_ahead(conn, date(2026, 10, 3), "zh_CN")  # after 国庆
    assert none == ()
    festival, = festivals
    assert festival.key == "mid_autumn" and festival.days_until == 3
    assert dict(festival.customers_by_tier) == {"A": 1, "B": 1, "C": 0}
    assert "月饼" in festival.greeting("A") and "月饼" not in festival.greeting("C")


# -- silent, complaints, renewals --------------------------------------------------------------
def test_silent_customers_biggest_first(db):
    small = _customer(db, "小", tier="C", activity="silent", revenue=1_000_00)
    big = _customer(db, "大", tier="A", activity="silent", revenue=90_000_00)
    _customer(db, "活跃", tier="A", activity="active", revenue=99_000_00)
    _customer(db, "刚建", computed=False)  # default 'silent', but never computed
    with db.engine.connect() as conn:
        listing = tq.silent_customers(conn)
        one = tq.silent_customers(conn, limit=1)
    assert [s.customer_id for s in listing.rows] == [big, small]
    assert listing.total == 2
    assert one.total == 2 and one.more == 1


def test_complaints_near_or_past_their_deadline(db):
    cid = _customer(db, "投诉客户")

    def complaint(hours, **kw):
        return Complaint(customer_id=cid, received_at=NOW - timedelta(hours=20),
                         description="包装破损", response_deadline=NOW + timedelta(hours=hours),
                         severity="high", **kw)

    _add(db, complaint(-3), complaint(5), complaint(30),
         complaint(-10, status="responded", responded_at=NOW - timedelta(hours=12)),
         complaint(-50, status="resolved"))
    with db.engine.connect() as conn:
        listing = tq.complaints_due(conn, NOW)
    assert [c.minutes_left for c in listing.rows] == [-180, 300]
    assert listing.rows[0].overdue and not listing.rows[1].overdue
    assert listing.total == 2


def test_contracts_in_their_renewal_window(db):
    cid = _customer(db, "合同客户")

    def contract(number, days, status="active", notice=60):
        return Contract(customer_id=cid, number=number, title="年度供货合同",
                        start_on=TODAY - timedelta(days=300), end_on=TODAY + timedelta(days=days),
                        status=status, renewal_notice_days=notice)

    _add(db, contract("A-30", 30), contract("B-90", 90), contract("C-90-long", 90, notice=120),
         contract("D-draft", 10, status="draft"), contract("E-signed", 45, status="signed"),
         contract("F-lapsed", -10), contract("G-expired", -10, status="expired"),
         contract("H-old", -60))
    with db.engine.connect() as conn:
        listing = renewals.renewals_due(conn, TODAY)
    assert [(r.number, r.days_left) for r in listing.rows] == [
        ("F-lapsed", -10), ("A-30", 30), ("E-signed", 45), ("C-90-long", 90)]
    assert listing.total == 4


# -- freshness -------------------------------------------------------------------------------
def test_metrics_are_stale_until_a_recompute_today_covers_every_customer(db):
    with db.engine.connect() as conn:
        assert not metrics.metrics_stale(conn, TODAY)  # nothing to compute
    _customer(db, "已计算")
    with db.engine.connect() as conn:
        assert metrics.metrics_stale(conn, TODAY)  # never ranked in bulk
    assert metrics.recompute_and_stamp(db, TODAY) == 1
    with db.engine.connect() as conn:
        assert not metrics.metrics_stale(conn, TODAY)
        assert metrics.metrics_stale(conn, TODAY + timedelta(days=1))
    _customer(db, "新客户", computed=False)
    with db.engine.connect() as conn:
        assert metrics.metrics_stale(conn, TODAY)


# -- the whole screen on a demo book -----------------------------------------------------------
def test_today_data_on_the_demo_book(demo_db):
    with demo_db.engine.connect() as conn:
        data = tq.today_data(conn, NOW, "zh_CN")
    assert data.tasks.total > 0 and data.cadence.total > 0 and data.silent.total > 0
    assert all(t.when <= tq.end_of_day(TODAY) for t in data.tasks.rows)
    tiers = [c.value_tier for c in data.cadence.rows]
    assert tiers == sorted(tiers)
    assert all(k.greeting for k in data.key_dates.rows)
    revenue = [s.revenue_12m_cents for s in data.silent.rows]
    assert revenue == sorted(revenue, reverse=True)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_section_is_a_frozen_row(demo_db, lang):
    import dataclasses

    with demo_db.engine.connect() as conn:
        data = tq.today_data(conn, NOW, lang)
    for listing in (data.tasks, data.cadence, data.key_dates, data.silent, data.complaints,
                    data.renewals):
        for row in listing.rows:
            with pytest.raises(dataclasses.FrozenInstanceError):
                row.customer_id = 0  # type: ignore[misc]


def test_due_tasks_keep_priority_order_on_tied_times(db):
    """Many tasks at the same time (a batch import): the first few by priority win,
    not the first few entered, even though each index is read only up to the limit."""
    from datetime import datetime as _dt

    import factories as customer_ops
    from kamdesk.store.models import Task
    from kamdesk.store.queries.today import task_rows

    at = _dt(2026, 11, 23, 9)
    with db.session() as s:
        c = customer_ops.create_customer(s, name="并列公司")
        for i in range(10):
            s.add(Task(title=f"t{i}", customer_id=c.id, due_at=at, remind_at=at,
                       priority=1 if i >= 7 else 2))
        s.commit()
    with db.engine.connect() as conn:
        rows = task_rows(conn, _dt(2026, 11, 23, 10), 3)
    assert [r.title for r in rows] == ["t7", "t8", "t9"]


def test_the_customers_list_off_cadence_filter_is_todays_cadence_count(db):
    """Today's cadence card and the Customers list it links to share one condition:
    snoozed and archived customers are out of both, and the numbers agree."""
    from kamdesk.store.queries.customers import CustomerQuery, count, fetch_page

    overdue = [_customer(db, f"超期{i}", tier="AB"[i % 2], next_due=TODAY - timedelta(days=i + 1))
               for i in range(4)]
    _customer(db, "按期", next_due=TODAY + timedelta(days=5))
    archived = _customer(db, "已归档", next_due=TODAY - timedelta(days=2))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customers SET status = 'archived' WHERE id = :id"),
                     {"id": archived})
    with db.session() as s:
        snooze_cadence(s, overdue[0], NOW + timedelta(hours=2), "contact", NOW)
        s.commit()
    q = CustomerQuery(off_cadence_at=NOW)
    with db.engine.connect() as conn:
        card = tq.cadence_overdue(conn, NOW)
        listed = {r.id for r in fetch_page(conn, q, 0, 100)}
        assert card.total == count(conn, q) == 3
        assert listed == set(overdue[1:]) == {c.customer_id for c in card.rows}
        later = NOW + timedelta(hours=3)  # the snooze is over
        assert tq.cadence_overdue(conn, later).total == count(
            conn, CustomerQuery(off_cadence_at=later)) == 4
