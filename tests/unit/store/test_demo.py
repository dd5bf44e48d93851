import sqlite3
from datetime import date

from kamdesk.store.database import open_database, integrity_report
from kamdesk.store.demo import generate_demo

TABLES = [
    "customers", "people", "key_dates", "interactions", "interaction_people", "tasks", "trades",
    "contracts", "opportunities", "opportunity_stage_changes", "complaints", "events",
    "event_attendance", "survey_responses", "account_plans", "plan_objectives", "plan_actions",
    "plan_risks", "customer_metrics",
]


def _dump(path):
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("customers", "people", "interactions", "trades", "tasks", "complaints")}
    finally:
        conn.close()


def _make(tmp_path, name, seed):
    db = open_database(str(tmp_path / name), tmp_path / "b")
    generate_demo(db.engine, 60, seed=seed, today=date(2026, 11, 23))
    db.dispose()
    return tmp_path / name


def test_same_seed_same_data(tmp_path):
    a = _dump(_make(tmp_path, "a.sqlite3", 5))
    b = _dump(_make(tmp_path, "b.sqlite3", 5))
    c = _dump(_make(tmp_path, "c.sqlite3", 6))
    assert a == b
    assert a["customers"] != c["customers"]


def test_demo_fills_every_table_and_is_sound(demo_db):
    with demo_db.engine.connect() as conn:
        for table in TABLES:
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() > 0, table
    assert integrity_report(demo_db) == []


def test_revenue_is_long_tailed(demo_db):
    with demo_db.engine.connect() as conn:
        revenues = [r[0] for r in conn.exec_driver_sql(
            "SELECT sum(amount_cents) FROM trades GROUP BY customer_id ORDER BY 1 DESC")]
    top = sum(revenues[: len(revenues) // 5])
    assert top / sum(revenues) > 0.5


def test_demo_refuses_a_database_with_customers(demo_db):
    import pytest

    with pytest.raises(ValueError):
        generate_demo(demo_db.engine, 10, seed=1, today=date(2026, 11, 23))
