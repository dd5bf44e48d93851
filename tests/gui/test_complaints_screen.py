"""The Complaints screen: every customer's complaints, filtered by state (open ones by
default), owner, overdue and customer; opened with Enter; deleted and brought back with
Ctrl+Z; and the response hours set in Settings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kamdesk.domain.complaints import LEVEL_COLOURS, ResponseHours
from kamdesk.store.ops import complaints as ops
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries.complaints import complaint
from kamdesk.store.queries.settings import complaint_response_hours

NOW = datetime(2026, 11, 23, 10, 0)


def _open(ctx, cid, hours_ago, owner="王敏", severity="high", description="发货延迟"):
    return ctx.db.write(ops.open_complaint, cid, received_at=NOW - timedelta(hours=hours_ago),
                        description=description, owner=owner, severity=severity,
                        now=NOW).value


@pytest.fixture
def screen(qtbot, ctx):
    from kamdesk.ui.complaints.screen import ComplaintsScreen

    w = ComplaintsScreen(ctx)
    qtbot.addWidget(w)
    w.resize(1300, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def _colour(screen, row, col=0):
    brush = screen.model.data(screen.model.index(row, col), Qt.ItemDataRole.ForegroundRole)
    return None if brush is None else brush.color().name()


def test_empty_database_shows_the_empty_state(screen):
    assert screen.model.rowCount() == 0
    assert screen.empty_label.isVisible() and not screen.table.isVisible()
    assert "New complaint" in screen.empty_label.text()


def test_filters_colours_and_open(qtbot, ctx, screen, monkeypatch):
    a = ctx.db.write(create_customer, name="远航物流").value
    b = ctx.db.write(create_customer, name="华东电子").value
    late = _open(ctx, a, 30)                      # high: 24 h → overdue 6 h
    near = _open(ctx, b, 20, owner="李强")        # 4 h left of 24 → amber
    calm = _open(ctx, b, 1, severity="low")       # 47 h left
    done = _open(ctx, a, 2, description="已回访")
    ctx.db.write(ops.resolve, done, "换货", now=NOW)
    ctx.db.write(ops.follow_up, done, NOW.date(), now=NOW)
    screen.refresh()  # written directly above, not announced
    assert screen.model.rowCount() == 3  # open ones: the followed-up one is hidden
    rows = {r.id: i for i, r in enumerate(screen.model.rows())}
    assert _colour(screen, rows[late]) == LEVEL_COLOURS["red"]
    assert _colour(screen, rows[near]) == LEVEL_COLOURS["amber"]
    assert _colour(screen, rows[calm]) is None
    assert screen.time_left(screen.model.row(rows[late])) == "overdue 6 hours"
    assert screen.time_left(screen.model.row(rows[near])) == "4 hours left"

    screen.state_filter.setCurrentIndex(screen.state_filter.findData(None))
    assert screen.model.rowCount() == 4
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("closed"))
    assert [r.id for r in screen.model.rows()] == [done]
    screen.state_filter.setCurrentIndex(screen.state_filter.findData(None))
    screen.owner_filter.setCurrentIndex(screen.owner_filter.findData("李强"))
    assert [r.id for r in screen.model.rows()] == [near]
    screen.owner_filter.setCurrentIndex(0)
    screen.overdue_only.setChecked(True)
    assert [r.id for r in screen.model.rows()] == [late]
    screen.overdue_only.setChecked(False)
    screen.customer_filter.set_customer_id(b)
    assert {r.id for r in screen.model.rows()} == {near, calm}
    screen.customer_filter.set_customer_id(None)
    assert screen.model.rowCount() == 4

    # Enter opens the selected complaint
    screen.table.setFocus()
    screen.table.selectRow(rows[late])
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.dialog is not None and screen.dialog.saved_id == screen.selected().id
    screen.dialog.done(0)

    # delete and undo (Ctrl+Z)
    screen.select_complaint(late)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.delete_selected()
    assert ctx.db.read(complaint, late) is None
    assert late not in [r.id for r in screen.model.rows()]
    assert screen.undo_button.isEnabled()
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.db.read(complaint, late) is not None
    assert late in [r.id for r in screen.model.rows()] and screen.selected().id == late


def test_new_complaint_asks_for_the_customer(qtbot, ctx, screen):
    ctx.settings.setValue("user/name", "王敏")
    cid = ctx.db.write(create_customer, name="远航物流").value
    screen.new_button.click()
    picker = screen.picker_dialog
    assert picker is not None and not picker.ok_button.isEnabled()
    picker.picker.set_customer_id(cid)
    picker.accept()
    dialog = screen.dialog
    assert dialog is not None and dialog.customer_id == cid
    dialog.description_edit.setPlainText("包装破损")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row(0).owner == "王敏" and screen.selected().id == dialog.saved_id


def test_settings_edit_the_response_hours(qtbot, ctx):
    from kamdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(ctx, page="complaints")
    qtbot.addWidget(dlg)
    assert dlg.tabs.currentWidget() is dlg.complaints_page
    spins = dlg.complaints_page.spins
    assert [spins[k].value() for k in ("critical", "high", "normal")] == [4, 24, 48]
    spins["critical"].setValue(30)  # more than high: refused
    assert not dlg.save_button.isEnabled() and "more severe" in dlg.error.text()
    spins["critical"].setValue(2)
    spins["normal"].setValue(72)
    assert dlg.save_button.isEnabled()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert ctx.db.read(complaint_response_hours) == ResponseHours(critical=2, high=24, normal=72)
    cid = ctx.db.write(create_customer, name="远航物流").value
    kid = _open(ctx, cid, 0, severity="critical")
    assert ctx.db.read(complaint, kid).complaint.response_deadline == NOW + timedelta(hours=2)
