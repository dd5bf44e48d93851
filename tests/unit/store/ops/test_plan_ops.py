"""Account plan operations declare exactly the tables they write (and carry new ids)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kamdesk.domain.plans import ActionItem, ObjectiveItem, RiskItem
import factories as customer_ops
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import Contract, Transaction
from kamdesk.store.ops import NOTHING
from kamdesk.store.ops import plans as ops
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.queries.plans import plan_detail

NOW = datetime(2026, 11, 23, 10)
TODAY = NOW.date()
PLAN_TABLES = {"account_plans", "plan_objectives", "plan_actions", "plan_risks"}


@pytest.fixture
def customer_id(db) -> int:
    """A customer whose data gives a plan objectives and risks (orders, an expiring
    contract, no decision maker)."""
    with db.session() as s:
        c = customer_ops.create_customer(s, name="远航物流", owner="王磊",
                                         credit_limit_cents=10_000_00)
        s.add(Transaction(customer_id=c.id, occurred_on=TODAY - timedelta(days=20),
                          amount_cents=50_000_00))
        s.add(Contract(customer_id=c.id, number="HT-1", title="框架协议",
                       start_on=date(2026, 1, 1), end_on=TODAY + timedelta(days=30),
                       status="active"))
        s.commit()
        cid = c.id
    recompute_metrics(db, TODAY)
    return cid


def _write(db, op, *args, **kwargs):
    """Run ``op`` and return (its Changes, the tables it really wrote)."""
    with track_writes(db.engine) as written:
        changes = db.write(op, *args, **kwargs)
    assert written <= changes.names, f"{op.__name__} wrote {written - changes.names} undeclared"
    return changes, written


def test_create_plan_declares_the_plan_objectives_and_risks(db, customer_id):
    changes, written = _write(db, ops.create_plan, customer_id, "2027", None, TODAY, "en")
    assert written == changes.names == {"account_plans", "plan_objectives", "plan_risks",
                                         "change_history"}
    plan_id = changes.value
    assert changes.ids("account_plans") == {plan_id}
    with db.engine.connect() as conn:
        detail = plan_detail(conn, plan_id)
    assert changes.ids("plan_objectives") == {o.id for o in detail.objectives}
    assert changes.ids("plan_risks") == {r.id for r in detail.risks}


def test_a_refused_create_writes_and_announces_nothing(db, customer_id):
    db.write(ops.create_plan, customer_id, "2027", None, TODAY)
    with track_writes(db.engine) as written, pytest.raises(ValidationError):
        db.write(ops.create_plan, customer_id, "2027", None, TODAY)
    assert written == set()


def test_row_operations_declare_their_own_table(db, customer_id):
    plan_id = db.write(ops.create_plan, customer_id, "2027", None, TODAY).value
    cases = []
    changes, written = _write(db, ops.add_objective, plan_id, "Visits", "2", "6")
    objective_id = changes.value
    cases.append((changes, written, "plan_objectives"))
    changes, written = _write(db, ops.add_action, plan_id, "Executive visit")
    action_id = changes.value
    cases.append((changes, written, "plan_actions"))
    changes, written = _write(db, ops.add_risk, plan_id, "price war", "market", "high")
    risk_id = changes.value
    cases.append((changes, written, "plan_risks"))
    for op, row_id, table in ((ops.update_objective, objective_id, "plan_objectives"),
                              (ops.update_action, action_id, "plan_actions"),
                              (ops.update_risk, risk_id, "plan_risks")):
        field = {"plan_objectives": "target", "plan_actions": "owner",
                 "plan_risks": "mitigation"}[table]
        cases.append((*_write(db, op, row_id, **{field: "changed"}), table))
    for op, row_id, table in ((ops.move_objective, objective_id, "plan_objectives"),
                              (ops.move_action, action_id, "plan_actions"),
                              (ops.move_risk, risk_id, "plan_risks")):
        cases.append((*_write(db, op, row_id, -1), table))
    for op, row_id, table in ((ops.delete_objective, objective_id, "plan_objectives"),
                              (ops.delete_action, action_id, "plan_actions"),
                              (ops.delete_risk, risk_id, "plan_risks")):
        cases.append((*_write(db, op, row_id), table))
    for changes, written, table in cases:
        assert changes.names - {"change_history"} == {table} and written <= changes.names
    # deleting what is gone already writes and declares nothing
    assert _write(db, ops.delete_risk, risk_id) == (NOTHING, set())
    changes, written = _write(db, ops.update_plan, plan_id, threats="价格战")
    assert changes.names == written == {"account_plans", "change_history"}


def test_save_plan_declares_rows_and_the_task_it_closes(db, customer_id):
    plan_id = db.write(ops.create_plan, customer_id, "2027", None, TODAY).value
    action_id = db.write(ops.add_action, plan_id, "Executive visit",
                         due=date(2026, 12, 10)).value
    made = db.write(ops.action_to_task, action_id, NOW).value
    with db.engine.connect() as conn:
        d = plan_detail(conn, plan_id)
    objectives = [*d.objectives, ObjectiveItem(None, "Visits", "2", "6")]
    actions = [ActionItem(a.id, a.action, a.owner, a.due, "done") for a in d.actions]
    risks = [RiskItem(None, "price war", "market", "high")]
    changes, written = _write(db, ops.save_plan, plan_id, {"owner": "李工"}, objectives,
                              actions, risks, now=NOW)
    assert written == changes.names == PLAN_TABLES | {"tasks", "change_history"}
    assert changes.ids("tasks") == {made.task_id}
    assert changes.ids("plan_risks") >= {r.id for r in d.risks}  # the ones removed too
    # saved again: the task is closed already, so it is neither written nor announced
    with db.engine.connect() as conn:
        d = plan_detail(conn, plan_id)
    changes, written = _write(db, ops.save_plan, plan_id, {}, d.objectives, d.actions,
                              d.risks, now=NOW)
    assert "tasks" not in changes and "tasks" not in written


def test_action_to_task_declares_task_and_action_once(db, customer_id):
    plan_id = db.write(ops.create_plan, customer_id, "2027", None, TODAY).value
    action_id = db.write(ops.add_action, plan_id, "Send the case study").value
    changes, written = _write(db, ops.action_to_task, action_id, NOW, "en")
    assert written == changes.names == {"tasks", "plan_actions", "change_history"}
    assert changes.ids("plan_actions") == {action_id}
    assert changes.value.remind_at == datetime(2026, 11, 24, 9)
    again, written = _write(db, ops.action_to_task, action_id, NOW, "en")
    assert written == set() and not again
    assert again.value == changes.value


def test_copy_and_delete_plan_declare_every_row_table(db, customer_id):
    plan_id = db.write(ops.create_plan, customer_id, "2027", None, TODAY).value
    db.write(ops.add_action, plan_id, "Executive visit")
    db.write(ops.add_action, plan_id, "Finished", status="done")
    changes, written = _write(db, ops.copy_plan, plan_id, "2028")
    assert written == changes.names == PLAN_TABLES | {"change_history"}
    new_id = changes.value
    with db.engine.connect() as conn:
        copied = plan_detail(conn, new_id)
    assert changes.ids("plan_actions") == {a.id for a in copied.actions}
    assert [a.action for a in copied.actions] == ["Executive visit"]
    changes, written = _write(db, ops.delete_plan, new_id)
    assert changes.names == PLAN_TABLES | {"change_history"} and "account_plans" in written
    assert changes.ids("account_plans") == {new_id}
