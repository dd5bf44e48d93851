"""The one customer picker: ranking, the one-letter rule, Enter/Tab take the best match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kamdesk.store.ops.customers import create_customer, set_archived
from kamdesk.store.ops.people import create_person
from kamdesk.ui.widgets.customer_picker import CustomerPicker


def _book(db) -> dict[str, int]:
    ids = {}
    for name, code in (("上海昌盛商贸", "C001"), ("深圳东方医药", "C002"), ("SZ01 物流", "SZ01"),
                       ("宁波丰源制造", "C004")):
        ids[name] = db.write(create_customer, name=name, code=code).value
    db.write(create_person, ids["宁波丰源制造"], name="孙总", mobile="13800138000")
    return ids


def _ime(picker, text: str) -> None:
    """Chinese as a pinyin input method commits it (QTest cannot press those keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(picker, event)


def _picker(qtbot, ctx, **kw) -> tuple[QWidget, CustomerPicker, QLineEdit]:
    host = QWidget()
    picker = CustomerPicker(ctx, host, **kw)
    after = QLineEdit(host)
    layout = QVBoxLayout(host)
    layout.addWidget(picker)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    picker.setFocus()
    return host, picker, after


def test_ranks_exact_code_then_name_start_then_the_rest(qtbot, ctx):
    ids = _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx)
    qtbot.keyClicks(picker, "sz")
    popup = picker.completer_popup()
    shown = [popup.model().index(i, 0).data() for i in range(picker.matches())]
    names = [s.split("  ·  ")[0] for s in shown]
    # "sz" starts 深圳's initials and SZ01's name and code, and finds 宁波丰源 only
    # through its person 孙总 (sz): that one last.
    assert set(names[:2]) == {"深圳东方医药", "SZ01 物流"}
    assert names[2:] == ["宁波丰源制造"]
    picker.clear()
    qtbot.keyClicks(picker, "SZ01")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.customer_id == ids["SZ01 物流"]


def test_one_latin_letter_does_not_search_but_one_chinese_character_does(qtbot, ctx):
    _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx)
    qtbot.keyClicks(picker, "s")
    assert picker.matches() == 0
    picker.clear()
    _ime(picker, "丰")
    assert picker.matches() == 1


def test_enter_takes_the_best_match_moves_on_and_says_so(qtbot, ctx):
    ids = _book(ctx.db)
    _host, picker, after = _picker(qtbot, ctx)
    confirmed: list[int] = []
    picker.confirmed.connect(confirmed.append)
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClicks(picker, "szdf")
        qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picked.args == [ids["深圳东方医药"]]
    assert picker.text() == "深圳东方医药 (C002)" and confirmed == [ids["深圳东方医药"]]
    qtbot.waitUntil(after.hasFocus)
    with qtbot.waitSignal(picker.picked) as cleared:
        qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert cleared.args == [0] and picker.customer_id is None


def test_found_through_a_phone_and_archived_only_on_request(qtbot, ctx):
    ids = _book(ctx.db)
    ctx.db.write(set_archived, ids["上海昌盛商贸"], True)
    _host, picker, _after = _picker(qtbot, ctx)
    qtbot.keyClicks(picker, "138001")
    assert picker.matches() == 1
    picker.clear()
    _ime(picker, "昌盛")
    assert picker.matches() == 0
    _host2, with_archived, _a2 = _picker(qtbot, ctx, include_archived=True)
    _ime(with_archived, "昌盛")
    assert with_archived.matches() == 1


def test_preset_by_id(qtbot, ctx):
    ids = _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx)
    picker.set_customer_id(ids["宁波丰源制造"])
    assert picker.customer_id == ids["宁波丰源制造"] and picker.text() == "宁波丰源制造 (C004)"
    picker.set_customer_id(None)
    assert picker.customer_id is None and picker.text() == ""


def test_customer_changed_hears_every_route_picked_only_the_user(qtbot, ctx):
    """A filter listens to customer_changed (presets and clear() included); a dialog
    reacting to the user's choice listens to picked."""
    ids = _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx, advance_on_pick=False)
    changed: list[object] = []
    picked: list[int] = []
    picker.customer_changed.connect(changed.append)
    picker.picked.connect(picked.append)
    picker.set_customer_id(ids["宁波丰源制造"])
    assert changed == [ids["宁波丰源制造"]] and picked == []
    assert picker.customer_code == "C004"
    picker.set_customer_id(ids["宁波丰源制造"])  # the same again: no news
    assert changed == [ids["宁波丰源制造"]]
    picker.clear()  # from code, e.g. a "show all" button: the filter must widen
    assert changed[-1] is None and picked == [0] and picker.customer_code == ""
    qtbot.keyClicks(picker, "szdf")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert changed[-1] == ids["深圳东方医药"] and picked[-1] == ids["深圳东方医药"]
    assert picker.customer_code == "C002"
    picker.set_customer(None)
    assert changed[-1] is None and picked[-1] == ids["深圳东方医药"]


def test_empty_means_all_customers_with_the_screens_own_placeholder(qtbot, ctx):
    _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx)
    picker.setPlaceholderText("All customers (type to filter)")
    assert picker.customer_id is None and picker.text() == ""
    assert picker.placeholderText() == "All customers (type to filter)"


def test_resolve_takes_the_best_match_of_what_was_typed(qtbot, ctx):
    """A dialog saved straight after typing (no Enter, no Tab) gets what Enter would have
    taken; text that finds nobody resolves to None so the dialog can say so."""
    ids = _book(ctx.db)
    _host, picker, _after = _picker(qtbot, ctx)
    assert picker.resolve() is None
    picker.setText("szdf")  # typed text the list has not seen yet
    assert picker.resolve() == ids["深圳东方医药"]
    assert picker.text() == "深圳东方医药 (C002)"
    picker.clear()
    picker.setText("nobody-like-this")
    assert picker.resolve() is None
    picker.clear()
    picker.setText("s")  # one Latin letter is no search
    assert picker.resolve() is None


def test_new_plan_dialog_picks_with_the_one_picker(qtbot, ctx):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from kamdesk.ui.plans.new_plan import NewPlanDialog

    ids = _book(ctx.db)
    dlg = NewPlanDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.picker.setFocus()
    assert not dlg.ok_button.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClicks(dlg.picker, "sz")
        qtbot.keyClick(dlg.picker, Qt.Key.Key_Return)  # best match, and the plan opens
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.customer_id() in {ids["深圳东方医药"], ids["SZ01 物流"]}

    # Typing and then pressing Cancel fills in the best match but opens nothing.
    other = NewPlanDialog(ctx)
    qtbot.addWidget(other)
    other.show()
    other.picker.setFocus()
    qtbot.keyClicks(other.picker, "nbfy")
    other.picker.editingFinished.emit()  # focus leaves for the Cancel button
    assert other.customer_id() == ids["宁波丰源制造"] and other.isVisible()
    assert other.ok_button.isEnabled()
    cancel = other.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert other.result() == QDialog.DialogCode.Rejected
