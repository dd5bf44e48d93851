"""Turning what SQLite hands back into Python values, and bounding ``IN (...)`` lists.

Raw SQL and some expressions return dates as ISO text; ORM columns return objects.
Every query module reads them through these, so a value is never half-converted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Ids per ``IN (...)`` list: well under SQLite's variable limit on every build.
CHUNK = 500


def as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def latest_datetime(*values: object) -> dt.datetime | None:
    """The latest of some stored timestamps (None ones ignored): the last change of an
    item made of several records, e.g. a task shown with its customer's name."""
    found = [d for d in (as_datetime(v) for v in values) if d is not None]
    return max(found) if found else None


def in_chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def sql_timestamp(moment: dt.datetime) -> str:
    """The text form SQLAlchemy stores a DateTime in, so comparing text is comparing time."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def as_json(value: object) -> dict | None:  # type: ignore[type-arg]
    """A JSON column read through raw SQL comes back as text; through the ORM, parsed."""
    if value is None or isinstance(value, dict):
        return value
    import json

    parsed = json.loads(str(value))
    return parsed if isinstance(parsed, dict) else None
