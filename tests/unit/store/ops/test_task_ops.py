"""Task operations declare exactly the tables they write, and keep the reminder rules."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

import factories as customer_ops
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import AccountPlan, PlanAction, Task
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.cadence import snooze_cadence
from kamdesk.store.ops.tasks import (
    complete_task, create_task, delete_task, mark_notified, reopen_task, reschedule_task,
    restore_task, snooze_task, update_task,
)

NOW = datetime(2026, 11, 23, 10)
DUE = datetime(2026, 11, 24, 14, 30)


def _customer(db) -> int:
    with db.session() as s:
        customer = customer_ops.create_customer(s, name="远航物流")
        s.commit()
        return customer.id


def _task(db, **fields) -> int:
    fields.setdefault("due_at", DUE)
    fields.setdefault("remind_at", DUE - timedelta(minutes=15))
    return db.write(create_task, title=fields.pop("title", "回访王总"), **fields).value


def _row(db, task_id: int) -> Task | None:
    with db.session() as s:
        task = s.get(Task, task_id)
        if task is not None:
            s.expunge(task)
        return task


def _declares(db, op, *args, **kwargs):
    """Run ``op`` and check its Changes name every table it really wrote."""
    with track_writes(db.engine) as written:
        changes = db.write(op, *args, **kwargs)
    assert written <= changes.names, (op.__name__, written, changes)
    return changes, written


def test_create_returns_the_new_id_and_declares_tasks(db):
    cid = _customer(db)
    changes, written = _declares(db, create_task, title="  发报价 ", customer_id=cid,
                                 due_at=DUE, kind="call", priority=1)
    assert written == {"tasks"}
    assert changes.ids("tasks") == {changes.value}
    task = _row(db, changes.value)
    assert task.title == "发报价" and task.kind == "call" and task.customer_id == cid


@pytest.mark.parametrize("fields, field", [
    ({"title": "  "}, "title"),
    ({"title": "x", "priority": 5}, "priority"),
    ({"title": "x", "kind": "lunch"}, "kind"),
    ({"title": "x", "due_at": "tomorrow"}, "due_at"),
])
def test_create_rejects_bad_input_and_writes_nothing(db, fields, field):
    with track_writes(db.engine) as written, pytest.raises(ValidationError) as err:
        db.write(create_task, **fields)
    assert err.value.field == field and written == set()


def test_complete_reopen_snooze_and_notify_declare_tasks(db):
    tid = _task(db)
    for op, args in ((complete_task, (tid, NOW)), (reopen_task, (tid,)),
                     (snooze_task, (tid, NOW + timedelta(hours=1))),
                     (mark_notified, ([tid], NOW))):
        changes, written = _declares(db, op, *args)
        assert written == {"tasks"} and changes.ids("tasks") == {tid}
    task = _row(db, tid)
    assert task.done_at is None and task.notified_at == NOW
    assert task.snoozed_until == NOW + timedelta(hours=1)


def test_mark_notified_of_nothing_changes_nothing(db):
    changes, written = _declares(db, mark_notified, [], NOW)
    assert not changes and written == set()


def test_reschedule_moves_the_reminder_along_and_rearms_it(db):
    tid = _task(db)
    db.write(snooze_task, tid, NOW)
    db.write(mark_notified, [tid], NOW)
    changes, written = _declares(db, reschedule_task, tid, DUE + timedelta(days=3))
    assert written == {"tasks"} and changes.ids("tasks") == {tid}
    task = _row(db, tid)
    assert task.due_at == DUE + timedelta(days=3)
    assert task.remind_at == DUE + timedelta(days=3) - timedelta(minutes=15)
    assert task.snoozed_until is None and task.notified_at is None


def test_update_sets_what_is_given_and_rearms_a_new_reminder(db):
    cid = _customer(db)
    tid = _task(db, notes="旧备注")
    db.write(mark_notified, [tid], NOW)
    changes, written = _declares(db, update_task, tid, title=" 拜访王总 ", kind="visit",
                                 customer_id=cid, priority=1)
    assert written == {"tasks"} and changes.ids("tasks") == {tid}
    task = _row(db, tid)
    assert (task.title, task.kind, task.customer_id, task.priority) == ("拜访王总", "visit",
                                                                        cid, 1)
    assert task.notes == "旧备注" and task.notified_at == NOW  # untouched

    _declares(db, update_task, tid, due_at=DUE + timedelta(days=1))
    task = _row(db, tid)
    assert task.remind_at == DUE + timedelta(days=1) - timedelta(minutes=15)

    _declares(db, update_task, tid, remind_at=DUE, notes="  ")
    task = _row(db, tid)
    assert task.remind_at == DUE and task.notified_at is None and task.notes is None


def test_update_refuses_unknown_fields_and_empty_titles(db):
    tid = _task(db)
    with pytest.raises(ValidationError):
        db.write(update_task, tid, source="plan")
    with pytest.raises(ValidationError):
        db.write(update_task, tid, title="")
    with pytest.raises(ValidationError):
        db.write(update_task, tid + 99, title="x")
    assert _row(db, tid).title == "回访王总"


def test_snooze_cadence_keeps_one_row_per_customer(db):
    cid = _customer(db)
    first, written = _declares(db, snooze_cadence, cid, NOW + timedelta(hours=1), "win_back",
                               NOW)
    assert written == {"tasks"} and first.ids("tasks") == {first.value}
    again, _ = _declares(db, snooze_cadence, cid, NOW + timedelta(days=1), "win_back", NOW)
    assert again.value == first.value
    task = _row(db, first.value)
    assert task.snoozed_until == task.notified_at == NOW + timedelta(days=1)
    assert task.due_at is None and task.source == "cadence"


def test_delete_and_undo_put_the_task_and_its_plan_link_back(db):
    cid = _customer(db)
    tid = _task(db, customer_id=cid, notes="带上样品")
    with db.session() as s:
        plan = AccountPlan(customer_id=cid, period="2026")
        s.add(plan)
        s.flush()
        action = PlanAction(plan_id=plan.id, action="回访", task_id=tid)
        s.add(action)
        s.commit()
        action_id = action.id
    deleted, written = _declares(db, delete_task, tid)
    assert {"tasks", "plan_actions"} <= written
    assert deleted.ids("plan_actions") == {action_id}
    assert _row(db, tid) is None

    restored, written = _declares(db, restore_task, deleted.value)
    assert restored.value == tid and written <= restored.names
    task = _row(db, tid)
    assert task.notes == "带上样品" and task.customer_id == cid
    with db.session() as s:
        assert s.scalar(select(PlanAction.task_id).where(PlanAction.id == action_id)) == tid


def test_delete_of_an_unlinked_task_writes_only_tasks(db):
    tid = _task(db)
    deleted, written = _declares(db, delete_task, tid)
    assert written == {"tasks"} and deleted.names == {"tasks"}


def test_retyping_a_generated_title_makes_the_words_the_users(db):
    task_id = _task(db)
    with db.session() as s:
        task = s.get(Task, task_id)
        task.title_code, task.title_params = "renewal", {"contract": "年度框架", "number": "K1"}
        s.commit()
    _declares(db, update_task, task_id, kind="visit")
    assert _row(db, task_id).title_code == "renewal"       # untouched words keep rendering
    _declares(db, update_task, task_id, title="和王总谈续签")
    row = _row(db, task_id)
    assert (row.title, row.title_code, row.title_params) == ("和王总谈续签", None, None)
