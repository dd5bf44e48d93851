"""Complaint operations: 首问负责制 ownership, deadlines, the state path, the follow-up
task, hand-over history and undo — and that each declares exactly the tables it writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Task
from kamdesk.store.ops import complaints as ops
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries import complaints as q

NOW = datetime(2026, 11, 23, 10)


def _customer(db, name="远航物流") -> int:
    return db.write(create_customer, name=name).value


def _open(db, cid, **kw):
    fields = {"received_at": NOW, "description": "发货延迟三天", "owner": "王敏",
              "severity": "high", "channel": "phone", "category": "交付", "now": NOW, **kw}
    return db.write(ops.open_complaint, cid, **fields)


def _read(db, complaint_id):
    with db.engine.connect() as conn:
        return q.complaint(conn, complaint_id)


def test_open_is_owned_by_the_receiver_with_a_deadline_from_severity(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = _open(db, cid, severity="critical")
    assert written == {"complaints"} and written <= changes.names
    row = _read(db, changes.value).complaint
    assert row.owner == "王敏" and row.status == "open"
    assert row.response_deadline == NOW + timedelta(hours=4)
    assert row.level(NOW) is None and row.level(NOW + timedelta(hours=4)) == "red"


@pytest.mark.parametrize(("kw", "field", "code"), [
    ({"description": " "}, "description", "required"),
    ({"owner": ""}, "owner", "required"),
    ({"severity": "huge"}, "severity", "invalid_choice"),
    ({"channel": "fax"}, "channel", "invalid_choice"),
    ({"received_at": NOW + timedelta(days=3)}, "received_at", "out_of_range"),
])
def test_open_validates(db, kw, field, code):
    cid = _customer(db)
    with pytest.raises(ValidationError) as err:
        _open(db, cid, **kw)
    assert (err.value.field, err.value.code) == (field, code)


def test_the_whole_path_respond_hand_over_resolve_follow_up(db):
    cid = _customer(db)
    kid = _open(db, cid).value
    with track_writes(db.engine) as written:
        changes = db.write(ops.respond, kid, now=NOW + timedelta(hours=1))
    assert written == {"complaints"} and written <= changes.names
    with track_writes(db.engine) as written:
        changes = db.write(ops.hand_over, kid, "李强", "技术问题", now=NOW + timedelta(hours=2))
    assert written == {"complaints", "complaint_handovers"} and written <= changes.names
    with track_writes(db.engine) as written:
        changes = db.write(ops.resolve, kid, "补发并减免运费", now=NOW + timedelta(hours=20))
    assert written == {"complaints"} and written <= changes.names
    with track_writes(db.engine) as written:
        changes = db.write(ops.follow_up, kid, date(2026, 11, 30), 4, "提前预警库存",
                           now=NOW + timedelta(days=1))
    assert written == {"complaints", "tasks"} and written <= changes.names
    detail = _read(db, kid)
    row = detail.complaint
    assert (row.status, row.owner, row.satisfaction_after, row.lessons) == (
        "closed", "李强", 4, "提前预警库存")
    assert [(h.from_owner, h.to_owner, h.note) for h in detail.handovers] == [
        ("王敏", "李强", "技术问题")]
    with db.engine.connect() as conn:
        task = conn.execute(select(Task.source, Task.owner, Task.due_at, Task.customer_id)
                            .where(Task.id == changes.value)).one()
    assert task == ("complaint", "李强", datetime(2026, 11, 30, 10), cid)


def test_moves_out_of_order_are_refused(db):
    kid = _open(db, _customer(db)).value
    with pytest.raises(ValidationError) as err:
        db.write(ops.follow_up, kid, date(2026, 11, 30), now=NOW)
    assert err.value.code == "invalid_transition"
    with pytest.raises(ValidationError) as err:
        db.write(ops.resolve, kid, "  ", now=NOW)
    assert err.value.field == "resolution"
    with pytest.raises(ValidationError) as err:
        db.write(ops.hand_over, kid, "王敏", now=NOW)
    assert err.value.field == "to_owner"


def test_update_moves_the_deadline_but_never_the_owner(db):
    kid = _open(db, _customer(db)).value
    with track_writes(db.engine) as written:
        changes = db.write(ops.update_complaint, kid, severity="low", now=NOW)
    assert written == {"complaints"} and written <= changes.names
    assert _read(db, kid).complaint.response_deadline == NOW + timedelta(hours=48)
    with pytest.raises(ValidationError):
        db.write(ops.update_complaint, kid, owner="李强", now=NOW)


def test_delete_and_undo_keep_the_hand_over_history(db):
    kid = _open(db, _customer(db)).value
    db.write(ops.hand_over, kid, "李强", now=NOW)
    with track_writes(db.engine) as written:
        changes = db.write(ops.delete_complaint, kid)
    assert written == {"complaints", "complaint_handovers"} and written <= changes.names
    assert _read(db, kid) is None
    with track_writes(db.engine) as written:
        restored = db.write(ops.restore_complaint, changes.value)
    assert written <= restored.names
    detail = _read(db, kid)
    assert detail.complaint.owner == "李强" and len(detail.handovers) == 1


def test_list_filters(db):
    a, b = _customer(db), _customer(db, "华东机电")
    k1 = _open(db, a, severity="critical").value
    k2 = _open(db, b, owner="李强", received_at=NOW - timedelta(hours=1)).value
    db.write(ops.respond, k2, now=NOW)
    with db.engine.connect() as conn:
        assert [r.id for r in q.complaints(conn, customer_id=a)] == [k1]
        assert [r.id for r in q.complaints(conn, owner="李强")] == [k2]
        assert [r.id for r in q.complaints(conn, states=("responded",))] == [k2]
        assert [r.id for r in q.complaints(conn, overdue_at=NOW + timedelta(hours=5))] == [k1]
        assert q.complaints(conn, overdue_at=NOW) == []


def test_start_resolving_counts_as_answered(db):
    kid = _open(db, _customer(db)).value
    with track_writes(db.engine) as written:
        changes = db.write(ops.start_resolving, kid, now=NOW + timedelta(hours=1))
    assert written == {"complaints"} and written <= changes.names
    row = _read(db, kid).complaint
    assert (row.status, row.responded_at) == ("resolving", NOW + timedelta(hours=1))
    with pytest.raises(ValidationError):
        db.write(ops.start_resolving, kid, now=NOW)
    db.write(ops.resolve, kid, "换货", now=NOW + timedelta(hours=3))
    assert _read(db, kid).complaint.status == "resolved"


def test_deadlines_follow_the_hours_in_settings(db):
    from kamdesk.domain.complaints import ResponseHours
    from kamdesk.store.ops.settings import save_book_settings, save_complaint_response_hours

    with track_writes(db.engine) as written:
        changes = db.write(save_complaint_response_hours, ResponseHours(critical=2, high=6,
                                                                        normal=72))
    assert written <= changes.names
    cid = _customer(db)
    assert _read(db, _open(db, cid, severity="critical").value).complaint.response_deadline \
        == NOW + timedelta(hours=2)
    assert _read(db, _open(db, cid, severity="high").value).complaint.response_deadline \
        == NOW + timedelta(hours=6)
    kid = _open(db, cid, severity="low").value
    assert _read(db, kid).complaint.response_deadline == NOW + timedelta(hours=72)
    explicit = _open(db, cid, deadline=NOW + timedelta(hours=1)).value
    assert _read(db, explicit).complaint.response_deadline == NOW + timedelta(hours=1)
    # an edit that keeps severity and receipt keeps the deadline; a new severity moves it
    db.write(ops.update_complaint, kid, description="改了", now=NOW)
    assert _read(db, kid).complaint.response_deadline == NOW + timedelta(hours=72)
    db.write(ops.update_complaint, kid, severity="critical", now=NOW)
    assert _read(db, kid).complaint.response_deadline == NOW + timedelta(hours=2)
    with pytest.raises(ValidationError) as err:
        db.write(save_book_settings, complaint_hours=ResponseHours(high=0))
    assert err.value.field == "complaint_hours_high"
    with pytest.raises(ValidationError):
        _open(db, cid, deadline=NOW - timedelta(hours=1))
