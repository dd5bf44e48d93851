"""Reminders end to end with a FixedClock: fire, snooze, done, missed-while-closed.

Offscreen there is no system tray, so the in-app pop-up is what shows (as on a GNOME
desktop without the tray extension).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

import factories as customer_ops
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.models import Task
from kamdesk.store.queries.settings import APP_LAST_SEEN_KEY, get_json
from kamdesk.store.ops.settings import put_json
NOW = datetime(2026, 11, 23, 10, 0)  # the clock of the gui fixtures (conftest.NOW)


def _customer(ctx, name="华星科技"):
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name=name)
        s.commit()
        return c.id


def _task(ctx, title, remind_at, due_at=None, customer_id=None):
    with ctx.db.session() as s:
        t = task_ops.create_task(s, title=title, remind_at=remind_at,
                                 due_at=due_at or remind_at + timedelta(minutes=30),
                                 customer_id=customer_id)
        s.commit()
        return t.value


def _get(ctx, task_id):
    with ctx.db.session() as s:
        return s.get(Task, task_id)


def _install(ctx, make_window):
    from kamdesk.ui.reminders import install_reminders

    w = make_window(ctx)
    service = install_reminders(w, ctx)
    return w, service


def _popup_ids(service):
    popup = service.notifier.popup
    if not popup.isVisible():
        return []
    return [r.task_id for r in popup.rows]


def test_offscreen_uses_the_fallback_popup_that_never_takes_focus(qtbot, ctx, make_window):
    _w, service = _install(ctx, make_window)
    assert service.tray is None
    assert service.notifier.kind == "popup"
    popup = service.notifier.popup
    assert popup.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    service.shutdown()


def test_reminder_fires_snooze_refires_and_done_silences(qtbot, ctx, make_window):
    cid = _customer(ctx)
    tid = _task(ctx, "回访王总", NOW + timedelta(minutes=10), customer_id=cid)
    w, service = _install(ctx, make_window)
    assert _popup_ids(service) == []
    # one timer armed for the reminder, ten minutes out
    assert service.scheduler.next_due == NOW + timedelta(minutes=10)
    assert 9 * 60_000 <= service.scheduler.timer_interval_ms() <= 10 * 60_000

    ctx.clock.advance(timedelta(minutes=11))
    service.scheduler.check_now()
    assert _popup_ids(service) == [tid]
    assert _get(ctx, tid).notified_at == ctx.clock.now()
    assert service.center.unread_count == 1
    assert service.bell.text() == "1"
    row = service.notifier.popup.row_widgets()[0]
    assert "华星科技" in row.customer_label.full_text

    # checking again does not fire twice
    service.notifier.popup.hide()
    service.scheduler.check_now()
    assert _popup_ids(service) == []

    # snooze 15 minutes through the pop-up's menu
    service.notifier.popup.show_rows([service.center.row(tid)], missed=False)
    widget = service.notifier.popup.row_widgets()[0]
    widget.snooze_actions["15m"].trigger()
    assert _get(ctx, tid).snoozed_until == ctx.clock.now() + timedelta(minutes=15)
    assert _popup_ids(service) == []
    qtbot.waitUntil(lambda: service.scheduler.next_due is not None)
    assert service.scheduler.next_due == ctx.clock.now() + timedelta(minutes=15)

    ctx.clock.advance(timedelta(minutes=14))
    service.scheduler.check_now()
    assert _popup_ids(service) == []
    ctx.clock.advance(timedelta(minutes=2))
    service.scheduler.check_now()
    assert _popup_ids(service) == [tid]

    # done: silenced for good
    widget = service.notifier.popup.row_widgets()[0]
    qtbot.mouseClick(widget.done_button, Qt.MouseButton.LeftButton)
    assert _get(ctx, tid).done_at is not None
    assert _popup_ids(service) == []
    ctx.clock.advance(timedelta(days=1))
    service.scheduler.check_now()
    assert _popup_ids(service) == []
    assert service.center.row(tid) is None
    service.shutdown()


def test_snooze_tomorrow_is_nine_in_the_morning(qtbot, ctx, make_window):
    tid = _task(ctx, "寄送白皮书", NOW - timedelta(minutes=1))
    with ctx.db.engine.begin() as conn:  # app ran until a moment ago: due now, not missed
        put_json(conn, APP_LAST_SEEN_KEY, (NOW - timedelta(seconds=30)).isoformat())
    _w, service = _install(ctx, make_window)
    assert _popup_ids(service) == [tid]
    assert service.notifier.popup.missed is False
    until = service.snooze(tid, "tomorrow")
    assert until == datetime(2026, 11, 24, 9, 0)
    ctx.clock.set(datetime(2026, 11, 24, 9, 0))
    service.scheduler.check_now()
    assert _popup_ids(service) == [tid]
    service.shutdown()


def test_missed_while_closed_shows_once(qtbot, ctx, make_window):
    cid = _customer(ctx)
    missed_id = _task(ctx, "拜访华星科技", NOW - timedelta(hours=2), customer_id=cid)
    later_id = _task(ctx, "发送报价", NOW + timedelta(hours=1), customer_id=cid)
    with ctx.db.engine.begin() as conn:
        put_json(conn, APP_LAST_SEEN_KEY, (NOW - timedelta(days=1)).isoformat())

    w, service = _install(ctx, make_window)
    popup = service.notifier.popup
    assert popup.isVisible() and popup.missed
    assert _popup_ids(service) == [missed_id]
    assert "Missed while KAMDesk was closed" in popup.header.text()
    assert _get(ctx, missed_id).notified_at == NOW
    notices = service.center.notices()
    assert [(n.row.task_id, n.missed) for n in notices] == [(missed_id, True)]
    # the app records that it ran
    with ctx.db.engine.connect() as conn:
        assert get_json(conn, APP_LAST_SEEN_KEY) == NOW.isoformat(timespec="seconds")
    service.shutdown()
    w.close()

    # the next start, an hour later: the missed one is not reported again; the
    # one that fell due meanwhile is the only missed reminder
    ctx.clock.advance(timedelta(hours=3))
    with ctx.db.engine.begin() as conn:
        put_json(conn, APP_LAST_SEEN_KEY, (NOW + timedelta(minutes=30)).isoformat())
    w2, service2 = _install(ctx, make_window)
    assert _popup_ids(service2) == [later_id]
    assert service2.notifier.popup.missed
    service2.shutdown()
    w2.close()
    ctx.clock.advance(timedelta(hours=1))
    w3, service3 = _install(ctx, make_window)
    assert _popup_ids(service3) == []
    service3.shutdown()


def test_notification_list_offers_the_same_actions(qtbot, ctx, make_window):
    tid = _task(ctx, "回访", NOW + timedelta(minutes=5))
    _w, service = _install(ctx, make_window)
    ctx.clock.advance(timedelta(minutes=6))
    service.scheduler.check_now()
    service.bell.click()
    assert service.panel.isVisible()
    assert service.center.unread_count == 0
    rows = service.panel.row_widgets()
    assert [r.row.task_id for r in rows] == [tid]
    rows[0].snooze_actions["1h"].trigger()
    assert _get(ctx, tid).snoozed_until == ctx.clock.now() + timedelta(hours=1)
    assert service.center.notices() == []
    service.shutdown()


def test_clock_jump_rearms(qtbot, ctx, make_window):
    tid = _task(ctx, "回访", NOW + timedelta(hours=3))
    _w, service = _install(ctx, make_window)
    assert _popup_ids(service) == []
    # the laptop slept for four hours: the wall clock leapt, the monotonic one did not
    ctx.clock.advance(timedelta(hours=4))
    jumped = []
    service.scheduler.clock_jumped.connect(lambda: jumped.append(True))
    service.scheduler.watch_now()
    assert jumped
    assert _popup_ids(service) == [tid]
    service.shutdown()


def test_key_date_reminders_are_generated_at_start(qtbot, ctx, make_window):
    from kamdesk.store.models import KeyDate

    cid = _customer(ctx)
    with ctx.db.session() as s:
        s.add(KeyDate(customer_id=cid, kind="birthday", title="王总生日", calendar="solar",
                      month=11, day=25))
        s.commit()
    _w, service = _install(ctx, make_window)
    with ctx.db.session() as s:
        task = s.scalars(select(Task).where(Task.source == "key_date")).one()
    assert task.source_key.startswith("keydate:")
    assert task.due_at == datetime(2026, 11, 25, 9, 0)
    assert task.remind_at == datetime(2026, 11, 22, 9, 0)
    # its reminder time has passed and the app had never run: reported as missed
    assert _popup_ids(service) == [task.id]
    service.shutdown()


def test_autostart_xdg_entry(tmp_path, monkeypatch):
    """Start at login on Linux: a .desktop file under $XDG_CONFIG_HOME/autostart."""
    from kamdesk.ui.reminders import autostart

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "kamdesk.desktop"
    assert not autostart.is_enabled("linux")
    command = ["/opt/KAMDesk dir/kamdesk", "--lang", "zh_CN"]
    autostart.enable(command, "linux")
    assert entry.exists() and autostart.is_enabled("linux")
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text
    assert autostart.command_of_entry(entry) == command
    autostart.enable(None, "linux")  # rewriting is fine; default command is this install
    assert autostart.command_of_entry(entry) == autostart.launch_command()
    # switched off by the desktop's own settings, without deleting the file
    entry.write_text(text + "Hidden=true\n", encoding="utf-8")
    assert not autostart.is_enabled("linux")
    autostart.disable("linux")
    assert not entry.exists() and not autostart.is_enabled("linux")
    autostart.disable("linux")  # twice is harmless


def test_autostart_mac_agent(tmp_path, monkeypatch):
    import plistlib

    from kamdesk.ui.reminders import autostart

    monkeypatch.setattr(autostart.Path, "home", classmethod(lambda cls: tmp_path))
    autostart.enable(["/Applications/KAMDesk.app/Contents/MacOS/KAMDesk"], "darwin")
    assert autostart.is_enabled("darwin")
    data = plistlib.loads(autostart.mac_agent_file().read_bytes())
    assert data["RunAtLoad"] is True and data["Label"] == autostart.MAC_LABEL
    autostart.disable("darwin")
    assert not autostart.is_enabled("darwin")


def test_close_to_tray_hides_and_hints_once(qtbot, ctx, make_window, monkeypatch):
    """Where a tray exists, closing the window hides it; the first time a message
    says the app is still running."""
    from kamdesk.ui.reminders.tray import HINT_SHOWN_KEY, TrayController

    w = make_window(ctx)
    tray = TrayController(w, ctx)
    monkeypatch.setattr(tray.tray, "isVisible", lambda: True)
    messages = []
    monkeypatch.setattr(tray.tray, "showMessage", lambda *a: messages.append(a))
    w.close()
    assert not w.isVisible() and len(messages) == 1
    assert ctx.settings.value(HINT_SHOWN_KEY) in (True, "true")
    tray.show_window()
    assert w.isVisible()
    w.close()
    assert not w.isVisible() and len(messages) == 1  # only the first time
    assert [a.text() for a in tray._menu.actions() if a.text()] == [
        "Open KAMDesk", "Log contact…", "Quit KAMDesk"]
    tray.remove()


def test_complaint_deadline_rings_at_amber_then_at_the_deadline(qtbot, ctx, make_window):
    from kamdesk.store.ops.complaints import open_complaint, respond
    from kamdesk.ui.ops import run_op

    cid = _customer(ctx)
    kid = run_op(ctx, open_complaint, cid, received_at=NOW, description="包装破损",
                 owner="王敏", severity="critical", now=NOW).value  # 4 h: amber at 13:00
    w, service = _install(ctx, make_window)
    assert _popup_ids(service) == []
    assert service.scheduler.next_due == NOW + timedelta(hours=3)
    ctx.clock.advance(timedelta(hours=3))
    service.scheduler.check_now()
    [tid] = _popup_ids(service)
    assert "包装破损" in service.notifier.popup.rows[0].title
    # shown: the same task now waits for the deadline
    qtbot.waitUntil(lambda: service.scheduler.next_due == NOW + timedelta(hours=4))
    service.shutdown()
    w.close()

    # a restart before the deadline shows nothing again; the deadline rings once
    w2, service2 = _install(ctx, make_window)
    assert _popup_ids(service2) == []
    ctx.clock.advance(timedelta(hours=1))
    service2.scheduler.check_now()
    assert _popup_ids(service2) == [tid]
    service2.notifier.popup.hide()
    # answering the complaint ends its reminder
    run_op(ctx, respond, kid, now=ctx.clock.now())
    qtbot.waitUntil(lambda: _get(ctx, tid).done_at is not None)
    ctx.clock.advance(timedelta(days=1))
    service2.scheduler.check_now()
    assert _popup_ids(service2) == []
    service2.shutdown()
    w2.close()
