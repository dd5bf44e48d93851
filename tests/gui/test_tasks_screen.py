"""The Tasks screen: Today's "See all" lists exactly the badge's tasks; bulk done
(with undo) and bulk reassign on a multi-selection; the first start does not pop up
"missed while closed"."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.tasks import create_task
from kamdesk.store.queries.tasks import TaskQuery, count_tasks

NOW = datetime(2026, 11, 23, 10, 0)


def _book(db):
    cid = db.write(create_customer, name="远航物流").value
    for i in range(4):
        db.write(create_task, title=f"my task {i}", customer_id=cid,
                 due_at=NOW - timedelta(days=i))
    db.write(create_task, title="call later", customer_id=cid, due_at=NOW + timedelta(days=20))
    # generated reminders have cards of their own: not on the commitments card
    db.write(create_task, title="greeting", customer_id=cid, source="key_date",
             due_at=NOW - timedelta(days=1))
    return cid


def _select_all(screen):
    sel = screen.table.selectionModel()
    model = screen.model
    for row in range(model.rowCount()):
        sel.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_today_orders_commitments_and_see_all_has_the_same_count(ctx, make_window, qtbot):
    _book(ctx.db)
    window = make_window(ctx)
    window.show_screen("today")
    today = window.screen("today")
    today.refresh()
    assert today.tasks_card.count.text() == "4"
    titles = [r.objectName() for r in today.tasks_card.rows()]
    assert len(titles) == 4
    tasks = today.see_all_tasks()
    assert tasks is not None and window.stack.currentWidget() is tasks
    assert tasks.model.rowCount() == 4
    assert "4" in tasks.count_label.text()


def test_bulk_done_with_undo_and_bulk_reassign(ctx, make_window, qtbot):
    _book(ctx.db)
    window = make_window(ctx)
    window.show_screen("tasks")
    screen = window.screen("tasks")
    screen.show_query(TaskQuery(state="open"))
    assert screen.model.rowCount() == 6
    _select_all(screen)
    screen.reassign("王强")
    assert ctx.db.read(count_tasks, TaskQuery(state="all", owner="王强"), NOW) == 6
    _select_all(screen)
    assert len(screen.selected_ids()) == 6
    screen.mark_done()
    assert screen.model.rowCount() == 0
    assert ctx.db.read(count_tasks, TaskQuery(state="done"), NOW) == 6
    screen.undo()
    assert screen.model.rowCount() == 6


def test_first_start_has_no_missed_while_closed_popup(ctx, make_window, qtbot):
    from kamdesk.ui.reminders.service import install_reminders

    cid = ctx.db.write(create_customer, name="华信").value
    for i in range(5):
        ctx.db.write(create_task, title=f"r{i}", customer_id=cid,
                     remind_at=NOW - timedelta(days=i + 1))
    window = make_window(ctx)
    service = install_reminders(window, ctx, use_tray=False)
    # nothing listed as missed while closed: the book was never closed; the one of
    # the last day rings as due now, the older ones are only on Today
    assert [n.missed for n in service.center.notices()] == [False]
    assert [r.title for r in service.notifier.popup.rows] == ["r0"]
    assert "Missed" not in service.notifier.popup.header.text()


def test_an_empty_list_says_why(ctx, make_window, qtbot):
    # An empty book: a sentence on where tasks come from, not a blank table; a filter
    # that finds nothing says so instead.
    window = make_window(ctx)
    window.show_screen("tasks")
    screen = window.screen("tasks")
    assert screen.table.isHidden() and screen.empty_label.isVisible()
    assert screen.empty_label.text().startswith("No open tasks.")
    _book(ctx.db)
    screen.apply_filters()
    assert screen.model.rowCount() == 6
    assert screen.table.isVisible() and screen.empty_label.isHidden()
    screen.kind.setCurrentIndex(screen.kind.findText("Visit"))
    assert screen.model.rowCount() == 0
    assert screen.empty_label.text() == "No tasks match these filters."
    assert screen.empty_label.isVisible()
