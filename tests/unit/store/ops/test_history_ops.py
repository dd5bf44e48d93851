"""The change history records every write of the tracked records, through the real
operations, and one field change can be reverted (refused when stale)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops import contracts, customers, orders, people, plans
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customer_merge import merge_customers
from kamdesk.store.ops.history import revert_change
from kamdesk.store.queries.history import changes_of_row, customer_history

TODAY = date(2026, 11, 23)


def _write(db, op, *args, **kwargs):
    with track_writes(db.engine) as written:
        changes = db.write(op, *args, **kwargs)
    assert written <= changes.names, f"{op.__name__} wrote {written - changes.names}"
    return changes


def _fields(db, table, row_id):
    with db.engine.connect() as conn:
        return [(e.action, e.field, e.old_value, e.new_value)
                for e in changes_of_row(conn, table, row_id)]


def _history(db, cid, tables=None):
    with db.engine.connect() as conn:
        return customer_history(conn, cid, tables)


def test_customer_insert_update_delete_are_recorded_with_who(db):
    db.actor = "李明"
    changes = _write(db, customers.create_customer, name="重庆银行", potential="high")
    assert "change_history" in changes
    cid = changes.value
    (created,) = _history(db, cid)
    assert (created.action, created.actor, created.table_name) == ("insert", "李明", "customers")
    assert json.loads(created.new_value)["name"] == "重庆银行"
    assert json.loads(created.new_value)["potential"] == "high"  # a code, not a word

    _write(db, customers.update_customer, cid, potential="low", region="重庆",
           credit_review_on=date(2026, 12, 31))
    assert sorted(_fields(db, "customers", cid)[:3]) == [
        ("update", "credit_review_on", None, "2026-12-31"),
        ("update", "potential", "high", "low"),
        ("update", "region", None, "重庆"),
    ]
    # Saving the same values again records nothing (and declares nothing).
    again = _write(db, customers.update_customer, cid, potential="low")
    assert "change_history" not in again
    _write(db, customers.delete_customer, cid)
    last = _history(db, cid)[0]
    assert last.action == "delete" and json.loads(last.old_value)["region"] == "重庆"


def test_the_os_user_is_the_actor_when_none_is_set(db):
    from kamdesk.store.history import os_user

    cid = _write(db, customers.create_customer, name="甲").value
    assert _history(db, cid)[0].actor == os_user()


def test_people_contracts_orders_and_plans_are_recorded(db):
    cid = db.write(customers.create_customer, name="远航物流").value
    pid = _write(db, people.create_person, cid, name="王建国", decision_role="decision_maker").value
    _write(db, people.update_person, pid, attitude="supporter")
    assert _fields(db, "people", pid)[0] == ("update", "attitude", "neutral", "supporter")

    kid = _write(db, contracts.create_contract, cid, number="HT-1", title="框架协议",
                 today=TODAY).value
    _write(db, contracts.update_contract, kid, title="年度框架协议", today=TODAY)
    assert _fields(db, "contracts", kid)[0] == ("update", "title", "框架协议", "年度框架协议")
    _write(db, contracts.delete_contract, kid)
    assert _fields(db, "contracts", kid)[0][0] == "delete"

    tid = _write(db, orders.add_order, customer_id=cid, occurred_on=date(2026, 11, 1),
                 amount_cents=120_000, today=TODAY).value
    _write(db, orders.update_order, tid, amount_cents=150_000, today=TODAY)
    assert _fields(db, "trades", tid)[0] == ("update", "amount_cents", "120000", "150000")
    _write(db, orders.delete_order, tid, today=TODAY)
    assert _fields(db, "trades", tid)[0][0] == "delete"

    plan_id = _write(db, plans.create_plan, cid, "2027", "王磊", TODAY).value
    aid = _write(db, plans.add_action, plan_id, "拜访总经理").value
    _write(db, plans.update_action, aid, status="done")
    assert _fields(db, "plan_actions", aid)[0] == ("update", "status", "open", "done")
    _write(db, plans.delete_plan, plan_id)
    assert _fields(db, "plan_actions", aid)[0][0] == "delete"

    kinds = {e.table_name for e in _history(db, cid)}
    assert {"customers", "people", "contracts", "trades", "account_plans",
            "plan_actions"} <= kinds  # each under the customer, plan rows too
    only_orders = _history(db, cid, ["trades"])
    assert only_orders and {e.table_name for e in only_orders} == {"trades"}
    times = [e.id for e in _history(db, cid)]
    assert times == sorted(times, reverse=True)  # newest first


def test_revert_writes_the_old_value_back_and_refuses_when_stale(db):
    cid = db.write(customers.create_customer, name="华东电网", owner="王芳").value
    db.write(customers.update_customer, cid, owner="李明")
    change = next(e for e in _history(db, cid) if e.field == "owner")
    changes = _write(db, revert_change, change.id)
    assert {"customers", "change_history"} <= changes.names
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT owner FROM customers WHERE id = ?",
                                    (cid,)).scalar() == "王芳"
    # The revert is itself recorded; reverting the first change again is stale now.
    assert _fields(db, "customers", cid)[0] == ("update", "owner", "李明", "王芳")
    db.write(customers.update_customer, cid, owner="赵六")
    with pytest.raises(ValidationError) as refused:
        db.write(revert_change, change.id)
    assert (refused.value.field, refused.value.code) == ("change", "changed_since")
    created = _history(db, cid)[-1]
    with pytest.raises(ValidationError) as refused:
        db.write(revert_change, created.id)
    assert refused.value.code == "not_revertible"


def test_revert_goes_through_validation_and_typed_values(db):
    cid = db.write(customers.create_customer, name="甲", code="C-1").value
    other = db.write(customers.create_customer, name="乙", code="C-2").value
    db.write(customers.update_customer, cid, code="C-9",
             cooperation_start=date(2020, 3, 1))
    code_change = next(e for e in _history(db, cid) if e.field == "code")
    db.write(customers.update_customer, other, code="C-1")  # the old code is taken now
    with pytest.raises(ValidationError) as refused:
        db.write(revert_change, code_change.id)
    assert (refused.value.field, refused.value.code) == ("code", "duplicate")
    tid = db.write(orders.add_order, customer_id=cid, occurred_on=date(2026, 11, 1),
                   amount_cents=5_000, kind="return", today=TODAY).value
    db.write(orders.update_order, tid, amount_cents=7_000, occurred_on=date(2026, 11, 2),
             today=TODAY)
    for e in [e for e in _history(db, cid, ["trades"]) if e.action == "update"]:
        db.write(revert_change, e.id, today=TODAY)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT amount_cents, CAST(occurred_on AS TEXT) FROM trades "
                                    "WHERE id = ?", (tid,)).one() == (-5_000, "2026-11-01")


def test_merge_and_import_paths_are_recorded(db):
    keep = db.write(customers.create_customer, name="甲公司").value
    drop = db.write(customers.create_customer, name="甲公司（重复）", region="上海").value
    pid = db.write(people.create_person, drop, name="张三").value
    _write(db, merge_customers, keep, drop)
    mine = _history(db, keep)
    assert ("update", "customer_id", str(drop), str(keep)) in [
        (e.action, e.field, e.old_value, e.new_value) for e in mine if e.row_id == pid]
    assert any(e.action == "delete" and e.row_id == drop for e in mine)
    assert any(e.field == "region" and e.new_value == "上海" for e in mine)  # filled in
    assert _history(db, drop) == []


def test_imports_summarise_inserts_and_list_overwritten_fields(db, tmp_path):
    from kamdesk.io.import_tables import import_table
    from kamdesk.store.ops.import_batches import undo_import

    path = tmp_path / "客户.csv"
    path.write_text("客户名称,负责人\n甲公司,王芳\n乙公司,李明\n", encoding="utf-8")
    done = _write(db, import_table, str(path), "customers", False,
                  today=TODAY, now=datetime(2026, 11, 23, 9))
    batch = done.value.batch_id
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT action, field, batch_id, customer_id = row_id "
                                    "FROM change_history").all()
    assert rows == [("insert", None, batch, 1)] * 2
    _write(db, undo_import, batch, datetime(2026, 11, 23, 10))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM change_history WHERE "
                                    "action = 'delete' AND batch_id = ?", (batch,)).scalar() == 2
    # Imported again, then a sheet that changes one owner: the overwritten field is listed.
    _write(db, import_table, str(path), "customers", False, today=TODAY,
           now=datetime(2026, 11, 23, 11))
    again = tmp_path / "客户2.csv"
    again.write_text("客户名称,负责人\n甲公司,赵六\n", encoding="utf-8")
    second = _write(db, import_table, str(again), "customers", False,
                    today=TODAY, now=datetime(2026, 11, 23, 11, 30)).value.batch_id
    with db.engine.connect() as conn:
        cid = conn.exec_driver_sql("SELECT id FROM customers WHERE name = '甲公司'").scalar()
    assert _fields(db, "customers", cid)[0] == ("update", "owner", "王芳", "赵六")
    _write(db, undo_import, second, datetime(2026, 11, 23, 11, 45))
    assert _fields(db, "customers", cid)[0] == ("update", "owner", "赵六", "王芳")


def test_tier_source_and_task_links_are_recorded(db):
    from kamdesk.store.ops import tasks
    from kamdesk.store.ops.tier_source import set_customer_tier_source

    cid = db.write(customers.create_customer, name="甲").value
    _write(db, set_customer_tier_source, cid, "stated", TODAY)
    assert _fields(db, "customers", cid)[0] == ("update", "tier_source", None, "stated")
    plan_id = db.write(plans.create_plan, cid, "2027", None, TODAY).value
    aid = db.write(plans.add_action, plan_id, "拜访").value
    task_id = db.write(plans.action_to_task, aid, datetime(2026, 11, 23, 9)).value.task_id
    _write(db, tasks.delete_task, task_id)
    assert _fields(db, "plan_actions", aid)[0] == ("update", "task_id", str(task_id), None)


def test_every_session_factory_records_even_one_reusing_a_collected_ones_id():
    import gc

    from sqlalchemy import create_engine

    from kamdesk.store.engine import make_session_factory

    engine = create_engine("sqlite://")
    for _ in range(60):  # without the fix, most factories after the first missed it
        session = make_session_factory(engine)()
        assert len(session.dispatch.after_flush) == 1
        session.close()
        del session
        gc.collect()
