"""Refreshing one customer's figures declares what it wrote (the operations that log a
contact, an order, a payment or a survey answer add it to their own Changes)."""

from __future__ import annotations

from datetime import date

from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.metrics import refresh_customer_metrics

TODAY = date(2026, 11, 23)


def test_refreshing_a_customer_declares_its_metrics_row(db):
    cid = db.write(create_customer, name="远航物流").value
    with track_writes(db.engine) as written:
        changes = db.write(refresh_customer_metrics, cid, TODAY)
    assert written <= changes.names
    assert changes.touches("customer_metrics", cid)
