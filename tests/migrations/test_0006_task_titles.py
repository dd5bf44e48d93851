"""Revision 0006: tasks generated in English before it read in Chinese after it."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import ensure_schema, run_upgrade
from kamdesk.store.queries.reminders import due_task_reminders

BEFORE = "0005_rfm_sort_index"
NOW = datetime(2026, 11, 23, 10)


def _fill_0005_book(path: Path) -> None:
    """What a 0005 database held after a session running in English generated tasks."""
    conn = sqlite3.connect(path)
    with conn:
        ex = conn.execute
        ex("INSERT INTO customers (id, code, name, short_name, status, cooperation_start) "
           "VALUES (1, 'C001', '华星科技有限公司', '华星', 'active', '2021-11-25')")
        ex("INSERT INTO customer_metrics (customer_id, value_tier) VALUES (1, 'A')")
        ex("INSERT INTO people (id, customer_id, name) VALUES (1, 1, '王总')")
        ex("INSERT INTO key_dates (id, customer_id, person_id, kind, calendar, month, day) "
           "VALUES (1, 1, 1, 'birthday', 'solar', 11, 26)")
        ex("INSERT INTO contracts (id, customer_id, number, title, status, end_on, "
           "renewal_notice_days) VALUES (1, 1, 'HT-1', '供货合同', 'active', '2026-12-20', 30)")
        tasks = [
            ("Birthday: 王总 · 华星", "Call or visit in person…\n\nSuggested greeting:\nDear 王总",
             "key_date", "keydate:1:2026", "2026-11-26 09:00:00.000000"),
            ("5th cooperation anniversary · 华星", "Suggested greeting:\nDear 华星 team",
             "key_date", "coop:1:2026", "2026-11-25 09:00:00.000000"),
            ("Prepare renewal: 供货合同 (HT-1) · 华星", "The contract ends on 2026-12-20",
             "contract", "renewal:1:2026", "2026-11-20 09:00:00.000000"),
            ("Win-back call: 华星科技有限公司", None, "cadence", "cadence:1", None),
            # a key date deleted since: nothing to read the facts from, kept as it was
            ("Birthday: 李总 · 华星", "Dear 李总", "key_date", "keydate:99:2026",
             "2026-11-24 09:00:00.000000"),
            ("Send the quote", None, "manual", None, "2026-11-23 15:00:00.000000"),
        ]
        for i, (title, notes, source, key, due) in enumerate(tasks, start=1):
            ex("INSERT INTO tasks (id, title, notes, customer_id, source, source_key, due_at, "
               "snoozed_until) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
               (i, title, notes, source, key, due,
                "2026-11-23 12:00:00.000000" if source == "cadence" else None))
    conn.close()


def test_generated_titles_become_codes_and_read_in_chinese(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    run_upgrade(engine, BEFORE)
    engine.dispose()
    _fill_0005_book(path)

    engine = make_engine(str(path))
    report = ensure_schema(engine, tmp_path / "backups")
    assert report.action == "upgraded" and report.from_revision == BEFORE
    with engine.connect() as conn:
        rows = {r.task_id: r for r in due_task_reminders(conn, NOW, timedelta(days=30),
                                                          "zh_CN")}
        stored = conn.exec_driver_sql(
            "SELECT id, title_code, title, notes FROM tasks ORDER BY id").all()
    engine.dispose()

    assert rows[1].title == "王总生日 · 华星"
    assert "王总，生日快乐！" in (rows[1].notes or "") and "建议祝福语" in (rows[1].notes or "")
    assert rows[2].title == "合作5周年 · 华星"
    assert rows[3].title == "准备续签：供货合同（HT-1） · 华星"
    assert "合同将于2026-12-20到期（提前30天启动续签）" in (rows[3].notes or "")
    assert rows[4].title == "沉默客户回访: 华星科技有限公司"
    assert rows[5].title == "Birthday: 李总 · 华星"  # orphan: left as it was
    assert rows[6].title == "Send the quote"  # typed by the user
    codes = {r[0]: r[1] for r in stored}
    assert codes == {1: "key_date", 2: "key_date", 3: "renewal", 4: "cadence", 5: None, 6: None}
    # the stored title keeps the facts alone; the generated greeting is no longer stored
    assert stored[0][2] == "王总 · 华星" and stored[0][3] is None
    assert stored[2][2] == "供货合同 (HT-1) · 华星"
