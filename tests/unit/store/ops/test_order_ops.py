"""Order operations: what they refuse, what they store (returns negative), and that
they declare exactly the tables they write — the customer's figures included."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, text

import factories
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import Contract, Payment, Transaction
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.orders import (
    NewOrder,
    add_order,
    add_orders,
    delete_order,
    restore_order,
    update_order,
)
from kamdesk.store.queries.orders import credit_check, customer_orders

TODAY = date(2026, 11, 23)


def _customer(db, **fields) -> int:
    return db.write(create_customer, name=fields.pop("name", "远航物流"), **fields).value


def _revenue(db, cid: int) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(
            "SELECT revenue_12m_cents FROM customer_metrics WHERE customer_id = :c"),
            {"c": cid}).scalar() or 0)


def _contract(db, cid: int, number: str) -> int:
    with db.session() as s:
        k = Contract(customer_id=cid, number=number, title="年度框架", status="active")
        s.add(k)
        s.commit()
        return k.id


def test_add_order_declares_exactly_trades_and_the_customers_figures(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = db.write(add_order, customer_id=cid, occurred_on=date(2026, 11, 20),
                           amount_cents=12_500_00, product_line="冷链", quantity=3,
                           invoice_no="INV-1", today=TODAY)
    assert written == {"trades", "customer_metrics", "change_history"}
    assert changes.names == written
    assert changes.ids("trades") == {changes.value}
    assert changes.touches("customer_metrics", cid)
    assert _revenue(db, cid) == 12_500_00  # at once, no recompute


def test_a_return_is_entered_positive_and_stored_negative(db):
    cid = _customer(db)
    db.write(add_order, customer_id=cid, occurred_on=date(2026, 11, 1), amount_cents=1000_00,
             today=TODAY)
    rid = db.write(add_order, customer_id=cid, occurred_on=date(2026, 11, 2),
                   amount_cents=300_00, kind="return", today=TODAY).value
    with db.session() as s:
        t = s.get(Transaction, rid)
        assert (t.kind, t.amount_cents) == ("return", -300_00)
    assert _revenue(db, cid) == 700_00
    book = db.read(customer_orders, cid)
    assert (book.count, book.total_cents) == (1, 700_00)
    assert book.rows[0].entered_cents == 300_00


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"amount_cents": 0}, "amount_cents", "amount_not_positive"),
    ({"amount_cents": -5_00}, "amount_cents", "amount_not_positive"),
    ({"amount_cents": -5_00, "kind": "return"}, "amount_cents", "amount_not_positive"),
    ({"occurred_on": date(2027, 12, 1)}, "occurred_on", "date_too_far_ahead"),
    ({"occurred_on": None}, "occurred_on", "required"),
    ({"kind": "gift"}, "kind", "invalid_choice"),
    ({"quantity": 0}, "quantity", "out_of_range"),
    ({"invoice_no": "X" * 65}, "invoice_no", "too_long"),
])
def test_bad_orders_are_refused_and_nothing_is_saved(db, fields, field, code):
    cid = _customer(db)
    args = {"customer_id": cid, "occurred_on": date(2026, 11, 1), "amount_cents": 100_00,
            "today": TODAY} | fields
    with pytest.raises(ValidationError) as exc:
        db.write(add_order, **args)
    assert (exc.value.field, exc.value.code) == (field, code)
    assert db.read(customer_orders, cid).rows == ()


def test_a_date_within_a_year_ahead_is_fine(db):
    cid = _customer(db)
    db.write(add_order, customer_id=cid, occurred_on=date(2027, 11, 23), amount_cents=1,
             today=TODAY)


def test_an_archived_customer_takes_no_orders(db):
    cid = _customer(db)
    with db.session() as s:
        factories.set_archived(s, cid, True)
        s.commit()
    with pytest.raises(ValidationError) as exc:
        db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=1, today=TODAY)
    assert (exc.value.field, exc.value.code) == ("customer", "customer_archived")
    with pytest.raises(ValidationError):
        db.write(add_orders, [NewOrder(cid, TODAY, 100)], TODAY)


def test_the_contract_must_be_the_customers_own(db):
    cid, other = _customer(db), _customer(db, name="星河零售")
    mine, theirs = _contract(db, cid, "HT-1"), _contract(db, other, "HT-2")
    with pytest.raises(ValidationError) as exc:
        db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=1,
                 contract_id=theirs, today=TODAY)
    assert (exc.value.field, exc.value.code) == ("contract", "contract_other_customer")
    tid = db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=1,
                   contract_id=mine, today=TODAY).value
    assert db.read(customer_orders, cid).rows[0].contract_number == "HT-1"
    with pytest.raises(ValidationError):
        db.write(update_order, tid, customer_id=other, today=TODAY)  # its contract stays cid's


def test_update_declares_what_it_writes_and_keeps_the_sign_with_the_kind(db):
    cid = _customer(db)
    tid = db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=500_00,
                   today=TODAY).value
    with track_writes(db.engine) as written:
        changes = db.write(update_order, tid, kind="return", notes=" 质量问题 ", today=TODAY)
    assert written == {"trades", "customer_metrics", "change_history"} == changes.names
    with db.session() as s:
        t = s.get(Transaction, tid)
        assert (t.amount_cents, t.notes) == (-500_00, "质量问题")
    db.write(update_order, tid, kind="order", amount_cents=800_00, today=TODAY)
    assert _revenue(db, cid) == 800_00
    with pytest.raises(ValidationError) as exc:
        db.write(update_order, tid, amount_cents=0, today=TODAY)
    assert exc.value.code == "amount_not_positive"


def test_moving_an_order_to_another_customer_refreshes_both(db):
    a, b = _customer(db), _customer(db, name="星河零售")
    tid = db.write(add_order, customer_id=a, occurred_on=TODAY, amount_cents=500_00,
                   today=TODAY).value
    changes = db.write(update_order, tid, customer_id=b, today=TODAY)
    assert changes.touches("customer_metrics", a) and changes.touches("customer_metrics", b)
    assert (_revenue(db, a), _revenue(db, b)) == (0, 500_00)


def test_delete_and_undo_put_the_order_back_exactly(db):
    cid = _customer(db)
    tid = db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=500_00,
                   product_line="仓储", invoice_no="F-9", today=TODAY).value
    with db.session() as s:
        s.add(Payment(customer_id=cid, trade_id=tid, received_on=TODAY, amount_cents=100_00))
        s.commit()
    with track_writes(db.engine) as written:
        deleted = db.write(delete_order, tid, TODAY)
    # (the activity state may move back too: then a tier_changes row, declared as well)
    assert {"trades", "payments", "customer_metrics"} <= written == deleted.names
    assert _revenue(db, cid) == 0
    with db.session() as s:
        assert s.scalar(select(Payment.trade_id)) is None
    with track_writes(db.engine) as written:
        restored = db.write(restore_order, deleted.value, TODAY)
    assert {"trades", "payments", "customer_metrics"} <= written == restored.names
    with db.session() as s:
        t = s.get(Transaction, tid)
        assert (t.product_line, t.invoice_no, t.amount_cents) == ("仓储", "F-9", 500_00)
        assert s.scalar(select(Payment.trade_id)) == tid
    assert _revenue(db, cid) == 500_00


def test_delete_without_payments_writes_no_payments(db):
    cid = _customer(db)
    tid = db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=1,
                   today=TODAY).value
    with track_writes(db.engine) as written:
        deleted = db.write(delete_order, tid, TODAY)
    assert written - {"tier_changes"} == {"trades", "customer_metrics", "change_history"}
    assert written == deleted.names


def test_an_order_that_wakes_a_silent_customer_declares_the_tier_change(db):
    cid = _customer(db)
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 5, 1, 10),
             channel="phone", topic="回访", now=datetime(2026, 5, 1, 10))
    with db.engine.begin() as conn:
        recompute_metrics(conn, TODAY)   # half a year quiet: no longer active
    with track_writes(db.engine) as written:
        changes = db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=1_00,
                           today=TODAY)
    assert written == {"trades", "customer_metrics", "tier_changes",
                       "change_history"} == changes.names


def test_bulk_add_declares_trades_only(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = db.write(add_orders, [NewOrder(cid, TODAY, 100, kind="return"),
                                        NewOrder(cid, TODAY, 300, product_line="冷链")], TODAY)
    assert written == {"trades", "change_history"} == changes.names
    assert db.read(customer_orders, cid).total_cents == 200


def test_credit_check(db):
    cid = _customer(db, credit_limit_cents=1000_00)
    db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=900_00, today=TODAY)
    with db.session() as s:
        s.add(Payment(customer_id=cid, received_on=TODAY, amount_cents=200_00))
        s.commit()
    check = db.read(credit_check, cid, 250_00)
    assert (check.limit_cents, check.outstanding_cents, check.after_cents) == (
        1000_00, 700_00, 950_00)
    assert not check.over_limit
    assert db.read(credit_check, cid, 301_00).over_limit
    no_limit = _customer(db, name="无限额")
    assert not db.read(credit_check, no_limit, 10**12).over_limit
