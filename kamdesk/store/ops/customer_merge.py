"""Merging two records of one company: all history moves to the kept customer.

Found by ``kamdesk duplicates`` / Customers ▸ Find duplicates (same normalised name,
phone or email). Every table that hangs off a customer — people, the contact log,
tasks, orders and returns, payments, contracts, complaints, surveys, event attendance,
account plans, opportunities, documents, key dates, tier changes — is moved to the kept
record; then the other record is deleted and the kept one's figures and search row are
refreshed. Fields the kept record leaves empty are filled from the other one.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, delete, select, text, update
from sqlalchemy.orm import Session

from kamdesk.store import history, search
from kamdesk.store.dialect import null_safe_equal_sql
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import refresh_customer
from kamdesk.store.models import Base, Customer
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.customers import EDITABLE
from kamdesk.store.ops.people import reindex_customers
from kamdesk.store.ops.settings import put_setting
from kamdesk.store.ops.versions import bumped
from kamdesk.store.queries.customer_matching import NOT_DUPLICATES_KEY, not_duplicates

__all__ = ["mark_not_duplicate", "merge_customers"]

_customers = cast(Table, Customer.__table__)
#: derived rows of the dropped customer: deleted with it, then recomputed for the kept
_DERIVED = ("customer_metrics",)


def _history_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables
            if "customer_id" in t.c and t.name not in _DERIVED]


def merge_customers(session: Session, keep_id: int, drop_id: int,
                    today: date | None = None) -> Changes:
    """Move everything of ``drop_id`` to ``keep_id`` and delete ``drop_id``; ``value`` is
    ``keep_id``. Refuses (ValidationError) the same id twice, an unknown id, or two
    account plans for the same period."""
    if keep_id == drop_id:
        raise ValidationError("customer", "duplicate")
    session.flush()
    rows = {r.id: r for r in session.execute(
        select(_customers).where(_customers.c.id.in_([keep_id, drop_id])))}
    if keep_id not in rows or drop_id not in rows:
        raise ValidationError("customer", "required")
    conn = session.connection()
    clash = conn.execute(text(
        "SELECT 1 FROM account_plans a JOIN account_plans b ON a.period = b.period "
        "WHERE a.customer_id = :k AND b.customer_id = :d LIMIT 1"),
        {"k": keep_id, "d": drop_id}).first()
    if clash is not None:
        raise ValidationError("account_plans", "duplicate")
    # The same person at the same event twice would break the attendance key.
    conn.execute(text(
        "DELETE FROM event_attendance WHERE customer_id = :d AND EXISTS ("
        " SELECT 1 FROM event_attendance k WHERE k.customer_id = :k "
        " AND k.event_id = event_attendance.event_id "
        f" AND {null_safe_equal_sql(conn, 'k.person_id', 'event_attendance.person_id')})"),
        {"k": keep_id, "d": drop_id})
    changes = Changes.of("customers", keep_id, drop_id)
    moved = [(t, [i for (i,) in conn.execute(select(t.c.id).where(t.c.customer_id == drop_id))])
             for t in _history_tables() if t.name in history.TRACKED]
    history.write_rows(session, [
        {"table_name": t.name, "row_id": i, "customer_id": keep_id, "action": "update",
         "field": "customer_id", "old_value": str(drop_id), "new_value": str(keep_id)}
        for t, ids in moved for i in ids])
    for table in _history_tables():
        session.execute(update(table).where(table.c.customer_id == drop_id)
                        .values(customer_id=keep_id))
        changes = changes.also(table.name)
    kept, dropped = rows[keep_id], rows[drop_id]
    fill = {k: getattr(dropped, k) for k in EDITABLE
            if k not in ("code", "name", "status") and getattr(kept, k) is None
            and getattr(dropped, k) is not None}
    search.forget(conn, [drop_id])
    before = history.snapshot(session, _customers, [keep_id, drop_id])
    session.execute(delete(_customers).where(_customers.c.id == drop_id))
    # recorded under the kept customer: the dropped one's history moved there above
    history.record_rows(session, "customers", "delete", [(drop_id, keep_id, before[drop_id])])
    stamp = datetime.now().replace(microsecond=0)
    session.execute(update(_customers).where(_customers.c.id == keep_id)
                    .values(**fill, updated_at=stamp, **bumped(_customers)))
    history.record_update(session, "customers", {keep_id: before[keep_id]},
                          history.snapshot(session, _customers, [keep_id]))
    reindex_customers(session, [keep_id])
    if refresh_customer(conn, keep_id, today or stamp.date()):
        changes = changes.also("tier_changes")
    session.expire_all()
    return (changes | Changes.of("customer_metrics", keep_id, drop_id)).with_value(keep_id)


def mark_not_duplicate(session: Session, first_id: int, second_id: int) -> Changes:
    """Remember that two customers are different companies, so Find duplicates stops
    listing them (``app_settings[NOT_DUPLICATES_KEY]``; pairs of deleted records are
    dropped from the list as it is written)."""
    if first_id == second_id:
        raise ValidationError("customer", "duplicate")
    conn = session.connection()
    live = {r[0] for r in conn.execute(text("SELECT id FROM customers"))}
    if first_id not in live or second_id not in live:
        raise ValidationError("customer", "required")
    pairs = {p for p in not_duplicates(conn) if p[0] in live and p[1] in live}
    pairs.add((min(first_id, second_id), max(first_id, second_id)))
    return put_setting(session, NOT_DUPLICATES_KEY, [list(p) for p in sorted(pairs)])
