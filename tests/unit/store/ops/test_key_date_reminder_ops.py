"""Reminder generation and the cadence snooze declare exactly the tables they write."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import factories as customer_ops
from kamdesk.store.models import Contract, CustomerMetrics, KeyDate, Person, Task
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.cadence import snooze_cadence
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.key_date_reminders import (
    SyncResult, sync_contract_tasks, sync_key_date_tasks, sync_reminder_tasks,
)

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10)


def _book(db) -> dict[str, int]:
    with db.session() as s:
        c = customer_ops.create_customer(s, name="华星科技", short_name="华星")
        s.flush()
        s.get(CustomerMetrics, c.id).value_tier = "A"
        p = Person(customer_id=c.id, name="王总")
        s.add(p)
        s.flush()
        kd = KeyDate(customer_id=c.id, person_id=p.id, kind="birthday", calendar="solar",
                     month=12, day=5)
        contract = Contract(customer_id=c.id, number="HT-1", title="供货合同", status="active",
                            end_on=date(2026, 12, 31), renewal_notice_days=30)
        s.add_all([kd, contract])
        s.commit()
        return {"customer": c.id, "key_date": kd.id, "contract": contract.id}


def test_sync_announces_tasks_and_carries_the_counts(db):
    _book(db)
    with track_writes(db.engine) as written:
        changes = db.write(sync_reminder_tasks, TODAY)
    assert written == {"tasks"}
    assert written <= changes.names
    assert isinstance(changes, Changes) and bool(changes)
    assert changes.value == SyncResult(created=2)


def test_a_sync_with_nothing_to_do_announces_nothing(db):
    _book(db)
    db.write(sync_reminder_tasks, TODAY)
    with track_writes(db.engine) as written:
        changes = db.write(sync_reminder_tasks, TODAY)
    assert written == set() and not changes
    assert changes.value == SyncResult()


def test_updates_and_removals_name_their_task_ids(db):
    ids = _book(db)
    db.write(sync_key_date_tasks, TODAY)
    db.write(sync_contract_tasks, TODAY)
    with db.session() as s:
        key_task = s.query(Task).filter(Task.source == "key_date").one().id
        renewal_task = s.query(Task).filter(Task.source == "contract").one().id
        s.get(KeyDate, ids["key_date"]).day = 6
        s.get(Contract, ids["contract"]).status = "renewed"
        s.commit()
    with track_writes(db.engine) as written:
        moved = db.write(sync_key_date_tasks, TODAY)
        dropped = db.write(sync_contract_tasks, TODAY)
    assert written <= (moved | dropped).names
    assert moved.ids("tasks") == {key_task} and moved.value.updated == 1
    assert dropped.ids("tasks") == {renewal_task} and dropped.value.removed == 1


def test_snoozing_a_cadence_touch_declares_its_task(db):
    ids = _book(db)
    with track_writes(db.engine) as written:
        first = db.write(snooze_cadence, ids["customer"], NOW + timedelta(hours=1), "contact",
                         NOW)
        again = db.write(snooze_cadence, ids["customer"], NOW + timedelta(days=1), "contact",
                         NOW)
    assert written == {"tasks"} and written <= first.names
    assert first.value == again.value and first.ids("tasks") == {first.value}
    with db.session() as s:
        task = s.get(Task, first.value)
        # a code and facts, not words in the language of the session
        assert (task.title_code, task.title_params) == (
            "cadence", {"action": "contact", "company": "华星科技"})
        assert task.title == "华星科技"
