"""Reminder tasks generated from key dates and contract renewals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from kamdesk.domain.lunar import lunar_to_solar
import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.domain.reminder_settings import ReminderSettings
from kamdesk.store.ops.key_date_reminders import (
    sync_contract_tasks, sync_key_date_tasks, sync_reminder_tasks,
)
from kamdesk.store.queries.reminder_plan import load_reminder_settings
from kamdesk.store.queries.reminders import reminder_rows
from kamdesk.store.models import Contract, CustomerMetrics, KeyDate, Person, Task
from kamdesk.store.queries.settings import REMINDER_KEY
from kamdesk.store.ops.settings import put_json

TODAY = date(2026, 11, 23)


def _customer(s, name, tier="C", **kw):
    c = customer_ops.create_customer(s, name=name, **kw)
    s.flush()
    s.get(CustomerMetrics, c.id).value_tier = tier
    return c


def _birthday(s, customer_id, month, day, calendar="solar", person=None, **kw):
    p = None
    if person:
        p = Person(customer_id=customer_id, name=person)
        s.add(p)
        s.flush()
    kd = KeyDate(customer_id=customer_id, person_id=p.id if p else None, kind="birthday",
                 calendar=calendar, month=month, day=day, **kw)
    s.add(kd)
    s.flush()
    return kd


def _generated(db, source="key_date"):
    with db.session() as s:
        return list(s.scalars(select(Task).where(Task.source == source).order_by(Task.due_at)))


def _shown(db, task, lang="en"):
    """The task as the app shows it: title and notes rendered in ``lang``."""
    with db.engine.connect() as conn:
        (row,) = reminder_rows(conn, [task.id], lang)
    return row


def test_one_task_per_occurrence_in_the_horizon(db):
    with db.session() as s:
        a = _customer(s, "华星科技", "A", short_name="华星")
        kd = _birthday(s, a.id, 12, 5, person="王总")
        _birthday(s, a.id, 12, 30, person="远期")  # 37 days out: beyond 30
        s.commit()
        kd_id = kd.id
    with db.session() as s:
        result = sync_key_date_tasks(s, TODAY)
        s.commit()
    assert result.value.created == 1
    (task,) = _generated(db)
    assert task.source_key == f"keydate:{kd_id}:2026"
    assert task.due_at == datetime(2026, 12, 5, 9, 0)
    assert task.remind_at == datetime(2026, 12, 2, 9, 0)  # default 3 days before, 09:00
    assert _shown(db, task).title == "Birthday: 王总 · 华星"
    assert task.priority == 1  # tier A
    assert task.person_id is not None and task.customer_id == 1
    # tier A: the greeting offers a visit and a gift
    assert "Dear 王总, happy birthday!" in (_shown(db, task).notes or "")
    assert "gift" in (_shown(db, task).notes or "")


def test_idempotent_and_follows_edits(db):
    with db.session() as s:
        c = _customer(s, "中国移动", "B")
        kd = _birthday(s, c.id, 12, 1, person="李经理")
        s.commit()
        kd_id = kd.id
    for _ in range(3):
        with db.session() as s:
            sync_key_date_tasks(s, TODAY)
            s.commit()
    assert len(_generated(db)) == 1
    with db.session() as s:
        assert sync_key_date_tasks(s, TODAY).value.changed is False

    # the task was shown, then the key date is moved: the open task moves and re-arms
    (task,) = _generated(db)
    with db.session() as s:
        task_ops.mark_notified(s, [task.id], datetime(2026, 11, 28, 9, 0))
        s.get(KeyDate, kd_id).day = 3
        s.commit()
    with db.session() as s:
        result = sync_key_date_tasks(s, TODAY)
        s.commit()
    assert (result.value.created, result.value.updated) == (0, 1)
    (task,) = _generated(db)
    assert task.due_at == datetime(2026, 12, 3, 9, 0)
    assert task.remind_at == datetime(2026, 11, 30, 9, 0)
    assert task.notified_at is None

    # a done task is never touched or recreated
    with db.session() as s:
        task_ops.complete_task(s, task.id, datetime(2026, 11, 30, 10, 0))
        s.get(KeyDate, kd_id).day = 4
        s.commit()
    with db.session() as s:
        result = sync_key_date_tasks(s, TODAY)
        s.commit()
    assert not result.value.changed
    (task,) = _generated(db)
    assert task.done_at is not None and task.due_at == datetime(2026, 12, 3, 9, 0)


def test_deleted_key_date_removes_its_open_task(db):
    with db.session() as s:
        c = _customer(s, "客户")
        kd = _birthday(s, c.id, 11, 30)
        s.commit()
        kd_id = kd.id
    with db.session() as s:
        sync_key_date_tasks(s, TODAY)
        s.commit()
    assert len(_generated(db)) == 1
    with db.session() as s:
        s.delete(s.get(KeyDate, kd_id))
        s.commit()
    with db.session() as s:
        assert sync_key_date_tasks(s, TODAY).value.removed == 1
        s.commit()
    assert _generated(db) == []


def test_lead_time_from_settings_and_from_the_key_date(db):
    with db.session() as s:
        c = _customer(s, "客户", "C")
        own = _birthday(s, c.id, 12, 10, person="甲", remind_days_before=1)
        other = _birthday(s, c.id, 12, 10, person="乙")
        put_json(s.connection(), REMINDER_KEY, {"days_before": {"birthday": 7},
                                                "time": "08:30"})
        s.commit()
        own_id, other_id = own.id, other.id
    with db.session() as s:
        sync_key_date_tasks(s, TODAY)
        s.commit()
    by_key = {t.source_key: t for t in _generated(db)}
    assert by_key[f"keydate:{own_id}:2026"].remind_at == datetime(2026, 12, 9, 8, 30)
    assert by_key[f"keydate:{other_id}:2026"].remind_at == datetime(2026, 12, 3, 8, 30)
    assert by_key[f"keydate:{other_id}:2026"].due_at == datetime(2026, 12, 10, 8, 30)


def test_settings_are_lenient():
    s = ReminderSettings.from_dict({"birthday": "5", "days_before": {"founding": -1},
                                    "time": "nonsense", "horizon_days": 0,
                                    "anniversary_tiers": ["A", "B", "X"]})
    assert s.days_for("birthday") == 5
    assert s.days_for("founding") == 3
    assert s.days_for("birthday", own=0) == 0
    assert s.remind_time.hour == 9 and s.horizon_days == 30
    assert s.anniversary_tiers == ("A", "B")
    assert ReminderSettings.from_dict(None).days_for("custom") == 3


def test_lunar_birthday_and_chinese_greeting(db):
    with db.session() as s:
        c = _customer(s, "华星科技", "B", short_name="华星")
        kd = _birthday(s, c.id, 11, 1, calendar="lunar", person="王总")  # 冬月初一
        s.commit()
        kd_id = kd.id
    day = lunar_to_solar(2026, 11, 1)
    with db.session() as s:
        sync_key_date_tasks(s, TODAY, "zh_CN", horizon_days=60)
        s.commit()
    (task,) = _generated(db)
    assert task.source_key == f"keydate:{kd_id}:2026"
    assert task.due_at.date() == day
    assert _shown(db, task, "zh_CN").title == "王总生日 · 华星"
    assert "王总，生日快乐！" in (_shown(db, task, "zh_CN").notes or "")
    assert "建议祝福语" in (_shown(db, task, "zh_CN").notes or "")


def test_derived_anniversary_for_tier_a_only(db):
    with db.session() as s:
        a = _customer(s, "A客户", "A", cooperation_start=date(2021, 12, 1))
        _customer(s, "B客户", "B", cooperation_start=date(2021, 12, 1))
        s.commit()
        a_id = a.id
    with db.session() as s:
        sync_key_date_tasks(s, TODAY)
        s.commit()
    (task,) = _generated(db)
    assert task.source_key == f"coop:{a_id}:2026"
    assert _shown(db, task).title == "5th cooperation anniversary · A客户"
    assert "5th anniversary of our partnership" in (_shown(db, task).notes or "")


def test_contract_renewal_tasks(db):
    with db.session() as s:
        c = _customer(s, "华星科技", "A", short_name="华星")
        soon = Contract(customer_id=c.id, number="HT-1", title="供货合同", status="active",
                        end_on=date(2026, 12, 31), renewal_notice_days=30)
        late = Contract(customer_id=c.id, number="HT-2", title="服务合同", status="signed",
                        end_on=date(2026, 12, 10), renewal_notice_days=60)  # notice passed
        far = Contract(customer_id=c.id, number="HT-3", title="远期合同", status="active",
                       end_on=date(2027, 6, 30), renewal_notice_days=60)
        done = Contract(customer_id=c.id, number="HT-4", title="已续签", status="renewed",
                        end_on=date(2026, 12, 15))
        s.add_all([soon, late, far, done])
        s.commit()
        soon_id, late_id = soon.id, late.id
    with db.session() as s:
        assert sync_contract_tasks(s, TODAY).value.created == 2
        s.commit()
    tasks = {t.source_key: t for t in _generated(db, "contract")}
    assert set(tasks) == {f"renewal:{soon_id}:2026", f"renewal:{late_id}:2026"}
    assert tasks[f"renewal:{soon_id}:2026"].due_at == datetime(2026, 12, 1, 9, 0)
    assert tasks[f"renewal:{late_id}:2026"].due_at == datetime(2026, 10, 11, 9, 0)
    assert _shown(db, tasks[f"renewal:{soon_id}:2026"]).title == \
        "Prepare renewal: 供货合同 (HT-1) · 华星"
    # renewed: the open task goes away
    with db.session() as s:
        s.get(Contract, late_id).status = "renewed"
        s.commit()
    with db.session() as s:
        assert sync_contract_tasks(s, TODAY).value.removed == 1
        s.commit()
    assert set(t.source_key for t in _generated(db, "contract")) == {f"renewal:{soon_id}:2026"}


def test_sync_all_reads_settings_once(db):
    with db.session() as s:
        c = _customer(s, "客户")
        _birthday(s, c.id, 11, 25)
        s.add(Contract(customer_id=c.id, number="HT-1", title="合同", status="active",
                       end_on=date(2026, 12, 20), renewal_notice_days=30))
        put_json(s.connection(), REMINDER_KEY, {"horizon_days": 2})
        s.commit()
    with db.engine.connect() as conn:
        assert load_reminder_settings(conn).horizon_days == 2
    with db.session() as s:
        result = sync_reminder_tasks(s, TODAY)
        s.commit()
    assert result.value.created == 2
