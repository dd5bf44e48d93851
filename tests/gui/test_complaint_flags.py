"""Complaints from Today and from Log contact, and their amber/red flags on Today, the
calendar and the customer list — on the fixed clock, never the wall clock.

The first test is issue #12's "Done when" for complaints: received through Log contact
(Issue raised ticked), owned by the receiver, past its deadline when the clock moves and
flagged red on Today, then answered, resolved and followed up (a follow-up visit task),
after which the flag is gone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

import factories as customer_ops
from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.ops.complaints import open_complaint
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries.calendar import calendar_page
from kamdesk.store.queries.complaint_flags import flagged_complaints
from kamdesk.store.queries.complaints import complaints
from kamdesk.store.queries.contact_log import fetch_one
from kamdesk.store.queries.profile import tasks
from kamdesk.ui.dialogs.complaint_dialog import ComplaintDialog
from kamdesk.ui.dialogs.log_contact import LogContactDialog

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def book(ctx):
    """远航物流 with its buyer 王总; the signed-in user is 王敏."""
    ctx.settings.setValue("user/name", "王敏")
    with ctx.db.session() as s:
        cid = customer_ops.create_customer(s, name="远航物流", owner="李娜",
                                           cooperation_start=date(2021, 3, 1)).id
        pid = customer_ops.create_person(s, cid, name="王总", is_primary=True).id
        s.commit()
    return cid, pid


@pytest.fixture
def today(qtbot, ctx):
    from kamdesk.ui.today.screen import TodayScreen

    screen = TodayScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 760)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _visible_complaint_dialog(qtbot, parent) -> ComplaintDialog:
    found: list[ComplaintDialog] = []

    def one() -> bool:
        found[:] = [d for d in parent.findChildren(ComplaintDialog) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(one)
    return found[0]


def _complaint_rows(screen):
    return [r for r in screen.complaints_card.rows()
            if r.objectName().startswith("complaintRow-")]


def _accept_step(qtbot, dialog, fill):
    step = dialog.step
    qtbot.waitExposed(step)
    fill(step)
    step.accept()
    assert not step.isVisible()


def _log_with_issue(qtbot, ctx, parent, cid, *, issue="三批货延迟交付，客户要求赔偿"):
    dlg = LogContactDialog(ctx, cid, parent)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.topic.setText("Delivery review")
    dlg.issue.setPlainText(issue)
    qtbot.mouseClick(dlg.issue_raised, Qt.MouseButton.LeftButton)
    assert dlg.issue_raised.isChecked()
    dlg.save()
    assert dlg.saved_id is not None
    return dlg.saved_id


def test_complaint_received_through_log_contact_is_flagged_then_closed(qtbot, ctx, book,
                                                                         today):
    cid, pid = book
    contact_id = _log_with_issue(qtbot, ctx, today, cid)
    contact = ctx.db.read(fetch_one, contact_id)
    assert contact is not None and contact.issue == "三批货延迟交付，客户要求赔偿"

    # the complaint dialog comes up prefilled from the contact
    dialog = _visible_complaint_dialog(qtbot, today)
    assert dialog.saved_id is None and dialog.customer_id == cid
    assert dialog.received_edit.dateTime().toPython() == NOW
    assert dialog.channel_combo.currentData() == "phone"
    assert dialog.person_combo.currentData() == pid
    assert dialog.description_edit.toPlainText() == "三批货延迟交付，客户要求赔偿"
    assert dialog.owner_label.text() == "王敏"
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("high"))
    dialog.accept()
    assert not dialog.isVisible()

    (c,) = ctx.db.read(complaints, customer_id=cid)
    assert (c.owner, c.status, c.received_at, c.channel, c.person_id) == (
        "王敏", "open", NOW, "phone", pid)  # 首问负责制: the receiver owns it
    assert c.response_deadline == NOW + timedelta(hours=24)

    # Today lists it (due within 24 h) but without a flag yet
    today.refresh()
    (row,) = _complaint_rows(today)
    assert row.property("level") == ""
    assert ctx.db.read(flagged_complaints, ctx.clock.now()) == []

    # the clock moves past the deadline: red on Today, first in the card
    ctx.clock.advance(timedelta(hours=25))
    today.refresh()
    (row,) = _complaint_rows(today)
    assert row.property("level") == "red"
    assert LEVEL_COLOURS["red"] in row.detail.text()
    assert "past the deadline" in row.detail.text()
    assert today.complaints_card.count.property("urgent") in (True, "true")
    assert [f.level for f in ctx.db.read(flagged_complaints, ctx.clock.now())] == ["red"]

    # opening the row opens the complaint, red; answer, resolve, follow up
    button = row.findChild(QToolButton, "openComplaintButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = today.complaint_dialog
    assert isinstance(dialog, ComplaintDialog) and dialog.saved_id == c.id
    assert dialog.level == "red"
    qtbot.mouseClick(dialog.respond_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    _accept_step(qtbot, dialog, lambda s: s.resolution_edit.setPlainText("补发并减免运费"))
    qtbot.mouseClick(dialog.follow_up_button, Qt.MouseButton.LeftButton)

    def fill_follow_up(s):
        s.visit_edit.edit.setText("2026-12-01")
        s.satisfaction_combo.setCurrentIndex(s.satisfaction_combo.findData(4))
        s.lessons_edit.setPlainText("warn early about stock")
    _accept_step(qtbot, dialog, fill_follow_up)
    dialog.reject()

    (c,) = ctx.db.read(complaints, customer_id=cid)
    assert (c.status, c.owner, c.resolution) == ("closed", "王敏", "补发并减免运费")
    visit = [t for t in ctx.db.read(tasks, cid) if t.source == "complaint"]
    assert len(visit) == 1 and visit[0].due_at.date() == date(2026, 12, 1)

    # the flag is gone from Today (the screen re-read on the change)
    qtbot.waitUntil(lambda: _complaint_rows(today) == [])
    assert ctx.db.read(flagged_complaints, ctx.clock.now()) == []


def test_cancelling_the_prefilled_complaint_keeps_the_contact(qtbot, ctx, book, today):
    cid, _pid = book
    contact_id = _log_with_issue(qtbot, ctx, today, cid)
    dialog = _visible_complaint_dialog(qtbot, today)
    dialog.reject()  # prefilled, nothing typed: closes without asking
    qtbot.waitUntil(lambda: not any(d.isVisible()
                                    for d in today.findChildren(ComplaintDialog)))
    assert ctx.db.read(fetch_one, contact_id) is not None
    assert ctx.db.read(complaints, customer_id=cid) == []


def test_no_complaint_unless_issue_raised_is_ticked(qtbot, ctx, book, today):
    cid, _pid = book
    dlg = LogContactDialog(ctx, cid, today)
    dlg.show()
    dlg.topic.setText("Price talk")
    dlg.issue.setPlainText("asks for a discount")
    dlg.save()
    assert dlg.saved_id is not None
    assert not any(d.isVisible() for d in today.findChildren(ComplaintDialog))


def test_new_complaint_from_today(qtbot, ctx, book, today):
    cid, _pid = book
    assert today.new_complaint_button.isVisible()
    qtbot.mouseClick(today.new_complaint_button, Qt.MouseButton.LeftButton)
    chooser = today.complaint_dialog
    qtbot.waitExposed(chooser)
    chooser.accept()  # no customer yet: stays, says why
    assert chooser.isVisible() and chooser.error_label.isVisible()
    chooser.picker.set_customer_id(cid)
    chooser.accept()
    dialog = _visible_complaint_dialog(qtbot, today)
    assert dialog.customer_id == cid and dialog.owner_label.text() == "王敏"
    dialog.description_edit.setPlainText("包装破损")
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("critical"))
    dialog.accept()
    (c,) = ctx.db.read(complaints, customer_id=cid)
    assert (c.owner, c.severity, c.response_deadline) == (
        "王敏", "critical", NOW + timedelta(hours=4))
    # 3 h 30 later less than a quarter of the 4 h is left: amber on Today
    ctx.clock.advance(timedelta(hours=3, minutes=30))
    today.refresh()
    (row,) = _complaint_rows(today)
    assert row.property("level") == "amber" and LEVEL_COLOURS["amber"] in row.detail.text()


def test_calendar_shows_the_deadline_amber_or_red_and_opens_the_complaint(qtbot, ctx, book):
    from kamdesk.ui.calendar.screen import CalendarScreen

    cid, _pid = book
    kid = ctx.db.write(open_complaint, cid, received_at=NOW - timedelta(hours=40),
                       description="发票错误", owner="王敏", severity="medium", now=NOW).value
    screen = CalendarScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    entry = next(e for e in screen.entries() if e.key == f"complaint:{kid}")
    assert entry.day == date(2026, 11, 23) and entry.level == "amber" and not entry.overdue
    screen.open_entry(entry)
    dialog = screen.complaint_dialog
    assert isinstance(dialog, ComplaintDialog) and dialog.saved_id == kid
    assert dialog.level == "amber"
    dialog.reject()
    page = ctx.db.read(calendar_page, date(2026, 11, 1), date(2026, 11, 30), None, None,
                       "en", NOW + timedelta(hours=9))
    (late,) = [e for e in page.entries if e.kind == "complaint"]
    assert late.level == "red" and late.overdue


def test_customer_list_marks_the_name_of_a_customer_with_a_late_complaint(qtbot, ctx, book,
                                                                           make_window):
    from kamdesk.ui.customers.model import COL

    cid, _pid = book
    other = ctx.db.write(create_customer, name="华为技术").value
    ctx.db.write(open_complaint, cid, received_at=NOW - timedelta(hours=30),
                 description="发货延迟", owner="王敏", severity="high", now=NOW)
    w = make_window(ctx)
    w.show_screen("customers")
    model = w.customers.model
    rows = {model.row_at(i).id: i for i in range(model.rowCount())}
    name = model.index(rows[cid], COL["name"])
    assert model.data(name, Qt.ItemDataRole.DecorationRole) is not None
    assert "past its response deadline" in model.data(name, Qt.ItemDataRole.ToolTipRole)
    plain = model.index(rows[other], COL["name"])
    assert model.data(plain, Qt.ItemDataRole.DecorationRole) is None
