"""After a change, the Calendar reads again only the sources whose tables changed: a
task logged re-reads the month's tasks, not its key dates and renewals; a change to a
key date re-reads those. What is shown is what a fresh read shows."""

from __future__ import annotations

from datetime import datetime

from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.queries import calendar as cq
from kamdesk.ui.ops import run_op


def _reads(monkeypatch):
    calls: list[str] = []
    for name in ("task_entries", "key_date_entries", "renewal_entries"):
        real = getattr(cq, name)

        def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(_name)
            return _real(*args, **kwargs)
        monkeypatch.setattr(cq, name, spy)
    return calls


def test_a_task_change_rereads_tasks_only(qtbot, demo_ctx, make_window, monkeypatch):
    w = make_window(demo_ctx)
    w.show_screen("calendar")
    screen = w.screen("calendar")
    screen.prefetch.enabled = False  # no background reads of the neighbouring months
    screen.prefetch.clear()
    screen.refresh(force=True)
    assert screen.entries()
    calls = _reads(monkeypatch)
    assert run_op(demo_ctx, task_ops.create_task, title="Fresh call", kind="call",
                  due_at=datetime(2026, 11, 23, 15, 0)) is not None
    qtbot.waitUntil(lambda: "Fresh call" in [e.title for e in screen.entries()])
    assert calls == ["task_entries"]
    key, kwargs = screen._page_request(screen._anchor, screen._selected)
    fresh = demo_ctx.db.read(cq.calendar_page, **kwargs)
    assert [e.key for e in screen.entries()] == \
        [e.key for e in cq.grid_page(fresh, 8).entries]
    # a change to key dates reads them again (and what else reads those tables)
    calls.clear()
    demo_ctx.announce({"key_dates"})
    qtbot.waitUntil(lambda: bool(calls))
    assert calls == ["key_date_entries"]
