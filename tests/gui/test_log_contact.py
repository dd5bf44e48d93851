"""The Log contact dialog and the global contact log, driven from the keyboard."""

import time
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

import factories as customer_ops
import factories as people_ops
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.models import Interaction, Task
from kamdesk.ui.contact_log.model import COL as LOG_COL
from kamdesk.ui.customers.model import COL as CUSTOMER_COL
from kamdesk.ui.dialogs.log_contact import LogContactDialog

NOW = datetime(2026, 11, 23, 10, 0)


def _book(ctx):
    """中国移动 with two people (王总 primary), and a second customer to choose from."""
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name="中国移动", owner="李娜",
                                         cooperation_start=date(2020, 1, 1))
        wang = people_ops.create_person(s, c.id, name="王总", is_primary=True,
                                        decision_role="decision_maker")
        zhao = people_ops.create_person(s, c.id, name="赵工")
        customer_ops.create_customer(s, name="华为技术", owner="王强")
        s.commit()
        return c.id, wang.id, zhao.id


def _open_dialog(qtbot, parent):
    found: list[LogContactDialog] = []

    def visible():
        found[:] = [d for d in parent.findChildren(LogContactDialog) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(visible)
    return found[0]


def _ime(widget, text):
    """Chinese arrives from the input method as committed text, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _keys(qtbot, dlg, *keys):
    """Press keys where the keyboard focus is, the way a person would."""
    for key in keys:
        if isinstance(key, str) and key.isascii():
            qtbot.keyClicks(dlg.focusWidget(), key)
        elif isinstance(key, str):
            _ime(dlg.focusWidget(), key)
        elif isinstance(key, tuple):
            qtbot.keyClick(dlg.focusWidget(), key[0], key[1])
        else:
            qtbot.keyClick(dlg.focusWidget(), key)


def _interactions(ctx):
    with ctx.db.session() as s:
        return list(s.scalars(select(Interaction).order_by(Interaction.id)))


def _activate(qtbot, w):
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def test_log_a_phone_call_with_the_keyboard_alone(qtbot, ctx, make_window):
    cid, wang, _zhao = _book(ctx)
    w = make_window(ctx)
    w.show_screen("log")
    _activate(qtbot, w)
    log_screen = w.screen("log")
    assert log_screen.model.rowCount() == 0

    started = time.perf_counter()
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dlg = _open_dialog(qtbot, w)
    assert dlg.focusWidget() is dlg.customer
    _keys(qtbot, dlg, "zgyd")
    assert dlg.customer.matches() == 1
    _keys(qtbot, dlg, Qt.Key.Key_Return)            # take the first completion
    assert dlg.customer.customer_id == cid
    assert dlg.customer.text() == "中国移动 (C001)"
    assert dlg.focusWidget() is dlg.people           # …and move on
    assert dlg.checked_person_ids() == [wang]        # primary contact pre-ticked
    assert dlg.owner.text() == "李娜"                 # the customer's owner by default
    _keys(qtbot, dlg, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.topic
    _keys(qtbot, dlg, "新品折扣方案", Qt.Key.Key_Tab, "希望增加新品折扣", Qt.Key.Key_Tab,
          Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.next_action
    assert not dlg.has_deadline.isChecked()
    _keys(qtbot, dlg, "整理折扣方案")
    assert dlg.has_deadline.isChecked()              # a promise gets a date: today + 3
    assert dlg.deadline.date().toPython() == date(2026, 11, 26)
    announced = []
    ctx.changed.connect(announced.append)
    _keys(qtbot, dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    # The save announced exactly what the operation wrote, tagged with the dialog.
    [changes] = announced
    assert changes.names == {"interactions", "tasks", "customer_metrics"}
    assert changes.initiator is dlg and changes.touches("customer_metrics", cid)
    elapsed = time.perf_counter() - started
    print(f"\nkeyboard path Ctrl+L … Enter took {elapsed:.2f} s of test time")

    [inter] = _interactions(ctx)
    assert (inter.customer_id, inter.channel, inter.topic) == (cid, "phone", "新品折扣方案")
    assert inter.feedback == "希望增加新品折扣" and inter.next_action == "整理折扣方案"
    assert inter.occurred_at == NOW and inter.deadline == date(2026, 11, 26)
    assert inter.owner == "李娜"
    with ctx.db.session() as s:
        assert [p.id for p in s.get(Interaction, inter.id).people] == [wang]
        [task] = s.scalars(select(Task)).all()
        assert task.source == "interaction" and task.interaction_id == inter.id
        assert task.remind_at == datetime(2026, 11, 25, 9, 0)
        assert task.title == "整理折扣方案"

    assert "2026-11-25 09:00" in w.statusBar().currentMessage()

    # The global log shows it at the top…
    qtbot.waitUntil(lambda: log_screen.model.rowCount() == 1)
    top = log_screen.model.index(0, LOG_COL["topic"])
    assert top.data() == "新品折扣方案"
    assert log_screen.model.index(0, LOG_COL["people"]).data() == "王总"
    assert log_screen.model.index(0, LOG_COL["code"]).data() == "C001"
    # …and the customer list shows the new last contact.
    w.show_screen("customers")
    customers = w.customers
    row = next(r for r in range(customers.model.rowCount())
               if customers.model.row_at(r).id == cid)
    assert customers.model.index(row, CUSTOMER_COL["last_interaction"]).data() == "2026-11-23"


def test_preselected_customer_is_skipped_and_keys_pick_channel_and_score(qtbot, ctx,
                                                                        make_window):
    cid, wang, zhao = _book(ctx)
    ctx.settings.setValue("user/name", "张伟")
    w = make_window(ctx)
    dlg = LogContactDialog(ctx, cid, w)
    dlg.show()
    assert not dlg.customer.isVisible() and dlg.customer_fixed.text() == "中国移动 (C001)"
    assert dlg.focusWidget() is dlg.people
    assert dlg.owner.text() == "张伟"                 # the signed-in manager wins
    _keys(qtbot, dlg, Qt.Key.Key_Down, Qt.Key.Key_Space)   # tick 赵工 too
    assert sorted(dlg.checked_person_ids()) == sorted([wang, zhao])
    _keys(qtbot, dlg, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.channel
    _keys(qtbot, dlg, "2")
    assert dlg.channel.currentData() == "visit"
    _keys(qtbot, dlg, "w")
    assert dlg.channel.currentData() == "wechat"
    _keys(qtbot, dlg, "v")
    assert dlg.channel.currentData() == "video"       # the next one starting with v…
    _keys(qtbot, dlg, "v")
    assert dlg.channel.currentData() == "visit"       # …and round again
    _keys(qtbot, dlg, "v")
    dlg.satisfaction.setFocus()
    _keys(qtbot, dlg, "4")
    assert dlg.satisfaction.currentData() == 4
    dlg.feedback.setFocus()
    _keys(qtbot, dlg, "第一行", Qt.Key.Key_Return, "第二行")
    assert dlg.isVisible()                            # Enter in notes is a new line
    dlg.topic.setFocus()
    _keys(qtbot, dlg, "视频会议")
    dlg.feedback.setFocus()
    _activate(qtbot, dlg)                             # shortcuts need the active window
    _keys(qtbot, dlg, (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
    qtbot.waitUntil(lambda: not dlg.isVisible())
    [inter] = _interactions(ctx)
    assert (inter.channel, inter.satisfaction, inter.owner) == ("video", 4, "张伟")
    assert inter.feedback == "第一行\n第二行" and inter.next_action is None
    with ctx.db.session() as s:
        assert s.scalars(select(Task)).all() == []   # no next action, no task
    assert "Follow-up" not in w.statusBar().currentMessage()


def test_empty_topic_keeps_the_dialog_open_with_a_message(qtbot, ctx, make_window):
    cid, _wang, _zhao = _book(ctx)
    w = make_window(ctx)
    dlg = LogContactDialog(ctx, None, w)
    dlg.show()
    # No customer yet: said so, next to the customer field.
    dlg.topic.setFocus()
    _keys(qtbot, dlg, "无客户", Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.error_text() == "Customer: This field is required."
    assert dlg.findChild(type(dlg.general_error), "error_customer").isVisible()
    assert dlg.focusWidget() is dlg.customer
    _keys(qtbot, dlg, "zgyd", Qt.Key.Key_Return)
    assert "Customer" not in dlg.error_text()
    dlg.topic.clear()
    dlg.next_action.setFocus()
    _keys(qtbot, dlg, "寄送新品手册", Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.error_text() == "Topic: This field is required."
    assert dlg.focusWidget() is dlg.topic
    # what was typed is still there
    assert dlg.next_action.text() == "寄送新品手册" and dlg.customer.customer_id == cid
    assert _interactions(ctx) == []
    _keys(qtbot, dlg, "回访", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert [i.topic for i in _interactions(ctx)] == ["回访"]


def test_future_date_and_deadline_before_contact_are_refused(qtbot, ctx, make_window):
    cid, _wang, _zhao = _book(ctx)
    w = make_window(ctx)
    dlg = LogContactDialog(ctx, cid, w)
    dlg.show()
    dlg.topic.setText("下周拜访")
    dlg.when.setDateTime(datetime(2026, 12, 5, 10, 0))
    dlg.save()
    assert dlg.isVisible() and dlg.error_text().startswith("Date and time:")
    dlg.when.setDateTime(datetime(2026, 11, 20, 10, 0))
    dlg.has_deadline.setChecked(True)
    dlg.deadline.setDate(date(2026, 11, 19))
    dlg.save()
    assert dlg.isVisible() and dlg.error_text().startswith("Deadline:")
    assert dlg.topic.text() == "下周拜访"
    assert _interactions(ctx) == []


@pytest.fixture
def questions(monkeypatch):
    """Answers QMessageBox.question with what the test puts in ``answers``."""
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked, answers


def test_escape_asks_before_throwing_away_what_was_typed(qtbot, ctx, make_window, questions):
    asked, answers = questions
    cid, _wang, _zhao = _book(ctx)
    w = make_window(ctx)

    untouched = LogContactDialog(ctx, cid, w)
    untouched.show()
    _keys(qtbot, untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: no question

    dlg = LogContactDialog(ctx, cid, w)
    dlg.show()
    dlg.topic.setFocus()
    _keys(qtbot, dlg, "半句话")
    answers.append(QMessageBox.StandardButton.Cancel)
    _keys(qtbot, dlg, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dlg.isVisible() and dlg.topic.text() == "半句话"
    answers.append(QMessageBox.StandardButton.Discard)
    _keys(qtbot, dlg, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dlg.isVisible()
    assert _interactions(ctx) == []


def _logged(ctx, cid, wang):
    with ctx.db.session() as s:
        first = log_contact(s, customer_id=cid, occurred_at=datetime(2026, 11, 20, 15),
                            channel="visit", topic="Q4供货回顾", feedback="对交货速度满意",
                            next_action="整理折扣方案", deadline=date(2026, 11, 27),
                            owner="李娜", person_ids=[wang], now=NOW).value
        second = log_contact(s, customer_id=cid, occurred_at=datetime(2026, 11, 22, 9),
                             channel="phone", topic="节日问候", owner="李娜", now=NOW).value
        s.commit()
        return first, second


def test_delete_with_confirmation_and_undo(qtbot, ctx, make_window, questions):
    asked, answers = questions
    cid, wang, _zhao = _book(ctx)
    first, _second = _logged(ctx, cid, wang)
    w = make_window(ctx)
    w.show_screen("log")
    _activate(qtbot, w)
    screen = w.screen("log")
    assert screen.model.rowCount() == 2
    assert not screen.undo_btn.isEnabled()
    screen.table.setFocus()
    screen.table.selectRow(1)                        # the older visit, which made a task
    assert screen.model.row_at(1).id == first.interaction_id

    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Q4供货回顾" in asked[0]
    assert screen.model.rowCount() == 2              # said no: nothing happened

    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert [i.topic for i in _interactions(ctx)] == ["节日问候"]
    with ctx.db.session() as s:
        assert s.scalars(select(Task)).all() == []   # its follow-up went with it
    assert screen.undo_btn.isEnabled()
    assert "Ctrl+Z" in w.statusBar().currentMessage()

    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert not screen.undo_btn.isEnabled()
    restored = screen.model.row_at(1)
    assert restored.id == first.interaction_id and restored.people == ("王总",)
    with ctx.db.session() as s:
        [task] = s.scalars(select(Task)).all()
        assert task.interaction_id == first.interaction_id
        assert task.remind_at == datetime(2026, 11, 26, 9, 0)

    # The Undo button does the same as Ctrl+Z.
    rect = screen.table.visualRect(screen.model.index(0, LOG_COL["topic"]))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r.topic for r in screen.selected_rows()] == ["节日问候"]
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.delete_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    qtbot.mouseClick(screen.undo_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert len(_interactions(ctx)) == 2


def test_edit_from_the_log(qtbot, ctx, make_window, questions):
    cid, wang, zhao = _book(ctx)
    first, _second = _logged(ctx, cid, wang)
    w = make_window(ctx)
    w.show_screen("log")
    screen = w.screen("log")
    screen.table.selectRow(1)
    screen.table.setFocus()
    dlg = screen.edit_selected()
    assert dlg is not None and dlg.windowTitle() == "Edit contact"
    assert dlg.customer_fixed.text() == "中国移动 (C001)"
    assert dlg.topic.text() == "Q4供货回顾" and dlg.channel.currentData() == "visit"
    assert dlg.feedback.toPlainText() == "对交货速度满意"
    assert dlg.when.dateTime().toPython() == datetime(2026, 11, 20, 15, 0)
    assert dlg.has_deadline.isChecked() and dlg.deadline.date().toPython() == date(2026, 11, 27)
    assert dlg.checked_person_ids() == [wang]
    assert not dlg.is_dirty()
    assert dlg.focusWidget() is dlg.topic
    dlg.topic.selectAll()
    _keys(qtbot, dlg, "Q4供货回顾与折扣")
    dlg.people.item(1).setCheckState(Qt.CheckState.Checked)
    dlg.topic.setFocus()
    _keys(qtbot, dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    with ctx.db.session() as s:
        inter = s.get(Interaction, first.interaction_id)
        assert inter.topic == "Q4供货回顾与折扣"
        assert sorted(p.id for p in inter.people) == sorted([wang, zhao])
        assert inter.channel == "visit" and inter.deadline == date(2026, 11, 27)
    assert len(_interactions(ctx)) == 2
    qtbot.waitUntil(lambda: screen.model.row_at(1).topic == "Q4供货回顾与折扣")
    assert "updated" in w.statusBar().currentMessage()


def test_log_filters(qtbot, ctx, make_window):
    cid, wang, _zhao = _book(ctx)
    _logged(ctx, cid, wang)
    with ctx.db.session() as s:
        other = customer_ops.create_customer(s, name="深圳东方医药", owner="王强")
        log_contact(s, customer_id=other.id, occurred_at=datetime(2026, 5, 1, 10),
                    channel="email", topic="老的邮件", owner="王强", now=NOW)
        log_contact(s, customer_id=other.id, occurred_at=datetime(2026, 11, 1, 10),
                    channel="email", topic="报价单", owner="王强", now=NOW)
        s.commit()
    w = make_window(ctx)
    w.show_screen("log")
    screen = w.screen("log")
    # last 90 days by default: the May e-mail is out
    assert screen.model.rowCount() == 3
    assert screen.date_from.date().toPython() == date(2026, 8, 25)
    screen.channel.setCurrentIndex(screen.channel.findData("email"))
    assert screen.model.rowCount() == 1
    screen.date_from.setDate(date(2026, 1, 1))
    assert screen.model.rowCount() == 2
    screen.channel.setCurrentIndex(0)
    screen.owner.showPopup()                          # the owner list fills when opened
    screen.owner.hidePopup()
    assert [screen.owner.itemText(i) for i in range(screen.owner.count())] == [
        "Any", "李娜", "王强"]
    screen.owner.setCurrentIndex(screen.owner.findData("李娜"))
    assert screen.model.rowCount() == 2
    screen.owner.setCurrentIndex(0)
    qtbot.keyClicks(screen.customer, "szdf")
    qtbot.keyClick(screen.customer, Qt.Key.Key_Return)
    assert screen.customer.customer_id == other.id and screen.model.rowCount() == 2
    assert screen.current_customer_id() == other.id   # Ctrl+L from here logs for it
    screen.text.setFocus()
    _ime(screen.text, "报价")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.customer.clear()
    qtbot.keyClick(screen.customer, Qt.Key.Key_Backspace)  # editing clears the choice
    screen.customer.editingFinished.emit()
    qtbot.waitUntil(lambda: screen.customer.customer_id is None)
    screen.text.clear()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4)
    assert screen.count_label.text() == "4 contacts"


def test_an_old_imported_log_is_offered_instead_of_zero(qtbot, ctx, make_window):
    # An imported 表2 is older than the default 90 days: the screen says the contacts are
    # outside the dates and widens them on a click, instead of a bare "0 contacts".
    cid, _wang, _zhao = _book(ctx)
    with ctx.db.session() as s:
        for day in (date(2024, 3, 15), date(2024, 3, 18)):
            log_contact(s, customer_id=cid, occurred_at=datetime.combine(day, datetime.min.time()),
                        channel="visit", topic="回顾", owner="李娜", now=NOW)
        s.commit()
    w = make_window(ctx)
    w.show_screen("log")
    screen = w.screen("log")
    assert screen.model.rowCount() == 0
    assert screen.count_label.text() == "No contacts between these dates; 2 outside them."
    assert screen.all_dates_btn.isVisible()
    screen.channel.setCurrentIndex(screen.channel.findData("email"))  # nothing by e-mail
    assert screen.count_label.text() == "0 contacts" and not screen.all_dates_btn.isVisible()
    screen.channel.setCurrentIndex(0)
    qtbot.mouseClick(screen.all_dates_btn, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 2 and screen.count_label.text() == "2 contacts"
    assert screen.date_from.date().toPython() == date(2024, 3, 15)
    assert screen.date_to.date().toPython() == NOW.date()  # still following today
    assert not screen.all_dates_btn.isVisible()


def test_double_click_opens_the_customer(qtbot, ctx, make_window):
    cid, wang, _zhao = _book(ctx)
    _logged(ctx, cid, wang)
    w = make_window(ctx)
    w.show_screen("log")
    screen = w.screen("log")
    with qtbot.waitSignal(ctx.open_customer) as blocker:
        index = screen.model.index(0, LOG_COL["topic"])
        rect = screen.table.visualRect(index)
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [cid]
