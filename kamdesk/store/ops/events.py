"""Writing customer events (客户活动: salons, training, appreciation days) — today the
importer's 表3, many rows at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Event
from kamdesk.store.ops.changes import Changes

__all__ = ["NewEvent", "add_events"]


@dataclass(frozen=True, slots=True)
class NewEvent:
    name: str
    held_on: date
    kind: str = "other"
    target_participants: int | None = None
    actual_participants: int | None = None
    satisfaction: Decimal | None = None
    improvements: str | None = None
    follow_up_plan: str | None = None


def add_events(session: Session, events: Sequence[NewEvent],
               now: datetime | None = None) -> Changes:
    """Insert events (ids not tracked)."""
    if not events:
        return Changes()
    stamp = now or datetime.now().replace(microsecond=0)
    rows = []
    for e in events:
        if not (e.name or "").strip():
            raise ValidationError("name", "required")
        if not isinstance(e.held_on, date):
            raise ValidationError("held_on", "invalid_date")
        if e.satisfaction is not None and not 1 <= e.satisfaction <= 5:
            raise ValidationError("satisfaction", "out_of_range")
        rows.append({"name": e.name.strip(), "held_on": e.held_on, "kind": e.kind,
                     "target_participants": e.target_participants,
                     "actual_participants": e.actual_participants,
                     "satisfaction": e.satisfaction, "improvements": e.improvements,
                     "follow_up_plan": e.follow_up_plan, "created_at": stamp,
                     "updated_at": stamp})
    session.execute(insert(cast(Table, Event.__table__)), rows)
    return Changes.of("events")
