"""The profile's History tab: newest first, worded in the UI language, filtered by kind
of record, and a field change reverted (or refused when stale) from the tab."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from kamdesk.store.ops import customers, orders
from kamdesk.ui.profile.screen import ProfileScreen

TODAY = date(2026, 11, 23)


def _screen(qtbot, ctx, cid):
    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.history)
    return screen, screen.history


def _cells(tab, row):
    m = tab.model
    return [m.data(m.index(row, c)) for c in range(m.columnCount())]


def _select(tab, field):
    for i, e in enumerate(tab.model.rows()):
        if e.field == field:
            tab.table.selectRow(i)
            return e
    raise AssertionError(field)


def test_history_shows_newest_first_worded_and_filtered(qtbot, ctx):
    ctx.settings.setValue("user/name", "李明")
    cid = ctx.db.write(customers.create_customer, name="华东电网", potential="high").value
    ctx.db.write(orders.add_order, customer_id=cid, occurred_on=TODAY, amount_cents=10_000,
                 today=TODAY)
    screen, tab = _screen(qtbot, ctx, cid)
    from kamdesk.ui.ops import run_op

    run_op(ctx, customers.update_customer, cid, potential="low")
    rows = tab.model.rows()
    assert [e.action for e in rows] == ["update", "insert", "insert"]  # refreshed, newest first
    first = _cells(tab, 0)
    assert first[1] == "李明" and first[3:] == ["Changed", "Potential", "High potential", "Low potential"]
    assert _cells(tab, 1)[2].startswith("Order #")
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("trades"))
    assert [e.table_name for e in tab.model.rows()] == ["trades"]
    assert tab.count_label.text() == "1 change"


def test_revert_from_the_tab_and_refuse_when_stale(qtbot, ctx, monkeypatch):
    cid = ctx.db.write(customers.create_customer, name="甲公司", owner="王芳").value
    ctx.db.write(customers.update_customer, cid, owner="李明")
    screen, tab = _screen(qtbot, ctx, cid)
    _select(tab, "owner")
    assert tab.revert_button.isEnabled()
    tab.table.selectRow(len(tab.model.rows()) - 1)  # the creation: not revertible
    assert not tab.revert_button.isEnabled()
    change = _select(tab, "owner")
    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT owner FROM customers WHERE id = ?",
                                    (cid,)).scalar() == "王芳"
    assert tab.model.rows()[0].new_value == "王芳"  # the revert is in the history too
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    for i, e in enumerate(tab.model.rows()):
        if e.id == change.id:
            tab.table.selectRow(i)
    tab.revert()
    assert warned and "changed again" in warned[0]


def test_history_tab_in_chinese(qtbot, db, tmp_path):
    from kamdesk.clock import FixedClock
    from kamdesk.ui.context import AppContext

    settings = QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat)
    zh = AppContext(db, FixedClock(datetime(2026, 11, 23, 10)), "zh_CN", settings)
    cid = db.write(customers.create_customer, name="微众科技", status="prospect").value
    db.write(customers.update_customer, cid, status="active", credit_limit_cents=50_000_000)
    _screen_, tab = _screen(qtbot, zh, cid)
    texts = {tuple(_cells(tab, i)[3:]) for i in range(len(tab.model.rows()))}
    assert ("修改", "状态", "潜在客户", "合作中") in texts or any(
        t[:2] == ("修改", "状态") for t in texts)
    assert ("修改", "信用额度", "", "500000.00") in texts
    assert tab.kind_filter.itemText(1) == "客户"
