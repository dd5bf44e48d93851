"""A complaint through its whole life on the profile's Complaints tab: opened through
the dialog (owned by whoever received it, 首问负责制), past its response deadline on the
fixed clock and shown red, handed over (history kept), resolved and followed up (a
follow-up task with source 'complaint'); deleted and brought back with Ctrl+Z."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_profile import type_text  # the IME-aware typing helper

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries.complaints import complaint
from kamdesk.store.queries.profile import tasks
from kamdesk.ui.dialogs.complaint_dialog import ComplaintDialog

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def tab(qtbot, ctx):
    from kamdesk.ui.profile.screen import ProfileScreen

    ctx.settings.setValue("user/name", "王敏")
    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    cid = ctx.db.write(create_customer, name="远航物流").value
    screen.load(cid)
    tab = next(screen.tabs.widget(i) for i in range(screen.tabs.count())
               if screen.tabs.widget(i).objectName() == "complaintsTab")
    screen.tabs.setCurrentWidget(tab)
    tab.screen_ref = screen
    tab.cid = cid
    return tab


def _row_colour(tab, row=0):
    """The row's text colour as #rrggbb, None when plain."""
    brush = tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    return None if brush is None else brush.color().name()


def _accept_step(qtbot, dialog, fill):
    step = dialog.step
    qtbot.waitExposed(step)
    fill(step)
    step.accept()
    assert not step.isVisible()


def test_complaint_life_through_the_profile(qtbot, ctx, tab, monkeypatch):
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ComplaintDialog) and dialog.owner_label.text() == "王敏"
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("high"))
    dialog.category_edit.setText("delivery")
    type_text(qtbot, dialog.description_edit, "发货延迟三天")
    dialog.accept()
    assert not dialog.isVisible()
    kid = dialog.saved_id
    c = ctx.db.read(complaint, kid).complaint
    assert (c.owner, c.status, c.response_deadline) == ("王敏", "open", NOW + timedelta(hours=24))
    assert tab.model.rowCount() == 1 and _row_colour(tab) is None

    # 20 h later less than a quarter of the time is left: amber; after 25 h: red.
    ctx.clock.advance(timedelta(hours=20))
    tab.refresh()
    assert _row_colour(tab) == LEVEL_COLOURS["amber"]
    ctx.clock.advance(timedelta(hours=5))
    tab.refresh()
    assert _row_colour(tab) == LEVEL_COLOURS["red"]
    assert "past the response deadline" in tab.summary.text()

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.level == "red" and dialog.respond_button.isEnabled()
    assert not dialog.follow_up_button.isEnabled()

    qtbot.mouseClick(dialog.hand_over_button, Qt.MouseButton.LeftButton)
    _accept_step(qtbot, dialog, lambda s: (s.to_owner_edit.setText("Li Qiang"),
                                           s.note_edit.setPlainText("technical")))
    assert dialog.owner_label.text() == "Li Qiang"
    assert "王敏 → Li Qiang" in dialog.history_label.text()

    qtbot.mouseClick(dialog.respond_button, Qt.MouseButton.LeftButton)
    assert ctx.db.read(complaint, kid).complaint.status == "responded"
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    _accept_step(qtbot, dialog, lambda s: s.resolution_edit.setPlainText("补发并减免运费"))
    assert ctx.db.read(complaint, kid).complaint.status == "resolved"
    qtbot.mouseClick(dialog.follow_up_button, Qt.MouseButton.LeftButton)

    def fill_follow_up(s):
        s.visit_edit.edit.setText("2026-12-01")
        s.satisfaction_combo.setCurrentIndex(s.satisfaction_combo.findData(4))
        s.lessons_edit.setPlainText("warn early about stock")
    _accept_step(qtbot, dialog, fill_follow_up)
    assert not dialog.hand_over_button.isEnabled()
    dialog.reject()  # nothing typed in the form: closes without asking

    detail = ctx.db.read(complaint, kid)
    c = detail.complaint
    assert (c.status, c.owner, c.satisfaction_after, c.lessons) == (
        "closed", "Li Qiang", 4, "warn early about stock")
    assert [(h.from_owner, h.to_owner) for h in detail.handovers] == [("王敏", "Li Qiang")]
    follow = [t for t in ctx.db.read(tasks, tab.cid) if t.source == "complaint"]
    assert len(follow) == 1 and follow[0].due_at.date().isoformat() == "2026-12-01"
    tab.refresh()
    assert _row_colour(tab) == "#9e9e9e"  # followed up: greyed

    # delete and bring back
    tab.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_selected()
    assert tab.model.rowCount() == 0 and ctx.db.read(complaint, kid) is None
    tab.undo()
    assert tab.model.rowCount() == 1 and len(ctx.db.read(complaint, kid).handovers) == 1


def test_a_validation_error_stays_in_the_dialog(qtbot, tab):
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.accept()  # no description
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "Description" in dialog.error_label.text()
    dialog.done(0)
