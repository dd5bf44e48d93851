"""Entering orders by hand, as a user does: through the real order dialog from the
profile's Orders tab and from the main window's New order action; the profile header,
the Orders tab and the customer list's 12-month revenue follow at once; a delete asks,
and Ctrl+Z puts the order back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.orders import add_order
from kamdesk.store.queries.orders import customer_orders

TODAY = date(2026, 11, 23)


@pytest.fixture
def answer(monkeypatch):
    """Stand-in for QMessageBox.question: records the titles, returns ``answer.reply``."""

    class Answer:
        reply = QMessageBox.StandardButton.Yes
        calls: list[str] = []

        def __call__(self, _parent, title, *_args, **_kw):
            self.calls.append(title)
            return self.reply

    a = Answer()
    a.calls = []
    monkeypatch.setattr(QMessageBox, "question", a)
    return a


def _silent_customer(ctx, name="远航物流", **kw) -> int:
    """A customer last heard of in May: silent by today."""
    cid = ctx.db.write(create_customer, name=name, **kw).value
    ctx.db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 5, 1, 10),
                 channel="phone", topic="回访", now=datetime(2026, 5, 1, 10))
    with ctx.db.engine.begin() as conn:
        recompute_metrics(conn, TODAY)
    return cid


def _fill(qtbot, dlg, amount: str, product: str = "冷链", invoice: str = "FP-001") -> None:
    dlg.product_combo.setEditText(product)
    dlg.quantity_edit.setText("3")
    dlg.amount_edit.clear()
    if amount.isascii():
        qtbot.keyClicks(dlg.amount_edit, amount)
    else:  # what an input method commits (QTest types ASCII only)
        dlg.amount_edit.insert(amount)
    dlg.invoice_edit.setText(invoice)


def test_enter_an_order_from_the_profile_and_everything_follows(qtbot, ctx, make_window,
                                                                answer):
    cid = _silent_customer(ctx)
    window = make_window(ctx)
    window.show_customer(cid)
    profile = window.screen("profile")
    assert profile.header.activity_badge.text() == "Silent"
    profile.tabs.setCurrentWidget(profile.orders)
    tab = profile.orders
    assert tab.summary.text() == "No orders recorded yet."

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert dlg.isVisible() and dlg.customer.customer_id == cid
    assert dlg.date_field.text() == "2026-11-23"
    _fill(qtbot, dlg, "12.5万")
    assert dlg.amount_hint.text() == "= ¥125,000.00"
    qtbot.keyClick(dlg.amount_edit, Qt.Key.Key_Return)   # Enter saves
    assert not dlg.isVisible()
    assert answer.calls == []                            # no limit, nothing to ask

    rows = tab.model.rows()
    assert [(r.amount_cents, r.product_line, r.quantity, r.invoice_no) for r in rows] == [
        (125_000_00, "冷链", 3, "FP-001")]
    assert "total ¥125,000.00" in tab.summary.text()
    assert profile.header.activity_badge.text() == "Active"  # the header followed
    window.show_screen("customers")
    listing = window.customers
    row = next(r for r in (listing.model.row_at(i) for i in range(listing.model.rowCount()))
               if r.id == cid)
    assert row.revenue_12m_cents == 125_000_00


def test_bad_amount_and_zero_are_explained_in_the_dialog(qtbot, ctx, answer):
    from kamdesk.ui.dialogs.order_dialog import OrderDialog

    cid = ctx.db.write(create_customer, name="远航物流").value
    dlg = OrderDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    _fill(qtbot, dlg, "1,2,3万")
    assert dlg.amount_hint.text() == "Not an amount I can read exactly"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.error_label.text() == "Amount: This is not a valid number or amount."
    _fill(qtbot, dlg, "0")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "must be more than zero" in dlg.error_label.text()
    dlg.date_field.set_date(date(2028, 1, 1))
    _fill(qtbot, dlg, "100")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.error_label.text() == "Date: The date is more than a year ahead."
    assert ctx.db.read(customer_orders, cid).rows == ()


def test_over_the_credit_limit_asks_first(qtbot, ctx, answer):
    from kamdesk.ui.dialogs.order_dialog import OrderDialog

    cid = ctx.db.write(create_customer, name="远航物流", credit_limit_cents=100_000_00).value
    ctx.db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=90_000_00,
                 today=TODAY)
    dlg = OrderDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    _fill(qtbot, dlg, "2万")
    answer.reply = QMessageBox.StandardButton.No
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert answer.calls == ["Over the credit limit"] and dlg.isVisible()
    assert ctx.db.read(customer_orders, cid).count == 1
    answer.reply = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert ctx.db.read(customer_orders, cid).total_cents == 110_000_00


def test_new_order_from_the_main_window_asks_for_the_customer(qtbot, ctx, make_window, answer):
    cid = ctx.db.write(create_customer, name="远航物流").value
    window = make_window(ctx)
    window.show_screen("today")
    assert window.new_order_action in window.findChild(type(window.menuBar()))\
        .actions()[1].menu().actions()
    window.new_order_action.trigger()
    from kamdesk.ui.dialogs.order_dialog import OrderDialog

    dlg = window.findChild(OrderDialog)
    assert dlg is not None and dlg.customer.customer_id is None
    qtbot.keyClicks(dlg.customer, "yhwl")  # pinyin initials of 远航物流
    qtbot.keyClick(dlg.customer, Qt.Key.Key_Return)
    assert dlg.customer.customer_id == cid
    _fill(qtbot, dlg, "￥1,234.50")
    dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData("return"))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    book = ctx.db.read(customer_orders, cid)
    assert [(r.kind, r.amount_cents) for r in book.rows] == [("return", -1_234_50)]


def test_edit_an_order(qtbot, ctx, make_window, answer):
    cid = ctx.db.write(create_customer, name="远航物流").value
    tid = ctx.db.write(add_order, customer_id=cid, occurred_on=TODAY, amount_cents=500_00,
                       today=TODAY).value
    window = make_window(ctx)
    window.show_customer(cid)
    profile = window.screen("profile")
    profile.tabs.setCurrentWidget(profile.orders)
    tab = profile.orders
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert dlg.amount_edit.text() == "500"
    dlg.amount_edit.setText("750.5")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert [(r.id, r.amount_cents) for r in tab.model.rows()] == [(tid, 750_50)]


def test_delete_asks_and_ctrl_z_brings_the_order_back(qtbot, ctx, make_window, answer):
    cid = ctx.db.write(create_customer, name="远航物流").value
    for day, cents in ((date(2026, 10, 1), 100_00), (date(2026, 11, 1), 200_00)):
        ctx.db.write(add_order, customer_id=cid, occurred_on=day, amount_cents=cents,
                     invoice_no=f"F{cents}", today=TODAY)
    window = make_window(ctx)
    window.show_customer(cid)
    profile = window.screen("profile")
    profile.tabs.setCurrentWidget(profile.orders)
    tab = profile.orders
    tab.table.setFocus()
    tab.table.selectRow(0)
    deleted = tab.model.rows()[0]

    answer.reply = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2
    answer.reply = QMessageBox.StandardButton.Yes
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert answer.calls == ["Delete order", "Delete order"]
    assert [r.amount_cents for r in tab.model.rows()] == [100_00]
    assert tab.undo_button.isEnabled()

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in tab.model.rows()][0] == deleted.id
    assert tab.model.rows()[0].invoice_no == "F20000"
    assert not tab.undo_button.isEnabled()
