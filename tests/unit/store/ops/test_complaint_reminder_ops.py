"""A complaint waiting for its answer rings twice — at amber, then at the deadline —
through one reminder task that the scheduler's query sees like any other; answered or
deleted complaints stop ringing; what was shown is never shown again."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from kamdesk.store.models import Task
from kamdesk.store.ops import complaints as ops
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.complaint_reminders import reminder_key, sync_complaint_reminders
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.tasks import complete_task, mark_notified
from kamdesk.store.queries.reminders import reminder_rows, reminder_states

NOW = datetime(2026, 11, 23, 10)
AMBER = NOW + timedelta(hours=18)      # high: 24 h, amber with 6 h left
DEADLINE = NOW + timedelta(hours=24)


def _setup(db, severity="high"):
    cid = db.write(create_customer, name="远航物流").value
    return db.write(ops.open_complaint, cid, received_at=NOW, description="发货延迟",
                    owner="王敏", severity=severity, category="交付", now=NOW).value


def _task(db, kid):
    with db.session() as s:
        t = s.scalars(select(Task).where(Task.source_key == reminder_key(kid))).first()
        if t is not None:
            s.expunge(t)
        return t


def _sync(db, at):
    with track_writes(db.engine) as written:
        changes = db.write(sync_complaint_reminders, at)
    assert written <= changes.names
    return changes


def _due_ids(db, at):
    with db.engine.connect() as conn:
        return [s.task_id for s in reminder_states(conn, at)]


def test_amber_then_deadline_then_silence(db):
    kid = _setup(db)
    changes = _sync(db, NOW)
    task = _task(db, kid)
    assert changes.names == {"tasks"}
    assert (task.remind_at, task.due_at, task.owner, task.priority) == (AMBER, DEADLINE, "王敏", 1)
    assert not _sync(db, NOW)  # idempotent: nothing written, nothing to announce
    assert _due_ids(db, AMBER - timedelta(minutes=1)) == []
    assert _due_ids(db, AMBER) == [task.id]
    with db.engine.connect() as conn:
        row = reminder_rows(conn, [task.id], "zh_CN")[0]
        assert row.title.startswith("响应投诉：交付") and "远航物流" in row.title
        assert "首次响应截止 2026-11-24 10:00" in row.notes
        assert reminder_rows(conn, [task.id], "en")[0].title.startswith(
            "Respond to complaint: 交付")
    db.write(mark_notified, [task.id], AMBER)          # the amber one was shown
    assert _due_ids(db, AMBER + timedelta(hours=1)) == []
    _sync(db, AMBER)                                   # ... so it moves on to the deadline
    assert _task(db, kid).remind_at == DEADLINE
    assert _due_ids(db, DEADLINE) == [task.id]
    db.write(mark_notified, [task.id], DEADLINE)
    assert not _sync(db, DEADLINE)                     # a restart later: nothing again
    assert _due_ids(db, DEADLINE + timedelta(days=2)) == []


def test_shown_after_the_deadline_rings_once(db):
    kid = _setup(db)
    _sync(db, NOW)
    tid = _task(db, kid).id
    late = DEADLINE + timedelta(hours=3)   # the app was closed through both moments
    db.write(mark_notified, [tid], late)
    _sync(db, late)
    assert _due_ids(db, late + timedelta(days=1)) == []


def test_answering_closes_the_reminder_and_deleting_removes_it(db):
    kid = _setup(db)
    other = _setup(db, severity="critical")
    _sync(db, NOW)
    db.write(ops.respond, kid, now=NOW + timedelta(hours=1))
    changes = _sync(db, NOW + timedelta(hours=1))
    assert _task(db, kid).done_at == NOW + timedelta(hours=1) and changes.names == {"tasks"}
    tid = _task(db, other).id
    db.write(ops.delete_complaint, other)
    _sync(db, NOW + timedelta(hours=1))
    assert _task(db, other) is None and tid not in _due_ids(db, DEADLINE)


def test_a_dismissed_reminder_stays_dismissed(db):
    kid = _setup(db)
    _sync(db, NOW)
    tid = _task(db, kid).id
    db.write(complete_task, tid, AMBER)
    assert not _sync(db, AMBER)
    assert _due_ids(db, DEADLINE) == []
