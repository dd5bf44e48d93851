"""The Calendar's fast reads give what the plain reads give.

* With an index on ``tasks (kind, due_at)`` the first tasks of each day and kind are
  read by one index seek per day (``queries/task_days.py``); without it by a window
  function. Both must list the same entries in the same order with the same counts.
* A page read with ``reuse`` (parts of an earlier read whose tables did not change)
  equals a page read from scratch, the reminder tasks' done marks included.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

import factories as customer_ops
from kamdesk.store.models import Contract, KeyDate, Task
from kamdesk.store.queries import calendar as cq
from kamdesk.store.queries.task_days import has_day_index

pytestmark = pytest.mark.sqlite_only(reason="the per-day index paths are SQLite's (PRAGMA index_list); a server reads the plain way")

NOW = datetime(2026, 11, 23, 10, 0)
INDEX = "CREATE INDEX ix_tasks_kind_due ON tasks (kind, due_at)"
#: a book without the index (one made before migration 0015): the plain read
NO_INDEX = "DROP INDEX IF EXISTS ix_tasks_kind_due"


def _book(db, seed: int) -> None:
    """Tasks crowded on some days, every kind, done and open, generated ones (with and
    without a source key), key dates and contracts around November 2026."""
    rnd = random.Random(seed)
    with db.session() as s:
        customers = [customer_ops.create_customer(s, name=f"客户{seed}-{i}") for i in range(6)]
        s.flush()
        busy = {date(2026, 11, 23), date(2026, 11, 24), date(2026, 12, 1)}
        n = 0
        for day in (date(2026, 10, 20) + timedelta(days=i) for i in range(60)):
            for _ in range(rnd.randint(16, 24) if day in busy else rnd.randint(0, 3)):
                n += 1
                source, key = rnd.choice([("manual", None)] * 6 + [
                    ("interaction", None), ("key_date", f"keydate:{n}:2026"),
                    ("contract", f"renewal:{n}:2026"), ("key_date", None)])
                s.add(Task(title=f"任务{n}", kind=rnd.choice(["task", "task", "call", "visit"]),
                           customer_id=rnd.choice([c.id for c in customers] + [None]),
                           due_at=datetime.combine(day, datetime.min.time())
                           + timedelta(hours=rnd.randint(7, 18), minutes=rnd.choice([0, 30])),
                           done_at=NOW if rnd.random() < 0.3 else None,
                           source=source, source_key=key))
        for i, c in enumerate(customers):
            s.add(KeyDate(customer_id=c.id, kind="birthday", calendar="solar", month=11,
                          day=20 + i))
            s.add(Contract(customer_id=c.id, number=f"HT-{seed}-{i}", title="供货合同",
                           status="active", start_on=date(2026, 1, 1),
                           end_on=date(2026, 12, 10 + i), renewal_notice_days=20))
        s.commit()


def _pages(db, **kw):
    with db.engine.connect() as conn:
        return [cq.calendar_page(conn, first, last, now=NOW, **kw, **extra)
                for first, last, extra in (
                    (date(2026, 10, 26), date(2026, 12, 6), dict(
                        per_day_limit=3, full_day=date(2026, 11, 23), full_day_limit=5)),
                    (date(2026, 10, 26), date(2026, 12, 6), dict(per_day_limit=2)),
                    (date(2026, 11, 23), date(2026, 11, 29), dict(
                        per_day_limit=4, full_day=date(2026, 11, 24), full_day_limit=None)),
                    (date(2026, 11, 24), date(2026, 11, 24), dict(per_day_limit=200)),
                )]


def _shape(page):
    return [(e.key, e.done, e.overdue) for e in page.entries], page.totals


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("kinds", [None, ["task"], ["call", "visit", "key_date"]])
def test_index_seeks_list_what_the_window_query_lists(db, seed, kinds):
    _book(db, seed)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(NO_INDEX)
    with db.engine.connect() as conn:
        assert not has_day_index(conn)
    plain = _pages(db, kinds=kinds)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(INDEX)
    with db.engine.connect() as conn:
        assert has_day_index(conn)
    fast = _pages(db, kinds=kinds)
    assert [_shape(p) for p in fast] == [_shape(p) for p in plain]
    assert any(p.totals and max(p.totals.values()) > 5 for p in fast)  # caps were tested


def test_a_customer_filter_reads_the_plain_way(db):
    _book(db, 4)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(NO_INDEX)
        conn.exec_driver_sql(INDEX)
        cid = conn.exec_driver_sql("SELECT min(id) FROM customers").scalar()
    with db.engine.connect() as conn:
        page = cq.calendar_page(conn, date(2026, 10, 26), date(2026, 12, 6), customer_id=cid,
                                now=NOW, per_day_limit=2)
    assert page.entries and all(e.customer_id in (cid, None) for e in page.entries)


@pytest.mark.parametrize("indexed", [False, True])
def test_reused_parts_give_the_page_a_fresh_read_gives(db, indexed):
    _book(db, 5)
    if not indexed:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(NO_INDEX)
    args = dict(start=date(2026, 10, 26), end=date(2026, 12, 6), now=NOW, per_day_limit=3,
                full_day=date(2026, 11, 23), full_day_limit=10)
    with db.engine.connect() as conn:
        before = cq.calendar_page(conn, **args)
    assert set(before.parts) == {"tasks", "key_date", "renewal", "complaint", "event",
                                 "festival"}
    # A task change: a new task, and the reminder task of a birthday marked done.
    birthday = next(e for e in before.entries if e.kind == "key_date")
    with db.session() as s:
        s.add(Task(title="新任务", due_at=datetime(2026, 11, 23, 8, 0)))
        s.add(Task(title="生日提醒", due_at=datetime(2026, 11, 18, 9, 0), done_at=NOW,
                   source="key_date", source_key=birthday.link))
        s.commit()
    stale = cq.stale_sources({"tasks"})
    assert stale == {"tasks"}
    kept = {s: p for s, p in before.parts.items() if s not in stale}
    later = NOW + timedelta(hours=3)
    with db.engine.connect() as conn:
        reused = cq.calendar_page(conn, **{**args, "now": later}, reuse=kept)
        fresh = cq.calendar_page(conn, **{**args, "now": later})
    assert _shape(reused) == _shape(fresh)
    assert [e.task_id for e in reused.entries] == [e.task_id for e in fresh.entries]
    marked = next(e for e in reused.entries if e.key == birthday.key)
    assert marked.done and marked.task_id is not None
    assert "新任务" in [e.title for e in reused.entries]


def test_stale_sources_follow_the_tables_read():
    assert cq.stale_sources({"customers"}) == {"tasks", "key_date", "renewal", "complaint"}
    assert cq.stale_sources({"people"}) == {"key_date"}
    assert cq.stale_sources({"interactions"}) == set()
