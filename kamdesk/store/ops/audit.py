"""Which tables a piece of code really wrote, read off the SQL the driver executed.

Tests use it to prove an operation's declared :class:`~kamdesk.store.ops.Changes` names
every table it wrote (a screen showing an undeclared table would silently go stale).
Internal tables (the search index, Alembic's version row) are reported under the table
they shadow, or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

_WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)", re.IGNORECASE)

#: tables that are another table's shadow: writes to them count as writes to the owner
SHADOWS = {"customer_fts": "customers", "customer_search": "customers"}
IGNORED = {"alembic_version", "sqlite_sequence"}


def written_table(statement: str) -> str | None:
    m = _WRITE.match(statement)
    if not m:
        return None
    name = m.group(1).lower()
    if name in IGNORED:
        return None
    return SHADOWS.get(name, name)


@contextmanager
def track_writes(engine: Engine) -> Iterator[set[str]]:
    """Collect the names of the tables written through ``engine`` inside the block."""
    seen: set[str] = set()

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        name = written_table(statement)
        if name:
            seen.add(name)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
