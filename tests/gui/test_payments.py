"""Payments through the real dialog: the profile's Payments tab, the header's credit flag,
the customer list's "Credit used" column and filter, and Today's credit card follow."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.metrics import recompute_all_metrics
from kamdesk.store.ops.orders import NewOrder, add_orders
from kamdesk.ui.customers.model import COL


@pytest.fixture
def answer(monkeypatch):
    calls: list[str] = []

    def question(_parent, title, *_a, **_k):
        calls.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return calls


def _book(ctx) -> int:
    """A customer with a 10,000 yuan limit owing 9,000 (90 %: amber) on two orders."""
    cid = ctx.db.write(create_customer, name="远航物流", credit_limit_cents=10_000_00,
                       credit_rating="B").value
    ctx.db.write(add_orders, [NewOrder(cid, date(2026, 7, 1), 4_000_00),
                              NewOrder(cid, date(2026, 11, 10), 5_000_00)])
    # Bulk-added orders (the importer's op) leave the figures to the caller's recompute.
    ctx.db.write(recompute_all_metrics, ctx.clock.today())
    return cid


def _list_cell(window, cid):
    model = window.customers.model
    for row in range(model.rowCount()):
        if model.customer_id(row) == cid:
            return model.index(row, COL["credit"]).data()
    return None


def test_recording_a_payment_updates_header_list_and_today(qtbot, ctx, make_window, answer):
    from kamdesk.ui.dialogs.payment_dialog import PaymentDialog

    cid = _book(ctx)
    w = make_window(ctx)
    w.show_screen("today")
    today = w.screen("today")
    assert [r.customer_id for r in today.listing("credit").rows] == [cid]
    w.show_screen("customers")
    assert _list_cell(w, cid) == "90 %"
    w.customers.credit.setChecked(True)
    assert w.customers.model.rowCount() == 1

    w.show_customer(cid)
    profile = w.screen("profile")
    flag = profile.header.credit_label
    assert flag.isVisible() and flag.property("level") == "amber"
    assert "90 %" in flag.text() and "Credit B" in flag.text()
    profile.tabs.setCurrentWidget(profile.payments)
    tab = profile.payments
    assert tab.data.ageing.cents == (5_000_00, 0, 0, 4_000_00)

    # Too much is refused in words, and nothing is saved.
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, PaymentDialog)
    assert "9,000.00" in dlg.owed_label.text()
    dlg.amount_edit.clear()
    qtbot.keyClicks(dlg.amount_edit, "9500")
    qtbot.keyClick(dlg.amount_edit, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert "more than the customer owes" in dlg.error_label.text()
    assert tab.model.rowCount() == 0

    # 5,000 yuan, no order named: settles the July order and 1,000 of November.
    dlg.amount_edit.clear()
    qtbot.keyClicks(dlg.amount_edit, "5000")
    qtbot.keyClicks(dlg.reference_edit, "HX-001")
    qtbot.keyClick(dlg.amount_edit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    assert tab.model.rowCount() == 1
    assert tab.data.ageing.cents == (4_000_00, 0, 0, 0)
    assert flag.property("level") == "ok" and "40 %" in flag.text()

    w.show_screen("customers")
    assert _list_cell(w, cid) is None           # filtered out: no longer near the limit
    w.customers.credit.setChecked(False)
    assert _list_cell(w, cid) == "40 %"
    w.show_screen("today")
    assert today.listing("credit").total == 0

    # Delete it and take it back with Ctrl+Z.
    w.show_customer(cid)
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert answer == ["Delete payment"]
    assert tab.model.rowCount() == 0 and flag.property("level") == "amber"
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 1 and flag.property("level") == "ok"


def test_payment_dialog_offers_only_unpaid_orders_and_names_one(qtbot, ctx):
    from kamdesk.ui.dialogs.payment_dialog import PaymentDialog

    cid = _book(ctx)
    dlg = PaymentDialog(ctx, cid)
    qtbot.addWidget(dlg)
    assert dlg.order_combo.count() == 3        # none + the two open orders
    dlg.order_combo.setCurrentIndex(2)          # the November order
    dlg.amount_edit.setText("￥1,200.00")  # (QTest types Latin-1 only)
    dlg.accept()
    assert dlg.result() == PaymentDialog.DialogCode.Accepted and dlg.saved_id
    again = PaymentDialog(ctx, cid)
    qtbot.addWidget(again)
    texts = [again.order_combo.itemText(i) for i in range(again.order_combo.count())]
    assert len(texts) == 3
    assert "4,000.00 unpaid" in texts[1] and "3,800.00 unpaid" in texts[2]
    assert "7,800.00" in again.owed_label.text()


def test_over_limit_is_red_in_the_header_and_over_a_year_ahead_is_refused(qtbot, ctx):
    from kamdesk.ui.dialogs.payment_dialog import PaymentDialog
    from kamdesk.ui.profile.screen import ProfileScreen

    cid = ctx.db.write(create_customer, name="华东机电", credit_limit_cents=1_000_00).value
    ctx.db.write(add_orders, [NewOrder(cid, date(2026, 11, 1), 1_500_00)])
    ctx.db.write(recompute_all_metrics, ctx.clock.today())
    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.load(cid)
    flag = screen.header.credit_label
    assert flag.property("level") == "red" and "over limit" in flag.text()

    dlg = PaymentDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.date_field.set_date(date(2028, 1, 1))
    qtbot.keyClicks(dlg.amount_edit, "100")
    dlg.accept()
    assert "more than a year ahead" in dlg.error_label.text()
    dlg.date_field.set_date(date(2026, 11, 23))
    dlg.amount_edit.setText("0")
    dlg.accept()
    assert "above zero" in dlg.error_label.text()
