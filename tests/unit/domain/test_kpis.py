"""The review KPIs as arithmetic; the counts come from the store, tested below on a DB."""

from datetime import date, datetime, timedelta

import pytest

from kamdesk.domain.kpis import KpiInputs, compute_kpis, mean, nps, nps_from_scores, rate


def test_rate_and_mean_and_no_data():
    assert rate(1, 3) == 33.3
    assert rate(0, 5) == 0.0
    assert rate(3, 0) is None  # no denominator: "no data", not 0 %
    assert mean(12.0, 3) == 4.0 and mean(0, 0) is None


def test_nps():
    assert nps(5, 3, 2) == 30.0
    assert nps(0, 0, 4) == -100.0
    assert nps(0, 0, 0) is None
    assert nps_from_scores([10, 9, 8, 7, 6, 0]) == 0.0
    assert nps_from_scores([9, 10, 7]) == pytest.approx(66.7)


def test_compute_kpis():
    i = KpiInputs(
        tier_activity={("A", "active"): 8, ("A", "churned"): 2, ("B", "silent"): 5,
                       ("C", "churned"): 5},
        customers_with_orders=10, customers_with_repeat_orders=7, new_customers_month=3,
        csat_sum=17.0, csat_count=4, nps_promoters=6, nps_passives=2, nps_detractors=2,
        complaints_on_time=9, complaints_late=1, complaints_received=12, complaints_resolved=9,
        event_invited=40, event_attended=30,
    )
    k = compute_kpis(i)
    assert k.customers == 20
    assert k.by_tier == {"A": 10, "B": 5, "C": 5}
    assert k.by_activity == {"active": 8, "silent": 5, "churned": 7}
    assert k.churned == 7 and k.churn_rate == 35.0
    assert k.repurchase_rate == 70.0
    assert k.new_customers_month == 3
    assert k.csat_avg == 4.25 and k.csat_answers == 4
    assert k.nps == 40.0 and k.nps_answers == 10
    assert k.response_timeliness == 90.0 and k.complaints_due == 10
    assert k.resolution_rate == 75.0
    assert k.participation_rate == 75.0 and k.invitations == 40


def test_empty_book_has_no_rates():
    k = compute_kpis(KpiInputs())
    assert k.customers == 0 and k.churn_rate is None and k.repurchase_rate is None
    assert k.csat_avg is None and k.nps is None and k.response_timeliness is None
    assert k.resolution_rate is None and k.participation_rate is None
    assert k.by_tier == {"A": 0, "B": 0, "C": 0}


def test_kpi_queries_count_the_window(db):
    import factories as customer_ops
    from kamdesk.store.queries.kpis import kpi_inputs, kpi_report
    from kamdesk.store.metrics import recompute_metrics
    from kamdesk.store.models import (
        Complaint, Event, EventAttendance, SurveyResponse, Transaction,
    )

    today = date(2026, 11, 23)
    now = datetime(2026, 11, 23, 10)
    with db.session() as s:
        a = customer_ops.create_customer(s, name="甲", cooperation_start=date(2026, 11, 2))
        b = customer_ops.create_customer(s, name="乙", cooperation_start=date(2020, 1, 1))
        gone = customer_ops.create_customer(s, name="丙", cooperation_start=date(2026, 11, 5),
                                            status="archived")
        s.add_all([Transaction(customer_id=a.id, occurred_on=today - timedelta(days=d),
                               amount_cents=100_00) for d in (10, 40)])
        s.add(Transaction(customer_id=b.id, occurred_on=today - timedelta(days=20),
                          amount_cents=100_00))
        s.add(Transaction(customer_id=b.id, occurred_on=today - timedelta(days=400),
                          amount_cents=100_00))  # outside the window
        s.add_all([
            SurveyResponse(customer_id=a.id, responded_on=today - timedelta(days=30), csat=5,
                           nps=10),
            SurveyResponse(customer_id=b.id, responded_on=today - timedelta(days=60), csat=3,
                           nps=5),
            SurveyResponse(customer_id=b.id, responded_on=today - timedelta(days=500), csat=1),
        ])
        s.add_all([
            Complaint(customer_id=a.id, received_at=now - timedelta(days=10), description="x",
                      response_deadline=now - timedelta(days=9),
                      responded_at=now - timedelta(days=9, hours=2), status="resolved"),
            Complaint(customer_id=a.id, received_at=now - timedelta(days=5), description="y",
                      response_deadline=now - timedelta(days=4), status="open"),
            Complaint(customer_id=b.id, received_at=now - timedelta(hours=2), description="z",
                      response_deadline=now + timedelta(hours=22), status="open"),
        ])
        ev = Event(name="沙龙", held_on=today - timedelta(days=30), kind="salon")
        s.add(ev)
        s.flush()
        s.add_all([EventAttendance(event_id=ev.id, customer_id=a.id, invited=True, attended=True),
                   EventAttendance(event_id=ev.id, customer_id=b.id, invited=True,
                                   attended=False)])
        s.commit()
        assert gone.id
    recompute_metrics(db, today)
    with db.engine.connect() as conn:
        i = kpi_inputs(conn, today)
        k = kpi_report(conn, today)
    assert sum(i.tier_activity.values()) == 2  # the archived customer is not in the book
    assert (i.customers_with_orders, i.customers_with_repeat_orders) == (2, 1)
    assert i.new_customers_month == 1
    assert (i.csat_count, i.csat_sum) == (2, 8.0)
    assert (i.nps_promoters, i.nps_passives, i.nps_detractors) == (1, 0, 1)
    # on time: the first; late: the second (unanswered past its deadline); the third
    # is not due yet and counts for neither
    assert (i.complaints_on_time, i.complaints_late) == (1, 1)
    assert (i.complaints_received, i.complaints_resolved) == (3, 1)
    assert (i.event_invited, i.event_attended) == (2, 1)
    assert k.repurchase_rate == 50.0 and k.nps == 0.0 and k.participation_rate == 50.0
