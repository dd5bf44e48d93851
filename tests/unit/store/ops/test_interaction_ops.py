"""Contact-log operations declare exactly the tables they write."""

from __future__ import annotations

from datetime import date, datetime

from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import (
    delete_interactions,
    log_contact,
    restore_interactions,
    update_interaction,
)

NOW = datetime(2026, 11, 23, 10)


def _customer(db) -> int:
    return db.write(create_customer, name="远航物流").value


def test_logging_with_next_action_announces_interactions_tasks_and_metrics(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = db.write(log_contact, customer_id=cid, occurred_at=NOW, channel="phone",
                           topic="回访", next_action="发报价", deadline=date(2026, 11, 27),
                           now=NOW)
    logged = changes.value
    assert written == {"interactions", "tasks", "customer_metrics"}
    assert changes.names == written        # exactly what it wrote, nothing guessed
    assert changes.ids("interactions") == {logged.interaction_id}
    assert changes.ids("tasks") == {logged.task_id}
    assert changes.touches("customer_metrics", cid)
    assert logged.remind_at == datetime(2026, 11, 26, 9)


def test_logging_without_next_action_writes_no_task(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = db.write(log_contact, customer_id=cid, occurred_at=NOW, channel="visit",
                           topic="拜访", now=NOW)
    assert "tasks" not in written and "tasks" not in changes
    assert written <= changes.names


def test_edit_delete_and_undo_declare_what_they_write(db):
    cid = _customer(db)
    logged = db.write(log_contact, customer_id=cid, occurred_at=NOW, channel="phone",
                      topic="回访", next_action="发报价", deadline=date(2026, 11, 27),
                      now=NOW).value
    for op, args in ((update_interaction, (logged.interaction_id,)),):
        with track_writes(db.engine) as written:
            changes = db.write(op, *args, now=NOW, next_action="发正式报价")
        assert written <= changes.names and "tasks" in written
    with track_writes(db.engine) as written:
        deleted = db.write(delete_interactions, [logged.interaction_id], NOW.date())
    assert written <= deleted.names and {"interactions", "tasks"} <= written
    with track_writes(db.engine) as written:
        restored = db.write(restore_interactions, deleted.value, NOW.date())
    assert written <= restored.names and {"interactions", "tasks"} <= written


def test_a_contact_that_wakes_a_silent_customer_declares_the_tier_change(db):
    from kamdesk.store.metrics import recompute_metrics

    cid = _customer(db)
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 6, 1, 10),
             channel="phone", topic="回访", now=datetime(2026, 6, 1, 10))
    with db.engine.begin() as conn:
        recompute_metrics(conn, NOW.date())   # five months quiet: silent
    with track_writes(db.engine) as written:
        changes = db.write(log_contact, customer_id=cid, occurred_at=NOW, channel="visit",
                           topic="拜访", now=NOW)
    assert written == {"interactions", "customer_metrics", "tier_changes"}
    assert changes.names == written
