"""Pipeline operations declare exactly the tables they write."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import factories as customer_ops
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.opportunities import (
    StageMove, create_opportunity, move_stage, update_opportunity,
)
from kamdesk.store.queries.pipeline import customer_of, opportunity_detail, pipeline_cards

NOW = datetime(2026, 11, 23, 10)


def _customer(db, status: str = "prospect") -> int:
    with db.session() as s:
        customer = customer_ops.create_customer(s, name="星辰物流", status=status)
        s.commit()
        return customer.id


def test_create_writes_the_deal_and_its_first_stage(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = db.write(create_opportunity, cid, NOW, stage="demo", title="仓储系统",
                           expected_value_cents=50_000_000)
    assert written == {"opportunities", "opportunity_stage_changes"}
    assert written <= changes.names
    oid = changes.value
    assert changes.ids("opportunities") == {oid}
    detail = db.read(opportunity_detail, oid)
    assert (detail.customer_id, detail.title, detail.stage, detail.probability) == (
        cid, "仓储系统", "demo", 40)
    assert db.read(customer_of, oid) == cid


def test_update_writes_the_deal_and_its_target_reminder(db):
    cid = _customer(db)
    oid = db.write(create_opportunity, cid, NOW, title="仓储系统").value
    with track_writes(db.engine) as written:
        changes = db.write(update_opportunity, oid, title=" 仓储二期 ", probability=35,
                           stage_target_date=date(2026, 12, 31))
    # a stage target date is a reminder task (issue #12 item 4)
    assert written == {"opportunities", "tasks"} and written <= changes.names
    detail = db.read(opportunity_detail, oid)
    assert (detail.title, detail.probability, detail.stage_target_date) == (
        "仓储二期", 35, date(2026, 12, 31))


def test_moving_a_stage_records_it(db):
    cid = _customer(db)
    oid = db.write(create_opportunity, cid, NOW, title="仓储系统").value
    with track_writes(db.engine) as written:
        changes = db.write(move_stage, oid, "first_contact", NOW)
    assert written == {"opportunities", "opportunity_stage_changes"}
    assert written <= changes.names and "customers" not in changes
    assert changes.value == StageMove(oid, "lead", "first_contact", None)
    with track_writes(db.engine) as written:
        same = db.write(move_stage, oid, "first_contact", NOW)
    assert not written and not same


def test_winning_activates_the_prospect_and_says_so(db):
    cid = _customer(db)
    oid = db.write(create_opportunity, cid, NOW, stage="trial", title="仓储系统").value
    with track_writes(db.engine) as written:
        changes = db.write(move_stage, oid, "won", NOW)
    assert written == {"opportunities", "opportunity_stage_changes", "customers",
                       "change_history"}
    assert written <= changes.names
    assert changes.touches("customers", cid)
    assert changes.value.activated_customer == cid
    [card] = db.read(pipeline_cards, NOW.date())
    assert (card.stage, card.probability) == ("won", 100)


def test_winning_for_an_active_customer_leaves_it_alone(db):
    cid = _customer(db, status="active")
    oid = db.write(create_opportunity, cid, NOW, stage="trial", title="续约").value
    with track_writes(db.engine) as written:
        changes = db.write(move_stage, oid, "won", NOW)
    assert "customers" not in written and "customers" not in changes
    assert changes.value.activated_customer is None


@pytest.mark.parametrize("args, kwargs, field", [
    ((9999, NOW), {"title": "x"}, "customer"),
    ((None, NOW), {"title": ""}, "title"),
    ((None, NOW), {"title": "x", "probability": 120}, "probability"),
    ((None, NOW), {"title": "x", "stage": "nowhere"}, "stage"),
])
def test_create_validates(db, args, kwargs, field):
    cid = _customer(db)
    args = (args[0] or cid, *args[1:])
    with pytest.raises(ValidationError) as err:
        db.write(create_opportunity, *args, **kwargs)
    assert err.value.field == field
    assert db.read(pipeline_cards, NOW.date()) == []


def _stage_tasks(db):
    from sqlalchemy import select

    from kamdesk.store.models import Task

    with db.session() as s:
        return [(t.source_key, t.due_at, t.remind_at, t.done_at is not None)
                for t in s.scalars(select(Task).where(Task.source_key.like("pipeline:%"))
                                   .order_by(Task.id))]


def test_stage_target_date_is_one_reminder_that_follows_the_deal(db):
    from kamdesk.store.ops.key_date_reminders import sync_stage_target_tasks

    cid = _customer(db)
    oid = db.write(create_opportunity, cid, NOW, title="仓储系统",
                   stage_target_date=date(2026, 12, 1)).value
    [(key, due, remind, done)] = _stage_tasks(db)
    assert key == f"pipeline:{oid}:lead:2026-12-01" and not done
    assert due.date() == remind.date() == date(2026, 12, 1)
    # a restart (the daily sync) adds no duplicate and writes nothing
    with track_writes(db.engine) as written:
        again = db.write(sync_stage_target_tasks, NOW)
    assert not written and not again
    assert len(_stage_tasks(db)) == 1
    # moving the date moves the reminder; moving the stage gives the new stage's
    db.write(update_opportunity, oid, NOW, stage_target_date=date(2026, 12, 5))
    assert [k for k, *_ in _stage_tasks(db)] == [f"pipeline:{oid}:lead:2026-12-05"]
    with track_writes(db.engine) as written:
        changes = db.write(move_stage, oid, "first_contact", NOW)
    assert written <= changes.names
    assert [k for k, *_ in _stage_tasks(db)] == [f"pipeline:{oid}:first_contact:2026-12-05"]
    # a closed deal has no reminder
    db.write(move_stage, oid, "lost", NOW, lost_reason=" 价格太高 ")
    assert _stage_tasks(db) == []
    assert db.read(opportunity_detail, oid).lost_reason == "价格太高"


def test_lost_reason_is_editable_afterwards(db):
    cid = _customer(db)
    oid = db.write(create_opportunity, cid, NOW, stage="trial", title="仓储系统").value
    db.write(move_stage, oid, "lost", NOW, lost_reason="预算取消")
    with track_writes(db.engine) as written:
        changes = db.write(update_opportunity, oid, NOW, lost_reason="选择了竞争对手")
    assert written <= changes.names
    [card] = db.read(pipeline_cards, NOW.date())
    assert card.lost_reason == "选择了竞争对手"
