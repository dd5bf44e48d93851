"""Events through the real screen and dialogs: an event is created, customers invited,
attendance marked, and the participation KPI (活动参与率) moves; follow-up tasks are made
for the invited customers; a delete is undone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.people import create_person
from kamdesk.store.queries.events import event_detail, list_events
from kamdesk.store.queries.kpis import kpi_report


@pytest.fixture
def answer(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def _rate(ctx):
    return ctx.db.read(kpi_report, ctx.clock.today()).participation_rate


def test_event_invite_attend_moves_participation(qtbot, ctx, make_window, answer):
    from kamdesk.ui.dialogs.event_dialog import EventDialog

    a = ctx.db.write(create_customer, name="远航物流").value
    b = ctx.db.write(create_customer, name="华东机械").value
    person = ctx.db.write(create_person, a, name="王经理").value
    window = make_window(ctx)
    screen = window.screen("events")
    assert _rate(ctx) is None
    assert screen.summary.text().startswith("No events yet.")  # what the screen is for

    dlg = screen.new_event()
    assert isinstance(dlg, EventDialog)
    dlg.name_edit.setText("制造业客户沙龙")
    dlg.date_field.set_date(date(2026, 11, 20))
    dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData("salon"))
    dlg.target_edit.setText("2")
    dlg.budget_edit.setText("5,000")
    dlg.satisfaction_edit.setText("4.2分")
    dlg.follow_up_edit.setPlainText("收集客户需求")
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.result() == dlg.DialogCode.Accepted
    event = ctx.db.read(list_events)[0]
    assert (event.name, event.budget_cents, float(event.satisfaction)) == (
        "制造业客户沙龙", 5_000_00, 4.2)
    assert screen.table.rowCount() == 1
    screen.search.setText("<培训>")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0)
    assert screen.summary.text() == "No events match “&lt;培训&gt;”."
    screen.search.clear()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)

    for cid, people in ((a, [person]), (b, [])):
        inv = screen.invite()
        inv.set_customer_id(cid)
        for i in range(inv.people_list.count()):
            inv.people_list.item(i).setCheckState(Qt.CheckState.Checked)
        assert inv.person_ids() == people
        inv.accept()
        assert inv.invited_ids
    assert screen.invitations.rowCount() == 2
    assert _rate(ctx) == 0.0

    screen.invitations.selectRow(0)
    screen.attended_btn.click()
    assert _rate(ctx) == 50.0
    detail = ctx.db.read(event_detail, event.id)
    assert detail.event.actual_participants == 1
    assert screen.table.item(0, 4).text() == "1"

    screen.tasks_btn.click()
    tasks = ctx.db.read(lambda conn: conn.exec_driver_sql(
        "SELECT customer_id, source, CAST(date(due_at) AS TEXT) FROM tasks "
        "ORDER BY customer_id").all())
    assert tasks == [(a, "manual", "2026-11-30"), (b, "manual", "2026-11-30")]

    # delete and undo
    screen.delete_selected()
    assert ctx.db.read(list_events) == []
    screen.undo()
    assert ctx.db.read(event_detail, event.id).event.actual_participants == 1
    assert _rate(ctx) == 50.0


def test_event_dialog_marks_bad_satisfaction(qtbot, ctx, make_window):
    from kamdesk.ui.dialogs.event_dialog import EventDialog

    dlg = EventDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.name_edit.setText("培训")
    dlg.satisfaction_edit.setText("7")
    dlg.accept()
    assert dlg.error_label.isVisibleTo(dlg)
    assert ctx.db.read(list_events) == []
