"""Bulk edits from the customer list's multi-selection: reassign the owner (负责人) or
archive/restore many customers at once, each with an undo that puts back exactly what
each customer had before (an archived prospect comes back a prospect).

Every customer goes through :func:`kamdesk.store.ops.customers.update_customer`, so the
change history and the derived rows see a bulk edit as many single edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.customers import update_customer
from kamdesk.store.team.hand_over import can_hand_over, hand_over
from kamdesk.store.team.refusals import refusal_as_validation

_customers = cast(Table, Customer.__table__)

#: the longest owner name accepted (the column's length)
OWNER_MAX = 100


@dataclass(frozen=True)
class BulkEdit:
    """What a bulk edit replaced: ``field`` and each changed customer's old value."""

    field: str
    before: tuple[tuple[int, str | None], ...]

    @property
    def customer_ids(self) -> tuple[int, ...]:
        return tuple(cid for cid, _old in self.before)


def _current(session: Session, column: str, ids: Iterable[int]) -> dict[int, str | None]:
    session.flush()
    wanted = sorted(set(ids))
    out: dict[int, str | None] = {}
    col = _customers.c[column]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for cid, value in session.execute(select(_customers.c.id, col)
                                          .where(_customers.c.id.in_(chunk))):
            out[int(cid)] = value
    if not out:
        raise ValidationError("customer", "required")
    return out


def _apply(session: Session, field: str, values: dict[int, str | None],
           now: datetime | None) -> Changes:
    changes = Changes.of("customers")
    for cid, value in values.items():
        edit: dict[str, Any] = {field: value}
        changes = changes | update_customer(session, cid, now=now, **edit)
    return changes


def reassign_owner(session: Session, customer_ids: Iterable[int], owner: str,
                   now: datetime | None = None) -> Changes:
    """Give every listed customer the owner ``owner``; ``value`` is a :class:`BulkEdit`."""
    name = " ".join(str(owner or "").split())
    if not name:
        raise ValidationError("owner", "required")
    if len(name) > OWNER_MAX:
        raise ValidationError("owner", "too_long")
    old = {cid: v for cid, v in _current(session, "owner", customer_ids).items() if v != name}
    if not can_hand_over(session.connection()):
        with refusal_as_validation("owner"):
            changes = _apply(session, "owner", dict.fromkeys(old, name), now)
            session.flush()
    else:  # a team book: a lead reassigns; a member's own UPDATE is refused there …
        try:
            with session.begin_nested(), refusal_as_validation("owner"):
                changes = _apply(session, "owner", dict.fromkeys(old, name), now)
                session.flush()
        except ValidationError as exc:
            if exc.code != "not_yours":
                raise
            changes = hand_over(session, old, name)  # … and hands their own over instead
    return changes.with_value(BulkEdit("owner", tuple(sorted(old.items()))))


def set_archived_many(session: Session, customer_ids: Iterable[int], archived: bool,
                      now: datetime | None = None) -> Changes:
    """Archive (or restore as active) every listed customer; ``value`` is a
    :class:`BulkEdit` of the statuses replaced."""
    target = "archived" if archived else "active"
    old = {cid: v for cid, v in _current(session, "status", customer_ids).items()
           if (v == "archived") != archived}
    changes = _apply(session, "status", dict.fromkeys(old, target), now)
    return changes.with_value(BulkEdit("status", tuple(sorted(old.items()))))


def undo_bulk_edit(session: Session, edit: BulkEdit, now: datetime | None = None) -> Changes:
    """Put back each customer's old value (customers deleted since are skipped)."""
    if edit.field not in ("owner", "status"):
        raise ValidationError("field", "invalid_choice")
    old = dict(edit.before)
    if not old:
        return Changes.of("customers")
    session.flush()
    alive = set(session.execute(select(_customers.c.id)
                                .where(_customers.c.id.in_(list(old)))).scalars())
    return _apply(session, edit.field, {c: v for c, v in old.items() if c in alive}, now)
