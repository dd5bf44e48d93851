"""Writing tags (标签): create, rename/recolour and delete a tag (with undo), and put a
tag on or take it off a set of customers at once (the list's bulk action, with undo).

Tag names are user text (checked for blank, length and clashes); colours are codes
(``#rrggbb``). Putting a tag on customers that already carry it changes nothing, so the
undo of a bulk edit touches exactly the customers that edit changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from kamdesk.domain.tags import clean_colour, clean_tag_name, tag_name_problem
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, Tag, customer_tags
from kamdesk.store.ops.changes import Changes

_tags = cast(Table, Tag.__table__)
_customers = cast(Table, Customer.__table__)


@dataclass(frozen=True)
class TagEdit:
    """What a bulk tag edit changed: ``tag_id`` put on (``added``) or taken off the
    listed customers. :func:`undo_tag_edit` reverses it."""

    tag_id: int
    customer_ids: tuple[int, ...]
    added: bool


@dataclass(frozen=True)
class DeletedTag:
    """A deleted tag and the customers that carried it (for undo)."""

    id: int
    name: str
    colour: str
    customer_ids: tuple[int, ...]


def _check_name(session: Session, name: object, tag_id: int | None = None) -> str:
    cleaned = clean_tag_name(name)
    problem = tag_name_problem(cleaned)
    if problem:
        raise ValidationError("name", problem)
    clash = session.execute(select(_tags.c.id).where(_tags.c.name == cleaned)).scalar()
    if clash is not None and clash != tag_id:
        raise ValidationError("name", "duplicate", cleaned)
    return cleaned


def _check_colour(colour: object) -> str:
    cleaned = clean_colour(colour)
    if cleaned is None:
        raise ValidationError("colour", "invalid_choice")
    return cleaned


def _require_tag(session: Session, tag_id: int) -> None:
    if session.execute(select(_tags.c.id).where(_tags.c.id == tag_id)).first() is None:
        raise ValidationError("tag", "required")


def create_tag(session: Session, name: str, colour: str) -> Changes:
    """A new tag; ``value`` is its id."""
    session.flush()
    row = {"name": _check_name(session, name), "colour": _check_colour(colour)}
    session.execute(insert(_tags).values(**row))
    new_id = int(session.execute(select(_tags.c.id)
                                 .where(_tags.c.name == row["name"])).scalar_one())
    return Changes.of("tags", new_id).with_value(new_id)


def update_tag(session: Session, tag_id: int, *, name: str | None = None,
               colour: str | None = None) -> Changes:
    """Rename and/or recolour a tag."""
    session.flush()
    _require_tag(session, tag_id)
    values: dict[str, Any] = {}
    if name is not None:
        values["name"] = _check_name(session, name, tag_id)
    if colour is not None:
        values["colour"] = _check_colour(colour)
    if values:
        session.execute(update(_tags).where(_tags.c.id == tag_id).values(**values))
    return Changes.of("tags", tag_id).with_value(tag_id)


def _carriers(session: Session, tag_id: int) -> tuple[int, ...]:
    return tuple(sorted(session.execute(
        select(customer_tags.c.customer_id).where(customer_tags.c.tag_id == tag_id)).scalars()))


def delete_tag(session: Session, tag_id: int) -> Changes:
    """Delete a tag and its links; ``value`` is a :class:`DeletedTag` for undo."""
    session.flush()
    row = session.execute(select(_tags).where(_tags.c.id == tag_id)).first()
    if row is None:
        raise ValidationError("tag", "required")
    carriers = _carriers(session, tag_id)
    session.execute(delete(customer_tags).where(customer_tags.c.tag_id == tag_id))
    session.execute(delete(_tags).where(_tags.c.id == tag_id))
    gone = DeletedTag(int(row.id), row.name, row.colour, carriers)
    return (Changes.of("tags", tag_id) | Changes.of("customer_tags", *carriers)).with_value(gone)


def restore_tag(session: Session, gone: DeletedTag) -> Changes:
    """Undo :func:`delete_tag`: the tag (same id) and its links to customers still there."""
    session.flush()
    _check_name(session, gone.name)
    session.execute(insert(_tags).values(id=gone.id, name=gone.name, colour=gone.colour))
    alive = _existing_customers(session, gone.customer_ids)
    if alive:
        session.execute(insert(customer_tags),
                        [{"customer_id": c, "tag_id": gone.id} for c in alive])
    return (Changes.of("tags", gone.id) | Changes.of("customer_tags", *alive)).with_value(gone.id)


def _existing_customers(session: Session, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found += session.execute(select(_customers.c.id).where(_customers.c.id.in_(chunk))
                                 ).scalars()
    return sorted(found)


def set_tag(session: Session, customer_ids: Iterable[int], tag_id: int, on: bool) -> Changes:
    """Put tag ``tag_id`` on (``on``) or take it off every listed customer.

    ``value`` is a :class:`TagEdit` naming only the customers whose tags changed."""
    session.flush()
    _require_tag(session, tag_id)
    wanted = _existing_customers(session, customer_ids)
    if not wanted:
        raise ValidationError("customer", "required")
    having = set(_carriers(session, tag_id))
    if on:
        changed = [c for c in wanted if c not in having]
        if changed:
            session.execute(insert(customer_tags),
                            [{"customer_id": c, "tag_id": tag_id} for c in changed])
    else:
        changed = [c for c in wanted if c in having]
        for start in range(0, len(changed), 500):
            session.execute(delete(customer_tags).where(
                customer_tags.c.tag_id == tag_id,
                customer_tags.c.customer_id.in_(changed[start:start + 500])))
    edit = TagEdit(tag_id, tuple(changed), on)
    return Changes.of("customer_tags", *changed).with_value(edit)


def undo_tag_edit(session: Session, edit: TagEdit) -> Changes:
    """Reverse a :func:`set_tag` (customers deleted since are skipped)."""
    if not edit.customer_ids:
        return Changes.of("customer_tags").with_value(TagEdit(edit.tag_id, (), not edit.added))
    return set_tag(session, edit.customer_ids, edit.tag_id, not edit.added)
