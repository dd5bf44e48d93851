"""Bulk task operations (the Tasks screen) declare what they write; done can be undone."""

from __future__ import annotations

from datetime import datetime, timedelta

from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.tasks import (
    complete_task,
    complete_tasks,
    create_task,
    reassign_tasks,
    reopen_tasks,
    snooze_tasks,
)
from kamdesk.store.queries.tasks import TODAY_COMMITMENTS, TaskQuery, count_tasks, task_page

NOW = datetime(2026, 11, 23, 10)


def _tasks(db, n=3):
    cid = db.write(create_customer, name="远航物流").value
    return [db.write(create_task, title=f"t{i}", customer_id=cid,
                     due_at=NOW - timedelta(days=i)).value for i in range(n)]


def test_bulk_done_then_undo_reopens_only_what_it_closed(db):
    ids = _tasks(db)
    db.write(complete_task, ids[0], NOW - timedelta(days=1))
    with track_writes(db.engine) as written:
        changes = db.write(complete_tasks, ids, NOW)
    assert written <= changes.names
    assert set(changes.value) == set(ids[1:])
    assert db.read(count_tasks, TaskQuery(state="open"), NOW) == 0
    with track_writes(db.engine) as written:
        undo = db.write(reopen_tasks, changes.value)
    assert written <= undo.names
    assert db.read(count_tasks, TaskQuery(state="open"), NOW) == 2


def test_bulk_snooze_and_reassign(db):
    ids = _tasks(db)
    with track_writes(db.engine) as written:
        changes = db.write(snooze_tasks, ids[:2], NOW + timedelta(hours=1))
    assert written <= changes.names
    assert db.read(count_tasks, TaskQuery(state="snoozed"), NOW) == 2
    with track_writes(db.engine) as written:
        changes = db.write(reassign_tasks, ids, "李娜")
    assert written <= changes.names
    assert db.read(count_tasks, TaskQuery(state="all", owner="李娜"), NOW) == 3
    rows = db.read(task_page, TaskQuery(state="all", owner="李娜"), NOW, 0, 10)
    assert {r.owner for r in rows} == {"李娜"}


def test_due_buckets_and_commitments(db):
    cid = db.write(create_customer, name="华信").value
    db.write(create_task, title="late", customer_id=cid, due_at=NOW - timedelta(days=3))
    db.write(create_task, title="today", customer_id=cid, due_at=NOW + timedelta(hours=2))
    db.write(create_task, title="week", customer_id=cid, due_at=NOW + timedelta(days=3))
    db.write(create_task, title="none", customer_id=cid)
    db.write(create_task, title="greeting", customer_id=cid, source="key_date",
             due_at=NOW - timedelta(days=1))
    count = lambda **kw: db.read(count_tasks, TaskQuery(**kw), NOW)  # noqa: E731
    assert count(due="overdue") == 2
    assert count(due="today") == 1
    assert count(due="week") == 1
    assert count(due="none") == 1
    assert db.read(count_tasks, TODAY_COMMITMENTS, NOW) == 2   # the greeting is not one
    rows = db.read(task_page, TaskQuery(due="by_today"), NOW, 0, 10)
    assert [r.title for r in rows] == ["late", "greeting", "today"]
    assert rows[0].overdue and not rows[2].overdue
