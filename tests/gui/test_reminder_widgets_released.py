"""Reminders firing hour after hour leave no widget behind (#14 item 9, the soak's leak).

Every reminder shown replaces rows in the pop-up, the bell's list and Today's cards; the
old rows go by ``deleteLater()``, which Qt carries out when control returns to the event
loop. Driven the way the app runs (each step ends with an event-loop turn), the number
of live widgets stays flat however many reminders fire; a row kept per reminder (parented
and never deleted, or held in a list) would make it climb by dozens a day.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops


def _turn(qapp) -> None:
    qapp.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _widgets_by_class(service) -> dict[str, int]:
    """Live widgets, less the bell's list content: that list keeps this session's
    reminders by design (until done or snoozed; at most 50 drawn per group)."""
    listed = {id(w) for w in service.panel.content.findChildren(QWidget)}
    counts: dict[str, int] = {}
    for w in QApplication.allWidgets():
        if id(w) in listed:
            continue
        name = type(w).__name__
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_hourly_reminders_leave_no_widgets_behind(qapp, ctx, make_window):
    from kamdesk.ui.reminders import install_reminders
    from kamdesk.ui.reminders.notifications import MAX_ROWS_PER_GROUP
    from kamdesk.ui.reminders.notifier import ReminderRowWidget

    with ctx.db.session() as s:
        customer_id = customer_ops.create_customer(s, name="华星科技").id
        s.commit()
    window = make_window(ctx)
    service = install_reminders(window, ctx)
    fired: list[int] = []
    service.scheduler.fired.connect(lambda rows: fired.extend(r.task_id for r in rows))

    def hour() -> None:
        with ctx.db.session() as s:
            remind = ctx.clock.now() + timedelta(minutes=20)
            task_ops.create_task(s, title="回访", remind_at=remind, customer_id=customer_id,
                                 due_at=remind + timedelta(hours=1))
            s.commit()
        ctx.announce(frozenset({"tasks"}))
        ctx.clock.advance(timedelta(hours=1))
        service.scheduler.watch_now()
        service.scheduler.check_now()
        service.panel.popup_under(service.bell)  # the bell's list rebuilt too
        service.panel.hide()
        _turn(qapp)

    try:
        for _ in range(12):
            hour()
        before = _widgets_by_class(service)
        for _ in range(36):
            hour()
        after = _widgets_by_class(service)
        listed = len(service.panel.row_widgets())
    finally:
        service.shutdown()
    assert len(fired) == 48
    grown = {k: after.get(k, 0) - before.get(k, 0) for k in after
             if after.get(k, 0) > before.get(k, 0)}
    # Today's task card may show a few more rows as tasks accumulate (it folds at a
    # handful); a leak would add rows for every one of the 36 reminders.
    assert sum(grown.values()) <= 20, grown
    assert after.get(ReminderRowWidget.__name__, 0) <= 3  # the pop-up's rows only
    assert listed == min(48, MAX_ROWS_PER_GROUP)  # the list: one row per reminder, capped
