"""merge_customers moves every kind of history to the kept record, table by table."""

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Base
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customer_merge import merge_customers

HISTORY = sorted(t.name for t in Base.metadata.sorted_tables
                 if "customer_id" in t.c
                 and t.name not in ("customer_metrics", "change_history"))


def _count(conn, table, cid):
    return conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE customer_id = ?",
                                (cid,)).scalar()


def _richest(conn):
    """Two customers with the most history between them (no plan period in common)."""
    score = " + ".join(f"(SELECT count(*) FROM {t} x WHERE x.customer_id = c.id)"
                       for t in HISTORY)
    ids = [r[0] for r in conn.exec_driver_sql(
        f"SELECT c.id FROM customers c ORDER BY {score} DESC, c.id LIMIT 12")]
    for a in ids:
        for b in ids:
            if a != b and conn.exec_driver_sql(
                    "SELECT 1 FROM account_plans p JOIN account_plans q ON p.period = q.period "
                    "WHERE p.customer_id = ? AND q.customer_id = ?", (a, b)).first() is None:
                return a, b
    raise AssertionError("no pair")


def test_merge_moves_everything(demo_db):
    with demo_db.engine.connect() as conn:
        keep, drop = _richest(conn)
        before = {t: (_count(conn, t, keep), _count(conn, t, drop)) for t in HISTORY}
        shared_events = conn.exec_driver_sql(
            "SELECT count(*) FROM event_attendance d JOIN event_attendance k "
            "ON k.event_id = d.event_id AND k.person_id IS NOT DISTINCT FROM d.person_id "
            "WHERE d.customer_id = ? AND k.customer_id = ?", (drop, keep)).scalar()
    assert sum(b for _a, b in before.values()) > 5
    with track_writes(demo_db.engine) as written:
        changes = demo_db.write(merge_customers, keep, drop)
    assert written <= changes.names
    with demo_db.engine.connect() as conn:
        for table, (k, d) in before.items():
            expected = k + d - (shared_events if table == "event_attendance" else 0)
            assert _count(conn, table, drop) == 0, table
            assert _count(conn, table, keep) == expected, table
        assert conn.exec_driver_sql("SELECT count(*) FROM customers WHERE id = ?",
                                    (drop,)).scalar() == 0
        assert _count(conn, "change_history", drop) == 0  # moved, with the merge's own
        assert conn.exec_driver_sql("SELECT count(*) FROM customer_metrics WHERE customer_id = ?",
                                    (keep,)).scalar() == 1


def test_merge_refuses_nonsense(db):
    import factories as customer_ops

    with db.session() as s:
        a = customer_ops.create_customer(s, name="甲").id
        s.commit()
    with pytest.raises(ValidationError):
        db.write(merge_customers, a, a)
    with pytest.raises(ValidationError):
        db.write(merge_customers, a, a + 999)


def test_mark_not_duplicate_declares_its_write_and_forgets_deleted_records(db):
    from kamdesk.store.ops.customer_merge import mark_not_duplicate
    from kamdesk.store.ops.customers import create_customer, delete_customer
    from kamdesk.store.queries.customer_matching import not_duplicates

    a, b, c = (db.write(create_customer, name=n).value for n in ("甲公司", "乙公司", "丙公司"))
    with track_writes(db.engine) as written:
        changes = db.write(mark_not_duplicate, b, a)
    assert written <= changes.names
    assert db.read(not_duplicates) == {(a, b)}
    db.write(mark_not_duplicate, a, c)
    db.write(delete_customer, b)
    with pytest.raises(ValidationError):
        db.write(mark_not_duplicate, a, a)
    with pytest.raises(ValidationError):
        db.write(mark_not_duplicate, a, b)  # b is gone
    db.write(mark_not_duplicate, c, a)
    assert db.read(not_duplicates) == {(a, c)}
