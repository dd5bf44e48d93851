import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import func, insert, select

from kamdesk.store.models import Interaction, Task, TierChange
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.people import create_person
from kamdesk.store.queries import profile as pq
from kamdesk.ui import labels

NOW = datetime(2026, 11, 23, 10, 0)


def type_text(qtbot, widget, text):
    """Type like a user: ASCII as key presses, Chinese as an input-method commit (what a
    pinyin IME sends; QTest cannot press keys for characters outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for chunk in _runs(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _runs(text):
    out, cur = [], ""
    for ch in text:
        if cur and ch.isascii() != cur[-1].isascii():
            out.append(cur)
            cur = ""
        cur += ch
    return out + ([cur] if cur else [])


def _customer(ctx, name="华为技术", **kw):
    return ctx.db.write(create_customer, name=name, **kw).value


def _contacts(ctx, cid, topics):
    with ctx.db.session() as s:
        for k, topic in enumerate(topics):
            log_contact(s, customer_id=cid, occurred_at=NOW - timedelta(days=len(topics) - k),
                        channel="phone", topic=topic, now=NOW)
        s.commit()


def _count(ctx, model, **where):
    with ctx.db.engine.connect() as conn:
        q = select(func.count()).select_from(model.__table__)
        for key, value in where.items():
            q = q.where(model.__table__.c[key] == value)
        return conn.execute(q).scalar_one()


@pytest.fixture
def screen(qtbot, ctx):
    """A profile screen on its own (no main window), for the tab tests."""
    from kamdesk.ui.profile.screen import ProfileScreen

    s = ProfileScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    s.show()
    qtbot.waitExposed(s)
    return s


@pytest.fixture
def answer(monkeypatch):
    """Stand-in for QMessageBox.question: records the calls, returns ``answer.reply``."""

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


# -- customer dialog --------------------------------------------------------------
def test_create_customer_by_keyboard(qtbot, ctx):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    _customer(ctx, "已有客户", industry="制造业")
    ctx.settings.setValue("user/name", "李经理")
    dlg = CustomerDialog(ctx, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.code_edit.text() == "C002"  # suggested after the existing C001
    assert dlg.owner_combo.currentText() == "李经理"
    assert dlg.industry_combo.findText("制造业") >= 0  # existing industries offered
    type_text(qtbot, dlg.name_edit, "深圳东方医药有限公司")
    type_text(qtbot, dlg.short_name_edit, "东方医药")
    type_text(qtbot, dlg.industry_combo.lineEdit(), "医药健康")
    qtbot.keyClicks(dlg.cooperation_start.edit, "2020/3/1")
    type_text(qtbot, dlg.credit_edit, "50万")
    qtbot.keyClicks(dlg.wallet_edit, "35.5")
    type_text(qtbot, dlg.explicit_edit, "稳定交付")
    qtbot.keyClick(dlg.explicit_edit, Qt.Key.Key_Return)  # a new line, not "save"
    assert dlg.isVisible()
    type_text(qtbot, dlg.explicit_edit, "快速响应")
    with qtbot.waitSignal(ctx.changed) as changed:
        qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    # A new customer gets its metrics row too, and the save says so (issue #10).
    assert changed.args == [frozenset({"customers", "customer_metrics", "change_history"})]
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.saved_id
    with ctx.db.engine.connect() as conn:
        o = pq.overview(conn, dlg.saved_id)
    assert (o.code, o.name, o.short_name, o.industry) == ("C002", "深圳东方医药有限公司",
                                                         "东方医药", "医药健康")
    assert o.cooperation_start == date(2020, 3, 1) and o.founded_on is None
    assert o.credit_limit_cents == 500_000_00 and str(o.share_of_wallet_pct) == "35.50"
    assert o.explicit_needs == "稳定交付\n快速响应" and o.owner == "李经理"


def test_empty_name_and_bad_amount_are_explained(qtbot, ctx):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    dlg = CustomerDialog(ctx, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.saved_id is None
    assert dlg.error_label.isVisible()
    assert dlg.error_label.text() == "Name: " + labels.validation("required")
    assert dlg.focusWidget() is dlg.name_edit
    type_text(qtbot, dlg.name_edit, "华为")
    qtbot.keyClicks(dlg.credit_edit, "lots")
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.error_label.text().endswith(labels.validation("invalid_number"))
    assert dlg.error_label.text().startswith("Credit limit")
    assert dlg.saved_id is None

    _customer(ctx, "已有客户")  # takes C001
    dlg.credit_edit.clear()
    dlg.code_edit.setText("C001")
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.saved_id is None
    assert dlg.error_label.text() == "Code: " + labels.validation("duplicate")
    assert dlg.focusWidget() is dlg.code_edit


def test_unsaved_edits_are_not_lost_silently(qtbot, ctx, answer):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    dlg = CustomerDialog(ctx, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dlg.isVisible() and answer.calls == []

    dlg = CustomerDialog(ctx, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.name_edit, "新客户")
    answer.reply = QMessageBox.StandardButton.No
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Escape)
    assert dlg.isVisible() and answer.calls == ["Discard changes?"]
    assert dlg.name_edit.text() == "新客户"
    answer.reply = QMessageBox.StandardButton.Yes
    dlg.close()
    assert not dlg.isVisible() and len(answer.calls) == 2
    assert dlg.result() == QDialog.DialogCode.Rejected


def test_edit_customer_updates_open_profile(qtbot, ctx, screen):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    cid = _customer(ctx, "旧名称", credit_limit_cents=100_000_00)
    screen.load(cid)
    assert screen.header.name_label.text() == "旧名称"
    dlg = CustomerDialog(ctx, cid, screen)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.credit_edit.text() == "¥100,000.00" and not dlg.is_dirty()
    dlg.name_edit.selectAll()
    type_text(qtbot, dlg.name_edit, "新名称")
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert dlg.saved_id == cid
    assert screen.header.name_label.text() == "新名称"
    with ctx.db.engine.connect() as conn:
        assert pq.overview(conn, cid).credit_limit_cents == 100_000_00  # round trip


# -- people ----------------------------------------------------------------------
def test_key_person_with_lunar_birthday_shows_in_profile(qtbot, ctx, make_window):
    cid = _customer(ctx, "华为技术", owner="李经理")
    boss_id = ctx.db.write(create_person, cid, name="任总", title="总裁",
                           decision_role="decision_maker", is_primary=True).value
    w = make_window(ctx)
    ctx.open_customer.emit(cid)
    profile = w.screen("profile")
    assert w.current_key() == "profile" and w.current_customer_id() == cid
    assert profile.header.name_label.text() == "华为技术"
    assert "李经理" in profile.header.facts_label.text()
    # no orders, contacts or declared figures yet: "New", not "Low value" (#15 item 3)
    assert profile.header.tier_badge.text() == "New"

    profile.tabs.setCurrentWidget(profile.people)
    people_tab = profile.people
    assert people_tab.model.rowCount() == 1
    qtbot.mouseClick(people_tab.add_button, Qt.MouseButton.LeftButton)
    dlg = people_tab.dialog
    qtbot.waitExposed(dlg)
    type_text(qtbot, dlg.name_edit, "张工")
    type_text(qtbot, dlg.title_edit, "技术总监")
    dlg.role_combo.setCurrentIndex(dlg.role_combo.findData("technical_evaluator"))
    dlg.attitude_combo.setCurrentIndex(dlg.attitude_combo.findData("opponent"))
    dlg.reports_combo.setCurrentIndex(dlg.reports_combo.findData(boss_id))
    dlg.bday_calendar.setCurrentIndex(dlg.bday_calendar.findData("lunar"))
    dlg.bday_month.selectAll()
    qtbot.keyClicks(dlg.bday_month, "4")
    dlg.bday_day.selectAll()
    qtbot.keyClicks(dlg.bday_day, "8")
    dlg.bday_leap.setChecked(True)
    assert dlg.bday_preview.text().startswith("闰四月初八")
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted

    assert [p.name for p in people_tab.model.rows()] == ["任总", "张工"]
    zhang = people_tab.model.rows()[1]
    assert zhang.reports_to_name == "任总" and zhang.attitude == "opponent"
    assert "闰四月初八" in people_tab._birthdays[zhang.id]
    boss_item = people_tab.org_chart.topLevelItem(0)
    assert boss_item.text(0).startswith("任总")
    assert boss_item.child(0).text(0).startswith("张工")
    role_row = 2  # technical_evaluator
    assert people_tab.grid.item(role_row, 2).text() == "张工"  # opponent column
    with ctx.db.engine.connect() as conn:
        b = pq.birthday_of(conn, zhang.id)
    assert (b.calendar, b.month, b.day, b.leap_month, b.year) == ("lunar", 4, 8, True, None)

    qtbot.mouseClick(profile.header.back_button, Qt.MouseButton.LeftButton)
    assert w.current_key() == "customers"


def test_archive_person_hides_them_from_chart(qtbot, ctx, screen):
    cid = _customer(ctx)
    ctx.db.write(create_person, cid, name="离职的人", decision_role="user")
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.people)
    tab = screen.people
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0 and tab.org_chart.topLevelItemCount() == 0
    tab.show_archived.setChecked(True)
    assert tab.model.rowCount() == 1 and tab.model.rows()[0].archived


# -- contact log -----------------------------------------------------------------
def test_delete_contact_and_undo_with_ctrl_z(qtbot, ctx, screen, answer):
    cid = _customer(ctx)
    _contacts(ctx, cid, ["第一次", "第二次", "第三次"])
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.contact_log)
    tab = screen.contact_log
    assert [r.topic for r in tab.model.rows()] == ["第三次", "第二次", "第一次"]
    tab.table.setFocus()
    tab.table.selectRow(0)
    deleted_id = tab.model.rows()[0].id

    answer.reply = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3  # asked, and the answer was no

    answer.reply = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert answer.calls == ["Delete contact", "Delete contact"]
    assert [r.topic for r in tab.model.rows()] == ["第二次", "第一次"]
    assert _count(ctx, Interaction, customer_id=cid) == 2
    assert tab.undo_button.isEnabled()

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.topic for r in tab.model.rows()] == ["第三次", "第二次", "第一次"]
    assert tab.model.rows()[0].id == deleted_id
    assert not tab.undo_button.isEnabled()
    with ctx.db.engine.connect() as conn:
        assert pq.header(conn, cid).last_contact_at == NOW - timedelta(days=1)


def test_log_contact_button_asks_for_this_customer(qtbot, ctx, screen):
    cid = _customer(ctx)
    screen.load(cid)
    with qtbot.waitSignal(ctx.log_contact) as sig:
        qtbot.mouseClick(screen.header.log_button, Qt.MouseButton.LeftButton)
    assert sig.args == [cid]


def test_demo_customer_with_500_contacts_opens_quickly(qtbot, demo_ctx):
    from kamdesk.ui.profile.screen import ProfileScreen

    cid = 1
    with demo_ctx.db.engine.begin() as conn:
        conn.execute(insert(Interaction.__table__), [
            {"customer_id": cid, "occurred_at": NOW - timedelta(hours=7 * k + 1),
             "channel": "visit" if k % 3 else "phone", "topic": f"批量拜访 {k}",
             "owner": "李经理"} for k in range(500)])
    screen = ProfileScreen(demo_ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    start = time.perf_counter()
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.contact_log)
    elapsed = time.perf_counter() - start
    tab = screen.contact_log
    assert tab.model.rowCount() >= 500
    assert tab.model.rows()[0].topic == "批量拜访 0"
    assert elapsed < 2.0, elapsed
    for i in range(screen.tabs.count()):  # every tab renders the demo customer
        screen.tabs.setCurrentIndex(i)
        assert not screen.tabs.currentWidget().stale


# -- tasks, archive, history -------------------------------------------------------
def test_mark_task_done_and_reopen(qtbot, ctx, screen):
    cid = _customer(ctx)
    with ctx.db.session() as s:
        s.add(Task(title="寄送样品", customer_id=cid, due_at=NOW - timedelta(days=2)))
        s.commit()
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.tasks)
    tab = screen.tasks
    assert "overdue" in tab.model.columns[0].text(tab.model.rows()[0])
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert tab.model.rows()[0].is_done and tab.reopen_button.isEnabled()
    assert _count(ctx, Task, done_at=None) == 0
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert not tab.model.rows()[0].is_done
    assert _count(ctx, Task, done_at=None) == 1


def test_archive_and_restore_from_header(qtbot, ctx, screen):
    cid = _customer(ctx)
    screen.load(cid)
    qtbot.mouseClick(screen.header.archive_button, Qt.MouseButton.LeftButton)
    assert screen.header.status_badge.text() == labels.status("archived")
    assert screen.header.archive_button.text() == "Restore"
    qtbot.mouseClick(screen.header.archive_button, Qt.MouseButton.LeftButton)
    assert not screen.header.status_badge.isVisible()
    assert screen.header.archive_button.text() == "Archive"


def test_health_tab_tells_tier_history_in_words(qtbot, ctx, screen):
    cid = _customer(ctx)
    with ctx.db.session() as s:
        s.add(TierChange(customer_id=cid, changed_on=date(2026, 10, 2), dimension="activity",
                         old_value="active", new_value="silent"))
        s.commit()
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.health)
    tab = screen.health
    sentence = tab.model.columns[0].text(tab.model.rows()[0])
    assert sentence == "Activity: moved from Active to Silent on 2026-10-02"
    assert tab.score.text().count(">100<") == 1  # no recompute yet: nothing taken off


def test_profile_opens_the_account_plan_and_brief(qtbot, demo_ctx, make_window, monkeypatch,
                                                  tmp_path):
    import kamdesk.ui.pdf_export as pdf_export_module
    import kamdesk.ui.plan.editor as editor_module

    opened = {}
    monkeypatch.setattr(editor_module, "open_plan_editor",
                        lambda ctx, cid, parent: opened.setdefault("plan", cid))
    monkeypatch.setattr(pdf_export_module, "export_brief_pdf",
                        lambda ctx, cid, parent: opened.setdefault("brief", cid))
    w = make_window(demo_ctx)
    w.show_customer(3)
    profile = w.screen("profile")
    qtbot.mouseClick(profile.header.plan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profile.header.brief_button, Qt.MouseButton.LeftButton)
    assert opened == {"plan": 3, "brief": 3}


def test_undo_and_delete_keys_that_reach_a_tab_do_their_job(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    from kamdesk.ui.profile.base import undo_or_delete_key

    def key(k, mods=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
        return QKeyEvent(QEvent.Type.KeyPress, k, mods)

    done: list[str] = []
    undo, delete = (lambda: done.append("undo")), (lambda: done.append("delete"))
    ctrl_z = key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    ctrl_z.ignore()
    assert undo_or_delete_key(ctrl_z, undo, delete) and ctrl_z.isAccepted()
    assert undo_or_delete_key(key(Qt.Key.Key_Delete), undo, delete)
    assert not undo_or_delete_key(key(Qt.Key.Key_Delete), undo)  # this tab: Ctrl+Z only
    assert not undo_or_delete_key(key(Qt.Key.Key_A), undo, delete)
    assert done == ["undo", "delete"]
