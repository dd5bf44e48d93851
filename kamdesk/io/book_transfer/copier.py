"""Copying a book's rows into another database, batch by batch, resumable.

The order (:func:`kamdesk.io.book_transfer.plan.transfer_tables`): every table after the
tables it refers to; then the tables whose references are not foreign keys and may name
a row of any table (``change_history``, ``import_batch_rows``, and the settings that hold
ids), so every id they name is in the map by then; then the deferred columns; then the
search rows of the copied customers. Each batch is one target transaction holding the
rows, their id map entries and the step's new position (:mod:`.ledger`).

Writes go through Core, never an ORM session: the change history records what people
do, and a move is not a change to any record (the history the source had is copied as
it was).

Derived data is copied, not recomputed: ``customer_metrics`` and ``tier_changes`` through
the id map (the figures the user saw stay as they were, and a recompute of 10 000
customers would cost more than the copy), ``app_settings`` too. Only the search index
is rebuilt (:func:`kamdesk.store.search.reindex`) for the copied customers: its form
depends on the engine (FTS5 on SQLite, trigram indexes on PostgreSQL), so a copy of the
source's would mean nothing on a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    insert,
    select,
    tuple_,
    update,
)

from kamdesk.io.book_transfer import ledger
from kamdesk.io.book_transfer.joining import fit_rows, merged_setting
from kamdesk.io.book_transfer.plan import (
    SKIPPED_SETTINGS,
    TablePlan,
    map_batch_row,
    map_history,
    map_setting,
    map_source_key,
    transfer_tables,
)
from kamdesk.store import search

__all__ = ["BatchHook", "LATE_TABLES", "TransferFailed", "copy_rows", "copy_settings",
           "fill_deferred", "reindex_copied", "source_rows"]

#: tables copied after every other (their references name rows of any table)
LATE_TABLES = ("change_history", "import_batch_rows", "app_settings")
#: tables whose ``owner`` is the role that sees the row on a team book (``--owner``)
OWNED_TABLES = frozenset({"customers", "tasks"})
#: tables with values unique across the book, fitted beside the target's (``--join``)
JOIN_CHECKED = frozenset({"customers", "contracts", "tags"})

#: called after each committed batch with (step, rows in the batch); a test raises from
#: it to interrupt a transfer as a kill would
BatchHook = Callable[[str, int], None]


class TransferFailed(Exception):
    """The book cannot be copied as it is; ``code`` picks the message."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}".strip(": "))
        self.code = code
        self.detail = detail


@dataclass
class CopyRun:
    source: Engine
    target: Engine
    ids: dict[str, dict[int, int]]
    batch_size: int = 2000
    on_batch: BatchHook | None = None
    #: the target already holds other books (:mod:`.joining`)
    join: bool = False
    #: the role that owns the moved customers and tasks (None: as in the source)
    owner: str | None = None
    #: every customer code of the source, read once when a join needs it
    source_codes: list[str] | None = None

    def committed(self, step: str, rows: int) -> None:
        if self.on_batch is not None:
            self.on_batch(step, rows)

    @contextmanager
    def batch(self) -> Iterator[Connection]:
        """One batch's transaction on the target. On PostgreSQL its commit does not wait
        for the WAL flush (``synchronous_commit`` off, for this transaction only): a
        server crash may lose the last batches, but always together with their ledger
        rows, so the next run copies them again, never twice."""
        with self.target.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO off")
            yield conn


def _key_of(plan: TablePlan, row: Any) -> Any:
    values = [row[k] for k in plan.key]
    return values[0] if len(values) == 1 else values


def source_rows(conn: Connection, table: Table, key: list[str], after: Any,
                limit: int) -> list[dict[str, Any]]:
    """The next ``limit`` rows of ``table`` in key order after the key ``after``."""
    columns = [table.c[k] for k in key]
    query = select(table).order_by(*columns).limit(limit)
    if after is not None:
        if len(columns) == 1:
            query = query.where(columns[0] > after)
        else:
            query = query.where(tuple_(*columns) > tuple_(*after))
    return [dict(r) for r in conn.execute(query).mappings()]


def _rewritten(run: CopyRun, plan: TablePlan, row: dict[str, Any]) -> dict[str, Any]:
    if plan.name == "change_history":
        row = map_history(run.ids, row)
    elif plan.name == "import_batch_rows":
        row = map_batch_row(run.ids, row)
    for column, ref in plan.references.items():
        value = row[column]
        if value is None:
            continue
        target = run.ids.get(ref, {}).get(int(value))
        if target is None:
            if not plan.table.c[column].nullable:
                raise TransferFailed("dangling", f"{plan.name}.{column} = {value}")
            row[column] = None  # a reference to a row the source lost: as ON DELETE SET NULL
        else:
            row[column] = target
    for column in plan.deferred:
        row[column] = None
    if run.owner is not None and plan.name in OWNED_TABLES:
        row["owner"] = run.owner
    if plan.mapped:
        del row["id"]
    return row


def _codes_of(run: CopyRun) -> list[str]:
    if run.source_codes is None:
        table = transfer_table("customers")
        with run.source.connect() as src:
            run.source_codes = list(src.execute(select(table.c.code)).scalars())
    return run.source_codes


def copy_rows(run: CopyRun, plan: TablePlan) -> None:
    """Copy every row of ``plan``'s table not yet copied, a committed batch at a time."""
    step = f"table:{plan.name}"
    with run.target.connect() as conn:
        last, _finished = ledger.step_position(conn, step)
    # a finished table is still asked for rows after its last key: rows added to the
    # book between an interruption and the next run are moved too
    table = plan.table
    done = False
    while not done:
        with run.source.connect() as src:
            rows = source_rows(src, table, plan.key, last, run.batch_size)
        done = len(rows) < run.batch_size
        if rows:
            last = _key_of(plan, rows[-1])
        values = [_rewritten(run, plan, dict(r)) for r in rows]
        mapped: list[tuple[int, int]] = []
        with run.batch() as conn:
            inserted, reused = rows, dict[int, int]()
            if run.join and values and plan.name in JOIN_CHECKED:
                inserted, values, reused = fit_rows(conn, plan.name, rows, values,
                                                    _codes_of(run))
            if values and plan.mapped:
                new_ids = list(conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True),
                    values).scalars())
                mapped = [(r["id"], t) for r, t in zip(inserted, new_ids, strict=True)]
            elif values:
                conn.execute(insert(table), values)
            mapped += list(reused.items())
            if mapped:
                conn.execute(insert(ledger.ids_table), [
                    {"table_name": plan.name, "source_id": s, "target_id": t}
                    for s, t in mapped])
            ledger.save_step(conn, step, last, done)
        if mapped:
            run.ids.setdefault(plan.name, {}).update(mapped)
        run.committed(step, len(rows))


def copy_settings(run: CopyRun) -> None:
    """The book's settings, their ids rewritten; the target's own stamps stay."""
    step = "table:app_settings"
    with run.target.connect() as conn:
        if ledger.step_position(conn, step)[1]:
            return
    table = transfer_table("app_settings")
    with run.source.connect() as src:
        rows = list(src.execute(select(table.c.key, table.c.value).order_by(table.c.key)))
    with run.batch() as conn:
        present = dict(conn.execute(select(table.c.key, table.c.value)).all()) \
            if run.join else {}
        for key, value in rows:
            if key in SKIPPED_SETTINGS:
                continue
            mine = map_setting(run.ids, key, value)
            if key in present:  # joining: the target's setting, or both merged
                merged = merged_setting(key, present[key], mine)
                if merged is None:
                    continue
                mine = merged
            conn.execute(delete(table).where(table.c.key == key))
            conn.execute(insert(table).values(key=key, value=mine))
        ledger.save_step(conn, step, None, True)
    run.committed(step, len(rows))


def transfer_table(name: str) -> Table:
    return next(p.table for p in transfer_tables() if p.name == name)


def _deferred_columns() -> Iterator[tuple[TablePlan, str]]:
    for plan in transfer_tables():
        for column in plan.deferred:
            yield plan, column


def fill_deferred(run: CopyRun) -> None:
    """Write the deferred columns (self references, task source keys) through the map.
    Idempotent: a resumed run may write a batch again with the same values."""
    for plan, column in _deferred_columns():
        step = f"fill:{plan.name}.{column}"
        with run.target.connect() as conn:
            last, _finished = ledger.step_position(conn, step)
        done = False
        table = plan.table
        kept = {c.name: c for c in table.columns if c.onupdate is not None}
        while not done:
            with run.source.connect() as src:
                query = (select(table.c.id, table.c[column])
                         .where(table.c[column].is_not(None)).order_by(table.c.id)
                         .limit(run.batch_size))
                if last is not None:
                    query = query.where(table.c.id > last)
                rows = list(src.execute(query))
            done = len(rows) < run.batch_size
            params = []
            for source_id, value in rows:
                target_id = run.ids.get(plan.name, {}).get(source_id)
                if target_id is None:
                    continue
                new: object = (map_source_key(run.ids, value) if column == "source_key"
                               else run.ids.get(plan.name, {}).get(value))
                params.append({"t_id": target_id, "v": new})
            if rows:
                last = rows[-1][0]
            with run.batch() as conn:
                if params:
                    conn.execute(update(table).where(table.c.id == bindparam("t_id"))
                                 .values({**kept, column: bindparam("v")}), params)
                ledger.save_step(conn, step, last, done)
            run.committed(step, len(rows))


def reindex_copied(run: CopyRun) -> None:
    """The search rows of the copied customers, built on the target by its engine."""
    step = "search"
    ids = sorted(run.ids.get("customers", {}).values())
    with run.target.connect() as conn:
        indexed, finished = ledger.step_position(conn, step)
    if finished and indexed == len(ids):
        return
    for start in range(0, len(ids), 5000):
        with run.batch() as conn:
            search.reindex(conn, ids[start:start + 5000])
    with run.batch() as conn:
        ledger.save_step(conn, step, len(ids), True)
    run.committed(step, len(ids))

