"""Writing key people; a person's name and phones feed their customer's search text."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kamdesk.store import search
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Person
from kamdesk.store.models.person import ATTITUDES, DECISION_ROLES
from kamdesk.store.pinyin import pinyin_forms

EDITABLE = (
    "name", "title", "department", "decision_role", "attitude", "relationship_strength",
    "phone", "mobile", "email", "wechat", "preferred_contact_time", "preferred_channel",
    "communication_style", "concerns", "interests", "taboos", "career_goals", "notes",
    "reports_to_id", "is_primary", "archived",
)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    if "name" in out and not out["name"]:
        raise ValidationError("name", "required")
    if out.get("decision_role") is not None and out["decision_role"] not in DECISION_ROLES:
        raise ValidationError("decision_role", "invalid_choice")
    if "attitude" in out and out["attitude"] not in ATTITUDES:
        raise ValidationError("attitude", "invalid_choice")
    s = out.get("relationship_strength")
    if s is not None and not 1 <= int(s) <= 5:
        raise ValidationError("relationship_strength", "out_of_range")
    email = out.get("email")
    if email and ("@" not in email or " " in email):
        raise ValidationError("email", "invalid_choice")
    return out


def _after_change(session: Session, person: Person) -> None:
    person.name_pinyin, person.name_initials = pinyin_forms(person.name)
    if person.is_primary:
        for other in session.query(Person).filter(
            Person.customer_id == person.customer_id, Person.id != person.id,
            Person.is_primary.is_(True),
        ):
            other.is_primary = False
    session.flush()
    search.reindex(session.connection(), [person.customer_id])
    _refresh_key_contact(session, person.customer_id)


def _refresh_key_contact(session: Session, customer_id: int) -> None:
    from sqlalchemy import text

    row = session.execute(text(
        "SELECT name, coalesce(mobile, phone) FROM people WHERE customer_id = :c AND archived = 0 "
        "ORDER BY is_primary DESC, id LIMIT 1"), {"c": customer_id}).first()
    session.execute(text(
        "UPDATE customer_metrics SET key_contact_name = :n, key_contact_phone = :p "
        "WHERE customer_id = :c"), {"n": row[0] if row else None, "p": row[1] if row else None,
                                    "c": customer_id})


def create_person(session: Session, customer_id: int, **fields: Any) -> Person:
    if session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    data = _clean(fields)
    if not data.get("name"):
        raise ValidationError("name", "required")
    person = Person(customer_id=customer_id, **data)
    session.add(person)
    session.flush()
    _after_change(session, person)
    return person


def update_person(session: Session, person_id: int, **fields: Any) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError("person", "required")
    data = _clean(fields)
    if data.get("reports_to_id") == person_id:
        raise ValidationError("reports_to_id", "invalid_choice")
    for key, value in data.items():
        setattr(person, key, value)
    _after_change(session, person)
    return person


def set_person_archived(session: Session, person_id: int, archived: bool) -> None:
    update_person(session, person_id, archived=archived)
