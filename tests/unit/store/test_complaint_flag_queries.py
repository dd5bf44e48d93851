"""Which complaints are flagged amber (near the response deadline) or red (past it):
for Today, per customer for the list page, and on the calendar — plain rows out."""

from __future__ import annotations

from datetime import datetime, timedelta

import factories as customer_ops
from kamdesk.store.models import Complaint
from kamdesk.store.queries.calendar_entries import complaint_entries
from kamdesk.store.queries.complaint_flags import (
    complaint_levels, customer_page_with_complaints, flagged_complaints, worse_level,
)
from kamdesk.store.queries.customers import CustomerQuery
from kamdesk.store.queries.key_dates import DayCap
from kamdesk.store.queries import today as tq

NOW = datetime(2026, 11, 23, 10, 0)


def _book(db):
    """Three customers: A has a late and a near complaint, B only a near one, C none
    that counts (answered, closed, or far from its deadline)."""
    with db.session() as s:
        a = customer_ops.create_customer(s, name="甲公司").id
        b = customer_ops.create_customer(s, name="乙公司").id
        c = customer_ops.create_customer(s, name="丙公司").id

        def add(cid, received_h_ago, hours, **kw):
            received = NOW - timedelta(hours=received_h_ago)
            s.add(Complaint(customer_id=cid, received_at=received, description="x",
                            response_deadline=received + timedelta(hours=hours),
                            severity="high", owner="王敏", **kw))

        add(a, 30, 24)                      # red: 6 h past
        add(a, 20, 24, category="near")     # amber: 4 h of 24 left
        add(b, 45, 48)                      # amber: 3 h of 48 left
        add(c, 2, 24)                       # plenty of time: no flag
        add(c, 30, 24, status="responded", responded_at=NOW - timedelta(hours=10))
        add(c, 60, 24, status="closed")
        s.commit()
    return a, b, c


def test_flagged_complaints_red_first_then_amber_by_deadline(db):
    a, b, _c = _book(db)
    with db.engine.connect() as conn:
        flags = flagged_complaints(conn, NOW)
    assert [(f.customer_id, f.level) for f in flags] == [(a, "red"), (b, "amber"), (a, "amber")]
    assert flags[0].response_deadline == NOW - timedelta(hours=6)
    assert flags[2].category == "near" and flags[2].owner == "王敏"


def test_levels_per_customer_take_the_worst(db):
    a, b, c = _book(db)
    with db.engine.connect() as conn:
        assert complaint_levels(conn, [a, b, c], NOW) == {a: "red", b: "amber"}
        assert complaint_levels(conn, [], NOW) == {}
        # a day earlier nothing was late or near
        assert complaint_levels(conn, [a, b, c], NOW - timedelta(hours=24)) == {}


def test_worse_level():
    assert worse_level(None, "amber") == "amber"
    assert worse_level("amber", None) == "amber"
    assert worse_level("amber", "red") == "red"
    assert worse_level(None, None) is None


def test_customer_page_carries_the_level(db):
    a, b, c = _book(db)
    with db.engine.connect() as conn:
        rows = customer_page_with_complaints(conn, CustomerQuery(), 0, 50, NOW)
    assert {r.id: r.complaint_level for r in rows} == {a: "red", b: "amber", c: None}


def test_customer_page_is_two_reads_whatever_its_size(db):
    from sqlalchemy import event

    _book(db)
    with db.session() as s:
        for i in range(60):
            customer_ops.create_customer(s, name=f"客户{i:03d}")
        s.commit()
    statements: list[str] = []
    with db.engine.connect() as conn:
        event.listen(conn, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))
        rows = customer_page_with_complaints(conn, CustomerQuery(), 0, 50, NOW)
    assert len(rows) == 50
    assert sum("FROM complaints" in s for s in statements) == 1


def test_today_and_calendar_use_the_same_levels(db):
    a, b, _c = _book(db)
    with db.engine.connect() as conn:
        due = tq.complaints_due(conn, NOW)
        entries = complaint_entries(conn, NOW.date() - timedelta(days=3),
                                    NOW.date() + timedelta(days=3), None, "en", NOW,
                                    DayCap(None))
    assert [c.level for c in due.rows][:3] == ["red", "amber", "amber"]
    levels = {e.id: e.level for e in entries}
    assert sorted(v for v in levels.values() if v) == ["amber", "amber", "red"]
