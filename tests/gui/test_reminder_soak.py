"""Soak (#14 item 9): the main window open with reminders on a fast clock.

A FixedClock moves in 1-hour steps over the demo book (its key dates, complaint
deadlines and stage targets generate reminders as the days pass) while new tasks are
added every few hours, as a manager would. Checked against the tasks table itself,
not the scheduler's own view: every reminder that fell due was shown exactly once, never
before its time and at most one step late; and resident memory grows by less than a
bound between the end of the first simulated day and the end (the slow run also
reports Python's heap growth from tracemalloc).
The default run covers 3 days; the slow one 30.
"""

from __future__ import annotations

import gc
import random
import tracemalloc
from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from kamdesk.store.ops import tasks as task_ops

STEP = timedelta(hours=1)
#: growth allowed after the first simulated day (bytes of resident memory)
GROWTH_BOUND = 48 * 1024 * 1024


def _rss() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096
    except OSError:  # not Linux: Python's own heap instead
        return tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else 0


def _soak(ctx, make_window, qapp, days: int, trace: bool, check_memory: bool
          ) -> dict[str, float]:
    from kamdesk.ui.reminders import install_reminders

    rng = random.Random(14)
    window = make_window(ctx)
    service = install_reminders(window, ctx)
    fired: list[tuple[int, datetime]] = []
    for signal in (service.scheduler.fired, service.scheduler.missed):
        signal.connect(lambda rows: fired.extend((r.task_id, ctx.clock.now()) for r in rows))
    start = ctx.clock.now()
    # the start reports what was due already; after that, only what falls due counts
    if service.scheduler.started_at is None:
        service.scheduler.start()
    end = start + timedelta(days=days)
    step = 0
    baseline = None
    heap0 = 0
    if trace:
        tracemalloc.start()
    try:
        while ctx.clock.now() < end:
            ctx.clock.advance(STEP)
            step += 1
            if step % 4 == 0:  # every 4 hours a manager adds two tasks
                with ctx.db.session() as s:
                    for _ in range(2):
                        remind = ctx.clock.now() + timedelta(minutes=rng.randint(1, 600))
                        task_ops.create_task(s, title=f"跟进 {step}", remind_at=remind,
                                             due_at=remind + timedelta(hours=1))
                    s.commit()
                ctx.announce(frozenset({"tasks"}))
            service.scheduler.watch_now()  # the watchdog: new day, clock jump
            service.scheduler.check_now()  # the timer's slot
            service.notifier.popup.hide()
            qapp.processEvents()
            if step == 24:  # after the first day: everything lazily built is built
                gc.collect()
                baseline = _rss()
                heap0 = tracemalloc.get_traced_memory()[0] if trace else 0
        gc.collect()
        final = _rss()
        heap = tracemalloc.get_traced_memory()[0] - heap0 if trace else 0
    finally:
        if trace:
            tracemalloc.stop()
        service.shutdown()
    with ctx.db.engine.connect() as conn:
        due = conn.execute(text(
            "SELECT id, COALESCE(snoozed_until, remind_at) FROM tasks "
            "WHERE remind_at IS NOT NULL AND done_at IS NULL")).all()
    expected = {tid for tid, when in due
                if start < datetime.fromisoformat(str(when)) <= ctx.clock.now()}
    counts = Counter(tid for tid, _ in fired)
    doubled = {tid: n for tid, n in counts.items() if n > 1}
    assert not doubled, f"reminders shown twice: {doubled}"
    missed = expected - set(counts)
    assert not missed, f"reminders never shown: {sorted(missed)}"
    due_at = {tid: datetime.fromisoformat(str(when)) for tid, when in due}
    for tid, shown in fired:
        if tid in due_at and due_at[tid] > start:
            assert due_at[tid] <= shown <= due_at[tid] + STEP, (tid, due_at[tid], shown)
    assert baseline is not None
    figures = {"steps": step, "reminders": len(expected), "shown": len(fired),
               "baseline_kb": baseline / 1024, "final_kb": final / 1024,
               "growth_kb": (final - baseline) / 1024, "python_heap_growth_kb": heap / 1024}
    print("soak figures:", figures)
    if check_memory:
        assert final - baseline < GROWTH_BOUND, figures
    return figures


def test_soak_three_days(demo_ctx, make_window, qapp):
    # Memory is measured and printed here; the bound is asserted by the 30-day run
    # (today the scheduler's re-arm grows resident memory ~170-350 KB per call — see
    # the #14 item 9 report — so that run fails until it is fixed).
    figures = _soak(demo_ctx, make_window, qapp, days=3, trace=False, check_memory=False)
    assert figures["reminders"] > 0


@pytest.mark.slow
def test_soak_thirty_days(demo_ctx, make_window, qapp):
    figures = _soak(demo_ctx, make_window, qapp, days=30, trace=True, check_memory=True)
    assert figures["reminders"] > 0
