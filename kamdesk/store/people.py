"""Moved to :mod:`kamdesk.store.ops.people`; shim until the merge.

The operations there return :class:`~kamdesk.store.ops.Changes` (the person's id in
``value``); the wrappers below keep the old return values (the ORM row, None) for
callers not yet converted, and go when they are.
"""

from typing import Any

from sqlalchemy.orm import Session

from kamdesk.store.models import Person
from kamdesk.store.ops import people as _ops
from kamdesk.store.ops.people import EDITABLE  # noqa: F401


def create_person(session: Session, customer_id: int, **fields: Any) -> Person:
    return session.get(Person, _ops.create_person(session, customer_id, **fields).value)  # type: ignore[return-value]


def update_person(session: Session, person_id: int, **fields: Any) -> Person:
    return session.get(Person, _ops.update_person(session, person_id, **fields).value)  # type: ignore[return-value]


def set_person_archived(session: Session, person_id: int, archived: bool) -> None:
    _ops.set_person_archived(session, person_id, archived)
