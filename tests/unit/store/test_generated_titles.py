"""Generated tasks hold codes and facts: a book filled in English reads in Chinese.

Each reader that returns task rows renders generated titles (and greeting notes) in
the language asked for, and returns typed titles as typed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.models import Contract, CustomerMetrics, KeyDate, Person, Task
from kamdesk.store.ops.cadence import snooze_cadence
from kamdesk.store.ops.key_date_reminders import sync_reminder_tasks
from kamdesk.store.queries.reminders import due_reminders, due_task_reminders, reminder_rows
from kamdesk.store.queries.today import due_tasks

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10)
ENGLISH = re.compile(r"Birthday|Prepare renewal|anniversary|Suggested|Dear|Contact|Call|"
                     r"contract|greeting", re.IGNORECASE)


def _fill(db) -> None:
    with db.session() as s:
        a = customer_ops.create_customer(s, name="华星科技有限公司", short_name="华星",
                                         cooperation_start=date(2021, 11, 25))
        s.flush()
        s.get(CustomerMetrics, a.id).value_tier = "A"
        wang = Person(customer_id=a.id, name="王总")
        s.add(wang)
        s.flush()
        s.add_all([
            KeyDate(customer_id=a.id, person_id=wang.id, kind="birthday", calendar="solar",
                    month=11, day=24),
            Contract(customer_id=a.id, number="HT-1", title="供货合同", status="active",
                     end_on=date(2026, 12, 20), renewal_notice_days=30),
        ])
        task_ops.create_task(s, title="Send the quote", customer_id=a.id,
                             due_at=NOW + timedelta(hours=2))
        s.commit()
        cid = a.id
    db.write(sync_reminder_tasks, TODAY, "en", now=NOW)  # a session running in English
    db.write(snooze_cadence, cid, NOW + timedelta(hours=3), "win_back", NOW)


def test_filled_in_english_read_in_chinese(db):
    _fill(db)
    with db.engine.connect() as conn:
        rows = due_task_reminders(conn, NOW, timedelta(days=30), "zh_CN")
    generated = [r for r in rows if r.source in ("key_date", "contract", "cadence")]
    assert {r.source_key.split(":")[0] for r in generated} == {"keydate", "coop", "renewal",
                                                                "cadence"}
    for r in generated:
        assert not ENGLISH.search(r.title), r.title
        assert not ENGLISH.search(r.notes or ""), r.notes
    titles = {r.source_key.split(":")[0]: r.title for r in generated}
    assert titles["keydate"] == "王总生日 · 华星"
    assert titles["coop"] == "合作5周年 · 华星"
    assert titles["renewal"] == "准备续签：供货合同（HT-1） · 华星"
    assert titles["cadence"] == "沉默客户回访: 华星科技有限公司"
    birthday = next(r for r in generated if r.source_key.startswith("keydate"))
    assert "王总，生日快乐！" in (birthday.notes or "") and "建议祝福语" in (birthday.notes or "")
    # a typed title is the user's words, whatever the language
    assert "Send the quote" in [r.title for r in rows]


def test_the_same_rows_read_in_english(db):
    _fill(db)
    with db.engine.connect() as conn:
        rows = {r.source_key.split(":")[0]: r for r in
                due_task_reminders(conn, NOW, timedelta(days=30), "en") if r.source_key}
        today = due_tasks(conn, NOW + timedelta(days=7), lang="zh_CN")
    assert rows["keydate"].title == "Birthday: 王总 · 华星"
    assert rows["renewal"].title == "Prepare renewal: 供货合同 (HT-1) · 华星"
    assert "Dear 王总, happy birthday!" in (rows["keydate"].notes or "")
    # Today's task list renders too
    assert "王总生日 · 华星" in [t.title for t in today.rows]
    assert not any(ENGLISH.search(t.title) for t in today.rows if t.source != "manual")


def test_stored_rows_hold_facts_not_words(db):
    _fill(db)
    with db.session() as s:
        for task in s.query(Task).filter(Task.source != "manual"):
            assert task.title_code in ("key_date", "renewal", "cadence")
            assert not ENGLISH.search(task.title) and not task.notes
    with db.engine.connect() as conn:
        (row,) = reminder_rows(conn, [1], "zh_CN")  # the typed task
    assert row.title == "Send the quote"


def test_due_lists_every_reminder_the_app_would_raise(db):
    """Before any sync has run: key dates and renewals the generator calls for, and
    customers overdue for their maintenance touch, all rendered in the run's language."""
    with db.session() as s:
        a = customer_ops.create_customer(s, name="华星科技", short_name="华星")
        b = customer_ops.create_customer(s, name="远航物流")
        s.flush()
        s.get(CustomerMetrics, a.id).value_tier = "A"
        quiet = s.get(CustomerMetrics, b.id)
        quiet.next_due_on, quiet.due_action = TODAY - timedelta(days=3), "contact"
        s.add_all([
            KeyDate(customer_id=a.id, kind="birthday", title="王总生日", calendar="solar",
                    month=11, day=25),
            Contract(customer_id=a.id, number="HT-1", title="供货合同", status="active",
                     end_on=date(2026, 12, 20), renewal_notice_days=30),
        ])
        task_ops.create_task(s, title="回访王总", customer_id=a.id,
                             due_at=NOW - timedelta(days=1))
        s.commit()
        b_id = b.id
    with db.engine.connect() as conn:
        rows = due_reminders(conn, NOW, timedelta(days=1), "zh_CN")
    assert [(r.source, r.title) for r in rows] == [
        ("contract", "准备续签：供货合同（HT-1） · 华星"),  # notice day 20 November
        ("cadence", "例行联系: 远航物流"),  # on Today since 21 November
        ("manual", "回访王总"),
        ("key_date", "王总生日 · 华星"),  # reminded 22 November for the 25th
    ]
    assert [r.overdue(NOW) for r in rows] == [True, True, True, False]
    assert rows[3].task_id is None and rows[3].source_key.startswith("keydate:")
    # once generated, the stored task stands for it (no duplicate); a snooze past the
    # window takes the customer off the list, as it takes them off Today
    db.write(sync_reminder_tasks, TODAY)
    db.write(snooze_cadence, b_id, NOW + timedelta(days=2), "contact", NOW)
    with db.engine.connect() as conn:
        again = due_reminders(conn, NOW, timedelta(days=1), "en")
    assert [(r.source, r.title) for r in again] == [
        ("contract", "Prepare renewal: 供货合同 (HT-1) · 华星"),
        ("manual", "回访王总"),
        ("key_date", "王总生日 · 华星"),
    ]
    assert all(r.task_id is not None for r in again)
