"""Writing satisfaction survey answers (满意度/NPS): record, edit, delete (with an undo
snapshot) and put back one answer of a customer and, optionally, one of its people.

An answer carries a CSAT score (1–5), an NPS score (0–10) or both, the day it was given
(never in the future: a survey not yet answered is a task, not an answer), a comment and
how it was collected (a code of the vocabulary's ``channel`` kind). The latest answer is
the customer's last satisfaction check, which clears the B tier's quarterly duty; so
every operation here brings the customer's derived row (``customer_metrics``: next
touch, health) up to date at once, and may add a ``tier_changes`` row when the activity
state moves. Each operation's Changes say exactly that.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain import vocab
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Person, SurveyResponse
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.metrics import refresh_customer_metrics
from kamdesk.store.ops.versions import check_loaded, stale_guard

__all__ = ["EDITABLE", "record_survey", "update_survey", "delete_survey", "restore_survey",
           "snapshot_survey"]

#: the fields an answer's edit may set
EDITABLE = ("responded_on", "csat", "nps", "comment", "channel", "person_id")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
        out[key] = (value.strip() or None) if isinstance(value, str) else value
    return out


def _score(data: dict[str, Any], key: str, low: int, high: int) -> None:
    value = data.get(key)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(key, "invalid_number")
    if not low <= value <= high:
        raise ValidationError(key, "out_of_range")


def _validate(session: Session, customer_id: int, data: dict[str, Any], today: date) -> None:
    responded_on = data.get("responded_on")
    if not isinstance(responded_on, date):
        raise ValidationError("responded_on", "invalid_date")
    if responded_on > today:
        raise ValidationError("responded_on", "out_of_range")
    _score(data, "csat", 1, 5)
    _score(data, "nps", 0, 10)
    if data.get("csat") is None and data.get("nps") is None:
        raise ValidationError("csat", "required")
    channel = data.get("channel")
    if channel is not None and channel not in vocab.codes("channel"):
        raise ValidationError("channel", "invalid_choice")
    person_id = data.get("person_id")
    if person_id is not None:
        owner = session.scalar(select(Person.customer_id).where(Person.id == person_id))
        if owner != customer_id:
            raise ValidationError("person_id", "invalid_choice")


def record_survey(session: Session, *, customer_id: int, responded_on: date,
                  csat: int | None = None, nps: int | None = None,
                  comment: str | None = None, channel: str | None = None,
                  person_id: int | None = None, today: date | None = None) -> Changes:
    """Record one answer; ``value`` is its id. Writes ``survey_responses`` and the
    customer's figures."""
    today = today or date.today()
    if not customer_id or session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    data = _clean({"responded_on": responded_on, "csat": csat, "nps": nps,
                   "comment": comment, "channel": channel, "person_id": person_id})
    _validate(session, customer_id, data, today)
    answer = SurveyResponse(customer_id=customer_id, **data)
    session.add(answer)
    session.flush()
    return (Changes.of("survey_responses", answer.id)
            | refresh_customer_metrics(session, customer_id, today)).with_value(answer.id)


def update_survey(session: Session, survey_id: int, *, today: date | None = None,
                  expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit an answer (any of :data:`EDITABLE`); ``value`` is its id. Writes
    ``survey_responses`` and the customer's figures. With ``expected_version`` (the
    version the dialog read), an answer saved by someone else since raises
    :class:`~kamdesk.store.errors.ConflictError`."""
    today = today or date.today()
    answer = session.get(SurveyResponse, survey_id)
    if answer is None:
        raise ValidationError("survey", "required")
    mine = _clean(fields)
    check_loaded(answer, expected_version, mine)
    data = {key: getattr(answer, key) for key in EDITABLE} | mine
    _validate(session, answer.customer_id, data, today)
    with stale_guard(session, SurveyResponse, survey_id, expected_version, mine):
        for key, value in data.items():
            setattr(answer, key, value)
        session.flush()
    return (Changes.of("survey_responses", answer.id)
            | refresh_customer_metrics(session, answer.customer_id, today)).with_value(answer.id)


def snapshot_survey(session: Session, survey_id: int) -> dict[str, Any]:
    """Every column of an answer, to put it back exactly (undo)."""
    answer = session.get(SurveyResponse, survey_id)
    if answer is None:
        raise ValidationError("survey", "required")
    return {c.key: getattr(answer, c.key) for c in SurveyResponse.__table__.columns}


def delete_survey(session: Session, survey_id: int, today: date | None = None, *,
                  expected_version: int | None = None) -> Changes:
    """Delete an answer; ``value`` is the snapshot :func:`restore_survey` puts back.
    Writes ``survey_responses`` and the customer's figures (the previous answer becomes
    the last satisfaction check again). With ``expected_version``, an answer changed by
    someone else since raises :class:`~kamdesk.store.errors.ConflictError`
    (``deleting``)."""
    snap = snapshot_survey(session, survey_id)
    answer = session.get(SurveyResponse, survey_id)
    check_loaded(answer, expected_version, {}, deleting=True)
    with stale_guard(session, SurveyResponse, survey_id, expected_version, {}, deleting=True):
        session.delete(answer)
        session.flush()
    return (Changes.of("survey_responses", survey_id)
            | refresh_customer_metrics(session, snap["customer_id"], today or date.today())
            ).with_value(snap)


def restore_survey(session: Session, snap: dict[str, Any], today: date | None = None
                   ) -> Changes:
    """Put a deleted answer back as it was (undo); ``value`` is its id. Only what may
    have gone since is checked: the customer, and the person (a person deleted meanwhile
    leaves the answer with the customer alone, as deleting the person would have)."""
    data = dict(snap)
    if session.get(Customer, data["customer_id"]) is None:
        raise ValidationError("customer", "required")
    if data.get("person_id") is not None and session.scalar(
            select(Person.customer_id).where(Person.id == data["person_id"])
    ) != data["customer_id"]:
        data["person_id"] = None
    if session.scalar(select(SurveyResponse.id).where(
            SurveyResponse.id == data.get("id"))) is not None:
        data.pop("id")  # the id was taken meanwhile: a new one
    answer = SurveyResponse(**data)
    session.add(answer)
    session.flush()
    return (Changes.of("survey_responses", answer.id)
            | refresh_customer_metrics(session, answer.customer_id, today or date.today())
            ).with_value(answer.id)
