"""Test-only builders: customers and people made through the real operations
(:mod:`kamdesk.store.ops`), handed back as ORM rows so a test's set-up can read
``.id`` and ``.code`` directly. The application itself gets ids from ``Changes.value``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kamdesk.store.models import Customer, Person
from kamdesk.store.ops import customers as customer_ops
from kamdesk.store.ops import people as people_ops

__all__ = ["Customer", "Person", "create_customer", "create_person", "set_archived",
           "set_person_archived"]


def create_customer(session: Session, **fields: Any) -> Customer:
    customer = session.get(Customer, customer_ops.create_customer(session, **fields).value)
    assert customer is not None
    return customer


def create_person(session: Session, customer_id: int, **fields: Any) -> Person:
    person = session.get(Person, people_ops.create_person(session, customer_id, **fields).value)
    assert person is not None
    return person


def set_archived(session: Session, customer_id: int, archived: bool) -> None:
    customer_ops.set_archived(session, customer_id, archived)


def set_person_archived(session: Session, person_id: int, archived: bool) -> None:
    people_ops.set_person_archived(session, person_id, archived)
