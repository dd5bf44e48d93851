"""Revision 0010: complaints may be *resolving*, events site visits; nothing is lost on the way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import ensure_schema, run_upgrade

BEFORE = "0009_service_loop"


def _fill_0009_book(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        ex = conn.execute
        ex("INSERT INTO customers (id, code, name, status) VALUES (1, 'C001', '华星科技', 'active')")
        ex("INSERT INTO people (id, customer_id, name) VALUES (1, 1, '王总')")
        ex("INSERT INTO complaints (id, customer_id, person_id, received_at, severity, "
           "description, owner, status, response_deadline) VALUES (1, 1, 1, "
           "'2026-11-20 09:00:00', 'high', '交货延迟', '张三', 'responded', '2026-11-21 09:00:00')")
        ex("INSERT INTO complaint_handovers (complaint_id, from_owner, to_owner, handed_at) "
           "VALUES (1, '张三', '李四', '2026-11-20 10:00:00')")
        ex("INSERT INTO events (id, name, held_on, kind, target_participants, "
           "actual_participants, satisfaction, budget_cents) "
           "VALUES (1, '客户沙龙', '2026-10-01', 'salon', 30, 25, 4.2, 500000)")
        ex("INSERT INTO event_attendance (event_id, customer_id, attended) VALUES (1, 1, 1)")
    conn.close()


def test_rows_survive_and_new_codes_are_accepted(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    run_upgrade(engine, BEFORE)
    engine.dispose()
    _fill_0009_book(path)

    engine = make_engine(str(path))
    report = ensure_schema(engine, tmp_path / "backups")
    engine.dispose()
    assert report.action == "upgraded" and report.from_revision == BEFORE

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    assert conn.execute("SELECT status, owner, severity FROM complaints").fetchall() == [
        ("responded", "张三", "high")]
    # the hand-over history is not cascaded away by the rebuild of its parent
    assert conn.execute("SELECT to_owner FROM complaint_handovers").fetchall() == [("李四",)]
    assert conn.execute("SELECT kind, actual_participants, satisfaction, budget_cents "
                        "FROM events").fetchall() == [("salon", 25, 4.2, 500000)]
    assert conn.execute("SELECT count(*) FROM event_attendance").fetchone() == (1,)
    with conn:
        conn.execute("UPDATE complaints SET status = 'resolving'")
        conn.execute("UPDATE events SET kind = 'site_visit'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE complaints SET status = 'bogus'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE events SET kind = 'bogus'")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
