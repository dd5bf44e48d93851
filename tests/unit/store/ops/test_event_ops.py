"""Event operations (表3) declare exactly the tables they write."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Event, EventAttendance, Task
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.events import (
    create_event,
    create_follow_up_tasks,
    delete_event,
    invite,
    mark_attendance,
    remove_invitations,
    restore_event,
    update_event,
)

NOW = datetime(2026, 11, 23, 10)


def _event(db) -> int:
    return db.write(create_event, name="制造业客户沙龙", held_on=date(2026, 11, 10),
                    kind="salon", location="上海", target_participants=30,
                    budget_cents=500_000, satisfaction=4.2).value


def test_create_and_update_write_events_only(db):
    with track_writes(db.engine) as written:
        changes = db.write(create_event, name="培训", held_on=date(2026, 11, 1),
                           kind="training", satisfaction="4.5")
    assert written == changes.names == {"events"}
    eid = changes.value
    with track_writes(db.engine) as written:
        changes = db.write(update_event, eid, location="北京", improvements="加长互动")
    assert written <= changes.names == {"events"}
    with db.session() as s:
        e = s.get(Event, eid)
        assert (e.location, e.satisfaction, e.kind) == ("北京", Decimal("4.5"), "training")


@pytest.mark.parametrize("fields, field", [
    ({"name": " "}, "name"), ({"kind": "party"}, "kind"), ({"satisfaction": 6}, "satisfaction"),
    ({"budget_cents": -1}, "budget_cents"), ({"held_on": "x"}, "held_on"),
])
def test_update_validates(db, fields, field):
    eid = _event(db)
    with pytest.raises(ValidationError) as info:
        db.write(update_event, eid, **fields)
    assert info.value.field == field


def test_invite_mark_and_actual_participants_follow(db):
    eid = _event(db)
    a = db.write(create_customer, name="远航物流").value
    b = db.write(create_customer, name="华东机械").value
    with track_writes(db.engine) as written:
        changes = db.write(invite, eid, a)
    assert written <= changes.names == {"event_attendance"}
    assert db.write(invite, eid, a).value == []        # already invited: kept, not doubled
    inv_b = db.write(invite, eid, b).value
    with track_writes(db.engine) as written:
        changes = db.write(mark_attendance, inv_b, True)
    assert written <= changes.names
    assert changes.names == {"event_attendance", "events"}
    with db.session() as s:
        assert s.get(Event, eid).actual_participants == 1
    with track_writes(db.engine) as written:
        changes = db.write(remove_invitations, inv_b)
    assert written <= changes.names
    with db.session() as s:
        assert s.get(Event, eid).actual_participants == 0


def test_follow_up_tasks_one_per_invited_customer_once(db):
    eid = _event(db)
    a = db.write(create_customer, name="远航物流").value
    b = db.write(create_customer, name="华东机械").value
    db.write(invite, eid, a)
    db.write(invite, eid, b)
    with track_writes(db.engine) as written:
        changes = db.write(create_follow_up_tasks, eid, date(2026, 11, 30), now=NOW)
    assert written <= changes.names == {"tasks"}
    assert len(changes.value) == 2
    assert db.write(create_follow_up_tasks, eid, date(2026, 11, 30), now=NOW).value == []
    with db.session() as s:
        tasks = list(s.scalars(select(Task)))
        assert {t.customer_id for t in tasks} == {a, b}
        assert {t.source for t in tasks} == {"manual"}


def test_delete_and_restore(db):
    eid = _event(db)
    a = db.write(create_customer, name="远航物流").value
    db.write(invite, eid, a)
    with track_writes(db.engine) as written:
        changes = db.write(delete_event, eid)
    assert written <= changes.names == {"events", "event_attendance"}
    with db.session() as s:
        assert s.get(Event, eid) is None
    with track_writes(db.engine) as written:
        restored = db.write(restore_event, changes.value)
    assert written <= restored.names
    with db.session() as s:
        assert s.get(Event, eid).name == "制造业客户沙龙"
        assert len(list(s.scalars(select(EventAttendance)))) == 1
