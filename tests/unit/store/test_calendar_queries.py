"""What the calendar lists for a range: every kind, solar and lunar key dates, the
tier rule for derived anniversaries, caps for huge books, and stable .ics UIDs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kamdesk.domain.lunar import lunar_to_solar
from kamdesk.io.ical_feed import iter_calendar_items_for_ical
from kamdesk.store.queries import calendar as cq
from kamdesk.store.queries import reminders as rq
import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.models import (
    Complaint, Contract, CustomerMetrics, Event, EventAttendance, KeyDate, Person,
)

NOW = datetime(2026, 11, 23, 10, 0)


def _customer(s, name, tier="C", **kw):
    c = customer_ops.create_customer(s, name=name, **kw)
    s.flush()
    s.get(CustomerMetrics, c.id).value_tier = tier
    return c


@pytest.fixture
def book(db):
    """A small book with one of everything around November 2026."""
    with db.session() as s:
        a = _customer(s, "华星科技", "A", short_name="华星", cooperation_start=date(2020, 11, 25),
                      founded_on=date(2001, 12, 3))
        b = _customer(s, "中国移动", "B", cooperation_start=date(2019, 11, 24))
        wang = Person(customer_id=a.id, name="王伟")
        s.add(wang)
        s.flush()
        s.add_all([
            KeyDate(customer_id=a.id, person_id=wang.id, kind="birthday", calendar="solar",
                    month=11, day=26),
            # 冬月初八 2026 (lunar year 2026, 11th month)
            KeyDate(customer_id=b.id, kind="birthday", title="李总生日", calendar="lunar",
                    month=10, day=8),
            KeyDate(customer_id=b.id, kind="custom", title="签约纪念", calendar="solar",
                    month=12, day=1, year=2026, recurrence="once"),
            Contract(customer_id=a.id, number="HT-1", title="年度供货合同", status="active",
                     start_on=date(2025, 12, 31), end_on=date(2026, 12, 30),
                     renewal_notice_days=30),
            Contract(customer_id=b.id, number="HT-2", title="旧合同", status="expired",
                     start_on=date(2025, 1, 1), end_on=date(2026, 11, 28)),
            Complaint(customer_id=a.id, received_at=datetime(2026, 11, 22, 9, 0),
                      description="到货包装破损", category="交付",
                      response_deadline=datetime(2026, 11, 23, 9, 0), status="open"),
            Event(id=1, name="客户答谢会", held_on=date(2026, 11, 27), kind="appreciation"),
        ])
        s.flush()
        s.add(EventAttendance(event_id=1, customer_id=b.id))
        task_ops.create_task(s, title="回访华星", kind="call", customer_id=a.id,
                             due_at=datetime(2026, 11, 20, 15, 0))
        task_ops.create_task(s, title="拜访移动", kind="visit", customer_id=b.id,
                             due_at=datetime(2026, 11, 24, 10, 0),
                             remind_at=datetime(2026, 11, 24, 9, 0))
        task_ops.create_task(s, title="已完成", customer_id=b.id,
                             due_at=datetime(2026, 11, 19, 9, 0), done_at=NOW)
        s.commit()
        ids = {"a": a.id, "b": b.id}
    return db, ids


def _items(db, start, end, **kw):
    with db.engine.connect() as conn:
        return cq.items_between(conn, start, end, now=NOW, **kw)


def test_every_kind_lands_on_its_day(book):
    db, ids = book
    items = _items(db, date(2026, 11, 16), date(2026, 12, 6))
    by_key = {e.key: e for e in items}
    call = next(e for e in items if e.title == "回访华星")
    assert call.kind == "call" and call.overdue and not call.done
    visit = next(e for e in items if e.title == "拜访移动")
    assert visit.kind == "visit" and not visit.overdue and visit.start == datetime(2026, 11, 24, 10)
    done = next(e for e in items if e.title == "已完成")
    assert done.done and not done.overdue

    birthday = next(e for e in items if e.subkind == "birthday" and e.customer_id == ids["a"])
    assert birthday.day == date(2026, 11, 26) and birthday.title == "Birthday: 王伟"
    assert birthday.person_name == "王伟" and birthday.all_day

    lunar_day = lunar_to_solar(2026, 10, 8)
    lunar = next(e for e in items if e.title == "李总生日")
    assert lunar.day == lunar_day and lunar.detail == "Lunar 10/8"

    once = next(e for e in items if e.title == "签约纪念")
    assert once.day == date(2026, 12, 1)

    # tier A: derived cooperation anniversary and founding day; tier B: none
    coop = by_key[f"coop:{ids['a']}:2026"]
    assert coop.day == date(2026, 11, 25) and coop.title == "6th cooperation anniversary"
    assert by_key[f"founded:{ids['a']}:2026"].day == date(2026, 12, 3)
    assert f"coop:{ids['b']}:2026" not in by_key

    # renewal notice 30 days before the end; expired contracts are not renewals
    notice = next(e for e in items if e.kind == "renewal")
    assert notice.day == date(2026, 11, 30) and notice.subkind == "notice"
    assert notice.title == "Renew: 年度供货合同" and notice.detail == "HT-1"
    assert not any(e.kind == "renewal" and e.customer_id == ids["b"] for e in items)

    complaint = next(e for e in items if e.kind == "complaint")
    assert complaint.start == datetime(2026, 11, 23, 9, 0) and complaint.overdue

    event = next(e for e in items if e.kind == "event")
    assert event.day == date(2026, 11, 27) and event.title == "客户答谢会"

    # sorted by day, all-day entries first
    keys = [cq.sort_key(e) for e in items]
    assert keys == sorted(keys)


def test_kinds_customer_and_language(book):
    db, ids = book
    start, end = date(2026, 11, 16), date(2026, 12, 6)
    only = _items(db, start, end, kinds=["visit", "renewal"])
    assert {e.kind for e in only} == {"visit", "renewal"}
    mine = _items(db, start, end, customer_id=ids["b"])
    assert {e.customer_id for e in mine if e.kind != "festival"} <= {ids["b"], None}
    assert any(e.kind == "event" for e in mine)  # b is invited
    assert not any(e.kind == "event" for e in _items(db, start, end, customer_id=ids["a"]))
    zh = _items(db, start, end, lang="zh_CN")
    assert any(e.title == "王伟生日" for e in zh)
    assert any(e.title == "合作6周年" for e in zh)
    assert any(e.title == "续签：年度供货合同" for e in zh)
    with pytest.raises(ValueError):
        _items(db, start, end, kinds=["holiday"])


def test_all_tiers_on_request_and_no_duplicate_with_hand_entered(book):
    db, ids = book
    start, end = date(2026, 11, 16), date(2026, 12, 6)
    items = _items(db, start, end, anniversary_tiers=("A", "B", "C"))
    assert any(e.key == f"coop:{ids['b']}:2026" for e in items)
    with db.session() as s:
        s.add(KeyDate(customer_id=ids["a"], kind="anniversary", title="合作纪念日",
                      calendar="solar", month=11, day=25))
        s.commit()
    items = _items(db, start, end)
    assert not any(e.key.startswith(f"coop:{ids['a']}:") for e in items)
    assert any(e.title == "合作纪念日" for e in items)


def test_festivals(db):
    with db.engine.connect() as conn:
        items = cq.items_between(conn, date(2027, 1, 1), date(2027, 2, 28), kinds=["festival"])
    assert [(e.subkind, e.day) for e in items] == [
        ("new_year", date(2027, 1, 1)), ("spring_festival", date(2027, 2, 6)),
        ("lantern", date(2027, 2, 20)),
    ]
    assert items[1].title == "Spring Festival" and items[1].detail == "春节"


def test_lunar_key_date_across_the_solar_new_year(db):
    with db.session() as s:
        c = _customer(s, "腊月客户")
        s.add(KeyDate(customer_id=c.id, kind="birthday", title="腊八生日", calendar="lunar",
                      month=12, day=8))
        s.commit()
    expected = lunar_to_solar(2026, 12, 8)  # falls in January 2027
    assert expected.year == 2027
    with db.engine.connect() as conn:
        items = cq.items_between(conn, date(2027, 1, 1), date(2027, 1, 31), kinds=["key_date"])
    assert [(e.key, e.day) for e in items] == [("keydate:1:2026", expected)]


def test_per_day_cap_counts_everything(db):
    with db.session() as s:
        c = _customer(s, "大客户")
        for i in range(12):
            task_ops.create_task(s, title=f"任务{i}", customer_id=c.id,
                                 due_at=datetime(2026, 11, 24, 8, i))
        for i in range(5):
            p = Person(customer_id=c.id, name=f"联系人{i}")
            s.add(p)
            s.flush()
            s.add(KeyDate(customer_id=c.id, person_id=p.id, kind="birthday", calendar="solar",
                          month=11, day=24))
        s.commit()
    with db.engine.connect() as conn:
        page = cq.calendar_page(conn, date(2026, 11, 23), date(2026, 11, 29), per_day_limit=3)
    day = date(2026, 11, 24)
    shown = [e for e in page.entries if e.day == day]
    assert [e.kind for e in shown].count("task") == 3
    assert [e.kind for e in shown].count("key_date") == 3
    assert [e.title for e in shown if e.kind == "task"] == ["任务0", "任务1", "任务2"]
    assert page.totals[day] == 17
    assert page.hidden(day) == 11


def test_one_read_serves_the_grid_and_the_selected_day(db):
    """The Calendar reads its range once: the selected day to the day panel's limit (the
    same entries a read of that day alone gives), the grid trimmed to the cell's limit."""
    with db.session() as s:
        c = _customer(s, "大客户")
        for d in (24, 25):
            for i in range(6):
                task_ops.create_task(s, title=f"任务{d}-{i}", customer_id=c.id,
                                     due_at=datetime(2026, 11, d, 8, i))
        s.commit()
    first, last, day = date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 24)
    with db.engine.connect() as conn:
        page = cq.calendar_page(conn, first, last, now=NOW, per_day_limit=3, full_day=day,
                                full_day_limit=5)
        alone = cq.calendar_page(conn, day, day, now=NOW, per_day_limit=5)
        capped = cq.calendar_page(conn, first, last, now=NOW, per_day_limit=3)
    selected = cq.complete_day(page, day)
    assert selected is not None
    assert [e.key for e in selected.entries] == [e.key for e in alone.entries]
    assert selected.hidden(day) == alone.hidden(day) == 1
    assert [e.key for e in cq.grid_page(page, 3).entries] == [e.key for e in capped.entries]
    assert cq.grid_page(page, 3).totals == capped.totals
    # another day was capped at 3 of 6: its list needs a read of its own
    assert cq.complete_day(page, date(2026, 11, 25)) is None
    assert cq.complete_day(page, date(2026, 11, 26)) is not None  # an empty day is complete
    assert cq.complete_day(page, date(2026, 12, 7)) is None  # outside the range


def test_generated_tasks_stand_behind_their_date(book):
    db, ids = book
    from kamdesk.store.ops.key_date_reminders import sync_reminder_tasks

    with db.session() as s:
        sync_reminder_tasks(s, date(2026, 11, 23))
        s.commit()
    items = _items(db, date(2026, 11, 16), date(2026, 12, 6))
    # no task duplicates of key dates or renewals …
    assert not any(e.kind == "task" and e.title.startswith(("Birthday", "Prepare renewal"))
                   for e in items)
    # … the dates carry the task instead
    birthday = next(e for e in items if e.subkind == "birthday" and e.customer_id == ids["a"])
    assert birthday.task_id is not None and not birthday.done
    notice = next(e for e in items if e.kind == "renewal")
    assert notice.task_id is not None


def test_ical_items_have_stable_uids(book):
    db, ids = book
    with db.engine.connect() as conn:
        items = iter_calendar_items_for_ical(conn, date(2026, 11, 1), date(2027, 11, 30))
        again = iter_calendar_items_for_ical(conn, date(2026, 11, 1), date(2027, 11, 30))
    uids = [i.uid for i in items]
    assert uids == [i.uid for i in again]
    assert len(uids) == len(set(uids))
    # 王伟's solar birthday (key date id 1) is one event repeating yearly (issue #13)
    assert "keydate-1@kamdesk" in uids and "keydate-1-2027@kamdesk" not in uids
    # 李总's lunar birthday: one event per lunar year, ten of them
    assert [u for u in uids if u.startswith("keydate-2-")] == [
        f"keydate-2-{y}@kamdesk" for y in range(2026, 2036)]
    assert "keydate-3-2026@kamdesk" in uids and "keydate-3-2027@kamdesk" not in uids  # once
    assert f"coop-{ids['a']}@kamdesk" in uids
    assert "renewal-1@kamdesk" in uids and "contract-end-1@kamdesk" in uids
    assert "complaint-1@kamdesk" in uids and "event-1@kamdesk" in uids
    assert not any(u.startswith("festival") for u in uids)
    visit = next(i for i in items if i.title == "拜访移动")
    assert visit.kind == "visit" and visit.alarm_before == timedelta(hours=1)
    assert visit.end == visit.start + timedelta(hours=1)
    call = next(i for i in items if i.title == "回访华星")
    assert call.kind == "task" and call.uid.startswith("task-")
    bday = next(i for i in items if i.uid == "keydate-1@kamdesk")
    assert bday.rrule == "FREQ=YEARLY" and bday.start == date(2026, 11, 26)
    assert bday.alarm_before == timedelta(days=3) and bday.title == "Birthday: 王伟 · 华星"


def test_reminder_queries(book):
    db, ids = book
    with db.engine.connect() as conn:
        states = rq.reminder_states(conn, NOW + timedelta(days=2))
        assert [s.remind_at for s in states] == [datetime(2026, 11, 24, 9, 0)]
        due = rq.due_task_reminders(conn, NOW, timedelta(days=1))
    titles = [r.title for r in due]
    assert titles == ["回访华星", "拜访移动"]  # overdue first; done tasks never
    assert due[0].overdue(NOW) and not due[1].overdue(NOW)
    assert due[1].customer_code and due[1].customer_name == "中国移动"


def test_month_query_is_bounded(db):
    """The grid's query must not read far outside its range: a task a year away and a
    contract ending in two years are not fetched."""
    with db.session() as s:
        c = _customer(s, "远期客户")
        task_ops.create_task(s, title="明年", customer_id=c.id, due_at=datetime(2027, 11, 24, 9))
        s.add(Contract(customer_id=c.id, number="HT-9", title="长约", status="active",
                       end_on=date(2028, 11, 24)))
        s.commit()
    items = _items(db, date(2026, 10, 26), date(2026, 12, 6))
    assert not any(e.title in ("明年",) or e.kind == "renewal" for e in items)

