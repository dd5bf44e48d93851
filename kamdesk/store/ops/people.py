"""Writing key people (关键人): create, edit, archive — and what follows from a person.

A person feeds two derived things of their customer: the searchable text (their name,
its pinyin and their phone numbers find the customer) and the key contact shown in
the customer list (``customer_metrics.key_contact_*``: the primary, or else the first,
active person). Both are refreshed here, for one person or for many at once (the
importer's key contacts), by the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from kamdesk.domain.text_clean import clean_line
from kamdesk.store import search
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, CustomerMetrics, Person
from kamdesk.store.models.person import ATTITUDES, DECISION_ROLES
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.key_dates import Birthday, clear_birthday, set_birthday
from kamdesk.store.ops.versions import check_loaded, check_stored, stale_guard
from kamdesk.store.pinyin import person_name_forms

__all__ = [
    "ATTITUDES", "DECISION_ROLES", "EDITABLE", "KeyContact", "clean_person_fields",
    "create_person", "update_person",
    "set_person_archived", "archive_person", "unarchive_person", "add_key_contacts",
    "refresh_key_contacts", "key_contact_of", "reindex_customers", "save_person",
]

EDITABLE = (
    "name", "title", "department", "decision_role", "attitude", "relationship_strength",
    "phone", "mobile", "email", "wechat", "preferred_contact_time", "preferred_channel",
    "communication_style", "concerns", "interests", "taboos", "career_goals", "notes",
    "reports_to_id", "is_primary", "archived",
)

_people = cast(Table, Person.__table__)
_metrics = cast(Table, CustomerMetrics.__table__)


@dataclass(frozen=True, slots=True)
class KeyContact:
    """A customer's one known contact, as a customers table names it (name and phone)."""

    name: str
    mobile: str | None = None


def clean_person_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Trimmed values (empty text -> None); ValidationError naming the first bad field."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            # a name is one line without control characters, whoever typed it
            value = (clean_line(value) if key in ("name",) else value.strip()) or None
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


def _after_change(session: Session, person: Person) -> Changes:
    """Pinyin, one primary per customer, search text and key contact follow a save."""
    person.name_pinyin, person.name_initials = person_name_forms(person.name)
    demoted: list[int] = []
    if person.is_primary:
        for other in session.scalars(select(Person).where(
                Person.customer_id == person.customer_id, Person.id != person.id,
                Person.is_primary.is_(True))):
            other.is_primary = False
            demoted.append(other.id)
    session.flush()
    return (Changes.of("people", person.id, *demoted)
            | reindex_customers(session, [person.customer_id])
            | refresh_key_contacts(session, [person.customer_id]))


def reindex_customers(session: Session, customer_ids: Iterable[int]) -> Changes:
    """Rebuild the searchable text of these customers (it holds their people)."""
    ids = sorted(set(customer_ids))
    search.reindex(session.connection(), ids)
    return Changes.of("customers", *ids)  # the search table is the customers' shadow


def key_contact_of(customer_id: Any) -> tuple[Any, Any]:
    """The key contact rule as SQL, for the customer whose id is ``customer_id`` (a
    column): (name, phone) of the primary, else the first, active person; the phone is
    the mobile, else the office phone. Used to fill and to refresh the metrics row."""
    p = _people.alias("p")

    def first(column: Any) -> Any:
        return (select(column).where(p.c.customer_id == customer_id, p.c.archived.is_(False))
                .order_by(p.c.is_primary.desc(), p.c.id).limit(1).scalar_subquery())

    return first(p.c.name), first(func.coalesce(p.c.mobile, p.c.phone))


def refresh_key_contacts(session: Session, customer_ids: Iterable[int]) -> Changes:
    """Set each customer's key contact (metrics row) from their people by
    :func:`key_contact_of`: one set-based UPDATE per few hundred customers."""
    ids = sorted(set(customer_ids))
    name, phone = key_contact_of(_metrics.c.customer_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(update(_metrics).where(_metrics.c.customer_id.in_(chunk)).values(
            key_contact_name=name, key_contact_phone=phone))
    return Changes.of("customer_metrics", *ids)


def create_person(session: Session, customer_id: int, **fields: Any) -> Changes:
    """Add a person to a customer; ``value`` is the new person's id."""
    if session.get(Customer, customer_id) is None:
        raise ValidationError("customer", "required")
    data = clean_person_fields(fields)
    if not data.get("name"):
        raise ValidationError("name", "required")
    person = Person(customer_id=customer_id, **data)
    session.add(person)
    session.flush()
    return _after_change(session, person).with_value(person.id)


def update_person(session: Session, person_id: int, *, expected_version: int | None = None,
                  **fields: Any) -> Changes:
    """Edit a person; ``value`` is the person's id. With ``expected_version``, a person
    saved by someone else since raises :class:`ConflictError`."""
    person = session.get(Person, person_id)
    if person is None:
        if expected_version is not None:
            check_stored(session, Person, person_id, expected_version, fields)
        raise ValidationError("person", "required")
    data = clean_person_fields(fields)
    if data.get("reports_to_id") == person_id:
        raise ValidationError("reports_to_id", "invalid_choice")
    check_loaded(person, expected_version, data)
    with stale_guard(session, Person, person_id, expected_version, data):
        for key, value in data.items():
            setattr(person, key, value)
        return _after_change(session, person).with_value(person.id)


def set_person_archived(session: Session, person_id: int, archived: bool) -> Changes:
    return update_person(session, person_id, archived=archived)


def archive_person(session: Session, person_id: int) -> Changes:
    return set_person_archived(session, person_id, True)


def unarchive_person(session: Session, person_id: int) -> Changes:
    return set_person_archived(session, person_id, False)


def add_key_contacts(session: Session, contacts: Sequence[tuple[int, KeyContact]],
                     now: datetime | None = None) -> Changes:
    """Add each (customer id, contact) as that customer's primary person, many at once
    (the importer). Callers then refresh search text and key contacts for the customers
    (:func:`reindex_customers`, :func:`refresh_key_contacts`), once for the whole batch.
    ``value``: (customer id, name, mobile, (pinyin, initials)) of each person stored,
    so a caller can build their search text without reading them back.
    """
    if not contacts:
        return Changes()
    rows = key_contact_rows(contacts, now or datetime.now())
    insert_rows(session, _people, KEY_CONTACT_COLUMNS, rows)
    return Changes.of("people").with_value([(r[0], r[1], r[2], (r[7], r[8])) for r in rows])


#: the columns of :func:`key_contact_rows`
KEY_CONTACT_COLUMNS = ("customer_id", "name", "mobile", "is_primary", "archived", "attitude",
                       "relationship_strength", "name_pinyin", "name_initials", "created_at",
                       "updated_at")


def key_contact_rows(contacts: Sequence[tuple[int, KeyContact]], stamp: datetime
                     ) -> list[tuple[Any, ...]]:
    """The people rows :func:`add_key_contacts` inserts (checked and cleaned), for a
    caller that inserts them itself (the importer, which needs them earlier)."""
    rows = []
    for customer_id, contact in contacts:
        data = clean_person_fields({"name": contact.name, "mobile": contact.mobile})
        if not data.get("name"):
            raise ValidationError("name", "required")
        full, initials = person_name_forms(data["name"])
        rows.append((customer_id, data["name"], data.get("mobile"), True, False, "neutral", 3,
                     full, initials, stamp, stamp))
    return rows


def save_person(session: Session, customer_id: int, person_id: int | None,
                birthday: Birthday | None, birthday_title: str | None = None, *,
                expected_version: int | None = None,
                birthday_version: int | None = None, **fields: Any) -> Changes:
    """Create (``person_id`` None) or edit a person and set or clear their birthday, in
    one transaction: what the person dialog saves. ``value`` is the person's id.
    ``expected_version``: the person's version the dialog loaded (see update_person);
    ``birthday_version``: the stored birthday's (see set_birthday)."""
    if birthday is not None:
        try:
            birthday.rule()
        except ValueError:
            raise ValidationError("birthday", "invalid_date") from None
    saved = (create_person(session, customer_id, **fields) if person_id is None
             else update_person(session, person_id, expected_version=expected_version,
                                **fields))
    pid = saved.value
    dated = (clear_birthday(session, pid) if birthday is None
             else set_birthday(session, pid, birthday, title=birthday_title,
                              expected_version=birthday_version))
    return (saved | dated).with_value(pid)
