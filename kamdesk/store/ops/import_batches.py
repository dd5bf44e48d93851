"""Recording an import as a batch, and undoing a whole import afterwards.

Every import that writes records one ``import_batches`` row and one ``import_batch_rows``
row per row it inserted or updated; an update keeps the values it overwrote. Each
batch row's ``before_json`` also keeps the row's ``updated_at`` as the import left it
(key ``"_updated_at"``), so undo can tell a row edited since from one left alone.

:func:`undo_import` deletes what the batch inserted and restores what it overwrote, all
or nothing. It refuses (:class:`UndoRefused` with a reason code the UI words) when the
batch is unknown or already undone, when a row it touched was edited or deleted since,
or when an inserted row has gained dependents (a contact logged for an imported
customer, a task for an imported contact…).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Date, DateTime, Table, delete, insert, select, text, update
from sqlalchemy.orm import Session

from kamdesk.store import history, search
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Base
from kamdesk.store.models.import_batch import ImportBatch, ImportBatchRow
from kamdesk.store.ops.bulk import insert_rows
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import bumped

__all__ = ["UNDO_REASONS", "UndoRefused", "record_batch", "undo_import"]

_batches = cast(Table, ImportBatch.__table__)
_batch_rows = cast(Table, ImportBatchRow.__table__)
_STAMP = "_updated_at"
#: why an undo is refused (words in kamdesk.domain.vocab kind "validation")
UNDO_REASONS = ("unknown_batch", "already_undone", "edited_since", "has_dependents")


class UndoRefused(ValidationError):
    """The import cannot be undone; ``code`` is one of :data:`UNDO_REASONS`."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__("import_batch", code, detail)


def _json_value(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    return v


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _stamps(session: Session, table: str, ids: Sequence[int]) -> dict[int, Any]:
    t = _table(table)
    if "updated_at" not in t.c:
        return {}
    out: dict[int, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        out.update((r[0], r[1]) for r in session.execute(
            select(t.c.id, t.c.updated_at).where(t.c.id.in_(chunk))))
    return out


def record_batch(session: Session, file_name: str, kind: str, started_at: datetime,
                 rows: Sequence[tuple[str, int, str, dict[str, Any] | None]],
                 finished_at: datetime | None = None) -> Changes:
    """Record an import's rows (table, id, 'insert'|'update', old values); ``value`` is the
    batch id, None (and nothing written) when the import wrote no row."""
    if not rows:
        return Changes()
    session.flush()
    by_table: dict[str, list[int]] = {}
    for table, row_id, _action, _before in rows:
        by_table.setdefault(table, []).append(row_id)
    stamps = {table: _stamps(session, table, ids) for table, ids in by_table.items()}
    inserted = sum(1 for r in rows if r[2] == "insert")
    result = session.connection().execute(insert(_batches).values(
        started_at=started_at, finished_at=finished_at or started_at, file_name=file_name,
        kind=kind, inserted=inserted, updated=len(rows) - inserted))
    batch_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    values = []
    # An inserted row keeps only its stamp, and one import stamps every row alike:
    # that text is made once (100k json.dumps calls were a second of an import).
    stamp_only: dict[Any, str] = {}
    for table, row_id, action, before in rows:
        stamp = stamps[table].get(row_id)
        if not before:
            if stamp is None:
                text_json = None
            else:
                text_json = stamp_only.get(stamp)
                if text_json is None:
                    text_json = stamp_only[stamp] = json.dumps(
                        {_STAMP: _json_value(stamp)}, ensure_ascii=False)
        else:
            data = {k: _json_value(v) for k, v in before.items()}
            if stamp is not None:
                data[_STAMP] = _json_value(stamp)
            text_json = json.dumps(data, ensure_ascii=False)
        values.append((batch_id, table, row_id, action, text_json))
    insert_rows(session, _batch_rows,
                ("batch_id", "table_name", "row_id", "action", "before_json"), values)
    _record_history(session, batch_id, rows)
    return (Changes.of("import_batches", batch_id).also("import_batch_rows")
            .also(history.HISTORY_TABLE).with_value(batch_id))


def _record_history(session: Session, batch_id: int,
                    rows: Sequence[tuple[str, int, str, dict[str, Any] | None]]) -> None:
    """The change history of an import: one row per imported row ("created by import
    batch N", no values: the file has them), one per field the import overwrote."""
    inserted: dict[str, list[int]] = {}
    updated: dict[str, dict[int, dict[str, Any]]] = {}
    for table, row_id, action, before in rows:
        if table not in history.TRACKED:
            continue
        if action == "insert":
            inserted.setdefault(table, []).append(row_id)
        elif before:
            updated.setdefault(table, {})[row_id] = before
    for table, ids in inserted.items():
        owners: dict[int, int | None] = (dict.fromkeys(ids) if table != "customers"
                                         else {i: i for i in ids})
        if table != "customers":
            owners.update((i, r.get("customer_id"))
                          for i, r in history.snapshot(session, _table(table), ids).items())
        history.record_rows(session, table, "insert", [(i, owners[i], None) for i in ids],
                            batch_id)
    for table, befores in updated.items():
        history.record_update(session, table, befores,
                              history.snapshot(session, _table(table), befores), batch_id)


def _restore_value(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(kind, Date):
        return date.fromisoformat(str(value)[:10])
    return value


#: for an inserted row of this table, the rows elsewhere that would be its dependents
_DEPENDENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "interactions": (("tasks", "interaction_id"), ("interaction_people", "interaction_id"),
                     ("documents", "interaction_id")),
    "events": (("event_attendance", "event_id"),),
}


def _customer_dependents() -> tuple[tuple[str, str], ...]:
    """Every table that hangs off a customer, but its derived rows and its people
    (an imported key contact goes with its customer)."""
    skip = {"customer_metrics", "tier_changes", "people", "change_history"}
    return tuple((t.name, "customer_id") for t in Base.metadata.sorted_tables
                 if "customer_id" in t.c and t.name not in skip)


def undo_import(session: Session, batch_id: int, now: datetime) -> Changes:
    """Take a whole import back; ``value`` is the number of rows undone. Raises
    :class:`UndoRefused` naming why it cannot."""
    batch = session.execute(select(_batches).where(_batches.c.id == batch_id)).first()
    if batch is None:
        raise UndoRefused("unknown_batch", str(batch_id))
    if batch.undone_at is not None:
        raise UndoRefused("already_undone", str(batch_id))
    rows = session.execute(select(_batch_rows).where(_batch_rows.c.batch_id == batch_id)
                           .order_by(_batch_rows.c.id)).all()
    by_table: dict[str, list[int]] = {}
    for r in rows:
        by_table.setdefault(r.table_name, []).append(r.row_id)
    stamps = {table: _stamps(session, table, ids) for table, ids in by_table.items()}
    inserted: dict[str, list[int]] = {}
    for r in rows:
        data = json.loads(r.before_json) if r.before_json else {}
        now_stamp = stamps[r.table_name].get(r.row_id)
        if r.row_id not in stamps[r.table_name] and "updated_at" in _table(r.table_name).c:
            raise UndoRefused("edited_since", f"{r.table_name} {r.row_id}")
        if _STAMP in data and _json_value(now_stamp) != data[_STAMP]:
            raise UndoRefused("edited_since", f"{r.table_name} {r.row_id}")
        if r.action == "insert":
            inserted.setdefault(r.table_name, []).append(r.row_id)
    conn = session.connection()
    for table, ids in inserted.items():
        links = _customer_dependents() if table == "customers" else _DEPENDENTS.get(table, ())
        id_list = ",".join(str(int(i)) for i in ids)
        for other, column in links:
            if other == "tasks" and table == "interactions":
                continue  # the follow-up tasks the import made are checked below
            hit = conn.execute(text(
                f"SELECT 1 FROM {other} WHERE {column} IN ({id_list}) LIMIT 1")).first()
            if hit is not None:
                raise UndoRefused("has_dependents", f"{table} → {other}")
        if table == "interactions":
            # A follow-up task the import created is part of it, unless someone worked on it.
            edited = conn.execute(text(
                f"SELECT 1 FROM tasks WHERE interaction_id IN ({id_list}) "
                "AND (updated_at != created_at OR done_at IS NOT NULL) LIMIT 1")).first()
            if edited is not None:
                raise UndoRefused("has_dependents", "interactions → tasks")
    changes = Changes.of("import_batches", batch_id)
    restored = {table: history.snapshot(session, _table(table), ids)
                for table, ids in by_table.items() if table in history.TRACKED}
    for r in reversed(rows):
        t = _table(r.table_name)
        if r.action == "update":
            data = json.loads(r.before_json) if r.before_json else {}
            data.pop(_STAMP, None)
            if data:
                session.execute(update(t).where(t.c.id == r.row_id).values(
                    {k: _restore_value(t, k, v) for k, v in data.items()}
                    | ({"updated_at": now} if "updated_at" in t.c else {})
                    | (bumped(t) if "version" in t.c else {})))
                changes = changes | Changes.of(r.table_name, r.row_id)
    for table, ids in inserted.items():
        t = _table(table)
        if table == "interactions":
            session.execute(text(
                f"DELETE FROM tasks WHERE interaction_id IN ({','.join(map(str, ids))})"))
            changes = changes | Changes.of("tasks")
        if table == "customers":
            for cascaded in ("people", "customer_metrics", "tier_changes", "tasks",
                             "key_dates", "documents"):
                changes = changes.also(cascaded)
            search.forget(session.connection(), ids)
        if table in history.TRACKED:
            history.record_rows(session, table, "delete", [
                (i, history.customer_of(session, table, restored[table].get(i, {})), None)
                for i in ids], batch_id)
        for start in range(0, len(ids), 500):
            session.execute(delete(t).where(t.c.id.in_(ids[start:start + 500])))
        changes = changes | Changes.of(table, *ids)
    for table, before in restored.items():
        dropped = set(inserted.get(table, ()))
        restored_rows = {i: v for i, v in before.items() if i not in dropped}
        history.record_update(session, table, restored_rows,
                              history.snapshot(session, _table(table), restored_rows),
                              batch_id)
    session.execute(update(_batches).where(_batches.c.id == batch_id).values(undone_at=now))
    if "customers" in by_table:
        from kamdesk.store.ops.people import reindex_customers

        kept = [i for i in by_table["customers"] if i not in set(inserted.get("customers", []))]
        if kept:
            reindex_customers(session, kept)
    session.expire_all()
    return changes.with_value(len(rows))

