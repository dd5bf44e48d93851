"""Navigation that always answers: the sidebar after a profile, Back/Forward through
screens and profiles, Ctrl+1…9, the mouse's back button, the title, the shortcut sheet."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

import factories as customer_ops
from kamdesk.ui.navigation import History, Place


def _customers(ctx, *names):
    with ctx.db.session() as s:
        ids = [customer_ops.create_customer(s, name=n).id for n in names]
        s.commit()
    return ids


def _click_nav(qtbot, window, key):
    row = window.nav_keys().index(key)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _active(qtbot, make_window, ctx):
    window = make_window(ctx)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _where(window):
    return window.current_key(), window.current_customer_id() \
        if window.current_key() == "profile" else None


def test_today_profile_today_loop(qtbot, ctx, make_window):
    (cid,) = _customers(ctx, "华星科技")
    window = make_window(ctx)
    _click_nav(qtbot, window, "today")
    assert window.current_key() == "today"
    for _ in range(3):
        ctx.open_customer.emit(cid)
        assert window.current_key() == "profile"
        assert window.navigator.nav.currentRow() == -1
        assert window.navigator.breadcrumb.text() == "Customer · 华星科技"
        _click_nav(qtbot, window, "today")
        assert window.current_key() == "today"
        assert window.nav.currentItem().text() == "Today"


def test_clicking_the_current_entry_again_answers(qtbot, ctx, make_window):
    (cid,) = _customers(ctx, "华星科技")
    window = make_window(ctx)
    _click_nav(qtbot, window, "customers")
    ctx.open_customer.emit(cid)
    _click_nav(qtbot, window, "customers")
    assert window.current_key() == "customers"
    _click_nav(qtbot, window, "customers")
    assert window.current_key() == "customers"


def test_back_and_forward_through_screens_and_profiles(qtbot, ctx, make_window):
    a, b = _customers(ctx, "甲公司", "乙公司")
    window = _active(qtbot, make_window, ctx)
    window.show_screen("today")
    ctx.open_customer.emit(a)
    window.show_screen("customers")
    ctx.open_customer.emit(b)
    assert _where(window) == ("profile", b)
    path = []
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        path.append(_where(window))
    assert path == [("customers", None), ("profile", a), ("today", None)]
    assert not window.navigator.back_action.isEnabled()
    forward = []
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        forward.append(_where(window))
    assert forward == [("profile", a), ("customers", None), ("profile", b)]
    assert window.windowTitle() == "Customer · 乙公司 — KAMDesk"


def test_back_skips_a_deleted_customer(qtbot, ctx, make_window):
    from kamdesk.store.ops.customers import delete_customer

    a, b = _customers(ctx, "甲公司", "乙公司")
    window = make_window(ctx)
    window.show_screen("today")
    ctx.open_customer.emit(a)
    ctx.open_customer.emit(b)
    with ctx.db.session() as s:
        delete_customer(s, a)
        s.commit()
    window.navigator.back()
    assert _where(window) == ("today", None)
    window.navigator.forward()
    assert _where(window) == ("profile", b)


def test_mouse_back_button_anywhere_in_the_window(qtbot, ctx, make_window):
    window = make_window(ctx)
    window.show_screen("today")
    window.show_screen("customers")
    target = window.customers.table.viewport()
    pos = QPointF(QPoint(5, 5))
    event = QMouseEvent(QMouseEvent.Type.MouseButtonPress, pos, target.mapToGlobal(pos),
                        Qt.MouseButton.BackButton, Qt.MouseButton.BackButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    assert window.current_key() == "today"


def test_ctrl_number_shows_that_screen(qtbot, ctx, make_window):
    window = _active(qtbot, make_window, ctx)
    window.show_screen("today")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    third = window.nav_keys()[2]
    assert window.current_key() == third
    assert window.nav.currentRow() == 2
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == window.nav_keys()[0]


def test_title_says_where_you_are(qtbot, ctx, make_window):
    (cid,) = _customers(ctx, "华星科技")
    window = make_window(ctx)
    window.show_screen("today")
    assert window.windowTitle() == "Today — KAMDesk"
    ctx.open_customer.emit(cid)
    assert window.windowTitle() == "Customer · 华星科技 — KAMDesk"


def test_history_drops_the_forward_stack_and_skips_missing_places():
    h = History()
    for key in ("a", "b", "c"):
        h.visit(Place(key))
    h.visit(Place("c"))
    assert h.step(-1) == Place("b")
    h.visit(Place("d"))
    assert not h.can_step(+1)
    assert h.step(-1, lambda p: p.key != "b") == Place("a")
    assert h.places == [Place("a"), Place("d")]


def test_shortcut_sheet_lists_the_actions(qtbot, ctx, make_window):
    from kamdesk.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

    window = make_window(ctx)
    rows = dict(shortcut_rows(window))
    assert rows["Log contact"] == "Ctrl+L"
    assert rows["Back"].startswith("Alt+Left")
    assert "Ctrl+3" in rows.values()
    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    cells = {sheet.table.item(r, 1).text() for r in range(sheet.table.rowCount())}
    assert "Ctrl+L" in cells


def test_add_person_is_one_tab_from_the_profile_tabs(qtbot, ctx, make_window):
    (cid,) = _customers(ctx, "华星科技")
    window = _active(qtbot, make_window, ctx)
    window.show_screen("customers")
    window.customers.table.setFocus()
    ctx.open_customer.emit(cid)
    profile = window.screen("profile")
    profile.tabs.setCurrentWidget(profile.people)
    assert QApplication.focusWidget() is profile.tabs.tabBar()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is profile.people.add_button


def test_focus_returns_to_the_list_after_a_dialog(qtbot, ctx, make_window):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    _customers(ctx, "华星科技")
    window = _active(qtbot, make_window, ctx)
    window.show_screen("customers")
    window.customers.table.setFocus()
    qtbot.waitUntil(lambda: window.customers.table.hasFocus())
    dialog = CustomerDialog(ctx, None, window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.findChild(QLineEdit).setFocus()
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.customers.table)
