"""Payment operations: refuse bad input with a code, declare exactly what they write,
and undo a delete."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer, update_customer
from kamdesk.store.ops.orders import NewOrder, add_orders
from kamdesk.store.ops.payments import (
    add_payment,
    delete_payment,
    restore_payment,
    update_payment,
)
from kamdesk.store.queries.receivables import outstanding

TODAY = date(2026, 11, 23)


def _book(db) -> tuple[int, int, int]:
    """A customer owing 1,000 yuan on two orders, and another customer's order id."""
    cid = db.write(create_customer, name="远航物流").value
    other = db.write(create_customer, name="华东机电").value
    db.write(add_orders, [NewOrder(cid, date(2026, 9, 1), 400_00),
                          NewOrder(cid, date(2026, 11, 1), 600_00),
                          NewOrder(other, date(2026, 11, 2), 50_00)])
    return cid, other, _trade(db, other)


def _trade(db, customer_id: int) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT min(id) FROM trades WHERE customer_id = :c"),
                                {"c": customer_id}).scalar_one())


def test_add_edit_delete_and_undo_declare_exactly_what_they_write(db):
    cid, _other, _t = _book(db)
    with track_writes(db.engine) as written:
        added = db.write(add_payment, customer_id=cid, received_on=date(2026, 11, 20),
                         amount_cents=300_00, method="bank_transfer", reference="HX-1",
                         today=TODAY)
    pid = added.value
    assert written == {"payments", "customer_metrics"}
    assert written <= added.names
    assert added.ids("payments") == {pid} and added.touches("customer_metrics", cid)
    assert db.read(outstanding, cid) == 700_00

    with track_writes(db.engine) as written:
        edited = db.write(update_payment, pid, amount_cents=350_00, trade_id=_trade(db, cid),
                          today=TODAY)
    assert written <= edited.names and "payments" in written
    assert db.read(outstanding, cid) == 650_00

    with track_writes(db.engine) as written:
        deleted = db.write(delete_payment, pid, TODAY)
    assert written <= deleted.names and "payments" in written
    assert db.read(outstanding, cid) == 1000_00
    assert deleted.value["amount_cents"] == 350_00

    with track_writes(db.engine) as written:
        restored = db.write(restore_payment, deleted.value, TODAY)
    assert written <= restored.names and "payments" in written
    assert restored.value == pid
    assert db.read(outstanding, cid) == 650_00


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"amount_cents": 0}, "amount_cents", "must_be_positive"),
    ({"amount_cents": -5_00}, "amount_cents", "must_be_positive"),
    ({"received_on": date(2027, 12, 1)}, "received_on", "too_far_ahead"),
    ({"received_on": None}, "received_on", "invalid_date"),
    ({"amount_cents": 1000_01}, "amount_cents", "exceeds_outstanding"),
    ({"method": "barter"}, "method", "invalid_choice"),
])
def test_bad_input_is_refused_with_a_code_and_nothing_is_written(db, fields, field, code):
    cid, _other, _t = _book(db)
    data = {"customer_id": cid, "received_on": date(2026, 11, 20), "amount_cents": 100_00,
            "today": TODAY} | fields
    with pytest.raises(ValidationError) as err:
        db.write(add_payment, **data)
    assert (err.value.field, err.value.code) == (field, code)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM payments")).scalar_one() == 0


def test_an_order_of_another_customer_is_refused(db):
    cid, _other, other_trade = _book(db)
    with pytest.raises(ValidationError) as err:
        db.write(add_payment, customer_id=cid, received_on=TODAY, amount_cents=10_00,
                 trade_id=other_trade, today=TODAY)
    assert (err.value.field, err.value.code) == ("trade_id", "other_customer")


def test_returns_reduce_what_may_be_paid_and_an_edit_is_checked_against_the_rest(db):
    cid, _other, _t = _book(db)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO trades (customer_id, occurred_on, amount_cents, kind) "
                          "VALUES (:c, '2026-11-10', -200000, 'return')"), {"c": cid})
    assert db.read(outstanding, cid) == -1000_00          # credited beyond the orders
    with pytest.raises(ValidationError) as err:
        db.write(add_payment, customer_id=cid, received_on=TODAY, amount_cents=1_00,
                 today=TODAY)
    assert err.value.code == "exceeds_outstanding"
    cid2 = db.write(create_customer, name="青岛海川").value
    db.write(add_orders, [NewOrder(cid2, date(2026, 10, 1), 500_00)])
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO trades (customer_id, occurred_on, amount_cents, kind) "
                          "VALUES (:c, '2026-11-10', -10000, 'return')"), {"c": cid2})
    with pytest.raises(ValidationError):
        db.write(add_payment, customer_id=cid2, received_on=TODAY, amount_cents=400_01,
                 today=TODAY)
    pid = db.write(add_payment, customer_id=cid2, received_on=TODAY, amount_cents=400_00,
                   today=TODAY).value
    # its own amount is not counted against it: the same payment may be edited
    db.write(update_payment, pid, notes="全额回款", today=TODAY)
    with pytest.raises(ValidationError):
        db.write(update_payment, pid, amount_cents=400_01, today=TODAY)


def test_a_payment_may_not_name_a_return(db):
    cid, _other, _t = _book(db)
    with db.engine.begin() as conn:
        rid = conn.execute(text(
            "INSERT INTO trades (customer_id, occurred_on, amount_cents, kind) "
            "VALUES (:c, '2026-11-10', -10000, 'return') RETURNING id"), {"c": cid}).scalar_one()
    with pytest.raises(ValidationError) as err:
        db.write(add_payment, customer_id=cid, received_on=TODAY, amount_cents=10_00,
                 trade_id=rid, today=TODAY)
    assert err.value.code == "invalid_choice"


def test_credit_rating_and_review_date_are_customer_fields(db):
    cid = db.write(create_customer, name="远航物流", credit_rating="b",
                   credit_review_on=date(2026, 12, 31), credit_limit_cents=5000_00).value
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT credit_rating, credit_review_on FROM customers "
                                "WHERE id = :c"), {"c": cid}).one()
    assert row[0] == "B" and str(row[1]) == "2026-12-31"
    with pytest.raises(ValidationError) as err:
        db.write(update_customer, cid, credit_rating="E")
    assert (err.value.field, err.value.code) == ("credit_rating", "invalid_choice")
    with pytest.raises(ValidationError) as err:
        db.write(update_customer, cid, credit_review_on="soon")
    assert err.value.field == "credit_review_on"
