"""Period KPIs, their trend and drill-down on a small hand-built book (issue #12 item 5).

The book (review day 2026-11-23, period 2026-11): X (A tier, ordering since 2024), Y (new
in November), Z (last order in May: churns in November), W (archived: counts nowhere).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

import factories as customer_ops
from kamdesk.domain.review_periods import parse_review_period
from kamdesk.store.models import (
    Complaint,
    Event,
    EventAttendance,
    Interaction,
    SurveyResponse,
    Transaction,
)
from kamdesk.store.queries.kpi_drill_down import drill_down
from kamdesk.store.queries.kpi_review import review, review_and_trend, trend

AS_OF = date(2026, 11, 23)
NOV = parse_review_period("2026-11")


def _contact(cid: int, at: datetime, **kw) -> Interaction:
    return Interaction(customer_id=cid, occurred_at=at, channel="phone", topic="t", **kw)


@pytest.fixture
def book(db):
    with db.session() as s:
        x = customer_ops.create_customer(s, name="X公司", cooperation_start=date(2024, 1, 1))
        y = customer_ops.create_customer(s, name="Y公司", cooperation_start=date(2026, 11, 3))
        z = customer_ops.create_customer(s, name="Z公司", cooperation_start=date(2025, 1, 1))
        w = customer_ops.create_customer(s, name="W公司", cooperation_start=date(2025, 1, 1))
        ids = {"x": x.id, "y": y.id, "z": z.id, "w": w.id}
        s.add_all([
            Transaction(customer_id=x.id, occurred_on=date(2024, 12, 1), amount_cents=100_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 9, 1), amount_cents=100_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 11, 5), amount_cents=300_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 11, 10), amount_cents=-50_00,
                        kind="return"),
            Transaction(customer_id=y.id, occurred_on=date(2026, 11, 20), amount_cents=200_00),
            Transaction(customer_id=z.id, occurred_on=date(2026, 5, 15), amount_cents=400_00),
            Transaction(customer_id=w.id, occurred_on=date(2026, 11, 6), amount_cents=999_00),
            _contact(x.id, datetime(2026, 11, 2, 10), satisfaction=5,
                     next_action="报价", deadline=date(2026, 11, 6)),
            _contact(x.id, datetime(2026, 11, 5, 10)),
            _contact(y.id, datetime(2026, 11, 4, 10), next_action="样品",
                     deadline=date(2026, 11, 10)),
            _contact(w.id, datetime(2026, 11, 4, 10), satisfaction=1),
            SurveyResponse(customer_id=x.id, responded_on=date(2026, 11, 10), csat=4, nps=10),
            SurveyResponse(customer_id=y.id, responded_on=date(2026, 11, 11), nps=3),
            SurveyResponse(customer_id=z.id, responded_on=date(2026, 10, 1), nps=8, csat=2),
            SurveyResponse(customer_id=w.id, responded_on=date(2026, 11, 1), nps=0),
            Complaint(customer_id=x.id, received_at=datetime(2026, 11, 1, 9),
                      response_deadline=datetime(2026, 11, 2, 9),
                      responded_at=datetime(2026, 11, 1, 12), status="resolved",
                      resolved_at=datetime(2026, 11, 3, 9), description="a"),
            Complaint(customer_id=y.id, received_at=datetime(2026, 11, 15, 9),
                      response_deadline=datetime(2026, 11, 16, 9), status="open",
                      description="b"),
            Complaint(customer_id=y.id, received_at=datetime(2026, 11, 22, 9),
                      response_deadline=datetime(2026, 11, 25, 9), status="open",
                      description="c"),
        ])
        s.flush()
        event = Event(name="用户日", held_on=date(2026, 11, 12))
        s.add(event)
        s.flush()
        s.add_all([EventAttendance(event_id=event.id, customer_id=x.id, attended=True),
                   EventAttendance(event_id=event.id, customer_id=y.id, attended=False)])
        customer_ops.set_archived(s, w.id, True)
        s.commit()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer_metrics SET value_tier = 'A' WHERE customer_id = :c"),
                     {"c": ids["x"]})
        if not conn.execute(text("SELECT COUNT(*) FROM customer_metrics WHERE customer_id = :c"),
                            {"c": ids["x"]}).scalar_one():
            conn.execute(text("INSERT INTO customer_metrics (customer_id, value_tier) "
                              "VALUES (:c, 'A')"), {"c": ids["x"]})
    return ids


def _values(r):
    return {f.code: (f.value, f.basis) for f in r.figures}


def test_every_kpi_of_a_month(db, book):
    got = _values(db.read(review, NOV, AS_OF))
    assert got == {
        "csat_avg": (4.5, 2),            # X's survey 4 and X's contact 5 (W archived)
        "nps": (0.0, 2),                 # X promoter, Y detractor
        "repurchase_rate": (50.0, 2),    # X and Y bought; X had bought before
        "churn_rate": (50.0, 2),         # X and Z in the book on 31 Oct; Z churned
        "new_customers": (1, None),      # Y
        "ltv": (350_00, 3),              # X 450, Y 200, Z 400
        "aov": (250_00, 2),              # X 300, Y 200; the return is not an order
        "aov_growth": (None, 0),         # October had no order
        "contact_timeliness": (50.0, 2),  # X followed up by the deadline, Y not
        "response_timeliness": (50.0, 2),  # the 22 Nov complaint is not due yet
        "resolution_rate": (33.3, 3),
        "participation_rate": (50.0, 2),
        "a_on_cadence": (100.0, 1),      # X: 2 contacts, 1 owed in 23 days of 14-day cadence
    }


def test_previous_change_and_target(db, book):
    from kamdesk.store.ops.kpi_targets import set_kpi_target

    db.write(set_kpi_target, "nps", 30)
    r = db.read(review, NOV, AS_OF)
    nps = r.figure("nps")
    assert (nps.previous, nps.change, nps.target, nps.on_target) == (0.0, 0.0, 30.0, False)
    csat = r.figure("csat_avg")  # October: Z's 2
    assert (csat.previous, csat.change, csat.target) == (2.0, 2.5, None)
    assert r.previous_period.code == "2026-10" and r.as_of == AS_OF


def test_a_period_under_way_counts_up_to_the_review_day(db, book):
    got = _values(db.read(review, NOV, date(2026, 11, 6)))
    assert got["aov"] == (300_00, 1)      # Y's order of the 20th has not happened yet
    assert got["new_customers"] == (1, None)
    assert got["response_timeliness"] == (100.0, 1)
    assert _values(db.read(review, parse_review_period("2026-12"), AS_OF))["aov"] == (None, 0)


def test_quarter_and_year(db, book):
    q = _values(db.read(review, parse_review_period("2026-Q4"), AS_OF))
    assert q["nps"] == (0.0, 3)  # Z's passive in October joins: 1 − 1 of 3
    assert q["csat_avg"] == (3.67, 3)
    y = _values(db.read(review, parse_review_period("2026"), AS_OF))
    assert y["aov"] == (250_00, 4)  # X 100 + 300, Y 200, Z 400


def test_trend_one_value_per_period(db, book):
    t = db.read(trend, "aov", NOV, AS_OF, 3)
    assert [(p.code, v) for p, v in t["aov"]] == [
        ("2026-09", 100_00), ("2026-10", None), ("2026-11", 250_00)]
    everything = db.read(trend, "all", NOV, AS_OF)
    assert len(everything) == 13 and all(len(v) == 12 for v in everything.values())
    assert everything["churn_rate"][-1] == (NOV, 50.0)
    r, t2 = db.read(review_and_trend, NOV, AS_OF, 12)
    assert t2 == everything and r == db.read(review, NOV, AS_OF)
    with pytest.raises(KeyError):
        db.read(trend, "bogus", NOV, AS_OF)


def test_drill_down_lists_the_rows_behind_a_figure(db, book):
    nps = db.read(drill_down, "nps", NOV, AS_OF)
    assert [(r.customer_id, r.what, r.flagged) for r in nps] == [
        (book["y"], "detractor", True), (book["x"], "promoter", False)]
    churn = db.read(drill_down, "churn_rate", NOV, AS_OF)
    assert [(r.customer_id, r.what) for r in churn] == [(book["z"], "churned"),
                                                        (book["x"], "kept")]
    late = db.read(drill_down, "response_timeliness", NOV, AS_OF)
    assert [(r.customer_id, r.what, r.ref_table) for r in late] == [
        (book["y"], "late", "complaints"), (book["x"], "on_time", "complaints")]
    assert [r.customer_name for r in db.read(drill_down, "new_customers", NOV, AS_OF)] == ["Y公司"]
    ltv = {r.customer_id: r.value for r in db.read(drill_down, "ltv", NOV, AS_OF)}
    assert ltv == {book["x"]: 450_00, book["y"]: 200_00, book["z"]: 400_00}
    absent = db.read(drill_down, "participation_rate", NOV, AS_OF)
    assert absent[0].customer_id == book["y"] and absent[0].what == "absent"
    assert db.read(drill_down, "a_on_cadence", NOV, AS_OF)[0].value == 2
    # every drill-down has as many rows as its figure's basis (AOV: buyers, not orders)
    r = db.read(review, NOV, AS_OF)
    for f in r.figures:
        if f.basis is not None and f.code not in ("aov", "aov_growth"):
            assert len(db.read(drill_down, f.code, NOV, AS_OF)) == f.basis, f.code
    assert db.read(drill_down, "nps", parse_review_period("2027"), AS_OF) == []
