"""The Calendar screen on the demo book and on an empty one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.models import KeyDate, Task

TODAY = date(2026, 11, 23)


def _screen(window):
    window.show_screen("calendar")
    return window.screen("calendar")


def _empty_point(grid, day):
    """A point inside the day's cell below its chips."""
    rect = grid.cell_rect(day)
    return QPoint(rect.center().x(), rect.bottom() - 3)


def test_month_and_week_show_demo_items(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    screen = _screen(w)
    screen.set_view("month")
    qtbot.waitUntil(lambda: bool(screen.entries()))
    first, last, weeks, month = screen.visible_range()
    assert (first, last, weeks, month) == (date(2026, 10, 26), date(2026, 12, 6), 6, 11)
    assert screen.title.text() == "November 2026"
    kinds = {e.kind for e in screen.entries()}
    assert {"task", "key_date", "renewal"} <= kinds
    assert all(first <= e.day <= last for e in screen.entries())
    # today is selected, and its full list is in the day panel
    assert screen.grid._selected == TODAY
    assert screen.day_list.count() == len(screen.day_entries()) > 0

    screen.set_view("week")
    first, last, weeks, _ = screen.visible_range()
    assert (first, last, weeks) == (date(2026, 11, 23), date(2026, 11, 29), 1)
    assert screen.entries() and all(first <= e.day <= last for e in screen.entries())
    assert screen.title.text() == "23 – 29 November 2026"
    # something was painted as a chip in week mode
    screen.grid.repaint()
    assert any(not screen.grid.entry_rect(e.key).isEmpty() for e in screen.entries())

    screen.step(1)
    assert screen.visible_range()[0] == date(2026, 11, 30)
    screen.go_today()
    assert screen.visible_range()[0] == date(2026, 11, 23)


def test_kind_filter_and_lunar_toggle(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    screen = _screen(w)
    screen.set_view("month")
    assert any(e.kind == "key_date" for e in screen.entries())
    screen.kind_buttons["key_date"].click()
    assert not any(e.kind == "key_date" for e in screen.entries())
    assert demo_ctx.settings.value("calendar/kinds")
    screen.kind_buttons["key_date"].click()
    assert any(e.kind == "key_date" for e in screen.entries())

    screen.lunar.setChecked(True)
    screen.go_to(date(2026, 9, 25))  # 中秋 2026
    screen.grid.repaint()
    text, festival = screen.grid._lunar_label(date(2026, 9, 25))
    assert festival and text == "Mid-Autumn"
    assert any(e.kind == "festival" and e.subkind == "mid_autumn" for e in screen.entries())


def test_customer_filter(qtbot, ctx, make_window):
    with ctx.db.session() as s:
        a = customer_ops.create_customer(s, name="华星科技")
        b = customer_ops.create_customer(s, name="中国移动")
        for cid, title in ((a.id, "拜访华星"), (b.id, "回访移动")):
            task_ops.create_task(s, title=title, customer_id=cid,
                                 due_at=datetime(2026, 11, 24, 10, 0))
        s.commit()
        a_id = a.id
    w = make_window(ctx)
    screen = _screen(w)
    assert {e.title for e in screen.entries()} == {"拜访华星", "回访移动"}
    screen.customer.set_customer_id(a_id)
    assert {e.title for e in screen.entries()} == {"拜访华星"}
    assert screen.current_customer_id() == a_id
    screen.customer.clear()
    assert {e.title for e in screen.entries()} == {"拜访华星", "回访移动"}


def test_double_click_on_empty_day_creates_a_task(qtbot, ctx, make_window):
    with ctx.db.session() as s:
        customer_ops.create_customer(s, name="华星科技")
        s.commit()
    w = make_window(ctx)
    screen = _screen(w)
    screen.set_view("month")
    day = date(2026, 11, 26)
    grid = screen.grid
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=_empty_point(grid, day))
    dlg = screen.task_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.due_at().date() == day
    qtbot.keyClicks(dlg.title, "Visit Huaxing")  # QTest types ASCII only
    dlg.kind.setCurrentIndex(dlg.kind.findData("visit"))
    screen.task_dialog.customer.set_customer_id(1)
    qtbot.keyClick(dlg.title, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    with ctx.db.session() as s:
        task = s.scalars(select(Task)).one()
    assert (task.title, task.kind, task.customer_id) == ("Visit Huaxing", "visit", 1)
    assert task.due_at == datetime(2026, 11, 26, 9, 0)
    assert task.remind_at == datetime(2026, 11, 26, 8, 45)
    qtbot.waitUntil(lambda: any(e.task_id == task.id for e in screen.entries()))
    entry = next(e for e in screen.entries() if e.task_id == task.id)
    assert entry.kind == "visit" and entry.day == day
    assert not grid.entry_rect(entry.key).isEmpty()


def test_new_task_dialog_asks_before_discarding(qtbot, ctx, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = make_window(ctx)
    screen = _screen(w)
    dlg = screen.create_task(date(2026, 11, 27))
    qtbot.keyClicks(dlg.title, "Send white paper")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    dlg.reject()
    assert asked and dlg.isVisible()
    dlg.title.clear()
    dlg.save()
    assert dlg.isVisible() and dlg.error.isVisible()


def test_move_to_reschedules_a_task(qtbot, ctx, make_window):
    with ctx.db.session() as s:
        t = task_ops.create_task(s, title="回访王总", due_at=datetime(2026, 11, 24, 14, 30),
                                 remind_at=datetime(2026, 11, 24, 14, 0))
        s.commit()
        tid = t.value
    w = make_window(ctx)
    screen = _screen(w)
    entry = next(e for e in screen.entries() if e.task_id == tid)
    screen.ask_date = lambda parent, initial, title: date(2026, 11, 27)
    actions = {a.objectName(): a for a in screen.entry_actions(entry)}
    actions["actionMoveTo"].trigger()
    with ctx.db.session() as s:
        t = s.get(Task, tid)
        assert t.due_at == datetime(2026, 11, 27, 14, 30)
        assert t.remind_at == datetime(2026, 11, 27, 14, 0)
    qtbot.waitUntil(lambda: any(e.task_id == tid and e.day == date(2026, 11, 27)
                                for e in screen.entries()))

    # the drop handler the drag-and-drop ends in
    screen.grid.task_dropped.emit(tid, date(2026, 11, 30))
    with ctx.db.session() as s:
        assert s.get(Task, tid).due_at == datetime(2026, 11, 30, 14, 30)

    # key dates have no "Move to…"; they are changed on the customer
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name="华星科技")
        s.add(KeyDate(customer_id=c.id, kind="birthday", title="王总生日", calendar="solar",
                      month=11, day=25))
        s.commit()
    ctx.announce({"key_dates"})
    qtbot.waitUntil(lambda: any(e.kind == "key_date" for e in screen.entries()))
    kd = next(e for e in screen.entries() if e.kind == "key_date")
    names = {a.objectName() for a in screen.entry_actions(kd)}
    assert "actionMoveTo" not in names and "actionOpenCustomer" in names


def test_click_opens_task_and_key_date_opens_customer(qtbot, ctx, make_window):
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name="华星科技")
        s.add(KeyDate(customer_id=c.id, kind="birthday", title="王总生日", calendar="solar",
                      month=11, day=25))
        t = task_ops.create_task(s, title="回访王总", due_at=datetime(2026, 11, 24, 9, 0),
                                 customer_id=c.id)
        s.commit()
        cid, tid = c.id, t.value
    w = make_window(ctx)
    screen = _screen(w)
    screen.set_view("month")
    screen.grid.repaint()
    opened = []
    ctx.open_customer.connect(opened.append)
    kd = next(e for e in screen.entries() if e.kind == "key_date")
    qtbot.mouseClick(screen.grid, Qt.MouseButton.LeftButton,
                     pos=screen.grid.entry_rect(kd.key).center())
    assert opened == [cid]
    task_entry = next(e for e in screen.entries() if e.task_id == tid)
    qtbot.mouseClick(screen.grid, Qt.MouseButton.LeftButton,
                     pos=screen.grid.entry_rect(task_entry.key).center())
    dlg = screen.task_dialog
    assert dlg is not None and dlg.task_id == tid and dlg.title.text() == "回访王总"
    dlg.done_button.click()
    with ctx.db.session() as s:
        assert s.get(Task, tid).done_at is not None


def test_export_ics(qtbot, demo_ctx, make_window, tmp_path):
    import vobject

    w = make_window(demo_ctx)
    screen = _screen(w)
    target = tmp_path / "out.ics"
    screen.ask_save_path = lambda suggested: str(target)
    assert screen.export_ical(False) == target
    cal = next(vobject.readComponents(target.read_text(encoding="utf-8")))
    uids = [c.uid.value for c in list(cal.vevent_list) + list(getattr(cal, "vtodo_list", []))]
    assert uids and len(uids) == len(set(uids))
    assert all(u.endswith("@kamdesk") for u in uids)
    assert TODAY - timedelta(days=31) < screen.ctx.clock.today()
