"""The transfer's own bookkeeping, kept in the TARGET database while a book moves.

Three tables, created by the transfer and dropped once it has finished and its counts
matched (they are not part of the book's schema, so no migration knows them):

- ``kamdesk_transfer_state``: which source this transfer copies (a second book may not
  be poured into a half-finished transfer of another), and when it started;
- ``kamdesk_transfer_ids``: the id map, source id -> the id the target gave the row;
- ``kamdesk_transfer_steps``: per step (a table, a fix-up, the documents) the last
  source key copied and whether the step is done.

Each batch of rows is committed in one transaction together with its id map rows and
its step's new position, so a transfer killed at any moment resumes exactly where its
last commit left it: no row is copied twice, none is skipped.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    inspect,
    select,
    update,
)

__all__ = ["LEDGER", "ids_table", "state_table", "steps_table", "create_ledger", "drop_ledger",
           "has_ledger", "read_state", "write_state", "load_ids", "step_position",
           "save_step"]

LEDGER = MetaData()
state_table = Table(
    "kamdesk_transfer_state", LEDGER,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)
ids_table = Table(
    "kamdesk_transfer_ids", LEDGER,
    Column("table_name", String(40), primary_key=True),
    Column("source_id", Integer, primary_key=True, autoincrement=False),
    Column("target_id", Integer, nullable=False),
)
steps_table = Table(
    "kamdesk_transfer_steps", LEDGER,
    Column("step", String(60), primary_key=True),
    Column("last_key", Text),
    Column("done", Boolean, nullable=False, default=False),
)


def has_ledger(conn: Connection) -> bool:
    return inspect(conn).has_table(state_table.name)


def create_ledger(conn: Connection) -> None:
    LEDGER.create_all(conn)


def drop_ledger(conn: Connection) -> None:
    LEDGER.drop_all(conn)


def read_state(conn: Connection) -> dict[str, str]:
    return {k: v for k, v in conn.execute(select(state_table.c.key, state_table.c.value))}


def write_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(state_table).where(state_table.c.key == key))
    conn.execute(insert(state_table).values(key=key, value=value))


def load_ids(conn: Connection) -> dict[str, dict[int, int]]:
    """The id map as far as it was committed."""
    out: dict[str, dict[int, int]] = {}
    for table, source, target in conn.execute(select(ids_table)):
        out.setdefault(table, {})[source] = target
    return out


def step_position(conn: Connection, step: str) -> tuple[Any, bool]:
    """(the last source key copied or None, done) of ``step``."""
    row = conn.execute(select(steps_table.c.last_key, steps_table.c.done)
                       .where(steps_table.c.step == step)).first()
    if row is None:
        return None, False
    return (json.loads(row[0]) if row[0] is not None else None), bool(row[1])


def save_step(conn: Connection, step: str, last_key: Any, done: bool) -> None:
    """Record where ``step`` is (in the caller's transaction, with the batch it ends)."""
    text = None if last_key is None else json.dumps(last_key, ensure_ascii=False)
    moved = conn.execute(update(steps_table).where(steps_table.c.step == step)
                         .values(last_key=text, done=done)).rowcount
    if not moved:
        conn.execute(insert(steps_table).values(step=step, last_key=text, done=done))
