"""Recording the change history (变更记录) of a customer's records, on every write path.

What is recorded: every insert, field update and delete of the tables in
:data:`TRACKED` (customers, people, contracts, orders, account plans and their
objectives, actions and risks), with who (``session.info["actor"]``, set by
:meth:`kamdesk.store.database.Database.write`; the OS user otherwise), when, the row,
its customer, and old → new as text (codes, never display words; dates ISO).

How every write path is caught:

- the ORM (people, contracts, orders, plans): :func:`install` hangs an ``after_flush``
  listener on the session factory that compares each flushed object's attribute history;
- the Core paths record explicitly through :func:`record_update`, :func:`record_rows`
  and :func:`snapshot`: customer create/update/delete, imports (summarised in
  :func:`kamdesk.store.ops.import_batches.record_batch`: one row per imported row naming
  the batch, one per field an import overwrote), undoing an import, and merges.

Each written history row counts in ``session.info["history_rows"]``, so the one place
that commits (``Database.write``) adds ``change_history`` to the operation's Changes.
A session with ``info["record_history"] = False`` records nothing (not used by the app).
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.store.dialect import run_qmark
from kamdesk.store.models import ChangeRecord

HISTORY_TABLE = "change_history"
_history = cast(Table, ChangeRecord.__table__)

#: table -> how its rows name their customer: a column, or "plan" (through account_plans)
TRACKED: dict[str, str] = {
    "customers": "id", "people": "customer_id", "contracts": "customer_id",
    "trades": "customer_id", "account_plans": "customer_id", "plan_objectives": "plan",
    "plan_actions": "plan", "plan_risks": "plan",
}
_INSERT = ("INSERT INTO change_history (changed_at, actor, table_name, row_id, customer_id, "
           "action, field, old_value, new_value, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
#: columns never recorded: bookkeeping and values derived from others
SKIPPED = frozenset({"id", "created_at", "updated_at", "name_pinyin", "name_initials",
                     "version"})


@lru_cache(maxsize=1)
def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service, a container)
        return ""


def actor_of(session: Session) -> str:
    return str(session.info.get("actor") or os_user())


def as_text(value: Any) -> str | None:
    """A stored value as the text history keeps: codes as they are, dates ISO."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, int, float, Decimal)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    return str(value)


def _json(values: Mapping[str, Any]) -> str:
    return json.dumps({k: as_text(v) for k, v in values.items()
                       if v is not None and k not in SKIPPED}, ensure_ascii=False)


def _enabled(session: Session) -> bool:
    return session.info.get("record_history", True) is not False


def write_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert history rows (dicts without ``changed_at``/``actor``: added here)."""
    if not rows or not _enabled(session):
        return
    stamp = session.info.get("history_now") or datetime.now().replace(microsecond=0)
    actor = actor_of(session)
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # One prepared statement and plain tuples: an import's 100k summary rows cost
        # a few µs each this way instead of ~20 through a Core insert of dicts.
        process = _history.c.changed_at.type.dialect_impl(conn.dialect).bind_processor(
            conn.dialect)
        when = process(stamp) if process else stamp
        run_qmark(conn, _INSERT, [
            (when, actor, r["table_name"], r["row_id"], r.get("customer_id"), r["action"],
             r.get("field"), r.get("old_value"), r.get("new_value"), r.get("batch_id"))
            for r in rows])
    else:
        conn.execute(insert(_history), [
            {"changed_at": stamp, "actor": actor, "field": None, "old_value": None,
             "new_value": None, "batch_id": None, **r} for r in rows])
    session.info["history_rows"] = session.info.get("history_rows", 0) + len(rows)


def history_written(session: Session) -> bool:
    return bool(session.info.get("history_rows"))


# -- Core paths --------------------------------------------------------------------
def snapshot(session: Session, table: Table, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The current rows ``ids`` of ``table`` as dicts (before and after a Core write)."""
    wanted = list(ids)
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for row in session.connection().execute(select(table).where(table.c.id.in_(chunk))):
            out[row.id] = dict(row._mapping)
    return out


def field_rows(table: str, row_id: int, customer_id: int | None, before: Mapping[str, Any],
               after: Mapping[str, Any], batch_id: int | None = None) -> list[dict[str, Any]]:
    """One history row per field whose text differs between ``before`` and ``after``."""
    rows = []
    for key, new in after.items():
        if key in SKIPPED or key not in before:
            continue
        old_text, new_text = as_text(before[key]), as_text(new)
        if old_text != new_text:
            rows.append({"table_name": table, "row_id": row_id, "customer_id": customer_id,
                         "action": "update", "field": key, "old_value": old_text,
                         "new_value": new_text, "batch_id": batch_id})
    return rows


def record_update(session: Session, table: str, before: Mapping[int, Mapping[str, Any]],
                  after: Mapping[int, Mapping[str, Any]], batch_id: int | None = None) -> None:
    """Record the fields that differ between two :func:`snapshot` s of the same rows."""
    rows: list[dict[str, Any]] = []
    for row_id, new in after.items():
        old = before.get(row_id)
        if old is not None:
            rows += field_rows(table, row_id, customer_of(session, table, new), old, new,
                               batch_id)
    write_rows(session, rows)


def record_rows(session: Session, table: str, action: str,
                rows: Iterable[tuple[int, int | None, Mapping[str, Any] | None]],
                batch_id: int | None = None) -> None:
    """Record whole rows inserted or deleted: (row id, customer id, values or None)."""
    key = "new_value" if action == "insert" else "old_value"
    write_rows(session, [{"table_name": table, "row_id": rid, "customer_id": cid,
                          "action": action, "batch_id": batch_id,
                          key: _json(values) if values is not None else None}
                         for rid, cid, values in rows])


def customer_of(session: Session, table: str, values: Mapping[str, Any]) -> int | None:
    how = TRACKED.get(table)
    if how == "plan":
        plan_id = values.get("plan_id")
        if plan_id is None:
            return None
        found = run_qmark(session.connection(),
            "SELECT customer_id FROM account_plans WHERE id = ?", (plan_id,)).first()
        return int(found[0]) if found else None
    return values.get(how) if how else None


# -- the ORM -----------------------------------------------------------------------
def _values(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    return {c.key: state.dict.get(c.key) for c in state.mapper.column_attrs}


def _plan_customers(session: Session) -> dict[int, int]:
    """Customers of the account plans in this flush (a deleted plan is gone from the
    table by now, but its object still knows)."""
    out: dict[int, int] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        if getattr(obj, "__tablename__", None) == "account_plans":
            out[obj.id] = obj.customer_id
    return out


def _after_flush(session: Session, _context: Any) -> None:
    if not _enabled(session):
        return
    plans: dict[int, int] | None = None
    rows: list[dict[str, Any]] = []

    def customer(table: str, values: Mapping[str, Any]) -> int | None:
        nonlocal plans
        if TRACKED[table] == "plan":
            if plans is None:
                plans = _plan_customers(session)
            if values.get("plan_id") in plans:
                return plans[values["plan_id"]]
        return customer_of(session, table, values)

    for obj in session.new:
        table = getattr(obj, "__tablename__", None)
        if table in TRACKED:
            values = _values(obj)
            rows.append({"table_name": table, "row_id": obj.id, "action": "insert",
                         "customer_id": customer(table, values), "new_value": _json(values)})
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        if table not in TRACKED:
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.added or hist.deleted:
                before[attr.key] = hist.deleted[0] if hist.deleted else None
                after[attr.key] = hist.added[0] if hist.added else None
        if after:
            rows += field_rows(table, obj.id, customer(table, _values(obj)), before, after)
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", None)
        if table in TRACKED:
            values = _values(obj)
            rows.append({"table_name": table, "row_id": obj.id, "action": "delete",
                         "customer_id": customer(table, values), "old_value": _json(values)})
    write_rows(session, rows)


def install(factory: sessionmaker[Session]) -> None:
    """Record the ORM flushes of every session ``factory`` makes (call once per factory).

    No ``event.contains`` guard: SQLAlchemy keys that check by ``id(factory)``, and a new
    factory that reuses the id of a collected one was taken as already listened to, so
    its sessions recorded nothing."""
    event.listen(factory, "after_flush", _after_flush)
