"""The Products tab (whitespace), the product lines editor in Settings and the order KPI
tiles on the Reports screen, driven through the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import factories as customer_ops
from kamdesk.store.models import Transaction
from kamdesk.store.ops.settings import save_product_lines
from kamdesk.store.queries.settings import stored_product_lines


def _customer_with_orders(ctx) -> int:
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name="渗透客户")
        s.add_all([
            Transaction(customer_id=c.id, occurred_on=date(2026, 9, 1), amount_cents=300_00,
                        product_line="耗材"),
            Transaction(customer_id=c.id, occurred_on=date(2025, 6, 1), amount_cents=120_00,
                        product_line="定制件"),
            Transaction(customer_id=c.id, occurred_on=date(2026, 8, 1), amount_cents=50_00,
                        product_line="旧型号"),
        ])
        s.commit()
        return c.id


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    """A dialog closed at teardown with edits asks first: answer Discard, never block."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def profile(qtbot, ctx):
    from kamdesk.ui.profile.screen import ProfileScreen

    s = ProfileScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    s.show()
    qtbot.waitExposed(s)
    return s


def _products_tab(profile):
    tab = profile.findChild(object, "productsTab")
    assert tab is not None
    profile.tabs.setCurrentWidget(tab)
    return tab


def test_products_tab_marks_the_lines_not_bought_as_opportunities(qtbot, ctx, profile):
    cid = _customer_with_orders(ctx)
    ctx.db.write(save_product_lines, ["耗材", "定制件", "服务包"])
    profile.load(cid)
    tab = _products_tab(profile)
    rows = tab.model.rows()
    assert [g.figures.product_line for g in rows] == ["耗材", "定制件", "服务包", "旧型号"]
    model = tab.model
    status = [model.index(i, 5).data() for i in range(model.rowCount())]
    assert status == ["Buying", "Lapsed (bought before)", "Opportunity (not bought)",
                      "Not on your product list"]
    assert model.index(0, 1).data() == "¥300.00" and model.index(2, 1).data() == ""
    assert "Buys 1 of 3 product lines" in tab.summary.text()
    assert "服务包" in tab.opportunities.text() and "定制件" in tab.opportunities.text()
    assert tab.source.isHidden()


def test_products_tab_follows_a_new_order_and_a_new_list(qtbot, ctx, profile):
    from kamdesk.store.ops.changes import Changes

    cid = _customer_with_orders(ctx)
    profile.load(cid)
    tab = _products_tab(profile)
    # no list kept: the orders book's lines stand in, and the tab says so
    assert {g.figures.product_line for g in tab.model.rows()} == {"耗材", "定制件", "旧型号"}
    assert not tab.source.isHidden()
    changes = ctx.db.write(save_product_lines, ["耗材", "服务包"])
    ctx.changed.emit(changes)
    qtbot.waitUntil(lambda: [g.figures.product_line for g in tab.model.rows()][:2]
                    == ["耗材", "服务包"])
    with ctx.db.session() as s:
        s.add(Transaction(customer_id=cid, occurred_on=date(2026, 11, 1), amount_cents=10_00,
                          product_line="服务包"))
        s.commit()
    ctx.changed.emit(Changes.of("trades"))
    qtbot.waitUntil(lambda: tab.model.rows()[1].figures.status == "buying")


def test_settings_edits_the_product_lines(qtbot, ctx, monkeypatch):
    from kamdesk.ui.settings_dialog import SettingsDialog

    _customer_with_orders(ctx)
    dlg = SettingsDialog(ctx, page="products")
    qtbot.addWidget(dlg)
    dlg.show()
    editor = dlg.product_lines
    assert dlg.tabs.currentWidget() is dlg.products_page
    # pre-filled from the orders book, and nothing saved until edited
    assert editor.names() == ["定制件", "旧型号", "耗材"]  # one order each: by name
    assert dlg.product_lines_source.isVisible()

    editor.add_name("服务包")
    editor.list.setCurrentRow(1)  # 旧型号
    editor.remove_current()
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert editor.names() == ["定制件", "旧型号", "耗材", "服务包"]
    dlg.activateWindow()
    editor.list.setFocus()
    editor.list.setCurrentRow(1)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    editor.list.setCurrentRow(2)  # 服务包
    editor.move_current(-1)
    editor.move_current(-1)
    editor.list.item(1).setText("定制件（大客户）")  # rename
    assert editor.names() == ["服务包", "定制件（大客户）", "耗材"]

    editor.add_name("耗材")  # a duplicate: explained, and Save waits
    assert "listed twice" in dlg.error.text() and not dlg.save_button.isEnabled()
    editor.list.setCurrentRow(3)
    editor.remove_current()
    assert dlg.save_button.isEnabled()

    with qtbot.waitSignal(ctx.changed) as announced:
        qtbot.keyClick(dlg, Qt.Key.Key_Return)  # Enter saves
    assert "app_settings" in announced.args[0]
    assert ctx.db.read(stored_product_lines) == ("服务包", "定制件（大客户）", "耗材")


def test_esc_asks_before_discarding_product_line_edits(qtbot, ctx, monkeypatch):
    from kamdesk.ui.settings_dialog import SettingsDialog

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    dlg = SettingsDialog(ctx, page="products")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.product_lines.add_name("新产品线")
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert asked and dlg.isVisible()
    assert ctx.db.read(stored_product_lines) == ()


def test_unchanged_book_lines_are_not_saved(qtbot, ctx):
    from kamdesk.ui.settings_dialog import SettingsDialog

    _customer_with_orders(ctx)
    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.save()
    assert ctx.db.read(stored_product_lines) == ()


def test_reports_screen_shows_the_order_kpis(qtbot, ctx):
    from kamdesk.domain.review_periods import parse_review_period
    from kamdesk.ui.reports.screen import ReportsScreen

    with ctx.db.session() as s:
        x = customer_ops.create_customer(s, name="X公司")
        y = customer_ops.create_customer(s, name="Y公司")
        s.add_all([
            Transaction(customer_id=x.id, occurred_on=date(2024, 12, 1), amount_cents=100_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 5, 1), amount_cents=300_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 6, 1), amount_cents=-50_00,
                        kind="return"),
            Transaction(customer_id=y.id, occurred_on=date(2026, 10, 1), amount_cents=200_00),
        ])
        s.commit()
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.review is not None)
    screen.set_period(parse_review_period("2026"))  # the year under review
    qtbot.waitUntil(lambda: screen.review is not None and screen.review.period.code == "2026")
    t = screen.tiles
    assert t["ltv"].value.text() == "¥275"
    assert t["ltv"].basis.text() == "2 customers with orders"
    assert t["aov"].value.text() == "¥250" and t["aov"].basis.text() == "2 orders"
    assert t["aov_growth"].value.text() == "No data"  # no orders in 2025
    assert "Net revenue" in t["ltv"].toolTip()
