"""A customer's change history, newest first (the profile's History tab).

Plain rows of ``change_history`` (codes and ISO text as recorded); the tab words them
through :mod:`kamdesk.domain.change_words` and reverts one through
:func:`kamdesk.store.ops.history.revert_change`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

__all__ = ["RECORD_GROUPS", "ChangeEntry", "customer_history", "changes_of_row"]

#: the History tab's filter: kind of record -> the tables it covers
RECORD_GROUPS: dict[str, tuple[str, ...]] = {
    "customers": ("customers",),
    "people": ("people",),
    "contracts": ("contracts",),
    "trades": ("trades",),
    "account_plans": ("account_plans", "plan_objectives", "plan_actions", "plan_risks"),
}


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    changed_at: datetime
    actor: str
    table_name: str
    row_id: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    batch_id: int | None


_COLUMNS = ("id, changed_at, actor, table_name, row_id, action, field, old_value, "
            "new_value, batch_id")


def _entry(r: tuple) -> ChangeEntry:  # type: ignore[type-arg]
    return ChangeEntry(int(r[0]), datetime.fromisoformat(str(r[1])), r[2] or "", r[3],
                       int(r[4]), r[5], r[6], r[7], r[8], r[9])


def customer_history(conn: Connection, customer_id: int,
                     tables: Collection[str] | None = None, limit: int = 2000
                     ) -> list[ChangeEntry]:
    """The recorded changes of ``customer_id``'s records (only ``tables`` if given),
    newest first."""
    where = "customer_id = :c"
    params: dict[str, object] = {"c": customer_id, "n": limit}
    if tables is not None:
        names = sorted(tables)
        where += " AND table_name IN (" + ", ".join(f":t{i}" for i in range(len(names))) + ")"
        params.update({f"t{i}": t for i, t in enumerate(names)})
    return [_entry(r) for r in conn.execute(sql_text(
        f"SELECT {_COLUMNS} FROM change_history WHERE {where} ORDER BY id DESC LIMIT :n"),
        params)]


def changes_of_row(conn: Connection, table: str, row_id: int) -> list[ChangeEntry]:
    """Every recorded change of one row, newest first."""
    return [_entry(r) for r in conn.execute(sql_text(
        f"SELECT {_COLUMNS} FROM change_history WHERE table_name = :t AND row_id = :r "
        "ORDER BY id DESC"), {"t": table, "r": row_id})]
