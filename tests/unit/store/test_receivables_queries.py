"""Receivables queries: outstanding, ageing and open orders per customer; the list's
"Credit used" column, sort and filter; Today's credit section."""

from __future__ import annotations

from datetime import date

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.metrics import recompute_all_metrics
from kamdesk.store.ops.orders import NewOrder, add_orders
from kamdesk.store.ops.payments import add_payment
from kamdesk.store.queries.customers import CustomerQuery, count, fetch_page
from kamdesk.store.queries.receivables import (
    credit_standing,
    credit_watch,
    open_orders,
    receivables,
)

TODAY = date(2026, 11, 23)


def _customer(db, name, limit, owed, paid=0):
    cid = db.write(create_customer, name=name, credit_limit_cents=limit).value
    if owed:
        db.write(add_orders, [NewOrder(cid, date(2026, 8, 1), owed // 2),
                              NewOrder(cid, date(2026, 11, 1), owed - owed // 2)])
        # Bulk-added orders (the importer's op) leave the figures to the caller's recompute.
        db.write(recompute_all_metrics, TODAY)
    if paid:
        db.write(add_payment, customer_id=cid, received_on=TODAY, amount_cents=paid,
                 today=TODAY)
    return cid


def test_one_customer_outstanding_ageing_and_open_orders(db):
    cid = _customer(db, "远航物流", 1000_00, 800_00, paid=500_00)
    standing = db.read(credit_standing, cid)
    assert standing.outstanding_cents == 300_00 and standing.level == "ok"
    r = db.read(receivables, cid, TODAY)
    assert r.ageing.cents == (300_00, 0, 0, 0)            # the August order was paid first
    assert [p.amount_cents for p in r.payments] == [500_00] and r.paid_total_cents == 500_00
    (order,) = db.read(open_orders, cid)
    assert (order.occurred_on, order.unpaid_cents) == (date(2026, 11, 1), 300_00)


def test_list_column_sort_and_filter_and_today_agree_on_the_levels(db):
    red = _customer(db, "甲公司", 1000_00, 1200_00)
    amber = _customer(db, "乙公司", 1000_00, 850_00)
    ok = _customer(db, "丙公司", 1000_00, 900_00, paid=600_00)
    none = _customer(db, "丁公司", None, 5000_00)
    zero = _customer(db, "戊公司", 0, 0)
    rows = {r.id: r for r in db.read(fetch_page, CustomerQuery(), 0, 50)}
    assert [rows[c].credit_level for c in (red, amber, ok, none, zero)] == \
        ["red", "amber", "ok", "none", "ok"]
    assert rows[amber].credit_used_pct == 85 and rows[none].credit_used_pct is None

    q = CustomerQuery(sort="credit", descending=True)
    assert [r.id for r in db.read(fetch_page, q, 0, 50)][:3] == [red, amber, ok]

    watch = CustomerQuery(credit_watch=True)
    assert db.read(count, watch) == 2
    assert {r.id for r in db.read(fetch_page, watch, 0, 50)} == {red, amber}

    listing = db.read(credit_watch)
    assert [c.customer_id for c in listing.rows] == [red, amber] and listing.total == 2
    assert [c.level for c in listing.rows] == ["red", "amber"]


def test_setting_a_limit_flags_what_is_already_owed(db):
    from kamdesk.store.ops.customers import update_customer

    cid = _customer(db, "己公司", None, 900_00)
    assert db.read(credit_watch).total == 0            # no limit: nothing to watch
    changes = db.write(update_customer, cid, credit_limit_cents=1000_00)
    assert "customer_metrics" in changes               # the stored amount owed follows
    assert [c.customer_id for c in db.read(credit_watch).rows] == [cid]
