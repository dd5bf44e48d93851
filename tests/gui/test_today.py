"""The Today screen, its one-click actions, the background recompute and Settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from sqlalchemy import text

import factories as customer_ops
import factories as people_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.models import KeyDate, Task
from kamdesk.store.queries.settings import get_json, tiering_settings
from kamdesk.store.metrics import recompute_and_stamp

NOW = datetime(2026, 11, 23, 10, 0)
TODAY = NOW.date()


def _overdue_customer(ctx, name="华信制造", last_contact=datetime(2026, 5, 6, 10, 0)):
    """A customer last called in May: overdue on any tier's rhythm by November."""
    with ctx.db.session() as s:
        cid = customer_ops.create_customer(s, name=name, cooperation_start=date(2020, 1, 1)).id
        pid = people_ops.create_person(s, cid, name="王总", is_primary=True).id
        log_contact(s, customer_id=cid, occurred_at=last_contact, channel="phone",
                    topic="季度回顾", person_ids=[pid], now=NOW)
        s.commit()
    recompute_and_stamp(ctx.db, TODAY)
    return cid


def _task(ctx, title, **fields):
    with ctx.db.session() as s:
        tid = task_ops.create_task(s, title=title, **fields).value
        s.commit()
    return tid


def _today(qtbot, ctx):
    from kamdesk.ui.today.screen import TodayScreen

    screen = TodayScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 720)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _row(screen, name):
    from PySide6.QtWidgets import QFrame

    return screen.findChild(QFrame, name)


def _button(row, name) -> QToolButton:
    return row.findChild(QToolButton, name)


def test_overdue_customer_leaves_today_once_the_contact_is_logged(qtbot, ctx, make_window):
    from kamdesk.ui.dialogs.log_contact import LogContactDialog

    cid = _overdue_customer(ctx)
    window = make_window(ctx)
    window.show_screen("today")
    screen = window.screen("today")
    row = _row(screen, f"cadenceRow-{cid}")
    assert row is not None and row.isVisible()
    assert screen.cadence_card.count.text() == "1"

    qtbot.mouseClick(_button(row, "logButton"), Qt.MouseButton.LeftButton)
    dialogs: list[LogContactDialog] = []

    def dialog_open() -> bool:
        dialogs[:] = [d for d in window.findChildren(LogContactDialog) if d.isVisible()]
        return len(dialogs) == 1

    qtbot.waitUntil(dialog_open)
    dialog = dialogs[0]
    assert dialog.customer_fixed.text().startswith("华信制造")  # preselected from the row
    qtbot.keyClicks(dialog.topic, "Call about the Q4 order")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _row(screen, f"cadenceRow-{cid}") is None)
    assert screen.cadence_card.count.text() == "0"
    assert screen.listing("cadence").rows == ()


def test_open_profile_and_log_buttons_send_the_customer(qtbot, ctx):
    cid = _overdue_customer(ctx)
    screen = _today(qtbot, ctx)
    row = _row(screen, f"cadenceRow-{cid}")
    with qtbot.waitSignal(ctx.open_customer) as opened:
        qtbot.mouseClick(_button(row, "openButton"), Qt.MouseButton.LeftButton)
    assert opened.args == [cid]
    with qtbot.waitSignal(ctx.log_contact) as logged:
        qtbot.mouseClick(_button(row, "logButton"), Qt.MouseButton.LeftButton)
    assert logged.args == [cid]


def test_done_takes_a_task_off_and_undo_brings_it_back(qtbot, ctx):
    keep = _task(ctx, "Send the quote", due_at=NOW.replace(hour=16))
    done = _task(ctx, "Call Mr Wang", due_at=NOW.replace(hour=9))
    screen = _today(qtbot, ctx)
    assert screen.tasks_card.count.text() == "2"
    row = _row(screen, f"taskRow-{done}")
    qtbot.mouseClick(_button(row, "doneButton"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _row(screen, f"taskRow-{done}") is None)
    assert screen.tasks_card.count.text() == "1"
    assert _row(screen, f"taskRow-{keep}") is not None
    with ctx.db.session() as s:
        assert s.get(Task, done).done_at == NOW
    assert screen.undo_bar.isVisible()

    qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _row(screen, f"taskRow-{done}") is not None)
    assert not screen.undo_bar.isVisible()
    with ctx.db.session() as s:
        assert s.get(Task, done).done_at is None


@pytest.mark.parametrize("choice, minutes", [("15m", 15), ("1h", 60)])
def test_snoozed_task_returns_when_the_snooze_ends(qtbot, ctx, choice, minutes):
    tid = _task(ctx, "Call Mr Wang", due_at=NOW - timedelta(hours=1))
    screen = _today(qtbot, ctx)
    button = _button(_row(screen, f"taskRow-{tid}"), "snoozeButton")
    action = next(a for a in button.menu().actions() if a.data() == choice)
    action.trigger()
    qtbot.waitUntil(lambda: _row(screen, f"taskRow-{tid}") is None)
    with ctx.db.session() as s:
        assert s.get(Task, tid).snoozed_until == NOW + timedelta(minutes=minutes)
    # The screen arms a timer for the snooze's end; here the clock is moved by hand.
    assert screen.data.wake_at == NOW + timedelta(minutes=minutes)
    assert screen._wake.isActive()
    ctx.clock.advance(timedelta(minutes=minutes, seconds=1))
    screen.refresh()
    assert _row(screen, f"taskRow-{tid}") is not None


def test_snooze_until_tomorrow(qtbot, ctx):
    tid = _task(ctx, "Call Mr Wang", due_at=NOW)
    screen = _today(qtbot, ctx)
    button = _button(_row(screen, f"taskRow-{tid}"), "snoozeButton")
    next(a for a in button.menu().actions() if a.data() == "tomorrow").trigger()
    qtbot.waitUntil(lambda: _row(screen, f"taskRow-{tid}") is None)
    with ctx.db.session() as s:
        assert s.get(Task, tid).snoozed_until == datetime(2026, 11, 24, 9, 0)


def test_snoozing_an_overdue_customer_hides_it_until_tomorrow(qtbot, ctx):
    cid = _overdue_customer(ctx)
    screen = _today(qtbot, ctx)
    button = _button(_row(screen, f"cadenceRow-{cid}"), "snoozeButton")
    next(a for a in button.menu().actions() if a.data() == "tomorrow").trigger()
    qtbot.waitUntil(lambda: _row(screen, f"cadenceRow-{cid}") is None)
    assert screen.tasks_card.count.text() == "0"  # the snooze is no task of its own
    ctx.clock.set(datetime(2026, 11, 24, 9, 5))
    recompute_and_stamp(ctx.db, ctx.clock.today())
    screen.refresh()
    assert _row(screen, f"cadenceRow-{cid}") is not None


def test_key_date_greeting_is_copied(qtbot, ctx):
    cid = _overdue_customer(ctx)
    with ctx.db.session() as s:
        pid = people_ops.create_person(s, cid, name="李经理").id
        s.add(KeyDate(customer_id=cid, person_id=pid, kind="birthday", month=11, day=25))
        s.commit()
    screen = _today(qtbot, ctx)
    key_date = screen.listing("key_dates").rows[0]
    row = _row(screen, f"keyDateRow-{key_date.key_date_id}")
    assert "李经理" in row.findChild(type(row.title), "greeting").full_text()
    qtbot.mouseClick(_button(row, "copyButton"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key_date.greeting


def test_cards_fold_to_five_rows(qtbot, ctx):
    for i in range(8):
        _task(ctx, f"Task {i}", due_at=NOW.replace(hour=11, minute=i))
    screen = _today(qtbot, ctx)
    card = screen.tasks_card
    assert len(card.rows()) == 5 and card.toggle.isVisible()
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert len(card.rows()) == 8


def test_today_on_the_demo_book_has_every_section(qtbot, demo_ctx):
    screen = _today(qtbot, demo_ctx)
    for card in (screen.tasks_card, screen.cadence_card, screen.silent_card,
                 screen.renewals_card):
        assert int(card.count.text()) > 0, card.objectName()
        assert card.rows()


# -- background recompute ---------------------------------------------------------------------
def test_recompute_runs_off_the_ui_thread_and_announces(qtbot, ctx):
    from kamdesk.ui.recompute import schedule_recompute

    with ctx.db.session() as s:
        cid = customer_ops.create_customer(s, name="新客户", cooperation_start=date(2020, 1, 1)).id
        s.commit()
    screen = _today(qtbot, ctx)
    assert screen.cadence_card.count.text() == "0"  # never computed: no due date yet
    changes: list[frozenset[str]] = []
    ctx.changed.connect(changes.append)
    recomputer = schedule_recompute(ctx, None)
    with qtbot.waitSignal(recomputer.finished, timeout=30_000) as done:
        pass
    assert done.args == [1]
    assert frozenset({"customer_metrics", "tier_changes", "app_settings"}) in changes
    # Never contacted: due today, so not overdue yet, but now ranked and scheduled.
    with ctx.db.engine.connect() as conn:
        row = conn.execute(text("SELECT computed_on, next_due_on FROM customer_metrics "
                                "WHERE customer_id = :c"), {"c": cid}).one()
    assert str(row[0]) == TODAY.isoformat() and row[1] is not None
    # Current now: a second start-up check does nothing.
    with qtbot.waitSignal(schedule_recompute(ctx, None).finished, timeout=30_000) as again:
        pass
    assert again.args == [-1]
    assert schedule_recompute(ctx, None) is recomputer
    recomputer.wait()


def test_a_contact_logged_during_a_recompute_triggers_one_more(qtbot, ctx):
    from kamdesk.ui.recompute import schedule_recompute

    _overdue_customer(ctx)
    recomputer = schedule_recompute(ctx, None, force=True)
    ctx.announce({"interactions"})  # as the Log contact dialog does
    runs: list[int] = []
    recomputer.finished.connect(runs.append)
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=30_000)
    assert not recomputer.is_running()


# -- settings ---------------------------------------------------------------------------------
@pytest.fixture
def discard(monkeypatch):
    answers: list[str] = []

    def question(*args, **kwargs):
        answers.append(args[1] if len(args) > 1 else "")
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


def test_settings_validate_shares_and_periods(qtbot, ctx):
    from kamdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    assert (dlg.top_share.value(), dlg.middle_share.value()) == (20, 60)
    dlg.top_share.setValue(50)
    assert not dlg.save_button.isEnabled() and not dlg.error.isHidden()
    assert "100 %" in dlg.error.text()
    dlg.top_share.setValue(30)
    assert dlg.save_button.isEnabled() and dlg.error.isHidden()
    assert "10 %" in dlg.low_hint.text()
    dlg.active_months.setValue(6)
    assert not dlg.save_button.isEnabled()


def test_saving_tiering_settings_recomputes(qtbot, ctx):
    from kamdesk.ui.settings_dialog import SettingsDialog

    _overdue_customer(ctx)
    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.cadence_c.setValue(365)  # the customer's rhythm is now yearly: no longer overdue
    dlg.reminder_days["birthday"].setValue(5)
    dlg.user_name.setText("张伟")
    dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
    changes: list[frozenset[str]] = []
    ctx.changed.connect(changes.append)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    recomputer = ctx._metrics_recomputer
    qtbot.waitUntil(lambda: frozenset({"customer_metrics", "tier_changes", "app_settings"})
                    in changes, timeout=30_000)
    recomputer.wait()
    with ctx.db.engine.connect() as conn:
        assert tiering_settings(conn).cadence_c_days == 365
        assert get_json(conn, "reminders")["birthday"] == 5
        overdue = conn.execute(text("SELECT overdue_days FROM customer_metrics")).scalar()
    assert overdue == 0
    assert ctx.settings.value("user/name") == "张伟" and ctx.owner_name == "张伟"
    assert ctx.settings.value("ui/theme") == "dark"
    QApplication.instance().setPalette(QApplication.style().standardPalette())


def test_settings_ask_before_discarding(qtbot, ctx, discard):
    from kamdesk.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.reject()
    assert discard == [] and not dlg.isVisible()  # nothing changed: no question

    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.cadence_a.setValue(7)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert len(discard) == 1 and not dlg.isVisible()
    with ctx.db.engine.connect() as conn:
        assert tiering_settings(conn).cadence_a_days == 14
