"""The satisfaction asked on a logged contact counts as a CSAT answer (issue #12)."""

from __future__ import annotations

from datetime import date, datetime

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.surveys import record_survey
from kamdesk.store.queries.kpis import kpi_report

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10)


def test_contact_satisfaction_and_surveys_make_one_csat(db):
    cid = db.write(create_customer, name="远航物流").value
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 11, 2, 15),
             channel="visit", topic="季度回顾", satisfaction=5, now=NOW)
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2024, 1, 2, 15),
             channel="visit", topic="两年前", satisfaction=1, now=NOW)   # outside the year
    db.write(record_survey, customer_id=cid, responded_on=date(2026, 10, 1), csat=3,
             today=TODAY)
    report = db.read(kpi_report, TODAY)
    assert report.csat_answers == 2 and report.csat_avg == 4.0
