"""Survey operations: declare exactly what they write, refuse bad answers with a code,
undo a delete, and clear the B tier's quarterly satisfaction-check duty."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.people import create_person
from kamdesk.store.ops.surveys import (
    delete_survey,
    record_survey,
    restore_survey,
    update_survey,
)
from kamdesk.store.queries.surveys import customer_surveys

TODAY = date(2026, 11, 23)


def _customer(db, name="远航物流") -> int:
    return db.write(create_customer, name=name).value


def test_record_edit_delete_undo_declare_exactly_what_they_write(db):
    cid = _customer(db)
    pid = db.write(create_person, cid, name="王经理").value
    with track_writes(db.engine) as written:
        added = db.write(record_survey, customer_id=cid, responded_on=date(2026, 11, 20),
                         csat=4, nps=9, comment=" 交付及时 ", channel="phone", person_id=pid,
                         today=TODAY)
    sid = added.value
    assert written == {"survey_responses", "customer_metrics"}
    assert written <= added.names
    assert added.ids("survey_responses") == {sid} and added.touches("customer_metrics", cid)
    answer = db.read(customer_surveys, cid).answers[0]
    assert (answer.csat, answer.nps, answer.comment, answer.channel, answer.person_name) == (
        4, 9, "交付及时", "phone", "王经理")

    with track_writes(db.engine) as written:
        edited = db.write(update_survey, sid, nps=6, comment="", today=TODAY)
    assert written <= edited.names and "survey_responses" in written
    answer = db.read(customer_surveys, cid).answers[0]
    assert (answer.nps, answer.comment) == (6, None)

    with track_writes(db.engine) as written:
        deleted = db.write(delete_survey, sid, TODAY)
    assert written <= deleted.names and "survey_responses" in written
    assert db.read(customer_surveys, cid).answers == ()

    with track_writes(db.engine) as written:
        restored = db.write(restore_survey, deleted.value, TODAY)
    assert written <= restored.names
    assert db.read(customer_surveys, cid).answers == (answer,)


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"csat": 0}, "csat", "out_of_range"),
    ({"csat": 6}, "csat", "out_of_range"),
    ({"nps": -1}, "nps", "out_of_range"),
    ({"nps": 11}, "nps", "out_of_range"),
    ({"csat": None, "nps": None}, "csat", "required"),
    ({"responded_on": date(2026, 11, 24)}, "responded_on", "out_of_range"),
    ({"responded_on": None}, "responded_on", "invalid_date"),
    ({"channel": "fax"}, "channel", "invalid_choice"),
])
def test_bad_answers_are_refused_with_a_code(db, fields, field, code):
    cid = _customer(db)
    data = {"responded_on": TODAY, "csat": 4, "nps": None} | fields
    with pytest.raises(ValidationError) as err:
        db.write(record_survey, customer_id=cid, today=TODAY, **data)
    assert (err.value.field, err.value.code) == (field, code)
    assert db.read(customer_surveys, cid).answers == ()


def test_a_person_of_another_customer_is_refused(db):
    cid = _customer(db)
    other = _customer(db, "华东机电")
    stranger = db.write(create_person, other, name="李总").value
    with pytest.raises(ValidationError) as err:
        db.write(record_survey, customer_id=cid, responded_on=TODAY, nps=8,
                 person_id=stranger, today=TODAY)
    assert (err.value.field, err.value.code) == ("person_id", "invalid_choice")
    sid = db.write(record_survey, customer_id=cid, responded_on=TODAY, nps=8,
                   today=TODAY).value
    with pytest.raises(ValidationError):
        db.write(update_survey, sid, person_id=stranger, today=TODAY)


def test_averages_use_the_nps_rule(db):
    cid = _customer(db)
    for csat, nps in ((5, 10), (4, 9), (3, 7), (None, 3)):
        db.write(record_survey, customer_id=cid, responded_on=TODAY, csat=csat, nps=nps,
                 today=TODAY)
    summary = db.read(customer_surveys, cid)
    assert summary.avg_csat == 4.0 and summary.csat_count == 3
    assert summary.nps == 25.0 and summary.nps_count == 4  # (2 promoters − 1 detractor) / 4


def test_recording_a_survey_clears_the_quarterly_satisfaction_check(db):
    cid = _customer(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer_metrics SET value_tier = 'B' WHERE customer_id = :c"),
                     {"c": cid})
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 11, 20, 10),
             channel="phone", topic="回访", now=datetime(2026, 11, 23, 10))

    def next_action() -> str | None:
        with db.engine.connect() as conn:
            return conn.execute(text(
                "SELECT due_action FROM customer_metrics WHERE customer_id = :c"),
                {"c": cid}).scalar()

    assert next_action() == "satisfaction_check"
    db.write(record_survey, customer_id=cid, responded_on=TODAY, csat=5, today=TODAY)
    assert next_action() != "satisfaction_check"
